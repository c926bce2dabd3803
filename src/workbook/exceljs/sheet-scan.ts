/**
 * The cells of one worksheet part, scanned as it inflates: slices cut after a `</row>` (or a
 * `</c>`) go through the tag scanner (xml-scan.ts), and only cells that hold a value are kept,
 * sparse — a sheet costs what it holds, however far apart its cells are (kept packed while they
 * come in reading order: sheet-store.ts). A row past 1,048,576 or a column past 16,384 is a clear
 * error, never a huge array. Styles are never read: a formatted empty cell costs one skipped tag.
 * Dates stay serials of the workbook's system. The plainest cells — how big sheets are written —
 * are read a row at a time without the tag scanner (`plainCells`), by the same rules.
 */
import type { CellValue } from "../adapter-types";
import { DAYS_1900_TO_1904, MAX_COLUMNS, MAX_ROWS } from "../excel-limits";
import { WorkbookFileError } from "./detect";
import { fileProblem, type FileProblem } from "./file-problems";
import { ScannedCells, type KeptCells } from "./sheet-store";
import { decimalAt, decodeOoxmlEscapes, integerAt, Token, XmlScanner } from "./xml-scan";
import { XmlSlices } from "./xml-slices";

/** A slice with no `</c>` in this many bytes holds a cell longer than any Excel writes. */
const MAX_PENDING_BYTES = 64 * 1024 * 1024;
const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL_1900 = 25569;
/** A number as SpreadsheetML writes one in `<v>`: decimal digits, a point, an exponent — never 0x10 or Infinity. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A sheet's cells as scanned (sheet-store.ts), its hidden rows and its tables. */
export interface ScannedSheet extends KeptCells {
  /** 0-based indexes of hidden rows that hold a value. */
  hiddenRows: number[];
  /** The relationship ids of the sheet's tables (`<tablePart r:id>`). */
  tableRelIds: string[];
}

/**
 * A number cell's text as a number, by SpreadsheetML's decimal grammar; anything else stays text.
 * @param text the `<v>` text
 * @returns the number, the text itself when it is not a decimal, null when blank
 * @example numberCell("1234.5") // 1234.5
 * @example numberCell("0x10") // "0x10"
 */
export function numberCell(text: string): CellValue {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (!DECIMAL.test(trimmed)) return trimmed;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}

/**
 * Collects the cells of one worksheet from its XML, fed slice by slice.
 * @example
 * const sheet = new SheetCollector("Sheet1", strings, false);
 * for await (const chunk of source.chunks("xl/worksheets/sheet1.xml")) sheet.feed(chunk);
 * sheet.finish().rows[0] // { cols: [0, 1], values: ["客户", "金额"] }
 */
export class SheetCollector {
  private readonly tableRelIds: string[] = [];
  /** Where the cells kept go (sheet-store.ts). */
  private readonly store = new ScannedCells();
  private readonly hidden: number[] = [];
  private readonly merges: string[] = [];
  private readonly slices = new XmlSlices(["</row>", "</c>"], (text) => this.scanText(text), MAX_PENDING_BYTES, () =>
    this.error(fileProblem("file.cellTooLong", { sheet: this.sheetName, megabytes: MAX_PENDING_BYTES / 1024 / 1024 })),
  );
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

  /**
   * @param sheetName for messages
   * @param strings the shared string table
   * @param date1904 the workbook's date system, for `t="d"` cells
   */
  constructor(
    private readonly sheetName: string,
    private readonly strings: readonly string[],
    private readonly date1904: boolean,
  ) {}

  /** Takes the next bytes of the part. */
  feed(chunk: Buffer): void {
    this.slices.feed(chunk);
  }

  /** Scans what is left and returns the sheet's cells, merged cells' values kept in the master cell only. */
  finish(): ScannedSheet {
    this.slices.finish();
    this.endRow();
    return { ...this.store.finish(this.merges), hiddenRows: this.hidden, tableRelIds: this.tableRelIds };
  }

  private error(problem: FileProblem): WorkbookFileError {
    return new WorkbookFileError(problem, "tooLarge");
  }

  private scanText(xml: string): void {
    const scan = new XmlScanner(xml);
    for (let token = scan.next(); token !== Token.End; token = scan.next()) {
      if (token === Token.Open) {
        if (scan.is("c")) {
          this.openCell(scan);
          this.plainCells(scan);
        } else if (scan.is("v")) {
          this.capture = !scan.selfClosing;
          if (scan.selfClosing) this.value = "";
        } else if (scan.is("row")) {
          this.openRow(scan);
          if (!scan.selfClosing) this.plainCells(scan);
        } else if (scan.is("is")) this.inline = "";
        else if (scan.is("t")) this.inText = this.inline !== null && !scan.selfClosing && !this.inPhonetic;
        else if (scan.is("rPh")) this.inPhonetic = !scan.selfClosing;
        else if (scan.is("mergeCell")) this.merges.push(scan.attr("ref") ?? "");
        else if (scan.is("tablePart")) {
          const id = scan.attr("id");
          if (id) this.tableRelIds.push(id);
        }
      } else if (token === Token.Close) {
        if (scan.is("c")) {
          this.closeCell();
          this.plainCells(scan);
        } else if (scan.is("v")) {
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
    // One pass over the tag's attributes.
    let number = Number.NaN;
    let hidden = false;
    scan.firstAttr();
    while (scan.nextAttr()) {
      if (scan.attrIs("r")) number = Number(scan.attrValue());
      else if (scan.attrIs("hidden")) {
        const text = scan.attrValue();
        hidden = text === "1" || text === "true";
      }
    }
    this.row = Number.isInteger(number) && number >= 1 ? number - 1 : this.row + 1;
    if (this.row >= MAX_ROWS) throw this.error(fileProblem("file.rowPastLast", { sheet: this.sheetName, row: this.row + 1, max: MAX_ROWS }));
    this.rowHidden = hidden;
    this.rowHasValue = false;
    this.col = -1;
  }

  private endRow(): void {
    if (this.rowHidden && this.rowHasValue) this.hidden.push(this.row);
    this.rowHidden = false;
    this.rowHasValue = false;
  }

  private openCell(scan: XmlScanner): void {
    // One pass over the tag's attributes; the reference read in place ("AB12" → column 27, row 11).
    let refStart = -1;
    let refEnd = -1;
    let type = "n";
    scan.firstAttr();
    while (scan.nextAttr()) {
      if (scan.attrIs("r")) {
        refStart = scan.valueStart;
        refEnd = scan.valueEnd;
      } else if (scan.attrIs("t")) type = scan.valueEnd - scan.valueStart === 1 && scan.charAt(scan.valueStart) === 115 /* s */ ? "s" : scan.attrValue();
    }
    this.placeCell(scan.source, refStart, refEnd);
    if (scan.selfClosing) {
      this.type = "";
      return;
    }
    this.type = type;
    this.value = null;
    this.inline = null;
    // The usual cell, `<c …><v>42</v></c>`: its value read in one step, a shared string's index
    // or a plain decimal read in place, and the cell kept at once.
    if (!scan.textChild("v")) return;
    if (type === "s" || type === "n") {
      const fast = type === "s" ? this.sharedString(scan.textInteger()) : scan.textDecimal();
      if (fast === fast && scan.closes("c")) {
        this.keep(fast);
        return;
      }
    }
    this.value = scan.text();
  }

  /**
   * Sets the current cell's column and row: from its reference read in place ("AB12" → column 27,
   * row 11), or the column after the last one when it has none.
   * @param xml the text the reference is in
   * @param refStart where the reference starts, -1 for none
   * @param refEnd where it ends
   */
  private placeCell(xml: string, refStart: number, refEnd: number): void {
    if (refStart >= 0) {
      let col = 0;
      let row = 0;
      for (let at = refStart; at < refEnd && col <= MAX_COLUMNS && row <= MAX_ROWS; at++) {
        const code = xml.charCodeAt(at);
        if (code >= 48 && code <= 57) row = row * 10 + code - 48;
        else if (code !== 36 /* $ */) col = col * 26 + ((code | 0x20) - 96);
      }
      if (col > MAX_COLUMNS) throw this.error(fileProblem("file.cellPastLastColumn", { sheet: this.sheetName, max: MAX_COLUMNS }));
      if (row > MAX_ROWS) throw this.error(fileProblem("file.cellPastLastRow", { sheet: this.sheetName, max: MAX_ROWS }));
      this.col = col - 1;
      if (row >= 1 && row - 1 !== this.row) {
        // A cell outside a <row> element (or with another row's reference): trust the reference.
        this.endRow();
        this.row = row - 1;
      }
    } else {
      this.col++;
      if (this.col >= MAX_COLUMNS) throw this.error(fileProblem("file.cellPastLastColumn", { sheet: this.sheetName, max: MAX_COLUMNS }));
    }
    if (this.row < 0) this.row = 0;
  }

  /**
   * Reads the plainest cells at once, as every writer of big sheets writes them, from where the
   * scanner stands: `<c r="B2" s="1" t="s"><v>7</v></c>` — attributes r, s and t (t="s" or none)
   * each written `name="value"` one space apart, a shared string's index or a plain decimal in `<v>`.
   * The first thing that is not such a cell (another element, another attribute, a formula, an
   * inline string, a value that is not plain) is left where it is, for the tag scanner; so the
   * cells read here are read by the same rules (placeCell, integerAt, decimalAt, keep).
   * @param scan the scanner, standing between tags
   */
  private plainCells(scan: XmlScanner): void {
    const xml = scan.source;
    let at = scan.position;
    let lastType = "";
    for (;;) {
      // `<c ` at once (no text between cells: the scanner takes that case).
      if (xml.charCodeAt(at) !== 60 /* < */ || xml.charCodeAt(at + 1) !== 99 /* c */ || xml.charCodeAt(at + 2) !== 32) break;
      let p = at + 3;
      let refStart = -1;
      let refEnd = -1;
      let shared = false;
      let plain = true;
      for (;;) {
        const name = xml.charCodeAt(p);
        if (xml.charCodeAt(p + 1) !== 61 /* = */ || xml.charCodeAt(p + 2) !== 34 /* " */) {
          plain = false;
          break;
        }
        const valueEnd = xml.indexOf('"', p + 3);
        if (valueEnd < 0) {
          plain = false;
          break;
        }
        if (name === 114 /* r */) {
          refStart = p + 3;
          refEnd = valueEnd;
        } else if (name === 116 /* t */) {
          if (valueEnd - p - 3 !== 1 || xml.charCodeAt(p + 3) !== 115 /* s */) {
            plain = false;
            break;
          }
          shared = true;
        } else if (name !== 115 /* s */) {
          plain = false;
          break;
        }
        p = valueEnd + 1;
        const next = xml.charCodeAt(p);
        if (next === 62 /* > */) break;
        if (next !== 32) {
          plain = false;
          break;
        }
        p++;
      }
      // `><v>value</v></c>`
      if (!plain || refStart < 0 || xml.charCodeAt(p + 1) !== 60 /* < */ || xml.charCodeAt(p + 2) !== 118 /* v */ || xml.charCodeAt(p + 3) !== 62 /* > */) break;
      const valueStart = p + 4;
      const valueEnd = xml.indexOf("<", valueStart);
      if (valueEnd < 0 || !xml.startsWith("</v></c>", valueEnd)) break;
      const value = shared ? this.sharedString(integerAt(xml, valueStart, valueEnd)) : decimalAt(xml, valueStart, valueEnd);
      if (value !== value) break;
      this.placeCell(xml, refStart, refEnd);
      this.keep(value);
      lastType = shared ? "s" : "n";
      at = valueEnd + 8;
    }
    if (lastType !== "") {
      // As openCell leaves a cell it kept at once.
      this.type = lastType;
      this.value = null;
      this.inline = null;
    }
    scan.skipTo(at);
  }

  /** The shared string at an index read in place; NaN (not read) for -1, null past the table. */
  private sharedString(index: number): string | null | number {
    return index < 0 ? Number.NaN : (this.strings[index] ?? null);
  }

  private closeCell(): void {
    const value = this.cellValue();
    this.inline = null;
    this.value = null;
    this.keep(value);
  }

  /** Keeps the current cell's value: blank cells are not kept, an empty string only marks its row. */
  private keep(value: CellValue): void {
    if (value === null || this.col < 0) return;
    this.rowHasValue = true;
    if (value === "") return;
    this.store.put(this.row, this.col, value);
  }

  private cellValue(): CellValue {
    const text = this.value;
    switch (this.type) {
      case "s":
        return text === null ? null : (this.strings[Number(text)] ?? null);
      case "inlineStr":
        return ownText(this.inline !== null ? decodeOoxmlEscapes(this.inline) : text);
      case "str":
        return ownText(text);
      case "b":
        return text === null || text.trim() === "" ? null : text.trim() === "1" || text.trim() === "true";
      case "e":
        return text === null ? null : { error: text };
      case "d":
        return text === null ? null : isoDateSerial(text, this.date1904);
      default: {
        const value = text === null ? null : numberCell(text);
        return typeof value === "string" ? ownText(value) : value;
      }
    }
  }
}

/**
 * Text kept in a cell, copied out of the slice it was cut from: V8 cuts a substring of 13 or more
 * characters as a view of its parent, so keeping the view would keep the whole slice of sheet XML
 * (megabytes) alive — a million inline-string rows kept the whole sheet's text.
 */
function ownText(text: string | null): string | null {
  return text === null || text.length < 13 ? text : (" " + text).slice(1);
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
