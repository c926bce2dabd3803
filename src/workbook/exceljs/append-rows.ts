/**
 * Appending rows below a named table of an .xlsx workbook held by exceljs (the command line's
 * `log`): the one function the exceljs adapter calls, kept apart so that another writer can take
 * its place with the same contract. The workbook is a copy; the input file is never written.
 */
import type * as ExcelJS from "exceljs";
import type { DateSystem } from "../../rules/types";
import { displayWidth } from "../../rules/display";
import type { AppendRowsRequest, AppendRowsResult, CellValue } from "../adapter-types";
import { tableColumnsFor, tableFormats, tableRows } from "../append-rows";
import { placeSheets } from "../sheet-names";

/** A column of a new table is as wide as its header, at least this many characters. */
const MIN_COLUMN_CHARS = 10;

/** A1 range "B3:H12" as 1-based first row and column and last row and column. */
function parseRef(ref: string): { top: number; left: number; bottom: number; right: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.toUpperCase());
  if (!match) throw new Error(`unreadable table range ${ref}`);
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(match[2]), left: col(match[1]), bottom: Number(match[4] ?? match[2]), right: col(match[3] ?? match[1]) };
}

function columnLetters(col: number): string {
  let letters = "";
  for (let rest = col; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** The part of an exceljs table its writer reads the range from (not in exceljs's type declarations). */
interface TableModel {
  name: string;
  tableRef: string;
  autoFilterRef?: string;
}

/** The models of a sheet's tables: `getTables()` gives the Table objects, each holding its model as `table`. */
function tableModels(sheet: ExcelJS.Worksheet): TableModel[] {
  return (sheet.getTables() as unknown as { table: TableModel }[]).map((table) => table.table);
}

/** The table of that name (case-insensitive) and its sheet, or null. */
function findTable(workbook: ExcelJS.Workbook, name: string): { sheet: ExcelJS.Worksheet; model: TableModel } | null {
  const wanted = name.toLowerCase();
  for (const sheet of workbook.worksheets) {
    const model = tableModels(sheet).find((candidate) => candidate.name.toLowerCase() === wanted);
    if (model !== undefined) return { sheet, model };
  }
  return null;
}

function cellValueOf(cell: ExcelJS.Cell): CellValue {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return cell.text;
}

/**
 * Appends the request's rows below its table, or creates the table (named, on a new sheet
 * holding the headers and the rows from A1) on first use. Contract, as for every adapter's
 * `appendRows`: rows already in the table are never rewritten; each value goes under the table's
 * column of its header (width, spacing and case aside), other columns stay blank; a header the
 * table lacks throws AppendRowsError before anything changes; strings are written as text; date
 * columns hold serials of the workbook's date system with the date format, amount columns the
 * amount format. Rows below the table holding anything are moved down whole (exceljs cannot move
 * part of a row), and a table below on the same sheet moves with them.
 * @param workbook the copy being written
 * @param request the table, its headers and the rows
 * @param dateSystem the workbook's date system
 * @param reserved sheet names no new sheet may take (the add-in's hidden store)
 * @returns where the rows went
 * @example appendRowsToWorkbook(copy, { tableName: "AR_CollectionLog", sheetName: "催收记录", headers, rows: [row], dateCols: [0] }, "1900", ["_ar_settings"]).firstRow // 2 on first use
 */
export function appendRowsToWorkbook(workbook: ExcelJS.Workbook, request: AppendRowsRequest, dateSystem: DateSystem, reserved: readonly string[]): AppendRowsResult {
  const found = findTable(workbook, request.tableName);
  if (found === null) return createTable(workbook, request, dateSystem, reserved);
  const { sheet, model } = found;
  const ref = parseRef(model.tableRef);
  const width = ref.right - ref.left + 1;
  const header = sheet.getRow(ref.top);
  const headers = Array.from({ length: width }, (_, c) => cellValueOf(header.getCell(ref.left + c)));
  const columns = tableColumnsFor(model.name, headers, request.headers);
  const rows = tableRows(request, columns, width, dateSystem);
  const formats = tableFormats(request, columns, width);
  const first = ref.bottom + 1;
  const occupied = rows.some((_, r) => Array.from({ length: width }, (__, c) => sheet.getCell(first + r, ref.left + c).value).some((value) => value !== null && value !== undefined && value !== ""));
  if (occupied) {
    sheet.spliceRows(first, 0, ...rows.map(() => []));
    for (const other of tableModels(sheet)) {
      const at = parseRef(other.tableRef);
      if (other === model || at.top < first) continue;
      other.tableRef = `${columnLetters(at.left)}${at.top + rows.length}:${columnLetters(at.right)}${at.bottom + rows.length}`;
      if (other.autoFilterRef !== undefined) other.autoFilterRef = other.tableRef;
    }
  }
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      const cell = sheet.getCell(first + r, ref.left + c);
      cell.value = value;
      if (formats[c] !== null) cell.numFmt = formats[c] as string;
    });
  });
  model.tableRef = `${columnLetters(ref.left)}${ref.top}:${columnLetters(ref.right)}${ref.bottom + rows.length}`;
  if (model.autoFilterRef !== undefined) model.autoFilterRef = model.tableRef;
  return { sheet: sheet.name, tableName: model.name, created: false, firstRow: first };
}

function createTable(workbook: ExcelJS.Workbook, request: AppendRowsRequest, dateSystem: DateSystem, reserved: readonly string[]): AppendRowsResult {
  const existing = [...reserved, ...workbook.worksheets.map((sheet) => sheet.name)].map((name) => ({ name, generated: false }));
  const [place] = placeSheets([request.sheetName], existing);
  const width = request.headers.length;
  const identity = request.headers.map((_, col) => col);
  const rows = tableRows(request, identity, width, dateSystem);
  const formats = tableFormats(request, identity, width);
  const sheet = workbook.addWorksheet(place.name);
  sheet.addTable({
    name: request.tableName,
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: request.headers.map((name) => ({ name, filterButton: true })),
    rows,
  });
  request.headers.forEach((text, c) => {
    sheet.getColumn(c + 1).width = Math.max(MIN_COLUMN_CHARS, displayWidth(text) + 2);
    if (formats[c] !== null) rows.forEach((_, r) => (sheet.getCell(r + 2, c + 1).numFmt = formats[c] as string));
  });
  return { sheet: place.name, tableName: request.tableName, created: true, firstRow: 2 };
}
