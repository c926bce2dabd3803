/**
 * The direct .xlsx reader on packages written by hand the way other producers write them:
 * namespace prefixes, inline and rich text, phonetic runs, escapes, CDATA, cells and rows without
 * references, tables with default attributes, stored (uncompressed) parts, damaged zips.
 */
import { readXlsxValues } from "../../src/workbook/exceljs/fast-read";
import { decodeXml, XmlScanner } from "../../src/workbook/exceljs/xml-scan";
import { ZipReader } from "../../src/workbook/exceljs/zip-read";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require("jszip") as typeof import("jszip");

const MAIN = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function pack(parts: Record<string, string>, compression: "DEFLATE" | "STORE" = "DEFLATE"): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer", compression });
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

describe("readXlsxValues", () => {
  it("reads prefixed SpreadsheetML: shared, rich, inline and formula text, booleans, errors, cached results", async () => {
    const workbook = readXlsxValues(await pack(prefixedParts()));
    expect(workbook.date1904).toBe(true);
    expect(workbook.sheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ["A & B", "visible"],
      ["Notes", "hidden"],
    ]);
    const [ledger, notes] = workbook.sheets;
    expect(ledger.firstRow).toBe(1);
    expect(ledger.firstCol).toBe(1);
    expect(ledger.rows).toEqual([
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
    expect(ledger.rowElements).toBe(5);
    expect(notes.rows).toEqual([[7]]);
    // headerRowCount absent means one header row; B2:D5 less header and totals = 2 data rows.
    expect(workbook.tables).toEqual([{ name: "Ledger", sheet: "A & B", headerRow: 1, firstCol: 1, rowCount: 2, columnCount: 3 }]);
  });

  it("reads stored (uncompressed) parts the same as deflated ones", async () => {
    const parts = prefixedParts();
    expect(readXlsxValues(await pack(parts, "STORE"))).toEqual(readXlsxValues(await pack(parts, "DEFLATE")));
  });

  it("refuses a truncated package and a package without a workbook part", async () => {
    const whole = await pack(prefixedParts());
    expect(() => readXlsxValues(whole.subarray(0, Math.floor(whole.length / 2)))).toThrow("end of central directory not found");
    const noWorkbook = await pack({ "docProps/app.xml": "<Properties/>" });
    expect(() => readXlsxValues(noWorkbook)).toThrow("no workbook part");
  });
});

describe("ZipReader", () => {
  it("finds parts case-insensitively and refuses encrypted entries", async () => {
    const bytes = await pack({ "xl/workbook.xml": "<workbook/>" });
    expect(new ZipReader(bytes).text("XL/Workbook.xml")).toBe("<workbook/>");
    const encrypted = Buffer.from(bytes);
    // Set bit 0 (encrypted) of the general-purpose flags in every central directory entry.
    const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    for (let at = encrypted.indexOf(signature); at >= 0; at = encrypted.indexOf(signature, at + 4)) {
      encrypted.writeUInt16LE(encrypted.readUInt16LE(at + 8) | 1, at + 8);
    }
    expect(() => new ZipReader(encrypted).bytesOf("xl/workbook.xml")).toThrow("encrypted");
  });
});

describe("XmlScanner", () => {
  it("finds attributes by local name, in either quotes, with '>' inside a value", () => {
    const scan = new XmlScanner(`<?xml version="1.0"?><!-- <c r="Z9"/> --><x:sheet name='a>b' r:id="rId2"/>`);
    scan.next();
    expect([scan.name, scan.attr("name"), scan.attr("id"), scan.attr("state"), scan.selfClosing]).toEqual(["sheet", "a>b", "rId2", undefined, true]);
  });

  it("decodes entities and normalises line ends", () => {
    expect(decodeXml("a &amp; b&#10;c&#x41;&bogus;\r\nd")).toBe("a & b\ncA&bogus;\nd");
  });
});
