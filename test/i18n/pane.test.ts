import { PANE_STRINGS } from "../../src/i18n/pane";

describe("the pane's words", () => {
  it("has the same keys in every language, none left empty", () => {
    const keys = (value: unknown, prefix = ""): string[] =>
      value !== null && typeof value === "object"
        ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`))
        : [prefix];
    const zh = keys(PANE_STRINGS["zh-CN"]).sort();
    expect(keys(PANE_STRINGS["zh-TW"]).sort()).toEqual(zh);
    expect(keys(PANE_STRINGS.en).sort()).toEqual(zh);
    for (const strings of Object.values(PANE_STRINGS)) expect(JSON.stringify(strings)).not.toMatch(/""/);
  });
});
