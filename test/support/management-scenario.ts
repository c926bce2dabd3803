/**
 * One small ledger for the sales manager's view, every figure worked out by hand below; the same
 * rows as a Ledger (rules tests), as workbook cells (job tests) and as an .xlsx (command line).
 * As of 2026-03-31; the default period is March 2026 (2026-03-01 to 2026-03-31), the opening
 * rebuild is as of 2026-02-28.
 *
 * 甲公司 CNY — customers table: limit 100,000.00, 张三, 华东.
 *   J1 50,000.00 issued 2025-12-01 due 2025-12-31; J2 30,000.00 issued 2026-02-10 due 2026-03-12.
 *   20,000.00 wired 2026-03-15 (FIFO → J1).
 *   03-31: J1 30,000.00 (90 days, 61–90), J2 30,000.00 (19 days, 1–30): outstanding = overdue 60,000.00.
 *   Open past due → grade D → limit 0 → stop shipping → red. 02-28: J1 50,000.00 (59 days), J2 not due.
 * 乙公司 CNY — invoices: 张三, 华南.
 *   B1 10,000.00 issued 2026-02-20 due 2026-03-22, paid 2026-03-20 by acceptance bill naming B1;
 *   B2 8,000.00 issued 2026-03-05 due 2026-04-04. 03-31: 8,000.00 not due, green. 02-28: B1 10,000.00 not due.
 * 丙公司 CNY — invoices: 李四, 华东; customers table: grade B typed, no limit.
 *   C1 40,000.00 issued 2026-01-10 due 2026-02-09; 5,000.00 cash 2026-02-20, 3,000.00 cash 2026-03-10.
 *   03-31: 32,000.00, 50 days (31–60), amber. 02-28: 35,000.00, 19 days.
 * Delta USD — customers table: limit 1,200.00 USD, 李四.
 *   D1 1,000.00 issued 2026-03-01 due 2026-03-31: not due; 83.3 % of the limit used → amber.
 * 戊公司 CNY — nobody named. E1 5,000.00 issued 2024-10-01 due 2024-10-31: 516 days overdue at
 *   03-31 (485 at 02-28), over 90 → red; no business since 2024-10-01 → write-off candidate.
 *
 * CNY, March: opening 130,000.00; closing 105,000.00 (overdue 97,000.00, not due 8,000.00); sales
 *   8,000.00 (B2); collected 33,000.00 (wire 20,000.00, cash 3,000.00, bill 10,000.00); due in March
 *   40,000.00 (J2, B1) → collection rate 82.5 %; overdue at the start 90,000.00, recovered 23,000.00
 *   (J1 20,000.00, C1 3,000.00) → 25.56 %; cash ratio 23,000 ÷ 33,000 = 69.70 %; DSO simple
 *   105,000 ÷ 8,000 × 31 = 406.875; CEI (130,000 + 8,000 − 105,000) ÷ (130,000 + 8,000 − 8,000) = 25.38 %;
 *   count-back: 105,000 − 8,000 (Mar) − 40,000 (Feb) − 40,000 (Jan) = 17,000 of Dec's 50,000 →
 *   90 + 17/50 × 30 = 100.2 days; provision 5 % of 100,000.00 + 10 % of 5,000.00 = 5,500.00.
 * USD: closing 1,000.00 not due, sales 1,000.00, due 1,000.00, collected 0 → 0 %; DSO simple 31.
 */
import { sheetOf } from "./grid";
import { fromYmd } from "../../src/rules/dates";
import type { CustomerInfo, Invoice, Ledger, Payment, PaymentMethod } from "../../src/rules/types";
import type { CellValue, WorkbookData } from "../../src/workbook/adapter-types";
import { amount } from "./money";

/** The report date of the scenario. */
export const SCENARIO_AS_OF = fromYmd(2026, 3, 31);

const day = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number);
  return fromYmd(y, m, d);
};

/** Invoice rows: customer, number, issued, due, amount, currency, salesperson, region. */
export const SCENARIO_INVOICES: [string, string, string, string, string, string, string, string][] = [
  ["甲公司", "J1", "2025-12-01", "2025-12-31", "50000.00", "CNY", "", ""],
  ["甲公司", "J2", "2026-02-10", "2026-03-12", "30000.00", "CNY", "", ""],
  ["乙公司", "B1", "2026-02-20", "2026-03-22", "10000.00", "CNY", "张三", "华南"],
  ["乙公司", "B2", "2026-03-05", "2026-04-04", "8000.00", "CNY", "张三", "华南"],
  ["丙公司", "C1", "2026-01-10", "2026-02-09", "40000.00", "CNY", "李四", "华东"],
  ["Delta", "D1", "2026-03-01", "2026-03-31", "1000.00", "USD", "", ""],
  ["戊公司", "E1", "2024-10-01", "2024-10-31", "5000.00", "CNY", "", ""],
];

/** Payment rows: date, customer, amount, currency, invoice named, method (as typed, and as read). */
export const SCENARIO_PAYMENTS: [string, string, string, string, string, string, PaymentMethod][] = [
  ["2026-03-15", "甲公司", "20000.00", "CNY", "", "电汇", "wire"],
  ["2026-03-20", "乙公司", "10000.00", "CNY", "B1", "承兑汇票", "acceptanceBill"],
  ["2026-02-20", "丙公司", "5000.00", "CNY", "", "现金", "cash"],
  ["2026-03-10", "丙公司", "3000.00", "CNY", "", "现金", "cash"],
];

/** Customers-table rows: name, limit (null: none), grade typed, salesperson, region. */
export const SCENARIO_CUSTOMERS: [string, string | null, string, string, string][] = [
  ["甲公司", "100000.00", "", "张三", "华东"],
  ["丙公司", null, "B", "", ""],
  ["Delta", "1200.00", "", "李四", ""],
];

/** The scenario as a Ledger. */
export function scenarioLedger(): Ledger {
  return {
    scale: 2,
    invoices: SCENARIO_INVOICES.map(([customer, invoiceNo, issued, due, total, currency, salesperson, region]): Invoice => {
      const invoice: Invoice = { customer, invoiceNo, invoiceDate: day(issued), dueDate: day(due), amount: amount(total), received: 0, currency, disputed: false };
      if (salesperson !== "") invoice.salesperson = salesperson;
      if (region !== "") invoice.region = region;
      return invoice;
    }),
    payments: SCENARIO_PAYMENTS.map(([date, customer, paid, currency, ref, , method]): Payment => {
      const payment: Payment = { customer, date: day(date), amount: amount(paid), currency, method };
      if (ref !== "") payment.invoiceRef = ref;
      return payment;
    }),
    customers: SCENARIO_CUSTOMERS.map(([name, limit, grade, salesperson, region]): CustomerInfo => {
      const info: CustomerInfo = { name };
      if (limit !== null) info.fixedLimit = amount(limit);
      if (grade !== "") info.gradeOverride = grade as CustomerInfo["gradeOverride"];
      if (salesperson !== "") info.salesperson = salesperson;
      if (region !== "") info.region = region;
      return info;
    }),
  };
}

/** A 1900-system serial of a date. */
const serial = (iso: string): number => day(iso);

/** The scenario as the cells of a workbook: 应收台账, 客户资料 and 回款记录 sheets. */
export function scenarioWorkbook(): WorkbookData {
  const sheet = (name: string, rows: CellValue[][]) => sheetOf(name, rows);
  return {
    dateSystem: "1900",
    settings: {},
    tables: [],
    sheets: [
      sheet("应收台账", [
        ["客户", "发票号", "开票日期", "到期日", "金额", "币种", "业务员", "区域"],
        ...SCENARIO_INVOICES.map(([customer, no, issued, due, total, currency, salesperson, region]): CellValue[] => [
          customer, no, serial(issued), serial(due), Number(total), currency, salesperson || null, region || null,
        ]),
      ]),
      sheet("客户资料", [
        ["客户名称", "信用额度", "信用等级", "业务员", "区域"],
        ...SCENARIO_CUSTOMERS.map(([name, limit, grade, salesperson, region]): CellValue[] => [
          name, limit === null ? null : Number(limit), grade || null, salesperson || null, region || null,
        ]),
      ]),
      sheet("回款记录", [
        ["回款日期", "客户", "回款金额", "币种", "发票号", "付款方式"],
        ...SCENARIO_PAYMENTS.map(([date, customer, paid, currency, ref, method]): CellValue[] => [serial(date), customer, Number(paid), currency, ref || null, method]),
      ]),
    ],
  };
}
