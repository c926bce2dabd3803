/**
 * Subtotals add up (POLICY §14; STYLE: sums must add up): on random ledgers, the subtotals by
 * salesperson and by region add up to the grand totals to the fen in every currency, the grand
 * totals are the sums of the customers, the measures and the trend agree with them, and the view
 * narrowed to a salesperson is that salesperson's subtotal.
 */
import fc from "fast-check";
import { buildManagementReport } from "../../../src/rules/management";
import type { Subtotal } from "../../../src/rules/management-types";
import { add, sum, type Minor } from "../../../src/rules/money";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { percentOf } from "../../../src/rules/subtotals";
import { BASE, managementLedgerArb } from "./ledger-arb";

/** The additive figures of some subtotals of one currency, summed. */
function added(list: readonly Subtotal[], currency: string): unknown {
  const mine = list.filter((s) => s.currency === currency);
  const total = (pick: (s: Subtotal) => Minor): string => sum(mine.map(pick)).toString();
  return {
    customers: mine.reduce((n, s) => n + s.customers, 0),
    flagged: mine.reduce((n, s) => n + s.flagged, 0),
    colours: mine.reduce((n, s) => ({ red: n.red + s.colours.red, amber: n.amber + s.colours.amber, green: n.green + s.colours.green }), { red: 0, amber: 0, green: 0 }),
    outstanding: total((s) => s.outstanding),
    overdue: total((s) => s.overdue),
    collected: total((s) => s.collected),
    dueInPeriod: total((s) => s.dueInPeriod),
    provision: total((s) => s.provision),
    buckets: mine[0].buckets.map((_, index) => total((s) => s.buckets[index])),
  };
}

describe("subtotals add up (property)", () => {
  test("by salesperson and by region = the grand totals = Σ customers, in every currency; measures and trend agree", () => {
    fc.assert(
      fc.property(managementLedgerArb, fc.integer({ min: 0, max: 480 }), (ledger, offset) => {
        const view = buildManagementReport(ledger, { asOf: BASE + offset, policy: DEFAULT_POLICY });
        expect(view.totals.map((s) => s.currency)).toEqual(view.currencies);
        view.totals.forEach((grand, index) => {
          const currency = grand.currency;
          expect(added(view.bySalesperson, currency)).toEqual(added([grand], currency));
          expect(added(view.byRegion, currency)).toEqual(added([grand], currency));
          const customers = view.customers.filter((c) => c.report.currency === currency);
          expect(grand.outstanding).toEqual(sum(customers.map((c) => c.report.outstanding)));
          expect(sum(grand.buckets)).toEqual(grand.outstanding);
          expect(grand.overduePct?.toString() ?? null).toEqual(percentOf(grand.overdue, grand.outstanding)?.toString() ?? null);
          const measures = view.measures[index];
          expect([measures.currency, measures.closingReceivables, measures.collected, measures.dueInPeriod]).toEqual([currency, grand.outstanding, grand.collected, grand.dueInPeriod]);
          expect(view.dso[index].points[11].receivables).toEqual(grand.outstanding);
          expect(measures.openingReceivables).toEqual(sum(view.opening.customers.filter((c) => c.currency === currency).map((c) => c.outstanding)));
          for (const customer of customers) expect(sum(customer.provisionByBand)).toEqual(customer.report.outstanding);
        });
      }),
      { numRuns: 200 },
    );
  });

  test("the view narrowed to a salesperson is that salesperson's subtotal of the whole view", () => {
    fc.assert(
      fc.property(managementLedgerArb, fc.integer({ min: 0, max: 480 }), fc.constantFrom("张三", "李四", "王五"), (ledger, offset, person) => {
        const asOf = BASE + offset;
        const whole = buildManagementReport(ledger, { asOf, policy: DEFAULT_POLICY });
        const mine = buildManagementReport(ledger, { asOf, policy: DEFAULT_POLICY, salesperson: person });
        const expected = whole.bySalesperson.filter((s) => s.key === person).map((s) => ({ ...s, key: "" }));
        expect(mine.totals.map((s) => ({ ...s, overduePct: s.overduePct?.toString(), collectionRate: s.collectionRate?.toString() }))).toEqual(
          expected.map((s) => ({ ...s, overduePct: s.overduePct?.toString(), collectionRate: s.collectionRate?.toString() })),
        );
        const trend = (view: typeof whole, currency: string): Minor => view.dso.find((d) => d.currency === currency)?.points[11].receivables ?? 0;
        for (const s of expected) expect(trend(mine, s.currency)).toEqual(s.outstanding);
        expect(sum(mine.customers.map((c) => c.report.outstanding))).toEqual(expected.reduce<Minor>((n, s) => add(n, s.outstanding), 0));
      }),
      { numRuns: 200 },
    );
  });
});
