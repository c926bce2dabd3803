/**
 * Effective credit limit (信用额度, POLICY.md §4): the fixed limit cut by late payments in the
 * review window, plus the temporary limit; zero for grade D or late in consecutive months.
 */
import { addMonths, monthKey } from "./dates";
import { ruleError, type RuleError } from "./errors";
import { decimalFromFen, divideHalfUp, fenOf, isExact, scaledRateOf } from "./fen";
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
  const fixed = atLeastZero(input.fixed);
  const temporary = atLeastZero(input.temporary);
  const windowStart = addMonths(input.asOf, -policy.limit.windowMonths);
  let lateCount = 0;
  for (const event of input.events) if (event.date > windowStart && event.date <= input.asOf) lateCount++;

  let cutRatio: Decimal = ZERO;
  for (const step of policy.limit.cuts) if (lateCount >= step.lateCount) cutRatio = step.cut;
  const strictlyControlled = input.grade === "C";

  let zeroReason: LimitResult["zeroReason"];
  const consecutive = policy.limit.consecutiveMonthsToZero;
  if (input.grade === "D") zeroReason = "gradeD";
  // A run of n months needs at least n events, so fewer skip the calendar work.
  else if (lateCount >= consecutive && hasConsecutiveMonths(lateMonths(input.events, windowStart, input.asOf), consecutive)) {
    zeroReason = "consecutive";
  }
  const zero = zeroReason !== undefined;
  const { effective, cutFixed } =
    limitFromFen(fixed, temporary, cutRatio, zero) ?? limitFromDecimal(fixed, temporary, cutRatio, zero);
  const result: LimitResult = { effective, cutFixed, cutRatio, lateCount, strictlyControlled };
  if (zeroReason) result.zeroReason = zeroReason;
  return result;
}

/** max(amount, 0) without the allocation of a comparison; NaN counts as 0, as before. */
function atLeastZero(amount: Decimal): Decimal {
  return amount.isZero() || (amount.isPositive() && !amount.isNaN()) ? amount : ZERO;
}

/** Month keys of the late events in the window. */
function lateMonths(events: readonly LateEvent[], windowStart: DayNumber, asOf: DayNumber): Set<number> {
  const months = new Set<number>();
  for (const event of events) if (event.date > windowStart && event.date <= asOf) months.add(monthKey(event.date));
  return months;
}

/**
 * cutFixed = fixed × (1 − cut) rounded half-up, effective = min(max(cutFixed + temporary, 0), fixed +
 * temporary) or 0: on integers of fen; null when an amount or the cut does not fit them exactly.
 */
interface LimitFigures {
  effective: Decimal;
  cutFixed: Decimal;
}

function limitFromFen(fixed: Decimal, temporary: Decimal, cutRatio: Decimal, zero: boolean): LimitFigures | null {
  const fixedFen = fenOf(fixed);
  const temporaryFen = fenOf(temporary);
  const cut = scaledRateOf(cutRatio);
  if (Number.isNaN(fixedFen) || Number.isNaN(temporaryFen) || cut === null) return null;
  const product = fixedFen * (cut.scale - cut.units);
  if (!isExact(product)) return null;
  const cutFixedFen = divideHalfUp(product, cut.scale);
  const ceilingFen = fixedFen + temporaryFen;
  const sumFen = cutFixedFen + temporaryFen;
  const effectiveFen = zero ? 0 : Math.min(Math.max(sumFen, 0), ceilingFen);
  // Uncut, the figures are the fixed limit itself: no new Decimal (AR.LIMIT asks per row).
  const cutFixed = cutFixedFen === fixedFen ? fixed : decimalFromFen(cutFixedFen);
  const effective = effectiveFen === fixedFen && fixedFen !== 0 ? fixed : decimalFromFen(effectiveFen);
  return { effective, cutFixed };
}

const ONE = new Dec(1);

function limitFromDecimal(fixed: Decimal, temporary: Decimal, cutRatio: Decimal, zero: boolean): LimitFigures {
  const cutFixed = roundFen(fixed.times(ONE.minus(cutRatio)));
  const ceiling = fixed.plus(temporary);
  const effective = zero ? ZERO : minDecimal(maxDecimal(cutFixed.plus(temporary), ZERO), ceiling);
  return { effective, cutFixed };
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
  if (!isAboveCeiling(fixed, temporary, ratio)) return null;
  return ruleError(
    "limit.temporaryTooHigh",
    { temporary: temporary.toString(), fixed: fixed.toString(), ratio: `${ratio.times(100).toString()}%` },
    "temporaryLimit",
  );
}

/** temporary > fixed × ratio: on integers when they hold it (AR.LIMIT asks once per row), else in Decimal. */
function isAboveCeiling(fixed: Decimal, temporary: Decimal, ratio: Decimal): boolean {
  const fixedFen = fenOf(fixed);
  const temporaryFen = fenOf(temporary);
  const scaled = scaledRateOf(ratio);
  if (!Number.isNaN(fixedFen) && !Number.isNaN(temporaryFen) && scaled !== null) {
    const ceiling = fixedFen * scaled.units;
    const asked = temporaryFen * scaled.scale;
    if (isExact(ceiling) && isExact(asked)) return asked > ceiling;
  }
  return temporary.greaterThan(fixed.times(ratio));
}
