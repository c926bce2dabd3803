/**
 * What a plan's rows become in `Range.values`: text protected from being read as a formula,
 * dates moved to the workbook's date system, and the rows split into runs whose request bytes
 * are counted exactly from the plan, so each run fits one sync.
 */
import type { PlanCell } from "../plan-types";
import { storedCell } from "../plan-dates";
import { jsonNumberBytes, jsonStringBytes, jsonValueBytes } from "./chunks";

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

/**
 * Request bytes of one row as written, exactly `JSON.stringify(inputs).length` in UTF-8, counted
 * from the plan's cells: "" for blanks, the quote prefix plus the escaped text for strings, numbers
 * as JSON writes them (after the 1904 shift).
 */
function inputRowBytes(row: PlanCell[], rowIndex: number, shifted: boolean[] | null): number {
  const width = row.length;
  let bytes = width === 0 ? 2 : width + 1;
  for (let c = 0; c < width; c++) {
    const cell = row[c];
    if (typeof cell === "string") bytes += cell === "" ? 2 : jsonStringBytes(cell) + 1;
    else if (typeof cell === "number") bytes += jsonNumberBytes(storedCell(cell, rowIndex, c, shifted) as number);
    else if (cell === null) bytes += 2;
    else bytes += jsonValueBytes(inputOf(cell, rowIndex, c, shifted));
  }
  return bytes;
}

/** A run of a plan's rows written in one Range.values op. */
export interface ValueChunk {
  start: number;
  count: number;
  /** Request bytes of its rows (each row's JSON plus a comma). */
  bytes: number;
}

/**
 * Splits a plan's rows into runs whose request bytes stay under the budget (a longer row gets a
 * run of its own).
 * @param values the plan's rows
 * @param shifted the plan's date columns to shift (plan-dates.ts), or null
 * @param budget request bytes per run
 * @returns the runs, covering every row once, in order
 * @example valueChunks([["a"], ["b"], ["c"]], null, 14) // [{ start: 0, count: 2, bytes: 14 }, { start: 2, count: 1, bytes: 7 }] — ["'a"] is 6 bytes, plus a comma
 */
export function valueChunks(values: PlanCell[][], shifted: boolean[] | null, budget: number): ValueChunk[] {
  const chunks: ValueChunk[] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < values.length; r++) {
    const size = inputRowBytes(values[r], r, shifted) + 1;
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
 * @example inputRows([["=1"], [2]], { start: 0, count: 2, bytes: 13 }, null) // [["'=1"], [2]]
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
