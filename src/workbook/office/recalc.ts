/**
 * Recalculating the add-in's formulas alone: Excel recalculates a custom function only when its
 * arguments change, so after the workbook's settings change the cells whose formulas call AR.*
 * are found (formulas read in chunks under the payload limits, the add-in's generated sheets
 * skipped: they hold values) and recalculated with Range.calculate, one range per run of such
 * cells down a column. Cells that depend on them follow through Excel's own recalculation.
 */
import { readGeneratedList } from "../settings-store";
import { planChunks } from "./chunks";
import type { ExcelRunner } from "./runner";
import { queueGeneratedListRead } from "./settings";

/** Bytes budgeted per cell of a formulas read: a formula such as "=AR.PENALTY(C2,D2,$H$1)" with room. */
const FORMULA_BYTES_PER_CELL = 64;
/** Range.calculate calls sent in one sync (each a small request entry). */
const CALCULATIONS_PER_SYNC = 5_000;

/** Cells down one column whose formulas call the add-in: 0-based sheet coordinates. */
export interface FormulaRun {
  sheet: string;
  row: number;
  column: number;
  rowCount: number;
}

/**
 * Whether a formula calls a function of the namespace: "=AR.PENALTY(B2,C2)", "=SUM(ar.bucketsum(…))".
 * @param formula a cell's formula (a value for a cell without one)
 * @param namespace the custom functions' namespace
 * @returns true when it calls one of them
 * @example callsNamespace("=ROUND(AR.PENALTY(B2,C2),0)", "AR") // true; callsNamespace("=CAR.X(1)", "AR") // false
 */
export function callsNamespace(formula: unknown, namespace: string): boolean {
  if (typeof formula !== "string" || !formula.startsWith("=")) return false;
  const upper = formula.toUpperCase();
  const name = `${namespace.toUpperCase()}.`;
  for (let at = upper.indexOf(name); at >= 0; at = upper.indexOf(name, at + 1)) {
    const before = at === 0 ? "" : upper[at - 1];
    if (!/[A-Z0-9_.]/.test(before) && /[A-Z]/.test(upper[at + name.length] ?? "")) return true;
  }
  return false;
}

/**
 * Adds the cells of one block of formulas to the runs: a cell right below the end of its column's
 * run extends it, any other starts a new run.
 * @param formulas the block's formulas
 * @param at the block's first cell (0-based sheet coordinates) and its sheet
 * @param namespace the custom functions' namespace
 * @param openRuns the run ending in each column so far (per sheet; updated)
 * @param runs receives the new runs
 * @example collectRuns([["=AR.AGING(B2)"], ["=AR.AGING(B3)"]], { sheet: "台账", row: 1, column: 2 }, "AR", new Map(), runs) // runs: one of 2 rows at C2
 */
export function collectRuns(
  formulas: readonly (readonly unknown[])[],
  at: { sheet: string; row: number; column: number },
  namespace: string,
  openRuns: Map<number, FormulaRun>,
  runs: FormulaRun[],
): void {
  formulas.forEach((cells, r) => {
    cells.forEach((formula, c) => {
      if (!callsNamespace(formula, namespace)) return;
      const row = at.row + r;
      const column = at.column + c;
      const open = openRuns.get(column);
      if (open !== undefined && open.row + open.rowCount === row) {
        open.rowCount++;
        return;
      }
      const run: FormulaRun = { sheet: at.sheet, row, column, rowCount: 1 };
      openRuns.set(column, run);
      runs.push(run);
    });
  });
}

/**
 * Recalculates every cell of the workbook whose formula calls a function of the namespace.
 * Syncs: the sheets, their used ranges, the formulas in chunks of at most ~4 MB, the calculations.
 * @param excel where `run` comes from
 * @param namespace the custom functions' namespace ("AR")
 * @returns the runs recalculated
 * @example await recalculateFunctionCells(excel, "AR") // [{ sheet: "台账", row: 1, column: 7, rowCount: 500 }]
 */
export async function recalculateFunctionCells(excel: ExcelRunner, namespace: string): Promise<FormulaRun[]> {
  return excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name,items/id");
    const generatedList = queueGeneratedListRead(context);
    await context.sync();
    const generated = new Set(readGeneratedList(generatedList()).sheets.map((sheet) => sheet.id));
    const blocks = sheets.items
      .filter((sheet) => !generated.has(sheet.id))
      .map((sheet) => ({ sheet, used: sheet.getUsedRangeOrNullObject().load("rowIndex,columnIndex,rowCount,columnCount") }));
    await context.sync();

    const runs: FormulaRun[] = [];
    for (const { sheet, used } of blocks) {
      if (used.isNullObject) continue;
      const openRuns = new Map<number, FormulaRun>();
      for (const chunk of planChunks(used.rowCount, used.columnCount, FORMULA_BYTES_PER_CELL)) {
        const row = used.rowIndex + chunk.startRow;
        const range = sheet.getRangeByIndexes(row, used.columnIndex, chunk.rowCount, used.columnCount).load("formulas");
        await context.sync();
        collectRuns(range.formulas, { sheet: sheet.name, row, column: used.columnIndex }, namespace, openRuns, runs);
      }
    }
    const byName = new Map(sheets.items.map((sheet) => [sheet.name, sheet]));
    for (let first = 0; first < runs.length; first += CALCULATIONS_PER_SYNC) {
      for (const run of runs.slice(first, first + CALCULATIONS_PER_SYNC)) {
        byName.get(run.sheet)?.getRangeByIndexes(run.row, run.column, run.rowCount, 1).calculate();
      }
      await context.sync();
    }
    return runs;
  });
}
