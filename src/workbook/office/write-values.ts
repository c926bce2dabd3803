/**
 * What a plan's rows become in `Range.values`: text protected from being read as a formula,
 * dates moved to the workbook's date system, and the rows split into runs whose request bytes
 * are counted from the plan, so each run fits one sync. The writer takes a plan's cells through
 * `PlanValues`: made here from the plans on the thread that writes, or served by the jobs worker,
 * which keeps the cells and builds each run's inputs when the writer asks (src/jobs/worker).
 */
import type { DateSystem } from "../../rules/types";
import { MAX_COLUMNS, MAX_ROWS } from "../excel-limits";
import type { PlanCell, SheetPlan } from "../plan-types";
import { shiftedDateColumns, storedCell } from "../plan-dates";
import { jsonNumberBytes, wireStringBytes, wireValueBytes } from "./chunks";

/** A value input as written through Range.values. */
export type CellInput = string | number | boolean;

/**
 * Turns a plan cell into what is written through Range.values so that text stays text.
 * Excel parses strings written through `values` as if typed: "=…", "+…", "-…", "@…" become
 * formulas, "00123" a number, "2026-03-31" a date, "TRUE" a boolean. A leading apostrophe is
 * Excel's quote prefix: the rest is stored as text and the apostrophe is not part of the value
 * (`values` reads it back without it). So every non-empty string gets one; blanks are "".
 *
 * @param cell The plan's cell.
 * @returns The value to write.
 * @example
 * cellInput("=HYPERLINK(\"x\")"); // "'=HYPERLINK(\"x\")"
 * cellInput(12.5); // 12.5
 * cellInput(null); // ""
 */
export function cellInput(cell: PlanCell): CellInput {
  if (cell === null) return "";
  if (typeof cell === "string") return cell === "" ? "" : `'${cell}`;
  return cell;
}

/** The value written for one plan cell: its date moved to the workbook's system, then text protected. */
function inputOf(cell: PlanCell, row: number, col: number, shifted: boolean[] | null): CellInput {
  return cellInput(storedCell(cell, row, col, shifted));
}

/** Wire bytes of "" (its quotes, escaped again). */
const EMPTY_STRING_BYTES = 4;

/** Request bytes of one cell as written, on the wire (chunks.ts), counted from the plan's cell. */
function inputCellBytes(cell: PlanCell, rowIndex: number, col: number, shifted: boolean[] | null): number {
  if (typeof cell === "string") return cell === "" ? EMPTY_STRING_BYTES : wireStringBytes(cell) + 1;
  if (typeof cell === "number") return jsonNumberBytes(storedCell(cell, rowIndex, col, shifted) as number);
  if (cell === null) return EMPTY_STRING_BYTES;
  return wireValueBytes(inputOf(cell, rowIndex, col, shifted));
}

/**
 * Request bytes of one row as written, on the wire (chunks.ts), counted from the plan's cells:
 * "" for blanks, the quote prefix plus the escaped text for strings, numbers as JSON writes them
 * (after the 1904 shift). A cell equal to the one above it in its column (a customer's name row
 * after row, a bucket's label) has the same bytes: `above` keeps the row above and its cells' bytes.
 */
function inputRowBytes(row: PlanCell[], rowIndex: number, shifted: boolean[] | null, above: { row: PlanCell[]; bytes: number[] }): number {
  const width = row.length;
  let bytes = width === 0 ? 2 : width + 1;
  const { row: last, bytes: lastBytes } = above;
  for (let c = 0; c < width; c++) {
    const cell = row[c];
    let cellBytes: number;
    if (cell === last[c] && c < last.length) cellBytes = lastBytes[c];
    else lastBytes[c] = cellBytes = inputCellBytes(cell, rowIndex, c, shifted);
    bytes += cellBytes;
  }
  // The header row is never moved to 1904: its cells are no guide to the rows below.
  above.row = rowIndex === 0 ? [] : row;
  return bytes;
}

/** A run of a plan's rows written in one Range.values op. */
export interface ValueChunk {
  start: number;
  count: number;
  /** Request bytes of its rows on the wire (each row plus a comma). */
  bytes: number;
}

/**
 * Splits a plan's rows into runs whose request bytes stay under the budget (a longer row gets a
 * run of its own).
 * @param values the plan's rows
 * @param shifted the plan's date columns to shift (plan-dates.ts), or null
 * @param budget request bytes per run
 * @returns the runs, covering every row once, in order
 * @example valueChunks([["a"], ["b"], ["c"]], null, 18) // [{ start: 0, count: 2, bytes: 18 }, { start: 2, count: 1, bytes: 9 }] — ["'a"] is 8 bytes on the wire, plus a comma
 */
export function valueChunks(values: PlanCell[][], shifted: boolean[] | null, budget: number): ValueChunk[] {
  const chunks: ValueChunk[] = [];
  let start = 0;
  let bytes = 0;
  const above = { row: [] as PlanCell[], bytes: [] as number[] };
  for (let r = 0; r < values.length; r++) {
    const size = inputRowBytes(values[r], r, shifted, above) + 1;
    if (r > start && bytes + size > budget) {
      chunks.push({ start, count: r - start, bytes });
      start = r;
      bytes = 0;
    }
    bytes += size;
  }
  if (values.length > start) chunks.push({ start, count: values.length - start, bytes });
  return chunks;
}

/**
 * The inputs of one run of rows, built when its sync is queued (so only one run is held at a time).
 * @param values the plan's rows
 * @param chunk the run
 * @param shifted the plan's date columns to shift, or null
 * @returns the 2-D array for Range.values
 * @example inputRows([["=1"], [2]], { start: 0, count: 2, bytes: 14 }, null) // [["'=1"], [2]]
 */
export function inputRows(values: PlanCell[][], chunk: ValueChunk, shifted: boolean[] | null): CellInput[][] {
  const rows = new Array<CellInput[]>(chunk.count);
  for (let i = 0; i < chunk.count; i++) {
    const r = chunk.start + i;
    const row = values[r];
    const width = row.length;
    const inputs = new Array<CellInput>(width);
    for (let c = 0; c < width; c++) inputs[c] = inputOf(row[c], r, c, shifted);
    rows[i] = inputs;
  }
  return rows;
}

/** A plan without its cells: everything the writer needs besides them, and their extent. */
export type PlanLayout = Omit<SheetPlan, "values"> & {
  /** Rows of cells (the header included). */
  rowCount: number;
  /** Cells per row. */
  width: number;
};

/**
 * A plan's layout, for the writer and for sending to the thread that talks to Excel.
 * @param plan the plan
 * @returns the plan without its cells
 * @example layoutOf({ ...plan, values: [["a", "b"], [1, 2]] }) // { ...plan without values, rowCount: 2, width: 2 }
 */
export function layoutOf(plan: SheetPlan): PlanLayout {
  const { values, ...layout } = plan;
  return { ...layout, rowCount: values.length, width: values[0]?.length ?? 0 };
}

/**
 * Refuses a layout that cannot be a sheet (the cells themselves are checked where they are, by
 * checkPlanFitsSheet).
 * @param layout the plan's layout
 * @throws Error with more rows or columns than Excel's grid
 * @example checkLayoutFitsSheet({ ...layout, rowCount: 2_000_000 }) // throws "… more than Excel's 1048576"
 */
export function checkLayoutFitsSheet(layout: PlanLayout): void {
  if (layout.rowCount > MAX_ROWS) throw new Error(`Plan "${layout.name}": ${layout.rowCount} rows, more than Excel's ${MAX_ROWS}`);
  if (layout.width > MAX_COLUMNS) throw new Error(`Plan "${layout.name}": ${layout.width} columns, more than Excel's ${MAX_COLUMNS}`);
}

/** The cells of the plans being written, as the writer takes them. */
export interface PlanValues {
  /** Each plan's runs of rows under the budget (plans in order), once the date system is known. */
  runs(dateSystem: DateSystem, budgetBytes: number): Promise<ValueChunk[][]>;
  /** The inputs of one run of one plan (after `runs`, with its date system). */
  inputs(plan: number, run: ValueChunk): Promise<CellInput[][]>;
}

/** The cells of plans held where they are: their inputs built whole, or taken cell by cell. */
export interface HeldPlanValues extends PlanValues {
  /**
   * One run's rows as the plan holds them (not copies) and each cell's input (row within the
   * run, column), for a packer that converts as it goes (the jobs worker's cell blocks) instead
   * of building the inputs first. The input of a string depends on the string alone.
   */
  cellsOf(plan: number, run: ValueChunk): { rows: PlanCell[][]; input: (cell: PlanCell, row: number, col: number) => CellInput };
}

/**
 * The cells of these plans, held where they are.
 * @param plans the plans, in writing order
 * @returns their runs and inputs on demand
 * @example const values = planValues(plans); const runs = await values.runs("1900", 4_000_000); await values.inputs(0, runs[0][0]);
 */
export function planValues(plans: SheetPlan[]): HeldPlanValues {
  let shifted: (boolean[] | null)[] = [];
  return {
    runs: async (dateSystem, budgetBytes) => {
      shifted = plans.map((plan) => shiftedDateColumns(plan, dateSystem));
      return plans.map((plan, index) => ((plan.values[0]?.length ?? 0) === 0 ? [] : valueChunks(plan.values, shifted[index], budgetBytes)));
    },
    inputs: async (plan, run) => inputRows(plans[plan].values, run, shifted[plan] ?? null),
    cellsOf: (plan, run) => {
      const planShifted = shifted[plan] ?? null;
      return {
        rows: plans[plan].values.slice(run.start, run.start + run.count),
        input: (cell, row, col) => inputOf(cell, run.start + row, col, planShifted),
      };
    },
  };
}
