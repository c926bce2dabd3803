/**
 * Stop shipping (停止供货, POLICY.md §5): the reasons a customer should get no more goods on credit.
 */
import { ZERO, type Decimal } from "./money";
import type { Policy } from "./policy-types";
import type { Grade, StopReason } from "./types";

/** The figures of one customer account that the stop-shipping rule looks at. */
export interface StopShippingInput {
  /** Days overdue of the most overdue open invoice. */
  maxDaysOverdue: number;
  /** Overdue total, in the policy currency (thresholds are not converted). */
  overdue: Decimal;
  overLimit: boolean;
  grade: Grade;
  outstanding: Decimal;
}

/**
 * The reasons to stop shipping, always in the order overdueDays, overdueTotal, overLimit, gradeD;
 * empty when shipping may go on. Thresholds are strict: more than 60 days, more than 200,000.
 * @param input the account's figures
 * @param policy stopShipping thresholds
 * @returns a new array of reasons
 * @example stopShippingReasons({ maxDaysOverdue: 61, overdue: toDecimal(200000), overLimit: false, grade: "B", outstanding: toDecimal(250000) }, DEFAULT_POLICY) // ["overdueDays"]
 */
export function stopShippingReasons(input: StopShippingInput, policy: Policy): StopReason[] {
  const reasons: StopReason[] = [];
  if (input.maxDaysOverdue > policy.stopShipping.maxDaysOverdue) reasons.push("overdueDays");
  if (input.overdue.greaterThan(policy.stopShipping.maxOverdueTotal)) reasons.push("overdueTotal");
  if (input.overLimit) reasons.push("overLimit");
  if (input.grade === "D" && input.outstanding.greaterThan(ZERO)) reasons.push("gradeD");
  return reasons;
}
