/**
 * A SheetPlan is plain data describing one output sheet. Both adapters (exceljs, Office.js)
 * apply plans; neither decides layout. Row and column indexes are 0-based within the sheet.
 */

/** A cell value to write. Strings are ALWAYS written as text, even when they start with = + - @. */
export type PlanCell = string | number | boolean | null;

export type Mark = "red" | "amber" | "green" | "header" | "total";

/** A rectangular run of cells sharing a number format, fill mark or style. */
export interface PlanFormat {
  row: number;
  col: number;
  rows: number;
  cols: number;
  numberFormat?: string;
  mark?: Mark;
  bold?: boolean;
  wrap?: boolean;
}

/** Conditional format: highlight cells in a column range whose value is > 0 with a mark colour. */
export interface PlanConditionalFormat {
  row: number;
  col: number;
  rows: number;
  cols: number;
  mark: Mark;
  /** Cell value greater than this number gets the mark. */
  greaterThan: number;
}

/**
 * A chart drawn from a data block of the sheet. "barStacked": one bar per category (row), its
 * series (columns) stacked; "bar": the series side by side; "line": one line per series (column)
 * across the categories (rows), e.g. the DSO of each currency over twelve month ends.
 */
export interface PlanChart {
  /** A stacked bar (aging buckets), a clustered bar or a line; bars are horizontal, as Excel's "Bar" charts. */
  type: "barStacked" | "bar" | "line";
  title: string;
  /** Data block: first column = category labels, first row = series names. */
  dataRow: number;
  dataCol: number;
  dataRows: number;
  dataCols: number;
  /** Anchor cell for the chart's top-left corner. */
  anchorRow: number;
  anchorCol: number;
}

export interface SheetPlan {
  /** Sheet name, ≤ 31 chars, no []:*?/\ . */
  name: string;
  /** Kind of generated sheet, kept in the store's list of generated sheets (settings-store.ts). */
  kind: "aging" | "detail" | "flags" | "letters" | "errors" | "management" | "preDue" | "statements";
  /** Rows of cells; all rows the same length. Row 0 is the header. */
  values: PlanCell[][];
  formats: PlanFormat[];
  conditionalFormats: PlanConditionalFormat[];
  /** Column widths in characters. */
  columnWidths: number[];
  /** Frozen rows and columns at the top-left. */
  freezeRows: number;
  freezeCols: number;
  chart?: PlanChart;
  /**
   * Columns holding dates, written as Excel 1900-system serials with a date number format.
   * An adapter writing into a 1904-system workbook subtracts 1462 from the numbers in these
   * columns (below the header row) so the same dates show.
   */
  dateCols?: number[];
}
