/**
 * Receivables at many as-of dates from one pass (receivables-history.ts): by hand on a small
 * ledger, and against as-of rebuilds (buildReport at each date) on random ledgers.
 */
import fc from "fast-check";
import { fromYmd } from "../../../src/rules/dates";
import { add, type Minor } from "../../../src/rules/money";
import { monthsBack } from "../../../src/rules/period-dates";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { receivablesHistory } from "../../../src/rules/receivables-history";
import { buildReport } from "../../../src/rules/report";
import type { Invoice, Ledger, Payment } from "../../../src/rules/types";
import { amount, shown } from "../../support/money";
import { BASE, managementLedgerArb } from "./ledger-arb";

const day = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number);
  return fromYmd(y, m, d);
};
function invoice(no: string, issued: string | null, due: string, total: string, extra: Partial<Invoice> = {}): Invoice {
  return { customer: "甲公司", invoiceNo: no, invoiceDate: issued === null ? null : day(issued), dueDate: day(due), amount: amount(total), received: 0, currency: "CNY", disputed: false, ...extra };
}
function payment(date: string | null, paid: string, extra: Partial<Payment> = {}): Payment {
  return { customer: "甲公司", date: date === null ? null : day(date), amount: amount(paid), currency: "CNY", ...extra };
}

describe("receivablesHistory by hand", () => {
  /**
   * Month ends 01-31, 02-28, 03-31 of 2026:
   *   A 1,000.00 issued 01-10; B 500.00 issued 02-15 with 100.00 received; C 800.00 issued 04-02 (after them all).
   *   Payment 300.00 on 02-05 (FIFO); 200.00 on 01-20 naming C, held as credit until C exists (04-02);
   *   credit note −50.00 on 03-03; 60.00 undated (there before any date).
   *   01-31: 1,000.00 − 60.00 = 940.00 · 02-28: 1,500.00 − 60 − 300 − 100 = 1,040.00 · 03-31: 1,040.00 − 50.00 = 990.00
   *   Sales: 1,000.00 | 500.00 | 0.00
   */
  const ledger: Ledger = {
    scale: 2,
    invoices: [
      invoice("A", "2026-01-10", "2026-02-09", "1000.00"),
      invoice("B", "2026-02-15", "2026-03-17", "500.00", { received: amount("100.00") }),
      invoice("C", "2026-04-02", "2026-05-02", "800.00"),
      invoice("CN", "2026-03-03", "2026-03-03", "-50.00"),
    ],
    payments: [payment("2026-02-05", "300.00"), payment("2026-01-20", "200.00", { invoiceRef: "C" }), payment(null, "60.00")],
    customers: [],
  };
  const dates = [day("2026-01-31"), day("2026-02-28"), day("2026-03-31")];

  test("receivables 940.00, 1,040.00, 990.00 and sales 1,000.00, 500.00, 0.00", () => {
    const cny = receivablesHistory(ledger, dates, DEFAULT_POLICY).get("CNY")!;
    expect(cny.receivables.map((units) => shown(units))).toEqual(["940.00", "1040.00", "990.00"]);
    expect(cny.sales.map((units) => shown(units))).toEqual(["1000.00", "500.00", "0.00"]);
  });

  test("each figure is what the as-of rebuild leaves outstanding at that date", () => {
    const rebuilt = dates.map((date) => shown(buildReport(ledger, date, DEFAULT_POLICY).customers[0].outstanding));
    expect(rebuilt).toEqual(["940.00", "1040.00", "990.00"]);
  });

  test("once C exists the held 200.00 settles it: as of 2026-04-30, 990.00 + 800.00 − 200.00 = 1,590.00", () => {
    const cny = receivablesHistory(ledger, [...dates, day("2026-04-30")], DEFAULT_POLICY).get("CNY")!;
    expect(shown(cny.receivables[3])).toBe("1590.00");
  });

  test("does not mutate its input", () => {
    const before = JSON.stringify(ledger);
    receivablesHistory(ledger, dates, DEFAULT_POLICY);
    expect(JSON.stringify(ledger)).toBe(before);
  });
});

describe("receivablesHistory against as-of rebuilds (property)", () => {
  test("at each of 24 month ends, every currency's receivables equal Σ outstanding of buildReport at that date", () => {
    fc.assert(
      fc.property(managementLedgerArb, fc.integer({ min: 0, max: 480 }), (ledger, offset) => {
        const asOf = BASE + offset;
        const dates = Array.from({ length: 24 }, (_, k) => monthsBack(asOf, 23 - k));
        const history = receivablesHistory(ledger, dates, DEFAULT_POLICY);
        dates.forEach((date, index) => {
          const expected = new Map<string, Minor>();
          for (const customer of buildReport(ledger, date, DEFAULT_POLICY).customers) {
            expected.set(customer.currency, add(expected.get(customer.currency) ?? 0, customer.outstanding));
          }
          for (const [currency, total] of expected) expect([currency, date, history.get(currency)?.receivables[index] ?? 0]).toEqual([currency, date, total]);
          for (const [currency, found] of history) expect([currency, date, found.receivables[index]]).toEqual([currency, date, expected.get(currency) ?? 0]);
        });
      }),
      { numRuns: 300 },
    );
  });
});
