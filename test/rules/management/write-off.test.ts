/**
 * Write-off candidates in the report (seed 001 第五章 4: 逾期一年 … 并确认一年内没有任何业务往来): overdue
 * over a year AND no invoice or payment for a year. Before issue 10 only the first half was tested.
 */
import { fromYmd } from "../../../src/rules/dates";
import { applyLedger } from "../../../src/rules/ledger";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { buildReport } from "../../../src/rules/report";
import type { Invoice, Ledger, Payment } from "../../../src/rules/types";

const AS_OF = fromYmd(2026, 6, 30);
const old: Invoice = { customer: "甲公司", invoiceNo: "OLD", invoiceDate: fromYmd(2025, 1, 1), dueDate: fromYmd(2025, 1, 31), amount: 100000, received: 0, currency: "CNY", disputed: false };
const ledgerWith = (invoices: Invoice[], payments: Payment[] = []): Ledger => ({ scale: 2, invoices: [old, ...invoices], payments, customers: [] });

describe("writeOffCandidate", () => {
  test("515 days overdue and nothing since 2025-01-01 → candidate; the last business day is reported", () => {
    const customer = buildReport(ledgerWith([]), AS_OF, DEFAULT_POLICY).customers[0];
    expect([customer.maxDaysOverdue, customer.writeOffCandidate, customer.lastActivity]).toEqual([515, true, fromYmd(2025, 1, 1)]);
  });

  test("a payment on account last month → still doing business → no candidate, however old the debt", () => {
    const payment: Payment = { customer: "甲公司", date: fromYmd(2026, 5, 31), amount: 100, currency: "CNY" };
    expect(buildReport(ledgerWith([], [payment]), AS_OF, DEFAULT_POLICY).customers[0].writeOffCandidate).toBe(false);
  });

  test("a new invoice (even fully received by its own column) → no candidate; one dated after the as-of date does not count", () => {
    const recent: Invoice = { ...old, invoiceNo: "NEW", invoiceDate: fromYmd(2026, 3, 1), dueDate: fromYmd(2026, 3, 31), received: 100000 };
    expect(buildReport(ledgerWith([recent]), AS_OF, DEFAULT_POLICY).customers[0].writeOffCandidate).toBe(false);
    const later: Invoice = { ...recent, invoiceDate: fromYmd(2026, 7, 1) };
    expect(buildReport(ledgerWith([later]), AS_OF, DEFAULT_POLICY).customers[0].writeOffCandidate).toBe(true);
  });

  test("applyLedger keeps the account's last dated invoice, credit note or payment; undated ones do not count", () => {
    const credit: Invoice = { ...old, invoiceNo: "CN", invoiceDate: fromYmd(2025, 8, 8), amount: -100 };
    const undated: Payment = { customer: "甲公司", date: null, amount: 100, currency: "CNY" };
    expect(applyLedger(ledgerWith([credit], [undated]), AS_OF, DEFAULT_POLICY).accounts[0].lastActivity).toBe(fromYmd(2025, 8, 8));
  });
});
