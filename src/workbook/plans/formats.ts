/**
 * How generated sheets format their cells: the number formats of amounts, percents and dates,
 * the bold header row and the number format of whole data columns.
 */
import type { PlanFormat } from "../plan-types";

/** Number format of amount cells. */
export const AMOUNT_FORMAT = "#,##0.00";
/** Number format of percent cells (values are fractions). */
export const PERCENT_FORMAT = "0.0%";
/** Number format of date cells (values are 1900-system serials). */
export const DATE_FORMAT = "yyyy-mm-dd";

/**
 * The format of a header row of `cols` columns: bold, header fill.
 * @param cols the table's width
 * @returns the format of row 0
 * @example headerFormat(4) // { row: 0, col: 0, rows: 1, cols: 4, mark: "header", bold: true }
 */
export function headerFormat(cols: number): PlanFormat {
  return { row: 0, col: 0, rows: 1, cols, mark: "header", bold: true };
}

/**
 * One number format over each of some columns, for `rows` data rows below the header.
 * @param columns column indexes (0-based)
 * @param numberFormat the Excel number format
 * @param rows data rows (none: no format)
 * @returns one format per column
 * @example columnFormats([5, 7], AMOUNT_FORMAT, 3) // [{ row: 1, col: 5, rows: 3, cols: 1, numberFormat: "#,##0.00" }, { …col: 7… }]
 */
export function columnFormats(columns: number[], numberFormat: string, rows: number): PlanFormat[] {
  if (rows === 0) return [];
  return columns.map((col) => ({ row: 1, col, rows, cols: 1, numberFormat }));
}
