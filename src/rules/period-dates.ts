/**
 * The dates of the manager's period and trend: months counted back from the as-of date (month
 * ends stay month ends), the default period of one month, and a period's length in months.
 */
import { Dec, type Decimal } from "./decimal";
import { addMonths, daysInMonth, fromYmd, toYmd } from "./dates";
import type { DayNumber } from "./types";

/**
 * The day `months` months before a date: the same day of month (clamped to a shorter month), or
 * the month's last day when the date is a month end, so a trend from 2026-02-28 runs through
 * 2026-01-31, 2025-12-31 ….
 * @param asOf the date counted from
 * @param months how many months back (0 gives asOf)
 * @returns the earlier day
 * @example formatIso(monthsBack(fromYmd(2026, 2, 28), 1)) // "2026-01-31"; monthsBack(fromYmd(2026, 3, 15), 1) → 2026-02-15
 */
export function monthsBack(asOf: DayNumber, months: number): DayNumber {
  const { year, month, day } = toYmd(asOf);
  const back = addMonths(asOf, -months);
  if (day !== daysInMonth(year, month)) return back;
  const earlier = toYmd(back);
  return fromYmd(earlier.year, earlier.month, daysInMonth(earlier.year, earlier.month));
}

/**
 * The first day of the default period: the day after the same date a month earlier, so a month
 * end gives its calendar month.
 * @param asOf the report date
 * @returns the period's first day
 * @example formatIso(defaultPeriodStart(fromYmd(2026, 3, 31))) // "2026-03-01"; from 2026-03-15 → "2026-02-16"
 */
export function defaultPeriodStart(asOf: DayNumber): DayNumber {
  return monthsBack(asOf, 1) + 1;
}

/**
 * The length of the period [from, asOf] in months: whole months counted back from the as-of date,
 * and what is left as its share of the next month back.
 * @param from first day of the period (≤ asOf)
 * @param asOf last day
 * @returns months, exact
 * @example periodMonths(fromYmd(2026, 1, 1), fromYmd(2026, 3, 31)).toString() // "3"; 2026-03-01 to 2026-03-15 → 15/28
 */
export function periodMonths(from: DayNumber, asOf: DayNumber): Decimal {
  const before = from - 1;
  let whole = 0;
  while (monthsBack(asOf, whole + 1) >= before) whole++;
  const rest = monthsBack(asOf, whole) - before;
  if (rest === 0) return new Dec(whole);
  const length = monthsBack(asOf, whole) - monthsBack(asOf, whole + 1);
  return new Dec(rest).dividedBy(length).plus(whole);
}
