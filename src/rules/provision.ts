/**
 * Bad-debt provision (坏账准备, POLICY.md §9): by age bands (账龄分析法) or a flat rate, and the
 * write-off candidate test.
 */
import { ZERO, roundFen, type Decimal } from "./money";
import type { Policy } from "./policy-types";
import type { AgedItem } from "./types";

/**
 * The provision rate for a receivable of a given age. Method "aging": the first band whose
 * upToDays is not exceeded (ages of 0 or less take the first band); method "flat": flatRate.
 * @param ageDays age in days on the policy's aging basis
 * @param policy provision method, bands, flat rate
 * @returns the rate as a fraction
 * @example provisionRate(400, DEFAULT_POLICY).toString() // "0.1"
 */
export function provisionRate(ageDays: number, policy: Policy): Decimal {
  const { method, bands, flatRate } = policy.provision;
  if (method === "flat") return flatRate;
  for (const band of bands) if (band.upToDays === null || ageDays <= band.upToDays) return band.rate;
  // A validated policy ends with an open band; a hand-built one without it keeps its last rate.
  return bands.length > 0 ? bands[bands.length - 1].rate : ZERO;
}

/**
 * The provision for a customer's items: Σ outstanding × rate by each item's age, rounded to the
 * fen once, at the end.
 * @param items aged items (disputed ones included: a dispute does not make a debt safer)
 * @param policy provision method and rates
 * @returns the provision amount
 * @example
 * // 10,000.00 aged 100 days (5 %) and 2,000.00 aged 800 days (30 %)
 * provisionFor(items, DEFAULT_POLICY).toFixed(2) // "1100.00"
 */
export function provisionFor(items: readonly AgedItem[], policy: Policy): Decimal {
  let total = ZERO;
  for (const item of items) total = total.plus(item.state.outstanding.times(provisionRate(item.ageDays, policy)));
  return roundFen(total);
}

/**
 * Whether a customer is a candidate for write-off: overdue more than writeOffAfterDays (1 year).
 * @param maxDaysOverdue days overdue of the most overdue open invoice
 * @param policy provision.writeOffAfterDays
 * @returns true beyond the threshold
 * @example isWriteOffCandidate(366, DEFAULT_POLICY) // true
 */
export function isWriteOffCandidate(maxDaysOverdue: number, policy: Policy): boolean {
  return maxDaysOverdue > policy.provision.writeOffAfterDays;
}
