/**
 * A SheetPlan as worksheet XML, built in slices of about 1 MB as the zip writer asks for them, so
 * a million-row plan is never held whole as text: each row is encoded into the slice as it is
 * made (byte-slices.ts). Strings are inline (`t="inlineStr"`): always
 * text, never a formula, and the user's shared-string table is left as it is. Dates are written in
 * the workbook's date system (plan-dates.ts); styles come from the user's styles.xml plus ours
 * (styles-merge.ts).
 */
import type { DateSystem } from "../../rules/types";
import { shiftedDateColumns, storedCell } from "../plan-dates";
import { rowsLater } from "../plan-rows";
import type { PlanCell, SheetPlan } from "../plan-types";
import { columnLetter, FormatSweep, MARK_FILLS, rangeRef, type PlanCellStyle } from "./plan-styles";
import { MAX_CELL_TEXT_LENGTH } from "../excel-limits";
import { ByteSlices, MAX_NUMBER_BYTES } from "./byte-slices";
import { cellTextWithinLimit, xmlText } from "./sheet-xml-text";
import type { StyleAdditions } from "./styles-merge";

const WHITESPACE = /\s/;
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** What a sheet's XML needs besides its plan. */
export interface SheetXmlOptions {
  dateSystem: DateSystem;
  styles: StyleAdditions;
  /** The relationship id of the sheet's drawing (its charts), when it has one. */
  drawingRelId?: string;
  /** The relationship ids of the sheet's Excel tables (a user sheet the copy adds, such as the collection log). */
  tableRelIds?: readonly string[];
  /** The size of the slices handed on (1 MB by default; tests use small ones). */
  sliceBytes?: number;
}

/** A cell's markup after `<c` and its reference (ECMA-376 §18.3.1.4), around its value. */
const VALUE_OPEN = "><v>";
const VALUE_CLOSE = "</v></c>";
const BOOLEAN_TYPE = ' t="b"';
const TEXT_OPEN = ' t="inlineStr"><is><t';
const PRESERVE = ' xml:space="preserve"';
const TEXT_CLOSE = "</t></is></c>";
/** Room for a cell's markup besides its style attribute and its value. */
const CELL_MARKUP_BYTES = TEXT_OPEN.length + PRESERVE.length + 1 + TEXT_CLOSE.length;
/**
 * The most UTF-8 bytes a character of a text takes once escaped: `"` becomes `&quot;`; a
 * character outside ASCII is never escaped and takes at most three.
 */
const MAX_ESCAPED_BYTES_PER_UNIT = 6;
/** Room for `<row r="1048576">`, and for `<c r="XFD1048576"`. */
const ROW_OPEN_BYTES = 9 + MAX_NUMBER_BYTES;
const REFERENCE_BYTES = 9 + MAX_NUMBER_BYTES;

/** Whether a value makes no cell at all: an empty one without a style, or a number no cell can hold. */
function noCell(value: PlanCell, s: string): boolean {
  return ((value === null || value === "") && s === "") || (typeof value === "number" && !Number.isFinite(value));
}

/**
 * The room a text cell takes at most after `<c` and its reference: its text is cut to Excel's
 * 32,767 characters first, so a 10 MB name asks for about 200 KB, not 60 MB a row.
 */
function textRoom(text: string, s: string): number {
  return s.length + CELL_MARKUP_BYTES + MAX_ESCAPED_BYTES_PER_UNIT * Math.min(text.length, MAX_CELL_TEXT_LENGTH);
}

/**
 * Whether a text is written as it is: printable ASCII that holds no markup character and does not
 * begin or end with a space — what xmlText leaves unchanged and needs no `xml:space`.
 */
function isPlain(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 || code > 126 || code === 34 /* " */ || code === 38 /* & */ || code === 60 /* < */ || code === 62 /* > */) return false;
    if (code === 32 && (i === 0 || i === last)) return false;
  }
  return true;
}

/**
 * Writes a cell's XML after `<c` and its reference — the one rule for a cell, which `cellXml` and
 * `sheetXml` both write through: text inline (never a formula), escaped, cut to Excel's 32,767
 * characters, `xml:space="preserve"` when it begins or ends with a space; a number as `String`
 * spells it; a boolean as 1 or 0; an empty cell only with its style.
 * @param out where to write
 * @param value a value that makes a cell (see noCell)
 * @param s the style attribute (` s="3"`) or ""
 */
function writeCellRest(out: ByteSlices, value: PlanCell, s: string): void {
  if (typeof value === "number") writeNumberCell(out, s + VALUE_OPEN, value);
  else if (value === null || value === "") {
    out.room(s.length + 2);
    out.ascii(s);
    out.ascii("/>");
  } else if (typeof value === "boolean") {
    out.room(s.length + CELL_MARKUP_BYTES);
    out.ascii(s);
    out.ascii(BOOLEAN_TYPE);
    out.ascii(VALUE_OPEN);
    out.ascii(value ? "1" : "0");
    out.ascii(VALUE_CLOSE);
  } else {
    out.room(textRoom(value, s));
    out.ascii(s);
    out.ascii(TEXT_OPEN);
    if (value.length <= MAX_CELL_TEXT_LENGTH && isPlain(value)) {
      out.ascii(">");
      out.ascii(value);
    } else {
      const text = xmlText(cellTextWithinLimit(value));
      if (WHITESPACE.test(text.charAt(0)) || WHITESPACE.test(text.charAt(text.length - 1))) out.ascii(PRESERVE);
      out.ascii(">");
      out.utf8(text);
    }
    out.ascii(TEXT_CLOSE);
  }
}

/**
 * A number cell's markup from where `head` begins to its end: `head`, the number as `String`
 * spells it, `</v></c>`.
 * @param head the markup before the number: the style attribute and `><v>`, after `<c` and its
 *   reference (writeCellRest), or from `<c` on for a cell that follows the one before it (sheetXml)
 */
function writeNumberCell(out: ByteSlices, head: string, value: number): void {
  out.room(head.length + VALUE_CLOSE.length + MAX_NUMBER_BYTES);
  out.ascii(head);
  out.number(value);
  out.ascii(VALUE_CLOSE);
}

/** The bytes of a writer, full slices and the last one, as text. */
function textOf(out: ByteSlices): string {
  const slices: Buffer[] = [];
  for (let full = out.take(); full; full = out.take()) slices.push(full);
  slices.push(out.end());
  return Buffer.concat(slices).toString("utf8");
}

/**
 * One cell's XML, as `sheetXml` writes it: text inline (never a formula), cut to Excel's 32,767
 * characters; an empty cell only when it carries a style.
 * @param r the reference attribute (` r="B7"`), or "" when the cell follows the one written before
 *   it in its row — the reference is optional (ECMA-376 §18.3.1.4) and Excel, LibreOffice and the
 *   streaming writers of big sheets leave it out
 * @param value the cell's value
 * @param s the style attribute (` s="3"`) or ""
 * @returns the `<c>` element, or "" for an empty cell without a style
 * @example cellXml(' r="A1"', "=1+2", "") // '<c r="A1" t="inlineStr"><is><t>=1+2</t></is></c>'
 */
export function cellXml(r: string, value: PlanCell, s: string): string {
  if (noCell(value, s)) return "";
  const out = new ByteSlices(256);
  out.room(2 + r.length);
  out.ascii("<c");
  out.ascii(r);
  writeCellRest(out, value, s);
  return textOf(out);
}

/**
 * Bytes of cell XML a column keeps at most (about 2 MB), each kept text's at most, and the
 * rows that decide whether a column's texts repeat.
 */
const KEPT_BYTES = 2_000_000;
const KEPT_TEXT_LENGTH = 256;
const TRIAL_LOOKUPS = 1024;

/**
 * The written XML (writeCellRest's bytes) of one column's text cells, kept for the texts that
 * repeat: a customer's name or a bucket's label is escaped and encoded once per sheet rather
 * than once a row. A column whose texts hardly repeat (invoice numbers) stops keeping them after
 * its first rows; what is kept is bounded (KEPT_BYTES, in texts of at most KEPT_TEXT_LENGTH bytes).
 */
class ColumnTexts {
  private readonly kept = new Map<string, Buffer>();
  private keptBytes = 0;
  private s = "";
  private lookups = 0;
  private hits = 0;
  private keeping = true;

  /** Writes the cell's XML after `<c` and its reference. */
  write(out: ByteSlices, text: string, s: string): void {
    if (!this.keeping) {
      writeCellRest(out, text, s);
      return;
    }
    if (s !== this.s) {
      this.kept.clear();
      this.keptBytes = 0;
      this.s = s;
    }
    this.lookups++;
    const kept = this.kept.get(text);
    if (kept !== undefined) {
      this.hits++;
      out.room(kept.length);
      out.copy(kept);
      return;
    }
    // The room for the whole cell first, so that its bytes are in one slice after the mark.
    out.room(textRoom(text, s));
    const mark = out.mark;
    writeCellRest(out, text, s);
    const length = out.mark - mark;
    if (length <= KEPT_TEXT_LENGTH && this.keptBytes + length <= KEPT_BYTES) {
      this.kept.set(text, out.since(mark));
      this.keptBytes += length;
    }
    if (this.lookups === TRIAL_LOOKUPS && this.hits * 2 < this.lookups) {
      this.keeping = false;
      this.kept.clear();
      this.keptBytes = 0;
    }
  }
}

/** The style attributes of a row's columns, e.g. ` s="3"`, from the sweep's styles. */
function styleAttributes(rowStyles: (PlanCellStyle | undefined)[], width: number, styles: StyleAdditions): string[] {
  const attributes: string[] = new Array(width);
  for (let c = 0; c < width; c++) {
    const style = rowStyles[c];
    attributes[c] = style ? ` s="${styles.xf(style)}"` : "";
  }
  return attributes;
}

function sheetViews(plan: SheetPlan): string {
  if (plan.freezeRows <= 0 && plan.freezeCols <= 0) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const topLeft = `${columnLetter(plan.freezeCols)}${plan.freezeRows + 1}`;
  const pane = plan.freezeRows > 0 && plan.freezeCols > 0 ? "bottomRight" : plan.freezeRows > 0 ? "bottomLeft" : "topRight";
  return (
    `<sheetViews><sheetView workbookViewId="0"><pane${plan.freezeCols ? ` xSplit="${plan.freezeCols}"` : ""}${plan.freezeRows ? ` ySplit="${plan.freezeRows}"` : ""}` +
    ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`
  );
}

/**
 * A plan's worksheet XML, slice by slice, built as the slices are asked for.
 * @param plan the plan (its name is the workbook's business, not the sheet part's)
 * @param options date system, the styles table, the drawing's and tables' relationship ids
 * @returns the part's bytes in slices
 * @example Buffer.concat([...sheetXml(plan, { dateSystem: "1900", styles })]).toString().includes("<sheetData>") // true
 */
export function* sheetXml(plan: SheetPlan, options: SheetXmlOptions): Generator<Buffer> {
  const { styles } = options;
  const slices = new ByteSlices(options.sliceBytes);
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
  xml += sheetViews(plan);
  if (plan.columnWidths.length > 0) {
    xml += `<cols>${plan.columnWidths.map((width, col) => `<col min="${col + 1}" max="${col + 1}" width="${width}" customWidth="1"/>`).join("")}</cols>`;
  }
  xml += "<sheetData>";
  slices.write(xml);
  // A plan made later gives its rows one by one, kept by no one once written (plan-rows.ts).
  const later = rowsLater(plan);
  const rows = later ? later.each() : plan.values;
  const width = later ? later.width : (plan.values[0]?.length ?? 0);
  const letters = Array.from({ length: width }, (_, col) => columnLetter(col));
  const sweep = new FormatSweep(plan.formats, width);
  const shifted = shiftedDateColumns(plan, options.dateSystem);
  let lastRowStyles: (PlanCellStyle | undefined)[] | null = null;
  let attributes: string[] = [];
  /** A number cell's markup up to its value, by column, for a cell that follows the one before it. */
  let numberHeads: string[] = [];
  const texts: ColumnTexts[] = [];
  let r = 0;
  for (const values of rows) {
    const rowStyles = sweep.stylesForRow(r);
    // The sweep hands back the same array while the formats do not change: so do the attributes.
    if (rowStyles !== lastRowStyles) {
      attributes = styleAttributes(rowStyles, width, styles);
      numberHeads = attributes.map((s) => `<c${s}${VALUE_OPEN}`);
      lastRowStyles = rowStyles;
    }
    slices.room(ROW_OPEN_BYTES);
    slices.ascii('<row r="');
    slices.number(r + 1);
    slices.ascii('">');
    // A row's first cell and a cell after a gap (an empty cell left out) name their place; the
    // others follow on (readers such as exceljs need the first cell of a row named).
    let follows = false;
    for (let c = 0; c < values.length; c++) {
      const value = storedCell(values[c], r, c, shifted);
      const s = attributes[c] ?? "";
      if (noCell(value, s)) {
        follows = false;
        continue;
      }
      if (follows && typeof value === "number") {
        writeNumberCell(slices, numberHeads[c] ?? `<c${s}${VALUE_OPEN}`, value);
        continue;
      }
      slices.room(REFERENCE_BYTES);
      if (follows) slices.ascii("<c");
      else {
        slices.ascii('<c r="');
        slices.ascii(letters[c] ?? columnLetter(c));
        slices.number(r + 1);
        slices.ascii('"');
      }
      if (typeof value === "string" && value !== "") (texts[c] ??= new ColumnTexts()).write(slices, value, s);
      else writeCellRest(slices, value, s);
      follows = true;
    }
    slices.room(6);
    slices.ascii("</row>");
    r++;
    for (let full = slices.take(); full; full = slices.take()) yield full;
  }
  xml = "</sheetData>";
  plan.conditionalFormats.forEach((format, index) => {
    const dxf = styles.dxf(MARK_FILLS[format.mark] ?? MARK_FILLS.red!);
    xml +=
      `<conditionalFormatting sqref="${rangeRef(format.row, format.col, format.rows, format.cols)}">` +
      `<cfRule type="cellIs" dxfId="${dxf}" priority="${index + 1}" operator="greaterThan"><formula>${format.greaterThan}</formula></cfRule></conditionalFormatting>`;
  });
  xml += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (options.drawingRelId) xml += `<drawing r:id="${options.drawingRelId}"/>`;
  const tables = options.tableRelIds ?? [];
  if (tables.length > 0) xml += `<tableParts count="${tables.length}">${tables.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
  slices.write(`${xml}</worksheet>`);
  for (let full = slices.take(); full; full = slices.take()) yield full;
  yield slices.end();
}
