import { languageOfLocale } from "../../src/i18n/language";

describe("languageOfLocale", () => {
  it.each([
    ["zh-TW", "zh-TW"],
    ["zh-HK", "zh-TW"],
    ["zh-MO", "zh-TW"],
    ["zh-Hant-TW", "zh-TW"],
    ["zh-CN", "zh-CN"],
    ["zh-SG", "zh-CN"],
    ["zh", "zh-CN"],
    ["en-US", "en"],
    ["fr-FR", "en"],
    [undefined, "en"],
  ])("display language %s → %s", (display, lang) => {
    expect(languageOfLocale(display)).toBe(lang);
  });
});
