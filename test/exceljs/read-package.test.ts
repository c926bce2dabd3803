/**
 * The package reader on packages written by hand the way other producers write them:
 * namespace prefixes, inline and rich text, phonetic runs, escapes, CDATA, cells and rows without
 * references, tables with default attributes, stored (uncompressed) parts, damaged zips.
 */
import { randomBytes } from "crypto";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { inflateRawSync } from "zlib";
import { tmpdir } from "os";
import * as path from "path";
import fc from "fast-check";
import { readPackageValues, type RawSheet } from "../../src/workbook/exceljs/read-package";
import { numberCell } from "../../src/workbook/exceljs/sheet-scan";
import { rowAt } from "../../src/workbook/sheet-cells";
import { decodeXml, Token, XmlScanner } from "../../src/workbook/exceljs/xml-scan";
import { PackageSource } from "../../src/workbook/exceljs/zip-source";
import { gridOf } from "../support/grid";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require("jszip") as typeof import("jszip");

const MAIN = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ar-read-package-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function packBytes(parts: Record<string, string>, compression: "DEFLATE" | "STORE" = "DEFLATE"): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer", compression });
}

/** The package written to a file of its own; its path. */
async function pack(parts: Record<string, string>, compression: "DEFLATE" | "STORE" = "DEFLATE"): Promise<string> {
  return fileOf(await packBytes(parts, compression));
}

let files = 0;
function fileOf(bytes: Buffer): string {
  const file = path.join(dir, `book${++files}.xlsx`);
  writeFileSync(file, bytes);
  return file;
}

function grid(sheet: RawSheet): unknown[][] {
  return gridOf({ ...sheet, generated: false });
}

function rels(items: [string, string, string][]): string {
  return `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`)
    .join("")}</Relationships>`;
}

/** A workbook in the x: prefix: a ledger sheet with a table, a hidden sheet, a chart sheet. */
function prefixedParts(): Record<string, string> {
  return {
    "_rels/.rels": rels([["rId1", "officeDocument", "xl/workbook.xml"]]),
    "xl/workbook.xml":
      `<?xml version="1.0"?><x:workbook ${MAIN} xmlns:r="${REL}"><x:workbookPr date1904="true"/><x:sheets>` +
      '<x:sheet name="A &amp; B" sheetId="1" r:id="rId1"/><x:sheet name="Chart" sheetId="3" r:id="rId3"/>' +
      '<x:sheet name="Notes" sheetId="2" state="hidden" r:id="rId2"/></x:sheets></x:workbook>',
    "xl/_rels/workbook.xml.rels": rels([
      ["rId1", "worksheet", "worksheets/sheet1.xml"],
      ["rId2", "worksheet", "/xl/worksheets/notes.xml"],
      ["rId3", "chartsheet", "chartsheets/sheet1.xml"],
      ["rId4", "sharedStrings", "sharedStrings.xml"],
    ]),
    "xl/sharedStrings.xml":
      `<x:sst ${MAIN}><x:si><x:t>客户</x:t></x:si>` +
      "<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>华南</x:t></x:r><x:r><x:t xml:space=\"preserve\"> 电子</x:t></x:r><x:rPh sb=\"0\" eb=\"1\"><x:t>カナ</x:t></x:rPh></x:si>" +
      "<x:si><x:t>a&lt;b&#x4E2D;_x000D_c</x:t></x:si><x:si/></x:sst>",
    "xl/worksheets/sheet1.xml":
      `<x:worksheet ${MAIN} xmlns:r="${REL}"><x:sheetData>` +
      '<x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>in</x:t><x:r><x:t>line</x:t></x:r></x:is></x:c></x:row>' +
      '<x:row hidden="true"><x:c r="B3" t="s"><x:v>2</x:v></x:c><x:c r="C3"><x:f t="shared" ref="C3:C4" si="0">A1*2</x:f><x:v>84</x:v></x:c><x:c r="D3" t="b"><x:v>1</x:v></x:c></x:row>' +
      '<x:row r="4"><x:c r="B4" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="C4"><x:f t="shared" si="0"/><x:v>1.5E3</x:v></x:c><x:c r="D4" t="str"><x:f>"x"</x:f><x:v><![CDATA[<ok>]]></x:v></x:c><x:c r="E4"><x:f>NOW()</x:f></x:c></x:row>' +
      '<x:row r="5" hidden="1"><x:c r="B5" s="3"/><x:c r="C5" s="3"/></x:row>' +
      '<x:row r="6"><x:c r="B6" t="d"><x:v>2026-11-23T12:00:00</x:v></x:c><x:c r="C6" t="s"><x:v>3</x:v></x:c><x:c r="D6"><x:v>5</x:v></x:c><x:c r="E6" t="inlineStr"><x:is><x:t>slave</x:t></x:is></x:c></x:row>' +
      '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="D6:E7"/></x:mergeCells><x:tableParts count="1"><x:tablePart r:id="rId9"/></x:tableParts></x:worksheet>',
    "xl/worksheets/_rels/sheet1.xml.rels": rels([["rId9", "table", "../tables/table7.xml"]]),
    "xl/tables/table7.xml": `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="7" name="Table7" displayName="Ledger" ref="B2:D5" totalsRowCount="1"><tableColumns count="3"><tableColumn id="1" name="a"/><tableColumn id="2" name="b"/><tableColumn id="3" name="c"/></tableColumns></table>`,
    "xl/worksheets/notes.xml": `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>`,
    "xl/chartsheets/sheet1.xml": `<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`,
  };
}

describe("readPackageValues", () => {
  it("reads prefixed SpreadsheetML: shared, rich, inline and formula text, booleans, errors, cached results", async () => {
    const workbook = await readPackageValues(await pack(prefixedParts()));
    expect(workbook.date1904).toBe(true);
    expect(workbook.sheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ["A & B", "visible"],
      ["Notes", "hidden"],
    ]);
    const [ledger, notes] = workbook.sheets;
    expect(ledger.firstRow).toBe(1);
    expect(ledger.firstCol).toBe(1);
    expect(grid(ledger)).toEqual([
      // C2 and D2 have no reference: they follow B2.
      ["客户", "华南 电子", "inline"],
      // "_x000D_" is a carriage return; the phonetic run カナ is not part of the text.
      ["a<b中\rc", 84, true],
      [{ error: "#DIV/0!" }, 1500, "<ok>"],
      [null, null, null],
      // 2026-11-23 12:00 is serial 46349.5 in 1900, 46349.5 − 1462 = 44887.5 in 1904; E6 is a merged slave.
      [44887.5, null, 5],
    ]);
    // Row 3 is hidden and holds values; row 5 is hidden and holds only formats.
    expect(ledger.hiddenRows).toEqual([2]);
    // Sparse: row 5 holds no value, so it has no cells at all; row 6 keeps B6 and D6 only.
    expect(rowAt(ledger, 3)).toBeUndefined();
    expect(rowAt(ledger, 4)).toEqual({ cols: [1, 3], values: [44887.5, 5] });
    expect(grid(notes)).toEqual([[7]]);
    // headerRowCount absent means one header row; B2:D5 less header and totals = 2 data rows.
    expect(workbook.tables).toEqual([{ name: "Ledger", sheet: "A & B", headerRow: 1, firstCol: 1, rowCount: 2, columnCount: 3 }]);
  });

  it("keeps each row's own columns when rows share a layout and a later cell names an earlier row", async () => {
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>' +
      '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>4</v></c></row>' +
      '<row r="3"><c r="A3"><v>5</v></c><c r="B3"><v>6</v></c><c r="D1"><v>7</v></c></row>' +
      "</sheetData></worksheet>";
    const workbook = await readPackageValues(
      await pack({
        "_rels/.rels": rels([["rId1", "officeDocument", "xl/workbook.xml"]]),
        "xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        "xl/_rels/workbook.xml.rels": rels([["rId1", "worksheet", "worksheets/sheet1.xml"]]),
        "xl/worksheets/sheet1.xml": sheet,
      }),
    );
    const [rows] = workbook.sheets.map((s) => s.rows);
    // D1, written inside row 3, lands in row 1; rows 2 and 3 keep columns A and B only.
    expect(rows).toEqual([
      { cols: [0, 1, 3], values: [1, 2, 7] },
      { cols: [0, 1], values: [3, 4] },
      { cols: [0, 1], values: [5, 6] },
    ]);
  });

  it("reads a cell's shared-string index and plain decimal in place, the same as the general path reads the rest", async () => {
    const parts = prefixedParts();
    parts["xl/worksheets/notes.xml"] =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">' +
      // In place: a shared string, a decimal, a negative zero, an index past the table (blank).
      '<c r="A1" t="s"><v>0</v></c><c r="B1"><v>11247.07</v></c><c r="C1"><v>-0</v></c><c r="D1" t="s"><v>99</v></c>' +
      // The general path: an exponent, spaces, a spaced index, text in a number cell, a value before a formula.
      '<c r="E1"><v>1.5E3</v></c><c r="F1"><v> 42 </v></c><c r="G1" t="s"><v> 2</v></c><c r="H1"><v>abc</v></c><c r="I1"><v>3</v><f>1+2</f></c>' +
      "</row></sheetData></worksheet>";
    const notes = (await readPackageValues(await pack(parts))).sheets[1];
    expect(rowAt(notes, 0)).toEqual({ cols: [0, 1, 2, 4, 5, 6, 7, 8], values: ["客户", 11247.07, -0, 1500, 42, "a<b中\rc", "abc", 3] });
    expect(Object.is(rowAt(notes, 0)!.values[2], -0)).toBe(true);
  });

  it("reads the plainest shared strings in place, the same as the scanner reads every other spelling", async () => {
    const escape = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const piece = fc.constantFrom("客户", "ACME", " ", "a&b", "<", ">", "\r\n", "\r", "\n", "_x000D_", "_x", "x_", '"', "'", "&#x4E2D;");
    const texts = fc.array(fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join("")), { minLength: 1, maxLength: 12 });
    const book = (strings: string, count: number): Record<string, string> => ({
      "_rels/.rels": rels([["rId1", "officeDocument", "xl/workbook.xml"]]),
      "xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": rels([["rId1", "worksheet", "worksheets/sheet1.xml"], ["rId2", "sharedStrings", "sharedStrings.xml"]]),
      "xl/sharedStrings.xml": `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings}</sst>`,
      "xl/worksheets/sheet1.xml":
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        Array.from({ length: count }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}" t="s"><v>${i}</v></c></row>`).join("") +
        "</sheetData></worksheet>",
    });
    await fc.assert(
      fc.asyncProperty(texts, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), async (strings, plainly) => {
        // Each string spelt plainly or in a way only the scanner reads; the same strings all through the scanner.
        const mixed = strings.map((text, i) => (plainly[i] ? `<si><t>${escape(text)}</t></si>` : `<si><t xml:space="preserve">${escape(text)}</t></si>`)).join("");
        const scanned = strings.map((text) => `<si><r><t>${escape(text)}</t></r></si>`).join("");
        const [a, b] = await Promise.all([readPackageValues(await pack(book(mixed, strings.length))), readPackageValues(await pack(book(scanned, strings.length)))]);
        expect(a).toEqual(b);
      }),
      { numRuns: 30 },
    );
    const [sheet] = (await readPackageValues(await pack(book("<si><t>a&amp;b</t></si><si><t>x\r\ny</t></si><si><t>1_x000D_2</t></si><si><t>客户</t></si>", 4)))).sheets;
    expect([0, 1, 2, 3].map((row) => rowAt(sheet, row)?.values[1])).toEqual(["a&b", "x\ny", "1\r2", "客户"]);
  });

  it("reads stored (uncompressed) parts the same as deflated ones", async () => {
    const parts = prefixedParts();
    expect(await readPackageValues(await pack(parts, "STORE"))).toEqual(await readPackageValues(await pack(parts, "DEFLATE")));
  });

  it("refuses a truncated package and a package without a workbook part", async () => {
    const whole = await packBytes(prefixedParts());
    await expect(readPackageValues(fileOf(whole.subarray(0, Math.floor(whole.length / 2))))).rejects.toThrow(/not a readable \.xlsx workbook \(end of central directory record signature not found/i);
    const noWorkbook = await pack({ "docProps/app.xml": "<Properties/>" });
    await expect(readPackageValues(noWorkbook)).rejects.toThrow("no workbook part");
  });
});

describe("PackageSource", () => {
  it("finds parts case-insensitively and refuses encrypted entries", async () => {
    const bytes = await packBytes({ "xl/workbook.xml": "<workbook/>" });
    const source = await PackageSource.open(fileOf(bytes));
    expect(await source.text("XL/Workbook.xml")).toBe("<workbook/>");
    source.close();
    const encrypted = Buffer.from(bytes);
    // Set bit 0 (encrypted) of the general-purpose flags in the workbook part's central directory entry.
    const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    for (let at = encrypted.indexOf(signature); at >= 0; at = encrypted.indexOf(signature, at + 4)) {
      const name = encrypted.toString("utf8", at + 46, at + 46 + encrypted.readUInt16LE(at + 28));
      if (name === "xl/workbook.xml") encrypted.writeUInt16LE(encrypted.readUInt16LE(at + 8) | 1, at + 8);
    }
    await expect(PackageSource.open(fileOf(encrypted))).rejects.toThrow("the part xl/workbook.xml is encrypted");
  });

  it("refuses a part whose stored bytes would run past the end of the file, once, by name of the file", async () => {
    const bytes = await packBytes({ "xl/workbook.xml": "<workbook/>", "xl/styles.xml": "<styleSheet/>" });
    // Declare the workbook part's compressed size as 1 MB in its central directory entry.
    const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    for (let at = bytes.indexOf(signature); at >= 0; at = bytes.indexOf(signature, at + 4)) {
      if (bytes.toString("utf8", at + 46, at + 46 + bytes.readUInt16LE(at + 28)) === "xl/workbook.xml") bytes.writeUInt32LE(1 << 20, at + 20);
    }
    const file = fileOf(bytes);
    const source = await PackageSource.open(file);
    try {
      const failure = await source.text("xl/workbook.xml").then(() => null, (error: Error) => error);
      // Said once: not the file's name again inside the reason.
      expect(failure?.message).toMatch(new RegExp(`^${path.basename(file)}: not a readable \\.xlsx workbook \\(file data overflows file bounds: \\d+ \\+ 1048576 > \\d+\\)$`));
      expect(await source.text("xl/styles.xml")).toBe("<styleSheet/>");
    } finally {
      source.close();
    }
  });

  it("refuses a part of a compression method it does not know, by name of the method", async () => {
    const bytes = await packBytes({ "xl/workbook.xml": "<workbook/>" });
    // Method 12 (bzip2) in the part's central directory entry and in its local header.
    // Each header's signature, where its method, its name's length and its name are.
    for (const [signature, methodAt, nameLengthAt, nameAt] of [[0x02014b50, 10, 28, 46], [0x04034b50, 8, 26, 30]]) {
      for (let at = 0; at + nameAt < bytes.length; at++) {
        if (bytes.readUInt32LE(at) !== signature) continue;
        const name = bytes.toString("utf8", at + nameAt, at + nameAt + bytes.readUInt16LE(at + nameLengthAt));
        if (name === "xl/workbook.xml") bytes.writeUInt16LE(12, at + methodAt);
      }
    }
    const source = await PackageSource.open(fileOf(bytes));
    try {
      await expect(source.text("xl/workbook.xml")).rejects.toThrow(/not a readable \.xlsx workbook \(unsupported compression method: 12\)$/);
    } finally {
      source.close();
    }
  });

  it("reads a part stored over several blocks: its stored bytes whole, and inflated in steps, also when left part-read", async () => {
    // 24 MB of hexadecimal text deflates to about 12 MB: more than one 8 MB block of stored bytes.
    const text = randomBytes(12 * 1024 * 1024).toString("hex");
    const source = await PackageSource.open(fileOf(await packBytes({ "xl/big.xml": text, "xl/small.xml": "<small/>" })));
    try {
      const entry = source.entry("xl/big.xml")!;
      const blocks: Buffer[] = [];
      for await (const block of source.stored(entry)) blocks.push(block);
      expect(blocks.length).toBeGreaterThan(1);
      expect(blocks.reduce((sum, block) => sum + block.length, 0)).toBe(entry.compressedSize);
      expect(inflateRawSync(Buffer.concat(blocks)).toString("latin1") === text).toBe(true);

      const steps: Buffer[] = [];
      for await (const step of source.chunks("xl/big.xml")) steps.push(step);
      expect(Math.max(...steps.map((step) => step.length))).toBeLessThanOrEqual(4 * 1024 * 1024);
      expect(Buffer.concat(steps).toString("latin1") === text).toBe(true);

      // Left after its first step: the inflater and its feeding stop, and the package reads on.
      for await (const step of source.chunks("xl/big.xml")) {
        expect(step.length).toBeGreaterThan(0);
        break;
      }
      expect(await source.text("xl/small.xml")).toBe("<small/>");
    } finally {
      source.close();
    }
  });
});

describe("XmlScanner", () => {
  it("finds attributes by local name, in either quotes, with '>' inside a value", () => {
    const scan = new XmlScanner(`<?xml version="1.0"?><!-- <c r="Z9"/> --><x:sheet name='a>b' r:id="rId2"/>`);
    scan.next();
    expect([scan.name, scan.attr("name"), scan.attr("id"), scan.attr("state"), scan.selfClosing]).toEqual(["sheet", "a>b", "rId2", undefined, true]);
  });

  it("reads a text-only child in one step, and leaves anything else to the tag-by-tag scan", () => {
    const scan = new XmlScanner('<c r="A1"><v>4&amp;2</v></c><c><x:v>1</x:v></c><c><v>1<!--x--></v></c><c><is><t>a</t></is></c>');
    scan.next();
    expect([scan.textChild("v"), scan.text(), scan.next(), scan.name]).toEqual([true, "4&2", Token.Close, "c"]);
    // A prefixed child, a comment inside, another element: not read, the scanner stays before it.
    for (const child of ["v", "v", "is"]) {
      scan.next();
      expect(scan.textChild("v")).toBe(false);
      expect([scan.next(), scan.name]).toEqual([Token.Open, child]);
      while (!(scan.next() === Token.Close && scan.name === "c"));
    }
  });

  it("walks a tag's attributes in one pass and steps over an end tag that follows at once", () => {
    const scan = new XmlScanner(`<x:c r="B7" s='3' x:t="s"><v>12</v></c><c><v>1</v> </c>`);
    scan.next();
    const seen: string[] = [];
    scan.firstAttr();
    while (scan.nextAttr()) seen.push(`${scan.attrIs("t") ? "T" : ""}${scan.attrValue()}`);
    expect(seen).toEqual(["B7", "3", "Ts"]);
    expect([scan.textChild("v"), scan.textInteger(), scan.closes("c"), scan.next(), scan.name]).toEqual([true, 12, true, Token.Open, "c"]);
    // Text before the end tag: not stepped over.
    expect([scan.textChild("v"), scan.closes("c"), scan.next(), scan.name]).toEqual([true, false, Token.Close, "c"]);
  });

  it("reads a plain decimal in place exactly as Number does, and leaves every other text to the general path", () => {
    const valueOf = (text: string): { decimal: number; integer: number } => {
      const scan = new XmlScanner(`<c><v>${text}</v></c>`);
      scan.next();
      scan.textChild("v");
      return { decimal: scan.textDecimal(), integer: scan.textInteger() };
    };
    expect(["11247.07", "-0.5", ".5", "7.", "000123", "-0"].map((text) => valueOf(text).decimal)).toEqual([11247.07, -0.5, 0.5, 7, 123, -0]);
    for (const text of ["", "-", ".", "1e3", " 1", "1 ", "+1", "0x10", "1.2.3", "--1", "1234567890123456"]) expect(valueOf(text).decimal).toBeNaN();
    expect(["0", "12", "123456789", "1234567890", "-1", " 1", ""].map((text) => valueOf(text).integer)).toEqual([0, 12, 123456789, -1, -1, -1, -1]);
    const decimalText = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{0,12}$/), fc.option(fc.stringMatching(/^\d{0,8}$/)))
      .map(([negative, whole, fraction]) => `${negative ? "-" : ""}${whole}${fraction === null ? "" : `.${fraction}`}`);
    fc.assert(
      fc.property(fc.oneof(decimalText, fc.string({ maxLength: 8 }).filter((text) => !/[<&]/.test(text))), (text) => {
        const read = valueOf(text).decimal;
        // Either the general path's number, bit for bit, or left to the general path.
        if (!Number.isNaN(read)) expect(Object.is(read, numberCell(text))).toBe(true);
        else expect(/^-?\d{1,15}(\.\d*)?$|^-?\.\d{1,15}$/.test(text) && text.replace(/\D/g, "").length <= 15).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it("decodes entities and normalises line ends", () => {
    expect(decodeXml("a &amp; b&#10;c&#x41;&bogus;\r\nd")).toBe("a & b\ncA&bogus;\nd");
  });
});

describe("numberCell", () => {
  it("reads SpreadsheetML's decimal numbers only: 0x10, Infinity and 1_000 stay text", () => {
    expect([numberCell("1234.5"), numberCell(" -1.5E3 "), numberCell(".5"), numberCell("7.")]).toEqual([1234.5, -1500, 0.5, 7]);
    expect([numberCell("0x10"), numberCell("Infinity"), numberCell("1_000"), numberCell("0b11"), numberCell("")]).toEqual(["0x10", "Infinity", "1_000", "0b11", null]);
  });
});
