/**
 * Reminder letters as Word documents (the `docx` package): the subject as a heading, the body
 * paragraphs, and the invoice table as a real Word table where the template placed it.
 * `single` puts every letter in one file, each in its own section (a new page); `per-customer`
 * writes one file per letter into a folder.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, HeadingLevel, SectionType } from "docx";
import { promises as fs } from "fs";
import * as path from "path";
import type { RenderedLetter } from "../rules/letters/render";

/** A block of a Word document: a paragraph or a table. */
export type Block = Paragraph | Table;

/**
 * The Word blocks of one letter: subject heading, body paragraphs, invoice table.
 * @param letter the rendered letter
 * @returns paragraphs and the table, in reading order
 */
export function letterBlocks(letter: RenderedLetter): Block[] {
  const blocks: Block[] = [new Paragraph({ text: letter.subject, heading: HeadingLevel.HEADING_1 })];
  let tablePlaced = false;
  const parts = letter.parts.length > 0 ? letter.parts : [{ kind: "text" as const, text: letter.body }];
  for (const part of parts) {
    if (part.kind === "table") {
      blocks.push(invoiceTable(letter));
      tablePlaced = true;
    } else {
      for (const line of part.text.replace(/^\n+|\n+$/g, "").split("\n")) blocks.push(new Paragraph({ children: [new TextRun(line)] }));
    }
  }
  if (!tablePlaced && letter.table.rows.length > 0) blocks.push(invoiceTable(letter));
  return blocks;
}

function invoiceTable(letter: RenderedLetter): Table {
  const { headers, rows, footer, align } = letter.table;
  return wordTable(headers, rows, footer, align);
}

/**
 * A Word table: a bold header row repeated on each page, the rows, a bold footer row when given;
 * each column aligned left or right.
 * @param headers the header row
 * @param rows the body rows
 * @param footer the footer row ([] for none)
 * @param align each column's alignment
 * @returns the table, as wide as the page
 * @example wordTable(["发票号", "未付金额"], [["INV-1", "1,000.00"]], [], ["left", "right"])
 */
export function wordTable(headers: readonly string[], rows: readonly (readonly string[])[], footer: readonly string[], align: readonly ("left" | "right")[]): Table {
  const row = (cells: readonly string[], bold: boolean, header = false): TableRow =>
    new TableRow({
      tableHeader: header,
      children: cells.map(
        (text, col) =>
          new TableCell({
            children: [
              new Paragraph({
                alignment: align[col] === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
                children: [new TextRun({ text, bold })],
              }),
            ],
          }),
      ),
    });
  const body = [row(headers, true, true), ...rows.map((cells) => row(cells, false))];
  if (footer.length > 0) body.push(row(footer, true));
  return new Table({ rows: body, width: { size: 100, type: WidthType.PERCENTAGE } });
}

/**
 * One .docx holding every letter, each starting on a new page.
 * @param letters the letters
 * @returns the file's bytes
 */
export async function lettersToDocx(letters: readonly RenderedLetter[]): Promise<Buffer> {
  const sections = letters.map((letter, index) => ({
    properties: index === 0 ? {} : { type: SectionType.NEXT_PAGE },
    children: letterBlocks(letter),
  }));
  const document = new Document({ sections: sections.length > 0 ? sections : [{ children: [new Paragraph("")] }] });
  return Packer.toBuffer(document);
}

/**
 * A file name for a customer's letter: characters Windows forbids replaced, at most 120 long.
 * @example letterFileName("A/B 公司", "formal") // "A_B 公司 - formal.docx"
 */
export function letterFileName(customer: string, stage: string): string {
  const safe = `${customer} - ${stage}`.replace(/[<>:"/\\|?*\u0000-\u001f]/g, "_").trim().slice(0, 120);
  return `${safe}.docx`;
}

/**
 * A file name not yet used in a folder (names compare case-insensitively): the name, else "name (2).docx"…; it is then taken.
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
 * Writes the letters as Word files.
 * @param letters the letters
 * @param mode "single": `target` is the .docx file; "per-customer": `target` is a folder
 * @param target output file or folder
 * @returns the paths written
 */
export async function writeLettersDocx(letters: readonly RenderedLetter[], mode: "single" | "per-customer", target: string): Promise<string[]> {
  if (mode === "single") {
    await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
    await fs.writeFile(target, await lettersToDocx(letters));
    return [target];
  }
  await fs.mkdir(target, { recursive: true });
  const written: string[] = [];
  const used = new Set<string>();
  for (const letter of letters) {
    const name = freeFileName(letterFileName(letter.currency === "CNY" ? letter.customer : `${letter.customer} ${letter.currency}`, letter.stage), used);
    const file = path.join(target, name);
    await fs.writeFile(file, await lettersToDocx([letter]));
    written.push(file);
  }
  return written;
}
