/**
 * Deterministic inputs shared by the benchmarks, the sample generator and the browser bench host:
 * one random generator and the two benchmark ledgers. Pure (no Node APIs), so the browser-test
 * host page can bundle it.
 */
import type { CellValue, WorkbookData } from "../../src/workbook/adapter-types";
import { sheetFromGrid } from "../../src/workbook/sheet-cells";

/**
 * Deterministic 32-bit generator (mulberry32): the same seed gives the same numbers on every run.
 * @param seed any integer
 * @returns a function giving numbers in [0, 1)
 * @example const random = seeded(42); random(); // always the same first number
 */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One invoice of the end-to-end benchmark ledger; dates as UTC milliseconds. */
export interface BenchLedgerRow {
  customer: string;
  no: string;
  issuedMs: number;
  dueMs: number;
  amount: number;
  received: number | null;
}

const DAY_MS = 86_400_000;

/**
 * The ledger the command line and the pane are measured on (bench-e2e.ts, bench-pane.ts,
 * bench-ledger.ts): invoices issued over the year from 2025-07-01, due after 30 or 60 days, a
 * tenth partly received.
 * @param invoices number of invoice rows
 * @param customers number of customers the invoices are spread over
 * @returns the rows, in order
 * @example [...benchLedgerRows(2, 1)][0].customer // "客户00001有限公司"
 */
export function* benchLedgerRows(invoices: number, customers: number): Generator<BenchLedgerRow> {
  const random = seeded(invoices * 7 + customers);
  const start = Date.UTC(2025, 6, 1);
  for (let i = 0; i < invoices; i++) {
    const issuedMs = start + Math.floor(random() * 365) * DAY_MS;
    const dueMs = issuedMs + (random() < 0.5 ? 30 : 60) * DAY_MS;
    const amountFen = 10_000 + Math.floor(random() * 9_990_000);
    const received = random() < 0.1 ? Math.floor(amountFen * random()) / 100 : null;
    yield {
      customer: `客户${String(1 + Math.floor(random() * customers)).padStart(5, "0")}有限公司`,
      no: `INV${String(i + 1).padStart(8, "0")}`,
      issuedMs,
      dueMs,
      amount: amountFen / 100,
      received,
    };
  }
}

/**
 * The messy ledger of bench-read.ts and bench-ledger.ts: title rows above the header, text and
 * number amounts, serial and text dates, a bad date every 10,000 rows, and a customers sheet.
 * @param rows number of invoice rows
 * @param customers number of customers (rows of the customers sheet)
 * @returns the workbook as the adapters give it
 * @example mixedLedgerWorkbook(100_000, 2_000).sheets.map((sheet) => sheet.name) // ["应收台账", "客户资料"]
 */
export function mixedLedgerWorkbook(rows: number, customers: number): WorkbookData {
  const random = seeded(20260331);
  const names = Array.from({ length: customers }, (_, i) => `客户${String(i).padStart(5, "0")}有限公司`);
  const ledger: CellValue[][] = [
    ["XX贸易有限公司 应收账款台账"],
    ["截止日期", "2026-03-31"],
    [],
    ["序号", "客户名称", "发票号码", "开票日期", "到期日", "价税合计", "已收金额", "币种", "业务员", "是否争议"],
  ];
  for (let i = 0; i < rows; i++) {
    const issued = 45658 + Math.floor(random() * 450);
    const fen = 1000 + Math.floor(random() * 100_000_000);
    const amount: CellValue = i % 3 === 0 ? `¥${(fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}` : fen / 100;
    const received: CellValue = random() < 0.5 ? 0 : Math.floor(fen * random()) / 100;
    const due: CellValue = i % 5 === 0 ? `2026-${String(1 + (i % 12)).padStart(2, "0")}-15` : issued + 30;
    ledger.push([
      i + 1,
      names[Math.floor(random() * customers)],
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
  const customerRows: CellValue[][] = [["客户名称", "信用额度", "账期", "联系人"]];
  names.forEach((name, i) => customerRows.push([name, 100_000 + i * 10, 30, `联系人${i}`]));
  return {
    sheets: [
      sheetFromGrid("应收台账", ledger),
      sheetFromGrid("客户资料", customerRows),
    ],
    tables: [],
    dateSystem: "1900",
    settings: {},
  };
}
