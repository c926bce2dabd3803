import fc from "fast-check";
import { bucketTotals } from "../../src/rules/aging";
import { fromYmd } from "../../src/rules/dates";
import { decimalFromFen, divideHalfUp, fenOf, isExact, scaleRate, shownAmount } from "../../src/rules/fen";
import { lateInterest, simpleInterest } from "../../src/rules/interest";
import { applyLedger } from "../../src/rules/ledger";
import { checkTemporaryLimit, effectiveLimit } from "../../src/rules/limit";
import { Dec, ZERO, formatFen, maxDecimal, minDecimal, roundFen, toDecimal } from "../../src/rules/money";
import type { Decimal } from "../../src/rules/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { Policy } from "../../src/rules/policy-types";
import { provisionFor, provisionRate } from "../../src/rules/provision";
import type { AgedItem, Application, Invoice, InvoiceState, LateEvent } from "../../src/rules/types";

const DUE = fromYmd(2026, 1, 1);

/** Fen as the decimal text a person would type, e.g. -5 → "-0.05". */
const fenText = (fen: number): string => new Dec(fen).dividedBy(100).toFixed(2);

/** Amounts with up to 2 decimals, small and up to the edge of the fast path (|amount| < 1e13). */
const fenArb = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  fc.integer({ min: -(1e15 - 1), max: 1e15 - 1 }),
  fc.constantFrom(0, 1, -1, 99, 100, 101, 1e7 - 1, 1e7, 1e9, 1e9 + 1, 1e14, 1e15 - 1, -(1e15 - 1)),
);

/** Amounts the fast path must refuse: more decimals, or too large. */
const slowAmountArb = fc.oneof(
  fc.integer({ min: 1, max: 10_000_000 }).map((n) => new Dec(n).dividedBy(1000)).filter((d) => d.decimalPlaces() > 2),
  fc.bigInt({ min: 10n ** 13n, max: 10n ** 20n }).map((n) => new Dec(n.toString())),
  fc.constantFrom("0.001", "1e13", "-1e13", "123456789012345.5", "1e-9").map((text) => new Dec(text)),
);

/** Internal digits, exponent and sign: the same value in the same normalised form. */
const shape = (d: Decimal): [number[] | null, number, number] => [d.d, d.e, d.s];

describe("fenOf and decimalFromFen", () => {
  test("worked examples", () => {
    expect(fenOf(toDecimal("1063.12"))).toBe(106312);
    expect(fenOf(toDecimal("-0.05"))).toBe(-5);
    expect(fenOf(toDecimal("1063.125"))).toBeNaN();
    expect(fenOf(toDecimal("10000000000000"))).toBeNaN();
    expect(fenOf(toDecimal("9999999999999.99"))).toBe(999999999999999);
    expect(fenOf(new Dec(NaN))).toBeNaN();
    expect(fenOf(new Dec(Infinity))).toBeNaN();
    expect(fenOf(new Dec("-0"))).toBe(0);
    expect(decimalFromFen(106312).toString()).toBe("1063.12");
    expect(decimalFromFen(-5).toString()).toBe("-0.05");
    expect(decimalFromFen(1e15 - 1).toString()).toBe("9999999999999.99");
    expect(decimalFromFen(0)).toBe(ZERO);
    expect(() => decimalFromFen(0.5)).toThrow(RangeError);
  });

  test("fenOf(text) = 100 × text exactly, for every amount of up to two decimals below 1e13 (property)", () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        expect(fenOf(new Dec(fenText(fen)))).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });

  test("decimalFromFen builds the very Decimal that parsing the text builds (property)", () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        const fast = decimalFromFen(fen);
        const parsed = new Dec(fenText(fen));
        expect(fast.toString()).toBe(parsed.toString());
        expect(shape(fast)).toEqual(shape(parsed));
        // And it computes like one.
        expect(fast.plus("0.005").toString()).toBe(parsed.plus("0.005").toString());
      }),
      { numRuns: 2000 },
    );
  });

  test("fenOf refuses what it cannot hold exactly (property)", () => {
    fc.assert(
      fc.property(slowAmountArb, (amount) => {
        expect(fenOf(amount)).toBeNaN();
      }),
      { numRuns: 500 },
    );
  });

  test("divideHalfUp rounds like ROUND_HALF_UP (halves away from zero) (property)", () => {
    const scales = fc.constantFrom(1, 10, 100, 1e4, 1e9);
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), scales, (product, scale) => {
        const expected = new Dec(product).dividedBy(scale).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
        expect(divideHalfUp(product, scale) + 0).toBe(expected + 0);
      }),
      { numRuns: 2000 },
    );
    expect(divideHalfUp(7500, 10000)).toBe(1);
    expect(divideHalfUp(4999, 10000)).toBe(0);
    expect(divideHalfUp(-5000, 10000)).toBe(-1);
  });

  test("scaleRate and isExact", () => {
    expect(scaleRate(toDecimal("0.0005"))).toEqual({ units: 5, scale: 10000 });
    expect(scaleRate(toDecimal("0.5"))).toEqual({ units: 5, scale: 10 });
    expect(scaleRate(ZERO)).toEqual({ units: 0, scale: 1 });
    expect(scaleRate(toDecimal("0.0000000001"))).toBeNull();
    expect(scaleRate(toDecimal("-0.1"))).toBeNull();
    expect(isExact(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(isExact(2 ** 53)).toBe(false);
    expect(isExact(NaN)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// The fast paths against plain Decimal arithmetic written out here, to the string.

const amountArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 2_000_000_000 }).map((fen) => new Dec(fenText(fen))) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 1e15 - 1 }).map((fen) => new Dec(fenText(fen))) },
  { weight: 1, arbitrary: slowAmountArb.map((d) => d.abs()).filter((d) => d.isFinite() && !d.isZero()) },
);

const rateArb = fc.constantFrom("0.0005", "0.0003", "0.001", "0.00033", "0.05", "0.123456789", "0.0000000001").map((r) => new Dec(r));

function state(amount: Decimal, applications: Application[], outstanding: Decimal, disputed = false): InvoiceState {
  const invoice: Invoice = { customer: "甲", invoiceNo: "1", invoiceDate: DUE - 30, dueDate: DUE, amount, received: ZERO, currency: "CNY", disputed };
  return { invoice, outstanding, applications, settledOn: null };
}

/** POLICY §6 in Decimal: Σ balance × rate × days, rounded half-up to the fen once. */
function referenceInterest(s: InvoiceState, asOf: number, policy: Policy): string {
  const start = s.invoice.dueDate + policy.interest.graceDays;
  if (s.invoice.disputed || asOf <= start) return "0";
  let accrued: Decimal = ZERO;
  for (const a of s.applications) {
    if (a.date === null || a.date <= start) continue;
    accrued = accrued.plus(a.amount.times(policy.interest.dailyRate).times(Math.min(a.date, asOf) - start));
  }
  accrued = accrued.plus(s.outstanding.times(policy.interest.dailyRate).times(asOf - start));
  return roundFen(accrued).toString();
}

describe("fast paths give the same strings as the Decimal path (properties)", () => {
  test("lateInterest: declining balance on integers = the Decimal formula", () => {
    const applicationArb = fc.record({
      date: fc.option(fc.integer({ min: -10, max: 400 }).map((d) => DUE + d), { nil: null }),
      amount: amountArb,
      kind: fc.constantFrom("payment" as const, "credit" as const, "received" as const),
    });
    fc.assert(
      fc.property(
        amountArb,
        fc.array(applicationArb, { maxLength: 4 }),
        fc.oneof(fc.constant(ZERO), amountArb),
        rateArb,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: -5, max: 3000 }),
        (amount, applications, outstanding, dailyRate, graceDays, days) => {
          const policy: Policy = { ...DEFAULT_POLICY, interest: { dailyRate, graceDays, capRatio: null } };
          const s = state(amount, applications, outstanding);
          const asOf = DUE + days;
          const fast = lateInterest(s, asOf, policy);
          expect(fast.toString()).toBe(referenceInterest(s, asOf, policy));
          // A cap that never binds sends the same invoice down the Decimal path. "Never binds" is
          // computed, not assumed: applications may exceed a tiny invoice amount, so a fixed ratio
          // such as 1e30 can bind (seed 1961538120 found one).
          const expected = new Dec(referenceInterest(s, asOf, policy));
          const looseRatio = expected.plus(1).div(amount).plus(1);
          const capped: Policy = { ...policy, interest: { ...policy.interest, capRatio: looseRatio } };
          expect(lateInterest(s, asOf, capped).toString()).toBe(fast.toString());
        },
      ),
      {
        numRuns: 1500,
        // Found by CI: a 0.000000001 invoice with a 91,011,236,783,258,434,503 payment, where a cap of
        // 1e30 × the invoice amount binds.
        examples: [[new Dec("0.000000001"), [{ date: 46112, amount: new Dec("91011236783258434503"), kind: "payment" }], ZERO, new Dec("0.123456789"), 0, 89]],
      },
    );
  });

  test("simpleInterest: balance × rate × days rounded = the Decimal formula", () => {
    fc.assert(
      fc.property(amountArb, rateArb, fc.integer({ min: -3, max: 5000 }), (balance, dailyRate, days) => {
        const policy: Policy = { ...DEFAULT_POLICY, interest: { ...DEFAULT_POLICY.interest, dailyRate } };
        const expected = days <= 0 ? "0" : roundFen(balance.times(dailyRate).times(days)).toString();
        expect(simpleInterest(balance, days, policy).toString()).toBe(expected);
      }),
      { numRuns: 1500 },
    );
  });

  const agedArb = fc.array(
    fc.record({ outstanding: amountArb, bucket: fc.integer({ min: -1, max: 6 }), ageDays: fc.integer({ min: -30, max: 2500 }) }),
    { maxLength: 30 },
  );
  const aged = (rows: { outstanding: Decimal; bucket: number; ageDays: number }[]): AgedItem[] =>
    rows.map((r) => ({
      state: state(r.outstanding, [], r.outstanding),
      daysOverdue: r.ageDays,
      ageDays: r.ageDays,
      bucket: r.bucket,
      interest: ZERO,
    }));

  test("bucketTotals on integers = Decimal sums per bucket, out-of-range buckets clamped", () => {
    fc.assert(
      fc.property(agedArb, (rows) => {
        const expected: Decimal[] = [ZERO, ZERO, ZERO, ZERO, ZERO];
        for (const r of rows) {
          const index = Math.min(Math.max(r.bucket, 0), 4);
          expected[index] = expected[index].plus(r.outstanding);
        }
        expect(bucketTotals(aged(rows), 5).map(String)).toEqual(expected.map(String));
      }),
      { numRuns: 1000 },
    );
  });

  test("provisionFor: one product per band on integers = Σ outstanding × rate per item, rounded once", () => {
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
      fc.property(agedArb, fc.constantFrom(...policies), (rows, policy) => {
        let expected: Decimal = ZERO;
        for (const r of rows) expected = expected.plus(r.outstanding.times(provisionRate(r.ageDays, policy)));
        expect(provisionFor(aged(rows), policy).toString()).toBe(roundFen(expected).toString());
      }),
      { numRuns: 1000 },
    );
  });

  test("effectiveLimit and checkTemporaryLimit on integers = the Decimal formulas", () => {
    const limitAmountArb = fc.oneof(amountArb, fc.constant(ZERO), amountArb.map((d) => d.negated()), fc.constant(new Dec(NaN)));
    const eventsArb = fc
      .array(fc.integer({ min: 0, max: 500 }), { maxLength: 6 })
      .map((days): LateEvent[] => days.map((d) => ({ invoiceNo: "", date: DUE + d, kind: "paidLate" })));
    const cutsArb = fc.constantFrom(
      DEFAULT_POLICY.limit.cuts,
      [{ lateCount: 1, cut: new Dec("0.3333333333333") }],
      [{ lateCount: 1, cut: new Dec("0.125") }, { lateCount: 2, cut: new Dec("1.5") }],
    );
    fc.assert(
      fc.property(
        limitAmountArb,
        limitAmountArb,
        fc.constantFrom("A" as const, "B" as const, "C" as const, "D" as const),
        eventsArb,
        cutsArb,
        (fixedInput, temporaryInput, grade, events, cuts) => {
          const policy: Policy = { ...DEFAULT_POLICY, limit: { ...DEFAULT_POLICY.limit, cuts } };
          const asOf = DUE + 500;
          const result = effectiveLimit({ fixed: fixedInput, temporary: temporaryInput, grade, events, asOf }, policy);
          // The formula of POLICY §4 as it stood before the integer path.
          const fixed = maxDecimal(fixedInput, ZERO);
          const temporary = maxDecimal(temporaryInput, ZERO);
          const cutFixed = roundFen(fixed.times(new Dec(1).minus(result.cutRatio)));
          const effective = result.zeroReason
            ? ZERO
            : minDecimal(maxDecimal(cutFixed.plus(temporary), ZERO), fixed.plus(temporary));
          expect(result.cutFixed.toString()).toBe(cutFixed.toString());
          expect(result.effective.toString()).toBe(effective.toString());
          const tooHigh = temporaryInput.greaterThan(fixedInput.times(policy.limit.temporaryMaxRatio));
          expect(checkTemporaryLimit(fixedInput, temporaryInput, policy) !== null).toBe(tooHigh);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe("applyLedger FIFO order (packed sort keys)", () => {
  test("items come out as a stable sort by due date, invoice date (undated first), number (property)", () => {
    const invoiceArb = fc.record({
      due: fc.integer({ min: 0, max: 40 }),
      date: fc.option(fc.integer({ min: -40, max: 0 }), { nil: null }),
      no: fc.constantFrom("A-1", "A-2", "B-1", " A-1", "A-10", "a-1"),
      fen: fc.integer({ min: 1, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(invoiceArb, { maxLength: 40 }), (rows) => {
        const invoices: Invoice[] = rows.map((r, i) => ({
          customer: "甲",
          invoiceNo: r.no,
          invoiceDate: r.date === null ? null : DUE + r.due + r.date,
          dueDate: DUE + r.due,
          amount: new Dec(fenText(r.fen)),
          received: ZERO,
          currency: "CNY",
          disputed: false,
          source: { sheet: "s", row: i + 2 },
        }));
        const expected = [...invoices].sort((a, b) => {
          if (a.dueDate !== b.dueDate) return a.dueDate - b.dueDate;
          const da = a.invoiceDate ?? -Infinity;
          const db = b.invoiceDate ?? -Infinity;
          if (da !== db) return da < db ? -1 : 1;
          return a.invoiceNo === b.invoiceNo ? 0 : a.invoiceNo < b.invoiceNo ? -1 : 1;
        });
        const { accounts } = applyLedger({ invoices, payments: [], customers: [] }, DUE + 100, DEFAULT_POLICY);
        const rowsOut = accounts.length === 0 ? [] : accounts[0].items.map((s) => s.invoice.source?.row);
        expect(rowsOut).toEqual(expected.map((i) => i.source?.row));
      }),
      { numRuns: 500 },
    );
  });

  test("dates too far apart to pack, or not whole days, fall back to the comparator", () => {
    const make = (no: string, due: number, date: number | null): Invoice => ({
      customer: "甲",
      invoiceNo: no,
      invoiceDate: date,
      dueDate: due,
      amount: toDecimal("1.00"),
      received: ZERO,
      currency: "CNY",
      disputed: false,
    });
    const far = [make("X", 1e9, 0), make("Y", -1e9, 0), make("Z", 0, null), make("W", 0, -1e9)];
    const fraction = [make("P", 10.5, 1), make("Q", 10, 1.5), make("R", 10, null)];
    const order = (invoices: Invoice[]): string[] =>
      applyLedger({ invoices, payments: [], customers: [] }, 2e9, DEFAULT_POLICY).accounts[0].items.map((s) => s.invoice.invoiceNo);
    expect(order(far)).toEqual(["Y", "Z", "W", "X"]);
    expect(order(fraction)).toEqual(["R", "Q", "P"]);
  });
});

describe("shownAmount", () => {
  it("gives the number Number(formatFen(x)) gives, exact amounts or not", () => {
    expect(shownAmount(toDecimal("1063.125"))).toBe(1063.13);
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.integer({ min: 0, max: 4 }), (units, places) => {
        const amount = toDecimal(units.toString()).div(10 ** places);
        expect(shownAmount(amount)).toBe(Number(formatFen(amount)));
      }),
    );
  });
});
