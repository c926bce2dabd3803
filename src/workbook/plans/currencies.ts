/**
 * Currencies of a report and the exact totals of each: customers are totalled within their
 * currency only, never across currencies (the policy holds no exchange rates).
 */
import { sum, type Minor } from "../../rules/money";
import type { Policy } from "../../rules/policy-types";
import type { CustomerReport } from "../../rules/types";

/**
 * The currencies present in a report's customers: the policy currency first, then alphabetical.
 * @param customers customer reports
 * @param policy the policy (its currency goes first)
 * @returns currency codes, each once
 * @example currenciesOf([usdCustomer, cnyCustomer], DEFAULT_POLICY) // ["CNY", "USD"]
 */
export function currenciesOf(customers: CustomerReport[], policy: Policy): string[] {
  const present = Array.from(new Set(customers.map((customer) => customer.currency)));
  return present.sort((a, b) => {
    if (a === policy.currency) return -1;
    if (b === policy.currency) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** Exact totals of one currency, in the report's scale. */
export interface CurrencyTotals {
  outstanding: Minor;
  buckets: Minor[];
  overdue: Minor;
  interest: Minor;
  unappliedCredit: Minor;
  excess: Minor;
}

/**
 * Exact totals of the customers of one currency (never across currencies), in the report's scale.
 * @param customers customer reports, all of `currency` or mixed (others are skipped)
 * @param currency currency to total
 * @param bucketCount number of policy buckets
 * @returns sums of outstanding, buckets, overdue, interest, unapplied credit and excess
 * @example currencyTotals(report.customers, "CNY", 5).outstanding // 150000 (1,500.00 at scale 2)
 */
export function currencyTotals(customers: CustomerReport[], currency: string, bucketCount: number): CurrencyTotals {
  const mine = customers.filter((customer) => customer.currency === currency);
  return {
    outstanding: sum(mine.map((customer) => customer.outstanding)),
    buckets: Array.from({ length: bucketCount }, (_, index) => sum(mine.map((customer) => customer.buckets[index] ?? 0))),
    overdue: sum(mine.map((customer) => customer.overdue)),
    interest: sum(mine.map((customer) => customer.interest)),
    unappliedCredit: sum(mine.map((customer) => customer.unappliedCredit)),
    excess: sum(mine.map((customer) => customer.excess)),
  };
}
