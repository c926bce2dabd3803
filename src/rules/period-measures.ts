/**
 * The measures of a period in one currency (POLICY §11): simple and count-back DSO, CEI, collection
 * rate, overdue recovery rate (逾期账款回收率) and cash ratio (回款现金比例), with the provision and
 * the write-off candidates — from the as-of rebuilds at both ends of the period and its flows.
 */
import { cei, collectionRate, dsoSimple } from "./measures";
import type { Decimal } from "./decimal";
import type { ManagedCustomer, PeriodMeasures } from "./management-types";
import { add, subtract, sum, type Minor } from "./money";
import { addFlows, cashAndBills } from "./period-flows";
import { periodMonths } from "./period-dates";
import { percentOf } from "./subtotals";
import type { CustomerAging } from "./aging-snapshot";
import type { DayNumber, Invoice } from "./types";

/** What the measures of one currency are made from. */
export interface MeasureInputs {
  currency: string;
  /** The currency's managed customers as of the as-of date. */
  closing: readonly ManagedCustomer[];
  /** The currency's customers' aging as of the day before the period. */
  opening: readonly CustomerAging[];
  from: DayNumber;
  asOf: DayNumber;
  /** The count-back DSO at the as-of date (the last point of the trend). */
  dsoCountBack: Decimal | null;
  /** The cash ratio to reach, as a fraction (policy.rag.cashRatioTarget). */
  cashRatioTarget: Decimal;
}

/**
 * How much of what was overdue at the period's start has been settled since: for each invoice
 * overdue at the opening, its opening balance less its closing balance (0 once settled), never
 * below zero.
 * @param opening the currency's customers at the opening date
 * @param closing the currency's customers at the as-of date
 * @returns the amount recovered
 * @example recovered([{ items: [A overdue 1,000.00] }], [{ items: [A 400.00] }]) // 60000 (600.00)
 */
export function recoveredOverdue(opening: readonly CustomerAging[], closing: readonly CustomerAging[]): Minor {
  const closingBalance = new Map<Invoice, Minor>();
  for (const customer of closing) for (const item of customer.items) closingBalance.set(item.state.invoice, item.state.outstanding);
  let recovered: Minor = 0;
  for (const customer of opening) {
    for (const item of customer.items) {
      if (item.daysOverdue <= 0) continue;
      const paid = subtract(item.state.outstanding, closingBalance.get(item.state.invoice) ?? 0);
      if (paid > 0) recovered = add(recovered, paid);
    }
  }
  return recovered;
}

/**
 * The period's measures in one currency.
 * @param inputs the currency's customers at both ends, the period, the count-back DSO, the cash target
 * @returns the measures (rates in percent, DSO in days, exact)
 * @example
 * // opening 6,200.00; sales 10,890.00 over three months; closing 6,340.00 of which 3,590.00 not due
 * periodMeasures(inputs).cei?.toFixed(1) // "55.9"
 */
export function periodMeasures(inputs: MeasureInputs): PeriodMeasures {
  const { currency, closing, opening, from, asOf } = inputs;
  const reports = closing.map((customer) => customer.report);
  const closingReceivables = sum(reports.map((report) => report.outstanding));
  const closingOverdue = sum(reports.map((report) => report.overdue));
  const closingCurrent = subtract(closingReceivables, closingOverdue);
  const openingReceivables = sum(opening.map((report) => report.outstanding));
  const overdueAtStart = sum(opening.map((report) => report.overdue));
  const flows = addFlows(closing.map((customer) => customer.flows));
  const { cash, bills } = cashAndBills(flows);
  const months = periodMonths(from, asOf);
  const periodDays = asOf - from + 1;
  const recovered = recoveredOverdue(opening, reports);
  const cashRatio = percentOf(cash, add(cash, bills));
  const candidates = reports.filter((report) => report.writeOffCandidate);
  const text = (amount: Minor): string => amount.toString();
  return {
    currency,
    openingReceivables,
    closingReceivables,
    closingCurrent,
    closingOverdue,
    creditSales: flows.creditSales,
    periodDays,
    periodMonths: months,
    dsoSimple: dsoSimple(text(closingReceivables), text(flows.creditSales), periodDays),
    dsoCountBack: inputs.dsoCountBack,
    cei: cei(text(openingReceivables), text(flows.creditSales), text(closingReceivables), text(closingCurrent), months),
    collected: flows.collected,
    dueInPeriod: flows.dueInPeriod,
    collectionRate: collectionRate(text(flows.collected), text(flows.dueInPeriod)),
    overdueAtStart,
    recovered,
    overdueRecoveryRate: percentOf(recovered, overdueAtStart),
    cashReceived: cash,
    billsReceived: bills,
    unstatedReceived: flows.byMethod.unstated,
    cashRatio,
    cashRatioMet: cashRatio === null ? null : cashRatio.greaterThanOrEqualTo(inputs.cashRatioTarget.times(100)),
    provision: sum(reports.map((report) => report.provision)),
    writeOffCandidates: candidates.length,
    writeOffOutstanding: sum(candidates.map((report) => report.outstanding)),
  };
}
