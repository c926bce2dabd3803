import { sanitizeSheetName } from "../../../src/workbook/excel-limits";
import { sheetName } from "../../../src/workbook/plans";
import { AS_OF } from "./fixtures";

describe("sheetName", () => {
  it("is localized, dated and at most 31 characters", () => {
    expect(sheetName("aging", AS_OF, "zh-CN")).toBe("账龄分析 2026-11-23");
    expect(sheetName("detail", AS_OF, "zh-CN")).toBe("账龄明细 2026-11-23");
    expect(sheetName("flags", AS_OF, "zh-CN")).toBe("超额度停货 2026-11-23");
    expect(sheetName("letters", AS_OF, "zh-CN")).toBe("催款函 2026-11-23");
    expect(sheetName("aging", AS_OF, "zh-TW")).toBe("帳齡分析 2026-11-23");
    expect(sheetName("errors", AS_OF, "zh-TW")).toBe("資料錯誤 2026-11-23");
    expect(sheetName("aging", AS_OF, "en")).toBe("Aging 2026-11-23");
    expect(sheetName("detail", AS_OF, "en")).toBe("Aging detail 2026-11-23");
    expect(sheetName("errors", AS_OF, "en")).toBe("Data errors 2026-11-23");
    for (const lang of ["zh-CN", "zh-TW", "en"] as const) {
      for (const kind of ["aging", "detail", "flags", "letters", "errors"] as const) {
        expect(sheetName(kind, AS_OF, lang).length).toBeLessThanOrEqual(31);
      }
    }
  });

  it("replaces forbidden characters and cuts long names to 31", () => {
    expect(sanitizeSheetName("A/R: [2026]*?\\")).toBe("A-R- -2026----");
    expect(sanitizeSheetName("x".repeat(40))).toHaveLength(31);
    expect(sanitizeSheetName("'quoted'")).toBe("quoted");
    expect(sanitizeSheetName("///")).toBe("---");
  });
});
