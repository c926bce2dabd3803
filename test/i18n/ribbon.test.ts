import { RIBBON_STRINGS } from "../../src/i18n/ribbon";

describe("the ribbon's words", () => {
  it("has every message in every language, with the placeholder it is filled with", () => {
    for (const lang of ["zh-CN", "zh-TW", "en"] as const) {
      const strings = RIBBON_STRINGS[lang];
      expect(Object.keys(strings).sort()).toEqual(["confirm", "done", "failed"]);
      expect(strings.done).toContain("{list}");
      expect(strings.confirm).toContain("{list}");
      expect(strings.failed).toContain("{message}");
    }
  });
});
