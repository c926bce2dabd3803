/**
 * The fast paths of the sheet plans (plans.ts) give exactly what the reference gives: the amounts
 * of the detail and aging sheets. (The reader's fast paths are gone: its parsers have one path
 * each, tested in parse.test.ts; total rows and duplicate numbers are tested under read/.)
 */
import fc from "fast-check";
import { labelsFor } from "../../src/i18n/labels";
import { fromYmd, toSerial } from "../../src/rules/dates";
import { decimalFromFen, fenOf, fenOfGeneral, shownAmount } from "../../src/rules/fen";
import { Dec, type Decimal } from "../../src/rules/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import { buildReport } from "../../src/rules/report";
import type { Policy } from "../../src/rules/policy-types";
import type { AgedItem, CustomerReport, Lang, Report, StageId, StopReason } from "../../src/rules/types";
import { agingPlan, currenciesOf, currencyTotals, detailPlan, reasonsText, stageLabel } from "../../src/workbook/plans";

/** Whole fen, small and up to the edge of the fast paths (|fen| < 1e15). */
const fenArb = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  fc.integer({ min: -(1e15 - 1), max: 1e15 - 1 }),
  fc.constantFrom(0, 1, -1, 99, 100, 101, 1e7 - 1, 1e7, 1e9, 1e9 + 1, 1e14, 1e15 - 1, -(1e15 - 1), 1e15, 1e15 + 1, 2 ** 53),
);

describe("sheet plans", () => {
  /** Amounts as the rules make them: parsed, summed, divided, in every shape decimal.js has. */
  const decimalArb: fc.Arbitrary<Decimal> = fc.oneof(
    fenArb.filter((fen) => Number.isSafeInteger(fen)).map((fen) => decimalFromFen(fen)),
    fenArb.map((fen) => new Dec(fen).dividedBy(100)),
    fc.integer({ min: -1e9, max: 1e9 }).map((n) => new Dec(n).dividedBy(1000)),
    fc.integer({ min: 1, max: 1e6 }).map((n) => new Dec(n).dividedBy(7)),
    fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }).map((n) => new Dec(n.toString()).dividedBy(100)),
    fc.constantFrom("0", "-0", "0.001", "0.005", "-0.005", "1e13", "9999999.99", "10000000", "10000000.01", "0.1", "0.12", "1e-9", "123456789012.345").map((text) => new Dec(text)),
    fc.tuple(fenArb, fenArb).map(([a, b]) => new Dec(a).plus(b).minus(a).dividedBy(100)),
  );

  test("fenOf (quick case for one or two words) = fenOfGeneral for every Decimal (property)", () => {
    fc.assert(
      fc.property(decimalArb, (amount) => {
        expect(Object.is(fenOf(amount), fenOfGeneral(amount))).toBe(true);
      }),
      { numRuns: 10000 },
    );
  });

  const AS_OF = fromYmd(2026, 11, 23);
  const itemArb: fc.Arbitrary<AgedItem> = fc
    .tuple(
      decimalArb,
      fc.option(decimalArb),
      decimalArb,
      fc.integer({ min: -60, max: 400 }),
      fc.boolean(),
      fc.integer({ min: 0, max: 5 }),
      fc.option(fc.oneof(fc.integer({ min: 30000, max: 80000 }), fc.constantFrom(1, 2, 60, 61, 2958465, 2958466, 0.5))),
    )
    .map(([amount, outstanding, interest, daysOverdue, disputed, bucket, invoiceDate]) => ({
      state: {
        invoice: { customer: "", invoiceNo: "INV", invoiceDate: invoiceDate ?? null, dueDate: AS_OF - daysOverdue, amount, received: new Dec(0), currency: "CNY", disputed },
        // None: nothing applied, the outstanding is the amount itself.
        outstanding: outstanding ?? amount,
        applications: [],
        settledOn: null,
      },
      daysOverdue,
      ageDays: daysOverdue,
      bucket,
      interest,
    }));
  const reasonsArb = fc.subarray(["overdueDays", "overdueTotal", "overLimit", "gradeD"] as StopReason[]);
  const customerArb: fc.Arbitrary<CustomerReport> = fc
    .tuple(fc.constantFrom("甲", "乙", "ACME"), fc.constantFrom("CNY", "USD"), fc.array(itemArb, { maxLength: 6 }), fc.array(decimalArb, { minLength: 11, maxLength: 11 }), reasonsArb, fc.option(decimalArb))
    .map(([name, currency, items, [b0, b1, b2, b3, b4, outstanding, overdue, interest, unapplied, excess, limit], reasons, pct]) => ({
      customer: name,
      currency,
      items,
      buckets: [b0, b1, b2, b3, b4],
      outstanding,
      overdue,
      unappliedCredit: unapplied,
      interest,
      maxDaysOverdue: 0,
      computedGrade: "A",
      grade: "A",
      lateEvents: [],
      fixedLimit: limit,
      temporaryLimit: new Dec(0),
      effectiveLimit: limit,
      overLimit: false,
      excess,
      limitUsedPct: pct,
      strictlyControlled: false,
      stopShipping: reasons.length > 0,
      reasons,
      stage: null,
      provision: new Dec(0),
      writeOffCandidate: false,
    }));
  const reportArb: fc.Arbitrary<Report> = fc.array(customerArb, { maxLength: 6 }).map((customers) => ({ asOf: AS_OF, customers, errors: [] }));
  const langArb = fc.constantFrom<Lang>("zh-CN", "zh-TW", "en");

  /** The detail rows as detailPlan wrote them before its fast path: shownAmount of each Decimal. */
  function referenceDetailRows(report: Report, policy: Policy, lang: Lang, yes: string, no: string): unknown[][] {
    const invoiceStage = (days: number, disputed: boolean): StageId | null => {
      if (disputed) return null;
      const stage = policy.escalation.find((candidate) => days >= candidate.fromDays && (candidate.toDays === null || days <= candidate.toDays));
      return stage ? stage.id : null;
    };
    const rows: unknown[][] = [];
    for (const currency of currenciesOf(report.customers, policy)) {
      for (const customer of report.customers.filter((candidate) => candidate.currency === currency)) {
        for (const item of customer.items) {
          const invoice = item.state.invoice;
          rows.push([
            customer.customer,
            customer.currency,
            invoice.invoiceNo,
            invoice.invoiceDate === null ? null : toSerial(invoice.invoiceDate, "1900"),
            toSerial(invoice.dueDate, "1900"),
            shownAmount(invoice.amount),
            shownAmount(invoice.amount.minus(item.state.outstanding)),
            shownAmount(item.state.outstanding),
            item.daysOverdue,
            policy.buckets.labels[lang][item.bucket] ?? "",
            shownAmount(item.interest),
            invoice.disputed ? yes : no,
            stageLabel(invoiceStage(item.daysOverdue, invoice.disputed), policy, lang),
          ]);
        }
      }
    }
    return rows;
  }

  /** -0 and 0 told apart. */
  const exact = (rows: unknown[][]): unknown[][] => rows.map((row) => row.map((cell) => (Object.is(cell, -0) ? "-0" : cell)));

  test("detailPlan shows every amount, date and stage as the reference does (property)", () => {
    fc.assert(
      fc.property(reportArb, langArb, (report, lang) => {
        const words = labelsFor(lang);
        // A day Excel cannot show throws, the same way.
        const outcome = (rows: () => unknown[][]): unknown => {
          try {
            return exact(rows());
          } catch (error) {
            return { threw: String(error) };
          }
        };
        const plan = outcome(() => detailPlan(report, DEFAULT_POLICY, lang).values.slice(1));
        expect(plan).toEqual(outcome(() => referenceDetailRows(report, DEFAULT_POLICY, lang, words.yes, words.no)));
      }),
      { numRuns: 1500 },
    );
  });

  /** Ledgers as read: invoices of up to two decimals (some not), part received, some credit notes. */
  const invoiceArb = fc
    .tuple(
      fc.constantFrom("甲", "乙"),
      fc.oneof(fc.integer({ min: -5_000_00, max: 10_000_000_00 }).map((fen) => decimalFromFen(fen)), decimalArb),
      fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 })),
      fc.integer({ min: -90, max: 400 }),
      fc.boolean(),
    )
    .map(([customer, amount, receivedPercent, daysOverdue, disputed]) => ({
      customer,
      invoiceNo: "",
      invoiceDate: AS_OF - daysOverdue - 30,
      dueDate: AS_OF - daysOverdue,
      amount,
      received: receivedPercent === 0 ? new Dec(0) : amount.times(receivedPercent).dividedBy(100).toDecimalPlaces(2),
      currency: "CNY",
      disputed,
    }));

  test("detailPlan of the rules' own report (items that keep amounts in fen) shows them as the reference does (property)", () => {
    fc.assert(
      fc.property(fc.array(invoiceArb, { maxLength: 30 }), langArb, (invoices, lang) => {
        const ledger = { invoices: invoices.map((invoice, index) => ({ ...invoice, invoiceNo: `INV-${index}` })), payments: [], customers: [] };
        const report = buildReport(ledger, AS_OF, DEFAULT_POLICY);
        const words = labelsFor(lang);
        // The plan first, while the rules' items may still hold their amounts in fen; the reference makes them.
        const plan = detailPlan(report, DEFAULT_POLICY, lang).values.slice(1);
        expect(exact(plan)).toEqual(exact(referenceDetailRows(report, DEFAULT_POLICY, lang, words.yes, words.no)));
      }),
      { numRuns: 500 },
    );
  });

  test("agingPlan shows customer amounts, reasons and totals rows as before (property)", () => {
    fc.assert(
      fc.property(reportArb, langArb, (report, lang) => {
        const plan = agingPlan(report, DEFAULT_POLICY, lang);
        const currencies = currenciesOf(report.customers, DEFAULT_POLICY);
        const bucketCount = DEFAULT_POLICY.buckets.labels[lang].length;
        const ordered = currencies.flatMap((currency) => report.customers.filter((customer) => customer.currency === currency));
        ordered.forEach((customer, index) => {
          const row = plan.values[1 + index];
          const amounts = [customer.effectiveLimit, customer.outstanding, ...customer.buckets, customer.overdue];
          expect(exact([row.slice(4, 4 + amounts.length)])).toEqual(exact([amounts.map((amount) => shownAmount(amount))]));
          const after = 4 + amounts.length + 1;
          expect(exact([row.slice(after, after + 3)])).toEqual(exact([[customer.interest, customer.unappliedCredit, customer.excess].map((amount) => shownAmount(amount))]));
          expect(row[after + 5]).toBe(reasonsText(customer.reasons, DEFAULT_POLICY, lang));
        });
        const first = 1 + report.customers.length;
        currencies.forEach((currency, index) => {
          const totals = currencyTotals(report.customers, currency, bucketCount);
          const fraction = totals.outstanding.isZero() ? null : Number(totals.overdue.div(totals.outstanding).toDecimalPlaces(6).toString());
          const expected = [
            shownAmount(totals.outstanding),
            ...totals.buckets.map((bucket) => shownAmount(bucket)),
            shownAmount(totals.overdue),
            fraction,
            shownAmount(totals.interest),
            shownAmount(totals.unappliedCredit),
            shownAmount(totals.excess),
          ];
          expect(exact([plan.values[first + index].slice(5, 5 + expected.length)])).toEqual(exact([expected]));
        });
      }),
      { numRuns: 800 },
    );
  });
});
