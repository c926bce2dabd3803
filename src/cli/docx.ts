/**
 * Reminder letters as Word documents: the subject as a heading, the body paragraphs, and the
 * invoice table as a real Word table where the template placed it. `single` puts every letter in
 * one file, each in its own section (a new page); `per-customer` writes one file per letter into a
 * folder. The WordprocessingML is written here, letter by letter, into the streaming zip writer
 * (the docx library builds a whole document in memory: 150,000 invoices did not fit in 4 GB), so
 * memory stays bounded by one letter whatever the number of letters.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { RenderedLetter } from "../rules/letters/render";
import { checkNotInput } from "../workbook/exceljs/same-file";
import { xmlText } from "../workbook/exceljs/sheet-xml-text";
import { PackageWriter } from "../workbook/exceljs/zip-write";

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/** A4 with 2.54 cm margins, in twentieths of a point. */
const SECTION = '<w:type w:val="nextPage"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>';
/** document.xml is handed to the compressor in slices of about this many characters. */
const SLICE_CHARS = 1 << 20;
/** Control characters (C0, DEL, C1) and bidirectional controls: never in a file name. */
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const PARTS = {
  "[Content_Types].xml":
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
  "_rels/.rels":
    `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  "word/_rels/document.xml.rels":
    `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  "word/styles.xml":
    `${DECLARATION}<w:styles xmlns:w="${W_NS}">` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:sz w:val="22"/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>' +
    '<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>' +
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>' +
    '<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>' +
    '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>' +
    '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>' +
    "</w:tblBorders></w:tblPr></w:style></w:styles>",
};

function run(text: string, bold = false): string {
  return `<w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

/**
 * A Word paragraph of one run of text (escaped), with a paragraph style.
 * @param text the text
 * @param style a style of word/styles.xml ("Heading1"), or none
 * @returns the `<w:p>` element
 * @example wordParagraph("对账单", "Heading1") // '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r>…</w:r></w:p>'
 */
export function wordParagraph(text: string, style?: string): string {
  return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}${text === "" ? "" : run(text)}</w:p>`;
}

function invoiceTable(letter: RenderedLetter): string {
  const { headers, rows, footer, align } = letter.table;
  return wordTable(headers, rows, footer, align);
}

/**
 * A Word table: a bold header row repeated on each page, the rows, a bold footer row when given;
 * each column aligned left or right; as wide as the page.
 * @param headers the header row
 * @param rows the body rows
 * @param footer the footer row ([] for none)
 * @param align each column's alignment
 * @returns the `<w:tbl>` element
 * @example wordTable(["发票号", "未付金额"], [["INV-1", "1,000.00"]], [], ["left", "right"]).startsWith("<w:tbl>") // true
 */
export function wordTable(headers: readonly string[], rows: readonly (readonly string[])[], footer: readonly string[], align: readonly ("left" | "right")[]): string {
  const row = (cells: readonly string[], bold: boolean, header = false): string =>
    `<w:tr>${header ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${cells
      .map((text, col) => `<w:tc><w:p>${align[col] === "right" ? '<w:pPr><w:jc w:val="right"/></w:pPr>' : ""}${run(text, bold)}</w:p></w:tc>`)
      .join("")}</w:tr>`;
  let xml = `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/></w:tblPr><w:tblGrid>${headers.map(() => "<w:gridCol/>").join("")}</w:tblGrid>`;
  xml += row(headers, true, true);
  for (const cells of rows) xml += row(cells, false);
  if (footer.length > 0) xml += row(footer, true);
  return `${xml}</w:tbl>`;
}

/**
 * The WordprocessingML of one letter: subject heading, body paragraphs, invoice table.
 * @param letter the rendered letter
 * @returns the body elements, in reading order
 * @example letterXml(letter).startsWith('<w:p><w:pPr><w:pStyle w:val="Heading1"/>') // true
 */
export function letterXml(letter: RenderedLetter): string {
  let xml = wordParagraph(letter.subject, "Heading1");
  let tablePlaced = false;
  const parts = letter.parts.length > 0 ? letter.parts : [{ kind: "text" as const, text: letter.body }];
  for (const part of parts) {
    if (part.kind === "table") {
      xml += invoiceTable(letter);
      tablePlaced = true;
    } else {
      for (const line of part.text.replace(/^\n+|\n+$/g, "").split("\n")) xml += wordParagraph(line);
    }
  }
  if (!tablePlaced && letter.table.rows.length > 0) xml += invoiceTable(letter);
  return xml;
}

/** document.xml, section by section, each starting on a new page; built as the writer asks for it. */
function* documentXml(sections: Iterable<string>): Generator<Buffer> {
  let xml = `${DECLARATION}<w:document xmlns:w="${W_NS}"><w:body>`;
  let count = 0;
  for (const section of sections) {
    if (count > 0) xml += `<w:p><w:pPr><w:sectPr>${SECTION}</w:sectPr></w:pPr></w:p>`;
    xml += section;
    count++;
    if (xml.length >= SLICE_CHARS) {
      yield Buffer.from(xml, "utf8");
      xml = "";
    }
  }
  yield Buffer.from(`${xml}${count === 0 ? "<w:p/>" : ""}<w:sectPr>${SECTION}</w:sectPr></w:body></w:document>`, "utf8");
}

/**
 * Writes one .docx of sections, each starting on a new page (A4), streamed: a section is made
 * when the writer asks for it.
 * @param sections the body XML of each section (e.g. `letterXml(letter)`)
 * @param file the path written; removed again when the write fails
 * @example await writeWordFile(statements.map((s) => statementXml(s, context)), "statements.docx")
 */
export async function writeWordFile(sections: Iterable<string>, file: string): Promise<void> {
  const writer = await PackageWriter.create(file);
  try {
    for (const [name, text] of Object.entries(PARTS)) await writer.add(name, text);
    await writer.add("word/document.xml", documentXml(sections));
    await writer.finish();
  } catch (error) {
    await writer.abort();
    await fs.rm(file, { force: true });
    throw error;
  }
}

/** The letters' sections, made one at a time. */
function* letterSections(letters: readonly RenderedLetter[]): Generator<string> {
  for (const letter of letters) yield letterXml(letter);
}

/**
 * Writes one .docx holding the letters, each starting on a new page.
 * @param letters the letters
 * @param file the path written
 */
export async function writeLettersFile(letters: readonly RenderedLetter[], file: string): Promise<void> {
  await writeWordFile(letterSections(letters), file);
}

/**
 * A file name not yet used in a folder (names compare case-insensitively): the name, else
 * "name (2).docx"…; it is then taken.
 * @param name the wanted name, ending in .docx
 * @param used the names taken so far (lower-case), updated
 * @returns the name to write
 * @example freeFileName("甲公司 - formal.docx", new Set(["甲公司 - formal.docx"])) // "甲公司 - formal (2).docx"
 */
export function freeFileName(name: string, used: Set<string>): string {
  let free = name;
  for (let n = 2; used.has(free.toLowerCase()); n++) free = name.replace(/\.docx$/, ` (${n}).docx`);
  used.add(free.toLowerCase());
  return free;
}

/**
 * A file name for a customer's letter: characters Windows forbids replaced, control and
 * bidirectional characters dropped (a name must read as it sorts), at most 120 long.
 * @example letterFileName("A/B 公司", "formal") // "A_B 公司 - formal.docx"
 * @example letterFileName("\u202Excod.exe", "formal") // "xcod.exe - formal.docx"
 */
export function letterFileName(customer: string, stage: string): string {
  const safe = `${customer} - ${stage}`.replace(UNSAFE_IN_NAME, "").replace(/[<>:"/\\|?*]/g, "_").trim().slice(0, 120);
  return `${safe}.docx`;
}

/**
 * Writes the letters as Word files, never over the input: every path is checked against it first.
 * @param letters the letters
 * @param mode "single": `target` is the .docx file; "per-customer": `target` is a folder
 * @param target output file or folder
 * @param input the workbook read, which no file written may be
 * @returns the paths written
 */
export async function writeLettersDocx(letters: readonly RenderedLetter[], mode: "single" | "per-customer", target: string, input: string): Promise<string[]> {
  if (mode === "single") {
    await checkNotInput(input, target, "wordFile");
    await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
    await writeLettersFile(letters, target);
    return [target];
  }
  await checkNotInput(input, target, "lettersFolder");
  await fs.mkdir(target, { recursive: true });
  const files: { file: string; letter: RenderedLetter }[] = [];
  const used = new Set<string>();
  for (const letter of letters) {
    const name = freeFileName(letterFileName(letter.currency === "CNY" ? letter.customer : `${letter.customer} ${letter.currency}`, letter.stage), used);
    files.push({ file: path.join(target, name), letter });
  }
  for (const { file } of files) await checkNotInput(input, file, "letterWordFile");
  for (const { file, letter } of files) await writeLettersFile([letter], file);
  return files.map(({ file }) => file);
}
