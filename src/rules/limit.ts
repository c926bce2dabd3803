/**
 * Effective credit limit (信用额度, POLICY §4): the fixed limit cut by late payments in the
 * review window, plus the temporary limit counted at most at its ceiling (50 % of the fixed limit);
 * zero for grade D or late in consecutive months. Late payments are events (grade.ts), so one
 * remittance settling three overdue invoices is one late payment.
 */
import { addMonths, monthKey } from "./dates";
import { scaledOf, ZERO_RATE, type Decimal } from "./decimal";
import { ruleError, type RuleError } from "./errors";
import { add, divide, formatExact, max, min, multiply, powerOfTen, roundToFen, subtract, type Minor, type Scaled } from "./money";
import type { Policy } from "./policy-types";
import type { DayNumber, Grade, LateEvent } from "./types";

/** What the limit of one customer is computed from; amounts in units of 10^−scale. */
export interface LimitInput {
  fixed: Minor;
  temporary: Minor;
  grade: Grade;
  events: readonly LateEvent[];
  asOf: DayNumber;
}

/** The effective limit and how it was reached. */
export interface LimitResult {
  /** cutFixed + temporary, within [0, fixed + temporary]; 0 when zeroReason is set. */
  effective: Minor;
  /** fixed × (1 − cutRatio), rounded half-up to the fen. */
  cutFixed: Minor;
  /** The temporary limit as it counts: the one given, at most fixed × the policy's ceiling (rounded down). */
  temporary: Minor;
  cutRatio: Decimal;
  /** Late events in the window (months back from the as-of date). */
  lateCount: number;
  /** Grade C: the limit stands but every order is checked (严格控制). */
  strictlyControlled: boolean;
  zeroReason?: "gradeD" | "consecutive";
}

/** A policy's limit rules with their rates as exact fractions, read once per report or call. */
export interface LimitTerms {
  /** Ascending by lateCount; `fraction` is `cut` as an exact fraction. */
  cuts: { lateCount: number; cut: Decimal; fraction: Scaled }[];
  temporaryMaxRatio: Decimal;
  temporaryMax: Scaled;
  consecutiveMonthsToZero: number;
  windowMonths: number;
}

/**
 * The limit terms of a policy.
 * @param policy limit cuts, window, consecutive-months rule, temporary ceiling
 * @returns the terms
 * @example limitTerms(DEFAULT_POLICY).cuts[0].fraction // { units: 1, scale: 1 } (10 %)
 */
export function limitTerms(policy: Policy): LimitTerms {
  const { cuts, temporaryMaxRatio, consecutiveMonthsToZero, windowMonths } = policy.limit;
  return {
    cuts: cuts.map((step) => ({ lateCount: step.lateCount, cut: step.cut, fraction: scaledOf(step.cut) })),
    temporaryMaxRatio,
    temporaryMax: scaledOf(temporaryMaxRatio),
    consecutiveMonthsToZero,
    windowMonths,
  };
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

/** Month keys of the late events in the window. */
function lateMonths(events: readonly LateEvent[], windowStart: DayNumber, asOf: DayNumber): Set<number> {
  const months = new Set<number>();
  for (const event of events) if (event.date > windowStart && event.date <= asOf) months.add(monthKey(event.date));
  return months;
}

/**
 * The effective credit limit. Late events after (as-of − windowMonths) and on or before the as-of
 * day are counted; the largest cut whose lateCount is reached applies to the fixed limit. A
 * temporary limit above its ceiling counts as the ceiling (the reader reports the row). Negative
 * limits are read as 0.
 * @param input fixed and temporary limits, grade, late events, as-of date
 * @param terms the policy's limit terms (limitTerms)
 * @param scale the scale of the amounts
 * @returns the effective limit and its parts
 * @example
 * // fixed 1,000,000.00, no temporary, two late payments in the window: cut 30 %
 * effectiveLimit({ fixed: 100000000, temporary: 0, grade: "C", events: twoLate, asOf }, limitTerms(DEFAULT_POLICY), 2).effective // 70000000
 * // fixed 200,000.00 with a temporary 120,000.00: the temporary counts as 100,000.00
 * effectiveLimit({ fixed: 20000000, temporary: 12000000, grade: "A", events: [], asOf }, limitTerms(DEFAULT_POLICY), 2).effective // 30000000
 */
export function effectiveLimit(input: LimitInput, terms: LimitTerms, scale: number): LimitResult {
  const fixed = max(input.fixed, 0);
  const temporary = min(max(input.temporary, 0), temporaryCeiling(fixed, terms));
  const windowStart = addMonths(input.asOf, -terms.windowMonths);
  let lateCount = 0;
  for (const event of input.events) if (event.date > windowStart && event.date <= input.asOf) lateCount++;

  let cutRatio: Decimal = ZERO_RATE;
  let cut: Scaled = { units: 0, scale: 0 };
  for (const step of terms.cuts) {
    if (lateCount >= step.lateCount) {
      cutRatio = step.cut;
      cut = step.fraction;
    }
  }

  let zeroReason: LimitResult["zeroReason"];
  const consecutive = terms.consecutiveMonthsToZero;
  if (input.grade === "D") zeroReason = "gradeD";
  // A run of n months needs at least n events, so fewer skip the calendar work.
  else if (lateCount >= consecutive && hasConsecutiveMonths(lateMonths(input.events, windowStart, input.asOf), consecutive)) {
    zeroReason = "consecutive";
  }
  const cutFixed = roundToFen(multiply(fixed, subtract(powerOfTen(cut.scale), cut.units)), scale, cut.scale);
  const ceiling = add(fixed, temporary);
  const effective = zeroReason !== undefined ? 0 : min(max(add(cutFixed, temporary), 0), ceiling);
  const result: LimitResult = { effective, cutFixed, temporary, cutRatio, lateCount, strictlyControlled: input.grade === "C" };
  if (zeroReason) result.zeroReason = zeroReason;
  return result;
}

/**
 * The most a temporary limit counts for: fixed × the policy's ceiling, rounded down to the scale.
 * @param fixed the fixed limit (not negative)
 * @param terms the policy's limit terms
 * @returns the ceiling in the same units
 * @example temporaryCeiling(20000001, limitTerms(DEFAULT_POLICY)) // 10000000 (100,000.00 of 200,000.01)
 */
export function temporaryCeiling(fixed: Minor, terms: LimitTerms): Minor {
  const ceiling = terms.temporaryMax;
  return divide(multiply(fixed, ceiling.units), powerOfTen(ceiling.scale), "down");
}

/**
 * Checks a temporary limit against the policy's ceiling (at most 50 % of the fixed limit by default).
 * @param fixed the fixed limit
 * @param temporary the temporary limit
 * @param terms the policy's limit terms (temporaryMaxRatio)
 * @param scale the scale of both amounts
 * @returns a RuleError to report (not thrown), or null when the temporary limit is allowed
 * @example checkTemporaryLimit(100000000, 60000000, limitTerms(DEFAULT_POLICY), 2)?.message
 * // "temporary limit 600000 is more than 50% of the fixed limit 1000000"
 */
export function checkTemporaryLimit(fixed: Minor, temporary: Minor, terms: LimitTerms, scale: number): RuleError | null {
  const ratio = terms.temporaryMaxRatio;
  const ceiling = terms.temporaryMax;
  if (!(multiply(temporary, powerOfTen(ceiling.scale)) > multiply(fixed, ceiling.units))) return null;
  return ruleError(
    "limit.temporaryTooHigh",
    { temporary: formatExact(temporary, scale), fixed: formatExact(fixed, scale), ratio: `${ratio.times(100).toString()}%` },
    "temporaryLimit",
  );
}
