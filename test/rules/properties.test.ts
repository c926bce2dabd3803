import fc from "fast-check";
import { interestTerms, lateInterest } from "../../src/rules/interest";
import { applyLedger } from "../../src/rules/ledger";
import { buildReport } from "../../src/rules/report";
import { fromYmd } from "../../src/rules/dates";
import { toDecimal } from "../../src/rules/decimal";
import { add, negate, subtract, sum, type Minor } from "../../src/rules/money";
import { shown } from "../support/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { Policy } from "../../src/rules/policy-types";
import type { Invoice, Ledger, Payment } from "../../src/rules/types";

const BASE = fromYmd(2026, 1, 1);
const CUSTOMERS = ["甲", "乙", " 甲 "];

const TERMS = interestTerms(DEFAULT_POLICY);

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
      amount: r.fen,
      received: r.fen > 0 ? r.receivedFen : 0,
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
      amount: r.fen,
      currency: r.currency,
      invoiceRef: r.ref === undefined ? undefined : `N-${r.ref}`,
    }),
  );

const ledgerArb = fc.record({
  scale: fc.constant(2),
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
          expect(shown(sum(customer.buckets))).toBe(shown(customer.outstanding));
          expect(shown(customer.outstanding)).toBe(shown(openTotal));
          for (const item of customer.items) expect(item.state.outstanding > 0).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("applications add up to the whole: applied + unapplied credit = cash + received + credit notes; amount − applied = outstanding", () => {
    fc.assert(
      fc.property(ledgerArb, asOfArb, (ledger, asOf) => {
        const applied = applyLedger(ledger, asOf, DEFAULT_POLICY);
        const included = ledger.invoices.filter((i) => i.invoiceDate === null || i.invoiceDate <= asOf);
        const cash = sum(ledger.payments.filter((p) => p.date === null || p.date <= asOf).map((p) => p.amount));
        const received = sum(included.filter((i) => i.amount > 0).map((i) => i.received));
        const credits = sum(included.filter((i) => i.amount < 0).map((i) => negate(i.amount)));
        const items = new Set(applied.accounts.flatMap((account) => account.items.map((state) => state.invoice)));
        // An invoice that is no item was settled in full by its own received column.
        let appliedTotal: Minor = 0;
        for (const invoice of included) {
          if (invoice.amount > 0 && !items.has(invoice)) {
            expect(invoice.received >= invoice.amount).toBe(true);
            appliedTotal = add(appliedTotal, invoice.amount);
          }
        }
        let unapplied: Minor = 0;
        for (const account of applied.accounts) {
          unapplied = add(unapplied, account.unappliedCredit);
          for (const state of account.items) {
            const applications = sum(state.applications.map((a) => a.amount));
            appliedTotal = add(appliedTotal, applications);
            expect(subtract(state.invoice.amount, applications)).toBe(state.outstanding);
            expect(state.outstanding >= 0).toBe(true);
          }
        }
        expect(add(appliedTotal, unapplied)).toBe(add(add(cash, received), credits));
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
            sum(accounts[i].items.filter((s) => (s.outstanding === 0) === settled).map((s) => lateInterest(s, asOf, TERMS, 2)));
          expect(shown(customer.settledInterest)).toBe(shown(interestOf(true)));
          expect(shown(customer.interest)).toBe(shown(add(interestOf(true), interestOf(false))));
          expect(customer.interest).toBe(add(sum(customer.items.map((item) => item.interest)), customer.settledInterest));
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
      invoice: invoiceArb.filter((i) => i.amount > 0),
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
          scale: 2,
          invoices: [{ ...invoice, customer: "甲", currency: "CNY" }],
          payments: payments.map((p) => ({ ...p, customer: "甲", currency: "CNY" })),
          customers: [],
        };
        const [early, late] = a <= b ? [a, b] : [b, a];
        const rules = interestTerms(policy);
        const interestAt = (asOf: number): Minor => {
          const state = applyLedger(ledger, asOf, policy).accounts[0]?.items[0];
          return state === undefined ? 0 : lateInterest(state, asOf, rules, 2);
        };
        const before = interestAt(early);
        const after = interestAt(late);
        expect(before >= 0).toBe(true);
        expect(after >= before).toBe(true);
        const state = applyLedger(ledger, early, policy).accounts[0]?.items[0];
        if (state !== undefined) {
          expect(lateInterest(state, late, rules, 2) >= lateInterest(state, early, rules, 2)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
