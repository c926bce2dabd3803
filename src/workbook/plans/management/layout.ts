/**
 * Laying out the management sheets: sections stacked one under another with a blank row between
 * them (a title, a table, another table), cells of exact figures, and fills for colour columns.
 */
import type { Decimal } from "../../../rules/decimal";
import type { Colour } from "../../../rules/management-types";
import type { PlanCell, PlanFormat } from "../../plan-types";

/** Number format of day counts with one decimal (DSO). */
export const DAYS_FORMAT = "0.0";
/** Number format of whole counts. */
export const COUNT_FORMAT = "0";

/** A block of rows and its formats, rows and formats counted from the block's first row. */
export interface Section {
  rows: PlanCell[][];
  formats: PlanFormat[];
}

/**
 * Sections one under another, a blank row between each two, every row padded to the widest.
 * @param sections the sections, top first
 * @returns the sheet's values and formats
 * @example stackSections([{ rows: [["a"]], formats: [] }, { rows: [["b", 1]], formats: [{ row: 0, col: 1, rows: 1, cols: 1, numberFormat: "0" }] }])
 * // { values: [["a", null], [null, null], ["b", 1]], formats: [{ row: 2, col: 1, … }] }
 */
export function stackSections(sections: readonly Section[]): { values: PlanCell[][]; formats: PlanFormat[] } {
  const width = Math.max(1, ...sections.flatMap((section) => section.rows.map((row) => row.length)));
  const values: PlanCell[][] = [];
  const formats: PlanFormat[] = [];
  for (const section of sections) {
    if (values.length > 0) values.push(new Array<PlanCell>(width).fill(null));
    const top = values.length;
    for (const row of section.rows) values.push([...row, ...new Array<PlanCell>(width - row.length).fill(null)]);
    for (const format of section.formats) formats.push({ ...format, row: format.row + top });
  }
  return { values, formats };
}

/**
 * A Decimal (days, a ratio) as the number a cell holds: six decimals, half-up, far finer than shown.
 * @param value the figure, or null for none
 * @returns the number, or null (a blank cell)
 * @example figureCell(new Dec("100.2")) // 100.2; figureCell(null) // null
 */
export function figureCell(value: Decimal | null): number | null {
  return value === null ? null : Number(value.toDecimalPlaces(6).toString());
}

/**
 * Fills for a column of colours: one format per run of equal colours, so a list sorted by colour
 * needs three at most.
 * @param colours the colour of each row, top first
 * @param firstRow the sheet row of the first colour
 * @param col the column
 * @returns the formats
 * @example colourFills(["red", "red", "green"], 1, 4) // [{ row: 1, col: 4, rows: 2, cols: 1, mark: "red" }, { row: 3, col: 4, rows: 1, cols: 1, mark: "green" }]
 */
export function colourFills(colours: readonly Colour[], firstRow: number, col: number): PlanFormat[] {
  const formats: PlanFormat[] = [];
  let start = 0;
  for (let index = 1; index <= colours.length; index++) {
    if (index === colours.length || colours[index] !== colours[start]) {
      formats.push({ row: firstRow + start, col, rows: index - start, cols: 1, mark: colours[start] });
      start = index;
    }
  }
  return formats;
}
