/**
 * The built command line, run as a child process on small hand-computed ledgers.
 * Report date 2026-11-23 throughout. Figures below are worked out by hand in the comments.
 */
import * as ExcelJS from "exceljs";
import { execFileSync, spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "ar-addin.js");
const AS_OF = "2026-11-23";

let dir: string;

beforeAll(() => {
  execFileSync("npm", ["run", "build:cli", "--silent"], { cwd: ROOT, stdio: "pipe" });
  dir = mkdtempSync(path.join(tmpdir(), "ar-cli-"));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

const d = (text: string): Date => new Date(`${text}T00:00:00Z`);

/**
 * 甲公司 — one invoice per bucket edge (days overdue = 2026-11-23 − due date):
 *   A1 due 11-23 →  0 days, not due   1000.00
 *   A2 due 10-24 → 30 days, 1–30      2000.00 − 已收 500.00 = 1500.00
 *   A3 due 10-23 → 31 days, 31–60     3000.00
 *   A4 due 09-24 → 60 days, 31–60      400.00
 *   A5 due 09-23 → 61 days, 61–90      500.00
 *   A6 due 08-25 → 90 days, 61–90      600.00
 *   A7 due 08-24 → 91 days, over 90    700.00
 *   buckets 1000.00 | 1500.00 | 3400.00 | 1100.00 | 700.00; outstanding 7700.00, overdue 6700.00
 *   interest 0.05 %/day on the outstanding (no payment dates): 1500×30 + 3000×31 + 400×60 + 500×61
 *   + 600×90 + 700×91 = 310,200 yuan-days × 0.0005 = 155.10
 * 乙公司 — credit note and payments applied FIFO, a payment after the report date ignored:
 *   B1 due 09-01 1000.00, B2 due 10-01 2000.00; credit note −1200.00 on 10-05 (no invoice named)
 *   settles B1 (1000.00) then 200.00 of B2; an unnamed payment of 300.00 on 11-10 takes B2 to
 *   1500.00; a payment of 1500.00 on 11-30 naming B2 is after the report date and ignored.
 *   B2 is 53 days overdue → 31–60: buckets 0 | 0 | 1500.00 | 0 | 0; outstanding = overdue = 1500.00
 * Totals: 1000.00 | 1500.00 | 4900.00 | 1100.00 | 700.00; outstanding 9200.00; overdue 8200.00
 */
async function handLedger(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const invoices = workbook.addWorksheet("应收台账");
  invoices.addRow(["客户", "发票号", "开票日期", "到期日", "金额", "已收"]);
  const rows: [string, string, string, string, number, number | null][] = [
    ["甲公司", "A1", "2026-10-24", "2026-11-23", 1000, null],
    ["甲公司", "A2", "2026-09-24", "2026-10-24", 2000, 500],
    ["甲公司", "A3", "2026-09-23", "2026-10-23", 3000, null],
    ["甲公司", "A4", "2026-08-25", "2026-09-24", 400, null],
    ["甲公司", "A5", "2026-08-24", "2026-09-23", 500, null],
    ["甲公司", "A6", "2026-07-26", "2026-08-25", 600, null],
    ["甲公司", "A7", "2026-07-25", "2026-08-24", 700, null],
    ["乙公司", "B1", "2026-08-02", "2026-09-01", 1000, null],
    ["乙公司", "B2", "2026-09-01", "2026-10-01", 2000, null],
    ["乙公司", "CN1", "2026-10-05", "2026-10-05", -1200, null],
  ];
  for (const [customer, no, issued, due, amount, received] of rows) {
    const row = invoices.addRow([customer, no, d(issued), d(due), amount, received]);
    row.getCell(3).numFmt = "yyyy-mm-dd";
    row.getCell(4).numFmt = "yyyy-mm-dd";
  }
  const payments = workbook.addWorksheet("回款");
  payments.addRow(["回款日期", "客户", "回款金额", "发票号"]);
  payments.addRow([d("2026-11-10"), "乙公司", 300, null]).getCell(1).numFmt = "yyyy-mm-dd";
  payments.addRow([d("2026-11-30"), "乙公司", 1500, "B2"]).getCell(1).numFmt = "yyyy-mm-dd";
  await workbook.xlsx.writeFile(file);
}

describe("aging --json on a hand-computed ledger", () => {
  let input: string;
  let report: {
    asOf: string;
    customers: { customer: string; buckets: string[]; outstanding: string; overdue: string; interest: string; maxDaysOverdue: number }[];
    totals: { buckets: string[]; outstanding: string; overdue: string; customers: number };
    errors: unknown[];
  };
  let inputHash: string;

  beforeAll(async () => {
    input = path.join(dir, "hand.xlsx");
    await handLedger(input);
    inputHash = sha256(input);
    const result = run("aging", input, "--as-of", AS_OF, "--json", "--quiet");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    report = JSON.parse(result.stdout);
  });

  it("ages every edge: due today is not due; 30/31, 60/61, 90/91 days fall either side", () => {
    expect(report.asOf).toBe(AS_OF);
    expect(report.errors).toEqual([]);
    const jia = report.customers.find((customer) => customer.customer === "甲公司")!;
    expect(jia.buckets).toEqual(["1000.00", "1500.00", "3400.00", "1100.00", "700.00"]);
    expect(jia.outstanding).toBe("7700.00");
    expect(jia.overdue).toBe("6700.00");
    expect(jia.maxDaysOverdue).toBe(91);
    expect(jia.interest).toBe("155.10");
  });

  it("applies the credit note FIFO and ignores the payment dated after the report date", () => {
    const yi = report.customers.find((customer) => customer.customer === "乙公司")!;
    expect(yi.buckets).toEqual(["0.00", "0.00", "1500.00", "0.00", "0.00"]);
    expect(yi.outstanding).toBe("1500.00");
    expect(yi.overdue).toBe("1500.00");
    expect(yi.maxDaysOverdue).toBe(53);
  });

  it("keeps the interest accrued on an invoice before it was settled (POLICY §6)", () => {
    // B1: 1000.00 × 34 days (09-01 → 10-05, settled by the credit note) = 34,000 yuan-days.
    // B2: 2000.00 × 4 (10-01 → 10-05) + 1800.00 × 36 (→ 11-10) + 1500.00 × 13 (→ 11-23)
    //     = 8,000 + 64,800 + 19,500 = 92,300 yuan-days.
    // × 0.0005 per day: B1 17.00 + B2 46.15 = 63.15 ("not forgotten: owed until waived").
    const yi = report.customers.find((customer) => customer.customer === "乙公司")!;
    expect(yi.interest).toBe("63.15");
  });

  it("totals add up to the fen", () => {
    expect(report.totals.customers).toBe(2);
    expect(report.totals.buckets).toEqual(["1000.00", "1500.00", "4900.00", "1100.00", "700.00"]);
    expect(report.totals.outstanding).toBe("9200.00");
    expect(report.totals.overdue).toBe("8200.00");
  });

  it("writes <name>.aging.xlsx beside the input and leaves the input unchanged", async () => {
    const output = path.join(dir, "hand.aging.xlsx");
    expect(existsSync(output)).toBe(true);
    expect(sha256(input)).toBe(inputHash);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names.slice(0, 2)).toEqual(["应收台账", "回款"]);
    expect(names).toContain("账龄分析 2026-11-23");
  });

  it("prints a readable summary without --json", () => {
    const result = run("aging", input, "--as-of", AS_OF, "--out", path.join(dir, "summary.xlsx"), "--lang", "en");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`wrote ${path.join(dir, "summary.xlsx")}`);
    expect(result.stdout).toMatch(/CNY\s+2\s+9,200\.00\s+8,200\.00\s+89\.1%/);
  });

  it("reads the same ledger from a CSV file", () => {
    // Not "hand.csv": its output would overwrite hand.aging.xlsx, which the test above reads.
    const csv = path.join(dir, "hand-csv.csv");
    writeFileSync(
      csv,
      "\uFEFF客户,发票号,开票日期,到期日,金额,已收\n甲公司,A1,2026-10-24,2026-11-23,1000.00,\n甲公司,A7,2026-07-25,2026-08-24,700.00,\n",
    );
    const result = run("aging", csv, "--as-of", AS_OF, "--json");
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.totals.buckets).toEqual(["1000.00", "0.00", "0.00", "0.00", "700.00"]);
    expect(existsSync(path.join(dir, "hand-csv.aging.xlsx"))).toBe(true);
  });
});

describe("flags and letters", () => {
  let input: string;
  beforeAll(async () => {
    input = path.join(dir, "letters.xlsx");
    await handLedger(input);
  });

  it("flags --json adds the flagged customers", () => {
    const result = run("flags", input, "--as-of", AS_OF, "--json");
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    // 甲公司 has an invoice 91 days overdue (> 60): stop shipping. 乙公司's oldest is 53 days,
    // but it has no credit limit row: limit 0 → over limit, so it is flagged as well.
    const flagged = json.flagged.map((customer: { customer: string }) => customer.customer).sort();
    expect(flagged).toContain("甲公司");
    expect(json.flagged.find((c: { customer: string }) => c.customer === "甲公司").reasons).toContain("overdueMonths");
    expect(existsSync(path.join(dir, "letters.flags.xlsx"))).toBe(true);
  });

  it("letters --docx single writes one Word file holding each customer's letter and table", async () => {
    const result = run("letters", input, "--as-of", AS_OF, "--docx", "single", "--json");
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    const customers = json.letters.map((letter: { customer: string }) => letter.customer).sort();
    expect(customers).toEqual(["乙公司", "甲公司"]);
    const docx = path.join(dir, "letters.letters.docx");
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain("甲公司");
    expect(xml).toContain("乙公司");
    // Real Word tables, one per letter, and a section break (new page) between the letters.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
    expect(xml).toContain('w:val="nextPage"');
    // The 91-day invoice A7 is a row of 甲公司's table.
    expect(xml).toContain(">A7<");
  });

  it("letters --docx per-customer writes one file per letter into a folder", () => {
    const result = run("letters", input, "--as-of", AS_OF, "--docx", "per-customer", "--out", path.join(dir, "per.xlsx"));
    expect(result.status).toBe(0);
    const files = readdirSync(path.join(dir, "per-docx")).sort();
    expect(files).toHaveLength(2);
    expect(files.every((file) => file.endsWith(".docx"))).toBe(true);
    expect(files.some((file) => file.startsWith("甲公司"))).toBe(true);
  });

  it("letters --docx single on 150,000 invoices of 1,000 customers runs within a 1 GB heap", async () => {
    const csv = path.join(dir, "big-letters.csv");
    const rows = ["客户,发票号,到期日,金额"];
    for (let i = 0; i < 150_000; i++) rows.push(`客户${i % 1000}有限公司,INV-${i},2026-0${1 + (i % 9)}-15,${(i % 997) * 10 + 100.5}`);
    writeFileSync(csv, `${rows.join("\n")}\n`);
    const result = spawnSync(process.execPath, ["--max-old-space-size=1024", BIN, "letters", csv, "--as-of", AS_OF, "--docx", "single", "--json", "--quiet"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 170_000,
      maxBuffer: 1 << 30,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).letters).toHaveLength(1000);
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, "big-letters.letters.docx")));
    const xml = await zip.file("word/document.xml")!.async("string");
    // One table per letter, 150 invoice rows each plus header and total.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1000);
    expect(xml.match(/<w:tr>/g)).toHaveLength(150_000 + 2 * 1000);
  }, 180_000);
});

describe("failures: one line on stderr, non-zero exit", () => {
  function expectOneLine(result: ReturnType<typeof run>, status: number, text: string): void {
    expect(result.status).toBe(status);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(text);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }

  it("missing file, in the language asked for (Simplified Chinese by default)", () => {
    const missing = path.join(dir, "nope.xlsx");
    expectOneLine(run("aging", missing, "--as-of", AS_OF), 1, "nope.xlsx：找不到文件");
    expectOneLine(run("aging", missing, "--as-of", AS_OF, "--lang", "zh-TW"), 1, "nope.xlsx：找不到檔案");
    expectOneLine(run("aging", missing, "--as-of", AS_OF, "--lang", "en"), 1, "nope.xlsx: file not found");
  });

  it("a text file named .xlsx", () => {
    const file = path.join(dir, "notes.xlsx");
    writeFileSync(file, "this is not a workbook\n");
    expectOneLine(run("aging", file, "--as-of", AS_OF), 1, "notes.xlsx：不是 .xlsx 工作簿（文件不是 zip 包）");
  });

  it("a corrupt zip", () => {
    const file = path.join(dir, "corrupt.xlsx");
    writeFileSync(file, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]));
    expectOneLine(run("aging", file, "--as-of", AS_OF), 1, "corrupt.xlsx：无法读取的 .xlsx 工作簿");
    expectOneLine(run("aging", file, "--as-of", AS_OF, "--lang", "en"), 1, "corrupt.xlsx: not a readable .xlsx workbook");
  });

  it("an old .xls (OLE compound file)", () => {
    const file = path.join(dir, "old.xls");
    writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    expectOneLine(run("aging", file, "--as-of", AS_OF), 1, "old.xls：旧的 .xls 格式：请另存为 .xlsx");
  });

  it("a password-protected workbook (encrypted OLE container named .xlsx)", () => {
    const file = path.join(dir, "locked.xlsx");
    writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    expectOneLine(run("aging", file, "--as-of", AS_OF), 1, "locked.xlsx：设有密码或是旧的 .xls 格式");
    const encrypted = path.join(dir, "encrypted.xlsx");
    writeFileSync(encrypted, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("EncryptedPackage", "utf16le")]));
    expectOneLine(run("aging", encrypted, "--as-of", AS_OF), 1, "encrypted.xlsx：工作簿设有密码：请在 Excel 中取消密码后另存为 .xlsx");
  });

  it("no invoices table", async () => {
    const file = path.join(dir, "empty.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").addRows([["名称", "数量"], ["螺丝", 5]]);
    await workbook.xlsx.writeFile(file);
    expectOneLine(run("aging", file, "--as-of", AS_OF), 1, "找不到发票表。最接近的是工作表“Sheet1”第1行，表头为 名称、数量。需要的列：");
    expectOneLine(run("aging", file, "--as-of", AS_OF, "--lang", "en"), 1, 'No invoices table found. Best candidate: sheet "Sheet1" row 1 with headers 名称, 数量.');
  });

  it("bad --as-of", async () => {
    const file = path.join(dir, "asof.xlsx");
    await handLedger(file);
    expectOneLine(run("aging", file, "--as-of", "2026-02-30", "--lang", "en"), 2, 'bad --as-of "2026-02-30"');
    expectOneLine(run("aging", file, "--as-of", "23/11/2026", "--lang", "en"), 2, "bad --as-of");
  });

  it("bad policy file names the field", async () => {
    const file = path.join(dir, "policy.xlsx");
    await handLedger(file);
    const policy = path.join(dir, "policy.json");
    writeFileSync(policy, JSON.stringify({ interest: { dailyRate: "-1" } }));
    expectOneLine(run("aging", file, "--as-of", AS_OF, "--policy", policy, "--lang", "en"), 1, '"interest.dailyRate"');
    writeFileSync(policy, "{ not json");
    expectOneLine(run("aging", file, "--as-of", AS_OF, "--policy", policy, "--lang", "en"), 1, "not valid JSON");
  });

  it("words a failure in the --lang language, Simplified Chinese by default", () => {
    expectOneLine(run("aging", "x.xlsx", "--colour"), 2, "未知选项 --colour");
    expectOneLine(run("aging", "x.xlsx", "--colour", "--lang", "zh-TW"), 2, "未知的選項 --colour");
  });

  it("unknown command and option", () => {
    expectOneLine(run("age", "x.xlsx", "--lang", "en"), 2, 'unknown command "age"');
    expectOneLine(run("aging", "x.xlsx", "--colour", "--lang", "en"), 2, "unknown option --colour");
  });
});

describe("help and demo", () => {
  it("--help prints the usage and exits 0", () => {
    const result = run("--help", "--lang", "en");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Usage: ar-addin <command>");
    expect(result.stdout).toContain("--docx single|per-customer");
  });

  it("demo runs the three jobs on the sample into examples/out/", () => {
    const result = run("demo", "--quiet", "--lang", "en");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("as of 2026-11-23");
    for (const job of ["aging", "flags", "letters"]) {
      expect(existsSync(path.join(ROOT, "examples", "out", `sample-ledger.${job}.xlsx`))).toBe(true);
    }
    expect(existsSync(path.join(ROOT, "examples", "out", "sample-ledger.letters.docx"))).toBe(true);
  });
});
