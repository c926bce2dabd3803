/**
 * Effective credit limit (信用额度, POLICY.md §4): the fixed limit cut by late payments in the
 * review window, plus the temporary limit; zero for grade D or late in consecutive months.
 */
import { addMonths, monthKey } from "./dates";
import { ruleError, type RuleError } from "./errors";
import { Dec, ZERO, maxDecimal, minDecimal, roundFen, type Decimal } from "./money";
import type { Policy } from "./policy-types";
import type { DayNumber, Grade, LateEvent } from "./types";

/** What the limit of one customer is computed from. */
export interface LimitInput {
  fixed: Decimal;
  temporary: Decimal;
  grade: Grade;
  events: readonly LateEvent[];
  asOf: DayNumber;
}

/** The effective limit and how it was reached. */
export interface LimitResult {
  /** cutFixed + temporary, within [0, fixed + temporary]; 0 when zeroReason is set. Rounded to the fen. */
  effective: Decimal;
  /** fixed × (1 − cutRatio), rounded to the fen. */
  cutFixed: Decimal;
  cutRatio: Decimal;
  /** Late events in the window (months back from the as-of date). */
  lateCount: number;
  /** Grade C: the limit stands but every order is checked (严格控制). */
  strictlyControlled: boolean;
  zeroReason?: "gradeD" | "consecutive";
}

/** Whether the month keys hold a run of `length` consecutive calendar months. */
function hasConsecutiveMonths(keys: Set<number>, length: number): boolean {
  if (length <= 0) return false;
  for (const key of keys) {
    let run = 1;
    while (run < length && keys.has(key + run)) run++;
    if (run >= length) return true;
  }
  return false;
}

/**
 * The effective credit limit. Late events after (as-of − windowMonths) and on or before the as-of
 * day are counted; the largest cut whose lateCount is reached applies to the fixed limit. Negative
 * limits are read as 0.
 * @param input fixed and temporary limits, grade, late events, as-of date
 * @param policy limit cuts, window, consecutive-months rule
 * @returns the effective limit and its parts
 * @example
 * // fixed 1,000,000, no temporary, two late payments in the window: cut 30 %
 * effectiveLimit({ fixed: toDecimal(1000000), temporary: ZERO, grade: "C", events: twoLate, asOf }, DEFAULT_POLICY).effective.toString() // "700000"
 */
export function effectiveLimit(input: LimitInput, policy: Policy): LimitResult {
  const fixed = maxDecimal(input.fixed, ZERO);
  const temporary = maxDecimal(input.temporary, ZERO);
  const windowStart = addMonths(input.asOf, -policy.limit.windowMonths);
  const inWindow = input.events.filter((e) => e.date > windowStart && e.date <= input.asOf);
  const lateCount = inWindow.length;

  let cutRatio: Decimal = ZERO;
  for (const step of policy.limit.cuts) if (lateCount >= step.lateCount) cutRatio = step.cut;
  const cutFixed = roundFen(fixed.times(new Dec(1).minus(cutRatio)));
  const strictlyControlled = input.grade === "C";

  let zeroReason: LimitResult["zeroReason"];
  if (input.grade === "D") zeroReason = "gradeD";
  else if (hasConsecutiveMonths(new Set(inWindow.map((e) => monthKey(e.date))), policy.limit.consecutiveMonthsToZero)) {
    zeroReason = "consecutive";
  }
  const ceiling = fixed.plus(temporary);
  const effective = zeroReason ? ZERO : minDecimal(maxDecimal(cutFixed.plus(temporary), ZERO), ceiling);
  const result: LimitResult = { effective, cutFixed, cutRatio, lateCount, strictlyControlled };
  if (zeroReason) result.zeroReason = zeroReason;
  return result;
}

/**
 * Checks a temporary limit against the policy's ceiling (at most 50 % of the fixed limit by default).
 * @param fixed the fixed limit
 * @param temporary the temporary limit
 * @param policy limit.temporaryMaxRatio
 * @returns a RuleError to report (not thrown), or null when the temporary limit is allowed
 * @example checkTemporaryLimit(toDecimal(1000000), toDecimal(600000), DEFAULT_POLICY)?.message
 * // "temporary limit 600000 is more than 50% of the fixed limit 1000000"
 */
export function checkTemporaryLimit(fixed: Decimal, temporary: Decimal, policy: Policy): RuleError | null {
  const ratio = policy.limit.temporaryMaxRatio;
  if (!temporary.greaterThan(fixed.times(ratio))) return null;
  return ruleError(
    "limit.temporaryTooHigh",
    { temporary: temporary.toString(), fixed: fixed.toString(), ratio: `${ratio.times(100).toString()}%` },
    "temporaryLimit",
  );
}
