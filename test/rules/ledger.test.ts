import { rowErrorText } from "../../src/i18n/messages";
import { applyLedger } from "../../src/rules/ledger";
import { fromYmd } from "../../src/rules/dates";
import { amount, shown } from "../support/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { Invoice, Ledger, Payment, CustomerAccount } from "../../src/rules/types";

const day = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number);
  return fromYmd(y, m, d);
};

function invoice(customer: string, invoiceNo: string, date: string | null, due: string, total: string, extra: Partial<Invoice> = {}): Invoice {
  return {
    customer,
    invoiceNo,
    invoiceDate: date === null ? null : day(date),
    dueDate: day(due),
    amount: amount(total),
    received: 0,
    currency: "CNY",
    disputed: false,
    ...extra,
  };
}

function payment(customer: string, date: string | null, paid: string, extra: Partial<Payment> = {}): Payment {
  return { customer, date: date === null ? null : day(date), amount: amount(paid), currency: "CNY", ...extra };
}

const ledgerOf = (invoices: Invoice[], payments: Payment[] = [], customers: Ledger["customers"] = []): Ledger => ({ scale: 2, invoices, payments, customers });

const outstandingByNo = (account: CustomerAccount): Record<string, string> =>
  Object.fromEntries(account.items.map((s) => [s.invoice.invoiceNo, shown(s.outstanding)]));

describe("applyLedger", () => {
  test("FIFO: a credit note then a partial payment settle the oldest of three invoices first", () => {
    const ledger = ledgerOf(
      [
        invoice("甲公司", "A-3", "2026-02-01", "2026-03-03", "3000.00"),
        invoice("甲公司", "A-1", "2026-01-01", "2026-01-31", "1000.00"),
        invoice("甲公司", "A-2", "2026-01-10", "2026-02-09", "2000.00"),
        invoice("甲公司", "CN-1", "2026-02-05", "2026-02-05", "-500.00"),
      ],
      [payment("甲公司", "2026-02-10", "1800.00")],
    );
    const { accounts, errors } = applyLedger(ledger, day("2026-03-31"), DEFAULT_POLICY);
    expect(errors).toEqual([]);
    expect(accounts).toHaveLength(1);
    const account = accounts[0];
    // The credit note carries no aging itself: only the three invoices are items, in FIFO order.
    expect(account.items.map((s) => s.invoice.invoiceNo)).toEqual(["A-1", "A-2", "A-3"]);
    // CN-1 (500, 02-05) leaves A-1 at 500; the payment of 1,800 pays A-1's 500 and 1,300 of A-2.
    expect(outstandingByNo(account)).toEqual({ "A-1": "0.00", "A-2": "700.00", "A-3": "3000.00" });
    const a1 = account.items[0];
    expect(a1.applications.map((a) => [a.kind, shown(a.amount), a.date])).toEqual([
      ["credit", "500.00", day("2026-02-05")],
      ["payment", "500.00", day("2026-02-10")],
    ]);
    expect(a1.settledOn).toBe(day("2026-02-10"));
    expect(account.items[1].settledOn).toBeNull();
    expect(shown(account.unappliedCredit)).toBe("0.00");
  });

  test("FIFO ties on due date fall back to invoice date, then invoice number", () => {
    const ledger = ledgerOf(
      [
        invoice("乙", "X-2", "2026-01-05", "2026-02-01", "100"),
        invoice("乙", "X-1", "2026-01-05", "2026-02-01", "100"),
        invoice("乙", "X-0", "2026-01-06", "2026-02-01", "100"),
        invoice("乙", "X-9", "2026-01-01", "2026-01-20", "100"),
      ],
      [payment("乙", "2026-02-02", "150")],
    );
    const account = applyLedger(ledger, day("2026-03-01"), DEFAULT_POLICY).accounts[0];
    expect(account.items.map((s) => s.invoice.invoiceNo)).toEqual(["X-9", "X-1", "X-2", "X-0"]);
    expect(outstandingByNo(account)).toEqual({ "X-9": "0.00", "X-1": "50.00", "X-2": "100.00", "X-0": "100.00" });
  });

  test("an invoice its own received column settled stays an item when a payment names it; the payment then goes FIFO", () => {
    const ledger = ledgerOf(
      [
        invoice("丁", "C-1", "2026-01-01", "2026-01-31", "1000.00"),
        invoice("丁", "C-2", "2026-01-10", "2026-02-09", "500.00", { received: amount("500.00") }),
      ],
      [payment("丁", "2026-02-20", "300.00", { invoiceRef: "C-2" })],
    );
    const { accounts, errors } = applyLedger(ledger, day("2026-03-01"), DEFAULT_POLICY);
    expect(errors).toEqual([]);
    // C-2 takes nothing more; its 300 pays C-1 down to 700.
    expect(outstandingByNo(accounts[0])).toEqual({ "C-1": "700.00", "C-2": "0.00" });
  });

  test("a payment naming an invoice settles it, and its excess goes FIFO", () => {
    const ledger = ledgerOf(
      [invoice("丙", "B-1", "2026-01-01", "2026-01-31", "1000.00"), invoice("丙", "B-2", "2026-01-15", "2026-02-14", "500.00")],
      [payment("丙", "2026-02-01", "1200.00", { invoiceRef: " B-2 " })],
    );
    const { accounts, errors } = applyLedger(ledger, day("2026-03-01"), DEFAULT_POLICY);
    expect(errors).toEqual([]);
    // B-2 takes its 500; the 700 left pays the oldest open item B-1 down to 300.
    expect(outstandingByNo(accounts[0])).toEqual({ "B-1": "300.00", "B-2": "0.00" });
    expect(accounts[0].items[1].settledOn).toBe(day("2026-02-01"));
    expect(shown(accounts[0].unappliedCredit)).toBe("0.00");
  });

  test("a payment naming an unknown invoice is a row error and is applied FIFO", () => {
    const ledger = ledgerOf(
      [invoice("丙", "B-1", "2026-01-01", "2026-01-31", "1000.00")],
      [payment("丙", "2026-02-01", "400.00", { invoiceRef: "B-404", source: { sheet: "回款", row: 7, column: "C" } })],
    );
    const { accounts, errors } = applyLedger(ledger, day("2026-03-01"), DEFAULT_POLICY);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: "回款", row: 7, column: "C" });
    const message = rowErrorText(errors[0], "en");
    expect(message).toContain("B-404");
    expect(message).toContain("not found");
    expect(message).toContain("FIFO");
    expect(outstandingByNo(accounts[0])).toEqual({ "B-1": "600.00" });
  });

  test("a payment naming an invoice issued after the as-of date is held as credit, not an error", () => {
    const ledger = ledgerOf(
      [invoice("丙", "B-1", "2026-01-01", "2026-01-31", "1000.00"), invoice("丙", "B-9", "2026-03-10", "2026-04-09", "500.00")],
      [payment("丙", "2026-02-20", "500.00", { invoiceRef: "B-9" })],
    );
    const early = applyLedger(ledger, day("2026-03-01"), DEFAULT_POLICY);
    expect(early.errors).toEqual([]);
    expect(outstandingByNo(early.accounts[0])).toEqual({ "B-1": "1000.00" });
    expect(shown(early.accounts[0].unappliedCredit)).toBe("500.00");
    const later = applyLedger(ledger, day("2026-03-31"), DEFAULT_POLICY);
    expect(later.errors).toEqual([]);
    expect(outstandingByNo(later.accounts[0])).toEqual({ "B-1": "1000.00", "B-9": "0.00" });
  });

  test("the received column is applied to its own invoice first, undated; an excess goes FIFO", () => {
    const ledger = ledgerOf([
      invoice("丁", "C-1", "2026-01-01", "2026-01-31", "1000.00", { received: amount("400.00") }),
      invoice("丁", "C-2", "2026-01-10", "2026-02-09", "500.00", { received: amount("700.00") }),
    ]);
    const account = applyLedger(ledger, day("2026-03-01"), DEFAULT_POLICY).accounts[0];
    // C-1: 1,000 − 400 = 600, then C-2's excess 200 → 400. C-2, settled by its own received
    // column (undated: no aging, interest or late event), is no item.
    expect(outstandingByNo(account)).toEqual({ "C-1": "400.00" });
    expect(account.items[0].applications.map((a) => [a.kind, shown(a.amount), a.date])).toEqual([
      ["received", "400.00", null],
      ["received", "200.00", null],
    ]);
    expect(account.items[0].settledOn).toBeNull();
  });

  test("as of a date, later invoices and later payments are ignored; undated payments count", () => {
    const ledger = ledgerOf(
      [invoice("戊", "D-1", "2026-01-01", "2026-01-31", "1000.00"), invoice("戊", "D-2", "2026-03-02", "2026-04-01", "800.00")],
      [payment("戊", "2026-03-05", "1000.00"), payment("戊", null, "100.00")],
    );
    const march1 = applyLedger(ledger, day("2026-03-01"), DEFAULT_POLICY).accounts[0];
    expect(outstandingByNo(march1)).toEqual({ "D-1": "900.00" });
    const april1 = applyLedger(ledger, day("2026-04-01"), DEFAULT_POLICY).accounts[0];
    // Undated 100 first, then 900 of the 03-05 payment to D-1 and its last 100 to D-2.
    expect(outstandingByNo(april1)).toEqual({ "D-1": "0.00", "D-2": "700.00" });
    expect(april1.items[0].settledOn).toBe(day("2026-03-05"));
  });

  test("cash left over is the customer's unapplied credit; a customer with payments only has an account", () => {
    const ledger = ledgerOf(
      [invoice("己", "E-1", "2026-01-01", "2026-01-31", "1000.00"), invoice("己", "CN-9", "2026-01-20", "2026-01-20", "-250.50")],
      [payment("己", "2026-02-01", "1500.00"), payment("庚", "2026-02-01", "99.99")],
    );
    const { accounts } = applyLedger(ledger, day("2026-03-01"), DEFAULT_POLICY);
    expect(accounts.map((a) => a.customer)).toEqual(["己", "庚"]);
    // 1,500 + 250.50 − 1,000 = 750.50
    expect(shown(accounts[0].unappliedCredit)).toBe("750.50");
    expect(outstandingByNo(accounts[0])).toEqual({ "E-1": "0.00" });
    expect(accounts[1].items).toEqual([]);
    expect(shown(accounts[1].unappliedCredit)).toBe("99.99");
  });

  test("two currencies of one customer are kept apart; a row without currency uses the policy's", () => {
    const ledger = ledgerOf(
      [
        invoice("辛", "F-1", "2026-01-01", "2026-01-31", "1000.00", { currency: "" }),
        invoice("辛", "F-2", "2026-01-02", "2026-02-01", "300.00", { currency: "USD" }),
      ],
      [payment("辛", "2026-02-05", "400.00", { currency: "USD" })],
    );
    const { accounts } = applyLedger(ledger, day("2026-03-01"), DEFAULT_POLICY);
    expect(accounts.map((a) => [a.customer, a.currency])).toEqual([
      ["辛", DEFAULT_POLICY.currency],
      ["辛", "USD"],
    ]);
    expect(outstandingByNo(accounts[0])).toEqual({ "F-1": "1000.00" });
    expect(shown(accounts[0].unappliedCredit)).toBe("0.00");
    expect(outstandingByNo(accounts[1])).toEqual({ "F-2": "0.00" });
    expect(shown(accounts[1].unappliedCredit)).toBe("100.00");
  });

  test("a prepayment settles a later invoice on the invoice's date", () => {
    const ledger = ledgerOf([invoice("壬", "G-1", "2026-01-15", "2026-02-14", "500.00")], [payment("壬", "2026-01-01", "500.00")]);
    const state = applyLedger(ledger, day("2026-03-01"), DEFAULT_POLICY).accounts[0].items[0];
    expect(state.applications[0].date).toBe(day("2026-01-15"));
    expect(state.settledOn).toBe(day("2026-01-15"));
  });

  test("names are matched after trimming, customer info is attached, zero-amount invoices are ignored", () => {
    const ledger = ledgerOf(
      [invoice(" 癸公司 ", "H-1", "2026-01-01", "2026-01-31", "100.00"), invoice("癸公司", "H-0", "2026-01-01", "2026-01-31", "0.00")],
      [payment("癸公司\t", "2026-02-01", "40.00")],
      [{ name: "癸公司 ", fixedLimit: amount("5000") }],
    );
    const { accounts } = applyLedger(ledger, day("2026-03-01"), DEFAULT_POLICY);
    expect(accounts).toHaveLength(1);
    expect(accounts[0].customer).toBe("癸公司");
    expect(outstandingByNo(accounts[0])).toEqual({ "H-1": "60.00" });
    expect(accounts[0].info?.fixedLimit).toBe(amount("5000"));
  });

  test("cash received on a zero-amount invoice is not lost: 100 on N-1 (amount 0) settles N-2 FIFO, 500 → 400.00", () => {
    const ledger = ledgerOf([
      invoice("子公司", "N-1", "2026-01-01", "2026-01-31", "0.00", { received: amount("100.00") }),
      invoice("子公司", "N-2", "2026-01-01", "2026-01-31", "500.00"),
    ]);
    const [account] = applyLedger(ledger, day("2026-03-31"), DEFAULT_POLICY).accounts;
    expect(outstandingByNo(account)).toEqual({ "N-2": "400.00" });
    expect(account.items[0].applications).toEqual([{ date: null, amount: amount("100.00"), kind: "received" }]);
    expect(shown(account.unappliedCredit)).toBe("0.00");
  });

  test("with no other invoice, cash received on a zero-amount invoice is unapplied credit: 100.00", () => {
    const ledger = ledgerOf([invoice("子公司", "N-1", "2026-01-01", "2026-01-31", "0", { received: amount("100") })]);
    const { accounts } = applyLedger(ledger, day("2026-03-31"), DEFAULT_POLICY);
    expect(accounts.map((a) => [a.customer, a.items.length, shown(a.unappliedCredit)])).toEqual([["子公司", 0, "100.00"]]);
  });

  test("does not mutate its input", () => {
    const ledger = ledgerOf(
      [
        invoice("甲", "A-1", "2026-01-01", "2026-01-31", "1000.00", { received: amount("100") }),
        invoice("甲", "A-2", "2026-01-10", "2026-02-09", "2000.00"),
        invoice("甲", "CN-1", "2026-02-05", "2026-02-05", "-500.00"),
      ],
      [payment("甲", "2026-02-10", "1800.00", { invoiceRef: "A-2" }), payment("甲", "2026-02-11", "50.00", { invoiceRef: "nope" })],
      [{ name: "甲", fixedLimit: amount("1000") }],
    );
    const before = JSON.stringify(ledger);
    const order = ledger.invoices.map((i) => i.invoiceNo);
    applyLedger(ledger, day("2026-03-01"), DEFAULT_POLICY);
    expect(JSON.stringify(ledger)).toBe(before);
    expect(ledger.invoices.map((i) => i.invoiceNo)).toEqual(order);
  });
});
