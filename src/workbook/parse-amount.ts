/**
 * Reading amounts as people type them in Chinese and English ledgers (¥1,234.50, RMB 1,234.50,
 * (1,234.50), 1,234.50元, $50, 1.5e3, full-width digits), exactly: a number cell by its shortest
 * decimal spelling, text by one digit scanner, both to a `Scaled` decimal, never a float.
 */
import { canonical, compare, decimalOfNumber, MAX_SCALE, negate, powerOfTen } from "../rules/money";
import type { Minor, Scaled } from "../rules/money";
import type { CellValue } from "./adapter-types";
import { booleanText, failure } from "./problems";
import type { Parsed } from "./problems";

/**
 * Largest amount accepted, in either direction: anything bigger is a typo or a pasted ID.
 * @example parseAmount(2e15).error // { code: "amount.outOfRange", params: { text: "2000000000000000", limit: 1000000000000000 } }
 */
export const MAX_AMOUNT = 1e15;

/** Digits of MAX_AMOUNT's whole part (1 and 15 zeros). */
const MAX_AMOUNT_DIGITS = 16;

const MINUS_SIGNS = /[\u2212\u2012\u2013\u2014\ufe63]/g;
const SPACES = /[\s\u00a0\u3000]+/g;
const PARENS = /^\((.*)\)$/;
const CURRENCY_PREFIX = /^(rmb|cny|usd|hkd|eur|gbp|jpy|twd|ntd|us\$|hk\$|nt\$|[¥$€£])\s*/i;
const CURRENCY_SUFFIX = /\s*(元|圆|块|人民币|rmb|cny|usd|hkd|eur|gbp|jpy|twd|[¥$€£])$/i;
const DECIMAL_COMMA = /^\d{1,3}(?:[ .]\d{3})*,\d{1,2}$|^\d+,\d{1,2}$/;
/**
 * Currency codes and signs written with an amount (after NFKC, so ￥ is ¥); ¥ is the yuan in these
 * ledgers. 元 / 圆 / 块 name no currency: Hong Kong and Taiwan write their dollars with 元 too.
 */
export const CURRENCY_CODES: Readonly<Record<string, string>> = {
  rmb: "CNY", cny: "CNY", 人民币: "CNY", "¥": "CNY",
  usd: "USD", "us$": "USD", $: "USD", hkd: "HKD", "hk$": "HKD", eur: "EUR", "€": "EUR",
  gbp: "GBP", "£": "GBP", jpy: "JPY", twd: "TWD", ntd: "TWD", "nt$": "TWD",
};
/**
 * Bare signs shared by several currencies: `$` is USD unless the row's currency column names
 * another dollar (a Hong Kong ledger writes HKD as $), `¥` is CNY unless it names the yen.
 */
const SHARED_SYMBOLS: Record<string, readonly string[]> = {
  $: ["USD", "HKD", "TWD", "SGD", "AUD", "CAD", "NZD", "MOP"],
  "¥": ["CNY", "JPY"],
};

const CHAR_0 = 48;
const CHAR_9 = 57;
const CHAR_COMMA = 44;
const CHAR_DOT = 46;
const CHAR_MINUS = 45;
const CHAR_PLUS = 43;
const CHAR_LOWER_E = 101;
/** Exponents beyond this only ever mean "too large" or "too precise". */
const EXPONENT_CAP = 1e6;

/** A parsed amount; `currency` is set when the text named one by code or sign (RMB 100 → CNY, $50 → USD). */
export interface ParsedAmount {
  /**
   * The exact amount, whole at its scale, never finer than it needs: typed text at the fewest
   * decimals (12.50 → 125 at scale 1), a number cell as `decimalOfNumber` gives it (12.5 → 1250 at scale 2).
   */
  amount: Scaled;
  currency?: string;
  /** For a bare `$` or `¥`: every currency written with that sign, any of which a currency column may name. */
  signCurrencies?: readonly string[];
}

/**
 * Reads an amount with its currency when the text gives one by code or sign: `¥1,234.50`,
 * `￥1,234.50`, `RMB 1,234.50`, `1,234.50元` (CNY), `$1,234.50`, `US$50` (USD), `HK$50` (HKD),
 * `€50` (EUR), `£50` (GBP), `CNY 1234.5`; plain numbers, `(1,234.50)` (negative), `-1,234.50`,
 * `1.5e3`, full-width digits. Refuses a decimal comma (`1 234,50`, `1.234,50`), hexadecimal and
 * other non-decimal spellings (`0x10`), NaN, Infinity, amounts over 10^15, amounts needing more
 * than 20 decimals, Excel errors, and blanks.
 * @param cell the cell value
 * @returns the exact amount (and currency code), or a problem
 * @example parseAmountWithCurrency("$50").ok // { amount: { units: 50, scale: 0 }, currency: "USD", signCurrencies: ["USD", "HKD", …] }
 */
export function parseAmountWithCurrency(cell: CellValue | undefined): Parsed<ParsedAmount> {
  if (typeof cell === "number") return amountOfNumber(cell);
  if (typeof cell === "string") return amountOfText(cell);
  if (cell === null || cell === undefined) return failure("amount.blank", {});
  if (typeof cell === "boolean") return failure("amount.invalid", { value: booleanText(cell) });
  return failure("amount.excelError", { error: cell.error });
}

/**
 * Reads an amount (see `parseAmountWithCurrency` for the accepted forms); `-0` gives 0.
 * @param cell the cell value
 * @returns the exact amount, or a problem
 * @example parseAmount("(1,234.50)").ok // { units: -12345, scale: 1 }
 */
export function parseAmount(cell: CellValue | undefined): Parsed<Scaled> {
  const parsed = parseAmountWithCurrency(cell);
  return parsed.error !== undefined ? parsed : { ok: parsed.ok.amount };
}

/** A number cell: exact by its shortest decimal spelling (what Excel shows). */
function amountOfNumber(value: number): Parsed<ParsedAmount> {
  if (!Number.isFinite(value)) return failure("amount.invalid", { value: String(value) });
  if (value > MAX_AMOUNT || value < -MAX_AMOUNT) return failure("amount.outOfRange", { text: String(value), limit: MAX_AMOUNT });
  // A non-zero double below 10^−20 has no spelling of 20 decimals or fewer (decimalOfNumber has none past 60).
  if (value !== 0 && Math.abs(value) < 1e-20) return failure("amount.tooPrecise", { text: String(value), limit: MAX_SCALE });
  const amount = decimalOfNumber(value);
  if (amount === null || amount.scale > MAX_SCALE) return failure("amount.tooPrecise", { text: String(value), limit: MAX_SCALE });
  return { ok: { amount } };
}

/** An amount typed as text: signs, parentheses and currency taken off, then the number read exactly. */
function amountOfText(original: string): Parsed<ParsedAmount> {
  let text = original.normalize("NFKC").replace(MINUS_SIGNS, "-").trim();
  if (text === "") return failure("amount.blank", {});
  let negative = false;
  let currency: string | undefined;
  const paren = PARENS.exec(text);
  if (paren) {
    negative = true;
    text = paren[1].trim();
  }
  const takeSign = (): void => {
    if (text.startsWith("-") || text.startsWith("+")) {
      if (text.startsWith("-")) negative = !negative;
      text = text.slice(1).trim();
    }
  };
  takeSign();
  let symbol: string | undefined;
  const prefix = CURRENCY_PREFIX.exec(text);
  if (prefix) {
    symbol = prefix[1].toLowerCase();
    currency = CURRENCY_CODES[symbol];
    text = text.slice(prefix[0].length);
    takeSign();
  }
  const suffix = CURRENCY_SUFFIX.exec(text);
  if (suffix) {
    const code = CURRENCY_CODES[suffix[1].toLowerCase()];
    if (code && currency && code !== currency) return failure("amount.twoCurrencies", { text: original });
    // "$50 USD": the code settles what the bare sign left open.
    if (code && !SHARED_SYMBOLS[suffix[1].toLowerCase()]) symbol = suffix[1].toLowerCase();
    else if (code && !currency) symbol = suffix[1].toLowerCase();
    currency = currency ?? code;
    text = text.slice(0, suffix.index);
  }
  // "(-5)": a minus inside parentheses cancels them, which nobody means.
  if (paren && negative === false) return failure("amount.invalid", { text: original });

  const parts = scanDecimal(text);
  if (parts === null) {
    if (DECIMAL_COMMA.test(text)) {
      return failure("amount.decimalComma", { text: original, suggestion: text.replace(SPACES, "").replace(/\./g, "").replace(",", ".") });
    }
    return failure("amount.invalid", { text: original });
  }
  const exact = exactDecimal(parts);
  if (exact === "tooLarge") return failure("amount.outOfRange", { text: original, limit: MAX_AMOUNT });
  if (exact === "tooPrecise") return failure("amount.tooPrecise", { text: original, limit: MAX_SCALE });
  const amount = negative ? { units: negate(exact.units), scale: exact.scale } : exact;
  if (!currency) return { ok: { amount } };
  const shared = symbol === undefined ? undefined : SHARED_SYMBOLS[symbol];
  return { ok: shared ? { amount, currency, signCurrencies: shared } : { amount, currency } };
}

/** A decimal number as typed: whole digits (commas removed), fraction digits and a power of ten. */
interface DecimalParts {
  whole: string;
  fraction: string;
  exponent: number;
}

function isDigit(code: number): boolean {
  return code >= CHAR_0 && code <= CHAR_9;
}

/**
 * The parts of an unsigned decimal: digits optionally grouped by commas in threes (1,234,567),
 * a point with decimals (`12.`, `.5` and `12.5`; a grouped number needs decimals after its
 * point), an exponent on an ungrouped number with digits before it (`1.5e3`). Null for anything
 * else, so `0x10`, `1,23`, `1 234` and `.` are no numbers.
 * @param text the amount's text without sign or currency
 * @returns the parts, or null
 */
function scanDecimal(text: string): DecimalParts | null {
  const length = text.length;
  let i = 0;
  let groups = 0;
  let run = 0;
  let whole = "";
  let start = 0;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      run++;
    } else if (code === CHAR_COMMA) {
      // 1–3 digits before the first comma, exactly 3 between commas.
      if (groups === 0 ? run < 1 || run > 3 : run !== 3) return null;
      whole += text.slice(start, i);
      start = i + 1;
      groups++;
      run = 0;
    } else {
      break;
    }
  }
  if (groups > 0 && run !== 3) return null;
  whole += text.slice(start, i);
  let fraction = "";
  let point = false;
  if (i < length && text.charCodeAt(i) === CHAR_DOT) {
    point = true;
    const from = ++i;
    while (i < length && isDigit(text.charCodeAt(i))) i++;
    fraction = text.slice(from, i);
    if (groups > 0 && fraction === "") return null;
  }
  if (whole === "" && fraction === "") return null;
  let exponent = 0;
  if (i < length && (text.charCodeAt(i) | 0x20) === CHAR_LOWER_E) {
    if (groups > 0 || whole === "" || (point && fraction === "")) return null;
    i++;
    const sign = text.charCodeAt(i);
    if (sign === CHAR_PLUS || sign === CHAR_MINUS) i++;
    const from = i;
    while (i < length && isDigit(text.charCodeAt(i))) i++;
    if (i === from) return null;
    exponent = Math.min(Number(text.slice(from, i)), EXPONENT_CAP) * (sign === CHAR_MINUS ? -1 : 1);
  }
  return i === length ? { whole, fraction, exponent } : null;
}

/**
 * The exact value of scanned parts at the fewest decimals it needs, or why it is refused: more
 * than MAX_AMOUNT (checked first) or more than MAX_SCALE decimals.
 */
function exactDecimal(parts: DecimalParts): Scaled | "tooLarge" | "tooPrecise" {
  const all = parts.whole + parts.fraction;
  let first = 0;
  while (first < all.length && all.charCodeAt(first) === CHAR_0) first++;
  let last = all.length;
  let scale = parts.fraction.length - parts.exponent;
  while (scale > 0 && last > first && all.charCodeAt(last - 1) === CHAR_0) {
    last--;
    scale--;
  }
  if (first === last) return { units: 0, scale: 0 };
  let digits = all.slice(first, last);
  if (digits.length - scale > MAX_AMOUNT_DIGITS) return "tooLarge";
  if (scale > MAX_SCALE) return "tooPrecise";
  if (scale < 0) {
    digits += "0".repeat(-scale);
    scale = 0;
  }
  // Fifteen digits are always a safe integer; more go through BigInt.
  const units: Minor = digits.length <= 15 ? Number(digits) : canonical(BigInt(digits));
  if (digits.length - scale === MAX_AMOUNT_DIGITS && compare(units, powerOfTen(MAX_AMOUNT_DIGITS - 1 + scale)) > 0) return "tooLarge";
  return { units, scale };
}
