/** The aging alone at a date (aging-snapshot.ts) is buildReport's aging, without its interest, grade or flags. */
import fc from "fast-check";
import { agingSnapshot } from "../../../src/rules/aging-snapshot";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import type { Policy } from "../../../src/rules/policy-types";
import { buildReport } from "../../../src/rules/report";
import { SCENARIO_AS_OF, scenarioLedger } from "../../support/management-scenario";
import { shown } from "../../support/money";
import { BASE, managementLedgerArb } from "./ledger-arb";

const shape = (customers: readonly { customer: string; currency: string; outstanding: unknown; overdue: unknown; buckets: unknown[]; items: { state: { outstanding: unknown; invoice: unknown }; daysOverdue: number; bucket: number }[] }[]) =>
  customers.map((c) => ({
    customer: c.customer,
    currency: c.currency,
    outstanding: c.outstanding,
    overdue: c.overdue,
    buckets: c.buckets,
    items: c.items.map((item) => [item.state.invoice, item.state.outstanding, item.daysOverdue, item.bucket]),
  }));

describe("agingSnapshot", () => {
  test("the scenario at 2026-02-28: 甲公司 80,000.00 of which 50,000.00 overdue in 31–60 (J1, 59 days)", () => {
    const jia = agingSnapshot(scenarioLedger(), SCENARIO_AS_OF - 31, DEFAULT_POLICY).customers.find((c) => c.customer === "甲公司")!;
    expect([shown(jia.outstanding), shown(jia.overdue), jia.buckets.map((units) => shown(units))]).toEqual([
      "80000.00", "50000.00", ["30000.00", "0.00", "50000.00", "0.00", "0.00"],
    ]);
    expect(jia.items.map((item) => [item.state.invoice.invoiceNo, item.daysOverdue, item.interest])).toEqual([["J1", 59, 0], ["J2", -12, 0]]);
  });

  test("equals buildReport's customers, balances, buckets and open items at any date, on either aging basis (property)", () => {
    const byInvoice: Policy = { ...DEFAULT_POLICY, agingBasis: "invoice" };
    fc.assert(
      fc.property(managementLedgerArb, fc.integer({ min: -30, max: 480 }), fc.boolean(), (ledger, offset, invoiceBasis) => {
        const policy = invoiceBasis ? byInvoice : DEFAULT_POLICY;
        expect(shape(agingSnapshot(ledger, BASE + offset, policy).customers)).toEqual(shape(buildReport(ledger, BASE + offset, policy).customers));
      }),
      { numRuns: 300 },
    );
  });
});
