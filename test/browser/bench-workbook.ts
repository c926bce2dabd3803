/**
 * The benchmark's workbook, as a stand-in spec: the ledger of scripts/bench-e2e.ts (same
 * generator, same seed, same columns) — N invoices of C customers on one sheet 应收台账, header on
 * row 1 (客户 发票号 开票日期 到期日 金额 已收), dates as 1900 serials formatted yyyy-mm-dd.
 * With 100,000 invoices and 1,000 customers it is the ledger the command line is measured on
 * (.bench/ledger-100k.xlsx), so the pane's figures can be compared with the CLI's as of 2026-06-30.
 * Loaded by install-host.ts for `?workbook=bench&invoices=100000&customers=1000`.
 */
import { benchLedgerRows } from "../../scripts/bench/seeded";
import type { SpecCell, WorkbookSpec } from "../support/excel-standin";

/** The as-of date the benchmark types into the pane (bench-e2e.ts's AS_OF). */
export const BENCH_AS_OF = "2026-06-30";

const DAY_MS = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;
const DATE = "yyyy-mm-dd";

/**
 * The benchmark ledger (scripts/bench/seeded.ts benchLedgerRows, as bench-e2e.ts writes it).
 * @param invoices number of invoice rows
 * @param customers number of customers the invoices are spread over
 * @returns a fresh spec
 * @example createExcelHost(benchSpec(100_000, 1_000))
 */
export function benchSpec(invoices: number, customers: number): WorkbookSpec {
  const cells: SpecCell[][] = [["客户", "发票号", "开票日期", "到期日", "金额", "已收"]];
  const numberFormats: (string | null)[][] = [[]];
  const dateRow = [null, null, DATE, DATE];
  for (const row of benchLedgerRows(invoices, customers)) {
    cells.push([row.customer, row.no, UNIX_EPOCH_SERIAL + row.issuedMs / DAY_MS, UNIX_EPOCH_SERIAL + row.dueMs / DAY_MS, row.amount, row.received]);
    numberFormats.push(dateRow);
  }
  return { sheets: [{ name: "应收台账", cells, numberFormats }] };
}
