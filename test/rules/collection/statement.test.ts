import fc from "fast-check";
import { accountKey } from "../../../src/rules/accounts";
import { add, subtract, sum, type Minor } from "../../../src/rules/money";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { buildReport } from "../../../src/rules/report";
import { statementsFor, type Statement } from "../../../src/rules/statement";
import type { Invoice, Ledger, Payment } from "../../../src/rules/types";
import { shown } from "../../support/money";
import { day, invoice, payment } from "./fixtures";

const FROM = day("2026-11-01");
const TO = day("2026-11-30");

function statementOf(ledger: Ledger, customer = "甲公司", from = FROM, to = TO): Statement {
  const found = statementsFor(ledger, buildReport(ledger, to, DEFAULT_POLICY), from, DEFAULT_POLICY, { customers: [customer] });
  expect(found).toHaveLength(1);
  return found[0];
}

describe("statementsFor (POLICY §13), figures by hand", () => {
  // Before November: INV-1 20,000.00 (10-10) and 3,000.00 received on 10-20 → opening 17,000.00.
  // November: INV-2 5,000.00 (11-05, 1,000.00 in its received column), credit note 500.00 (11-12),
  // 12,000.00 received 11-20; INV-3 of 12-02 and a receipt of 12-03 are after the period.
  const ledger: Ledger = {
    scale: 2,
    invoices: [
      invoice("甲公司", "INV-1", "2026-10-10", "2026-11-09", "20000.00"),
      invoice("甲公司", "INV-2", "2026-11-05", "2026-12-05", "5000.00", { received: 100000 }),
      invoice("甲公司", "CN-1", "2026-11-12", "2026-11-12", "-500.00"),
      invoice("甲公司", "INV-3", "2026-12-02", "2027-01-01", "9000.00"),
      invoice("乙公司", "B-1", "2026-11-15", "2026-12-15", "700.00"),
    ],
    payments: [payment("甲公司", "2026-10-20", "3000.00"), payment("甲公司", "2026-11-20", "12000.00", { invoiceRef: "INV-1" }), payment("甲公司", "2026-12-03", "9000.00")],
    customers: [{ name: "甲公司", contact: "王经理" }],
  };

  test("opening, every line in date order with a running balance, closing", () => {
    const statement = statementOf(ledger);
    expect(shown(statement.opening)).toBe("17000.00");
    expect(statement.lines.map((l) => [l.date, l.kind, l.reference, shown(l.debit), shown(l.credit), shown(l.balance)])).toEqual([
      [day("2026-11-05"), "invoice", "INV-2", "5000.00", "0.00", "22000.00"],
      [day("2026-11-05"), "received", "INV-2", "0.00", "1000.00", "21000.00"],
      [day("2026-11-12"), "creditNote", "CN-1", "0.00", "500.00", "20500.00"],
      [day("2026-11-20"), "payment", "INV-1", "0.00", "12000.00", "8500.00"],
    ]);
    expect(shown(statement.closing)).toBe("8500.00");
    expect(statement.info?.contact).toBe("王经理");
  });

  test("the closing balance is the aging's outstanding as of the period's end, with its aging", () => {
    const statement = statementOf(ledger);
    // As of 11-30: INV-1 20,000 − 3,000 − 500 (credit FIFO) − 12,000 = 4,500 overdue 21 days; INV-2 4,000 not due.
    expect(shown(statement.outstanding)).toBe("8500.00");
    expect(statement.buckets.map((b) => shown(b))).toEqual(["4000.00", "4500.00", "0.00", "0.00", "0.00"]);
    expect(shown(statement.unappliedCredit)).toBe("0.00");
  });

  test("a customer with nothing in the period and nothing owed gets no statement; one customer can be asked for", () => {
    const all = statementsFor(ledger, buildReport(ledger, TO, DEFAULT_POLICY), FROM, DEFAULT_POLICY);
    expect(all.map((s) => s.customer)).toEqual(["乙公司", "甲公司"]);
    const october = statementsFor(ledger, buildReport(ledger, day("2026-09-30"), DEFAULT_POLICY), day("2026-09-01"), DEFAULT_POLICY);
    expect(october).toEqual([]);
  });

  test("an overpayment: the balance goes below zero and equals outstanding − unapplied credit", () => {
    const overpaid: Ledger = { scale: 2, invoices: [invoice("甲公司", "INV-1", "2026-11-02", "2026-12-02", "1000.00")], payments: [payment("甲公司", "2026-11-10", "1500.00")], customers: [] };
    const statement = statementOf(overpaid);
    expect(shown(statement.closing)).toBe("-500.00");
    expect([shown(statement.outstanding), shown(statement.unappliedCredit)]).toEqual(["0.00", "500.00"]);
  });
});

// ---------------------------------------------------------------------------------------------
// The statement property: over random ledgers, the closing balance is the aging's as of `to`.

const CUSTOMERS = ["甲", " 甲 ", "乙"];
const CURRENCIES = ["CNY", "", "USD"];
const NUMBERS = ["N-1", "N-2", "N-10", " N-1"];
const BASE = day("2026-01-01");

const moneyArb = (min: number, max: number): fc.Arbitrary<Minor> =>
  fc.oneof({ weight: 9, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: fc.bigInt({ min: 10n ** 16n, max: 10n ** 19n }).map((v): Minor => v) });

const ledgerArb: fc.Arbitrary<Ledger> = fc.record({
  scale: fc.constantFrom(2, 3),
  invoices: fc.array(
    fc.record({
      customer: fc.constantFrom(...CUSTOMERS),
      invoiceNo: fc.constantFrom(...NUMBERS),
      invoiceDate: fc.option(fc.integer({ min: 0, max: 200 }).map((d) => BASE + d), { nil: null, freq: 6 }),
      term: fc.integer({ min: 0, max: 60 }),
      amount: moneyArb(-50_000, 5_000_000),
      received: fc.oneof(fc.constant<Minor>(0), moneyArb(0, 6_000_000)),
      currency: fc.constantFrom(...CURRENCIES),
      disputed: fc.boolean(),
    }).map(({ term, ...rest }): Invoice => ({ ...rest, dueDate: (rest.invoiceDate ?? BASE) + term })),
    { maxLength: 12 },
  ),
  payments: fc.array(
    fc.record({
      customer: fc.constantFrom(...CUSTOMERS),
      date: fc.option(fc.integer({ min: 0, max: 220 }).map((d) => BASE + d), { nil: null, freq: 5 }),
      amount: moneyArb(1, 4_000_000),
      currency: fc.constantFrom(...CURRENCIES),
      invoiceRef: fc.option(fc.constantFrom("N-1", "N-2", "N-10", "Z-9"), { nil: undefined }),
    }).map((p): Payment => (p.invoiceRef === undefined ? { customer: p.customer, date: p.date, amount: p.amount, currency: p.currency } : (p as Payment))),
    { maxLength: 8 },
  ),
  customers: fc.constant([]),
});

describe("statementsFor: the closing balance equals the aging's outstanding as of `to` (property)", () => {
  test("closing = outstanding − unapplied credit = opening + Σ debit − Σ credit; opening = the balance the day before `from`", () => {
    fc.assert(
      fc.property(ledgerArb, fc.integer({ min: 0, max: 230 }), fc.integer({ min: 0, max: 60 }), (ledger, toOffset, length) => {
        const to = BASE + toOffset;
        const from = to - length;
        const report = buildReport(ledger, to, DEFAULT_POLICY);
        const before = buildReport(ledger, from - 1, DEFAULT_POLICY);
        const statements = statementsFor(ledger, report, from, DEFAULT_POLICY);
        const byKey = new Map(statements.map((s) => [accountKey(s.customer, s.currency), s]));
        for (const customer of report.customers) {
          const net = subtract(customer.outstanding, customer.unappliedCredit);
          const statement = byKey.get(accountKey(customer.customer, customer.currency));
          if (statement === undefined) {
            expect(net).toBe(0);
            continue;
          }
          expect(statement.closing).toBe(net);
          expect(sum(statement.buckets)).toBe(customer.outstanding);
          const moved = subtract(sum(statement.lines.map((l) => l.debit)), sum(statement.lines.map((l) => l.credit)));
          expect(add(statement.opening, moved)).toBe(statement.closing);
          const earlier = before.customers.find((c) => c.customer === customer.customer && c.currency === customer.currency);
          expect(statement.opening).toBe(earlier === undefined ? 0 : subtract(earlier.outstanding, earlier.unappliedCredit));
          for (let i = 0; i < statement.lines.length; i++) {
            const line = statement.lines[i];
            expect(line.date >= from && line.date <= to).toBe(true);
            if (i > 0) expect(statement.lines[i - 1].date <= line.date).toBe(true);
          }
        }
      }),
      { numRuns: 800 },
    );
  });
});
