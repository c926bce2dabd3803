/**
 * Sparse sheet cells, one representation for every adapter: a row lists only the cells that hold
 * a value, with their columns, so a sheet costs what it holds — a value at ZZ1 and one at
 * A1048576 are two cells, not 1,048,576 × 702. Lookups, dense slices of a few rows (header
 * rows) and the conversion from a dense grid (what Excel and plans give) live here once. Pure.
 */
import type { CellValue, RowCells, RowSource, SheetData } from "./adapter-types";
import { MAX_COLUMNS } from "./excel-limits";
import { normalizeText } from "./text";

/**
 * Names of the visible settings sheet (normalised), never read as data (see settings.ts).
 * @example SETTINGS_SHEET_NAMES.includes("设置") // true
 */
export const SETTINGS_SHEET_NAMES: readonly string[] = ["设置", "設置", "設定", "设定", "settings", "ar settings", "ar 设置", "ar 設定"];

/**
 * Whether a sheet is the add-in's settings sheet (设置 / 設定 / Settings / AR Settings); here, not
 * in locate.ts, so that the worksheet functions' bundle does not carry every table's header synonyms.
 * @param name sheet name
 * @returns true for a settings sheet name
 * @example isSettingsSheet("AR Settings") // true
 */
export function isSettingsSheet(name: string): boolean {
  return SETTINGS_SHEET_NAMES.includes(normalizeText(name));
}

/**
 * The value of a row at a sheet column: most rows are dense from their first column, so the
 * direct index is tried first, then a binary search.
 * @param cells the row (undefined for a row without values)
 * @param col 0-based sheet column
 * @returns the value, null when the cell is blank
 * @example valueAt({ cols: [0, 1, 5], values: ["a", 2, "z"] }, 5) // "z"
 */
export function valueAt(cells: RowCells | undefined, col: number): CellValue {
  if (cells === undefined) return null;
  const { cols } = cells;
  let low = 0;
  let high = cols.length - 1;
  const guess = col - cols[0];
  if (guess < 0 || high < 0) return null;
  if (guess <= high) {
    const at = cols[guess];
    if (at === col) return cells.values[guess];
    if (at > col) high = guess - 1;
    else low = guess + 1;
  }
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = cols[middle];
    if (at === col) return cells.values[middle];
    if (at < col) low = middle + 1;
    else high = middle - 1;
  }
  return null;
}

/**
 * A sheet's row by its index from the sheet's first row, whichever way the sheet keeps its rows.
 * @param sheet the sheet
 * @param index 0-based from `sheet.firstRow`
 * @returns the row, undefined for a row without values or outside the sheet
 * @example rowAt(sheetFromGrid("S", [["a"], [null, "b"]]), 1) // { cols: [1], values: ["b"] }
 */
export function rowAt(sheet: Pick<SheetData, "rows">, index: number): RowCells | undefined {
  const rows = sheet.rows;
  if (Array.isArray(rows)) return rows[index];
  return index >= 0 && index < rows.length ? (rows as RowSource).row(index) : undefined;
}

/**
 * How many rows a sheet spans from its first row.
 * @example rowCount(sheetFromGrid("S", [["a"], ["b"]])) // 2
 */
export function rowCount(sheet: Pick<SheetData, "rows">): number {
  return sheet.rows.length;
}

/**
 * How many cells of a sheet hold a value, without making rows a RowSource keeps packed.
 * @example cellCount(sheetFromGrid("S", [["a", null], [1, 2]])) // 3
 */
export function cellCount(sheet: Pick<SheetData, "rows">): number {
  const rows = sheet.rows;
  if (!Array.isArray(rows)) return (rows as RowSource).cellCount();
  let cells = 0;
  for (const row of rows) cells += row?.cols.length ?? 0;
  return cells;
}

/**
 * A sheet's rows as an array to change in place (the memory adapter's appends): a sheet that
 * keeps them otherwise gets them as an array first.
 * @param sheet the sheet, whose `rows` become an array
 * @returns the array
 */
export function rowsToChange(sheet: SheetData): (RowCells | undefined)[] {
  if (!Array.isArray(sheet.rows)) sheet.rows = Array.from({ length: sheet.rows.length }, (_, index) => rowAt(sheet, index));
  return sheet.rows as (RowCells | undefined)[];
}

/**
 * The cell at 0-based sheet coordinates, null where blank.
 * @param sheet the sheet
 * @param row 0-based sheet row
 * @param col 0-based sheet column
 * @returns the value
 * @example cellAt(sheetFromGrid("S", [["x"]], { firstRow: 2, firstCol: 1 }), 2, 1) // "x"
 */
export function cellAt(sheet: SheetData, row: number, col: number): CellValue {
  return valueAt(rowAt(sheet, row - sheet.firstRow), col);
}

/**
 * The cells of one row from the sheet's first column to the row's last value, blanks as null: the
 * dense form header matching works on. Only ever asked for a few rows (headers), so its width —
 * at most 16,384 — is no cost.
 * @param sheet the sheet
 * @param row 0-based sheet row
 * @returns the row's cells, `[0]` being column `sheet.firstCol`; [] for a row without values
 * @example denseRow(sheetFromGrid("S", [["a", null, "c"]]), 0) // ["a", null, "c"]
 */
export function denseRow(sheet: SheetData, row: number): CellValue[] {
  const cells = rowAt(sheet, row - sheet.firstRow);
  if (cells === undefined || cells.cols.length === 0) return [];
  const width = Math.min(cells.cols[cells.cols.length - 1] - sheet.firstCol + 1, MAX_COLUMNS);
  const dense = new Array<CellValue>(width).fill(null);
  cells.cols.forEach((col, index) => {
    if (col >= sheet.firstCol && col - sheet.firstCol < width) dense[col - sheet.firstCol] = cells.values[index];
  });
  return dense;
}

/**
 * The values of a dense row as a sparse row: blanks (null, "") left out.
 * @param values the row's cells, `[0]` at column `firstCol`
 * @param firstCol 0-based sheet column of `values[0]`
 * @returns the sparse row, undefined when nothing is left
 * @example rowFromValues([null, "b", 3], 2) // { cols: [3, 4], values: ["b", 3] }
 */
export function rowFromValues(values: readonly CellValue[], firstCol = 0): RowCells | undefined {
  // Counted first, so that both arrays are made at their size: arrays grown by push kept room
  // for 17 cells each, for every row of a million read in the jobs worker.
  let count = 0;
  for (let c = 0; c < values.length; c++) if (!isBlankValue(values[c])) count++;
  if (count === 0) return undefined;
  const cols = new Array<number>(count);
  const kept = new Array<CellValue>(count);
  for (let c = 0, k = 0; c < values.length; c++) {
    const value = values[c];
    if (isBlankValue(value)) continue;
    cols[k] = firstCol + c;
    kept[k++] = value;
  }
  return { cols, values: kept };
}

/** A cell a sparse row leaves out: empty, or an empty text. */
function isBlankValue(value: CellValue | undefined): boolean {
  return value === null || value === undefined || value === "";
}

/**
 * A finished row made compact for keeping: its values cut to their length (a growing array keeps
 * room for 17), its columns the previous row's list when they are the same — a million ledger rows
 * then cost one values array each instead of two arrays three times their size.
 * @param row the row, changed in place
 * @param shared the column list of the row settled before it (null for the first)
 * @returns the column list the next row may share
 * @example const shared = compactRow(rowA, null); compactRow(rowB, shared); rowB.cols === rowA.cols // when both hold the same columns
 */
export function compactRow(row: RowCells, shared: number[] | null): number[] {
  row.values = row.values.slice();
  if (shared !== null && sameColumns(shared, row.cols)) row.cols = shared;
  else row.cols = row.cols.slice();
  return row.cols;
}

function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Where a dense grid sits and what else its sheet carries. */
export interface GridPlace {
  firstRow?: number;
  firstCol?: number;
  generated?: boolean;
  hiddenRows?: number[];
}

/**
 * A sheet from a dense grid (what Excel's Range.values, a CSV file and a plan give).
 * @param name the sheet's name
 * @param grid rows of cells, `grid[0][0]` at (firstRow, firstCol)
 * @param place the grid's top-left corner (default A1), whether the add-in generated the sheet, hidden rows
 * @returns the sparse sheet
 * @example sheetFromGrid("S", [["客户", "金额"], ["ACME", 12]]).rows[1] // { cols: [0, 1], values: ["ACME", 12] }
 */
export function sheetFromGrid(name: string, grid: readonly (readonly CellValue[])[], place: GridPlace = {}): SheetData {
  const firstRow = place.firstRow ?? 0;
  const firstCol = place.firstCol ?? 0;
  const sheet: SheetData = { name, rows: grid.map((values) => rowFromValues(values, firstCol)), firstRow, firstCol, generated: place.generated ?? false };
  if (place.hiddenRows !== undefined) sheet.hiddenRows = place.hiddenRows;
  return sheet;
}

/**
 * How many rows the sheet spans from its first row (the end of a scan over it).
 * @param sheet the sheet
 * @returns one past the last 0-based sheet row that may hold a value
 * @example sheetEnd(sheetFromGrid("S", [["a"], ["b"]], { firstRow: 3 })) // 5
 */
export function sheetEnd(sheet: SheetData): number {
  return sheet.firstRow + rowCount(sheet);
}
