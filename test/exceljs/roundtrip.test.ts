/**
 * The exceljs adapter writes a copy, never the input; what it writes reads back the same in
 * exceljs and in LibreOffice (a real spreadsheet program), and hostile strings stay text.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { createHash } from "crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import type { CellValue } from "../../src/workbook/adapter-types";
import { ExcelJsAdapter } from "../../src/workbook/exceljs/adapter";
import { toCellValue } from "../support/exceljs-cells";
import { gridOf } from "../support/grid";
import type { SheetPlan } from "../../src/workbook/plan-types";
import { GENERATED_KEY, readGeneratedList, STORE_SHEET, storeFromRows } from "../../src/workbook/settings-store";
import { sheetsAsCsv } from "../support/libreoffice";
import { writtenSheets } from "../support/written";

const HOSTILE = ["=1+2", "+SUM(A1)", "-1+1", "@x", '=HYPERLINK("http://x","y")'];
/** 2026-11-23 in the 1900 date system. */
const AS_OF_SERIAL = 46349;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ar-roundtrip-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** A plan of 1 header + 5 hostile-name rows: customer, amount, due date. */
function resultPlan(name: string): SheetPlan {
  return {
    name,
    kind: "aging",
    values: [
      ["客户", "金额", "到期日"],
      ...HOSTILE.map((customer, i) => [customer, 1000 * (i + 1) + 0.5, AS_OF_SERIAL - i]),
    ],
    formats: [
      { row: 0, col: 0, rows: 1, cols: 3, mark: "header", bold: true },
      { row: 1, col: 1, rows: 5, cols: 1, numberFormat: "#,##0.00" },
      { row: 1, col: 2, rows: 5, cols: 1, numberFormat: "yyyy-mm-dd" },
      { row: 5, col: 0, rows: 1, cols: 3, mark: "red" },
    ],
    conditionalFormats: [{ row: 1, col: 1, rows: 5, cols: 1, mark: "amber", greaterThan: 3000 }],
    columnWidths: [30, 14, 12],
    freezeRows: 1,
    freezeCols: 1,
    dateCols: [2],
  };
}

/** A user workbook: a ledger in an Excel table, and a user sheet named like a generated one. */
async function makeInput(file: string, date1904 = false): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = date1904;
  const ledger = workbook.addWorksheet("台账");
  ledger.getCell("A1").value = "2026年应收账款台账";
  ledger.addTable({
    name: "Invoices",
    ref: "A3",
    headerRow: true,
    columns: [{ name: "客户" }, { name: "发票号" }, { name: "到期日" }, { name: "金额" }],
    rows: [
      ["华东精密机械有限公司", "INV-001", new Date(Date.UTC(2026, 10, 23)), 1234.56],
      [{ richText: [{ text: "华南" }, { text: "电子" }] }, "INV-002", new Date(Date.UTC(2026, 0, 1)), { formula: "100*2", result: 200 }],
      [{ text: "链接公司", hyperlink: "http://example.com" }, "INV-003", null, { error: "#N/A" }],
    ],
  });
  ledger.getCell("F3").value = "合并";
  ledger.mergeCells("F3:G4");
  ledger.getRow(6).hidden = true;
  workbook.addWorksheet("账龄分析").getCell("A1").value = "my own notes";
  await workbook.xlsx.writeFile(file);
}

describe("reading", () => {
  it("reads tables, dates as serials, rich text, cached formula results, hyperlinks, errors and merged cells", async () => {
    const input = path.join(dir, "read.xlsx");
    await makeInput(input);
    const data = await new ExcelJsAdapter({ input }).read();
    expect(data.dateSystem).toBe("1900");
    expect(data.tables).toEqual([{ name: "Invoices", sheet: "台账", headerRow: 2, firstCol: 0, rowCount: 3, columnCount: 4 }]);
    const ledger = data.sheets.find((sheet) => sheet.name === "台账")!;
    expect(ledger.firstRow).toBe(0);
    expect(ledger.firstCol).toBe(0);
    expect(ledger.generated).toBe(false);
    expect(gridOf(ledger)[2].slice(0, 4)).toEqual(["客户", "发票号", "到期日", "金额"]);
    expect(gridOf(ledger)[3].slice(0, 4)).toEqual(["华东精密机械有限公司", "INV-001", AS_OF_SERIAL, 1234.56]);
    // 2026-01-01 is serial 46023 (46349 − 326 days).
    expect(gridOf(ledger)[4].slice(0, 4)).toEqual(["华南电子", "INV-002", 46023, 200]);
    expect(gridOf(ledger)[5].slice(0, 4)).toEqual(["链接公司", "INV-003", null, { error: "#N/A" }]);
    // Merged F3:G4: the value sits in F3 only.
    expect(gridOf(ledger)[2].length).toBe(6);
    expect(gridOf(ledger)[2][5]).toBe("合并");
    expect(gridOf(ledger)[3][5]).toBeNull();
    expect(ledger.hiddenRows).toEqual([5]);
  });

  it("gives 1904-system serials for a 1904 workbook", async () => {
    const input = path.join(dir, "read1904.xlsx");
    await makeInput(input, true);
    const data = await new ExcelJsAdapter({ input }).read();
    expect(data.dateSystem).toBe("1904");
    const ledger = data.sheets.find((sheet) => sheet.name === "台账")!;
    expect(gridOf(ledger)[3][2]).toBe(AS_OF_SERIAL - 1462);
  });

  it("gives the same cells as exceljs's own reader (merged slaves empty), in both date systems", async () => {
    for (const date1904 of [false, true]) {
      const input = path.join(dir, `same-${date1904}.xlsx`);
      await makeInput(input, date1904);
      const data = await new ExcelJsAdapter({ input }).read();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(input);
      for (const worksheet of workbook.worksheets) {
        const sheet = data.sheets.find((candidate) => candidate.name === worksheet.name)!;
        const grid = gridOf(sheet);
        const seen: CellValue[][] = grid.map((row) => row.map(() => null));
        worksheet.eachRow((row, rowNumber) =>
          row.eachCell((cell, colNumber) => {
            const value = cell.isMerged && cell.master !== cell ? null : toCellValue(cell.value, date1904);
            if (value !== null) seen[rowNumber - 1 - sheet.firstRow][colNumber - 1 - sheet.firstCol] = value;
          }),
        );
        expect({ sheet: worksheet.name, rows: grid }).toEqual({ sheet: worksheet.name, rows: seen });
      }
    }
  });

  it("reads a UTF-8 CSV with a BOM, quotes and numbers; refuses GBK", async () => {
    const input = path.join(dir, "ledger.csv");
    writeFileSync(input, '\uFEFF客户,发票号,金额\n"华东, 精密","00123",1234.50\n"说 ""好""",INV-2,-5\n');
    const data = await new ExcelJsAdapter({ input }).read();
    expect(data.sheets[0].name).toBe("ledger");
    expect(gridOf(data.sheets[0])).toEqual([
      ["客户", "发票号", "金额"],
      ["华东, 精密", "00123", 1234.5],
      ['说 "好"', "INV-2", -5],
    ]);
    const gbk = path.join(dir, "gbk.csv");
    // "客户" in GBK: BF CD BB A7 — not valid UTF-8.
    writeFileSync(gbk, Buffer.from([0xbf, 0xcd, 0xbb, 0xa7, 0x0a]));
    await expect(new ExcelJsAdapter({ input: gbk }).read()).rejects.toThrow('not UTF-8 (GBK?): save it as "CSV UTF-8"');
  });
});

describe("writing a copy", () => {
  let input: string;
  let output: string;
  let inputHash: string;
  let written: string[];

  beforeAll(async () => {
    input = path.join(dir, "input.xlsx");
    output = path.join(dir, "output.xlsx");
    await makeInput(input);
    inputHash = sha256(input);
    const adapter = new ExcelJsAdapter({ input, output });
    await adapter.read();
    written = await adapter.writePlans([resultPlan("账龄分析"), resultPlan("Results")]);
  });

  it("never writes the input, and refuses output = input", async () => {
    expect(sha256(input)).toBe(inputHash);
    const adapter = new ExcelJsAdapter({ input, output: path.join(dir, ".", "input.xlsx") });
    await expect(adapter.writePlans([resultPlan("X")])).rejects.toThrow("input.xlsx: the output workbook would overwrite the input file");
    expect(sha256(input)).toBe(inputHash);
  });

  it("leaves the user's sheet of the same name alone and writes under 'name (2)'", async () => {
    expect(written).toEqual(["账龄分析 (2)", "Results"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["台账", "账龄分析", "账龄分析 (2)", "Results", STORE_SHEET]);
    expect(workbook.getWorksheet("账龄分析")!.getCell("A1").value).toBe("my own notes");
    expect(workbook.getWorksheet("台账")!.getTables().length).toBe(1);
  });

  it("writes values, number formats, fills, frozen panes, widths, conditional formats and the marker", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const sheet = workbook.getWorksheet("Results")!;
    expect(sheet.getCell("B2").value).toBe(1000.5);
    expect(sheet.getCell("B2").numFmt).toBe("#,##0.00");
    expect(sheet.getCell("C2").numFmt).toBe("yyyy-mm-dd");
    // A date-formatted number reads back as a Date: 2026-11-23.
    expect((sheet.getCell("C2").value as Date).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect((sheet.getCell("A1").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFD9D9D9");
    expect((sheet.getCell("A6").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(30);
    const rules = (sheet as unknown as { conditionalFormattings: { ref: string; rules: { operator: string; formulae: string[] }[] }[] }).conditionalFormattings;
    expect(rules).toHaveLength(1);
    expect(rules[0].ref).toBe("B2:B6");
    expect(rules[0].rules[0]).toMatchObject({ operator: "greaterThan", formulae: ["3000"] });
    const store = workbook.getWorksheet(STORE_SHEET)!;
    expect(store.state).toBe("veryHidden");
    const rows: CellValue[][] = [];
    store.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => toCellValue(value, false))));
    const listed = readGeneratedList(storeFromRows(rows)[GENERATED_KEY]);
    expect(listed.sheets.map((sheet) => sheet.name)).toEqual(["账龄分析 (2)", "Results"]);
  });

  it("writes hostile strings as text, not formulas", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const sheet = workbook.getWorksheet("Results")!;
    HOSTILE.forEach((text, i) => {
      const cell = sheet.getCell(i + 2, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    });
  });

  it("marks its sheets generated on reading, and replaces only them on the next write", async () => {
    const second = path.join(dir, "output2.xlsx");
    const adapter = new ExcelJsAdapter({ input: output, output: second });
    const data = await adapter.read();
    expect(data.sheets.map((sheet) => [sheet.name, sheet.generated])).toEqual([
      ["台账", false],
      ["账龄分析", false],
      ["账龄分析 (2)", true],
      ["Results", true],
    ]);
    // Its own sheets are never scanned (nothing reads their cells); the user's are.
    expect(data.sheets.map((sheet) => sheet.rows.length)).toEqual([expect.any(Number), 1, 0, 0]);
    expect(data.sheets[0].rows.length).toBeGreaterThan(1);
    const plan = resultPlan("Results");
    plan.values[1][1] = 7;
    expect(await adapter.writePlans([plan, resultPlan("账龄分析")])).toEqual(["Results", "账龄分析 (2)"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(second);
    // Replaced in place: each keeps its position among the sheets.
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["台账", "账龄分析", "账龄分析 (2)", "Results", STORE_SHEET]);
    expect(workbook.getWorksheet("Results")!.getCell("B2").value).toBe(7);
    expect(workbook.getWorksheet("账龄分析")!.getCell("A1").value).toBe("my own notes");
  });

  it("reads only the sheets wanted: the others are listed without cells, their parts never scanned", async () => {
    const data = await new ExcelJsAdapter({ input: output }).read({ sheets: (name) => name === "账龄分析" });
    expect(data.sheets.map((sheet) => [sheet.name, sheet.rows.length])).toEqual([
      ["台账", 0],
      ["账龄分析", 1],
      ["账龄分析 (2)", 0],
      ["Results", 0],
    ]);
    expect(gridOf(data.sheets[1])).toEqual([["my own notes"]]);
  });

  it("keeps settings in a veryHidden sheet, long values split across cells", async () => {
    const settingsOut = path.join(dir, "settings.xlsx");
    const adapter = new ExcelJsAdapter({ input, output: settingsOut });
    const policy = "x".repeat(40_000);
    await adapter.writeSettings({ policy, lang: "en" });
    const data = await new ExcelJsAdapter({ input: settingsOut }).read();
    expect(data.settings).toEqual({ policy, lang: "en" });
    expect(data.sheets.map((sheet) => sheet.name)).toEqual(["台账", "账龄分析"]);
    expect(sha256(input)).toBe(inputHash);
  });

  it("adds written settings to those the input stored, and reads a broken list of generated sheets as none", async () => {
    const stored = path.join(dir, "stored.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Results").addRow(["earlier results"]);
    workbook.addWorksheet(STORE_SHEET, { state: "veryHidden" }).addRows([
      ["ar.policy", '{"replyDays":10}'],
      [GENERATED_KEY, "not json"],
    ]);
    await workbook.xlsx.writeFile(stored);
    const adapter = new ExcelJsAdapter({ input: stored, output: path.join(dir, "stored.out.xlsx") });
    const data = await adapter.read();
    expect(data.settings).toEqual({ "ar.policy": '{"replyDays":10}' });
    expect(data.sheets.map((sheet) => [sheet.name, sheet.generated])).toEqual([["Results", false]]);
    expect(data.storeErrors?.map((error) => error.field)).toEqual([GENERATED_KEY]);
    // The unreadable list protects "Results": the plan goes beside it.
    await adapter.writeSettings({ "ar.mapping": '{"invoices":{"customer":"客户"}}' });
    expect(await adapter.writePlans([resultPlan("Results")])).toEqual(["Results (2)"]);
    const reread = await new ExcelJsAdapter({ input: path.join(dir, "stored.out.xlsx") }).read();
    expect(reread.settings).toEqual({ "ar.policy": '{"replyDays":10}', "ar.mapping": '{"invoices":{"customer":"客户"}}' });
    expect(reread.sheets.map((sheet) => [sheet.name, sheet.generated])).toEqual([["Results", false], ["Results (2)", true]]);
    expect(reread.storeErrors).toBeUndefined();
  });

  it("shifts date columns to the 1904 system in a 1904 workbook", async () => {
    const input1904 = path.join(dir, "in1904.xlsx");
    const out1904 = path.join(dir, "out1904.xlsx");
    await makeInput(input1904, true);
    await new ExcelJsAdapter({ input: input1904, output: out1904 }).writePlans([resultPlan("Results")]);
    const results = (await writtenSheets(out1904)).find((sheet) => sheet.name === "Results")!;
    expect(gridOf(results)[1][2]).toBe(AS_OF_SERIAL - 1462);
    // Same calendar date as in the 1900 workbook: exceljs shows both as 2026-11-23.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out1904);
    expect((workbook.getWorksheet("Results")!.getCell("C2").value as Date).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("LibreOffice shows the same numbers, dates and the hostile strings literally", async () => {
    const sheets = await sheetsAsCsv(output);
    // LibreOffice exports hidden sheets too.
    expect([...sheets.keys()].sort()).toEqual(["Results", STORE_SHEET, "台账", "账龄分析", "账龄分析 (2)"].sort());
    const results = sheets.get("Results")!;
    expect(results[0]).toEqual(["客户", "金额", "到期日"]);
    expect(results.slice(1).map((row) => row[0])).toEqual(HOSTILE);
    // The filter exports raw numbers (token 9 "as shown" = false); dates in their date format.
    expect(results.slice(1).map((row) => row[1])).toEqual(["1000.5", "2000.5", "3000.5", "4000.5", "5000.5"]);
    expect(results.slice(1).map((row) => row[2])).toEqual(["2026-11-23", "2026-11-22", "2026-11-21", "2026-11-20", "2026-11-19"]);
    expect(sheets.get("账龄分析")![0][0]).toBe("my own notes");
    expect(sheets.get("台账")![3].slice(0, 4)).toEqual(["华东精密机械有限公司", "INV-001", expect.any(String), "1234.56"]);
  }, 180_000);
});

describe("a sheet formatted far below its values", () => {
  it("reads the values only, and copies the formatted sheet as it is stored, without re-saving its rows", async () => {
    const input = path.join(dir, "formatted.xlsx");
    const output = path.join(dir, "formatted.out.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Invoices");
    sheet.addRow(["Customer", "Amount"]);
    sheet.addRow(["Big Co", 100]);
    sheet.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const style = /<c r="A1" s="(\d+)"/.exec(xml)![1];
    const empty: string[] = [];
    for (let r = 3; r <= 60_002; r++) empty.push(`<row r="${r}"${r === 5 ? ' hidden="1"' : ""}><c r="A${r}" s="${style}"/><c r="B${r}" s="${style}"/></row>`);
    zip.file("xl/worksheets/sheet1.xml", xml.replace("</sheetData>", `${empty.join("")}</sheetData>`));
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const adapter = new ExcelJsAdapter({ input, output });
    const started = process.cpuUsage();
    const data = await adapter.read();
    expect(gridOf(data.sheets[0])).toEqual([["Customer", "Amount"], ["Big Co", 100]]);
    // Row 5 is hidden but holds nothing: not reported.
    expect(data.sheets[0].hiddenRows).toEqual([]);
    expect(await adapter.writePlans([resultPlan("Results")])).toEqual(["Results"]);
    const used = process.cpuUsage(started);
    // exceljs needs several seconds for these rows; the reader and the copy a fraction of one.
    expect((used.user + used.system) / 1000).toBeLessThan(2_000);
    // The formatted sheet is in the output, its 60,002 rows copied, never re-saved.
    const copied = await JSZip.loadAsync(readFileSync(output));
    expect(await copied.file("xl/worksheets/sheet1.xml")!.async("string")).toBe(await zip.file("xl/worksheets/sheet1.xml")!.async("string"));
    expect(gridOf((await new ExcelJsAdapter({ input: output }).read()).sheets[0])).toEqual([["Customer", "Amount"], ["Big Co", 100]]);
  });
});
