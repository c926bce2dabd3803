/**
 * Appending rows below a named Excel table of an .xlsx package (the command line's `log`), through
 * the one writer (write-copy.ts): on first use a new sheet of the user's data holding the table;
 * after that only the table's sheet part and table part are given new content — the new `<row>`s
 * spliced in under the table, its `ref` grown — and every other part is copied as stored.
 */
import { displayWidth } from "../../rules/display";
import type { DateSystem } from "../../rules/types";
import type { AppendRowsRequest, AppendRowsResult } from "../adapter-types";
import { AppendRowsError, tableColumnsFor, tableFormats, tableRows } from "../append-rows";
import type { PlanCell, PlanFormat, SheetPlan } from "../plan-types";
import { rowAt, valueAt } from "../sheet-cells";
import { readWorkbookPart, relationshipsOf, REL } from "./package-parts";
import { columnLetter } from "./plan-styles";
import { readPackageValues } from "./read-package";
import { cellXml } from "./sheet-xml";
import { writeCopy, type CopyRequest } from "./write-copy";
import { PackageSource } from "./zip-source";

/** A column of a new table is as wide as its header, at least this many characters. */
const MIN_COLUMN_CHARS = 12;

/** What an append writes besides the rows: where it starts from, where it goes, the store. */
export interface AppendTarget {
  base: CopyRequest["base"];
  output: string;
  store: Readonly<Record<string, string>>;
  signal?: AbortSignal;
}

/** The log's first sheet as a plan (a user sheet: its kind is never recorded): the headers, the rows, dates and amounts formatted. */
function firstUsePlan(request: AppendRowsRequest): SheetPlan {
  const width = request.headers.length;
  const columns = request.headers.map((_, col) => col);
  const rows = tableRows(request, columns, width, "1900");
  const formats: PlanFormat[] = [];
  tableFormats(request, columns, width).forEach((numberFormat, col) => {
    if (numberFormat !== null) formats.push({ row: 1, col, rows: rows.length, cols: 1, numberFormat });
  });
  return {
    name: request.sheetName,
    kind: "errors",
    values: [request.headers, ...rows],
    formats,
    conditionalFormats: [],
    columnWidths: request.headers.map((header) => Math.max(MIN_COLUMN_CHARS, displayWidth(header) + 2)),
    freezeRows: 1,
    freezeCols: 0,
    dateCols: request.dateCols ?? [],
  };
}

/** One cell of an appended row (sheet-xml.ts cellXml); `s` is the style attribute copied from the cell above (or ""). */
function appendedCell(ref: string, value: PlanCell, s: string): string {
  return value === null || value === "" ? "" : cellXml(` r="${ref}"`, value, s);
}

/** The `<row>` elements of a sheet part: where each starts and ends, and its number. */
function rowSpans(xml: string): { row: number; start: number; end: number; hasCells: boolean }[] {
  const spans: { row: number; start: number; end: number; hasCells: boolean }[] = [];
  const open = /<row\b[^>]*?\br="(\d+)"[^>]*?(\/?)>/g;
  for (let match = open.exec(xml); match !== null; match = open.exec(xml)) {
    const start = match.index;
    if (match[2] === "/") {
      spans.push({ row: Number(match[1]), start, end: open.lastIndex, hasCells: false });
      continue;
    }
    const close = xml.indexOf("</row>", open.lastIndex);
    const end = close < 0 ? open.lastIndex : close + "</row>".length;
    spans.push({ row: Number(match[1]), start, end, hasCells: /<c\b/.test(xml.slice(open.lastIndex, end)) });
    open.lastIndex = end;
  }
  return spans;
}

/** The style attribute (` s="5"`) of each column's cell in one row element, by column letter. */
function stylesOfRow(rowXml: string): Map<string, string> {
  const styles = new Map<string, string>();
  for (const match of rowXml.matchAll(/<c\b[^>]*?\br="([A-Z]+)\d+"[^>]*?>/g)) {
    const style = /\bs="(\d+)"/.exec(match[0]);
    if (style) styles.set(match[1], ` s="${style[1]}"`);
  }
  return styles;
}

/** A range's last row set to `lastRow` (1-based): "A1:K3" → "A1:K5". */
function grownRef(ref: string, lastRow: number): string {
  return ref.replace(/^(\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?)\d+$/, `$1${lastRow}`);
}

/**
 * Appends rows below a named table of the base package, or adds the table on a new sheet on
 * first use; written to the output through writeCopy. Contract, as every adapter's `appendRows`:
 * the rows already in the table are never rewritten; each value goes under the table column of its
 * header (width, spacing and case aside) and its other columns stay blank; dates are serials of the
 * workbook's date system, styled as the cell above (a new table: date and amount formats); strings
 * are inline text, never formulas.
 * @param request the table, its headers and the rows
 * @param target the base package (or CSV), the output, the settings store
 * @returns where the rows went, and the store as written
 * @throws AppendRowsError when the table lacks a column asked for, shows a totals row, or has cells under it
 * @example (await appendRowsToPackage(request, { base: { file: "ledger.xlsx" }, output: "ledger.log.xlsx", store })).result.created // true on first use
 */
export async function appendRowsToPackage(request: AppendRowsRequest, target: AppendTarget): Promise<{ result: AppendRowsResult; store: Record<string, string> }> {
  const raw = "file" in target.base ? await readPackageValues(target.base.file) : null;
  const wanted = request.tableName.toLowerCase();
  const table = raw?.tables.find((candidate) => candidate.name.toLowerCase() === wanted);
  if (raw === null || table === undefined || !("file" in target.base)) {
    const copy = await writeCopy({ ...target, plans: [], userSheets: [{ plan: firstUsePlan(request), table: request.tableName }] });
    return { result: { sheet: copy.userSheetNames[0], tableName: request.tableName, created: true, firstRow: 2 }, store: copy.store };
  }
  const sheet = raw.sheets.find((candidate) => candidate.name === table.sheet);
  const headers = Array.from({ length: table.columnCount }, (_, c) => valueAt(sheet ? rowAt(sheet, table.headerRow - sheet.firstRow) : undefined, table.firstCol + c));
  const columns = tableColumnsFor(table.name, headers, request.headers);
  const dateSystem: DateSystem = raw.date1904 ? "1904" : "1900";
  const rows = tableRows(request, columns, table.columnCount, dateSystem);
  const lastRow = table.headerRow + 1 + table.rowCount; // 1-based: the table's last row
  const parts = await tableParts(target.base.file, table.sheet, table.name);
  if (parts.totals) throw new AppendRowsError("append.totalsRow", table.name);
  const spans = rowSpans(parts.sheetXml);
  const first = lastRow + 1;
  const end = lastRow + rows.length;
  if (spans.some((span) => span.row >= first && span.row <= end && span.hasCells)) throw new AppendRowsError("append.rowsBelow", table.name);
  const above = spans.find((span) => span.row === lastRow);
  const styles = above ? stylesOfRow(parts.sheetXml.slice(above.start, above.end)) : new Map<string, string>();
  const letters = Array.from({ length: table.columnCount }, (_, c) => columnLetter(table.firstCol + c));
  const rowsXml = rows
    .map((row, r) => `<row r="${first + r}">${row.map((value, c) => appendedCell(`${letters[c]}${first + r}`, value, styles.get(letters[c]) ?? "")).join("")}</row>`)
    .join("");
  // Empty rows already there (formats only) give way; the new rows go before the first row after them.
  let xml = parts.sheetXml;
  for (const span of [...spans].reverse()) if (span.row >= first && span.row <= end) xml = xml.slice(0, span.start) + xml.slice(span.end);
  const next = rowSpans(xml).find((span) => span.row > end);
  const at = next ? next.start : xml.indexOf("</sheetData>");
  if (at < 0) throw new Error(`${parts.sheetPart}: no sheetData to append to`);
  xml = xml.slice(0, at) + rowsXml + xml.slice(at);
  xml = xml.replace(/(<dimension\b[^>]*\bref=")([^"]+)(")/, (_, open: string, ref: string, close: string) => {
    const bottom = Number(/(\d+)$/.exec(ref)?.[1] ?? 0);
    return `${open}${bottom < end ? grownRef(ref.includes(":") ? ref : `${ref}:${ref}`, end) : ref}${close}`;
  });
  const tableXml = parts.tableXml.replace(/(<(?:\w+:)?(?:table|autoFilter)\b[^>]*?\bref=")([^"]+)(")/g, (_, open: string, ref: string, close: string) => `${open}${grownRef(ref, end)}${close}`);
  const copy = await writeCopy({ ...target, plans: [], replaceParts: new Map([[parts.sheetPart, xml], [parts.tablePart, tableXml]]) });
  return { result: { sheet: table.sheet, tableName: table.name, created: false, firstRow: first }, store: copy.store };
}

/** The sheet part and table part of a named table, with their text, and whether it shows a totals row. */
async function tableParts(file: string, sheetName: string, tableName: string): Promise<{ sheetPart: string; sheetXml: string; tablePart: string; tableXml: string; totals: boolean }> {
  const source = await PackageSource.open(file);
  try {
    const workbook = await readWorkbookPart(source);
    const entry = workbook.sheets.find((sheet) => sheet.name === sheetName);
    const sheetPart = entry === undefined ? undefined : workbook.rels.get(entry.relId)?.target;
    if (sheetPart === undefined) throw new Error(`no part for sheet ${sheetName}`);
    for (const rel of (await relationshipsOf(source, sheetPart)).values()) {
      if (rel.external || !rel.type.endsWith(REL.table)) continue;
      const tableXml = (await source.text(rel.target)) ?? "";
      const name = /\bdisplayName="([^"]*)"/.exec(tableXml)?.[1] ?? /\bname="([^"]*)"/.exec(tableXml)?.[1];
      if (name?.toLowerCase() !== tableName.toLowerCase()) continue;
      const totals = Number(/\btotalsRowCount="(\d+)"/.exec(tableXml)?.[1] ?? "0") > 0;
      return { sheetPart, sheetXml: (await source.text(sheetPart)) ?? "", tablePart: rel.target, tableXml, totals };
    }
    throw new Error(`no part for table ${tableName}`);
  } finally {
    source.close();
  }
}
