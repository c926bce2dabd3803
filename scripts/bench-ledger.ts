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
import type { CellValue, SheetData, WorkbookData } from "../src/workbook/adapter-types";
import { agingPlan, detailPlan, flagsPlan } from "../src/workbook/plans";
import { readLedger } from "../src/workbook/read";
import { benchSpec, BENCH_AS_OF } from "../test/browser/bench-workbook";
import { mixedLedgerWorkbook } from "./bench/seeded";
import { sheetFromGrid } from "../src/workbook/sheet-cells";

const INVOICES = Number(process.argv[2] ?? 100_000);
const CUSTOMERS = Number(process.argv[3] ?? 1_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

/**
 * The pane's workbook as WorkbookData, as the Office.js adapter reads it from the stand-in: the
 * values arrive as JSON, so every text is a flat string of its own (no concatenations to flatten).
 */
function paneWorkbook(): WorkbookData {
  const spec = benchSpec(INVOICES, CUSTOMERS);
  return {
    sheets: spec.sheets.map((sheet) => sheetFromGrid(sheet.name, JSON.parse(JSON.stringify(sheet.cells)) as CellValue[][])),
    tables: [],
    dateSystem: "1900",
    settings: {},
  };
}

/** bench-read.ts's workbook (twice the customers), each text a flat string of its own as above. */
function mixedWorkbook(): WorkbookData {
  const workbook = mixedLedgerWorkbook(INVOICES, 2 * CUSTOMERS);
  return { ...workbook, sheets: workbook.sheets.map((sheet) => ({ ...sheet, rows: JSON.parse(JSON.stringify(sheet.rows)) as SheetData["rows"] })) };
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
  // Its rows are made as they are first read (plan-rows.ts): timed with every row made, as a copy makes them.
  const detail = timed("pane: detailPlan", () => ({ ...detailPlan(report, policy, lang) }));
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
