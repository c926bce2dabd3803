import { EPOCH_1904_DAY, fromYmd } from "../../src/rules/dates";
import {
  DAYS_1900_TO_1904,
  MAX_COLUMNS,
  MAX_ROWS,
  checkPlanFitsSheet,
  sanitizeSheetName,
  shortenSheetName,
} from "../../src/workbook/excel-limits";
import type { PlanCell, SheetPlan } from "../../src/workbook/plan-types";

const plan = (values: PlanCell[][]): SheetPlan => ({ name: "Aging", kind: "aging", values, formats: [], conditionalFormats: [], columnWidths: [], freezeRows: 0, freezeCols: 0 });

describe("Excel's limits", () => {
  it("takes the 1904 offset from the rules' date arithmetic: 1904-01-01 is 1900 serial 1462", () => {
    expect(DAYS_1900_TO_1904).toBe(1462);
    expect(DAYS_1900_TO_1904).toBe(EPOCH_1904_DAY);
    expect(fromYmd(1904, 1, 1)).toBe(1462);
    expect([MAX_ROWS, MAX_COLUMNS]).toEqual([2 ** 20, 2 ** 14]);
  });
});

describe("sanitizeSheetName", () => {
  it("replaces forbidden characters and cuts long names to 31", () => {
    expect(sanitizeSheetName("A/R: [2026]*?\\")).toBe("A-R- -2026----");
    expect(sanitizeSheetName("x".repeat(40))).toHaveLength(31);
    expect(sanitizeSheetName("'quoted'")).toBe("quoted");
    expect(sanitizeSheetName("///")).toBe("---");
  });

  it("counts UTF-16 units as Excel does, and never splits an emoji", () => {
    // 30 "x" + "😀" (2 units) = 32 units: the emoji does not fit, so 30 characters remain.
    expect(sanitizeSheetName(`${"x".repeat(30)}😀`)).toBe("x".repeat(30));
    expect(shortenSheetName("账龄😀", 3)).toBe("账龄");
    expect(shortenSheetName("账龄😀", 4)).toBe("账龄😀");
    expect(sanitizeSheetName("   ")).toBe("Sheet");
  });
});

describe("checkPlanFitsSheet", () => {
  it("accepts a rectangle and rejects ragged rows, too many rows or too many columns", () => {
    expect(() => checkPlanFitsSheet(plan([["a", "b"], ["c", null]]))).not.toThrow();
    expect(() => checkPlanFitsSheet(plan([["a", "b"], ["c"]]))).toThrow('Plan "Aging": rows have different lengths');
    expect(() => checkPlanFitsSheet(plan(new Array<PlanCell[]>(MAX_ROWS + 1).fill([1])))).toThrow("1048577 rows, more than Excel's 1048576");
    expect(() => checkPlanFitsSheet(plan([new Array<PlanCell>(MAX_COLUMNS + 1).fill(null)]))).toThrow("16385 columns, more than Excel's 16384");
  });
});
