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
import type { PlanCell, SheetPlan } from "../plan-types";
import { columnLetter, FormatSweep, MARK_FILLS, rangeRef, type PlanCellStyle } from "./plan-styles";
import { ByteSlices, utf8Binary } from "./byte-slices";
import { cellTextWithinLimit, numberText, xmlText } from "./sheet-xml-text";
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
}

/**
 * One cell's XML: text inline (never a formula), cut to Excel's 32,767 characters; an empty cell
 * only when it carries a style.
 * @param r the reference attribute (` r="B7"`), or "" when the cell follows the one written before
 *   it in its row — the reference is optional (ECMA-376 §18.3.1.4) and Excel, LibreOffice and the
 *   streaming writers of big sheets leave it out
 * @param value the cell's value
 * @param s the style attribute (` s="3"`) or ""
 * @returns the `<c>` element, or "" for an empty cell without a style
 * @example cellXml(' r="A1"', "=1+2", "") // '<c r="A1" t="inlineStr"><is><t>=1+2</t></is></c>'
 */
export function cellXml(r: string, value: PlanCell, s: string): string {
  const rest = cellRest(value, s);
  return rest === "" ? "" : `<c${r}${rest}`;
}

/** A cell's XML after `<c` and its reference (see cellXml); "" for no cell at all. */
function cellRest(value: PlanCell, s: string): string {
  if (value === null || value === "") return s ? `${s}/>` : "";
  if (typeof value === "number") return Number.isFinite(value) ? `${s}><v>${numberText(value)}</v></c>` : "";
  if (typeof value === "boolean") return `${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = xmlText(cellTextWithinLimit(value));
  const space = WHITESPACE.test(text.charAt(0)) || WHITESPACE.test(text.charAt(text.length - 1)) ? ' xml:space="preserve"' : "";
  return `${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

/**
 * Characters of cell XML a column keeps at most (one byte each: about 2 MB), each kept text's at
 * most, and the rows that decide whether a column's texts repeat.
 */
const KEPT_CHARS = 2_000_000;
const KEPT_TEXT_LENGTH = 256;
const TRIAL_LOOKUPS = 1024;

/**
 * The encoded XML (`cellRest` as `utf8Binary`) of one column's text cells, kept for the texts
 * that repeat: a customer's name or a bucket's label is escaped and encoded once per sheet rather
 * than once a row. A column whose texts hardly repeat (invoice numbers) stops keeping them after
 * its first rows; what is kept is bounded (KEPT_CHARS, in texts of at most KEPT_TEXT_LENGTH).
 */
class ColumnTexts {
  private readonly kept = new Map<string, string>();
  private keptChars = 0;
  private s = "";
  private lookups = 0;
  private hits = 0;
  private keeping = true;

  /** The cell's encoded XML after `<c` and its reference. */
  rest(text: string, s: string): string {
    if (s !== this.s) {
      this.kept.clear();
      this.keptChars = 0;
      this.s = s;
    }
    if (this.keeping) {
      this.lookups++;
      const kept = this.kept.get(text);
      if (kept !== undefined) {
        this.hits++;
        return kept;
      }
    }
    const rest = utf8Binary(cellRest(text, s));
    if (this.keeping) {
      if (rest.length <= KEPT_TEXT_LENGTH && this.keptChars + rest.length <= KEPT_CHARS) {
        this.kept.set(text, rest);
        this.keptChars += rest.length;
      }
      if (this.lookups === TRIAL_LOOKUPS && this.hits * 2 < this.lookups) {
        this.keeping = false;
        this.kept.clear();
        this.keptChars = 0;
      }
    }
    return rest;
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
  const slices = new ByteSlices();
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
  xml += sheetViews(plan);
  if (plan.columnWidths.length > 0) {
    xml += `<cols>${plan.columnWidths.map((width, col) => `<col min="${col + 1}" max="${col + 1}" width="${width}" customWidth="1"/>`).join("")}</cols>`;
  }
  xml += "<sheetData>";
  slices.write(xml);
  const width = plan.values[0]?.length ?? 0;
  const letters = Array.from({ length: width }, (_, col) => columnLetter(col));
  const sweep = new FormatSweep(plan.formats, width);
  const shifted = shiftedDateColumns(plan, options.dateSystem);
  let lastRowStyles: (PlanCellStyle | undefined)[] | null = null;
  let attributes: string[] = [];
  const texts: ColumnTexts[] = [];
  for (let r = 0; r < plan.values.length; r++) {
    const rowStyles = sweep.stylesForRow(r);
    // The sweep hands back the same array while the formats do not change: so do the attributes.
    if (rowStyles !== lastRowStyles) {
      attributes = styleAttributes(rowStyles, width, styles);
      lastRowStyles = rowStyles;
    }
    const values = plan.values[r];
    const rowNumber = String(r + 1);
    // The row is built encoded (one character a byte of UTF-8): markup and numbers are ASCII,
    // texts come encoded, and the slice takes the row as a copy.
    let row = `<row r="${rowNumber}">`;
    // A row's first cell and a cell after a gap (an empty cell left out) name their place; the
    // others follow on (readers such as exceljs need the first cell of a row named).
    let follows = false;
    for (let c = 0; c < values.length; c++) {
      const value = storedCell(values[c], r, c, shifted);
      const s = attributes[c] ?? "";
      const rest = typeof value === "string" && value !== "" ? (texts[c] ??= new ColumnTexts()).rest(value, s) : cellRest(value, s);
      if (rest === "") {
        follows = false;
        continue;
      }
      row += follows ? `<c${rest}` : `<c r="${letters[c] ?? columnLetter(c)}${rowNumber}"${rest}`;
      follows = true;
    }
    const full = slices.writeEncoded(`${row}</row>`);
    if (full) yield full;
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
  const full = slices.write(`${xml}</worksheet>`);
  if (full) yield full;
  yield slices.end();
}
