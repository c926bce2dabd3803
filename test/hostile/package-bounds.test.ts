/**
 * Bounded reading, each case of issue 11 with its file made here: far-apart cells kept sparse,
 * rows and columns past Excel's grid refused by name, a zip bomb refused by its ratio, a huge
 * picture never inflated yet copied, an ordinary chart beside the ledger, `<v>0x10</v>` not a
 * number, an open CSV quote named by its line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import * as path from "path";
import { deflateRawSync } from "zlib";
import { runAging } from "../../src/jobs/jobs";
import { fromYmd } from "../../src/rules/dates";
import { ExcelJsAdapter } from "../../src/workbook/exceljs/adapter";
import { readPackageValues } from "../../src/workbook/exceljs/read-package";
import { PackageSource } from "../../src/workbook/exceljs/zip-source";
import { cellAt, rowCount } from "../../src/workbook/sheet-cells";
import { rowList } from "../support/grid";
import { problemText } from "../../src/i18n/messages";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const AS_OF = fromYmd(2026, 11, 23);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ar-bounds-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A one-sheet package around the given sheetData XML, plus any other parts. */
async function workbook(name: string, sheetData: string, extra: Record<string, string | Buffer> = {}): Promise<string> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>');
  zip.file("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="应收台账" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  zip.file("xl/worksheets/sheet1.xml", `<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`);
  for (const [part, content] of Object.entries(extra)) zip.file(part, content);
  const file = path.join(dir, name);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

const text = (ref: string, value: string): string => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
const number = (ref: string, value: string | number): string => `<c r="${ref}"><v>${value}</v></c>`;

/** Header and two invoices, then whatever rows follow. */
function ledgerRows(more = ""): string {
  return (
    `<row r="1">${text("A1", "客户")}${text("B1", "发票号")}${text("C1", "到期日")}${text("D1", "金额")}</row>` +
    `<row r="2">${text("A2", "甲公司")}${text("B2", "A1")}${number("C2", 46300)}${number("D2", 1000)}</row>` +
    `<row r="3">${text("A3", "乙公司")}${text("B3", "B1")}${number("C3", 46300)}${number("D3", "0x10")}</row>${more}`
  );
}

describe("cells far apart", () => {
  it("reads a value at ZZ1 and one at A1048576 as two cells, and answers in well under 2 s", async () => {
    const file = await workbook("zz1.xlsx", `<row r="1">${number("ZZ1", 1)}</row><row r="1048576">${number("A1048576", 2)}</row>`);
    const started = Date.now();
    const data = await new ExcelJsAdapter({ input: file }).read();
    const [sheet] = data.sheets;
    expect([sheet.firstRow, sheet.firstCol, rowCount(sheet)]).toEqual([0, 0, 1_048_576]);
    expect(rowList(sheet).filter((row) => row !== undefined).map((row) => row!.cols)).toEqual([[701], [0]]);
    expect([cellAt(sheet, 0, 701), cellAt(sheet, 1_048_575, 0)]).toEqual([1, 2]);
    // No ledger in it: the job ends in the clear "no invoices table" error, not an out-of-memory abort.
    await expect(runAging(new ExcelJsAdapter({ input: file, output: path.join(dir, "zz1.out.xlsx") }), { asOf: AS_OF, lang: "en" })).rejects.toThrow("No invoices table found");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("refuses a row or a cell past Excel's grid by name, before building anything", async () => {
    const row = await workbook("row.xlsx", `<row r="1000000000">${number("A1", 1)}</row>`);
    await expect(readPackageValues(row)).rejects.toThrow('sheet "应收台账": row 1000000000 is past Excel\'s last row 1,048,576');
    const cell = await workbook("cell.xlsx", `<row r="1">${number("A100000000", 1)}</row>`);
    await expect(readPackageValues(cell)).rejects.toThrow("a cell past Excel's last row 1,048,576");
    const column = await workbook("column.xlsx", `<row r="1">${number("XFE1", 1)}</row>`);
    await expect(readPackageValues(column)).rejects.toThrow("a cell past Excel's last column XFD (16,384)");
  });
});

describe("parts inflated within bounds", () => {
  it("refuses a sheet inflating to about 1,000 times its compressed size as a zip bomb, before inflating it", async () => {
    // 32 MB of the same comment compresses to about 32 KB: a ratio near 1,000.
    const padding = `<!--${"a".repeat(32 * 1024 * 1024)}-->`;
    const file = await workbook("bomb.xlsx", `${ledgerRows()}${padding}`);
    await expect(readPackageValues(file)).rejects.toThrow(/bomb\.xlsx: the part xl\/worksheets\/sheet1\.xml inflates to 32 MB from \d+ KB \(\d+ times; at most 100\): refused as a zip bomb/);
  });

  it("stops at the budget for all parts together", async () => {
    const file = await workbook("budget.xlsx", ledgerRows());
    const source = await PackageSource.open(file, { totalBytes: 100, ratio: 100, ratioFromBytes: 1 << 20, entries: 100 });
    await expect(source.text("xl/worksheets/sheet1.xml")).rejects.toThrow("the workbook's sheets inflate to more than 1 KB (at xl/worksheets/sheet1.xml): too large to read");
    source.close();
  });

  it("holds a part to its declared size: more bytes stop it as they come, fewer are a damaged part", async () => {
    const input = await workbook("declared.xlsx", ledgerRows());
    const zip = await JSZip.loadAsync(readFileSync(input));
    const sheet = Buffer.from(await zip.file("xl/worksheets/sheet1.xml")!.async("string"));
    const stored = await zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
    for (const [name, declared, message] of [
      ["declared-smaller.xlsx", 100, "too many bytes in the stream: more than the 100 declared"],
      ["declared-larger.xlsx", sheet.length + 10, `not enough bytes in the stream: ${sheet.length} of the ${sheet.length + 10} declared`],
    ] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, declareSize(stored, "xl/worksheets/sheet1.xml", deflateRawSync(sheet), declared));
      await expect(readPackageValues(file)).rejects.toThrow(message);
    }
  });

  it("never inflates a picture declared as 1 GB, and copies its stored bytes into the output", async () => {
    // The entry claims 1 GB inflated; its data is 1 MB of deflated zeros. Inflating it would fail
    // the size check, so a clean run proves it was never inflated.
    const input = await workbook("picture.xlsx", ledgerRows());
    const zip = await JSZip.loadAsync(readFileSync(input));
    zip.file("xl/media/image1.png", Buffer.alloc(0));
    const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
    const withPicture = path.join(dir, "picture-1gb.xlsx");
    writeFileSync(withPicture, declareSize(bytes, "xl/media/image1.png", deflateRawSync(Buffer.alloc(1 << 20)), 1 << 30));
    const output = path.join(dir, "picture.out.xlsx");
    const started = Date.now();
    const result = await runAging(new ExcelJsAdapter({ input: withPicture, output }), { asOf: AS_OF, lang: "en" });
    expect(result.sheets).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(5_000);
    const copied = await PackageSource.open(output);
    expect(copied.entry("xl/media/image1.png")!.uncompressedSize).toBe(1 << 30);
    copied.close();
  });
});

/**
 * A stored zip with one entry's data replaced by other (deflated) bytes and a declared size: the
 * local header, central directory and offsets rewritten to match.
 */
function declareSize(zip: Buffer, name: string, data: Buffer, size: number): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let at = 0;
  let offset = 0;
  const entries: { header: Buffer; name: string; data: Buffer; method: number; crc: number; size: number }[] = [];
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    const entryName = zip.toString("utf8", at + 30, at + 30 + nameLength);
    const compressed = zip.readUInt32LE(at + 18);
    const start = at + 30 + nameLength + extraLength;
    const own = entryName === name;
    entries.push({
      header: zip.subarray(at, at + 30 + nameLength),
      name: entryName,
      data: own ? data : zip.subarray(start, start + compressed),
      method: own ? 8 : zip.readUInt16LE(at + 8),
      crc: own ? 0x12345678 : zip.readUInt32LE(at + 14),
      size: own ? size : zip.readUInt32LE(at + 22),
    });
    at = start + compressed;
  }
  for (const entry of entries) {
    const local = Buffer.from(entry.header);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(Buffer.byteLength(entry.name), 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, Buffer.from(entry.name));
    out.push(local, entry.data);
    offset += local.length + entry.data.length;
  }
  const centralSize = central.reduce((total, part) => total + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...central, end]);
}

describe("what a ledger holds", () => {
  it("reads <v>0x10</v> as text, not 16: the amount is reported, the other invoice aged", async () => {
    const file = await workbook("hex.xlsx", ledgerRows());
    const result = await runAging(new ExcelJsAdapter({ input: file, output: path.join(dir, "hex.out.xlsx") }), { asOf: AS_OF, lang: "en" });
    expect(result.summary[0].outstanding).toBe("1000.00");
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ sheet: "应收台账", row: 3, column: "D" });
    expect(problemText(result.errors[0], "en")).toContain("0x10");
  });

  it("ages a ledger with an ordinary chart on another sheet, and copies the chart", async () => {
    const chart = '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:barDir val="col"/></c:barChart></c:plotArea></c:chart></c:chartSpace>';
    const file = await workbook("chart.xlsx", ledgerRows(), {
      "xl/drawings/drawing1.xml": '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>',
      "xl/drawings/_rels/drawing1.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
      "xl/charts/chart1.xml": chart,
    });
    const output = path.join(dir, "chart.out.xlsx");
    await runAging(new ExcelJsAdapter({ input: file, output }), { asOf: AS_OF, lang: "en" });
    const source = await PackageSource.open(output);
    expect(await source.text("xl/charts/chart1.xml")).toBe(chart);
    source.close();
  });

  it("names the line of a CSV quote that is never closed", async () => {
    const file = path.join(dir, "open-quote.csv");
    writeFileSync(file, '客户,发票号,到期日,金额\n甲公司,A1,2026-10-01,100\n"乙公司,B1,2026-10-01,200\n丙公司,C1,2026-10-01,300\n');
    await expect(new ExcelJsAdapter({ input: file }).read()).rejects.toThrow("open-quote.csv: the quote opened on line 3 is never closed");
  });
});
