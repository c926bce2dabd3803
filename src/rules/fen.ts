/**
 * Exact integer fen: the fast path of the rules for the common case of amounts with at most two
 * decimals. A million invoices are summed, bucketed and charged interest as integers of fen, which
 * IEEE doubles hold exactly below 2^53; decimal.js spends most of a large report allocating.
 * Every function here answers NaN or null where exactness is not guaranteed, and the caller then
 * takes the Decimal path. A property test holds both paths to the same strings.
 */
import { Dec, formatFen, ZERO } from "./money";
import type { Decimal } from "./money";

/** Amounts up to this many fen (|amount| < 1e13) take the fast path: sums of a few stay below 2^53. */
const MAX_FEN = 1e15;

/** decimal.js keeps digits in words of 7 (base 1e7), aligned on multiples of 7 in the exponent. */
const WORD = 1e7;
const WORD_DIGITS = 7;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** The powers of ten within a word: small integers, so a remainder by one is an integer division, not fmod. */
const WORD_POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000];

/**
 * An amount as a whole number of fen, read from the Decimal's documented digits, exponent and sign
 * (`d`, `e`, `s`) without allocating. Amounts of most invoices, 1 to 9,999,999.99 (exponent 0 to 6:
 * one word of units, maybe one of decimals), take integer arithmetic on the words; every other
 * amount goes to `fenOfGeneral` (property-tested equal).
 * @param amount any Decimal
 * @returns the amount × 100 as an integer, or NaN when the amount has more than two decimals,
 *   is not finite, or is 1e13 or more in size
 * @example fenOf(toDecimal("1063.12")) // 106312; fenOf(toDecimal("1063.125")) // NaN
 */
export function fenOf(amount: Decimal): number {
  const digits = amount.d;
  const exponent = amount.e;
  if (digits && exponent >= 0 && exponent < 7) {
    let fen: number;
    if (digits.length === 1) {
      fen = digits[0] * 100;
    } else if (digits.length === 2) {
      // The second word holds 7 decimals: only the first two may be other than zero.
      const decimals = digits[1];
      if (decimals % 100000 !== 0) return fenOfGeneral(amount);
      fen = digits[0] * 100 + decimals / 100000;
    } else {
      return fenOfGeneral(amount);
    }
    return amount.s < 0 && fen !== 0 ? -fen : fen;
  }
  return fenOfGeneral(amount);
}

/**
 * `fenOf` for any exponent, by general powers of ten: the reference the quick case is tested against.
 * @param amount any Decimal
 * @returns as fenOf
 * @example fenOfGeneral(toDecimal("123456789012.34")) // 12345678901234
 */
export function fenOfGeneral(amount: Decimal): number {
  const digits = amount.d;
  if (!digits) return NaN;
  const exponent = amount.e;
  if (exponent >= 13) return NaN;
  // Power of ten of the lowest digit of each word, shifted by 2 for fen.
  let shift = Math.floor(exponent / WORD_DIGITS) * WORD_DIGITS + 2;
  let fen = 0;
  for (let i = 0; i < digits.length; i++, shift -= WORD_DIGITS) {
    const word = digits[i];
    if (shift >= 0) {
      fen += word * POW10[shift];
    } else {
      // Below the fen: only trailing zeros may stand there.
      if (shift < -WORD_DIGITS) return NaN;
      const unit = WORD_POW10[-shift];
      if (word % unit !== 0) return NaN;
      fen += word / unit;
    }
  }
  if (fen >= MAX_FEN) return NaN;
  return amount.s < 0 && fen !== 0 ? -fen : fen;
}

/**
 * A number (a cell, a function argument) as a whole number of fen, when it is exactly an amount
 * of at most two decimals below 1e13: then `toDecimal(value)` (the shortest decimal spelling of
 * the double) is fen ÷ 100.
 * Why: fen ÷ 100 is correctly rounded, so the decimal fen/100 and the shortest spelling s both lie
 * in the double's rounding interval, far narrower than 0.01 below 1e13. s has no more significant
 * digits than fen/100; with a digit below the fen it would have to sit just under a power of ten
 * that fen/100 reaches, which makes fen/100 that power, of one digit, and s longer. So s has no
 * digit below the fen, and two multiples of 0.01 closer than 0.01 are equal.
 * @param value a number
 * @returns the amount × 100 (never -0), or NaN when the Decimal path must read it
 * @example fenOfNumber(1063.12) // 106312; fenOfNumber(2.675) // NaN; fenOfNumber(1e13) // NaN
 */
export function fenOfNumber(value: number): number {
  const fen = Math.round(value * 100);
  return fen / 100 === value && fen < MAX_FEN && fen > -MAX_FEN ? fen + 0 : NaN;
}

/** The number of decimal digits of a positive integer below 1e7. */
function digitCount(word: number): number {
  let count = 1;
  while (count < WORD_DIGITS && word >= POW10[count]) count++;
  return count;
}

/**
 * Reused source of the Decimal copy constructor, which takes any object tagged as a Decimal and
 * copies its digits: the word arrays are reused too, so a new Decimal costs one object and one array.
 */
const source = { toStringTag: "[object Decimal]", s: 1, e: 0, d: [0] };
const ONE_WORD = [0];
const TWO_WORDS = [0, 0];
const THREE_WORDS = [0, 0, 0];

/*
 * Every word is below 1e7, and is stored as a small integer (`| 0`, exact there): a word computed in
 * floating point (as `%` on a large fen is) would otherwise turn these arrays, and every digit array
 * copied from them, into arrays of doubles, which decimal.js then handles more slowly everywhere and
 * the optimised code reading ledger amounts (arrays of small integers) has to be thrown away.
 */
function words1(a: number): number[] {
  ONE_WORD[0] = a | 0;
  return ONE_WORD;
}

function words2(a: number, b: number): number[] {
  TWO_WORDS[0] = a | 0;
  TWO_WORDS[1] = b | 0;
  return TWO_WORDS;
}

function words3(a: number, b: number, c: number): number[] {
  THREE_WORDS[0] = a | 0;
  THREE_WORDS[1] = b | 0;
  THREE_WORDS[2] = c | 0;
  return THREE_WORDS;
}

/**
 * A Decimal from a whole number of fen, built from its digits (no text parsing: a million of those
 * cost more than the rest of a report).
 * @param fen a safe integer
 * @returns fen ÷ 100 exactly
 * @example decimalFromFen(106312).toString() // "1063.12"
 */
export function decimalFromFen(fen: number): Decimal {
  if (fen === 0) return ZERO;
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  const size = fen < 0 ? -fen : fen;
  const cents = size % 100;
  const units = (size - cents) / 100;
  const fraction = cents * 1e5;
  let words: number[];
  let exponent: number;
  if (units >= WORD) {
    const low = units % WORD;
    const high = (units - low) / WORD;
    words = cents !== 0 ? words3(high, low, fraction) : low !== 0 ? words2(high, low) : words1(high);
    exponent = WORD_DIGITS + digitCount(high) - 1;
  } else if (units > 0) {
    words = cents !== 0 ? words2(units, fraction) : words1(units);
    exponent = digitCount(units) - 1;
  } else {
    words = words1(fraction);
    exponent = cents >= 10 ? -1 : -2;
  }
  source.s = fen < 0 ? -1 : 1;
  source.e = exponent;
  source.d = words;
  return new Dec(source as unknown as Decimal);
}

/** A rate as integer units over a power of ten, e.g. 0.0005 = 5 / 10,000. */
export interface ScaledRate {
  units: number;
  scale: number;
}

/**
 * Splits a non-negative rate into integer units over a power-of-ten scale.
 * @param rate a fraction such as a daily interest rate or a provision rate
 * @returns the scaled rate, or null when it has more than 9 decimals, is negative or too large
 * @example scaleRate(toDecimal("0.0005")) // { units: 5, scale: 10000 }
 */
export function scaleRate(rate: Decimal): ScaledRate | null {
  const places = rate.decimalPlaces();
  if (!(places <= 9) || rate.isNegative()) return null;
  const scale = POW10[places];
  const units = rate.times(scale).toNumber();
  return Number.isSafeInteger(units) && units < MAX_FEN ? { units, scale } : null;
}

/** scaleRate per rate object: a policy's few rates are asked about once per invoice or customer. */
const scaledRates = new WeakMap<Decimal, ScaledRate | null>();

/**
 * scaleRate, memoised per Decimal (rates are immutable policy data).
 * @param rate a fraction such as a daily interest rate or a provision rate
 * @returns the scaled rate, or null when the integer path cannot hold it
 * @example scaledRateOf(DEFAULT_POLICY.interest.dailyRate) // { units: 5, scale: 10000 }
 */
export function scaledRateOf(rate: Decimal): ScaledRate | null {
  let scaled = scaledRates.get(rate);
  if (scaled === undefined) {
    scaled = scaleRate(rate);
    scaledRates.set(rate, scaled);
  }
  return scaled;
}

/**
 * product ÷ scale rounded half-up (away from zero on a half, as ROUND_HALF_UP), on integers.
 * @param product a safe integer (e.g. fen × rate units × days)
 * @param scale a power of ten up to 1e9
 * @returns the rounded quotient
 * @example divideHalfUp(7500, 10000) // 1; divideHalfUp(4999, 10000) // 0
 */
export function divideHalfUp(product: number, scale: number): number {
  const size = product < 0 ? -product : product;
  // % on doubles is exact, and so is the division of the exact multiple that is left.
  const remainder = size % scale;
  const whole = (size - remainder) / scale + (remainder * 2 >= scale ? 1 : 0);
  return product < 0 ? -whole : whole;
}

/** Whether an integer computed in doubles is still exact: every step stayed within ±(2^53 − 1). */
export function isExact(value: number): boolean {
  return value <= Number.MAX_SAFE_INTEGER && value >= -Number.MAX_SAFE_INTEGER;
}

/**
 * An exact amount as the number a cell shows, rounded half-up to the fen. fen ÷ 100 is the double
 * nearest that decimal, as Number(formatFen(amount)) would give, without writing the text.
 * @param amount any Decimal
 * @returns the shown number
 * @example shownAmount(toDecimal("1063.125")) // 1063.13
 */
export function shownAmount(amount: Decimal): number {
  const fen = fenOf(amount);
  return Number.isNaN(fen) ? Number(formatFen(amount)) : fen / 100;
}
