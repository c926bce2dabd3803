/**
 * Stop shipping (停止供货, POLICY §5): the reasons a customer should get no more goods on credit.
 */
import { scaledOf } from "./decimal";
import { multiply, powerOfTen, type Minor, type Scaled } from "./money";
import type { Policy } from "./policy-types";
import type { Grade, StopReason } from "./types";

/** The figures of one customer account that the stop-shipping rule looks at. */
export interface StopShippingInput {
  /** Days overdue of the most overdue open invoice. */
  maxDaysOverdue: number;
  /** Overdue total in units of 10^−scale, in the policy currency (thresholds are not converted). */
  overdue: Minor;
  overLimit: boolean;
  grade: Grade;
  outstanding: Minor;
}

/** The policy's stop-shipping thresholds, the amount as an exact fraction, read once per report. */
export interface StopShippingTerms {
  maxDaysOverdue: number;
  /** In the policy currency. */
  maxOverdueTotal: Scaled;
}

/**
 * The stop-shipping terms of a policy.
 * @example stopShippingTerms(DEFAULT_POLICY) // { maxDaysOverdue: 60, maxOverdueTotal: { units: 200000, scale: 0 } }
 */
export function stopShippingTerms(policy: Policy): StopShippingTerms {
  return { maxDaysOverdue: policy.stopShipping.maxDaysOverdue, maxOverdueTotal: scaledOf(policy.stopShipping.maxOverdueTotal) };
}

/**
 * The reasons to stop shipping, always in the order overdueDays, overdueTotal, overLimit, gradeD;
 * empty when shipping may go on. Thresholds are strict: more than 60 days, more than 200,000.
 * @param input the account's figures
 * @param terms the policy's thresholds (stopShippingTerms)
 * @param scale the scale of the amounts
 * @returns a new array of reasons
 * @example stopShippingReasons({ maxDaysOverdue: 61, overdue: 20000000, overLimit: false, grade: "B", outstanding: 25000000 }, stopShippingTerms(DEFAULT_POLICY), 2) // ["overdueDays"]
 */
export function stopShippingReasons(input: StopShippingInput, terms: StopShippingTerms, scale: number): StopReason[] {
  const reasons: StopReason[] = [];
  if (input.maxDaysOverdue > terms.maxDaysOverdue) reasons.push("overdueDays");
  const threshold = terms.maxOverdueTotal;
  // overdue ÷ 10^scale > units ÷ 10^thresholdScale, on integers.
  if (multiply(input.overdue, powerOfTen(threshold.scale)) > multiply(threshold.units, powerOfTen(scale))) reasons.push("overdueTotal");
  if (input.overLimit) reasons.push("overLimit");
  if (input.grade === "D" && input.outstanding > 0) reasons.push("gradeD");
  return reasons;
}
