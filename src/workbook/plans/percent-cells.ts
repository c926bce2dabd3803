/**
 * Shares as cells of a `0.0%` column: a fraction to six decimals, half-up (far finer than the
 * format shows, and a tidy number to read back), blank where there is no share.
 */
import type { Decimal } from "../../rules/decimal";
import { formatScaled, multiplyDivide, powerOfTen, type Minor } from "../../rules/money";

/** Decimals a share keeps. */
const SHARE_DECIMALS = 6;

/** A fraction rounded to six decimals as the number a cell holds. */
function fractionCell(fraction: Decimal): number {
  return Number(fraction.toDecimalPlaces(SHARE_DECIMALS).toString());
}

/**
 * part ÷ whole of two amounts of one scale as a `0.0%` cell, exact until rounded once.
 * @param part the amount that is a share, e.g. overdue
 * @param whole the amount it is a share of, e.g. outstanding
 * @returns the fraction to six decimals, or null (a blank cell) when whole is 0
 * @example shareCell(250000, 350000) // 0.714286; shareCell(0, 0) // null
 */
export function shareCell(part: Minor, whole: Minor): number | null {
  if (whole === 0) return null;
  // Whole millionths, rounded once from the exact quotient (money.ts), without a Decimal per cell.
  return Number(formatScaled(multiplyDivide(part, powerOfTen(SHARE_DECIMALS), whole), SHARE_DECIMALS));
}

/**
 * A percentage (such as `limitUsedPct`) as a `0.0%` cell, which holds the fraction.
 * @param percent the percentage, or null for none
 * @returns percent ÷ 100 to six decimals, or null (a blank cell)
 * @example percentCell(new Dec("116.66666666")) // 1.166667; percentCell(null) // null
 */
export function percentCell(percent: Decimal | null): number | null {
  return percent === null ? null : fractionCell(percent.dividedBy(100));
}
