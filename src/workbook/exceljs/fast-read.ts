/**
 * Reading the values of an .xlsx package directly: the parts are inflated from the zip and
 * scanned tag by tag (xml-scan.ts), keeping only what a ledger needs — sheet names and states,
 * the date system, shared strings, each cell's value (numbers, text, rich and inline text,
 * booleans, errors, formulas' cached results), hidden rows, merged ranges (the value stays in the
 * master cell only) and Excel tables. Styles are never read: a cell that carries a format but no
 * value costs one skipped tag, so a sheet formatted a million rows down reads in a blink.
 * Dates are not converted: a date cell's value is its serial in the workbook's own date system.
 */
import type { CellValue, TableInfo } from "../adapter-types";
import { DAYS_1900_TO_1904 } from "../excel-limits";
import { decodeOoxmlEscapes, Token, XmlScanner } from "./xml-scan";
import { ZipReader } from "./zip-read";

/** One sheet as read: its used range as a dense 2-D array and what lies around it. */
export interface RawSheet {
  name: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  rows: CellValue[][];
  firstRow: number;
  firstCol: number;
  /** 0-based indexes of hidden rows that hold a value. */
  hiddenRows: number[];
  /** Rows the sheet's XML holds, formatted-but-empty ones included (how big the input is). */
  rowElements: number;
}

/** A workbook's values as the fast reader finds them. */
export interface RawWorkbook {
  date1904: boolean;
  sheets: RawSheet[];
  tables: TableInfo[];
}

const RELATIONSHIP_TYPES = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  sharedStrings: "/sharedStrings",
  table: "/table",
};
/** Sheet XML is decoded in slices of about this many bytes, cut after a `</row>`. */
const CHUNK_BYTES = 16 * 1024 * 1024;
const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL_1900 = 25569;

interface Relationship {
  type: string;
  target: string;
}

/**
 * Reads the values of every worksheet of an .xlsx/.xlsm package.
 * @param bytes the file's content
 * @returns sheets in workbook order, tables, date system
 * @throws Error when the package has no workbook part or a part cannot be inflated
 * @example readXlsxValues(await fs.readFile("ledger.xlsx")).sheets[0].rows[0] // ["客户", "发票号", …]
 */
export function readXlsxValues(bytes: Buffer): RawWorkbook {
  const zip = new ZipReader(bytes);
  const rootRels = relationships(zip, "");
  const workbookPart = [...rootRels.values()].find((rel) => rel.type.endsWith(RELATIONSHIP_TYPES.officeDocument))?.target ?? "xl/workbook.xml";
  const workbookXml = zip.text(workbookPart);
  if (workbookXml === null) throw new Error("the package holds no workbook part");
  const workbookRels = relationships(zip, workbookPart);
  const { date1904, entries } = workbookSheets(workbookXml);
  const stringsPart = [...workbookRels.values()].find((rel) => rel.type.endsWith(RELATIONSHIP_TYPES.sharedStrings))?.target;
  const strings = stringsPart && zip.has(stringsPart) ? sharedStrings(zip.text(stringsPart)!) : [];
  const sheets: RawSheet[] = [];
  const tables: TableInfo[] = [];
  for (const entry of entries) {
    const rel = workbookRels.get(entry.relId);
    if (!rel || !rel.type.endsWith(RELATIONSHIP_TYPES.worksheet)) continue;
    const xml = zip.bytesOf(rel.target);
    if (!xml) continue;
    const collected = new SheetCollector(strings, date1904);
    collected.scan(xml);
    sheets.push({ name: entry.name, state: entry.state, ...collected.result() });
    for (const tablePart of collected.tableRelIds) {
      const tableRel = relationships(zip, rel.target).get(tablePart);
      const tableXml = tableRel ? zip.text(tableRel.target) : null;
      if (tableXml) {
        const table = tableInfo(tableXml, entry.name);
        if (table) tables.push(table);
      }
    }
  }
  return { date1904, sheets, tables };
}

/** The relationships of a part (from `dir/_rels/name.rels`), targets resolved to part names. */
function relationships(zip: ZipReader, part: string): Map<string, Relationship> {
  const slash = part.lastIndexOf("/");
  const dir = slash >= 0 ? part.slice(0, slash + 1) : "";
  const relsXml = zip.text(`${dir}_rels/${part.slice(slash + 1)}.rels`);
  const found = new Map<string, Relationship>();
  if (relsXml === null) return found;
  const scan = new XmlScanner(relsXml);
  for (let token = scan.next(); token !== Token.End; token = scan.next()) {
    if (token !== Token.Open || scan.name !== "Relationship" || scan.attr("TargetMode") === "External") continue;
    const id = scan.attr("Id");
    const target = scan.attr("Target");
    if (id !== undefined && target !== undefined) found.set(id, { type: scan.attr("Type") ?? "", target: resolvePart(dir, target) });
  }
  return found;
}

/** A relationship target as a part name: relative to the source's folder, or absolute from the root. */
function resolvePart(dir: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : dir + target).split("/");
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === "..") resolved.pop();
    else if (segment !== "." && segment !== "") resolved.push(segment);
  }
  return resolved.join("/");
}

function workbookSheets(xml: string): { date1904: boolean; entries: { name: string; state: string; relId: string }[] } {
  const scan = new XmlScanner(xml);
  let date1904 = false;
  const entries: { name: string; state: string; relId: string }[] = [];
  for (let token = scan.next(); token !== Token.End; token = scan.next()) {
    if (token !== Token.Open) continue;
    if (scan.name === "workbookPr") {
      const value = scan.attr("date1904");
      date1904 = value === "1" || value === "true";
    } else if (scan.name === "sheet") {
      entries.push({ name: scan.attr("name") ?? "", state: scan.attr("state") ?? "visible", relId: scan.attr("id") ?? "" });
    }
  }
  return { date1904, entries };
}

/** The shared string table: each `<si>`'s text runs joined, phonetic runs (`<rPh>`) left out. */
function sharedStrings(xml: string): string[] {
  const scan = new XmlScanner(xml);
  const strings: string[] = [];
  let text = "";
  let inPhonetic = false;
  let inText = false;
  for (let token = scan.next(); token !== Token.End; token = scan.next()) {
    if (token === Token.Open) {
      if (scan.is("t")) {
        inText = !scan.selfClosing && !inPhonetic;
      } else if (scan.is("si")) {
        text = "";
        if (scan.selfClosing) strings.push("");
      } else if (scan.is("rPh")) {
        inPhonetic = !scan.selfClosing;
      }
    } else if (token === Token.CData) {
      if (inText) text += scan.text();
    } else if (token === Token.Close) {
      if (scan.is("t")) {
        if (inText) text += scan.text();
        inText = false;
      } else if (scan.is("si")) {
        strings.push(decodeOoxmlEscapes(text));
      } else if (scan.is("rPh")) {
        inPhonetic = false;
      }
    }
  }
  return strings;
}

function tableInfo(xml: string, sheet: string): TableInfo | null {
  const scan = new XmlScanner(xml);
  let table: TableInfo | null = null;
  let ref = "";
  let columns = 0;
  let header = true;
  let totals = false;
  for (let token = scan.next(); token !== Token.End; token = scan.next()) {
    if (token !== Token.Open) continue;
    if (scan.name === "table") {
      ref = scan.attr("ref") ?? "";
      // headerRowCount defaults to 1 and totalsRowCount to 0 (ECMA-376 §18.5.1.2).
      header = (scan.attr("headerRowCount") ?? "1") !== "0";
      totals = Number(scan.attr("totalsRowCount") ?? "0") > 0;
      table = { name: scan.attr("displayName") ?? scan.attr("name") ?? "", sheet, headerRow: 0, firstCol: 0, rowCount: 0, columnCount: 0 };
    } else if (scan.name === "tableColumn") {
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
  table.rowCount = bottomRight.row - topLeft.row + 1 - (header ? 1 : 0) - (totals ? 1 : 0);
  table.columnCount = columns > 0 ? columns : bottomRight.col - topLeft.col + 1;
  return table;
}

/**
 * 0-based row and column of an A1 reference ("$B$3" → row 2, col 1).
 * @returns null when the text is no cell reference
 */
function decodeAddress(address: string): { row: number; col: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!match) return null;
  let col = 0;
  for (const letter of match[1].toUpperCase()) col = col * 26 + letter.charCodeAt(0) - 64;
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** Collects the cells of one worksheet's XML. */
class SheetCollector {
  readonly tableRelIds: string[] = [];
  private readonly cells: CellValue[][] = [];
  private readonly hidden: number[] = [];
  private readonly merges: string[] = [];
  private rowElements = 0;
  private row = -1;
  private rowHidden = false;
  private rowHasValue = false;
  private col = -1;
  // The cell being read.
  private type = "";
  private value: string | null = null;
  private inline: string | null = null;
  private inText = false;
  private inPhonetic = false;
  private capture = false;

  constructor(private readonly strings: string[], private readonly date1904: boolean) {}

  /** Scans the sheet XML in slices cut after a `</row>`, so no slice splits an element. */
  scan(xml: Buffer): void {
    for (let start = 0; start < xml.length; ) {
      let end = xml.length;
      if (start + CHUNK_BYTES < xml.length) {
        const cut = xml.indexOf("</row>", start + CHUNK_BYTES);
        if (cut >= 0) end = cut + 6;
      }
      this.scanText(xml.toString("utf8", start, end));
      start = end;
    }
    this.endRow();
  }

  private scanText(xml: string): void {
    const scan = new XmlScanner(xml);
    for (let token = scan.next(); token !== Token.End; token = scan.next()) {
      if (token === Token.Open) {
        if (scan.is("c")) this.openCell(scan);
        else if (scan.is("v")) {
          this.capture = !scan.selfClosing;
          if (scan.selfClosing) this.value = "";
        } else if (scan.is("row")) this.openRow(scan);
        else if (scan.is("is")) this.inline = "";
        else if (scan.is("t")) this.inText = this.inline !== null && !scan.selfClosing && !this.inPhonetic;
        else if (scan.is("rPh")) this.inPhonetic = !scan.selfClosing;
        else if (scan.is("mergeCell")) this.merges.push(scan.attr("ref") ?? "");
        else if (scan.is("tablePart")) {
          const id = scan.attr("id");
          if (id) this.tableRelIds.push(id);
        }
      } else if (token === Token.Close) {
        if (scan.is("c")) this.closeCell();
        else if (scan.is("v")) {
          if (this.capture) this.value = (this.value ?? "") + scan.text();
          this.capture = false;
        } else if (scan.is("t")) {
          if (this.inText) this.inline += scan.text();
          this.inText = false;
        } else if (scan.is("rPh")) this.inPhonetic = false;
      } else if (token === Token.CData) {
        if (this.capture) this.value = (this.value ?? "") + scan.text();
        else if (this.inText) this.inline += scan.text();
      }
    }
  }

  private openRow(scan: XmlScanner): void {
    this.endRow();
    const number = Number(scan.attr("r"));
    this.row = Number.isInteger(number) && number >= 1 ? number - 1 : this.row + 1;
    const hidden = scan.attr("hidden");
    this.rowHidden = hidden === "1" || hidden === "true";
    this.rowHasValue = false;
    this.col = -1;
    this.rowElements++;
  }

  private endRow(): void {
    if (this.rowHidden && this.rowHasValue) this.hidden.push(this.row);
    this.rowHidden = false;
    this.rowHasValue = false;
  }

  private openCell(scan: XmlScanner): void {
    const refStart = scan.attrAt("r");
    if (refStart >= 0) {
      // The reference read in place ("AB12" → column 27, row 11): no string per cell.
      const refEnd = scan.valueEnd;
      let col = 0;
      let row = 0;
      for (let at = refStart; at < refEnd; at++) {
        const code = scan.charAt(at);
        if (code >= 48 && code <= 57) row = row * 10 + code - 48;
        else if (code !== 36 /* $ */) col = col * 26 + ((code | 0x20) - 96);
      }
      this.col = col - 1;
      if (row >= 1 && row - 1 !== this.row) {
        // A cell outside a <row> element (or with another row's reference): trust the reference.
        this.endRow();
        this.row = row - 1;
      }
    } else {
      this.col++;
    }
    if (this.row < 0) this.row = 0;
    if (scan.selfClosing) {
      this.type = "";
      return;
    }
    const typeStart = scan.attrAt("t");
    this.type = typeStart < 0 ? "n" : typeStart + 1 === scan.valueEnd && scan.charAt(typeStart) === 115 /* s */ ? "s" : scan.attr("t")!;
    this.value = null;
    this.inline = null;
  }

  private closeCell(): void {
    const value = this.cellValue();
    this.inline = null;
    this.value = null;
    if (value === null || this.col < 0) return;
    this.rowHasValue = true;
    if (value === "") return;
    let cells = this.cells[this.row];
    if (!cells) this.cells[this.row] = cells = [];
    cells[this.col] = value;
  }

  private cellValue(): CellValue {
    const text = this.value;
    switch (this.type) {
      case "s": {
        if (text === null) return null;
        return this.strings[Number(text)] ?? null;
      }
      case "inlineStr":
        return this.inline !== null ? decodeOoxmlEscapes(this.inline) : text;
      case "str":
        return text;
      case "b":
        return text === null || text.trim() === "" ? null : text.trim() === "1" || text.trim() === "true";
      case "e":
        return text === null ? null : { error: text };
      case "d":
        return text === null ? null : isoDateSerial(text, this.date1904);
      default: {
        if (text === null || text.trim() === "") return null;
        const number = Number(text);
        return Number.isFinite(number) ? number : null;
      }
    }
  }

  result(): Omit<RawSheet, "name" | "state"> {
    this.endRow();
    this.applyMerges();
    return { ...dense(this.cells), hiddenRows: this.hidden, rowElements: this.rowElements };
  }

  /** Merged ranges keep their value in the master (top-left) cell only, as Excel shows them. */
  private applyMerges(): void {
    for (const ref of this.merges) {
      const [start, end] = ref.split(":");
      const topLeft = decodeAddress(start ?? "");
      const bottomRight = decodeAddress(end ?? "");
      if (!topLeft || !bottomRight) continue;
      const lastRow = Math.min(bottomRight.row, this.cells.length - 1);
      for (let row = topLeft.row; row <= lastRow; row++) {
        const cells = this.cells[row];
        if (!cells) continue;
        const lastCol = Math.min(bottomRight.col, cells.length - 1);
        for (let col = topLeft.col; col <= lastCol; col++) {
          if (row !== topLeft.row || col !== topLeft.col) delete cells[col];
        }
      }
    }
  }
}

/** Serial of an ISO 8601 date (`t="d"` cells), in the workbook's date system; null if unreadable. */
function isoDateSerial(text: string, date1904: boolean): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hours = "0", minutes = "0", seconds = "0"] = match;
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes)) + Number(seconds) * 1000;
  if (Number.isNaN(ms)) return null;
  const serial = UNIX_EPOCH_SERIAL_1900 + ms / MS_PER_DAY - (date1904 ? DAYS_1900_TO_1904 : 0);
  return Math.round(serial * 1e8) / 1e8;
}

/** The smallest dense rectangle holding every value (sparse rows in, rows of equal width out). */
function dense(cells: CellValue[][]): { rows: CellValue[][]; firstRow: number; firstCol: number } {
  let firstRow = -1;
  let lastRow = -1;
  let firstCol = Number.POSITIVE_INFINITY;
  let lastCol = -1;
  cells.forEach((row, r) => {
    let any = false;
    row.forEach((_value, c) => {
      any = true;
      if (c < firstCol) firstCol = c;
      if (c > lastCol) lastCol = c;
    });
    if (!any) return;
    if (firstRow < 0) firstRow = r;
    lastRow = r;
  });
  if (firstRow < 0) return { rows: [], firstRow: 0, firstCol: 0 };
  const width = lastCol - firstCol + 1;
  const rows: CellValue[][] = new Array(lastRow - firstRow + 1);
  for (let r = firstRow; r <= lastRow; r++) {
    const source = cells[r];
    const row: CellValue[] = new Array(width).fill(null);
    if (source) source.forEach((value, c) => (row[c - firstCol] = value));
    rows[r - firstRow] = row;
  }
  return { rows, firstRow, firstCol };
}
