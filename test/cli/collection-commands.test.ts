/**
 * `ar-addin log` and `ar-addin statements`, run in-process on a small workbook: a copy written,
 * the input untouched, figures by hand. As of 2026-11-23 (serial 46349).
 */
import * as ExcelJS from "exceljs";
import { createHash } from "crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { ExcelJsAdapter } from "../../src/workbook/exceljs/adapter";
import { readLedger } from "../../src/workbook/read";
import { DEFAULT_POLICY } from "../../src/rules/policy";

let dir: string;
let input: string;

async function run(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, now: () => new Date(2026, 10, 23, 9, 0) };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}

const sha256 = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

/**
 * 甲公司: INV-1 20,000.00 of 2026-09-15 due 10-15; INV-2 5,000.00 of 11-05 due 12-05; 12,000.00 received 11-20.
 * November: opening 20,000.00 → +5,000.00 → −12,000.00 → closing 13,000.00 (INV-1 8,000.00 in 31–60, INV-2 5,000.00 not due).
 */
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "ar-cli-collection-"));
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("应收台账").addRows([
    ["客户", "发票号", "开票日期", "到期日", "金额"],
    ["甲公司", "INV-1", "2026-09-15", "2026-10-15", 20000],
    ["甲公司", "INV-2", "2026-11-05", "2026-12-05", 5000],
  ]);
  workbook.addWorksheet("回款记录").addRows([["收款日期", "客户", "收款金额"], ["2026-11-20", "甲公司", 12000]]);
  input = path.join(dir, "ledger.xlsx");
  await workbook.xlsx.writeFile(input);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("ar-addin log", () => {
  test("appends the contact to a copy, creating the log; the input untouched; the copy reads back as a promise", async () => {
    const before = sha256(input);
    const result = await run("log", input, "--customer", "甲公司", "--channel", "电话", "--outcome", "已承诺", "--promise-date", "2026-11-30", "--promise-amount", "20000", "--next", "2026-12-01", "--collector", "张三");
    expect(result).toEqual({ status: 0, stdout: `甲公司：联系已登记在“催收记录”第 2 行，已写入 ${path.join(dir, "ledger.log.xlsx")}\n`, stderr: "" });
    expect(sha256(input)).toBe(before);
    const read = readLedger(await new ExcelJsAdapter({ input: path.join(dir, "ledger.log.xlsx") }).read(), DEFAULT_POLICY);
    expect(read.mapping.log?.tableName).toBe("AR_CollectionLog");
    expect(read.ledger.log).toEqual([
      expect.objectContaining({ date: 46349, customer: "甲公司", channel: "phone", outcome: "promised", promisedDate: 46356, promisedAmount: 2000000, nextAction: 46357, collector: "张三" }),
    ]);
  });

  test("a second contact on the copy goes below the first (English words read back the same)", async () => {
    const first = path.join(dir, "ledger.log.xlsx");
    const second = path.join(dir, "second.xlsx");
    const result = await run("log", first, "--customer", "甲公司", "--channel", "email", "--outcome", "no answer", "--date", "2026-11-24", "--out", second, "--lang", "en", "--json");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).appended).toEqual({ sheet: "催收记录", tableName: "AR_CollectionLog", created: false, firstRow: 3 });
    const read = readLedger(await new ExcelJsAdapter({ input: second }).read(), DEFAULT_POLICY);
    expect(read.ledger.log?.map((entry) => [entry.date, entry.channel, entry.outcome])).toEqual([
      [46349, "phone", "promised"],
      [46350, "email", "noAnswer"],
    ]);
  });

  test("problems with the contact: each on stderr in the language asked for, exit 1, nothing written", async () => {
    const out = path.join(dir, "bad.xlsx");
    const result = await run("log", input, "--customer", "丙公司", "--channel", "传真", "--promise-amount", "500", "--out", out);
    expect(result.status).toBe(1);
    expect(result.stderr.split("\n").filter(Boolean)).toEqual([
      "ar-addin: 发票表中没有客户“丙公司”",
      "ar-addin: “传真” 不是催收方式：请用电话、邮件、短信、上门、催款函、律师函、其他",
      "ar-addin: 还款承诺须同时有承诺日期和承诺金额：缺少承诺日期",
    ]);
    expect(existsSync(out)).toBe(false);
  });

  test("a bad command line: a missing --channel, a date that is not one", async () => {
    expect(await run("log", input, "--customer", "甲公司", "--lang", "en")).toEqual({ status: 2, stdout: "", stderr: "ar-addin: log needs --channel\n" });
    expect((await run("log", input, "--customer", "甲公司", "--channel", "phone", "--next", "2026-02-30", "--lang", "en")).stderr).toBe(
      'ar-addin: bad --next "2026-02-30": use a real date as YYYY-MM-DD, e.g. 2026-11-23\n',
    );
  });
});

describe("ar-addin statements", () => {
  test("November 2026: the sheet in a copy, the input untouched; JSON with the figures by hand", async () => {
    const before = sha256(input);
    const result = await run("statements", input, "--from", "2026-11-01", "--to", "2026-11-30", "--json");
    expect(result.status).toBe(0);
    expect(sha256(input)).toBe(before);
    const [statement] = JSON.parse(result.stdout).statements;
    expect(statement).toEqual({
      customer: "甲公司", currency: "CNY", from: "2026-11-01", to: "2026-11-30", opening: "20000.00",
      lines: [
        { date: "2026-11-05", kind: "invoice", reference: "INV-2", debit: "5000.00", credit: "0.00", balance: "25000.00" },
        { date: "2026-11-20", kind: "payment", reference: "", debit: "0.00", credit: "12000.00", balance: "13000.00" },
      ],
      closing: "13000.00", buckets: ["5000.00", "0.00", "8000.00", "0.00", "0.00"], unappliedCredit: "0.00",
    });
    const data = await new ExcelJsAdapter({ input: path.join(dir, "ledger.statements.xlsx") }).read();
    expect(data.sheets.map((s) => s.name)).toContain("对账单 2026-11-30");
  });

  test("--docx single: one Word file with the statement's tables and the confirmation slip; --docx per-customer: one per customer", async () => {
    const result = await run("statements", input, "--from", "2026-11-01", "--to", "2026-11-30", "--docx", "single", "--lang", "en");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("statements: 1");
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, "ledger.statements.docx")));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
    expect(xml).toContain("Statement of account: 甲公司");
    expect(xml).toContain("Closing balance (2026-11-30)");
    expect(xml).toContain("13,000.00");
    expect(xml).toContain("Balance confirmed");
    await run("statements", input, "--from", "2026-11-01", "--to", "2026-11-30", "--docx", "per-customer", "--out", path.join(dir, "per.xlsx"));
    expect(readdirSync(path.join(dir, "per-docx"))).toEqual(["甲公司 - 2026-11-30.docx"]);
  });

  test("--from and --to are required", async () => {
    expect((await run("statements", input, "--to", "2026-11-30", "--lang", "en")).stderr).toBe("ar-addin: statements needs --from\n");
  });
});
