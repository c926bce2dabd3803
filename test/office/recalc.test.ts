/**
 * Recalculating the add-in's formulas alone: which formulas call AR.*, runs down a column, and the
 * syncs over the Excel stand-in (formulas read in chunks, generated sheets skipped).
 */
import { callsNamespace, collectRuns, recalculateFunctionCells, type FormulaRun } from "../../src/workbook/office/recalc";
import type { ExcelRunner } from "../../src/workbook/office/runner";
import { createExcelHost } from "../support/excel-standin";

describe("callsNamespace", () => {
  it("finds AR.* calls in any case, inside other functions, and nothing else", () => {
    expect(callsNamespace("=AR.PENALTY(B2,C2)", "AR")).toBe(true);
    expect(callsNamespace("=ROUND(ar.aging(B2),0)", "AR")).toBe(true);
    expect(callsNamespace("=CAR.X(1)", "AR")).toBe(false);
    expect(callsNamespace("=SUM(A1:A3)", "AR")).toBe(false);
    expect(callsNamespace("AR.PENALTY as text", "AR")).toBe(false);
    expect(callsNamespace(42, "AR")).toBe(false);
  });
});

describe("collectRuns", () => {
  it("joins cells down a column into one run, across chunks, and starts a new run after a gap", () => {
    const runs: FormulaRun[] = [];
    const open = new Map<number, FormulaRun>();
    collectRuns([["=AR.AGING(B2)", 1], ["=AR.AGING(B3)", "=AR.DSO(1,2)"]], { sheet: "台账", row: 1, column: 2 }, "AR", open, runs);
    collectRuns([["=AR.AGING(B4)", null], [null, null], ["=AR.AGING(B6)", null]], { sheet: "台账", row: 3, column: 2 }, "AR", open, runs);
    expect(runs).toEqual([
      { sheet: "台账", row: 1, column: 2, rowCount: 3 },
      { sheet: "台账", row: 2, column: 3, rowCount: 1 },
      { sheet: "台账", row: 5, column: 2, rowCount: 1 },
    ]);
  });
});

describe("recalculateFunctionCells", () => {
  it("reads 300,000 cells' formulas in chunks under 4 MB and recalculates the AR column in one range", async () => {
    const cells = Array.from({ length: 30000 }, (_, r) => Array.from({ length: 10 }, (_, c) => (c === 0 ? `INV-${r}` : r * 10 + c)));
    const { Excel, host } = createExcelHost({ sheets: [{ name: "台账", cells }], settings: { "ar.generated": JSON.stringify([]) } });
    const excel = Excel as unknown as ExcelRunner;
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("台账").getRange("K1:K30000").formulas = Array.from({ length: 30000 }, (_, r) => [`=AR.PENALTY(B${r + 1},C${r + 1})`]);
      await context.sync();
    });
    const syncsBefore = host.syncs.length;
    const runs = await recalculateFunctionCells(excel, "AR");
    expect(runs).toEqual([{ sheet: "台账", row: 0, column: 10, rowCount: 30000 }]);
    expect(host.workbook.calculations).toEqual(["'台账'!K1:K30000"]);
    const syncs = host.syncs.slice(syncsBefore);
    // sheets, used ranges, 330,000 cells at 64 bytes budgeted → 62,500 cells = 5,681 rows a chunk → 6 chunks, calculations
    expect(syncs).toHaveLength(2 + 6 + 1);
    for (const sync of syncs) expect(sync.responseBytes).toBeLessThan(4_000_000);
  });

  it("skips the sheets the add-in generated (plain values) and recalculates nothing where no formula calls AR", async () => {
    const { Excel, host } = createExcelHost({ sheets: [{ name: "账龄 2026-11-23", cells: [["x"]] }, { name: "Notes", cells: [[1]] }] });
    const excel = Excel as unknown as ExcelRunner;
    const sheetId = host.workbook.sheets[0].id;
    await excel.run(async (context) => {
      context.workbook.settings.add("ar.generated", JSON.stringify([{ id: sheetId, name: "账龄 2026-11-23", kind: "aging" }]));
      context.workbook.worksheets.getItem("账龄 2026-11-23").getRange("B1").formulas = [["=AR.AGING(A1)"]];
      context.workbook.worksheets.getItem("Notes").getRange("B1").formulas = [["=1+2"]];
      await context.sync();
    });
    expect(await recalculateFunctionCells(excel, "AR")).toEqual([]);
    expect(host.workbook.calculations).toEqual([]);
  });
});
