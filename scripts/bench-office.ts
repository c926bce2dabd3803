/**
 * Payload benchmark of the Office.js adapter on the Excel stand-in: a workbook with an invoices
 * sheet of 100,000 rows (title rows, header, text, numbers, serial dates, a few blanks and errors)
 * is read through OfficeAdapter.read, then a 100,000-row plan is written through writePlans.
 * Prints the number of syncs and the largest request and response of each — Excel's costs are
 * round trips and payload size. Wall time on the stand-in is printed but says nothing about Excel.
 * Run: node scripts/bench/run-ts.js scripts/bench-office.ts [rows]
 */
import { OfficeAdapter, type ExcelRunner } from "../src/workbook/office/adapter";
import type { PlanCell, SheetPlan } from "../src/workbook/plan-types";
import { createExcelHost, type SpecCell, type SyncRecord } from "../test/support/excel-standin";

const ROWS = Number(process.argv[2] ?? 100_000);

/** Deterministic 32-bit generator (mulberry32), so every run uses the same workbook. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function invoiceCells(rows: number): SpecCell[][] {
  const random = generator(20260331);
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

function summary(label: string, syncs: SyncRecord[], ms: number): string {
  const maxRequest = Math.max(...syncs.map((s) => s.requestBytes));
  const maxResponse = Math.max(...syncs.map((s) => s.responseBytes));
  const total = syncs.reduce((sum, s) => sum + s.requestBytes + s.responseBytes, 0);
  return (
    `${label}: ${syncs.length} syncs, largest request ${maxRequest.toLocaleString("en-US")} B, ` +
    `largest response ${maxResponse.toLocaleString("en-US")} B, total ${(total / 1e6).toFixed(1)} MB, ${ms.toFixed(0)} ms on the stand-in\n`
  );
}

async function main(): Promise<void> {
  const cells = invoiceCells(ROWS);
  const { Excel, host } = createExcelHost({ sheets: [{ name: "发票", cells }, { name: "客户", cells: [["客户", "额度"]] }] });
  const adapter = new OfficeAdapter(Excel as unknown as ExcelRunner);
  process.stdout.write(`OfficeAdapter on the stand-in: ${ROWS.toLocaleString("en-US")} invoice rows × 8 columns\n`);

  let start = performance.now();
  const data = await adapter.read();
  const readSyncs = host.syncs.splice(0);
  process.stdout.write(summary("read", readSyncs, performance.now() - start));
  process.stdout.write(`  read ${data.sheets[0].rows.length.toLocaleString("en-US")} rows, date system ${data.dateSystem}\n`);

  start = performance.now();
  await adapter.writePlans([detailPlan(cells)]);
  const writeSyncs = host.syncs.splice(0);
  process.stdout.write(summary("writePlans", writeSyncs, performance.now() - start));
  const valueChunks = (host.writesBySheet["明细 2026-03-31"] ?? []).filter((w) => w.op === "Range.values").length;
  process.stdout.write(`  ${valueChunks} value chunks; limit per request/response 5,242,880 B\n`);
  process.stdout.write(`peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
