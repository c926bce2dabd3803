/**
 * Rates and ratios (an interest rate, a limit cut, a provision rate, a DSO): decimal.js on one
 * configured clone, never globally. Money is never a Decimal (money.ts); a rate meets money as an
 * exact fraction through `scaledOf`.
 */
import DecimalJs from "decimal.js";
import { parseDecimal, type Scaled } from "./money";

/** The product's Decimal constructor: 40 significant digits, half-up. */
export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Dec>;

/** The rate 0 (Decimals are immutable, so one serves everywhere). */
export const ZERO_RATE: Decimal = new Dec(0);

/**
 * A Decimal from a string or a number; a number is taken by its shortest decimal spelling (what
 * Excel shows), so 2.675 is exactly 2.675.
 * @example toDecimal(2.675).toString() // "2.675"
 */
export function toDecimal(value: string | number | Decimal): Decimal {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return new Dec(String(value));
  }
  return new Dec(value);
}

/**
 * A Decimal (a rate, or a policy's money threshold) as an exact count of units of 10^−scale, for
 * arithmetic with money.
 * @param rate a finite Decimal
 * @returns units over 10^scale
 * @example scaledOf(toDecimal("0.0005")) // { units: 5, scale: 4 }
 */
export function scaledOf(rate: Decimal): Scaled {
  return parseDecimal(rate.toFixed()) as Scaled;
}
