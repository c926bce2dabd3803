/**
 * Stop shipping (停止供货, POLICY §5): the reasons a customer should get no more goods on credit.
 * "以上" includes the number itself: an invoice overdue 2 calendar months or more, an overdue
 * total of 200,000.00 or more.
 */
import { addMonths } from "./dates";
import { scaledOf } from "./decimal";
import { multiply, powerOfTen, type Minor, type Scaled } from "./money";
import type { Policy } from "./policy-types";
import type { DayNumber, Grade, StopReason } from "./types";

/** The figures of one customer account that the stop-shipping rule looks at. */
export interface StopShippingInput {
  /** Days overdue of the most overdue open, non-disputed invoice (0 when none is overdue). */
  maxDaysOverdue: number;
  /** The report date: the most overdue invoice fell due `maxDaysOverdue` days before it. */
  asOf: DayNumber;
  /** Overdue total in units of 10^−scale, in the policy currency (thresholds are not converted). */
  overdue: Minor;
  overLimit: boolean;
  grade: Grade;
  outstanding: Minor;
}

/** The policy's stop-shipping thresholds, the amount as an exact fraction, read once per report. */
export interface StopShippingTerms {
  /** Calendar months overdue from which an invoice stops shipping. */
  overdueMonths: number;
  /** In the policy currency. */
  maxOverdueTotal: Scaled;
}

/**
 * The stop-shipping terms of a policy.
 * @example stopShippingTerms(DEFAULT_POLICY) // { overdueMonths: 2, maxOverdueTotal: { units: 200000, scale: 0 } }
 */
export function stopShippingTerms(policy: Policy): StopShippingTerms {
  return { overdueMonths: policy.stopShipping.overdueMonths, maxOverdueTotal: scaledOf(policy.stopShipping.maxOverdueTotal) };
}

/**
 * The reasons to stop shipping, always in the order overdueMonths, overdueTotal, overLimit,
 * gradeD; empty when shipping may go on. An invoice is overdue 2 months or more when the as-of
 * date is on or after its due date plus 2 calendar months (due 2026-09-30 → from 2026-11-30); the
 * overdue total stops shipping from 200,000.00 exactly.
 * @param input the account's figures
 * @param terms the policy's thresholds (stopShippingTerms)
 * @param scale the scale of the amounts
 * @returns a new array of reasons
 * @example
 * // due 2026-09-23, as of 2026-11-23 (61 days, 2 months to the day), overdue 200,000.00
 * stopShippingReasons({ maxDaysOverdue: 61, asOf: fromYmd(2026, 11, 23), overdue: 20000000, overLimit: false, grade: "B", outstanding: 25000000 }, stopShippingTerms(DEFAULT_POLICY), 2)
 * // ["overdueMonths", "overdueTotal"]
 */
export function stopShippingReasons(input: StopShippingInput, terms: StopShippingTerms, scale: number): StopReason[] {
  const reasons: StopReason[] = [];
  if (input.maxDaysOverdue > 0 && input.asOf >= addMonths(input.asOf - input.maxDaysOverdue, terms.overdueMonths)) reasons.push("overdueMonths");
  const threshold = terms.maxOverdueTotal;
  // overdue ÷ 10^scale ≥ units ÷ 10^thresholdScale, on integers.
  if (input.overdue > 0 && multiply(input.overdue, powerOfTen(threshold.scale)) >= multiply(threshold.units, powerOfTen(scale))) reasons.push("overdueTotal");
  if (input.overLimit) reasons.push("overLimit");
  if (input.grade === "D" && input.outstanding > 0) reasons.push("gradeD");
  return reasons;
}
