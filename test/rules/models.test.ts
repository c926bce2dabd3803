/**
 * The rules against small models kept here, in plain bigint and decimal.js arithmetic: money
 * (beyond 2^53 too), the ledger's FIFO application, late interest, buckets, provision and the
 * credit limit. The ledgers mix the fen with finer scales and amounts far beyond 2^53 minor units.
 */
import fc from "fast-check";
import { bucketTotals } from "../../src/rules/aging";
import { fromYmd } from "../../src/rules/dates";
import { compareInvoiceNumbers } from "../../src/rules/fifo-order";
import { Dec, type Decimal } from "../../src/rules/decimal";
import { accruedInterest, interestTerms, lateInterest } from "../../src/rules/interest";
import { applyLedger } from "../../src/rules/ledger";
import { checkTemporaryLimit, effectiveLimit, limitTerms } from "../../src/rules/limit";
import {
  add,
  decimalOfNumber,
  divide,
  formatMoney,
  moneyNumber,
  multiply,
  parseDecimal,
  rescale,
  subtract,
  type Minor,
} from "../../src/rules/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { Policy } from "../../src/rules/policy-types";
import { provisionFor, provisionRate, provisionTerms } from "../../src/rules/provision";
import type { AgedItem, AppliedLedger, Application, Invoice, InvoiceState, LateEvent, Ledger, Payment } from "../../src/rules/types";

const BASE = fromYmd(2026, 1, 1);
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** The model of a Minor: its exact value as a bigint. */
const big = (value: Minor): bigint => BigInt(value);
/** Canonical form, as the model sees it: a number within ±(2^53 − 1), else a bigint. */
const isCanonical = (value: Minor): boolean => (typeof value === "number" ? Number.isSafeInteger(value) : value > MAX || value < -MAX);
/** A count of units of 10^−scale as a Decimal, for the decimal models. */
const decimalOf = (units: Minor, scale: number): Decimal => new Dec(units.toString()).dividedBy(new Dec(10).pow(scale));

const minorArb: fc.Arbitrary<Minor> = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((value) => (value <= MAX && value >= -MAX ? Number(value) : value)),
  fc.constantFrom<Minor>(0, 1, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2n ** 53n, -(2n ** 53n)),
);

describe("money against bigint arithmetic (properties)", () => {
  test("add, subtract and multiply are exact and canonical", () => {
    fc.assert(
      fc.property(minorArb, minorArb, (a, b) => {
        for (const [result, expected] of [
          [add(a, b), big(a) + big(b)],
          [subtract(a, b), big(a) - big(b)],
          [multiply(a, b), big(a) * big(b)],
        ] as const) {
          expect(big(result)).toBe(expected);
          expect(isCanonical(result)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("divide rounds half-up (halves away from zero), half-even or down, like decimal.js", () => {
    const modes = [
      ["halfUp", Dec.ROUND_HALF_UP],
      ["halfEven", Dec.ROUND_HALF_EVEN],
      ["down", Dec.ROUND_DOWN],
    ] as const;
    fc.assert(
      fc.property(minorArb, minorArb.filter((b) => b !== 0), fc.constantFrom(...modes), (a, b, [mode, decimalMode]) => {
        const expected = new Dec(a.toString()).dividedBy(b.toString()).toDecimalPlaces(0, decimalMode).toFixed();
        expect(divide(a, b, mode).toString()).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  test("formatMoney, moneyNumber and rescale at any scale = decimal.js rounding of the exact value", () => {
    fc.assert(
      fc.property(minorArb, fc.integer({ min: 0, max: 12 }), (units, scale) => {
        const exact = decimalOf(units, scale);
        const shown = exact.toFixed(2, Dec.ROUND_HALF_UP);
        expect(formatMoney(units, scale)).toBe(shown === "-0.00" ? "0.00" : shown);
        expect(moneyNumber(units, scale)).toBe(Number(shown === "-0.00" ? "0.00" : shown));
        expect(rescale(units, scale, 2).toString()).toBe(exact.times(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toFixed());
        expect(big(rescale(units, scale, scale + 3))).toBe(big(units) * 1000n);
      }),
      { numRuns: 2000 },
    );
  });

  test("parseDecimal and decimalOfNumber give the exact value of the text, and of the number's shortest spelling", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const parsed = decimalOfNumber(value);
        // Beyond 60 decimals (5e-324) no amount is meant: null.
        if (parsed === null) expect(new Dec(String(value)).decimalPlaces()).toBeGreaterThan(60);
        else expect(decimalOf(parsed.units, parsed.scale).equals(new Dec(String(value)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.integer({ min: 0, max: 20 }), (units, places) => {
        const text = decimalOf(units, places).toFixed(places);
        const parsed = parseDecimal(text);
        expect(parsed).not.toBeNull();
        if (parsed !== null) expect(decimalOf(parsed.units, parsed.scale).toFixed(places)).toBe(text);
      }),
      { numRuns: 1000 },
    );
    expect(parseDecimal("0x10")).toBeNull();
    expect(parseDecimal("1e5")).toEqual({ units: 100000, scale: 0 });
  });
});

// ---------------------------------------------------------------------------------------------
// Interest, buckets, provision and limits against POLICY's formulas in decimal.js.

const SCALES = [2, 3, 9];
const amountArb = (scale: number): fc.Arbitrary<Minor> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 2_000_000_000 }) },
    { weight: 1, arbitrary: fc.bigInt({ min: 1n, max: 10n ** 24n }).map((v) => (v <= MAX ? Number(v) : v)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 10 ** Math.min(scale, 9) }) },
  );
const rateArb = fc.constantFrom("0.0005", "0.0003", "0.001", "0.00033", "0.05", "0.123456789", "0.0000000001").map((r) => new Dec(r));

function openState(amount: Minor, applications: Application[], outstanding: Minor, disputed = false): InvoiceState {
  const invoice: Invoice = { customer: "甲", invoiceNo: "1", invoiceDate: BASE - 30, dueDate: BASE, amount, received: 0, currency: "CNY", disputed };
  return { invoice, outstanding, applications, settledOn: null };
}

describe("interest, buckets, provision and limits against POLICY's formulas (properties)", () => {
  test("lateInterest = Σ balance × rate × days, capped, rounded half-up to the fen once (POLICY §6)", () => {
    const scenarioArb = fc.constantFrom(...SCALES).chain((scale) =>
      fc.record({
        scale: fc.constant(scale),
        amount: amountArb(scale),
        applications: fc.array(
          fc.record({
            date: fc.option(fc.integer({ min: -10, max: 400 }).map((d) => BASE + d), { nil: null }),
            amount: amountArb(scale),
            kind: fc.constantFrom("payment" as const, "credit" as const, "received" as const),
          }),
          { maxLength: 4 },
        ),
        outstanding: fc.oneof(fc.constant<Minor>(0), amountArb(scale)),
        dailyRate: rateArb,
        graceDays: fc.integer({ min: 0, max: 5 }),
        cap: fc.option(fc.constantFrom("0.01", "0.2", "1e30").map((c) => new Dec(c)), { nil: null }),
        days: fc.integer({ min: -5, max: 3000 }),
      }),
    );
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const policy: Policy = { ...DEFAULT_POLICY, interest: { dailyRate: s.dailyRate, graceDays: s.graceDays, capRatio: s.cap } };
        const state = openState(s.amount, s.applications, s.outstanding);
        const asOf = BASE + s.days;
        const start = BASE + s.graceDays;
        let accrued = new Dec(0);
        if (asOf > start) {
          for (const a of s.applications) {
            if (a.date === null || a.date <= start) continue;
            accrued = accrued.plus(decimalOf(a.amount, s.scale).times(s.dailyRate).times(Math.min(a.date, asOf) - start));
          }
          accrued = accrued.plus(decimalOf(s.outstanding, s.scale).times(s.dailyRate).times(asOf - start));
        }
        if (s.cap !== null) accrued = Dec.min(accrued, decimalOf(s.amount, s.scale).times(s.cap));
        const expected = accrued.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
        const interest = lateInterest(state, asOf, interestTerms(policy), s.scale);
        expect(decimalOf(interest, s.scale).toFixed()).toBe(expected.toFixed());
      }),
      {
        numRuns: 1500,
        // Once found by CI in the old build: a 0.000000001 invoice (scale 9) with a payment of
        // 91,011,236,783,258,434,503 at a rate of 0.123456789 and a loose cap.
        examples: [[{ scale: 9, amount: 1, applications: [{ date: BASE + 89 - 1, amount: 91011236783258434503n * 10n ** 9n, kind: "payment" }], outstanding: 0, dailyRate: new Dec("0.123456789"), graceDays: 0, cap: new Dec("1e30"), days: 89 }]],
      },
    );
  });

  test("accruedInterest of a plain balance: 100,000.00 × 0.0005 × 30 = 1,500.00 at scale 2 and scale 5", () => {
    const terms = interestTerms(DEFAULT_POLICY);
    expect(accruedInterest([], 10_000_000, 10_000_000, BASE, BASE + 30, terms, 2)).toBe(150_000);
    expect(accruedInterest([], 10_000_000_000, 10_000_000_000, BASE, BASE + 30, terms, 5)).toBe(150_000_000);
  });

  const agedArb = fc.constantFrom(...SCALES).chain((scale) =>
    fc.record({
      scale: fc.constant(scale),
      rows: fc.array(fc.record({ outstanding: amountArb(scale), bucket: fc.integer({ min: -1, max: 6 }), ageDays: fc.integer({ min: -30, max: 2500 }) }), {
        maxLength: 30,
      }),
    }),
  );
  const aged = (rows: { outstanding: Minor; bucket: number; ageDays: number }[]): AgedItem[] =>
    rows.map((r) => ({ state: openState(r.outstanding, [], r.outstanding), daysOverdue: r.ageDays, ageDays: r.ageDays, bucket: r.bucket, interest: 0 }));

  test("bucketTotals = sums per bucket, out-of-range buckets clamped", () => {
    fc.assert(
      fc.property(agedArb, ({ rows }) => {
        const expected = [0n, 0n, 0n, 0n, 0n];
        for (const r of rows) expected[Math.min(Math.max(r.bucket, 0), 4)] += big(r.outstanding);
        expect(bucketTotals(aged(rows), 5).map(big)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  test("provisionFor = Σ outstanding × rate per item, rounded half-up to the fen once", () => {
    const policies: Policy[] = [
      DEFAULT_POLICY,
      { ...DEFAULT_POLICY, provision: { ...DEFAULT_POLICY.provision, method: "flat", flatRate: new Dec("0.075") } },
      {
        ...DEFAULT_POLICY,
        provision: {
          ...DEFAULT_POLICY.provision,
          bands: [
            { upToDays: 30, rate: new Dec("0.0123456789") },
            { upToDays: 400, rate: new Dec("0.33") },
            { upToDays: null, rate: new Dec("0.00000000001") },
          ],
        },
      },
    ];
    fc.assert(
      fc.property(agedArb, fc.constantFrom(...policies), ({ scale, rows }, policy) => {
        let expected = new Dec(0);
        for (const r of rows) expected = expected.plus(decimalOf(r.outstanding, scale).times(provisionRate(r.ageDays, policy)));
        const provision = provisionFor(aged(rows), provisionTerms(policy), scale);
        expect(decimalOf(provision, scale).toFixed()).toBe(expected.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed());
      }),
      { numRuns: 1000 },
    );
  });

  test("effectiveLimit and checkTemporaryLimit = POLICY §4's formulas", () => {
    const limitArb = fc.oneof(fc.integer({ min: -1_000_000, max: 2_000_000_000 }), fc.constant<Minor>(0), fc.bigInt({ min: 1n, max: 10n ** 22n }).map((v) => v as Minor));
    const eventsArb = fc
      .array(fc.integer({ min: 0, max: 500 }), { maxLength: 6 })
      .map((days): LateEvent[] => days.map((d) => ({ invoiceNo: "", invoiceCount: 1, date: BASE + d, kind: "paidLate" })));
    const cutsArb = fc.constantFrom(
      DEFAULT_POLICY.limit.cuts,
      [{ lateCount: 1, cut: new Dec("0.3333333333333") }],
      [{ lateCount: 1, cut: new Dec("0.125") }, { lateCount: 2, cut: new Dec("1") }],
    );
    fc.assert(
      fc.property(
        limitArb.map((v) => (typeof v === "bigint" && v <= MAX ? Number(v) : v)),
        limitArb.map((v) => (typeof v === "bigint" && v <= MAX ? Number(v) : v)),
        fc.constantFrom("A" as const, "B" as const, "C" as const, "D" as const),
        eventsArb,
        cutsArb,
        fc.constantFrom(2, 3),
        (fixedInput, temporaryInput, grade, events, cuts, scale) => {
          const policy: Policy = { ...DEFAULT_POLICY, limit: { ...DEFAULT_POLICY.limit, cuts } };
          const result = effectiveLimit({ fixed: fixedInput, temporary: temporaryInput, grade, events, asOf: BASE + 500 }, limitTerms(policy), scale);
          const fixed = Dec.max(decimalOf(fixedInput, scale), 0);
          // POLICY §4: a temporary limit counts at most its share of the fixed limit, that share rounded down to the scale.
          const ceiling = fixed.times(policy.limit.temporaryMaxRatio).toDecimalPlaces(scale, Dec.ROUND_DOWN);
          const temporary = Dec.min(Dec.max(decimalOf(temporaryInput, scale), 0), ceiling);
          const cutFixed = fixed.times(new Dec(1).minus(result.cutRatio)).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
          const effective = result.zeroReason ? new Dec(0) : Dec.min(Dec.max(cutFixed.plus(temporary), 0), fixed.plus(temporary));
          expect(decimalOf(result.cutFixed, scale).toFixed()).toBe(cutFixed.toFixed());
          expect(decimalOf(result.effective, scale).toFixed()).toBe(effective.toFixed());
          const tooHigh = decimalOf(temporaryInput, scale).greaterThan(decimalOf(fixedInput, scale).times(policy.limit.temporaryMaxRatio));
          expect(checkTemporaryLimit(fixedInput, temporaryInput, limitTerms(policy), scale) !== null).toBe(tooHigh);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The ledger rules (POLICY §1, as applyLedger documents them) in plain bigint, for the oracle.

const CUSTOMERS = ["甲", "乙", " 甲 ", "丙"];
const CURRENCIES = ["CNY", "", "USD"];
const NUMBERS = ["N-1", "N-2", "N-3", "N-4", " N-1", "N-2 ", "N-10"];

const ledgerAmountArb = (min: number, max: number): fc.Arbitrary<bigint> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min, max }).map(BigInt) },
    { weight: 1, arbitrary: fc.bigInt({ min: 10n ** 15n, max: 10n ** 20n }).map((v) => (min < 0 && v % 2n === 1n ? -v : v)) },
  );

const ledgerArb: fc.Arbitrary<Ledger> = fc
  .record({
    scale: fc.constantFrom(2, 2, 3, 9),
    invoices: fc.array(
      fc.record({
        customer: fc.constantFrom(...CUSTOMERS),
        no: fc.constantFrom(...NUMBERS),
        offset: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null, freq: 8 }),
        term: fc.integer({ min: 0, max: 90 }),
        amount: ledgerAmountArb(-50_000, 5_000_000),
        received: fc.oneof(fc.constantFrom("none", "all", "more"), ledgerAmountArb(0, 6_000_000)),
        currency: fc.constantFrom(...CURRENCIES),
        disputed: fc.boolean(),
      }),
      { maxLength: 30 },
    ),
    payments: fc.array(
      fc.record({
        customer: fc.constantFrom(...CUSTOMERS),
        offset: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
        amount: ledgerAmountArb(-20_000, 5_000_000),
        ref: fc.option(fc.constantFrom(...NUMBERS, "N-1 ", "X-9", "N-7"), { nil: undefined }),
        currency: fc.constantFrom(...CURRENCIES),
        row: fc.integer({ min: 2, max: 500 }),
      }),
      { maxLength: 20 },
    ),
  })
  .map(({ scale, invoices, payments }): Ledger => {
    const minor = (value: bigint): Minor => (value <= MAX && value >= -MAX ? Number(value) : value);
    return {
      scale,
      invoices: invoices.map((r): Invoice => {
        const invoiceDate = r.offset === null ? null : BASE + r.offset;
        const received = r.received === "none" ? 0n : r.received === "all" ? r.amount : r.received === "more" ? (r.amount < 0n ? -r.amount : r.amount) + 1234n : r.received;
        return {
          customer: r.customer,
          invoiceNo: r.no,
          invoiceDate,
          dueDate: (invoiceDate ?? BASE + 30) + r.term,
          amount: minor(r.amount),
          received: minor(received),
          currency: r.currency,
          disputed: r.disputed,
        };
      }),
      payments: payments.map(
        (r): Payment => ({
          customer: r.customer,
          date: r.offset === null ? null : BASE + r.offset,
          amount: minor(r.amount),
          currency: r.currency,
          invoiceRef: r.ref,
          source: { sheet: "回款", row: r.row, column: "C" },
        }),
      ),
      customers: [],
    };
  });

interface ModelState {
  invoice: Invoice;
  outstanding: bigint;
  applications: { date: number | null; amount: bigint; kind: Application["kind"] }[];
  settledOn: number | null;
}

/** POLICY §1 in bigint: received column, named payments, then FIFO of credits and unapplied cash. */
/**
 * The model's natural order of invoice numbers (POLICY §1, INV-9 before INV-10), written apart
 * from fifo-order.ts: each character a unit, except that a run of digits is one unit compared by
 * its value; a digit against another character by their codes; then the longer rest; then text.
 */
function naturalOrder(a: string, b: string): number {
  if (a === b) return 0;
  const unitsOf = (text: string): string[] => text.match(/\d+|\D/g) ?? [];
  const [unitsA, unitsB] = [unitsOf(a), unitsOf(b)];
  let usedA = 0;
  let usedB = 0;
  for (let k = 0; k < Math.min(unitsA.length, unitsB.length); k++) {
    const [x, y] = [unitsA[k], unitsB[k]];
    if (/^\d/.test(x) && /^\d/.test(y)) {
      if (BigInt(x) !== BigInt(y)) return BigInt(x) < BigInt(y) ? -1 : 1;
    } else if (x !== y) return x.charCodeAt(0) - y.charCodeAt(0);
    usedA += x.length;
    usedB += y.length;
  }
  const rest = a.length - usedA - (b.length - usedB);
  return rest !== 0 ? rest : a < b ? -1 : 1;
}

function modelApply(ledger: Ledger, asOf: number, policy: Policy): unknown {
  type Entry = { date: number | null; amount: bigint; kind: Application["kind"] };
  type Group = { customer: string; currency: string; items: ModelState[]; pool: Entry[]; payments: Payment[] };
  const groups = new Map<string, Group>();
  const groupOf = (customer: string, currency: string): Group => {
    const key = `${customer.trim()}\u0000${currency || policy.currency}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { customer: customer.trim(), currency: currency || policy.currency, items: [], pool: [], payments: [] };
      groups.set(key, group);
    }
    return group;
  };
  const applyTo = (state: ModelState, available: bigint, date: number | null, kind: Application["kind"]): bigint => {
    const invoiceDate = state.invoice.invoiceDate;
    const on = date === null || invoiceDate === null ? date : Math.max(date, invoiceDate);
    const applied = available < state.outstanding ? available : state.outstanding;
    state.applications.push({ date: on, amount: applied, kind });
    state.outstanding -= applied;
    if (state.outstanding === 0n) state.settledOn = on;
    return available - applied;
  };
  for (const payment of ledger.payments) {
    if ((payment.date !== null && payment.date > asOf) || big(payment.amount) === 0n) continue;
    groupOf(payment.customer, payment.currency).payments.push(payment);
  }
  for (const invoice of ledger.invoices) {
    if (invoice.invoiceDate !== null && invoice.invoiceDate > asOf) continue;
    const amount = big(invoice.amount);
    const received = big(invoice.received);
    if (amount === 0n) {
      if (received > 0n) groupOf(invoice.customer, invoice.currency).pool.push({ date: null, amount: received, kind: "received" });
      continue;
    }
    const group = groupOf(invoice.customer, invoice.currency);
    if (amount < 0n) {
      group.pool.push({ date: invoice.invoiceDate, amount: -amount, kind: "credit" });
      continue;
    }
    const state: ModelState = { invoice, outstanding: amount, applications: [], settledOn: null };
    if (received > 0n) {
      const excess = applyTo(state, received, null, "received");
      if (excess !== 0n) group.pool.push({ date: null, amount: excess, kind: "received" });
    }
    // Settled by its own received column: no item, unless a payment of the group names it.
    const named = group.payments.some((p) => (p.invoiceRef ?? "").trim() !== "" && (p.invoiceRef ?? "").trim() === invoice.invoiceNo.trim());
    if (state.outstanding === 0n && !named) continue;
    group.items.push(state);
  }
  const sorted = [...groups.values()].sort((a, b) =>
    a.customer !== b.customer ? (a.customer < b.customer ? -1 : 1) : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0,
  );
  const errors: { sheet: string; row: number; column: string }[] = [];
  const accounts = sorted.map((group) => {
    const items = group.items
      .map((state, position) => ({ state, position }))
      .sort((x, y) => {
        const a = x.state.invoice;
        const b = y.state.invoice;
        if (a.dueDate !== b.dueDate) return a.dueDate - b.dueDate;
        const da = a.invoiceDate ?? -Infinity;
        const db = b.invoiceDate ?? -Infinity;
        if (da !== db) return da < db ? -1 : 1;
        if (a.invoiceNo !== b.invoiceNo) return naturalOrder(a.invoiceNo, b.invoiceNo);
        return x.position - y.position;
      })
      .map((x) => x.state);
    let unapplied = 0n;
    for (const payment of group.payments) {
      const ref = (payment.invoiceRef ?? "").trim();
      const amount = big(payment.amount);
      if (ref === "") {
        group.pool.push({ date: payment.date, amount, kind: "payment" });
        continue;
      }
      const target = items.find((state) => state.invoice.invoiceNo.trim() === ref);
      if (target === undefined) {
        const later = ledger.invoices.some(
          (i) =>
            i.invoiceDate !== null &&
            i.invoiceDate > asOf &&
            i.customer.trim() === group.customer &&
            (i.currency || policy.currency) === group.currency &&
            i.invoiceNo.trim() === ref,
        );
        if (later) {
          unapplied += amount;
          continue;
        }
        errors.push({ sheet: payment.source?.sheet ?? "", row: payment.source?.row ?? 0, column: payment.source?.column ?? "" });
        group.pool.push({ date: payment.date, amount, kind: "payment" });
        continue;
      }
      const left = amount > 0n && target.outstanding !== 0n ? applyTo(target, amount, payment.date, "payment") : amount;
      if (left !== 0n) group.pool.push({ date: payment.date, amount: left, kind: "payment" });
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
      if (available > 0n) {
        for (const state of items) {
          if (available === 0n) break;
          if (state.outstanding !== 0n) available = applyTo(state, available, entry.date, entry.kind);
        }
      }
      unapplied += available;
    }
    return {
      customer: group.customer,
      currency: group.currency,
      items: items.map((s) => ({
        invoice: ledger.invoices.indexOf(s.invoice),
        outstanding: s.outstanding,
        applications: s.applications.map((a) => [a.date, a.amount, a.kind]),
        settledOn: s.settledOn,
      })),
      unappliedCredit: unapplied,
    };
  });
  errors.sort((a, b) => (a.sheet !== b.sheet ? (a.sheet < b.sheet ? -1 : 1) : a.row - b.row));
  return { errors, accounts };
}

/** The applied ledger with every amount as a bigint, to compare with the model. */
function appliedShape(applied: AppliedLedger, ledger: Ledger): unknown {
  return {
    errors: applied.errors.map((e) => ({ sheet: e.sheet, row: e.row, column: e.column })),
    accounts: applied.accounts.map((a) => ({
      customer: a.customer,
      currency: a.currency,
      items: a.items.map((s) => ({
        invoice: ledger.invoices.indexOf(s.invoice),
        outstanding: big(s.outstanding),
        applications: s.applications.map((x) => [x.date, big(x.amount), x.kind]),
        settledOn: s.settledOn,
      })),
      unappliedCredit: big(a.unappliedCredit),
    })),
  };
}

describe("natural order of invoice numbers against the model's (property)", () => {
  test("the same order, and only equal numbers tie", () => {
    const number = fc.string({ unit: fc.constantFrom("I", "N", "-", " ", "0", "1", "2", "9", "中"), maxLength: 8 });
    fc.assert(
      fc.property(number, number, (a, b) => {
        expect(Math.sign(compareInvoiceNumbers(a, b))).toBe(Math.sign(naturalOrder(a, b)));
      }),
      { numRuns: 3000 },
    );
    expect(naturalOrder("N-2 ", "N-10")).toBeLessThan(0);
  });
});

describe("applyLedger against the ledger rules in bigint (property)", () => {
  test("items, outstanding, applications, settlement days, unapplied credit and row errors", () => {
    fc.assert(
      fc.property(ledgerArb, fc.integer({ min: -10, max: 400 }).map((d) => BASE + d), (ledger, asOf) => {
        expect(appliedShape(applyLedger(ledger, asOf, DEFAULT_POLICY), ledger)).toEqual(modelApply(ledger, asOf, DEFAULT_POLICY));
      }),
      { numRuns: 1000 },
    );
  });

  test("does not mutate its input", () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        const before = JSON.stringify(ledger, (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value));
        applyLedger(ledger, BASE + 200, DEFAULT_POLICY);
        expect(JSON.stringify(ledger, (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value))).toBe(before);
      }),
      { numRuns: 100 },
    );
  });
});
