/**
 * The worksheet XML written for a plan: a row's first cell and a cell after a gap name their
 * place; the cells that follow on leave their optional reference out — and our reader, exceljs
 * and LibreOffice (the round-trip tests) all put every value back in its column.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetPlan } from "../../src/workbook/plan-types";
import { SheetCollector } from "../../src/workbook/exceljs/sheet-scan";
import { sheetXml } from "../../src/workbook/exceljs/sheet-xml";
import { StyleAdditions } from "../../src/workbook/exceljs/styles-merge";

const USER_STYLES = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

function plan(values: SheetPlan["values"]): SheetPlan {
  return { name: "Results", kind: "aging", values, formats: [], conditionalFormats: [], columnWidths: [], freezeRows: 0, freezeCols: 0 };
}

const GRID = [
  ["客户", "金额", "备注", "天数"],
  ["甲公司", 1500, null, 12],
  [null, 200, "x", null],
];

function xmlOf(values: SheetPlan["values"]): string {
  return Buffer.concat([...sheetXml(plan(values), { dateSystem: "1900", styles: new StyleAdditions(USER_STYLES) })]).toString("utf8");
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
    expect(rows.map((cells) => cells && cells.cols.map((col, i) => `${"ABCD"[col]}=${cells.values[i]}`))).toEqual([
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
});
