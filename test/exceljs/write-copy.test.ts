/**
 * The one writer: the user's parts copied as they are stored (compressed bytes, byte for byte) —
 * charts, pivot tables, images, macros and every sheet —, the generated sheets and their charts
 * added, styles appended without moving the user's, one part replaced alone, an .xlsm kept an
 * .xlsm, and regenerating replacing only the add-in's own sheets with their chart parts.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import * as path from "path";
import * as yauzl from "yauzl";
import { ExcelJsAdapter } from "../../src/workbook/exceljs/adapter";
import { chartXml, drawingXml } from "../../src/workbook/exceljs/chart-xml";
import { writeCopy } from "../../src/workbook/exceljs/write-copy";
import type { PlanChart, SheetPlan } from "../../src/workbook/plan-types";
import { convertWithSoffice } from "../support/libreoffice";
import { gridOf } from "../support/grid";
import { writtenSheets } from "../support/written";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ar-write-copy-"));
});
afterAll(() => (process.env.KEEP_TEST_FILES ? undefined : rmSync(dir, { recursive: true, force: true })));

/** A chart plan: customers down, two series across, the chart anchored below the block. */
function chartPlan(name: string, type: PlanChart["type"]): SheetPlan {
  return {
    name,
    kind: "aging",
    values: [
      ["客户", "1-30", "31-60"],
      ["甲公司", 1500, 3400],
      ["乙公司", 0, 1500],
      ["丙公司", 200, 0],
    ],
    formats: [{ row: 0, col: 0, rows: 1, cols: 3, mark: "header", bold: true }, { row: 1, col: 1, rows: 3, cols: 2, numberFormat: "#,##0.00" }],
    conditionalFormats: [{ row: 1, col: 1, rows: 3, cols: 2, mark: "red", greaterThan: 1000 }],
    columnWidths: [20, 12, 12],
    freezeRows: 1,
    freezeCols: 0,
    chart: { type, title: `${name} chart`, dataRow: 0, dataCol: 0, dataRows: 4, dataCols: 3, anchorRow: 5, anchorCol: 0 },
  };
}

function relsXml(items: [string, string, string][]): string {
  return `<Relationships xmlns="${PKG}">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join("")}</Relationships>`;
}

/**
 * A user's workbook as another program writes one: a ledger, a sheet with a chart and a picture,
 * a pivot cache, macros (vbaProject.bin), custom styles; the picture stored uncompressed.
 */
async function userWorkbook(file: string, macros = false): Promise<void> {
  const zip = new JSZip();
  const chartSheet = chartPlan("Chart", "barStacked");
  zip.file(
    "[Content_Types].xml",
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${macros ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"}"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  zip.file("_rels/.rels", relsXml([["rId1", "officeDocument", "xl/workbook.xml"]]));
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="应收台账" sheetId="1" r:id="rId1"/><sheet name="Chart" sheetId="2" r:id="rId2"/></sheets>` +
      `<pivotCaches><pivotCache cacheId="1" r:id="rId5"/></pivotCaches></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    relsXml([
      ["rId1", "worksheet", "worksheets/sheet1.xml"],
      ["rId2", "worksheet", "worksheets/sheet2.xml"],
      ["rId3", "styles", "styles.xml"],
      ["rId5", "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml"],
      ...(macros ? ([["rId6", "vbaProject", "vbaProject.bin"]] as [string, string, string][]) : []),
    ]),
  );
  zip.file(
    "xl/styles.xml",
    `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts>` +
      '<fonts count="1"><font><sz val="12"/><name val="SimSun"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
  );
  const ledgerRows = [
    ["客户", "发票号", "到期日", "金额"],
    ["甲公司", "A1", 46300, 1000],
    ["乙公司", "B1", 46200, 2000.5],
  ]
    .map((cells, r) => `<row r="${r + 1}">${cells.map((cell, c) => `<c r="${"ABCD"[c]}${r + 1}"${typeof cell === "string" ? ' t="inlineStr"><is><t>' + cell + "</t></is>" : ` s="1"><v>${cell}</v>`}</c>`).join("")}</row>`)
    .join("");
  zip.file("xl/worksheets/sheet1.xml", `<worksheet xmlns="${MAIN}"><sheetData>${ledgerRows}</sheetData></worksheet>`);
  const chartRows = chartSheet.values.map((cells, r) => `<row r="${r + 1}">${cells.map((cell, c) => `<c r="${"ABC"[c]}${r + 1}"${typeof cell === "string" ? ` t="inlineStr"><is><t>${cell}</t></is>` : `><v>${cell}</v>`}</c>`).join("")}</row>`).join("");
  zip.file("xl/worksheets/sheet2.xml", `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${chartRows}</sheetData><drawing r:id="rId1"/></worksheet>`);
  zip.file("xl/worksheets/_rels/sheet2.xml.rels", relsXml([["rId1", "drawing", "../drawings/drawing1.xml"]]));
  zip.file("xl/drawings/drawing1.xml", drawingXml([chartSheet.chart!], ["rId1"]));
  zip.file("xl/drawings/_rels/drawing1.xml.rels", relsXml([["rId1", "chart", "../charts/chart1.xml"], ["rId2", "image", "../media/image1.png"]]));
  zip.file("xl/charts/chart1.xml", chartXml(chartSheet, "Chart", chartSheet.chart!));
  zip.file("xl/media/image1.png", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), { compression: "STORE" });
  zip.file("xl/pivotCache/pivotCacheDefinition1.xml", `<pivotCacheDefinition xmlns="${MAIN}" refreshOnLoad="1"/>`);
  if (macros) zip.file("xl/vbaProject.bin", Buffer.from("not really VBA, but bytes that must survive"));
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** Every entry's stored bytes (compressed as they are in the file), by name. */
async function storedEntries(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const found = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", async (entry: yauzl.Entry) => {
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry, { decodeFileData: false })) chunks.push(chunk as Buffer);
      found.set(entry.fileName, Buffer.concat(chunks));
      zip.readEntry();
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  zip.close();
  return found;
}

async function part(file: string, name: string): Promise<string> {
  return (await JSZip.loadAsync(readFileSync(file))).file(name)!.async("string");
}

describe("the copy", () => {
  it("copies every user part as it is stored, adds the generated sheets, charts and store, and edits only the bookkeeping", async () => {
    const input = path.join(dir, "user.xlsx");
    const output = path.join(dir, "user.out.xlsx");
    await userWorkbook(input);
    const adapter = new ExcelJsAdapter({ input, output });
    await adapter.read();
    expect(await adapter.writePlans([chartPlan("Aging", "barStacked")])).toEqual(["Aging"]);
    const before = await storedEntries(input);
    const after = await storedEntries(output);
    const edited = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];
    for (const [name, bytes] of before) {
      if (name.endsWith("/") || edited.includes(name)) continue;
      expect({ name, bytes: after.get(name)?.toString("hex") }).toEqual({ name, bytes: bytes.toString("hex") });
    }
    // Three user sheets' worth of parts, plus: our sheet, its rels, drawing, drawing rels, chart, and the store sheet.
    const added = [...after.keys()].filter((name) => !before.has(name)).sort();
    expect(added).toEqual([
      "xl/charts/chart2.xml",
      "xl/drawings/_rels/drawing2.xml.rels",
      "xl/drawings/drawing2.xml",
      "xl/worksheets/_rels/sheet3.xml.rels",
      "xl/worksheets/sheet3.xml",
      "xl/worksheets/sheet4.xml",
    ]);
    const workbookXml = await part(output, "xl/workbook.xml");
    expect(workbookXml).toContain('<sheet name="Chart" sheetId="2" r:id="rId2"/><sheet name="Aging" sheetId="3" r:id="rId6"/><sheet name="_ar_settings" sheetId="4" state="veryHidden" r:id="rId7"/></sheets><pivotCaches>');
    const types = await part(output, "[Content_Types].xml");
    expect(types).toContain('<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain("/xl/pivotCache/pivotCacheDefinition1.xml");
  });

  it("appends its styles after the user's: the user's cell formats keep their numbers, ours follow", async () => {
    const output = path.join(dir, "user.out.xlsx");
    const styles = await part(output, "xl/styles.xml");
    // The user's two cell formats first, unchanged; ours (header fill + bold, amounts) after them.
    expect(styles).toMatch(/^<styleSheet xmlns="[^"]+"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.000"\/><numFmt numFmtId="165" formatCode="#,##0.00"\/><\/numFmts>/);
    expect(styles).toContain('<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    // Our bold font is the user's default font (SimSun 12) made bold.
    expect(styles).toContain('<fonts count="2"><font><sz val="12"/><name val="SimSun"/></font><font><b/><sz val="12"/><name val="SimSun"/></font></fonts>');
    const sheet = await part(output, "xl/worksheets/sheet3.xml");
    expect(sheet).toContain('<c r="A1" s="2" t="inlineStr"><is><t>客户</t></is></c>');
    // B2 follows A2, so its reference is left out (optional, ECMA-376 §18.3.1.4); a row's first cell names its place.
    expect(sheet).toContain('<row r="2"><c r="A2" t="inlineStr"><is><t>甲公司</t></is></c><c s="3"><v>1500</v></c>');
    expect(sheet).toContain('<cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>1000</formula></cfRule>');
  });

  it("regenerating replaces only its own sheet, in place, with its chart parts; styles do not grow", async () => {
    const first = path.join(dir, "user.out.xlsx");
    const second = path.join(dir, "user.out2.xlsx");
    const adapter = new ExcelJsAdapter({ input: first, output: second });
    expect((await adapter.read()).sheets.map((sheet) => [sheet.name, sheet.generated])).toEqual([
      ["应收台账", false],
      ["Chart", false],
      ["Aging", true],
    ]);
    expect(await adapter.writePlans([chartPlan("Aging", "line"), chartPlan("Chart", "bar")])).toEqual(["Aging", "Chart (2)"]);
    const entries = [...(await storedEntries(second)).keys()];
    // The replaced sheet keeps its part; its old drawing and chart go, new ones come.
    expect(entries).toContain("xl/worksheets/sheet3.xml");
    expect(entries).not.toContain("xl/drawings/drawing2.xml");
    expect(entries).not.toContain("xl/charts/chart2.xml");
    expect(entries.filter((name) => name.startsWith("xl/charts/")).sort()).toEqual(["xl/charts/chart1.xml", "xl/charts/chart3.xml", "xl/charts/chart4.xml"]);
    expect(await part(second, "xl/workbook.xml")).toContain('<sheet name="Aging" sheetId="3" r:id="rId6"/><sheet name="_ar_settings" sheetId="4" state="veryHidden" r:id="rId7"/><sheet name="Chart (2)" sheetId="5" r:id="rId8"/>');
    expect(await part(second, "[Content_Types].xml")).not.toContain("/xl/charts/chart2.xml");
    expect((await part(second, "xl/styles.xml")).length).toBe((await part(first, "xl/styles.xml")).length);
    expect(gridOf((await writtenSheets(second)).find((sheet) => sheet.name === "Aging")!)[1]).toEqual(["甲公司", 1500, 3400]);
  });

  it("LibreOffice opens the copy and finds every chart: the user's stacked bar, our line and our clustered bar", async () => {
    const { dir: out } = await convertWithSoffice(path.join(dir, "user.out2.xlsx"), "ods");
    const zip = await JSZip.loadAsync(readFileSync(path.join(out, "user.out2.ods")));
    const objects = Object.keys(zip.files).filter((name) => /^Object \d+\/content\.xml$/.test(name));
    const classes = await Promise.all(objects.map(async (name) => /<chart:chart [^>]*chart:class="chart:(\w+)"/.exec(await zip.file(name)!.async("string"))![1]));
    expect(classes.sort()).toEqual(["bar", "bar", "line"]);
    const series = await Promise.all(objects.map(async (name) => ((await zip.file(name)!.async("string")).match(/<chart:series /g) ?? []).length));
    expect(series).toEqual([2, 2, 2]);
    rmSync(out, { recursive: true, force: true });
  }, 180_000);

  it("keeps an .xlsm an .xlsm, its macros byte for byte, and refuses to save it as .xlsx", async () => {
    const input = path.join(dir, "macros.xlsm");
    await userWorkbook(input, true);
    await expect(new ExcelJsAdapter({ input, output: path.join(dir, "macros.out.xlsx") }).writePlans([chartPlan("Aging", "bar")])).rejects.toThrow(
      "macros.out.xlsx: the output must end in .xlsm (the input holds macros)",
    );
    const output = path.join(dir, "macros.out.xlsm");
    await new ExcelJsAdapter({ input, output }).writePlans([chartPlan("Aging", "bar")]);
    expect((await storedEntries(output)).get("xl/vbaProject.bin")).toEqual((await storedEntries(input)).get("xl/vbaProject.bin"));
    expect(await part(output, "[Content_Types].xml")).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  });

  it("replaces one existing part alone: every other part stays as it was stored", async () => {
    const input = path.join(dir, "user.xlsx");
    const output = path.join(dir, "one-part.xlsx");
    const ledger = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>replaced</t></is></c></row></sheetData></worksheet>`;
    await writeCopy({ base: { file: input }, output, plans: [], store: {}, replaceParts: new Map([["xl/worksheets/sheet1.xml", ledger]]) });
    expect(await part(output, "xl/worksheets/sheet1.xml")).toBe(ledger);
    const before = await storedEntries(input);
    const after = await storedEntries(output);
    for (const name of ["xl/worksheets/sheet2.xml", "xl/charts/chart1.xml", "xl/media/image1.png", "xl/drawings/drawing1.xml"]) expect(after.get(name)).toEqual(before.get(name));
  });

  it("a CSV input becomes a workbook of its rows and the generated sheets, which LibreOffice reads", async () => {
    const input = path.join(dir, "ledger.csv");
    writeFileSync(input, "客户,金额\n甲公司,1000.5\n=cmd,2\n");
    const output = path.join(dir, "ledger.out.xlsx");
    expect(await new ExcelJsAdapter({ input, output }).writePlans([chartPlan("Aging", "barStacked")])).toEqual(["Aging"]);
    const data = await new ExcelJsAdapter({ input: output }).read();
    expect(data.sheets.map((sheet) => [sheet.name, sheet.generated])).toEqual([
      ["ledger", false],
      ["Aging", true],
    ]);
    expect(gridOf(data.sheets[0])).toEqual([["客户", "金额"], ["甲公司", 1000.5], ["=cmd", 2]]);
    execFileSync("unzip", ["-t", output], { stdio: "pipe" });
  });
});
