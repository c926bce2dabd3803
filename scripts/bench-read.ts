/**
 * Benchmark of the ledger reader: readLedger over an in-memory workbook of 100,000 invoice rows
 * (title rows above the header, text and number amounts, serial and text dates, a few bad rows,
 * a customers sheet of 2,000 customers). Builds the WorkbookData first, then times the read only.
 * Run: node scripts/bench/run-ts.js scripts/bench-read.ts [rows] [customers]
 */
import { DEFAULT_POLICY } from "../src/rules/policy";
import { readLedger } from "../src/workbook/read";
import { mixedLedgerWorkbook } from "./bench/seeded";

const ROWS = Number(process.argv[2] ?? 100_000);
const CUSTOMERS = Number(process.argv[3] ?? 2_000);
const RUNS = 3;

const workbook = mixedLedgerWorkbook(ROWS, CUSTOMERS);
process.stdout.write(`readLedger: ${ROWS.toLocaleString("en-US")} invoice rows, ${CUSTOMERS.toLocaleString("en-US")} customers\n`);
for (let run = 1; run <= RUNS; run++) {
  const started = process.hrtime.bigint();
  const result = readLedger(workbook, DEFAULT_POLICY);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(
    `run ${run}: ${ms.toFixed(0)} ms — ${result.stats.invoiceRows} invoices, ${result.errors.length} errors, ` +
      `${result.ledger.customers.length} customers, ${(ROWS / (ms / 1000)).toFixed(0)} rows/s\n`,
  );
}
process.stdout.write(`peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB\n`);
