/** Money that moved in a period, per account (period-flows.ts). */
import { fromYmd } from "../../../src/rules/dates";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { addFlows, cashAndBills, periodFlows } from "../../../src/rules/period-flows";
import type { Invoice, Ledger, Payment } from "../../../src/rules/types";
import { amount, shown } from "../../support/money";

const MARCH = [fromYmd(2026, 3, 1), fromYmd(2026, 3, 31)] as const;
function invoice(no: string, issued: number | null, due: number, total: string, extra: Partial<Invoice> = {}): Invoice {
  return { customer: "甲公司", invoiceNo: no, invoiceDate: issued, dueDate: due, amount: amount(total), received: 0, currency: "", disputed: false, ...extra };
}
function payment(date: number | null, paid: string, extra: Partial<Payment> = {}): Payment {
  return { customer: " 甲公司", date, amount: amount(paid), currency: "CNY", ...extra };
}

/**
 * March 2026. Sales: I1 1,000.00 (03-05). Due in March: I0 500.00 (due 03-10) and I1? no (due 04-04).
 * I2 2,000.00 issued 04-02 due 03-31 does not exist yet; I3 undated due 03-20 300.00 falls due; a credit
 * note is no sale. Receipts: 400.00 wire 03-20, 100.00 without a method 03-31, 250.00 e-bill 03-01;
 * 999.00 on 02-28 and an undated 77.00 are outside the period.
 */
const ledger: Ledger = {
  scale: 2,
  invoices: [
    invoice("I0", fromYmd(2026, 2, 8), fromYmd(2026, 3, 10), "500.00"),
    invoice("I1", fromYmd(2026, 3, 5), fromYmd(2026, 4, 4), "1000.00"),
    invoice("I2", fromYmd(2026, 4, 2), fromYmd(2026, 3, 31), "2000.00"),
    invoice("I3", null, fromYmd(2026, 3, 20), "300.00"),
    invoice("CN", fromYmd(2026, 3, 6), fromYmd(2026, 3, 6), "-50.00"),
  ],
  payments: [
    payment(fromYmd(2026, 3, 20), "400.00", { method: "wire" }),
    payment(fromYmd(2026, 3, 31), "100.00"),
    payment(fromYmd(2026, 3, 1), "250.00", { method: "eBill" }),
    payment(fromYmd(2026, 2, 28), "999.00", { method: "cash" }),
    payment(null, "77.00", { method: "cash" }),
  ],
  customers: [],
};

describe("periodFlows", () => {
  const flows = periodFlows(ledger, ...MARCH, DEFAULT_POLICY).get("甲公司", "CNY")!;

  test("sales 1,000.00; due 800.00 (I0 500.00 + I3 300.00); collected 750.00", () => {
    expect([shown(flows.creditSales), shown(flows.dueInPeriod), shown(flows.collected)]).toEqual(["1000.00", "800.00", "750.00"]);
  });

  test("by method: wire 400.00, e-bill 250.00, unstated 100.00 → cash 400.00, bills 250.00", () => {
    expect([flows.byMethod.wire, flows.byMethod.eBill, flows.byMethod.unstated, flows.byMethod.cash].map((units) => shown(units))).toEqual([
      "400.00", "250.00", "100.00", "0.00",
    ]);
    const { cash, bills } = cashAndBills(flows);
    expect([shown(cash), shown(bills)]).toEqual(["400.00", "250.00"]);
  });

  test("addFlows adds every field", () => {
    const twice = addFlows([flows, flows]);
    expect([shown(twice.collected), shown(twice.byMethod.wire), shown(twice.dueInPeriod)]).toEqual(["1500.00", "800.00", "1600.00"]);
  });

  test("accounts are found as applyLedger groups them: trimmed customer, the policy currency for none", () => {
    const found = periodFlows(ledger, ...MARCH, DEFAULT_POLICY);
    expect([found.get(" 甲公司 ", ""), found.get("甲公司", "USD")]).toEqual([flows, undefined]);
  });
});
