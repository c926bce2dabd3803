/**
 * `ar-addin report` in-process (main with collecting streams) on the hand-worked scenario
 * (test/support/management-scenario.ts) written as an .xlsx, and its output opened in LibreOffice.
 */
import * as ExcelJS from "exceljs";
import { existsSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import type { JsonManagement } from "../../src/jobs/json-management";
import { sheetsAsCsv } from "../support/libreoffice";
import { SCENARIO_CUSTOMERS, SCENARIO_INVOICES, SCENARIO_PAYMENTS } from "../support/management-scenario";

let dir: string;
let input: string;

const d = (text: string): Date => new Date(`${text}T00:00:00Z`);

/** The scenario as an .xlsx: 应收台账, 客户资料 and 回款记录 (with a 付款方式 column). */
async function writeScenario(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const invoices = workbook.addWorksheet("应收台账");
  invoices.addRow(["客户", "发票号", "开票日期", "到期日", "金额", "币种", "业务员", "区域"]);
  for (const [customer, no, issued, due, total, currency, salesperson, region] of SCENARIO_INVOICES) {
    const row = invoices.addRow([customer, no, d(issued), d(due), Number(total), currency, salesperson || null, region || null]);
    row.getCell(3).numFmt = "yyyy-mm-dd";
    row.getCell(4).numFmt = "yyyy-mm-dd";
  }
  const customers = workbook.addWorksheet("客户资料");
  customers.addRow(["客户名称", "信用额度", "信用等级", "业务员", "区域"]);
  for (const [name, limit, grade, salesperson, region] of SCENARIO_CUSTOMERS) {
    customers.addRow([name, limit === null ? null : Number(limit), grade || null, salesperson || null, region || null]);
  }
  const payments = workbook.addWorksheet("回款记录");
  payments.addRow(["回款日期", "客户", "回款金额", "币种", "发票号", "付款方式"]);
  for (const [date, customer, paid, currency, ref, method] of SCENARIO_PAYMENTS) {
    payments.addRow([d(date), customer, Number(paid), currency, ref || null, method]).getCell(1).numFmt = "yyyy-mm-dd";
  }
  await workbook.xlsx.writeFile(file);
}

async function run(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, now: () => new Date(2026, 2, 31, 9, 0) };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "ar-report-"));
  input = path.join(dir, "scenario.xlsx");
  await writeScenario(input);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("ar-addin report", () => {
  test("--json: the measures, subtotals and trend worked out by hand; <name>.report.xlsx beside the input", async () => {
    const result = await run("report", input, "--as-of", "2026-03-31", "--json", "--quiet");
    expect([result.status, result.stderr]).toEqual([0, ""]);
    const json = JSON.parse(result.stdout) as JsonManagement;
    expect(json.errors).toEqual([]);
    expect(json.measures.map((m) => [m.currency, m.closingReceivables, m.dsoCountBack, m.collectionRate, m.cashRatio])).toEqual([
      ["CNY", "105000.00", "100.2", "82.50", "69.70"],
      ["USD", "1000.00", "30.0", "0.00", null],
    ]);
    expect(json.bySalesperson.map((s) => [s.key, s.currency, s.outstanding, s.colour])).toEqual([
      ["张三", "CNY", "68000.00", "red"],
      ["李四", "CNY", "32000.00", "amber"],
      ["", "CNY", "5000.00", "red"],
      ["李四", "USD", "1000.00", "amber"],
    ]);
    expect(json.dso[0].points.map((p) => p.receivables).slice(-3)).toEqual(["95000.00", "130000.00", "105000.00"]);
    expect(existsSync(path.join(dir, "scenario.report.xlsx"))).toBe(true);
  });

  test("without --json: the period, the sheets and a line per currency, in the --lang asked for", async () => {
    const result = await run("report", input, "--as-of", "2026-03-31", "--lang", "en", "--out", path.join(dir, "en.xlsx"));
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      `report as of 2026-03-31: wrote ${path.join(dir, "en.xlsx")}`,
      "  period 2026-03-01 to 2026-03-31",
      "  sheets: Management report 2026-03-31, Customer RAG 2026-03-31, DSO trend 2026-03-31, Provision 2026-03-31, Month over month 2026-03-31",
    ]);
    const cells = (line: string): string[] => line.trim().split(/\s{2,}/);
    expect(cells(lines[3])).toEqual(["Currency", "Outstanding", "% overdue", "DSO (days)", "Collection rate", "Cash ratio", "Red/amber/green"]);
    expect(cells(lines[4])).toEqual(["CNY", "105,000.00", "92.4%", "100.2", "82.5%", "69.7%", "2/1/1"]);
    expect(cells(lines[5])).toEqual(["USD", "1,000.00", "0.0%", "30.0", "0.0%", "-", "0/1/0"]);
  });

  test("--salesperson 张三 --from 2026-01-01: only 张三's customers over the first quarter", async () => {
    const result = await run("report", input, "--as-of", "2026-03-31", "--from", "2026-01-01", "--salesperson", "张三", "--json", "--quiet", "--out", path.join(dir, "zhang.xlsx"));
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as JsonManagement;
    expect([json.salesperson, json.from, json.totals.map((s) => [s.currency, s.outstanding])]).toEqual(["张三", "2026-01-01", [["CNY", "68000.00"]]]);
    // Opening 2025-12-31: J1 50,000.00; sales J2 30,000 + B1 10,000 + B2 8,000; collected 20,000 + 10,000
    expect([json.measures[0].openingReceivables, json.measures[0].creditSales, json.measures[0].collected]).toEqual(["50000.00", "48000.00", "30000.00"]);
  });

  test("a bad command line exits 2 with one line; an unknown salesperson exits 1 naming those there are", async () => {
    expect(await run("aging", input, "--from", "2026-01-01", "--lang", "en")).toEqual({ status: 2, stdout: "", stderr: "ar-addin: --from works with the report and statements commands only\n" });
    expect((await run("report", input, "--from", "2026-02-30", "--lang", "en")).stderr).toBe('ar-addin: bad --from "2026-02-30": use a real date as YYYY-MM-DD, e.g. 2026-03-01\n');
    const unknown = await run("report", input, "--as-of", "2026-03-31", "--salesperson", "赵六", "--quiet");
    expect([unknown.status, unknown.stderr]).toEqual([1, "ar-addin: 台账中没有业务员“赵六”的客户。台账中的业务员：张三；李四。\n"]);
  });

  test("LibreOffice opens the output: the five sheets, the measures and the trend as computed", async () => {
    const output = path.join(dir, "lo.xlsx");
    expect((await run("report", input, "--as-of", "2026-03-31", "--quiet", "--out", output)).status).toBe(0);
    const sheets = await sheetsAsCsv(output);
    for (const name of ["管理报表 2026-03-31", "客户预警 2026-03-31", "DSO趋势 2026-03-31", "坏账准备 2026-03-31", "月度对比 2026-03-31"]) expect(sheets.has(name)).toBe(true);
    const summary = sheets.get("管理报表 2026-03-31")!;
    expect(summary[0][0]).toBe("管理报表：2026-03-01 至 2026-03-31");
    expect(summary.find((row) => row[0] === "期末应收余额（2026-03-31）")!.slice(1, 3)).toEqual(["105000", "1000"]);
    expect(summary.find((row) => row[0] === "张三")!.slice(0, 5)).toEqual(["张三", "CNY", "红", "2", "68000"]);
    const trend = sheets.get("DSO趋势 2026-03-31")!;
    expect(trend[12].slice(0, 6)).toEqual(["2026-03-31", "105000", "8000", "138000", "277.717391", "100.2"]);
    const customers = sheets.get("客户预警 2026-03-31")!;
    expect(customers.slice(1).map((row) => row[4])).toEqual(["红", "红", "黄", "黄", "绿"]);
  }, 180_000);
});
