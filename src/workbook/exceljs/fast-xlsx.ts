/**
 * A direct .xlsx writer for big result workbooks: SpreadsheetML text built row by row in ~1 MB
 * slices and deflated by zlib on its thread pool while the next slice is built, so the two cores
 * share the work and no sheet is ever held whole in memory. exceljs's streaming writer needs
 * about 50 µs a row on these plans; this needs a few. It writes only what plans use — shared
 * strings (always text, never formulas; a customer's name repeated on 100,000 rows is stored
 * once), numbers, booleans, number formats, bold, wrap, fills,
 * column widths, frozen panes, "greater than" conditional formats and hidden sheets — and is
 * checked by reading its files back with exceljs and LibreOffice (test/exceljs/roundtrip.test.ts).
 */
import { promises as fs } from "fs";
import * as zlib from "zlib";
import type { PlanCell, SheetPlan } from "../plan-types";
import { columnLetter, FormatSweep, MARK_FILLS, rangeRef, type PlanCellStyle } from "./plan-styles";

/** One sheet of a fast-written workbook. */
export interface FastSheet {
  plan: SheetPlan;
  state?: "visible" | "veryHidden";
}

/** XML text is handed to the compressor in slices of about this many characters. */
const SLICE_CHARS = 1 << 20;

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** zlib's native CRC-32 (Node ≥ 20.15), else the table-driven one below. */
const nativeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/**
 * CRC-32 of a buffer, as zip files need it; `previous` continues a CRC over several buffers.
 * @example crc32(Buffer.from("abc")) // 0x352441c2
 */
export function crc32(data: Uint8Array, previous = 0): number {
  if (nativeCrc32) return nativeCrc32(data, previous);
  let crc = ~previous;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** One compressed entry of the archive. */
interface ZipEntry {
  name: Buffer;
  crc: number;
  size: number;
  compressed: Buffer[];
  compressedSize: number;
}

/**
 * Deflates a part given as a sequence of slices. The slices are produced lazily: each one is
 * built while zlib (on its thread pool) compresses the one before.
 * @param name the part's name in the archive
 * @param slices the part's content, slice by slice
 * @returns the entry, compressed
 */
async function deflateEntry(name: string, slices: Iterable<Buffer>): Promise<ZipEntry> {
  // Level 1: a few percent larger files, several times less CPU on big sheets.
  const deflate = zlib.createDeflateRaw({ level: 1, chunkSize: 1 << 20 });
  const compressed: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => compressed.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  let crc = 0;
  let size = 0;
  for (const slice of slices) {
    crc = crc32(slice, crc);
    size += slice.length;
    deflate.write(slice);
    // Let zlib's callbacks run, so the thread pool works on this slice while the next is built.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  deflate.end();
  await finished;
  const compressedSize = compressed.reduce((total, chunk) => total + chunk.length, 0);
  return { name: Buffer.from(name, "utf8"), crc, size, compressed, compressedSize };
}

/**
 * The bytes of a zip archive (deflate, no zip64: entries and archive under 4 GB) of the entries.
 * @param entries compressed entries in order
 * @returns the archive as a list of buffers, to be written one after the other
 */
function zipBuffers(entries: ZipEntry[]): Buffer[] {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (entry.size > 0xffffffff || offset > 0xffffffff) throw new Error("result workbook over 4 GB");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.compressedSize, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(entry.name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(0, 12);
    header.writeUInt16LE(0x21, 14);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(entry.compressedSize, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(entry.name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, entry.name);
    chunks.push(local, entry.name, ...entry.compressed);
    offset += local.length + entry.name.length + entry.compressedSize;
  }
  const centralSize = central.reduce((total, chunk) => total + chunk.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return [...chunks, ...central, end];
}

// Characters XML 1.0 forbids (control characters other than tab, LF, CR; lone surrogates).
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Anything xmlText would change: markup characters, control characters, surrogates. */
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * Text escaped for XML content and attributes, with characters XML cannot carry removed.
 * @example xmlText('a<b & "c"') // "a&lt;b &amp; &quot;c&quot;"
 */
export function xmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(INVALID_XML, "").replace(/[&<>"]/g, (ch) => ESCAPES[ch]);
}

/** Collects the distinct cell styles and conditional-format fills of a workbook into styles.xml. */
class StyleTable {
  private readonly xfIndex = new Map<PlanCellStyle, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly numFmts = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly dxfs: string[] = [];
  private readonly dxfIndex = new Map<string, number>();

  xf(style: PlanCellStyle): number {
    let index = this.xfIndex.get(style);
    if (index !== undefined) return index;
    let numFmtId = 0;
    if (style.numFmt) {
      numFmtId = this.numFmts.get(style.numFmt) ?? 164 + this.numFmts.size;
      this.numFmts.set(style.numFmt, numFmtId);
    }
    let fillId = 0;
    const argb = style.fill?.fgColor.argb;
    if (argb) {
      fillId = this.fills.get(argb) ?? 2 + this.fills.size;
      this.fills.set(argb, fillId);
    }
    const fontId = style.font?.bold ? 1 : 0;
    const alignment = style.alignment?.wrapText ? '<alignment wrapText="1" vertical="top"/>' : "";
    this.xfs.push(
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"` +
        `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}` +
        (alignment ? ` applyAlignment="1">${alignment}</xf>` : "/>"),
    );
    index = this.xfs.length - 1;
    this.xfIndex.set(style, index);
    return index;
  }

  dxf(argb: string): number {
    let index = this.dxfIndex.get(argb);
    if (index === undefined) {
      this.dxfs.push(`<dxf><fill><patternFill patternType="solid"><bgColor rgb="${argb}"/></patternFill></fill></dxf>`);
      index = this.dxfs.length - 1;
      this.dxfIndex.set(argb, index);
    }
    return index;
  }

  toXml(): string {
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`).join("");
    const fills = [...this.fills.keys()].map((argb) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`).join("");
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (this.numFmts.size ? `<numFmts count="${this.numFmts.size}">${numFmts}</numFmts>` : "") +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      `<fills count="${2 + this.fills.size}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join("")}</dxfs></styleSheet>`
    );
  }
}

/**
 * The workbook's shared string table: each distinct text once, cells refer to it by index. The
 * entries' XML goes to bytes as it grows, so a million distinct invoice numbers cost no strings.
 */
class StringTable {
  private readonly index = new Map<string, number>();
  private readonly bytes: Buffer[] = [];
  private xml = "";

  /** @returns the index of the text, added on first use */
  id(text: string): number {
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.index.size;
      this.index.set(text, id);
      const escaped = xmlText(text);
      const space = WHITESPACE.test(escaped.charAt(0)) || WHITESPACE.test(escaped.charAt(escaped.length - 1));
      this.xml += space ? `<si><t xml:space="preserve">${escaped}</t></si>` : `<si><t>${escaped}</t></si>`;
      if (this.xml.length >= SLICE_CHARS) {
        this.bytes.push(Buffer.from(this.xml, "utf8"));
        this.xml = "";
      }
    }
    return id;
  }

  /** sharedStrings.xml, slice by slice. */
  *toXml(): Generator<Buffer> {
    yield Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.index.size}" uniqueCount="${this.index.size}">`,
      "utf8",
    );
    yield* this.bytes;
    yield Buffer.from(`${this.xml}</sst>`, "utf8");
  }
}

/** One cell's XML; `s` is the style attribute (` s="3"`) or "". */
function cellXml(ref: string, value: PlanCell, s: string, strings: StringTable): string {
  if (value === null || value === "") return s ? `<c r="${ref}"${s}/>` : "";
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : "";
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="s"><v>${strings.id(value)}</v></c>`;
}

const WHITESPACE = /\s/;

/** The style attributes of a row's columns, e.g. ` s="3"`, from the sweep's styles. */
function styleAttributes(rowStyles: (PlanCellStyle | undefined)[], width: number, styles: StyleTable): string[] {
  const attributes: string[] = new Array(width);
  for (let c = 0; c < width; c++) {
    const style = rowStyles[c];
    const id = style ? styles.xf(style) : 0;
    attributes[c] = id ? ` s="${id}"` : "";
  }
  return attributes;
}

/** A sheet's XML, slice by slice (~1 MB of text each), built as the slices are asked for. */
function* sheetXml(plan: SheetPlan, styles: StyleTable, strings: StringTable): Generator<Buffer> {
  let xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
  const frozen = plan.freezeRows > 0 || plan.freezeCols > 0;
  if (frozen) {
    const topLeft = `${columnLetter(plan.freezeCols)}${plan.freezeRows + 1}`;
    const pane = plan.freezeRows > 0 && plan.freezeCols > 0 ? "bottomRight" : plan.freezeRows > 0 ? "bottomLeft" : "topRight";
    xml +=
      `<sheetViews><sheetView workbookViewId="0"><pane${plan.freezeCols ? ` xSplit="${plan.freezeCols}"` : ""}${plan.freezeRows ? ` ySplit="${plan.freezeRows}"` : ""}` +
      ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`;
  }
  if (plan.columnWidths.length > 0) {
    xml += `<cols>${plan.columnWidths.map((width, col) => `<col min="${col + 1}" max="${col + 1}" width="${width}" customWidth="1"/>`).join("")}</cols>`;
  }
  xml += "<sheetData>";
  const width = plan.values[0]?.length ?? 0;
  const letters = Array.from({ length: width }, (_, col) => columnLetter(col));
  const sweep = new FormatSweep(plan.formats, width);
  let lastRowStyles: (PlanCellStyle | undefined)[] | null = null;
  let attributes: string[] = [];
  for (let r = 0; r < plan.values.length; r++) {
    const rowStyles = sweep.stylesForRow(r);
    // The sweep hands back the same array while the formats do not change: so do the attributes.
    if (rowStyles !== lastRowStyles) {
      attributes = styleAttributes(rowStyles, width, styles);
      lastRowStyles = rowStyles;
    }
    const values = plan.values[r];
    const rowNumber = String(r + 1);
    xml += `<row r="${rowNumber}">`;
    for (let c = 0; c < values.length; c++) {
      xml += cellXml((letters[c] ?? columnLetter(c)) + rowNumber, values[c], attributes[c] ?? "", strings);
    }
    xml += "</row>";
    if (xml.length >= SLICE_CHARS) {
      yield Buffer.from(xml, "utf8");
      xml = "";
    }
  }
  xml += "</sheetData>";
  plan.conditionalFormats.forEach((format, index) => {
    const dxf = styles.dxf(MARK_FILLS[format.mark] ?? MARK_FILLS.red!);
    xml +=
      `<conditionalFormatting sqref="${rangeRef(format.row, format.col, format.rows, format.cols)}">` +
      `<cfRule type="cellIs" dxfId="${dxf}" priority="${index + 1}" operator="greaterThan"><formula>${format.greaterThan}</formula></cfRule></conditionalFormatting>`;
  });
  xml += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  yield Buffer.from(xml, "utf8");
}

/**
 * Writes a new workbook (1900 date system) holding the given sheets.
 * @param file the .xlsx path
 * @param sheets the sheets in order; the first visible one is active
 */
export async function writeFastXlsx(file: string, sheets: FastSheet[]): Promise<void> {
  const styles = new StyleTable();
  const strings = new StringTable();
  const sheetEntries: ZipEntry[] = [];
  for (const [i, sheet] of sheets.entries()) sheetEntries.push(await deflateEntry(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet.plan, styles, strings)));
  const workbook =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
    sheets
      .map((sheet, i) => `<sheet name="${xmlText(sheet.plan.name)}" sheetId="${i + 1}"${sheet.state === "veryHidden" ? ' state="veryHidden"' : ""} r:id="rId${i + 1}"/>`)
      .join("") +
    "</sheets></workbook>";
  const relationships = (items: string[]): string =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join("")}</Relationships>`;
  const workbookRels = relationships([
    ...sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`),
    `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`,
  ]);
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';
  const rootRels = relationships([
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>',
  ]);
  const small = (name: string, text: string): Promise<ZipEntry> => deflateEntry(name, [Buffer.from(text, "utf8")]);
  const entries = [
    await small("[Content_Types].xml", contentTypes),
    await small("_rels/.rels", rootRels),
    await small("xl/workbook.xml", workbook),
    await small("xl/_rels/workbook.xml.rels", workbookRels),
    ...sheetEntries,
    await small("xl/styles.xml", styles.toXml()),
    await deflateEntry("xl/sharedStrings.xml", strings.toXml()),
  ];
  await fs.writeFile(file, Buffer.concat(zipBuffers(entries)));
}
