/**
 * Tables (ListObjects) of the Excel stand-in as Excel changes them: adding one over a range,
 * naming it, resizing it, inserting cells that shift it, and the automatic expansion when values
 * are written into the row directly below it (Excel's "include new rows in the table", which the
 * documentation recommends over TableRowCollection.add for co-authoring). Plain TypeScript, no
 * test-framework dependency, like the rest of the model.
 */
import { MAX_COLS, fail, type Rect, type SheetState, type TableState } from "./model";

/** Excel's rule for table names: a letter, "_" or "\" first, then letters, digits, "_" and "."; no spaces; not a cell address. */
const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;
const CELL_LIKE = /^[A-Za-z]{1,3}\d+$|^[RrCc]$/;

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function tableRect(table: TableState): Rect {
  return { row: table.row, col: table.col, rows: table.rows, cols: table.cols };
}

/**
 * Adds a table over a range whose first row is the header (Excel refuses one overlapping another table).
 * @param sheets every sheet of the workbook (names are unique across it)
 * @param sheet the sheet of the range
 * @param rect the range, header row included
 * @param nextId the workbook's id counter
 * @returns the new table, named "Table1", "Table2"…
 */
export function addTable(sheets: readonly SheetState[], sheet: SheetState, rect: Rect, nextId: () => number): TableState {
  if (rect.rows < 2) fail("InvalidArgument", "TableCollection.add", "A table needs a header row and at least one data row in the stand-in.");
  if (sheet.tables.some((table) => overlaps(tableRect(table), rect))) fail("InvalidOperation", "TableCollection.add", "A table can't overlap another table.");
  const taken = new Set(sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
  let n = 1;
  while (taken.has(`table${n}`)) n++;
  const table: TableState = { name: `Table${n}`, id: `{T${nextId()}}`, ...rect };
  sheet.tables.push(table);
  return table;
}

/**
 * Renames a table, as Table.name = … does: a valid name, unique in the workbook (case-insensitive).
 * @param sheets every sheet of the workbook
 * @param table the table
 * @param name the new name
 */
export function renameTable(sheets: readonly SheetState[], table: TableState, name: string): void {
  if (!TABLE_NAME.test(name) || CELL_LIKE.test(name) || name.length > 255) fail("InvalidArgument", "Table.name", name);
  const clash = sheets.some((s) => s.tables.some((t) => t !== table && t.name.toLowerCase() === name.toLowerCase()));
  if (clash) fail("ItemAlreadyExists", "Table.name", name);
  table.name = name;
}

/**
 * Table.resize (ExcelApi 1.13): the header row stays where it is, the table takes the new range.
 * @param sheet the table's sheet
 * @param table the table
 * @param rect the new range, header row included
 */
export function resizeTable(sheet: SheetState, table: TableState, rect: Rect): void {
  if (rect.row !== table.row || rect.col !== table.col || rect.rows < 2) fail("InvalidArgument", "Table.resize", "The header row must stay in place.");
  if (sheet.tables.some((other) => other !== table && overlaps(tableRect(other), rect))) fail("InvalidOperation", "Table.resize");
  table.rows = rect.rows;
  table.cols = rect.cols;
}

/**
 * After values were written: a table whose row directly below received a value within its columns
 * grows to take in the written rows below it (Excel expands a table when data is entered right
 * under it). Does nothing when the workbook's automatic expansion is off.
 * @param sheet the sheet written
 * @param rect the range written
 */
export function expandTablesBelow(sheet: SheetState, rect: Rect): void {
  for (const table of sheet.tables) {
    const below = table.row + table.rows;
    const touchesBelow = rect.row <= below && rect.row + rect.rows > below && rect.col < table.col + table.cols && rect.col + rect.cols > table.col;
    if (!touchesBelow) continue;
    let filled = false;
    for (let c = table.col; c < table.col + table.cols && !filled; c++) filled = sheet.get(below, c) !== undefined;
    if (filled) table.rows = rect.row + rect.rows - table.row;
  }
}

/**
 * Range.insert("Down"): the cells of the range's columns from its first row down move down by its
 * height (values, formulas, formats, quote prefixes); a table below moves with them, a table the
 * range cuts across grows. Excel refuses to shift part of a table's columns.
 * @param sheet the sheet
 * @param rect the range where blank cells are inserted
 */
export function insertCellsDown(sheet: SheetState, rect: Rect): void {
  const lastCol = rect.col + rect.cols;
  for (const table of sheet.tables) {
    const reached = table.row + table.rows > rect.row && table.col < lastCol && table.col + table.cols > rect.col;
    const inside = table.col >= rect.col && table.col + table.cols <= lastCol;
    if (reached && !inside) fail("InvalidOperation", "Range.insert", "This operation would shift cells in a table.");
  }
  let lastRow = sheet.cells.rowExtent() - 1;
  for (const key of sheet.formulas.keys()) lastRow = Math.max(lastRow, Math.floor(key / MAX_COLS));
  for (let row = lastRow; row >= rect.row; row--) {
    for (let col = rect.col; col < lastCol; col++) {
      sheet.cells.move(row, col, row + rect.rows, col);
      const key = row * MAX_COLS + col;
      const formula = sheet.formulas.get(key);
      sheet.formulas.delete(key);
      if (formula !== undefined) sheet.formulas.set((row + rect.rows) * MAX_COLS + col, formula);
    }
  }
  for (const table of sheet.tables) {
    if (table.col < rect.col || table.col + table.cols > lastCol) continue;
    if (table.row >= rect.row) table.row += rect.rows;
    else if (table.row + table.rows > rect.row) table.rows += rect.rows;
  }
}
