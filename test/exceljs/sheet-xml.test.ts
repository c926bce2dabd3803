/**
 * The worksheet XML written for a plan: a row's first cell and a cell after a gap name their
 * place; the cells that follow on leave their optional reference out — and our reader, exceljs
 * and LibreOffice (the round-trip tests) all put every value back in its column.
 */
import * as ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import type { SheetPlan } from "../../src/workbook/plan-types";
import { SheetCollector } from "../../src/workbook/exceljs/sheet-scan";
import { cellXml, sheetXml } from "../../src/workbook/exceljs/sheet-xml";
import { ByteSlices, MAX_NUMBER_BYTES } from "../../src/workbook/exceljs/byte-slices";
import { StyleAdditions } from "../../src/workbook/exceljs/styles-merge";
import { rowList } from "../support/grid";

const USER_STYLES = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

function plan(values: SheetPlan["values"]): SheetPlan {
  return { name: "Results", kind: "aging", values, formats: [], conditionalFormats: [], columnWidths: [], freezeRows: 0, freezeCols: 0 };
}

const GRID = [
  ["客户", "金额", "备注", "天数"],
  ["甲公司", 1500, null, 12],
  [null, 200, "x", null],
];

function xmlOf(values: SheetPlan["values"], formats: SheetPlan["formats"] = [], styles = new StyleAdditions(USER_STYLES)): string {
  return Buffer.concat([...sheetXml({ ...plan(values), formats }, { dateSystem: "1900", styles })]).toString("utf8");
}

describe("sheetXml", () => {
  it("names a row's first cell and a cell after a gap; the cells that follow on carry no reference", () => {
    const xml = xmlOf(GRID);
    expect(xml).toContain('<row r="2"><c r="A2" t="inlineStr"><is><t>甲公司</t></is></c><c><v>1500</v></c><c r="D2"><v>12</v></c></row>');
    expect(xml).toContain('<row r="3"><c r="B3"><v>200</v></c><c t="inlineStr"><is><t>x</t></is></c></row>');
  });

  it("reads back in place through our own reader", () => {
    const collector = new SheetCollector("Results", [], false);
    collector.feed(Buffer.from(xmlOf(GRID)));
    const { rows } = collector.finish();
    expect(rowList({ rows }).map((cells) => cells && cells.cols.map((col, i) => `${"ABCD"[col]}=${cells.values[i]}`))).toEqual([
      ["A=客户", "B=金额", "C=备注", "D=天数"],
      ["A=甲公司", "B=1500", "D=12"],
      ["B=200", "C=x"],
    ]);
  });

  it("reads back in place through exceljs, an independent reader", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
    zip.file("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    zip.file("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Results" sheetId="1" r:id="rId1"/></sheets></workbook>');
    zip.file("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
    zip.file("xl/worksheets/sheet1.xml", xmlOf(GRID));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await zip.generateAsync({ type: "arraybuffer" })) as ArrayBuffer);
    const sheet = workbook.getWorksheet("Results")!;
    expect([sheet.getCell("A2").value, sheet.getCell("B2").value, sheet.getCell("C2").value, sheet.getCell("D2").value]).toEqual(["甲公司", 1500, null, 12]);
    expect([sheet.getCell("A3").value, sheet.getCell("B3").value, sheet.getCell("C3").value]).toEqual([null, 200, "x"]);
  });

  it("writes every row as cellXml writes its cells, texts kept per column or not, long, escaped, styled or in any script", () => {
    // 3,000 rows: a customer column that repeats (kept), an invoice column that never does (stops
    // being kept after its trial rows), texts past the kept length, markup, a bold run mid-column.
    const long = "长".repeat(300);
    const values: SheetPlan["values"] = [["客户", "发票", "备注", "金额"]];
    for (let r = 1; r <= 3000; r++) {
      values.push([`客户${r % 7}<&>`, `INV-${r}`, r % 5 === 0 ? long : r % 3 === 0 ? " 前后空格 " : "😀 emoji", r % 4 === 0 ? null : r / 100]);
    }
    const styles = new StyleAdditions(USER_STYLES);
    const formats: SheetPlan["formats"] = [{ row: 1000, col: 0, rows: 500, cols: 4, bold: true }];
    const xml = xmlOf(values, formats, styles);
    // The expected rows, cell by cell through cellXml, every cell named.
    const bold = ` s="${styles.xf({ font: { bold: true } })}"`;
    const rowXml = (row: SheetPlan["values"][number], r: number): string => {
      let out = `<row r="${r + 1}">`;
      let follows = false;
      row.forEach((value, c) => {
        const cell = cellXml(follows ? "" : ` r="${"ABCD"[c]}${r + 1}"`, value, r >= 1000 && r < 1500 ? bold : "");
        follows = cell !== "";
        out += cell;
      });
      return `${out}</row>`;
    };
    const rows = xml.slice(xml.indexOf("<sheetData>") + 11, xml.indexOf("</sheetData>"));
    expect(rows).toBe(values.map(rowXml).join(""));
  });

  it("writes rows across many slices, a slice ending inside a row or a cell's markup, every slice whole UTF-8", () => {
    // Slices of 4 KB: each ends at whichever cell no longer fits, often the first of a customer's
    // name, which is then kept for the rows after it (each name comes twice: the column keeps them).
    const values: SheetPlan["values"] = [["客户", "发票", "金额", "备注"]];
    for (let r = 1; r <= 6_000; r++) values.push([`客户${Math.floor(r / 2)}有限公司`, `INV${r}`, r * 1.01, r % 9 === 0 ? ` 备注 <${r}> ` : true]);
    const slices = [...sheetXml(plan(values), { dateSystem: "1900", styles: new StyleAdditions(USER_STYLES), sliceBytes: 4096 })];
    expect(slices.length).toBeGreaterThan(100);
    for (const slice of slices) expect(Buffer.from(slice.toString("utf8"), "utf8").equals(slice)).toBe(true);
    const xml = Buffer.concat(slices).toString("utf8");
    const rows = xml.slice(xml.indexOf("<sheetData>") + 11, xml.indexOf("</sheetData>"));
    const expected = values.map((row, r) => {
      const cells = row.map((value, c) => cellXml(c === 0 ? ` r="A${r + 1}"` : "", value, "")).join("");
      return `<row r="${r + 1}">${cells}</row>`;
    });
    expect(rows).toBe(expected.join(""));
  });
});

describe("sheetXml and texts past Excel's limit", () => {
  it("asks room for a text as cut to 32,767 characters: a million-character name fills the usual slices, not one of 6 MB a row", () => {
    const huge = "名".repeat(1_000_000);
    const values: SheetPlan["values"] = [["客户"], ...Array.from({ length: 50 }, () => [huge])];
    const slices = [...sheetXml(plan(values), { dateSystem: "1900", styles: new StyleAdditions(USER_STYLES) })];
    // 50 cells of 32,767 three-byte characters: about 4.9 MB, in 1 MB slices.
    for (const slice of slices) expect(slice.buffer.byteLength).toBeLessThanOrEqual(1 << 20);
    expect(slices.length).toBeLessThanOrEqual(8);
    const xml = Buffer.concat(slices).toString("utf8");
    expect(xml.split(`<t>${"名".repeat(32_767)}</t>`).length).toBe(51);
  });
});

describe("cellXml", () => {
  it("writes each kind of value as SpreadsheetML holds it", () => {
    expect(cellXml(' r="A1"', "=HYPERLINK(1)", "")).toBe('<c r="A1" t="inlineStr"><is><t>=HYPERLINK(1)</t></is></c>');
    expect(cellXml("", ' a<b & "c" ', ' s="2"')).toBe('<c s="2" t="inlineStr"><is><t xml:space="preserve"> a&lt;b &amp; &quot;c&quot; </t></is></c>');
    expect(cellXml("", "客户\u0001甲", "")).toBe("<c t=\"inlineStr\"><is><t>客户甲</t></is></c>");
    expect(cellXml(' r="B2"', -1234.5, ' s="3"')).toBe('<c r="B2" s="3"><v>-1234.5</v></c>');
    expect(cellXml("", true, "")).toBe('<c t="b"><v>1</v></c>');
    expect(cellXml("", null, ' s="1"')).toBe('<c s="1"/>');
    expect([cellXml("", null, ""), cellXml("", "", ""), cellXml("", Number.NaN, ""), cellXml("", Infinity, ' s="1"')]).toEqual(["", "", "", ""]);
    expect(cellXml("", "x".repeat(40_000), "")).toBe(`<c t="inlineStr"><is><t>${"x".repeat(32_767)}</t></is></c>`);
  });
});

/** A number as the sheet writer spells it in a cell's `<v>` (byte-slices.ts `number`). */
function numberText(value: number): string {
  const out = new ByteSlices(MAX_NUMBER_BYTES);
  out.number(value);
  return out.end().toString("latin1");
}

describe("numberText", () => {
  it("is String's text for every number: built from integers for whole hundredths, String's own otherwise", () => {
    expect([11247.07, -0.5, 0.05, 1e21, 0.1 + 0.2, 123456789.99, -0].map(numberText)).toEqual(["11247.07", "-0.5", "0.05", "1e+21", "0.30000000000000004", "123456789.99", "0"]);
    const money = fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }).map((cents) => cents / 100);
    fc.assert(
      fc.property(fc.oneof(money, fc.double({ noNaN: true, noDefaultInfinity: true })), (value) => {
        expect(numberText(value)).toBe(String(value));
      }),
      { numRuns: 20_000 },
    );
  });
});
