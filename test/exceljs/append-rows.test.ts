/**
 * The exceljs adapter's appendRows: into a copy, the input untouched; the table created on first
 * use and read back by the product's own reader; the rows already there never rewritten; cells under
 * a table refused, never overwritten or moved.
 */
import * as ExcelJS from "exceljs";
import { createHash } from "crypto";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import type { AppendRowsRequest } from "../../src/workbook/adapter-types";
import { AppendRowsError } from "../../src/workbook/append-rows";
import { ExcelJsAdapter } from "../../src/workbook/exceljs/adapter";
import { gridOf } from "../support/grid";

const HEADERS = ["联系日期", "客户", "方式", "承诺金额", "备注"];
const NOV_23 = 46349;
const request = (rows: AppendRowsRequest["rows"], headers = HEADERS): AppendRowsRequest => ({
  tableName: "AR_CollectionLog", sheetName: "催收记录", headers, rows, dateCols: [0], amountCols: [3],
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ar-append-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

async function input(name: string, build: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("应收台账").addRows([["客户", "发票号", "到期日", "金额"], ["甲公司", "INV-1", NOV_23 - 39, 20000]]);
  build(workbook);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("ExcelJsAdapter.appendRows", () => {
  test("first use: a table AR_CollectionLog on a new sheet 催收记录 in the copy; the input untouched", async () => {
    const file = await input("first.xlsx", () => undefined);
    const before = sha256(file);
    const output = path.join(dir, "first.log.xlsx");
    const result = await new ExcelJsAdapter({ input: file, output }).appendRows(request([[NOV_23, "甲公司", "电话", 20000, "=1+2"]]));
    expect(result).toEqual({ sheet: "催收记录", tableName: "AR_CollectionLog", created: true, firstRow: 2 });
    expect(sha256(file)).toBe(before);
    const data = await new ExcelJsAdapter({ input: output }).read();
    expect(data.tables).toEqual([{ name: "AR_CollectionLog", sheet: "催收记录", headerRow: 0, firstCol: 0, rowCount: 1, columnCount: 5 }]);
    expect(gridOf(data.sheets.find((s) => s.name === "催收记录")!)).toEqual([HEADERS, [NOV_23, "甲公司", "电话", 20000, "=1+2"]]);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(output);
    expect(copy.getWorksheet("催收记录")?.getCell("A2").numFmt).toBe("yyyy-mm-dd");
    expect(copy.getWorksheet("催收记录")?.getCell("E2").formula).toBeUndefined();
  });

  test("an existing table: the rows go below it, under its headers; a second append through the same adapter follows the first", async () => {
    const file = await input("existing.xlsx", (workbook) => {
      const sheet = workbook.addWorksheet("Log");
      sheet.addTable({ name: "AR_CollectionLog", ref: "A1", headerRow: true, columns: ["备注", "客户", "联系日期", "方式", "承诺金额"].map((name) => ({ name })), rows: [["first", "甲公司", NOV_23 - 5, "电话", null]] });
    });
    const before = sha256(file);
    const output = path.join(dir, "existing.log.xlsx");
    const adapter = new ExcelJsAdapter({ input: file, output });
    const result = await adapter.appendRows(request([[NOV_23, "甲公司", "邮件", null, "second"], [NOV_23, "甲公司", "短信", 500, "third"]]));
    expect(result).toEqual({ sheet: "Log", tableName: "AR_CollectionLog", created: false, firstRow: 3 });
    expect(await adapter.appendRows(request([[NOV_23 + 1, "甲公司", "上门", null, "fourth"]]))).toEqual({ sheet: "Log", tableName: "AR_CollectionLog", created: false, firstRow: 5 });
    expect(sha256(file)).toBe(before);
    const data = await new ExcelJsAdapter({ input: output }).read();
    expect(data.tables).toEqual([{ name: "AR_CollectionLog", sheet: "Log", headerRow: 0, firstCol: 0, rowCount: 4, columnCount: 5 }]);
    expect(gridOf(data.sheets.find((s) => s.name === "Log")!)).toEqual([
      ["备注", "客户", "联系日期", "方式", "承诺金额"],
      ["first", "甲公司", NOV_23 - 5, "电话", null],
      ["second", "甲公司", NOV_23, "邮件", null],
      ["third", "甲公司", NOV_23, "短信", 500],
      ["fourth", "甲公司", NOV_23 + 1, "上门", null],
    ]);
    // The copy still opens in exceljs with the grown table.
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(output);
    expect(copy.getWorksheet("Log")?.getCell("B5").value).toBe("甲公司");
  });

  test("cells under the table or a column the table lacks: refused, nothing written over", async () => {
    const file = await input("below.xlsx", (workbook) => {
      const sheet = workbook.addWorksheet("Log");
      sheet.addTable({ name: "AR_CollectionLog", ref: "A1", headerRow: true, columns: HEADERS.map((name) => ({ name })), rows: [[NOV_23 - 5, "甲公司", "电话", null, "first"]] });
      sheet.getCell("A3").value = "说明：请勿覆盖";
    });
    const below = new ExcelJsAdapter({ input: file, output: path.join(dir, "below.log.xlsx") });
    await expect(below.appendRows(request([[NOV_23, "甲公司", "邮件", null, "second"]]))).rejects.toMatchObject({ code: "append.rowsBelow" });
    const lacks = new ExcelJsAdapter({ input: file, output: path.join(dir, "lacks.log.xlsx") });
    await expect(lacks.appendRows(request([[NOV_23, "甲公司", "电话", null, null]], [...HEADERS.slice(0, 4), "结果"]))).rejects.toBeInstanceOf(AppendRowsError);
  });
});
