/**
 * Money: every amount in the product goes through this module. decimal.js is configured on a
 * clone (never globally); values are built from strings; rounding to the fen happens only at the
 * named points that call `roundFen`, half-up by default.
 */
import DecimalJs from "decimal.js";

/** The product's Decimal constructor: 40 significant digits, half-up. */
export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Dec>;

/** Rounding modes a caller may pass to `roundFen`. */
export const Rounding = {
  halfUp: DecimalJs.ROUND_HALF_UP,
  halfEven: DecimalJs.ROUND_HALF_EVEN,
  down: DecimalJs.ROUND_DOWN,
} as const;
export type RoundingMode = (typeof Rounding)[keyof typeof Rounding];

export const ZERO: Decimal = new Dec(0);

/**
 * Builds an amount from a string or a number. A number is taken by its shortest decimal
 * spelling (what Excel shows), so the cell value 2.675 becomes exactly 2.675, not 2.67499…
 * @example toDecimal(2.675).toString() // "2.675"
 */
export function toDecimal(value: string | number | Decimal): Decimal {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
    return new Dec(String(value));
  }
  return new Dec(value);
}

/**
 * Rounds to 0.01 (the fen), half-up unless another mode is given.
 * @example roundFen(toDecimal("1063.125")).toFixed(2) // "1063.13"
 */
export function roundFen(amount: Decimal, mode: RoundingMode = Rounding.halfUp): Decimal {
  return amount.toDecimalPlaces(2, mode);
}

/**
 * The shown form of an amount: two places, half-up, no grouping ("1063.13", "-5.00").
 * @example formatFen(toDecimal("1.005")) // "1.01"
 */
export function formatFen(amount: Decimal, mode: RoundingMode = Rounding.halfUp): string {
  const text = amount.toFixed(2, mode);
  return text === "-0.00" ? "0.00" : text;
}

/** Sum of amounts, exact. */
export function sum(amounts: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const amount of amounts) total = total.plus(amount);
  return total;
}

/** An amount with its currency. Adding two currencies is an error. */
export interface Money {
  amount: Decimal;
  currency: string;
}

/** Adds two Money values of the same currency; throws on a currency mismatch. */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) {
    throw new RangeError(`cannot add ${a.currency} and ${b.currency}: currencies are never mixed`);
  }
  return { amount: a.amount.plus(b.amount), currency: a.currency };
}

/** Larger of two amounts. */
export function maxDecimal(a: Decimal, b: Decimal): Decimal {
  return a.greaterThanOrEqualTo(b) ? a : b;
}

/** Smaller of two amounts. */
export function minDecimal(a: Decimal, b: Decimal): Decimal {
  return a.lessThanOrEqualTo(b) ? a : b;
}
