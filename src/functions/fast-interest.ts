/**
 * Exact late interest in integer arithmetic, for the common case of amounts in whole fen and a
 * daily rate with few decimals: 100,000 rows of AR.PENALTY in one call must take under 200 ms,
 * and decimal.js spends most of that building a Decimal per row. Where any intermediate could
 * leave the safe-integer range it answers null and the caller uses the rule (simpleInterest).
 * A property test holds it equal to simpleInterest to the fen.
 */
import type { Decimal } from "../rules/money";

/** A daily rate as units / scale with integer units, e.g. 0.0005 = 5 / 10,000. */
export interface ScaledRate {
  units: number;
  scale: number;
}

const MAX_RATE_DECIMALS = 9;

/**
 * Splits a daily rate into integer units and a power-of-ten scale.
 * @param rate - the daily rate as a fraction
 * @returns the scaled rate, or null when it has more than 9 decimals or is too large
 * @example scaleRate(new Dec("0.0005")) // { units: 5, scale: 10000 }
 */
export function scaleRate(rate: Decimal): ScaledRate | null {
  const places = rate.decimalPlaces();
  if (places > MAX_RATE_DECIMALS || rate.isNegative()) return null;
  const scale = 10 ** places;
  const units = rate.times(scale).toNumber();
  return Number.isSafeInteger(units) ? { units, scale } : null;
}

/**
 * amount × rate × days rounded half-up to the fen, computed on integers.
 * @param amount - the overdue amount (positive, as Excel passes it)
 * @param days - whole days of interest (positive)
 * @param rate - the scaled daily rate
 * @returns the interest in currency units (e.g. 1500 or 2.68), or null when the exact integer path does not apply
 * @example interestFast(100000, 30, { units: 5, scale: 10000 }) // 1500
 */
export function interestFast(amount: number, days: number, rate: ScaledRate): number | null {
  const fen = Math.round(amount * 100);
  // The amount has at most two decimals exactly when it is the double nearest to fen / 100.
  if (fen / 100 !== amount || !Number.isSafeInteger(fen)) return null;
  const product = fen * rate.units * days;
  if (product > Number.MAX_SAFE_INTEGER) return null;
  const remainder = product % rate.scale;
  const wholeFen = (product - remainder) / rate.scale;
  return (remainder * 2 >= rate.scale ? wholeFen + 1 : wholeFen) / 100;
}
