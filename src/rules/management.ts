/**
 * The sales manager's view (POLICY §9, §11, §14), orchestration only: the ledger narrowed to a
 * salesperson when asked, the report at the as-of date and the aging at the period's start, the period's flows, the
 * receivables history in one pass for the DSO trend, then colours, subtotals, measures,
 * provision, write-off, deductions and month-over-month changes, each from its own module.
 */
import { deductions } from "./accountability";
import { agingSnapshot } from "./aging-snapshot";
import { collectionRate } from "./measures";
import type { ManagedCustomer, ManagementReport, Owner } from "./management-types";
import { dsoTrend, trendDates } from "./measures-series";
import { monthOverMonth } from "./month-over-month";
import { customerOwners, ledgerOfSalesperson, salespeopleOf } from "./owners";
import { defaultPeriodStart } from "./period-dates";
import { noFlows, periodFlows } from "./period-flows";
import { periodMeasures } from "./period-measures";
import type { Policy } from "./policy-types";
import { outstandingByBand, provisionTerms } from "./provision";
import { customerColour } from "./rag";
import { receivablesHistory } from "./receivables-history";
import { buildReport } from "./report";
import { subtotals } from "./subtotals";
import type { CustomerReport, DayNumber, Ledger } from "./types";

/** What the view is asked for. */
export interface ManagementOptions {
  asOf: DayNumber;
  /** First day of the period (default: the day after the same date a month earlier). */
  from?: DayNumber;
  /** Narrow the view to this salesperson's customers (names compare without width or case). */
  salesperson?: string | null;
  policy: Policy;
}

/**
 * The currencies of some customers: the policy currency first, then alphabetical.
 * @param customers customer reports
 * @param policy supplies the currency that goes first
 * @returns each currency once
 * @example currencyOrder([usd, cny], DEFAULT_POLICY) // ["CNY", "USD"]
 */
export function currencyOrder(customers: readonly CustomerReport[], policy: Policy): string[] {
  const present = [...new Set(customers.map((customer) => customer.currency))];
  return present.sort((a, b) => (a === policy.currency ? -1 : b === policy.currency ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The sales manager's view of a ledger as of a date, for the period from `from` to the as-of date.
 * Pure: the ledger is not modified.
 * @param ledger the whole ledger (salespeople are read from all of it, then it is narrowed)
 * @param options as-of date, period start, salesperson, policy
 * @returns the view; amounts in the ledger's scale
 * @example
 * const view = buildManagementReport(ledger, { asOf: fromYmd(2026, 3, 31), policy: DEFAULT_POLICY });
 * // view.from 2026-03-01, view.openingDate 2026-02-28, view.dso[0].points.length 12
 */
export function buildManagementReport(ledger: Ledger, options: ManagementOptions): ManagementReport {
  const { asOf, policy } = options;
  const from = options.from ?? defaultPeriodStart(asOf);
  const owners = customerOwners(ledger);
  const salesperson = options.salesperson?.trim() ? options.salesperson.trim() : null;
  const view = salesperson === null ? ledger : ledgerOfSalesperson(ledger, owners, salesperson);

  const closing = buildReport(view, asOf, policy);
  const opening = agingSnapshot(view, from - 1, policy);
  const flows = periodFlows(view, from, asOf, policy);
  const terms = provisionTerms(policy);
  const nobody: Owner = { salesperson: "", region: "" };
  const customers: ManagedCustomer[] = closing.customers.map((report) => {
    const owner = owners.get(report.customer) ?? nobody;
    const found = flows.get(report.customer, report.currency) ?? noFlows();
    const { colour, reasons } = customerColour(report, policy);
    return {
      report,
      salesperson: owner.salesperson,
      region: owner.region,
      colour,
      colourReasons: reasons,
      flows: found,
      collectionRate: collectionRate(found.collected.toString(), found.dueInPeriod.toString()),
      provisionByBand: outstandingByBand(report.items, terms),
    };
  });

  const currencies = currencyOrder(closing.customers, policy);
  const bucketCount = policy.buckets.edges.length + 1;
  const dates = trendDates(asOf);
  const dso = dsoTrend(receivablesHistory(view, dates, policy), dates, currencies);
  const measures = currencies.map((currency, index) =>
    periodMeasures({
      currency,
      closing: customers.filter((customer) => customer.report.currency === currency),
      opening: opening.customers.filter((customer) => customer.currency === currency),
      from,
      asOf,
      dsoCountBack: dso[index].points[dso[index].points.length - 1].dsoCountBack,
      cashRatioTarget: policy.rag.cashRatioTarget,
    }),
  );
  const writeOff = customers
    .filter((customer) => customer.report.writeOffCandidate)
    .sort((a, b) => (b.report.outstanding > a.report.outstanding ? 1 : b.report.outstanding < a.report.outstanding ? -1 : 0));

  return {
    asOf,
    from,
    openingDate: from - 1,
    scale: ledger.scale,
    salesperson,
    salespeople: salespeopleOf(owners),
    currencies,
    closing,
    opening,
    customers,
    bySalesperson: subtotals(customers, (customer) => customer.salesperson, currencies, bucketCount),
    byRegion: subtotals(customers, (customer) => customer.region, currencies, bucketCount),
    totals: subtotals(customers, () => "", currencies, bucketCount),
    measures,
    dso,
    writeOff,
    deductions: policy.accountability.enabled ? deductions(customers, from, asOf, policy, ledger.scale) : null,
    changes: monthOverMonth(opening, closing, owners),
  };
}
