/**
 * Micro-benchmark of the workbook layer: readLedger and the sheet plans on in-memory workbooks,
 * without any adapter. Two ledgers:
 *  - "pane": the ledger of bench-pane / bench-e2e (test/browser/bench-workbook.ts, same generator
 *    and seed): 100,000 invoices of 1,000 customers, number cells for dates and amounts, as the
 *    Office.js adapter hands them over. Timed: readLedger, buildReport (for context: src/rules),
 *    agingPlan, detailPlan, flagsPlan.
 *  - "mixed": the ledger of bench-read.ts (title rows, text amounts with ¥ and grouping, text and
 *    serial dates, a few bad rows, a customers sheet). Timed: readLedger.
 * Each phase is timed on its own after a full collection, best of 3 runs (BENCH_RUNS=n for more;
 * the machine may be shared, so CPU time is given beside wall time), in ms.
 * Run: npm run bench, or node scripts/bench/run-ts.js scripts/bench-ledger.ts [invoices] [customers]
 */
import { loadavg, cpus } from "os";
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { fromYmd } from "../src/rules/dates";
import { DEFAULT_POLICY } from "../src/rules/policy";
import { buildReport } from "../src/rules/report";
import type { CellValue, WorkbookData } from "../src/workbook/adapter-types";
import { agingPlan, detailPlan, flagsPlan } from "../src/workbook/plans";
import { readLedger } from "../src/workbook/read";
import { benchSpec, BENCH_AS_OF } from "../test/browser/bench-workbook";

const INVOICES = Number(process.argv[2] ?? 100_000);
const CUSTOMERS = Number(process.argv[3] ?? 1_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

/** Deterministic 32-bit generator (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The pane's workbook as WorkbookData, as the Office.js adapter reads it from the stand-in: the
 * values arrive as JSON, so every text is a flat string of its own (no concatenations to flatten).
 */
function paneWorkbook(): WorkbookData {
  const spec = benchSpec(INVOICES, CUSTOMERS);
  return {
    sheets: spec.sheets.map((sheet) => ({ name: sheet.name, rows: JSON.parse(JSON.stringify(sheet.cells)) as CellValue[][], firstRow: 0, firstCol: 0, generated: false })),
    tables: [],
    dateSystem: "1900",
    settings: {},
  };
}

/** bench-read.ts's workbook: text and number amounts, serial and text dates, a few bad rows. */
function mixedWorkbook(): WorkbookData {
  const random = seeded(20260331);
  const customerCount = 2 * CUSTOMERS;
  const names = Array.from({ length: customerCount }, (_, i) => `客户${String(i).padStart(5, "0")}有限公司`);
  const rows: CellValue[][] = [
    ["XX贸易有限公司 应收账款台账"],
    ["截止日期", "2026-03-31"],
    [],
    ["序号", "客户名称", "发票号码", "开票日期", "到期日", "价税合计", "已收金额", "币种", "业务员", "是否争议"],
  ];
  for (let i = 0; i < INVOICES; i++) {
    const issued = 45658 + Math.floor(random() * 450);
    const fen = 1000 + Math.floor(random() * 100_000_000);
    const amount: CellValue = i % 3 === 0 ? `¥${(fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}` : fen / 100;
    const received: CellValue = random() < 0.5 ? 0 : Math.floor(fen * random()) / 100;
    const due: CellValue = i % 5 === 0 ? `2026-${String(1 + (i % 12)).padStart(2, "0")}-15` : issued + 30;
    rows.push([
      i + 1,
      names[Math.floor(random() * customerCount)],
      `INV-${String(i).padStart(7, "0")}`,
      issued,
      i % 10_000 === 9_999 ? "2026-13-01" : due,
      amount,
      received,
      i % 7 === 0 ? "人民币" : null,
      `业务员${i % 40}`,
      random() < 0.01 ? "是" : null,
    ]);
  }
  const customers: CellValue[][] = [["客户名称", "信用额度", "账期", "联系人"]];
  names.forEach((name, i) => customers.push([name, 100_000 + i * 10, 30, `联系人${i}`]));
  return {
    sheets: [
      { name: "应收台账", rows: JSON.parse(JSON.stringify(rows)) as CellValue[][], firstRow: 0, firstCol: 0, generated: false },
      { name: "客户资料", rows: JSON.parse(JSON.stringify(customers)) as CellValue[][], firstRow: 0, firstCol: 0, generated: false },
    ],
    tables: [],
    dateSystem: "1900",
    settings: {},
  };
}

/**
 * A full collection before each phase, so that a phase is not charged for collecting what the
 * phases before it left (each still pays for its own garbage).
 */
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

/** Best wall time and best CPU time (user + system of the process, GC threads included) per phase. */
const best = new Map<string, { wall: number; cpu: number }>();
function timed<T>(phase: string, work: () => T): T {
  collect();
  const cpuStarted = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = work();
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpuStarted);
  const cpu = (used.user + used.system) / 1000;
  const previous = best.get(phase) ?? { wall: Infinity, cpu: Infinity };
  best.set(phase, { wall: Math.min(previous.wall, wall), cpu: Math.min(previous.cpu, cpu) });
  return result;
}

const [year, month, day] = BENCH_AS_OF.split("-").map(Number);
const asOf = fromYmd(year, month, day);
const pane = paneWorkbook();
const mixed = mixedWorkbook();
const lang = "zh-CN";
let summary = "";
for (let run = 0; run < RUNS; run++) {
  const read = timed("pane: readLedger", () => readLedger(pane, DEFAULT_POLICY));
  const policy = read.settings.policy;
  const report = timed("pane: buildReport (src/rules)", () => buildReport(read.ledger, asOf, policy));
  const aging = timed("pane: agingPlan", () => agingPlan(report, policy, lang));
  const detail = timed("pane: detailPlan", () => detailPlan(report, policy, lang));
  const flags = timed("pane: flagsPlan", () => flagsPlan(report, policy, lang));
  const mixedRead = timed("mixed: readLedger", () => readLedger(mixed, DEFAULT_POLICY));
  summary =
    `pane: ${read.stats.invoiceRows} invoices, ${read.errors.length} errors, ${report.customers.length} customers, ` +
    `${aging.values.length - 1}/${detail.values.length - 1}/${flags.values.length - 1} aging/detail/flags rows; ` +
    `mixed: ${mixedRead.stats.invoiceRows} invoices, ${mixedRead.errors.length} errors`;
}
const workbookPhases = ["pane: readLedger", "pane: agingPlan", "pane: detailPlan", "pane: flagsPlan"];
process.stdout.write(`readLedger and sheet plans: ${INVOICES.toLocaleString("en-US")} invoices of ${CUSTOMERS.toLocaleString("en-US")} customers, best of ${RUNS}\n`);
process.stdout.write(`load average (1 min) / cores: ${loadavg()[0].toFixed(1)} / ${cpus().length}\n`);
process.stdout.write(`${"phase".padEnd(34)} ${"wall ms".padStart(8)} ${"cpu ms".padStart(8)}\n`);
const row = (phase: string, wall: number, cpu: number): void => {
  process.stdout.write(`${phase.padEnd(34)} ${wall.toFixed(0).padStart(8)} ${cpu.toFixed(0).padStart(8)}\n`);
};
for (const [phase, { wall, cpu }] of best) row(phase, wall, cpu);
const own = (key: "wall" | "cpu"): number => workbookPhases.reduce((total, phase) => total + (best.get(phase)?.[key] ?? 0), 0);
row("pane: readLedger + plans", own("wall"), own("cpu"));
process.stdout.write(`${summary}\n`);
process.stdout.write(`peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB\n`);
