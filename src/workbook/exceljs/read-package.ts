/**
 * Reading the values of an .xlsx package: the workbook part, the shared strings, every worksheet
 * (scanned as it inflates, cells kept sparse: sheet-scan.ts) and the Excel tables. Only these
 * parts are inflated, each within the package's bounds (zip-source.ts); styles, drawings, media
 * and macros are never opened. Dates stay serials of the workbook's own date system.
 */
import type { RowCells, RowSource, TableInfo } from "../adapter-types";
import { WorkbookFileError } from "./detect";
import { fileProblem } from "./file-problems";
import { readWorkbookPart, REL, relationshipsOf, relOfType } from "./package-parts";
import { SheetCollector } from "./sheet-scan";
import { decodeAddress } from "./sheet-store";
import { decodeOoxmlEscapes, Token, XmlScanner } from "./xml-scan";
import { XmlSlices } from "./xml-slices";
import { PackageSource, type InflateLimits, READ_LIMITS } from "./zip-source";

/** One sheet as read. */
export interface RawSheet {
  name: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  /** Read through `rowAt` (sheet-cells.ts): packed when the cells came in reading order. */
  rows: (RowCells | undefined)[] | RowSource;
  firstRow: number;
  firstCol: number;
  /** 0-based indexes of hidden rows that hold a value. */
  hiddenRows: number[];
}

/** A workbook's values. */
export interface RawWorkbook {
  date1904: boolean;
  sheets: RawSheet[];
  tables: TableInfo[];
}

/** One shared string's text over this many bytes is no text Excel wrote. */
const MAX_STRING_BYTES = 64 * 1024 * 1024;

/**
 * Which sheets a reading wants: one sheet is read before the others (the add-in's store, which
 * lists the sheets it generated), and decides which sheets' cells are not wanted — they are listed
 * without rows, their parts never inflated.
 */
export interface SheetChoice {
  /** The sheet read first, wherever it stands in the workbook. */
  first: string;
  /** Given that sheet (undefined when the workbook has none), whether a sheet (by name) is not wanted. */
  skip: (first: RawSheet | undefined) => (name: string) => boolean;
}

/**
 * Reads the values of the worksheets of an .xlsx/.xlsm package.
 * @param file the package's path
 * @param limits bounds on what may be inflated (READ_LIMITS by default)
 * @param choice which sheets' cells are not wanted (by default every sheet is read)
 * @returns sheets in workbook order (a skipped one with no rows), tables of the sheets read, date system
 * @throws WorkbookFileError for a damaged package or one past a bound; Error when it has no workbook part
 * @example rowAt((await readPackageValues("ledger.xlsx")).sheets[0], 0)?.values // ["客户", "发票号", …]
 */
export async function readPackageValues(file: string, limits: InflateLimits = READ_LIMITS, choice?: SheetChoice): Promise<RawWorkbook> {
  const source = await PackageSource.open(file, limits);
  try {
    const workbook = await readWorkbookPart(source);
    const stringsPart = relOfType(workbook.rels, REL.sharedStrings)?.target;
    const strings = stringsPart ? await sharedStrings(source, stringsPart) : [];
    const tables: TableInfo[] = [];
    const parts = workbook.sheets.flatMap((entry) => {
      const rel = workbook.rels.get(entry.relId);
      return rel && !rel.external && rel.type.endsWith(REL.worksheet) && source.entry(rel.target) ? [{ ...entry, part: rel.target }] : [];
    });
    const readSheet = async (entry: (typeof parts)[number]): Promise<RawSheet> => {
      const collector = new SheetCollector(entry.name, strings, workbook.date1904);
      for await (const chunk of source.chunks(entry.part)) collector.feed(chunk);
      const { tableRelIds, ...cells } = collector.finish();
      if (tableRelIds.length > 0) tables.push(...(await tablesOf(source, entry.part, entry.name, tableRelIds)));
      return { name: entry.name, state: entry.state, ...cells };
    };
    const firstEntry = choice ? parts.find((entry) => entry.name === choice.first) : undefined;
    const first = firstEntry ? await readSheet(firstEntry) : undefined;
    const skipped = choice ? choice.skip(first) : () => false;
    const sheets: RawSheet[] = [];
    for (const entry of parts) {
      if (entry === firstEntry) sheets.push(first!);
      else if (skipped(entry.name)) sheets.push({ name: entry.name, state: entry.state, rows: [], firstRow: 0, firstCol: 0, hiddenRows: [] });
      else sheets.push(await readSheet(entry));
    }
    return { date1904: workbook.date1904, sheets, tables };
  } finally {
    source.close();
  }
}

/** The Excel tables of a sheet, from its relationships. */
async function tablesOf(source: PackageSource, part: string, sheet: string, relIds: readonly string[]): Promise<TableInfo[]> {
  const sheetRels = await relationshipsOf(source, part);
  const tables: TableInfo[] = [];
  for (const id of relIds) {
    const tableRel = sheetRels.get(id);
    const tableXml = tableRel && !tableRel.external ? await source.text(tableRel.target) : null;
    const table = tableXml ? tableInfo(tableXml, sheet) : null;
    if (table) tables.push(table);
  }
  return tables;
}

/** `<si><t>` and `</t></si>`: a shared string of one plain run, as Excel writes most of them. */
const PLAIN_STRING_OPEN = "<si><t>";
const PLAIN_STRING_CLOSE = "</t></si>";

/**
 * Reads the plainest shared strings at once from where the scanner stands, between two strings:
 * `<si><t>text</t></si>`, its text free of what the scanner's path would change — an entity
 * (`&`), a carriage return (line ends are normalised) or an `_xHHHH_` escape — so it is kept
 * as it stands. The first other string is left for the scanner.
 * @param scan the scanner, after `<sst …>` or `</si>`
 * @param strings where the strings go
 */
function plainStrings(scan: XmlScanner, strings: string[]): void {
  const xml = scan.source;
  let at = scan.position;
  while (xml.startsWith(PLAIN_STRING_OPEN, at)) {
    const start = at + PLAIN_STRING_OPEN.length;
    const end = xml.indexOf("<", start);
    if (end < 0 || !xml.startsWith(PLAIN_STRING_CLOSE, end)) break;
    const text = xml.slice(start, end);
    if (text.indexOf("&") >= 0 || text.indexOf("\r") >= 0 || text.indexOf("_x") >= 0) break;
    strings.push(text);
    at = end + PLAIN_STRING_CLOSE.length;
  }
  scan.skipTo(at);
}

/** The shared string table, streamed: each `<si>`'s text runs joined, phonetic runs (`<rPh>`) left out. */
async function sharedStrings(source: PackageSource, part: string): Promise<string[]> {
  const strings: string[] = [];
  let text = "";
  let inPhonetic = false;
  let inText = false;
  const scanText = (xml: string): void => {
    const scan = new XmlScanner(xml);
    // A slice begins after `</si>` (XmlSlices), or with the part's start.
    plainStrings(scan, strings);
    for (let token = scan.next(); token !== Token.End; token = scan.next()) {
      if (token === Token.Open) {
        if (scan.is("t")) inText = !scan.selfClosing && !inPhonetic;
        else if (scan.is("sst")) plainStrings(scan, strings);
        else if (scan.is("si")) {
          text = "";
          if (scan.selfClosing) strings.push("");
        } else if (scan.is("rPh")) inPhonetic = !scan.selfClosing;
      } else if (token === Token.CData) {
        if (inText) text += scan.text();
      } else if (token === Token.Close) {
        if (scan.is("t")) {
          if (inText) text += scan.text();
          inText = false;
        } else if (scan.is("si")) {
          strings.push(decodeOoxmlEscapes(text));
          plainStrings(scan, strings);
        } else if (scan.is("rPh")) inPhonetic = false;
      }
    }
  };
  const slices = new XmlSlices(["</si>"], scanText, MAX_STRING_BYTES, () => new WorkbookFileError(fileProblem("file.sharedStringTooLong", { part, megabytes: MAX_STRING_BYTES / 1024 / 1024 }), "tooLarge"));
  for await (const chunk of source.chunks(part)) slices.feed(chunk);
  slices.finish();
  return strings;
}

/** An Excel table's place from its part (`<table ref="A3:F20" headerRowCount totalsRowCount>`). */
function tableInfo(xml: string, sheet: string): TableInfo | null {
  const scan = new XmlScanner(xml);
  let table: TableInfo | null = null;
  let ref = "";
  let columns = 0;
  let header = true;
  let totals = false;
  for (let token = scan.next(); token !== Token.End; token = scan.next()) {
    if (token !== Token.Open) continue;
    if (scan.is("table")) {
      ref = scan.attr("ref") ?? "";
      // headerRowCount defaults to 1 and totalsRowCount to 0 (ECMA-376 §18.5.1.2).
      header = (scan.attr("headerRowCount") ?? "1") !== "0";
      totals = Number(scan.attr("totalsRowCount") ?? "0") > 0;
      table = { name: scan.attr("displayName") ?? scan.attr("name") ?? "", sheet, headerRow: 0, firstCol: 0, rowCount: 0, columnCount: 0 };
    } else if (scan.is("tableColumn")) {
      columns++;
    }
  }
  if (!table || ref === "") return null;
  const [start, end] = ref.split(":");
  const topLeft = decodeAddress(start);
  const bottomRight = decodeAddress(end ?? start);
  if (!topLeft || !bottomRight) return null;
  table.headerRow = topLeft.row;
  table.firstCol = topLeft.col;
  table.rowCount = Math.max(0, bottomRight.row - topLeft.row + 1 - (header ? 1 : 0) - (totals ? 1 : 0));
  table.columnCount = Math.min(columns > 0 ? columns : bottomRight.col - topLeft.col + 1, 16_384);
  return table;
}
