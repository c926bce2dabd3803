/**
 * Benchmark of the custom functions on 100,000 rows in one call (the size of a large ledger
 * column): AR.PENALTY and AR.BUCKETSUM must each finish within 200 ms. Prints the median of
 * several runs. The policy is the workbook's, loaded once (here the default: no host), as in Excel
 * after the first call.
 *   node scripts/bench/run-ts.js scripts/bench-functions.ts
 */
import { cpus, loadavg } from "os";
import "../test/support/custom-functions";
import { aging, bucketsum, daysoverdue, dso, interest, limit, penalty, provision } from "../src/functions/functions";

const ROWS = 100_000;
const BUDGET_MS = 200;
const RUNS = 7;

function column<T>(make: (row: number) => T): T[][] {
  return Array.from({ length: ROWS }, (_, row) => [make(row)]);
}

// Amounts with cents, due dates over two years, as of 2026-11-23 (serial 46349).
const amounts = column((row) => 1000 + ((row * 7919) % 900000) / 100);
const dueDates = column((row) => 45600 + (row % 730));
const asOf = [[46349]];
const ages = column((row) => row % 2200);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function measure(name: string, call: () => unknown[][] | Promise<unknown[][]>, rows = ROWS): Promise<number> {
  await call(); // warm-up: the JIT compiles the hot loop
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    const result = await call();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    if (result.length !== rows) throw new Error(`${name} returned ${result.length} rows`);
  }
  const ms = median(times);
  console.log(
    `${name.padEnd(12)} ${ROWS.toLocaleString("en")} rows  wall median ${ms.toFixed(1)} ms ` +
      `(min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})  cpu median ${median(cpuTimes).toFixed(1)} ms`,
  );
  return ms;
}

const paymentDates = column((row) => 45600 + (row % 730) + 10);
const paymentAmounts = column((row) => 500 + (row % 1000));

async function main(): Promise<void> {
  const budgeted = {
    PENALTY: await measure("PENALTY", () => penalty(amounts, dueDates, asOf)),
    BUCKETSUM: await measure("BUCKETSUM", () => bucketsum(amounts, dueDates, undefined, asOf), 1),
  };
  await measure("AGING", () => aging(dueDates, asOf));
  await measure("DAYSOVERDUE", () => daysoverdue(dueDates, asOf));
  await measure("LIMIT", () => limit(amounts, [[1]]));
  await measure("PROVISION", () => provision(amounts, ages));
  await measure("INTEREST", () => interest(amounts, dueDates, paymentDates, paymentAmounts, asOf));
  await measure("DSO", () => dso(amounts, [[2000000]]));

  // A busy machine (other builds, tests) inflates wall time; the load average says how busy.
  console.log(`\nload average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${cpus().length} cores`);
  for (const [name, ms] of Object.entries(budgeted)) console.log(`${name} budget ${BUDGET_MS} ms: ${ms <= BUDGET_MS ? "within" : "OVER"}`);
  process.exitCode = Object.values(budgeted).every((ms) => ms <= BUDGET_MS) ? 0 : 1;
}

void main();
