import { errorsPlan } from "../../../src/workbook/plans";
import { AS_OF } from "./fixtures";

describe("errorsPlan", () => {
  it("lists errors with sheet, row, column and message", () => {
    const error = { sheet: "发票", row: 3, column: "D", code: "date.noSuchMonth", params: { text: "2026-13-01", month: 13 }, outcome: "rowSkipped" as const };
    const plan = errorsPlan([error], "en", AS_OF);
    expect(plan.name).toBe("Data errors 2026-11-23");
    expect(plan.values).toEqual([
      ["Sheet", "Row", "Column", "Problem"],
      ["发票", 3, "D", '"2026-13-01" is not a date: there is no month 13; row skipped.'],
    ]);
    // In the sheet's language: the zh-CN sheet says it in Chinese.
    expect(errorsPlan([error], "zh-CN", AS_OF).values[1][3]).toBe("“2026-13-01” 不是有效日期（没有13月）；此行已跳过。");
  });
});
