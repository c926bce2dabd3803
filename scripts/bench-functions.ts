/**
 * Benchmark of the custom functions on 100,000 rows in one call (the size of a large ledger
 * column): AR.PENALTY must finish within 200 ms. Prints the median of several runs.
 *   node scripts/bench/run-ts.js scripts/bench-functions.ts
 */
import { cpus, loadavg } from "os";
import "../test/support/custom-functions";
import { aging, daysoverdue, limit, penalty, provision } from "../src/functions/functions";

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

function measure(name: string, call: () => unknown[][]): number {
  call(); // warm-up: the JIT compiles the hot loop
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    const result = call();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    if (result.length !== ROWS) throw new Error(`${name} returned ${result.length} rows`);
  }
  const ms = median(times);
  console.log(
    `${name.padEnd(12)} ${ROWS.toLocaleString("en")} rows  wall median ${ms.toFixed(1)} ms ` +
      `(min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})  cpu median ${median(cpuTimes).toFixed(1)} ms`,
  );
  return ms;
}

const penaltyMs = measure("PENALTY", () => penalty(amounts, dueDates, asOf));
measure("AGING", () => aging(dueDates, asOf));
measure("DAYSOVERDUE", () => daysoverdue(dueDates, asOf));
measure("LIMIT", () => limit(amounts, [[1]]));
measure("PROVISION", () => provision(amounts, ages));

// A busy machine (other builds, tests) inflates wall time; the load average says how busy.
console.log(`\nload average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${cpus().length} cores`);
console.log(`PENALTY budget ${BUDGET_MS} ms: ${penaltyMs <= BUDGET_MS ? "within" : "OVER"}`);
process.exitCode = penaltyMs <= BUDGET_MS ? 0 : 1;
