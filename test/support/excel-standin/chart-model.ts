/**
 * How Excel turns a chart's source range into series, as the stand-in models it: series by
 * columns or rows ("Auto": by columns when the range has more rows than columns); the first row
 * (or column) names the series when it holds text over the data, the first column (or row) holds
 * the category labels when it holds text; a blank top-left cell makes both labels. Numbers in
 * those places make them data — the trap of year labels Excel is known for.
 */
import { rectAddress, quoteSheetName, type ChartSeriesState, type Rect, type SheetState } from "./model";

/** Chart types the stand-in accepts (Excel.ChartType values). */
export const CHART_TYPES = new Set([
  "ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "BarStacked100",
  "Line", "LineStacked", "LineMarkers", "LineMarkersStacked", "Pie", "Doughnut", "Area", "AreaStacked", "XYScatter",
]);

/** Legend positions Excel accepts. */
export const LEGEND_POSITIONS = new Set(["Top", "Bottom", "Left", "Right", "Corner", "Custom"]);

/** Excel's default row height and column width, in points. */
export const DEFAULT_ROW_POINTS = 15;
export const DEFAULT_COLUMN_POINTS = 48;

type Kind = "text" | "number" | "empty";

function kindOf(sheet: SheetState, row: number, col: number): Kind {
  const value = sheet.get(row, col);
  if (value === undefined || value === "") return "empty";
  return typeof value === "string" ? "text" : "number";
}

/** True when the cells hold text and nothing numeric (blanks allowed). */
function labels(kinds: Kind[]): boolean {
  return kinds.includes("text") && !kinds.includes("number");
}

/**
 * The series Excel makes of a source range.
 * @param sheet the source's sheet
 * @param rect the source range
 * @param seriesBy "Columns", "Rows" or "Auto"
 * @returns the series and how they were split
 * @example chartSeries(sheet, { row: 0, col: 5, rows: 3, cols: 3 }, "Columns").series[0] // { name: "0-30", values: "S!G2:G3", categories: "S!F2:F3" }
 */
export function chartSeries(sheet: SheetState, rect: Rect, seriesBy: string): { seriesBy: "Columns" | "Rows"; series: ChartSeriesState[] } {
  const by = seriesBy === "Auto" ? (rect.rows > rect.cols ? "Columns" : "Rows") : seriesBy === "Rows" ? "Rows" : "Columns";
  // Work in "series along columns" terms: transpose the reads for Rows.
  const across = by === "Columns" ? rect.cols : rect.rows;
  const along = by === "Columns" ? rect.rows : rect.cols;
  const cell = (a: number, s: number): Kind => (by === "Columns" ? kindOf(sheet, rect.row + a, rect.col + s) : kindOf(sheet, rect.row + s, rect.col + a));
  const blankCorner = cell(0, 0) === "empty";
  const namesRow = along > 1 && (blankCorner || labels(Array.from({ length: across - 1 }, (_, s) => cell(0, s + 1))));
  const categoryCol = across > 1 && (blankCorner || labels(Array.from({ length: along - 1 }, (_, a) => cell(a + 1, 0))));
  const first = namesRow ? 1 : 0;
  const part = (a: number, aCount: number, s: number, sCount: number): string => {
    const sub: Rect = by === "Columns" ? { row: rect.row + a, col: rect.col + s, rows: aCount, cols: sCount } : { row: rect.row + s, col: rect.col + a, rows: sCount, cols: aCount };
    return `${quoteSheetName(sheet.name)}!${rectAddress(sub)}`;
  };
  const series: ChartSeriesState[] = [];
  for (let s = categoryCol ? 1 : 0; s < across; s++) {
    const nameCell = by === "Columns" ? sheet.get(rect.row, rect.col + s) : sheet.get(rect.row + s, rect.col);
    const entry: ChartSeriesState = { name: namesRow ? String(nameCell ?? "") : `Series${series.length + 1}`, values: part(first, along - first, s, 1) };
    if (categoryCol) entry.categories = part(first, along - first, 0, 1);
    series.push(entry);
  }
  return { seriesBy: by, series };
}

/**
 * Where a cell's top-left corner sits, in points from the sheet's top-left.
 * @param sheet the sheet (its column widths)
 * @param row 0-based row
 * @param col 0-based column
 * @returns top and left
 * @example cellCorner(sheet, 2, 1) // { top: 30, left: 48 } on a sheet of default widths
 */
export function cellCorner(sheet: SheetState, row: number, col: number): { top: number; left: number } {
  let left = 0;
  for (let c = 0; c < col; c++) left += sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_POINTS;
  return { top: row * DEFAULT_ROW_POINTS, left };
}
