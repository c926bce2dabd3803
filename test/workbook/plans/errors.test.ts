import { errorsPlan } from "../../../src/workbook/plans";
import { AS_OF } from "./fixtures";

describe("errorsPlan", () => {
  it("lists errors with sheet, row, column and message", () => {
    const plan = errorsPlan([{ sheet: "发票", row: 3, column: "D", message: "日期无效" }], "en", AS_OF);
    expect(plan.name).toBe("Data errors 2026-11-23");
    expect(plan.values).toEqual([
      ["Sheet", "Row", "Column", "Problem"],
      ["发票", 3, "D", "日期无效"],
    ]);
  });
});
