/**
 * Appending rows below a named Excel table through Office.js, the way Microsoft's co-authoring
 * guidance asks ("Avoid table row coauthoring conflicts", docs/excel/co-authoring-in-excel-add-ins):
 * not TableRowCollection.add, which causes merge conflicts, but Range.values written directly below
 * the table, which Excel takes into the table; cells already under the table are moved down first
 * with Range.insert, so nothing is overwritten. The range written is found from the table in the
 * sync that writes it, so a co-author's row appended in between is kept, never overwritten. When
 * Excel did not take the rows in (its "include new rows in the table" option is off), the table
 * is resized over them. On first use the table is created on a new sheet and named.
 */
import type { DateSystem } from "../../rules/types";
import type { AppendRowsRequest, AppendRowsResult, CellValue, RunOptions } from "../adapter-types";
import { AppendRowsError, tableColumnsFor, tableFormats, tableRows } from "../append-rows";
import { placeSheets } from "../sheet-names";
import { displayWidth } from "../../rules/display";
import { queueDateProbe, type KnownDateSystem } from "./date-system";
import { throwIfAborted } from "./runner";
import { charsToPoints } from "./write";
import { cellInput } from "./write-values";

/** A column is as wide as its header, at least this many characters. */
const MIN_COLUMN_CHARS = 10;

/** The rows' values as written: text kept text (quote prefix), blanks "". */
function inputs(rows: (string | number | boolean | null)[][]): (string | number | boolean)[][] {
  return rows.map((row) => row.map(cellInput));
}

/** A number-format grid for the appended rows; "General" where the column keeps its own. */
function formatGrid(formats: (string | null)[], rows: number): string[][] {
  return Array.from({ length: rows }, () => formats.map((format) => format ?? "General"));
}

/**
 * Appends the request's rows below its table, creating the table on first use. Syncs: 1 (find the
 * table; probe the date system when dates are written and it is unknown), then for a new table 1,
 * for an existing one 2 (read its header, totals row, last row and the cells below; write) and a
 * third only when Excel did not take the rows into the table.
 * @param context the batch's request context
 * @param request the table, headers and rows
 * @param options abort signal (checked before each sync)
 * @param known the date system, probed here when needed and unknown
 * @returns where the rows went
 * @throws AppendRowsError when the table lacks a column asked for or shows a totals row
 * @example await excel.run((context) => appendTableRows(context, { tableName: "AR_CollectionLog", sheetName: "催收记录", headers, rows: [row] }, {}, known))
 */
export async function appendTableRows(context: Excel.RequestContext, request: AppendRowsRequest, options: RunOptions, known: KnownDateSystem): Promise<AppendRowsResult> {
  const { signal } = options;
  const workbook = context.workbook;
  const table = workbook.tables.getItemOrNullObject(request.tableName);
  table.load("name,showTotals");
  const sheets = workbook.worksheets.load("items/name");
  const probe = known.value === undefined && (request.dateCols ?? []).length > 0 ? queueDateProbe(context) : undefined;
  throwIfAborted(signal);
  await context.sync();
  if (probe) {
    known.value = probe.result();
    probe.cleanup();
  }
  const dateSystem = known.value ?? "1900";
  if (table.isNullObject) {
    return createTable(context, request, sheets.items.map((sheet) => sheet.name), dateSystem, options);
  }
  if (table.showTotals) throw new AppendRowsError("append.totalsRow", table.name);

  const header = table.getHeaderRowRange().load("values,columnCount");
  const body = table.getDataBodyRange().load("rowCount");
  const lastRow = table.getDataBodyRange().getLastRow().load("values");
  const sheet = table.worksheet.load("name");
  const count = request.rows.length;
  const below = table.getRange().getLastRow().getOffsetRange(1, 0).getResizedRange(count - 1, 0).load("values");
  throwIfAborted(signal);
  await context.sync();

  const width = header.columnCount;
  const columns = tableColumnsFor(table.name, header.values[0] as CellValue[], request.headers);
  const rows = tableRows(request, columns, width, dateSystem);
  const formats = tableFormats(request, columns, width);
  const blank = (line: unknown[]): boolean => line.every((cell) => cell === "" || cell === null);
  // Excel keeps one empty data row in a table with no data: the first row goes there.
  const intoEmptyRow = body.rowCount === 1 && blank(lastRow.values[0]);
  const rangeBelow = (): Excel.Range => table.getRange().getLastRow().getOffsetRange(1, 0).getResizedRange(count - 1, 0);
  // Found from the table when this sync runs, after any row a co-author appended meanwhile.
  if (!intoEmptyRow && !below.values.every(blank)) rangeBelow().insert("Down");
  const target = intoEmptyRow ? table.getDataBodyRange().getResizedRange(count - 1, 0) : rangeBelow();
  target.numberFormat = formatGrid(formats, count);
  target.values = inputs(rows);
  target.load("rowIndex");
  const after = table.getRange().load("rowIndex,rowCount");
  workbook.application.suspendApiCalculationUntilNextSync();
  throwIfAborted(signal);
  await context.sync();

  if (after.rowIndex + after.rowCount < target.rowIndex + count) {
    table.resize(table.getRange().getBoundingRect(target));
    await context.sync();
  }
  return { sheet: sheet.name, tableName: table.name, created: false, firstRow: target.rowIndex + 1 };
}

/** First use: a new sheet (a free name), the headers and rows from A1, a table over them, named. One sync. */
async function createTable(
  context: Excel.RequestContext,
  request: AppendRowsRequest,
  existing: string[],
  dateSystem: DateSystem,
  options: RunOptions,
): Promise<AppendRowsResult> {
  const [place] = placeSheets([request.sheetName], existing.map((name) => ({ name, generated: false })));
  const width = request.headers.length;
  const identity = request.headers.map((_, col) => col);
  const rows = tableRows(request, identity, width, dateSystem);
  const sheet = context.workbook.worksheets.add(place.name);
  const body = sheet.getRangeByIndexes(1, 0, rows.length, width);
  body.numberFormat = formatGrid(tableFormats(request, identity, width), rows.length);
  sheet.getRangeByIndexes(0, 0, rows.length + 1, width).values = inputs([request.headers, ...rows]);
  const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, rows.length + 1, width), true);
  table.name = request.tableName;
  request.headers.forEach((text, col) => {
    sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = charsToPoints(Math.max(MIN_COLUMN_CHARS, displayWidth(text) + 2));
  });
  throwIfAborted(options.signal);
  await context.sync();
  return { sheet: place.name, tableName: request.tableName, created: true, firstRow: 2 };
}
