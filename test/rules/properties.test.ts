import fc from "fast-check";
import { lateInterest } from "../../src/rules/interest";
import { applyLedger } from "../../src/rules/ledger";
import { buildReport } from "../../src/rules/report";
import { fromYmd } from "../../src/rules/dates";
import { Dec, toDecimal, ZERO, sum } from "../../src/rules/money";
import type { Decimal } from "../../src/rules/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { Policy } from "../../src/rules/policy-types";
import type { Invoice, Ledger, Payment } from "../../src/rules/types";

const BASE = fromYmd(2026, 1, 1);
const CUSTOMERS = ["甲", "乙", " 甲 "];

/** An amount in fen as a decimal string, e.g. 12345 → "123.45". */
const fenText = (fen: number): string => new Dec(fen).dividedBy(100).toFixed(2);

const invoiceArb = fc
  .record({
    customer: fc.constantFrom(...CUSTOMERS),
    no: fc.integer({ min: 1, max: 30 }),
    offset: fc.integer({ min: 0, max: 200 }),
    term: fc.integer({ min: 0, max: 90 }),
    fen: fc.integer({ min: -50_000, max: 5_000_000 }),
    receivedFen: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6_000_000 })),
    currency: fc.constantFrom("CNY", "", "USD"),
    disputed: fc.boolean(),
  })
  .map(
    (r): Invoice => ({
      customer: r.customer,
      invoiceNo: `N-${r.no}`,
      invoiceDate: BASE + r.offset,
      dueDate: BASE + r.offset + r.term,
      amount: toDecimal(fenText(r.fen)),
      received: r.fen > 0 ? toDecimal(fenText(r.receivedFen)) : ZERO,
      currency: r.currency,
      disputed: r.disputed,
    }),
  );

const paymentArb = fc
  .record({
    customer: fc.constantFrom(...CUSTOMERS),
    offset: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
    fen: fc.integer({ min: 1, max: 5_000_000 }),
    ref: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    currency: fc.constantFrom("CNY", "", "USD"),
  })
  .map(
    (r): Payment => ({
      customer: r.customer,
      date: r.offset === null ? null : BASE + r.offset,
      amount: toDecimal(fenText(r.fen)),
      currency: r.currency,
      invoiceRef: r.ref === undefined ? undefined : `N-${r.ref}`,
    }),
  );

const ledgerArb = fc.record({
  invoices: fc.array(invoiceArb, { maxLength: 25 }),
  payments: fc.array(paymentArb, { maxLength: 12 }),
  customers: fc.constant([]),
}) as fc.Arbitrary<Ledger>;

const asOfArb = fc.integer({ min: 0, max: 400 }).map((offset) => BASE + offset);

describe("properties", () => {
  test("a customer's buckets add up to its outstanding, to the fen, and every item is never below zero", () => {
    fc.assert(
      fc.property(ledgerArb, asOfArb, (ledger, asOf) => {
        for (const customer of buildReport(ledger, asOf, DEFAULT_POLICY).customers) {
          const openTotal = sum(customer.items.map((item) => item.state.outstanding));
          expect(sum(customer.buckets).toFixed(2)).toBe(customer.outstanding.toFixed(2));
          expect(customer.outstanding.toFixed(2)).toBe(openTotal.toFixed(2));
          for (const item of customer.items) expect(item.state.outstanding.isPositive()).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("applications add up to the whole: applied + unapplied credit = cash + credit notes; amount − applied = outstanding", () => {
    fc.assert(
      fc.property(ledgerArb, asOfArb, (ledger, asOf) => {
        const applied = applyLedger(ledger, asOf, DEFAULT_POLICY);
        const included = ledger.invoices.filter((i) => i.invoiceDate === null || i.invoiceDate <= asOf);
        const cash = sum(
          ledger.payments.filter((p) => p.date === null || p.date <= asOf).map((p) => p.amount),
        );
        const received = sum(included.filter((i) => i.amount.isPositive()).map((i) => i.received));
        const credits = sum(included.filter((i) => i.amount.isNegative()).map((i) => i.amount.negated()));
        let appliedTotal: Decimal = ZERO;
        let unapplied: Decimal = ZERO;
        for (const account of applied.accounts) {
          unapplied = unapplied.plus(account.unappliedCredit);
          for (const state of account.items) {
            const applications = sum(state.applications.map((a) => a.amount));
            appliedTotal = appliedTotal.plus(applications);
            expect(state.invoice.amount.minus(applications).toString()).toBe(state.outstanding.toString());
            expect(state.outstanding.isNegative()).toBe(false);
          }
        }
        expect(appliedTotal.plus(unapplied).toString()).toBe(cash.plus(received).plus(credits).toString());
      }),
      { numRuns: 200 },
    );
  });

  test("a customer's interest is the sum over all its invoices, open or settled; settledInterest is the settled part", () => {
    fc.assert(
      fc.property(ledgerArb, asOfArb, (ledger, asOf) => {
        const accounts = applyLedger(ledger, asOf, DEFAULT_POLICY).accounts;
        const customers = buildReport(ledger, asOf, DEFAULT_POLICY).customers;
        expect(customers).toHaveLength(accounts.length);
        customers.forEach((customer, i) => {
          const interestOf = (settled: boolean) =>
            sum(accounts[i].items.filter((s) => s.outstanding.isZero() === settled).map((s) => lateInterest(s, asOf, DEFAULT_POLICY)));
          expect(customer.settledInterest?.toFixed(2)).toBe(interestOf(true).toFixed(2));
          expect(customer.interest.toFixed(2)).toBe(interestOf(true).plus(interestOf(false)).toFixed(2));
          expect(customer.interest.toString()).toBe(sum(customer.items.map((item) => item.interest)).plus(customer.settledInterest ?? ZERO).toString());
        });
      }),
      { numRuns: 300 },
    );
  });

  test("interest of an invoice never decreases as the as-of date grows, and is never negative", () => {
    const policyArb = fc.record({
      graceDays: fc.integer({ min: 0, max: 10 }),
      capRatio: fc.option(fc.constantFrom("0.01", "0.05", "0.2"), { nil: null }),
    });
    const oneInvoiceArb = fc.record({
      invoice: invoiceArb.filter((i) => i.amount.isPositive()),
      payments: fc.array(paymentArb, { maxLength: 6 }),
    });
    fc.assert(
      // As-of dates are drawn around the due date, where the start of interest is decided.
      fc.property(oneInvoiceArb, policyArb, fc.integer({ min: -15, max: 120 }), fc.integer({ min: -15, max: 120 }), ({ invoice, payments }, terms, da, db) => {
        const a = invoice.dueDate + da;
        const b = invoice.dueDate + db;
        const policy: Policy = {
          ...DEFAULT_POLICY,
          interest: { dailyRate: toDecimal("0.0005"), graceDays: terms.graceDays, capRatio: terms.capRatio === null ? null : toDecimal(terms.capRatio) },
        };
        // One invoice per account, so FIFO cannot move cash between invoices as dates pass.
        const ledger: Ledger = {
          invoices: [{ ...invoice, customer: "甲", currency: "CNY" }],
          payments: payments.map((p) => ({ ...p, customer: "甲", currency: "CNY" })),
          customers: [],
        };
        const [early, late] = a <= b ? [a, b] : [b, a];
        const interestAt = (asOf: number): Decimal => {
          const state = applyLedger(ledger, asOf, policy).accounts[0]?.items[0];
          return state === undefined ? ZERO : lateInterest(state, asOf, policy);
        };
        const before = interestAt(early);
        const after = interestAt(late);
        expect(before.isNegative()).toBe(false);
        expect(after.greaterThanOrEqualTo(before)).toBe(true);
        const state = applyLedger(ledger, early, policy).accounts[0]?.items[0];
        if (state !== undefined) {
          expect(lateInterest(state, late, policy).greaterThanOrEqualTo(lateInterest(state, early, policy))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
