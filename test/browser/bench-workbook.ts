/**
 * The benchmark's workbook, as a stand-in spec: the ledger of scripts/bench-e2e.ts (same
 * generator, same seed, same columns) — N invoices of C customers on one sheet 应收台账, header on
 * row 1 (客户 发票号 开票日期 到期日 金额 已收), dates as 1900 serials formatted yyyy-mm-dd.
 * With 100,000 invoices and 1,000 customers it is the ledger the command line is measured on
 * (.bench/ledger-100k.xlsx), so the pane's figures can be compared with the CLI's as of 2026-06-30.
 * Loaded by install-host.ts for `?workbook=bench&invoices=100000&customers=1000`.
 */
import type { SpecCell, WorkbookSpec } from "../support/excel-standin";

/** The as-of date the benchmark types into the pane (bench-e2e.ts's AS_OF). */
export const BENCH_AS_OF = "2026-06-30";

const DAY_MS = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;
const DATE = "yyyy-mm-dd";

/** Deterministic 32-bit generator (mulberry32), as in scripts/bench-e2e.ts. */
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
 * The benchmark ledger; draws the random numbers in the same order as bench-e2e.ts's ledgerRows.
 * @param invoices number of invoice rows
 * @param customers number of customers the invoices are spread over
 * @returns a fresh spec
 * @example createExcelHost(benchSpec(100_000, 1_000))
 */
export function benchSpec(invoices: number, customers: number): WorkbookSpec {
  const random = seeded(invoices * 7 + customers);
  const start = Date.UTC(2025, 6, 1);
  const cells: SpecCell[][] = [["客户", "发票号", "开票日期", "到期日", "金额", "已收"]];
  const numberFormats: (string | null)[][] = [[]];
  const dateRow = [null, null, DATE, DATE];
  for (let i = 0; i < invoices; i++) {
    const issued = start + Math.floor(random() * 365) * DAY_MS;
    const due = issued + (random() < 0.5 ? 30 : 60) * DAY_MS;
    const amountFen = 10_000 + Math.floor(random() * 9_990_000);
    const received = random() < 0.1 ? Math.floor(amountFen * random()) / 100 : null;
    const customer = `客户${String(1 + Math.floor(random() * customers)).padStart(5, "0")}有限公司`;
    cells.push([
      customer,
      `INV${String(i + 1).padStart(8, "0")}`,
      UNIX_EPOCH_SERIAL + issued / DAY_MS,
      UNIX_EPOCH_SERIAL + due / DAY_MS,
      amountFen / 100,
      received,
    ]);
    numberFormats.push(dateRow);
  }
  return { sheets: [{ name: "应收台账", cells, numberFormats }] };
}
