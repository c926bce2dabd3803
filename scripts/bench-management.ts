/**
 * Benchmark of the management report against the aging job on the same ledger, in one process:
 * 100,000 invoices of 1,000 customers issued over 18 months, a dated payments table (naming the
 * invoice or not, with a method) and a customers table with salespeople and regions, as an .xlsx
 * read and written through the exceljs adapter — the path of `ar-addin aging` and `ar-addin report`.
 * Target: the management report (two as-of rebuilds, the twelve month-end rebuilds in one pass,
 * five sheets) costs at most 1.5 × the aging job. Runs alternate, the best of five of each is compared;
 * CPU time is reported beside wall time with the load average, since the machine may be shared.
 * Run: npm run bench:management (node scripts/bench/run-ts.js scripts/bench-management.ts [invoices] [customers])
 */
import * as ExcelJS from "exceljs";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "fs";
import { cpus, loadavg, tmpdir } from "os";
import * as path from "path";
import { runAging } from "../src/jobs/jobs";
import { runManagementReport } from "../src/jobs/management-job";
import { fromYmd } from "../src/rules/dates";
import { buildManagementReport } from "../src/rules/management";
import { DEFAULT_POLICY } from "../src/rules/policy";
import { buildReport } from "../src/rules/report";
import { ExcelJsAdapter } from "../src/workbook/exceljs/adapter";
import { readLedger } from "../src/workbook/read";
import { seeded } from "./bench/seeded";

const INVOICES = Number(process.argv[2] ?? 100_000);
const CUSTOMERS = Number(process.argv[3] ?? 1_000);
const RUNS = 5;
const AS_OF = fromYmd(2026, 6, 30);
const ROOT = path.resolve(__dirname, "..");
const CACHE = path.join(ROOT, ".bench");
const DAY_MS = 86_400_000;
const METHODS = ["电汇", "电汇", "现金", "承兑汇票", "电子银行票据", null];
const PEOPLE = Array.from({ length: 12 }, (_, i) => `业务员${String(i + 1).padStart(2, "0")}`);
const REGIONS = ["华东", "华南", "华北", "西南", "东北"];

/** A day number as the UTC date exceljs writes. */
const dateOf = (day: number): Date => new Date(Date.UTC(1899, 11, 30) + day * DAY_MS);

/** Writes (once, cached) the ledger: 应收台账, 回款记录 and 客户资料. */
async function cachedLedger(invoices: number, customers: number): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const file = path.join(CACHE, `management-${invoices}-${customers}.xlsx`);
  if (existsSync(file)) return file;
  const random = seeded(invoices * 13 + customers);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const ledger = writer.addWorksheet("应收台账");
  ledger.addRow(["客户", "发票号", "开票日期", "到期日", "金额", "币种"]).commit();
  const payments: [number, string, number, string | null, string | null][] = [];
  for (let i = 0; i < invoices; i++) {
    const customer = `客户${String(1 + Math.floor(random() * customers)).padStart(5, "0")}有限公司`;
    const issued = AS_OF - Math.floor(random() * 545);
    const due = issued + (random() < 0.5 ? 30 : 60);
    const fen = 10_000 + Math.floor(random() * 9_990_000);
    const no = `INV${String(i + 1).padStart(8, "0")}`;
    const row = ledger.addRow([customer, no, dateOf(issued), dateOf(due), fen / 100, "CNY"]);
    row.getCell(3).numFmt = "yyyy-mm-dd";
    row.getCell(4).numFmt = "yyyy-mm-dd";
    row.commit();
    // Most invoices are paid, some late, some in part; about one in five by an unnamed payment (FIFO).
    const roll = random();
    const paidOn = due - 10 + Math.floor(random() * 70);
    if (roll < 0.75 && paidOn <= AS_OF) {
      const part = roll < 0.68 ? fen : Math.floor(fen * random());
      payments.push([paidOn, customer, part / 100, roll < 0.6 ? no : null, METHODS[Math.floor(random() * METHODS.length)]]);
    }
    if (i % 20_000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  ledger.commit();
  const paid = writer.addWorksheet("回款记录");
  paid.addRow(["回款日期", "客户", "回款金额", "发票号", "付款方式"]).commit();
  for (const [day, customer, amount, ref, method] of payments) {
    const row = paid.addRow([dateOf(day), customer, amount, ref, method]);
    row.getCell(1).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  paid.commit();
  const table = writer.addWorksheet("客户资料");
  table.addRow(["客户名称", "信用额度", "业务员", "区域"]).commit();
  for (let c = 1; c <= customers; c++) {
    table.addRow([`客户${String(c).padStart(5, "0")}有限公司`, 2_000_000 + (c % 20) * 500_000, PEOPLE[c % PEOPLE.length], REGIONS[c % REGIONS.length]]).commit();
  }
  table.commit();
  await writer.commit();
  return file;
}

/** Wall and CPU seconds of one job run. */
async function timed(job: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  await job();
  const used = process.cpuUsage(cpuStart);
  return { wall: Number(process.hrtime.bigint() - start) / 1e9, cpu: (used.user + used.system) / 1e6 };
}

const fmt = (list: number[]): string => list.map((s) => s.toFixed(2)).join(", ");

/** The rules alone, on the ledger read once: the aging report against the manager's view. */
async function engineOnly(input: string, output: string): Promise<string> {
  const { ledger } = readLedger(await new ExcelJsAdapter({ input, output }).read(), DEFAULT_POLICY);
  const report: number[] = [];
  const view: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    report.push((await timed(async () => buildReport(ledger, AS_OF, DEFAULT_POLICY))).cpu);
    view.push((await timed(async () => buildManagementReport(ledger, { asOf: AS_OF, policy: DEFAULT_POLICY }))).cpu);
  }
  return `rules only (cpu): buildReport ${fmt(report)} s; buildManagementReport ${fmt(view)} s (the report, the aging at the period's start, flows, one pass for 24 month ends)`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const input = await cachedLedger(INVOICES, CUSTOMERS);
  console.log(`ledger: ${INVOICES} invoices of ${CUSTOMERS} customers (${((Date.now() - started) / 1000).toFixed(1)} s to prepare), ${input}`);
  const out = mkdtempSync(path.join(tmpdir(), "ar-bench-management-"));
  const aging: { wall: number; cpu: number }[] = [];
  const report: { wall: number; cpu: number }[] = [];
  let sheets: string[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      aging.push(await timed(() => runAging(new ExcelJsAdapter({ input, output: path.join(out, `aging-${run}.xlsx`) }), { asOf: AS_OF, lang: "zh-CN" })));
      report.push(
        await timed(async () => {
          const result = await runManagementReport(new ExcelJsAdapter({ input, output: path.join(out, `report-${run}.xlsx`) }), { asOf: AS_OF, lang: "zh-CN" });
          sheets = result.sheets;
        }),
      );
    }
    console.log(await engineOnly(input, path.join(out, "unused.xlsx")));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const best = (list: { wall: number }[]): number => Math.min(...list.map((r) => r.wall));
  const bestCpu = (list: { cpu: number }[]): number => Math.min(...list.map((r) => r.cpu));
  const ratio = best(report) / best(aging);
  console.log(`aging job:         wall ${fmt(aging.map((r) => r.wall))} s; cpu ${fmt(aging.map((r) => r.cpu))} s`);
  console.log(`management report: wall ${fmt(report.map((r) => r.wall))} s; cpu ${fmt(report.map((r) => r.cpu))} s (${sheets.length} sheets)`);
  console.log(
    `management ÷ aging: ${ratio.toFixed(2)} × wall (best ${best(report).toFixed(2)} s ÷ ${best(aging).toFixed(2)} s), ` +
      `${(bestCpu(report) / bestCpu(aging)).toFixed(2)} × cpu; target ≤ 1.50 ${ratio <= 1.5 ? "ok" : "MISSED"}; ` +
      `load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
