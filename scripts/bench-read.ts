/**
 * Benchmark of the ledger reader: readLedger over an in-memory workbook of 100,000 invoice rows
 * (title rows above the header, text and number amounts, serial and text dates, a few bad rows,
 * a customers sheet of 2,000 customers). Builds the WorkbookData first, then times the read only.
 * Run: node scripts/bench/run-ts.js scripts/bench-read.ts [rows] [customers]
 */
import { DEFAULT_POLICY } from "../src/rules/policy";
import type { CellValue, WorkbookData } from "../src/workbook/adapter-types";
import { readLedger } from "../src/workbook/read";

const ROWS = Number(process.argv[2] ?? 100_000);
const CUSTOMERS = Number(process.argv[3] ?? 2_000);
const RUNS = 3;

/** Deterministic 32-bit generator (mulberry32), so every run reads the same workbook. */
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

function buildWorkbook(): WorkbookData {
  const random = generator(20260331);
  const names = Array.from({ length: CUSTOMERS }, (_, i) => `客户${String(i).padStart(5, "0")}有限公司`);
  const rows: CellValue[][] = [
    ["XX贸易有限公司 应收账款台账"],
    ["截止日期", "2026-03-31"],
    [],
    ["序号", "客户名称", "发票号码", "开票日期", "到期日", "价税合计", "已收金额", "币种", "业务员", "是否争议"],
  ];
  for (let i = 0; i < ROWS; i++) {
    const issued = 45658 + Math.floor(random() * 450);
    const fen = 1000 + Math.floor(random() * 100_000_000);
    const amount: CellValue = i % 3 === 0 ? `¥${(fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}` : fen / 100;
    const received: CellValue = random() < 0.5 ? 0 : Math.floor(fen * random()) / 100;
    const due: CellValue = i % 5 === 0 ? `2026-${String(1 + (i % 12)).padStart(2, "0")}-15` : issued + 30;
    rows.push([
      i + 1,
      names[Math.floor(random() * CUSTOMERS)],
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
  const customers: CellValue[][] = [["客户名称", "信用额度", "账期", "联系人"]];
  names.forEach((name, i) => customers.push([name, 100_000 + i * 10, 30, `联系人${i}`]));
  return {
    sheets: [
      { name: "应收台账", rows, firstRow: 0, firstCol: 0, generated: false },
      { name: "客户资料", rows: customers, firstRow: 0, firstCol: 0, generated: false },
    ],
    tables: [],
    dateSystem: "1900",
    settings: {},
  };
}

const workbook = buildWorkbook();
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
