import { checkPlanFitsSheet } from "../../src/workbook/excel-limits";
import { planWithRowsLater, rowsLater, withName, withoutValues } from "../../src/workbook/plan-rows";
import type { PlanCell, SheetPlan } from "../../src/workbook/plan-types";

const LAYOUT: Omit<SheetPlan, "values"> = { name: "Detail", kind: "detail", formats: [], conditionalFormats: [], columnWidths: [10, 10], freezeRows: 1, freezeCols: 0 };

/** Rows from a list, counting how many were made (over every time they were asked for). */
function counted(rows: PlanCell[][]): { rows: () => Iterator<PlanCell[]>; made: () => number } {
  let made = 0;
  const iterator = function* (): Generator<PlanCell[]> {
    for (const row of rows) {
      made++;
      yield row;
    }
  };
  return { rows: iterator, made: () => made };
}

describe("a plan whose rows are made later", () => {
  const ROWS: PlanCell[][] = [["客户", "金额"], ["甲", 1], ["乙", 2], ["丙", 3]];

  it("makes rows up to a point when asked, and every row when its values are read", () => {
    const source = counted(ROWS);
    const plan = planWithRowsLater(LAYOUT, 4, 2, source.rows);
    const later = rowsLater(plan);
    expect(later?.rowCount).toBe(4);
    expect(later?.upTo(2).slice(0, 2)).toEqual(ROWS.slice(0, 2));
    expect(source.made()).toBe(2);
    expect(withoutValues(plan)).toEqual(LAYOUT);
    checkPlanFitsSheet(plan);
    expect(source.made()).toBe(2);
    expect(plan.values).toEqual(ROWS);
    expect(source.made()).toBe(4);
    // Read again: the same array, nothing made twice.
    expect(plan.values).toBe(plan.values);
  });

  it("gives every row once more for a writer that reads each once, keeping none, and rows made different from the announced just as the values would", () => {
    const source = counted(ROWS);
    const plan = planWithRowsLater(LAYOUT, 4, 2, source.rows);
    const later = rowsLater(plan)!;
    expect([...later.each()]).toEqual(ROWS);
    expect([...later.each()]).toEqual(ROWS);
    expect(source.made()).toBe(8);
    // Nothing was kept: the values are made when read, then each() gives them without making them again.
    expect(plan.values).toEqual(ROWS);
    expect(source.made()).toBe(12);
    expect(later.each()).toBe(plan.values);
    expect(() => [...rowsLater(planWithRowsLater(LAYOUT, 4, 2, () => [["a", 1], ["b"]].values()))!.each()]).toThrow('Plan "Detail": rows have different lengths');
    expect(() => [...rowsLater(planWithRowsLater(LAYOUT, 3, 2, () => ROWS.values()))!.each()]).toThrow('Plan "Detail": more rows made than the 3 announced');
  });

  it("keeps its rows made later under another name", () => {
    const source = counted(ROWS);
    const plan = planWithRowsLater(LAYOUT, 4, 2, source.rows);
    const renamed = withName(plan, "明细 (2)");
    expect(renamed.name).toBe("明细 (2)");
    expect(plan.name).toBe("Detail");
    expect(rowsLater(renamed)?.rowCount).toBe(4);
    expect(source.made()).toBe(0);
    expect(renamed.values).toEqual(ROWS);
    expect(plan.values).toBe(renamed.values);
    expect(withName({ ...LAYOUT, values: ROWS }, "x")).toEqual({ ...LAYOUT, name: "x", values: ROWS });
  });

  it("is a plain plan once copied", () => {
    const copy = { ...planWithRowsLater(LAYOUT, 4, 2, () => ROWS.values()) };
    expect(rowsLater(copy)).toBeUndefined();
    expect(copy).toEqual({ ...LAYOUT, values: ROWS });
  });

  it("refuses a row of another width, and fewer or more rows than it was told", () => {
    expect(() => planWithRowsLater(LAYOUT, 4, 2, () => [["a", 1], ["b"]].values()).values).toThrow('Plan "Detail": rows have different lengths');
    expect(() => planWithRowsLater(LAYOUT, 5, 2, () => ROWS.values()).values).toThrow('Plan "Detail": 4 rows made, 5 announced');
    expect(() => planWithRowsLater(LAYOUT, 3, 2, () => ROWS.values()).values).toThrow('Plan "Detail": more rows made than the 3 announced');
  });

  it("is checked against Excel's grid by its size, before its rows are made", () => {
    expect(() => checkPlanFitsSheet(planWithRowsLater(LAYOUT, 1_048_577, 2, () => ROWS.values()))).toThrow("1048577 rows, more than Excel's 1048576");
    expect(() => checkPlanFitsSheet(planWithRowsLater(LAYOUT, 4, 16_385, () => ROWS.values()))).toThrow("16385 columns, more than Excel's 16384");
  });
});
