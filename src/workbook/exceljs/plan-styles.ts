/**
 * Turns a SheetPlan's rectangular formats into one style object per cell, shared between cells
 * with the same combination, so a 100,000-row plan costs a handful of style objects (each becomes
 * one cell format of styles.xml: styles-merge.ts).
 */
import type { Mark, PlanFormat } from "../plan-types";

/** ARGB fill colours of the marks (Excel's own "Good / Neutral / Bad" pastels and a light grey header). */
export const MARK_FILLS: Record<Mark, string | null> = {
  header: "FFD9D9D9",
  total: "FFF2F2F2",
  red: "FFFFC7CE",
  amber: "FFFFEB9C",
  green: "FFC6EFCE",
};

/** A cell style, as far as plans use it (shaped like exceljs's, which the tests read outputs with). */
export interface PlanCellStyle {
  numFmt?: string;
  font?: { bold: boolean };
  alignment?: { wrapText: boolean; vertical: "top" };
  fill?: { type: "pattern"; pattern: "solid"; fgColor: { argb: string } };
}

interface CellFormat {
  numberFormat?: string;
  mark?: Mark;
  bold?: boolean;
  wrap?: boolean;
}

/**
 * Sweeps the formats of a plan row by row: `stylesForRow(r)` gives the style of each column of
 * row r (undefined where none). Rows must be asked for in increasing order.
 * @example
 * const sweep = new FormatSweep([{ row: 0, col: 0, rows: 1, cols: 2, mark: "header", bold: true }], 2);
 * sweep.stylesForRow(0)[1]?.font // { bold: true }
 */
export class FormatSweep {
  private readonly sorted: PlanFormat[];
  private next = 0;
  private active: PlanFormat[] = [];
  private readonly cache = new Map<string, PlanCellStyle>();
  /** The last row's styles, reused while the set of formats covering the row stays the same. */
  private lastStyles: (PlanCellStyle | undefined)[] | null = null;

  /**
   * @param formats the plan's formats, in the order they apply (a later one wins per property)
   * @param columnCount the plan's width
   */
  constructor(formats: PlanFormat[], private readonly columnCount: number) {
    this.sorted = formats.map((format, order) => ({ format, order }))
      .sort((a, b) => a.format.row - b.format.row || a.order - b.order)
      .map((entry) => entry.format);
  }

  /**
   * @param row 0-based plan row
   * @returns one entry per column: the combined style, or undefined (shared between rows: do not modify)
   */
  stylesForRow(row: number): (PlanCellStyle | undefined)[] {
    let changed = this.lastStyles === null;
    while (this.next < this.sorted.length && this.sorted[this.next].row <= row) {
      this.active.push(this.sorted[this.next++]);
      changed = true;
    }
    // A format that ended before this row leaves; the array is made anew only then (a million
    // rows ask, and the detail sheet's formats end only after its last row).
    if (this.active.some((format) => format.row + format.rows <= row)) {
      this.active = this.active.filter((format) => format.row + format.rows > row);
      changed = true;
    }
    if (!changed && this.lastStyles) return this.lastStyles;
    const result: (PlanCellStyle | undefined)[] = new Array(this.columnCount);
    this.lastStyles = result;
    if (this.active.length === 0) return result;
    const combined: (CellFormat | undefined)[] = new Array(this.columnCount);
    for (const format of this.active) {
      const end = Math.min(format.col + format.cols, this.columnCount);
      for (let col = Math.max(format.col, 0); col < end; col++) {
        const cell = (combined[col] ??= {});
        if (format.numberFormat !== undefined) cell.numberFormat = format.numberFormat;
        if (format.mark !== undefined) cell.mark = format.mark;
        if (format.bold !== undefined) cell.bold = format.bold;
        if (format.wrap !== undefined) cell.wrap = format.wrap;
      }
    }
    for (let col = 0; col < this.columnCount; col++) {
      const cell = combined[col];
      if (cell) result[col] = this.styleFor(cell);
    }
    return result;
  }

  private styleFor(cell: CellFormat): PlanCellStyle {
    const bold = cell.bold ?? cell.mark === "total";
    const key = `${cell.numberFormat ?? ""}|${cell.mark ?? ""}|${bold}|${cell.wrap ?? false}`;
    let style = this.cache.get(key);
    if (!style) {
      style = {};
      if (cell.numberFormat) style.numFmt = cell.numberFormat;
      if (bold) style.font = { bold: true };
      if (cell.wrap) style.alignment = { wrapText: true, vertical: "top" };
      const argb = cell.mark ? MARK_FILLS[cell.mark] : null;
      if (argb) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
      this.cache.set(key, style);
    }
    return style;
  }
}

/**
 * A1-style reference of a 0-based rectangle.
 * @example rangeRef(1, 1, 3, 2) // "B2:C4"
 */
export function rangeRef(row: number, col: number, rows: number, cols: number): string {
  return `${columnLetter(col)}${row + 1}:${columnLetter(col + cols - 1)}${row + rows}`;
}

/**
 * Column letters of a 0-based column index.
 * @example columnLetter(27) // "AB"
 */
export function columnLetter(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
