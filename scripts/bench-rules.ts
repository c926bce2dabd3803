/**
 * Benchmark of the rules engine: buildReport (ledger application, aging, late interest, grade,
 * limit, stop shipping, stage, provision) over 1,000,000 invoices of 10,000 customers.
 * Its ledger is easier than the one the pane and the command line read (bench-ledger.ts): about
 * two thirds of its invoices are settled in full by their own received column, so they never
 * become items (330,959 items of 1,000,000 invoices, where the pane's 100,000 invoices are 100,000
 * open items), and a customer's rows come together, so they lie together in memory; its amounts
 * are small integers where the reader's received column holds boxed numbers. Its figure is the
 * rules' on a friendly ledger: quote bench-ledger.ts for the pane's and the command line's.
 * Run: npm run bench:rules (node scripts/bench/run-ts.js scripts/bench-rules.ts [invoices] [customers])
 * Prints the wall and CPU time of each run, the time spent collecting garbage in each, and the
 * peak RSS of the process (generator included).
 */
import { GCProfiler } from "v8";
import { applyLedger } from "../src/rules/ledger";
import { buildReport } from "../src/rules/report";
import { fromYmd } from "../src/rules/dates";
import { DEFAULT_POLICY } from "../src/rules/policy";
import type { CustomerInfo, Invoice, Ledger, Payment } from "../src/rules/types";
import { cpus, loadavg } from "os";
import { seeded } from "./bench/seeded";

const INVOICES = Number(process.argv[2] ?? 1_000_000);
const CUSTOMERS = Number(process.argv[3] ?? 10_000);
const AS_OF = fromYmd(2026, 6, 30);

/**
 * A ledger shaped like a real one: invoices over the last ~18 months, older ones mostly paid
 * through the received column, some partly paid, 1 % disputed, a few credit notes, and per
 * customer one payment naming an invoice and one unapplied dated payment.
 */
function makeLedger(invoiceCount: number, customerCount: number): Ledger {
  const random = seeded(20260630);
  const perCustomer = Math.ceil(invoiceCount / customerCount);
  const invoices: Invoice[] = [];
  const payments: Payment[] = [];
  const customers: CustomerInfo[] = [];
  for (let c = 0; c < customerCount && invoices.length < invoiceCount; c++) {
    const name = `客户${String(c).padStart(5, "0")}`;
    const term = c % 3 === 0 ? 60 : 30;
    customers.push({ name, fixedLimit: (500_000 + (c % 20) * 100_000) * 100, temporaryLimit: c % 10 === 0 ? 100_000 * 100 : undefined });
    for (let k = 0; k < perCustomer && invoices.length < invoiceCount; k++) {
      const invoiceDate = AS_OF - Math.floor(random() * 540);
      const fen = 10_000 + Math.floor(random() * 9_990_000);
      const isCredit = random() < 0.01;
      const age = AS_OF - invoiceDate - term;
      const roll = random();
      let received = 0;
      if (!isCredit) {
        if (age > 45 && roll < 0.8) received = fen;
        else if (roll < 0.95 && roll >= 0.8) received = Math.floor(fen / 2);
      }
      invoices.push({
        customer: name,
        invoiceNo: `INV-${c}-${k}`,
        invoiceDate,
        dueDate: invoiceDate + term,
        amount: isCredit ? -fen : fen,
        received,
        currency: "CNY",
        disputed: random() < 0.01,
      });
    }
    payments.push({ customer: name, date: AS_OF - 20, amount: 500000, currency: "CNY", invoiceRef: `INV-${c}-0` });
    payments.push({ customer: name, date: AS_OF - 10, amount: 1234567, currency: "CNY" });
  }
  return { scale: 2, invoices, payments, customers };
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function cpuSeconds(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/** How much of one report is the ledger (applyLedger) and how much the accounts' figures. */
function timeParts(ledger: Ledger): void {
  let cpu = process.cpuUsage();
  let start = process.hrtime.bigint();
  const applied = applyLedger(ledger, AS_OF, DEFAULT_POLICY);
  const ledgerSeconds = seconds(start);
  const ledgerCpu = cpuSeconds(cpu);
  let open = 0;
  for (const account of applied.accounts) open += account.items.length;
  cpu = process.cpuUsage();
  start = process.hrtime.bigint();
  buildReport(ledger, AS_OF, DEFAULT_POLICY);
  const reportSeconds = seconds(start);
  const reportCpu = cpuSeconds(cpu);
  console.log(
    `parts: applyLedger ${ledgerSeconds.toFixed(2)} s (cpu ${ledgerCpu.toFixed(2)} s, ${open} items kept) ` +
      `of buildReport ${reportSeconds.toFixed(2)} s (cpu ${reportCpu.toFixed(2)} s)`,
  );
}

/** Milliseconds of garbage collection (main-thread pauses) recorded by a GC profiler. */
function gcMilliseconds(profile: { statistics: { cost: number }[] }): number {
  let micro = 0;
  for (const event of profile.statistics) micro += event.cost;
  return micro / 1000;
}

function main(): void {
  const built = process.hrtime.bigint();
  const ledger = makeLedger(INVOICES, CUSTOMERS);
  console.log(`generated ${ledger.invoices.length} invoices in ${seconds(built).toFixed(2)} s`);

  // CPU time beside wall time: on a shared 2-core machine other processes stretch the wall clock.
  const runs: number[] = [];
  const cpu: number[] = [];
  let customers = 0;
  let firstPeakMb = 0;
  const gc: number[] = [];
  for (let run = 0; run < 3; run++) {
    const profiler = new GCProfiler();
    profiler.start();
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    const report = buildReport(ledger, AS_OF, DEFAULT_POLICY);
    runs.push(seconds(start));
    cpu.push(cpuSeconds(cpuStart));
    gc.push(gcMilliseconds(profiler.stop()) / 1000);
    customers = report.customers.length;
    // Peak after one report is the figure that matters to a user: one report at a time.
    if (run === 0) firstPeakMb = process.resourceUsage().maxRSS / 1024;
  }
  const peakMb = process.resourceUsage().maxRSS / 1024;
  timeParts(ledger);
  console.log(`runs: wall ${runs.map((s) => s.toFixed(2)).join(" s, ")} s; cpu ${cpu.map((s) => s.toFixed(2)).join(" s, ")} s`);
  console.log(
    `gc: ${gc.map((s) => s.toFixed(2)).join(" s, ")} s of pauses, ` +
      `${gc.map((s, i) => ((100 * s) / runs[i]).toFixed(0)).join(" %, ")} % of wall`,
  );
  console.log(
    `rules: ${ledger.invoices.length} invoices, ${customers} customers: ${runs[0].toFixed(2)} s first, ` +
      `${Math.min(...runs).toFixed(2)} s best of ${runs.length} (cpu best ${Math.min(...cpu).toFixed(2)} s), ` +
      `load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores, peak RSS ${firstPeakMb.toFixed(0)} MB ` +
      `(${peakMb.toFixed(0)} MB after ${runs.length} runs)`,
  );
}

main();
