/**
 * Payload benchmark of the Office.js adapter on the Excel stand-in: a workbook with an invoices
 * sheet of 100,000 rows (title rows, header, text, numbers, serial dates, a few blanks and errors)
 * is read through OfficeAdapter.read, then a 100,000-row plan is written through writePlans.
 * Prints the number of syncs and the largest request and response of each — Excel's costs are
 * round trips and payload size. Wall time on the stand-in says nothing about Excel; the adapter's
 * own time (wall − time inside the stand-in's syncs) and its longest work between two syncs are
 * what the pane spends. Best of 3 runs on a fresh stand-in each (BENCH_OFFICE_RUNS=n for another
 * number). The stand-in serializes requests inside sync, as Office.js does in the pane, so that
 * JSON.stringify is not in the adapter's figure.
 * Run: node scripts/bench/run-ts.js scripts/bench-office.ts [rows]
 */
import { cpus, loadavg } from "os";
import { OfficeAdapter, type ExcelRunner } from "../src/workbook/office/adapter";
import type { PlanCell, SheetPlan } from "../src/workbook/plan-types";
import { createExcelHost, type SpecCell, type SyncRecord } from "../test/support/excel-standin";
import { seeded } from "./bench/seeded";

const ROWS = Number(process.argv[2] ?? 100_000);
const RUNS = Math.max(1, Number(process.env.BENCH_OFFICE_RUNS ?? 3));


function invoiceCells(rows: number): SpecCell[][] {
  const random = seeded(20260331);
  const cells: SpecCell[][] = [["应收账款明细 Receivables"], ["截至 2026-03-31"], ["发票号", "客户", "开票日期", "到期日", "金额", "已收", "币种", "备注"]];
  for (let i = 1; i <= rows; i++) {
    const issued = 45658 + Math.floor(random() * 450);
    const amount = Math.round(random() * 50_000_000) / 100;
    cells.push([
      `INV-2025-${String(i).padStart(6, "0")}`,
      `客户${String(Math.floor(random() * 2000)).padStart(4, "0")}有限公司`,
      issued,
      issued + 30 + Math.floor(random() * 60),
      i % 997 === 0 ? { error: "#VALUE!" } : amount,
      random() < 0.3 ? Math.round(amount * random() * 100) / 100 : null,
      random() < 0.9 ? "CNY" : "USD",
      random() < 0.05 ? "客户称已付款，待核对" : null,
    ]);
  }
  return cells;
}

function detailPlan(cells: SpecCell[][]): SheetPlan {
  const values: PlanCell[][] = cells.slice(2).map((row) => row.map((cell) => (typeof cell === "object" && cell !== null ? null : cell)));
  const rows = values.length - 1;
  return {
    name: "明细 2026-03-31",
    kind: "detail",
    values,
    formats: [
      { row: 0, col: 0, rows: 1, cols: 8, mark: "header", bold: true },
      { row: 1, col: 2, rows, cols: 2, numberFormat: "yyyy-mm-dd" },
      { row: 1, col: 4, rows, cols: 2, numberFormat: "#,##0.00" },
    ],
    conditionalFormats: [{ row: 1, col: 4, rows, cols: 1, mark: "red", greaterThan: 100_000 }],
    columnWidths: [18, 24, 12, 12, 14, 14, 6, 30],
    freezeRows: 1,
    freezeCols: 1,
    dateCols: [2, 3],
  };
}

/** One call's figures: syncs and payloads, wall time, time inside the stand-in's syncs, and the adapter's own time. */
interface CallFigures {
  syncs: number;
  maxRequest: number;
  maxResponse: number;
  totalMB: number;
  wallMs: number;
  syncMs: number;
  /** Wall − time inside the syncs: the adapter's own work (plus GC), what the pane would spend. */
  adapterMs: number;
  /** The longest adapter work between two syncs (or before the first / after the last). */
  longestMs: number;
}

function figures(syncs: SyncRecord[], startedAt: number, endedAt: number): CallFigures {
  let longest = 0;
  let from = startedAt;
  for (const sync of syncs) {
    longest = Math.max(longest, sync.startedAt - from);
    from = sync.startedAt + sync.ms;
  }
  longest = Math.max(longest, endedAt - from);
  const syncMs = syncs.reduce((sum, s) => sum + s.ms, 0);
  return {
    syncs: syncs.length,
    maxRequest: Math.max(...syncs.map((s) => s.requestBytes)),
    maxResponse: Math.max(...syncs.map((s) => s.responseBytes)),
    totalMB: syncs.reduce((sum, s) => sum + s.requestBytes + s.responseBytes, 0) / 1e6,
    wallMs: endedAt - startedAt,
    syncMs,
    adapterMs: endedAt - startedAt - syncMs,
    longestMs: longest,
  };
}

const bytes = (value: number): string => `${value.toLocaleString("en-US")} B`;

function summary(label: string, runs: CallFigures[]): string {
  const first = runs[0];
  const best = (pick: (run: CallFigures) => number): string => `${Math.min(...runs.map(pick)).toFixed(0)} ms`;
  return (
    `${label}: ${first.syncs} syncs, largest request ${bytes(first.maxRequest)}, largest response ${bytes(first.maxResponse)}, total ${first.totalMB.toFixed(1)} MB\n` +
    `  adapter time (wall − in sync) best ${best((run) => run.adapterMs)} [${runs.map((run) => run.adapterMs.toFixed(0)).join(", ")}], ` +
    `longest adapter work between two syncs best ${best((run) => run.longestMs)}, ` +
    `wall on the stand-in best ${best((run) => run.wallMs)} (in sync ${best((run) => run.syncMs)})\n`
  );
}

async function main(): Promise<void> {
  const cells = invoiceCells(ROWS);
  const plan = detailPlan(cells);
  process.stdout.write(`OfficeAdapter on the stand-in: ${ROWS.toLocaleString("en-US")} invoice rows × 8 columns, ${RUNS} runs\n`);
  const reads: CallFigures[] = [];
  const writes: CallFigures[] = [];
  let note = "";
  for (let run = 0; run < RUNS; run++) {
    const { Excel, host } = createExcelHost({ sheets: [{ name: "发票", cells }, { name: "客户", cells: [["客户", "额度"]] }] });
    const adapter = new OfficeAdapter(Excel as unknown as ExcelRunner);

    let start = performance.now();
    const data = await adapter.read();
    reads.push(figures(host.syncs.splice(0), start, performance.now()));

    start = performance.now();
    await adapter.writePlans([plan]);
    writes.push(figures(host.syncs.splice(0), start, performance.now()));
    const valueChunks = (host.writesBySheet["明细 2026-03-31"] ?? []).filter((w) => w.op === "Range.values").length;
    note = `  read ${data.sheets[0].rows.length.toLocaleString("en-US")} rows, date system ${data.dateSystem}; wrote ${valueChunks} value chunks; limit per request/response 5,242,880 B\n`;
  }
  process.stdout.write(summary("read", reads));
  process.stdout.write(summary("writePlans", writes));
  process.stdout.write(note);
  process.stdout.write(`peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB; load average (1 min) ${loadavg()[0].toFixed(1)} on ${cpus().length} cores\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
