/**
 * Money: every amount in the core is an exact whole number of the ledger's minor unit (the fen, or
 * a finer unit when the ledger holds finer amounts: see Ledger.scale). A count is a plain number
 * while it stays within ±(2^53 − 1) and a bigint beyond, always in that canonical form, so equal
 * amounts are `===` and `<` compares any two. Arithmetic goes through the functions here, which
 * answer exactly whatever the size; rounding happens only where a function says so, half-up
 * (away from zero on a half, 四舍五入) unless another mode is given.
 */

/** An exact count of minor units: a safe integer as a number, anything larger as a bigint. */
export type Minor = number | bigint;

/** A decimal as a count of units of 10^−scale: 1063.125 is { units: 1063125, scale: 3 }. */
export interface Scaled {
  units: Minor;
  scale: number;
}

/** How a division that does not come out even is rounded. */
export type Rounding = "halfUp" | "halfEven" | "down";

/** The finest minor unit a ledger may use: 10^−20. Finer amounts are a row problem. */
export const MAX_SCALE = 20;

/** Decimal places of the fen, the unit every shown amount is rounded to. */
export const FEN_SCALE = 2;

const MAX = Number.MAX_SAFE_INTEGER;
const BIG_MAX = BigInt(MAX);

/**
 * A whole number as a 32-bit integer when it is one (never −0): JavaScript engines store those in
 * an object without a box of their own, so the amounts of a large ledger's items cost no extra
 * memory; a result of floating-point arithmetic would be boxed, and then every item's would be.
 */
function small(whole: number): number {
  return (whole | 0) === whole ? whole | 0 : whole;
}

/**
 * A bigint in canonical form: a number when it is a safe integer.
 * @param value any bigint
 * @returns the same amount as a Minor
 * @example canonical(12n) // 12
 */
export function canonical(value: bigint): Minor {
  return value <= BIG_MAX && value >= -BIG_MAX ? Number(value) : value;
}

/**
 * a + b, exact.
 * @example add(9007199254740991, 1) // 9007199254740992n
 */
export function add(a: Minor, b: Minor): Minor {
  if (typeof a === "number" && typeof b === "number") {
    const sum = a + b;
    if (sum <= MAX && sum >= -MAX) return small(sum);
  }
  return canonical(BigInt(a) + BigInt(b));
}

/**
 * a − b, exact.
 * @example subtract(100, 250) // -150
 */
export function subtract(a: Minor, b: Minor): Minor {
  if (typeof a === "number" && typeof b === "number") {
    const difference = a - b;
    if (difference <= MAX && difference >= -MAX) return small(difference);
  }
  return canonical(BigInt(a) - BigInt(b));
}

/**
 * −a, exact (never −0).
 * @example negate(-5) // 5
 */
export function negate(a: Minor): Minor {
  return typeof a === "number" ? 0 - a : canonical(-a);
}

/**
 * a × b, exact.
 * @example multiply(3000000000, 4000000) // 12000000000000000n
 */
export function multiply(a: Minor, b: Minor): Minor {
  if (typeof a === "number" && typeof b === "number") {
    const product = a * b;
    if (product <= MAX && product >= -MAX) return small(product);
  }
  return canonical(BigInt(a) * BigInt(b));
}

/**
 * The sum of some amounts, exact.
 * @example sum([150, 250, -100]) // 300
 */
export function sum(amounts: Iterable<Minor>): Minor {
  let total: Minor = 0;
  for (const amount of amounts) total = add(total, amount);
  return total;
}

/**
 * −1, 0 or 1 as a is below, equal to or above b.
 * @example compare(2n ** 60n, 5) // 1
 */
export function compare(a: Minor, b: Minor): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The larger of two amounts. @example max(3, 7) // 7 */
export function max(a: Minor, b: Minor): Minor {
  return a >= b ? a : b;
}

/** The smaller of two amounts. @example min(3, 7) // 3 */
export function min(a: Minor, b: Minor): Minor {
  return a <= b ? a : b;
}

/**
 * a ÷ b rounded to a whole number (b ≠ 0), half-up by default.
 * @param a the dividend
 * @param b the divisor, not zero
 * @param mode how a remainder rounds
 * @returns the rounded quotient
 * @example divide(7500, 10000) // 1; divide(-7500, 10000) // -1; divide(4999, 10000) // 0
 */
export function divide(a: Minor, b: Minor, mode: Rounding = "halfUp"): Minor {
  if (typeof a === "number" && typeof b === "number") {
    // % of two safe integers is exact (it takes a's sign), and so is the division of what is left.
    const remainder = a % b;
    const quotient = small((a - remainder) / b);
    if (remainder === 0 || mode === "down") return quotient;
    const twice = Math.abs(remainder) * 2;
    const size = Math.abs(b);
    const away = twice > size || (twice === size && (mode === "halfUp" || Math.abs(quotient) % 2 === 1));
    return away ? small(quotient + ((a < 0) !== (b < 0) ? -1 : 1)) : quotient;
  }
  const big = BigInt(a);
  const divisor = BigInt(b);
  const quotient = big / divisor;
  const remainder = big % divisor;
  if (remainder === 0n || mode === "down") return canonical(quotient);
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  const size = divisor < 0n ? -divisor : divisor;
  const up = twice > size || (twice === size && (mode === "halfUp" || quotient % 2n !== 0n));
  return canonical(up ? quotient + ((big < 0n) !== (divisor < 0n) ? -1n : 1n) : quotient);
}

/**
 * a × b ÷ c rounded to a whole number, exact whatever the sizes (c ≠ 0).
 * @example multiplyDivide(1000000, 5, 10000) // 500
 */
export function multiplyDivide(a: Minor, b: Minor, c: Minor, mode: Rounding = "halfUp"): Minor {
  return divide(multiply(a, b), c, mode);
}

const POWERS: Minor[] = [];
for (let n = 0, power: Minor = 1; n <= 2 * MAX_SCALE + 20; n++, power = multiply(power, 10)) POWERS.push(power);

/**
 * 10^n for 0 ≤ n ≤ 60.
 * @example powerOfTen(3) // 1000
 */
export function powerOfTen(n: number): Minor {
  const power = POWERS[n];
  if (power === undefined) throw new RangeError(`10^${n} is outside the scales money uses`);
  return power;
}

/**
 * An amount moved from one scale to another: exact to a finer one, rounded to a coarser one.
 * @param units the amount in units of 10^−from
 * @param from its scale
 * @param to the scale wanted
 * @returns the amount in units of 10^−to
 * @example rescale(106312, 2, 3) // 1063120; rescale(1063125, 3, 2) // 106313
 */
export function rescale(units: Minor, from: number, to: number, mode: Rounding = "halfUp"): Minor {
  if (to === from) return units;
  return to > from ? multiply(units, powerOfTen(to - from)) : divide(units, powerOfTen(from - to), mode);
}

/**
 * An amount rounded half-up to the fen and kept in its own scale: the named rounding point of a
 * figure that is shown or stored (interest per invoice, a provision, a cut limit). The amount is
 * `units` ÷ 10^power units of 10^−scale, so a product with a rate of `power` decimals is rounded
 * exactly, in one step.
 * @param units the amount, times 10^power, in units of 10^−scale (scale ≥ 2)
 * @param scale the scale of the result
 * @param power decimals still to divide out (a rate's scale), 0 by default
 * @returns the rounded amount in units of 10^−scale
 * @example roundToFen(1063125, 3) // 1063130; roundToFen(10000000 * 30 * 5, 2, 4) // 150000 (100,000.00 × 30 days × 0.0005 = 1,500.00)
 */
export function roundToFen(units: Minor, scale: number, power = 0, mode: Rounding = "halfUp"): Minor {
  const belowFen = power + scale - FEN_SCALE;
  const fen = belowFen === 0 ? units : divide(units, powerOfTen(belowFen), mode);
  return scale === FEN_SCALE ? fen : multiply(fen, powerOfTen(scale - FEN_SCALE));
}

/**
 * The shown text of an amount: two decimals, half-up, no grouping; never "-0.00".
 * @param units the amount in units of 10^−scale
 * @param scale its scale
 * @returns e.g. "1063.13"
 * @example formatMoney(1063125, 3) // "1063.13"; formatMoney(-4, 3) // "0.00"; formatMoney(-500, 2) // "-5.00"
 */
export function formatMoney(units: Minor, scale: number, mode: Rounding = "halfUp"): string {
  return formatScaled(rescale(units, scale, FEN_SCALE, mode), FEN_SCALE);
}

/**
 * A count of units of 10^−scale written out with exactly `scale` decimals.
 * @example formatScaled(-1063125, 3) // "-1063.125"; formatScaled(5, 2) // "0.05"
 */
export function formatScaled(units: Minor, scale: number): string {
  const negative = units < 0;
  const digits = (negative ? negate(units) : units).toString();
  if (scale === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(scale + 1, "0");
  const text = `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/**
 * An amount written exactly, with no more decimals than it has ("600000", "1063.125", "-0.5"):
 * for messages that quote what the user typed.
 * @example formatExact(60000000, 2) // "600000"; formatExact(1063125, 3) // "1063.125"
 */
export function formatExact(units: Minor, scale: number): string {
  const text = formatScaled(units, scale);
  return scale === 0 ? text : text.replace(/\.?0+$/, "");
}

/**
 * The number an amount cell shows: the amount rounded half-up to the fen, as the double nearest
 * that decimal (what Number(formatMoney(units, scale)) gives).
 * @example moneyNumber(1063125, 3) // 1063.13
 */
export function moneyNumber(units: Minor, scale: number): number {
  const fen = rescale(units, scale, FEN_SCALE);
  // A safe integer of fen ÷ 100 is the correctly rounded double of that decimal.
  return typeof fen === "number" ? fen / 100 : Number(formatScaled(fen, FEN_SCALE));
}

/**
 * part ÷ whole as a number (a share or a ratio, never an amount), or null when whole is 0.
 * @example ratio(25, 200) // 0.125
 */
export function ratio(part: Minor, whole: Minor): number | null {
  if (whole === 0) return null;
  if (typeof part === "number" && typeof whole === "number") return part / whole;
  // Twelve significant digits are far more than a percentage shows.
  const scaledPart = multiply(part, powerOfTen(12));
  return Number(divide(scaledPart, whole)) / 1e12;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * An exact decimal from its text: digits with an optional sign, point and exponent ("1063.125",
 * "-0.5", "1.5e-7"). The scale is the number of decimals the value needs (trailing zeros dropped).
 * @param text the decimal text
 * @returns units and scale, or null when the text is not a decimal or needs more than 60 places
 * @example parseDecimal("1063.125") // { units: 1063125, scale: 3 }; parseDecimal("12.50") // { units: 125, scale: 1 }
 */
export function parseDecimal(text: string): Scaled | null {
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) return null;
  const [, sign, whole, fraction = "", exponentText] = match;
  if (whole === "" && fraction === "") return null;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  let digits = (whole + fraction).replace(/^0+/, "");
  let scale = fraction.length - exponent;
  if (digits === "") return { units: 0, scale: 0 };
  while (scale > 0 && digits.endsWith("0")) {
    digits = digits.slice(0, -1);
    scale--;
  }
  if (scale < 0) {
    if (-scale > 400) return null;
    digits += "0".repeat(-scale);
    scale = 0;
  }
  if (scale > 2 * MAX_SCALE + 20) return null;
  const magnitude = digits.length <= 15 ? Number(digits) : canonical(BigInt(digits));
  return { units: sign === "-" ? negate(magnitude) : magnitude, scale };
}

/**
 * A number (a cell, an argument) as an exact decimal, taken by its shortest decimal spelling — what
 * Excel shows — so the double 2.675 is exactly 2.675, not 2.67499999….
 * @param value a finite number
 * @returns units and a scale at which the value is whole (not always the smallest: fen are scale 2),
 *   or null for a number that needs more than 60 decimals (5e-324)
 * @example decimalOfNumber(2.675) // { units: 2675, scale: 3 }; decimalOfNumber(1063.12) // { units: 106312, scale: 2 }
 */
export function decimalOfNumber(value: number): Scaled | null {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  // Most amounts have at most two decimals: then the text is not needed.
  const fen = exactFen(value);
  return fen !== null ? { units: fen, scale: FEN_SCALE } : parseDecimal(String(value));
}

/**
 * A number as a whole count of fen, when its shortest decimal spelling has no digit below the
 * fen: fen ÷ 100 === value proves it (fen ÷ 100 is correctly rounded, and two multiples of 0.01
 * within one double's rounding interval below 1e13 are equal) — so that spelling is the fen's.
 * @param value a finite number
 * @returns the fen (never −0), or null for a number with more decimals or from 1e13 on
 * @example exactFen(1063.12) // 106312; exactFen(2.675) // null
 */
export function exactFen(value: number): number | null {
  const fen = Math.round(value * 100);
  return fen / 100 === value && fen < 1e15 && fen > -1e15 ? fen + 0 : null;
}

/** An amount with its currency: amounts of two currencies are never added together. */
export interface Money {
  amount: Minor;
  currency: string;
}

/**
 * Adds two amounts of the same currency (at the same scale); a mismatch throws.
 * @example addMoney({ amount: 10050, currency: "CNY" }, { amount: 50, currency: "CNY" }) // { amount: 10100, currency: "CNY" }
 */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new RangeError(`cannot add ${a.currency} and ${b.currency}: currencies are never mixed`);
  return { amount: add(a.amount, b.amount), currency: a.currency };
}
