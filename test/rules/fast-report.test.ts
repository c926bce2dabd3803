/**
 * The fast paths of buildReport held to plain computations, to the string of every figure:
 * - buildReport (report-mode ledger: no state for invoices settled by their own received column;
 *   one pass per account on integers of fen; Decimals made when first read) against
 *   buildReportReference (every state, every account through the rules modules one by one);
 * - applyLedger (integer reading of the rows, states with lazily made figures) against a plain
 *   Decimal transcription of the ledger rules written out here.
 * The ledgers mix whole-fen amounts with amounts of three decimals and amounts of 1e13 and more
 * (which leave the integer paths), repeated and padded invoice numbers, payments naming settled,
 * missing and later invoices, credit notes, refunds, promises, and several policies.
 */
import fc from "fast-check";
import { FenAgedItem } from "../../src/rules/aging";
import { lateInterest } from "../../src/rules/interest";
import { LedgerState, applyLedger, applyLedgerForReport } from "../../src/rules/ledger";
import { Dec, ZERO, toDecimal } from "../../src/rules/money";
import type { Decimal } from "../../src/rules/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { Policy } from "../../src/rules/policy-types";
import { buildReport, buildReportReference } from "../../src/rules/report";
import { fromYmd } from "../../src/rules/dates";
import type {
  AppliedLedger,
  Application,
  CustomerAccount,
  CustomerInfo,
  Invoice,
  InvoiceState,
  Ledger,
  Payment,
  PaymentPromise,
  Report,
} from "../../src/rules/types";

const BASE = fromYmd(2026, 1, 1);
const CUSTOMERS = ["甲", "乙", " 甲 ", "丙"];
const CURRENCIES = ["CNY", "", "USD"];
const NUMBERS = ["N-1", "N-2", "N-3", "N-4", "N-5", "N-6", " N-1", "N-2 ", "N-10"];

/** An amount in fen as a decimal string, e.g. 12345 → "123.45". */
const fenText = (fen: number): string => new Dec(fen).dividedBy(100).toFixed(2);

/** Mostly whole fen; sometimes three decimals or 1e13 and more, which leave the integer paths. */
const amountArb = (min: number, max: number): fc.Arbitrary<Decimal> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min, max }).map((fen) => toDecimal(fenText(fen))) },
    { weight: 1, arbitrary: fc.integer({ min: min * 10, max: max * 10 }).map((mill) => new Dec(mill).dividedBy(1000)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 99 }).map((n) => new Dec(`${min < 0 && n % 2 ? "-" : ""}1${"0".repeat(13)}.${n}`)) },
  );

const invoiceArb = fc
  .record({
    customer: fc.constantFrom(...CUSTOMERS),
    no: fc.constantFrom(...NUMBERS),
    offset: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null, freq: 8 }),
    term: fc.integer({ min: 0, max: 90 }),
    amount: amountArb(-50_000, 5_000_000),
    received: fc.oneof(
      { weight: 4, arbitrary: fc.constant("none" as const) },
      { weight: 1, arbitrary: fc.constant("zero" as const) },
      { weight: 3, arbitrary: fc.constant("all" as const) },
      { weight: 1, arbitrary: fc.constant("more" as const) },
      { weight: 4, arbitrary: amountArb(-1_000, 6_000_000) },
    ),
    currency: fc.constantFrom(...CURRENCIES),
    disputed: fc.boolean(),
  })
  .map((r): Invoice => {
    const invoiceDate = r.offset === null ? null : BASE + r.offset;
    let received: Decimal;
    if (r.received === "none") received = ZERO;
    else if (r.received === "zero") received = toDecimal("0");
    else if (r.received === "all") received = r.amount;
    else if (r.received === "more") received = r.amount.abs().plus("12.34");
    else received = r.received;
    return {
      customer: r.customer,
      invoiceNo: r.no,
      invoiceDate,
      dueDate: (invoiceDate ?? BASE + 30) + r.term,
      amount: r.amount,
      received,
      currency: r.currency,
      disputed: r.disputed,
    };
  });

const paymentArb = fc
  .record({
    customer: fc.constantFrom(...CUSTOMERS),
    offset: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
    amount: amountArb(-20_000, 5_000_000),
    ref: fc.option(fc.constantFrom(...NUMBERS, "N-1 ", "X-9", "N-7"), { nil: undefined }),
    currency: fc.constantFrom(...CURRENCIES),
    row: fc.integer({ min: 2, max: 500 }),
  })
  .map(
    (r): Payment => ({
      customer: r.customer,
      date: r.offset === null ? null : BASE + r.offset,
      amount: r.amount,
      currency: r.currency,
      invoiceRef: r.ref,
      source: { sheet: "回款", row: r.row, column: "C" },
    }),
  );

const promiseArb = fc
  .record({
    customer: fc.constantFrom(...CUSTOMERS),
    offset: fc.integer({ min: 0, max: 300 }),
    fen: fc.integer({ min: 1, max: 5_000_000 }),
    currency: fc.constantFrom(...CURRENCIES),
    madeOn: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  })
  .map(
    (r): PaymentPromise => ({
      customer: r.customer,
      promisedDate: BASE + r.offset,
      amount: toDecimal(fenText(r.fen)),
      currency: r.currency,
      madeOn: r.madeOn === undefined ? undefined : BASE + r.madeOn,
    }),
  );

const infoArb = fc
  .record({
    name: fc.constantFrom("甲", "乙", "丙"),
    fixed: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
    temporary: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
    grade: fc.option(fc.constantFrom("A" as const, "B" as const, "C" as const, "D" as const), { nil: undefined }),
  })
  .map((r): CustomerInfo => {
    const info: CustomerInfo = { name: r.name };
    if (r.fixed !== undefined) info.fixedLimit = toDecimal(fenText(r.fixed));
    if (r.temporary !== undefined) info.temporaryLimit = toDecimal(fenText(r.temporary));
    if (r.grade !== undefined) info.gradeOverride = r.grade;
    return info;
  });

const ledgerArb: fc.Arbitrary<Ledger> = fc
  .record({
    invoices: fc.array(invoiceArb, { maxLength: 30 }),
    payments: fc.array(paymentArb, { maxLength: 20 }),
    customers: fc.array(infoArb, { maxLength: 3 }),
    promises: fc.option(fc.array(promiseArb, { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 4 }),
  })
  .map((r) => {
    const ledger: Ledger = { invoices: r.invoices, payments: r.payments, customers: r.customers };
    if (r.promises !== undefined) ledger.promises = r.promises;
    return ledger;
  });

/**
 * Few customers, numbers and days: repeated numbers with equal FIFO keys (ledger order decides),
 * invoices settled by their own received column named by payments, and more than eight named
 * payments in one account (a map of numbers instead of a scan).
 */
const crowdedLedgerArb: fc.Arbitrary<Ledger> = fc
  .record({
    invoices: fc.array(
      fc.record({
        customer: fc.constantFrom("甲", " 甲"),
        no: fc.constantFrom("N-1", "N-2", " N-1", "N-3"),
        offset: fc.integer({ min: 0, max: 3 }),
        term: fc.integer({ min: 0, max: 2 }),
        fen: fc.integer({ min: -5_000, max: 50_000 }),
        received: fc.constantFrom("none", "all", "half", "more"),
        disputed: fc.boolean(),
      }),
      { maxLength: 30 },
    ),
    payments: fc.array(
      fc.record({
        offset: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        fen: fc.integer({ min: -1_000, max: 40_000 }),
        ref: fc.option(fc.constantFrom("N-1", "N-2", "N-3", "N-1 ", "N-9"), { nil: undefined, freq: 6 }),
      }),
      { maxLength: 14 },
    ),
  })
  .map(({ invoices, payments }): Ledger => ({
    invoices: invoices.map((r): Invoice => {
      const amount = toDecimal(fenText(r.fen));
      const received =
        r.received === "none" ? ZERO : r.received === "all" ? amount : r.received === "half" ? toDecimal(fenText(Math.floor(r.fen / 2))) : amount.abs().plus(1);
      return { customer: r.customer, invoiceNo: r.no, invoiceDate: BASE + r.offset, dueDate: BASE + r.offset + r.term, amount, received, currency: "CNY", disputed: r.disputed };
    }),
    payments: payments.map(
      (r, i): Payment => ({
        customer: "甲",
        date: r.offset === null ? null : BASE + r.offset,
        amount: toDecimal(fenText(r.fen)),
        currency: "CNY",
        invoiceRef: r.ref,
        source: { sheet: "回款", row: i + 2, column: "C" },
      }),
    ),
    customers: [],
  }));

const anyLedgerArb = fc.oneof(ledgerArb, crowdedLedgerArb);

const POLICIES: [string, Policy][] = [
  ["default", DEFAULT_POLICY],
  ["grace and another rate", { ...DEFAULT_POLICY, interest: { dailyRate: new Dec("0.00033"), graceDays: 3, capRatio: null } }],
  ["nine-decimal rate", { ...DEFAULT_POLICY, interest: { dailyRate: new Dec("0.123456789"), graceDays: 0, capRatio: null } }],
  ["rate beyond the integers", { ...DEFAULT_POLICY, interest: { dailyRate: new Dec("0.0000000001"), graceDays: 0, capRatio: null } }],
  ["capped interest", { ...DEFAULT_POLICY, interest: { ...DEFAULT_POLICY.interest, capRatio: new Dec("0.05") } }],
  ["invoice-date basis", { ...DEFAULT_POLICY, agingBasis: "invoice" }],
  [
    "edges not starting at 0, flat provision",
    {
      ...DEFAULT_POLICY,
      buckets: { ...DEFAULT_POLICY.buckets, edges: [15, 45] },
      provision: { ...DEFAULT_POLICY.provision, method: "flat", flatRate: new Dec("0.075") },
    },
  ],
  [
    "provision band beyond the integers",
    {
      ...DEFAULT_POLICY,
      provision: {
        ...DEFAULT_POLICY.provision,
        bands: [
          { upToDays: 30, rate: new Dec("0.0123456789") },
          { upToDays: null, rate: new Dec("0.33") },
        ],
      },
    },
  ],
];

const asOfArb = fc.integer({ min: -10, max: 400 }).map((offset) => BASE + offset);

const text = (amount: Decimal | null | undefined): string | null => (amount === null || amount === undefined ? null : amount.toString());

/** Every figure of a state, through its properties (the lazily made ones included). */
function stateShape(state: InvoiceState, invoices: readonly Invoice[]): unknown {
  return {
    invoice: invoices.indexOf(state.invoice),
    outstanding: text(state.outstanding),
    applications: state.applications.map((a: Application) => [a.date, text(a.amount), a.kind]),
    settledOn: state.settledOn,
  };
}

/** Every figure of a report, Decimals as their exact strings. */
function reportShape(report: Report, invoices: readonly Invoice[]): unknown {
  return {
    asOf: report.asOf,
    errors: report.errors,
    customers: report.customers.map((c) => ({
      customer: c.customer,
      currency: c.currency,
      info: c.info,
      items: c.items.map((item) => ({
        state: stateShape(item.state, invoices),
        daysOverdue: item.daysOverdue,
        ageDays: item.ageDays,
        bucket: item.bucket,
        interest: text(item.interest),
      })),
      buckets: c.buckets.map(text),
      outstanding: text(c.outstanding),
      overdue: text(c.overdue),
      unappliedCredit: text(c.unappliedCredit),
      interest: text(c.interest),
      settledInterest: text(c.settledInterest),
      maxDaysOverdue: c.maxDaysOverdue,
      computedGrade: c.computedGrade,
      grade: c.grade,
      lateEvents: c.lateEvents,
      fixedLimit: text(c.fixedLimit),
      temporaryLimit: text(c.temporaryLimit),
      effectiveLimit: text(c.effectiveLimit),
      limitSet: c.limitSet,
      overLimit: c.overLimit,
      excess: text(c.excess),
      limitUsedPct: text(c.limitUsedPct),
      strictlyControlled: c.strictlyControlled,
      stopShipping: c.stopShipping,
      reasons: c.reasons,
      stage: c.stage,
      provision: text(c.provision),
      writeOffCandidate: c.writeOffCandidate,
    })),
  };
}

function appliedShape(applied: AppliedLedger, invoices: readonly Invoice[]): unknown {
  return {
    asOf: applied.asOf,
    errors: applied.errors,
    accounts: applied.accounts.map((a: CustomerAccount) => ({
      customer: a.customer,
      currency: a.currency,
      info: a.info,
      items: a.items.map((s) => stateShape(s, invoices)),
      unappliedCredit: text(a.unappliedCredit),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The ledger rules in plain Decimal (POLICY §1, as applyLedger documents them), for the oracle.

interface RefState {
  invoice: Invoice;
  outstanding: Decimal;
  applications: Application[];
  settledOn: number | null;
}

function referenceApply(ledger: Ledger, asOf: number, policy: Policy): AppliedLedger {
  type Entry = { date: number | null; amount: Decimal; kind: Application["kind"] };
  type Group = { customer: string; currency: string; items: RefState[]; pool: Entry[]; payments: Payment[] };
  const groups = new Map<string, Group>();
  const groupOf = (customer: string, currency: string): Group => {
    const name = customer.trim();
    const code = currency ? currency : policy.currency;
    const key = `${name}\u0000${code}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { customer: name, currency: code, items: [], pool: [], payments: [] };
      groups.set(key, group);
    }
    return group;
  };
  const applyTo = (state: RefState, available: Decimal, date: number | null, kind: Application["kind"]): Decimal => {
    const invoiceDate = state.invoice.invoiceDate;
    const on = date === null || invoiceDate === null ? date : Math.max(date, invoiceDate);
    const applied = available.lessThan(state.outstanding) ? available : state.outstanding;
    state.applications.push({ date: on, amount: applied, kind });
    state.outstanding = state.outstanding.minus(applied);
    if (state.outstanding.isZero()) state.settledOn = on;
    return available.minus(applied);
  };
  for (const invoice of ledger.invoices) {
    if (invoice.invoiceDate !== null && invoice.invoiceDate > asOf) continue;
    const received = invoice.received;
    if (invoice.amount.isZero()) {
      if (received.greaterThan(0)) groupOf(invoice.customer, invoice.currency).pool.push({ date: null, amount: received, kind: "received" });
      continue;
    }
    const group = groupOf(invoice.customer, invoice.currency);
    if (invoice.amount.isNegative()) {
      group.pool.push({ date: invoice.invoiceDate, amount: invoice.amount.negated(), kind: "credit" });
      continue;
    }
    const state: RefState = { invoice, outstanding: invoice.amount, applications: [], settledOn: null };
    if (received.greaterThan(0)) {
      const excess = applyTo(state, received, null, "received");
      if (!excess.isZero()) group.pool.push({ date: null, amount: excess, kind: "received" });
    }
    group.items.push(state);
  }
  for (const payment of ledger.payments) {
    if ((payment.date !== null && payment.date > asOf) || payment.amount.isZero()) continue;
    groupOf(payment.customer, payment.currency).payments.push(payment);
  }
  const errors: AppliedLedger["errors"] = [];
  const accounts: CustomerAccount[] = [];
  const sorted = [...groups.values()].sort((a, b) =>
    a.customer !== b.customer ? (a.customer < b.customer ? -1 : 1) : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0,
  );
  for (const group of sorted) {
    const items = group.items
      .map((state, position) => ({ state, position }))
      .sort((x, y) => {
        const a = x.state.invoice;
        const b = y.state.invoice;
        if (a.dueDate !== b.dueDate) return a.dueDate - b.dueDate;
        const da = a.invoiceDate ?? -Infinity;
        const db = b.invoiceDate ?? -Infinity;
        if (da !== db) return da < db ? -1 : 1;
        if (a.invoiceNo !== b.invoiceNo) return a.invoiceNo < b.invoiceNo ? -1 : 1;
        return x.position - y.position;
      })
      .map((x) => x.state);
    let unapplied: Decimal = ZERO;
    for (const payment of group.payments) {
      const ref = (payment.invoiceRef ?? "").trim();
      if (ref === "") {
        group.pool.push({ date: payment.date, amount: payment.amount, kind: "payment" });
        continue;
      }
      const target = items.find((state) => state.invoice.invoiceNo.trim() === ref);
      if (target === undefined) {
        const later = ledger.invoices.some(
          (i) =>
            i.invoiceDate !== null &&
            i.invoiceDate > asOf &&
            i.customer.trim() === group.customer &&
            (i.currency ? i.currency : policy.currency) === group.currency &&
            i.invoiceNo.trim() === ref,
        );
        if (later) {
          unapplied = unapplied.plus(payment.amount);
          continue;
        }
        errors.push({
          sheet: payment.source?.sheet ?? "",
          row: payment.source?.row ?? 0,
          column: payment.source?.column ?? "",
          message: expect.any(String) as unknown as string,
          code: "payment.invoiceNotFound",
        });
        group.pool.push({ date: payment.date, amount: payment.amount, kind: "payment" });
        continue;
      }
      const left = payment.amount.greaterThan(0) && !target.outstanding.isZero() ? applyTo(target, payment.amount, payment.date, "payment") : payment.amount;
      if (!left.isZero()) group.pool.push({ date: payment.date, amount: left, kind: "payment" });
    }
    const pool = group.pool
      .map((entry, position) => ({ entry, position }))
      .sort((x, y) => {
        const a = x.entry.date;
        const b = y.entry.date;
        if (a !== b) {
          if (a === null) return -1;
          if (b === null) return 1;
          return a - b;
        }
        return x.position - y.position;
      })
      .map((x) => x.entry);
    for (const entry of pool) {
      let available = entry.amount;
      if (available.greaterThan(0)) {
        for (const state of items) {
          if (available.isZero()) break;
          if (!state.outstanding.isZero()) available = applyTo(state, available, entry.date, entry.kind);
        }
      }
      if (!available.isZero()) unapplied = unapplied.plus(available);
    }
    const account: CustomerAccount = { customer: group.customer, currency: group.currency, items, unappliedCredit: unapplied };
    const info = ledger.customers.find((c) => c.name.trim() === group.customer);
    if (info !== undefined) account.info = info;
    accounts.push(account);
  }
  errors.sort((a, b) => (a.sheet !== b.sheet ? (a.sheet < b.sheet ? -1 : 1) : a.row - b.row));
  return { asOf, accounts, errors };
}

describe("buildReport's fast paths = the plain path, to the string (properties)", () => {
  test.each(POLICIES)("buildReport = buildReportReference, policy: %s", (_name, policy) => {
    fc.assert(
      fc.property(anyLedgerArb, asOfArb, (ledger, asOf) => {
        const fast = buildReport(ledger, asOf, policy);
        const plain = buildReportReference(ledger, asOf, policy);
        expect(reportShape(fast, ledger.invoices)).toEqual(reportShape(plain, ledger.invoices));
        // The same plain JSON, lazily made figures included.
        expect(JSON.stringify(fast)).toBe(JSON.stringify(plain));
      }),
      { numRuns: 250 },
    );
  });

  test("applyLedger = the ledger rules in plain Decimal", () => {
    fc.assert(
      fc.property(anyLedgerArb, asOfArb, (ledger, asOf) => {
        const applied = applyLedger(ledger, asOf, DEFAULT_POLICY);
        const expected = referenceApply(ledger, asOf, DEFAULT_POLICY);
        expect(appliedShape(applied, ledger.invoices)).toEqual(appliedShape(expected, ledger.invoices));
      }),
      { numRuns: 500 },
    );
  });

  test("applyLedgerForReport leaves out exactly the items settled by their own received column", () => {
    fc.assert(
      fc.property(anyLedgerArb, asOfArb, (ledger, asOf) => {
        const full = applyLedger(ledger, asOf, DEFAULT_POLICY);
        const open = applyLedgerForReport(ledger, asOf, DEFAULT_POLICY);
        // Its own received column covers its amount (FIFO cash of a zero-amount row is "received" too).
        const settledByReceived = (s: InvoiceState): boolean =>
          s.invoice.received.greaterThan(0) && s.invoice.received.greaterThanOrEqualTo(s.invoice.amount);
        const kept = { ...full, accounts: full.accounts.map((a) => ({ ...a, items: a.items.filter((s) => !settledByReceived(s)) })) };
        expect(appliedShape(open, ledger.invoices)).toEqual(appliedShape(kept, ledger.invoices));
      }),
      { numRuns: 500 },
    );
  });
});

describe("figures made when first read", () => {
  const day = (offset: number): number => BASE + offset;
  const invoice = (no: string, amount: string, received: Decimal, disputed = false): Invoice => ({
    customer: "甲",
    invoiceNo: no,
    invoiceDate: day(0),
    dueDate: day(30),
    amount: toDecimal(amount),
    received,
    currency: "CNY",
    disputed,
  });

  test("a state partly paid by its received column: outstanding and its one application, made once", () => {
    const partly = invoice("P-1", "1000.00", toDecimal("250.50"));
    const [state] = applyLedger({ invoices: [partly], payments: [], customers: [] }, day(60), DEFAULT_POLICY).accounts[0].items;
    expect(state).toBeInstanceOf(LedgerState);
    expect(state.outstanding.toString()).toBe("749.5");
    expect(state.outstanding).toBe(state.outstanding);
    expect(state.applications).toEqual([{ date: null, amount: partly.received, kind: "received" }]);
    expect(state.applications).toBe(state.applications);
    expect(state.applications[0].amount).toBe(partly.received);
    expect(JSON.parse(JSON.stringify(state))).toEqual({
      invoice: JSON.parse(JSON.stringify(partly)),
      outstanding: "749.5",
      applications: [{ date: null, amount: "250.5", kind: "received" }],
      settledOn: null,
    });
    // Written like a plain object's properties.
    state.outstanding = toDecimal("1");
    state.applications = [];
    expect([state.outstanding.toString(), state.applications]).toEqual(["1", []]);
  });

  test("an aged item's interest: lateInterest of its state, made once, assignable", () => {
    const ledger: Ledger = { invoices: [invoice("A-1", "100000.00", toDecimal("40000.00")), invoice("A-2", "10.70", ZERO)], payments: [], customers: [] };
    const asOf = day(30 + 500);
    const items = buildReport(ledger, asOf, DEFAULT_POLICY).customers[0].items;
    expect(items.map((item) => item.interest.toFixed(2))).toEqual(["15000.00", "2.68"]);
    for (const item of items) {
      expect(item).toBeInstanceOf(FenAgedItem);
      expect(item.interest.toString()).toBe(lateInterest(item.state, asOf, DEFAULT_POLICY).toString());
      expect(item.interest).toBe(item.interest);
      expect(JSON.parse(JSON.stringify(item)).interest).toBe(item.interest.toString());
    }
    items[0].interest = ZERO;
    expect(items[0].interest).toBe(ZERO);
  });
});
