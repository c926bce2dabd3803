/**
 * Reading single cells as amounts, dates, flags, whole numbers, grades and currencies, the way
 * people type them in Chinese and English ledgers. Every parser returns a value or a message;
 * none throws. Regexes are compiled once, here, because these run on every row; plain numbers,
 * plain amount texts and ISO dates take fast paths first (see below), equal to the general ones.
 */
import { coerceDate, daysInMonth, EPOCH_1904_DAY, fromYmd, LAST_EXCEL_DAY } from "../rules/dates";
import { RuleError, quote } from "../rules/errors";
import { decimalFromFen, fenOfNumber } from "../rules/fen";
import { toDecimal, Dec, ZERO } from "../rules/money";
import type { Decimal } from "../rules/money";
import type { DateOrder, DateSystem, DayNumber, Grade } from "../rules/types";
import type { CellValue } from "./adapter-types";

/**
 * A parsed value, or the message (and stable code) saying why the cell could not be read.
 * @example const parsed: Parsed<number> = { error: "\"x\" is not a whole number of days", code: "integer.invalid" };
 */
export type Parsed<T> = { ok: T; error?: undefined; code?: undefined } | { ok?: undefined; error: string; code: string };

/**
 * Largest amount accepted: anything bigger is a typo or a pasted ID.
 * @example parseAmount(2e15).error // "\"2000000000000000\" is too large to be an amount (over 1,000,000,000,000,000)"
 */
export const MAX_AMOUNT = 1e15;
const MAX_AMOUNT_DECIMAL = new Dec(MAX_AMOUNT);

const MINUS_SIGNS = /[\u2212\u2012\u2013\u2014\ufe63]/g;
const SPACES = /[\s\u00a0\u3000]+/g;
const PARENS = /^\((.*)\)$/;
const CURRENCY_PREFIX = /^(rmb|cny|usd|hkd|eur|gbp|jpy|twd|ntd|us\$|hk\$|nt\$|[¥$€£])\s*/i;
const CURRENCY_SUFFIX = /\s*(元|圆|块|人民币|rmb|cny|usd|hkd|eur|gbp|jpy|twd|[¥$€£])$/i;
const PLAIN_NUMBER = /^(?:\d+(?:\.\d+)?|\.\d+|\d+\.)$/;
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const EXPONENT_NUMBER = /^\d+(?:\.\d+)?e[+-]?\d+$/i;
const DECIMAL_COMMA = /^\d{1,3}(?:[ .]\d{3})*,\d{1,2}$|^\d+,\d{1,2}$/;
const NOT_FINITE = /^[-+]?(nan|inf|infinity|∞)$/i;
/**
 * Currency codes and signs written with an amount (after NFKC, so ￥ is ¥); ¥ is the yuan in these
 * ledgers. 元 / 圆 / 块 name no currency: Hong Kong and Taiwan write their dollars with 元 too.
 */
const CURRENCY_CODES: Record<string, string> = {
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

/** A parsed amount; `currency` is set when the text named one by code or sign (RMB 100 → CNY, $50 → USD). */
export interface ParsedAmount {
  amount: Decimal;
  currency?: string;
  /** For a bare `$` or `¥`: every currency written with that sign, any of which a currency column may name. */
  signCurrencies?: readonly string[];
}

/** A zero cell (also -0): common in received columns, built once. */
const ZERO_AMOUNT: Parsed<ParsedAmount> = { ok: { amount: ZERO } };

function fail<T>(code: string, error: string): Parsed<T> {
  return { error, code };
}

/*
 * Fast paths. A ledger of 100,000 rows is mostly plain number cells and plain texts; these read
 * them without strings, regexes or Decimal parsing, and answer NaN / null for anything else, which
 * then takes the general path below. Each gives exactly what the general path gives (property
 * tested in test/workbook/fast-paths.test.ts).
 */


const CHAR_0 = 48;
const CHAR_9 = 57;
const CHAR_COMMA = 44;
const CHAR_DOT = 46;
const CHAR_MINUS = 45;
const CHAR_PLUS = 43;
const CHAR_SLASH = 47;
const CHAR_YEN = 0xa5;
/** CURRENCY_CODES["¥"]. */
const YEN_AMOUNT_CURRENCY = "CNY";

/**
 * The fen of an amount typed plainly: an optional sign, an optional ¥, then digits, optionally
 * grouped by commas in threes (1,234,567), and at most two decimals: `1234.5`, `-1,234.50`,
 * `¥1,234.50`, `.5`, `12.`. Anything else (spaces, other signs, codes, parentheses, exponents,
 * full-width digits, more decimals, 1e13 or more) gives null: the general path reads it.
 * @param text the cell text
 * @returns fen (sign included, never -0) and whether ¥ was written; null when not such a text
 */
function plainAmountFen(text: string): { fen: number; yen: boolean } | null {
  const length = text.length;
  let i = 0;
  let negative = false;
  let code = length > 0 ? text.charCodeAt(0) : 0;
  if (code === CHAR_MINUS || code === CHAR_PLUS) {
    negative = code === CHAR_MINUS;
    i = 1;
    code = i < length ? text.charCodeAt(i) : 0;
  }
  const yen = code === CHAR_YEN;
  if (yen) i++;
  let units = 0;
  let digits = 0;
  let grouped = false;
  let groupDigits = 0;
  for (; i < length; i++) {
    code = text.charCodeAt(i);
    if (code >= CHAR_0 && code <= CHAR_9) {
      units = units * 10 + (code - CHAR_0);
      digits++;
      groupDigits++;
      if (units >= 1e13) return null;
    } else if (code === CHAR_COMMA) {
      // 1-3 digits before the first comma, exactly 3 between commas.
      if (grouped ? groupDigits !== 3 : groupDigits < 1 || groupDigits > 3) return null;
      grouped = true;
      groupDigits = 0;
    } else {
      break;
    }
  }
  if (grouped && groupDigits !== 3) return null;
  let cents = 0;
  if (i < length) {
    if (text.charCodeAt(i) !== CHAR_DOT) return null;
    i++;
    const places = length - i;
    if (places > 2) return null;
    for (let p = 0; p < places; p++) {
      code = text.charCodeAt(i + p);
      if (code < CHAR_0 || code > CHAR_9) return null;
      cents = cents * 10 + (code - CHAR_0);
    }
    if (places === 1) cents *= 10;
    // "12." and ".5" are amounts, "." is not; "1,234." is not (the general path refuses it too).
    if (places === 0 && (digits === 0 || grouped)) return null;
  } else if (digits === 0) {
    return null;
  }
  const size = units * 100 + cents;
  return { fen: negative && size !== 0 ? -size : size, yen };
}

/**
 * `parseAmountWithCurrency` of a plain amount text (see plainAmountFen), or null for the general path.
 * @param text the cell text
 * @returns the parsed amount, or null
 */
function fastAmountText(text: string): Parsed<ParsedAmount> | null {
  const plain = plainAmountFen(text);
  if (plain === null) return null;
  const amount = plain.fen === 0 ? ZERO : decimalFromFen(plain.fen);
  if (!plain.yen) return { ok: { amount } };
  return { ok: { amount, currency: YEN_AMOUNT_CURRENCY, signCurrencies: SHARED_SYMBOLS["¥"] } };
}

/**
 * The DayNumber of a serial number cell in the common range (1900-03-01 on in the 1900 system,
 * any date in the 1904 system), as `coerceDate` gives it; NaN for the general path.
 * @param serial a cell number
 * @param system the workbook's date system
 * @returns days since 1899-12-30, or NaN
 * @example serialDay(46349.75, "1900") // 46349
 */
export function serialDay(serial: number, system: DateSystem): number {
  if (system === "1904") return serial >= 0 && serial < LAST_EXCEL_DAY - EPOCH_1904_DAY + 1 ? Math.floor(serial) + EPOCH_1904_DAY : NaN;
  return serial >= 61 && serial < LAST_EXCEL_DAY + 1 ? Math.floor(serial) : NaN;
}

function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - CHAR_0;
  return code >= 0 && code <= 9 ? code : NaN;
}

/**
 * The DayNumber of a date typed exactly as YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD (a real date,
 * from 1900), as `parseDateText` gives it; NaN for the general path (other forms, errors).
 * @param text the cell text
 * @returns days since 1899-12-30, or NaN
 * @example isoDay("2026-11-23") // 46349
 */
export function isoDay(text: string): number {
  if (text.length !== 10) return NaN;
  const separator = text.charCodeAt(4);
  if ((separator !== CHAR_MINUS && separator !== CHAR_SLASH && separator !== CHAR_DOT) || text.charCodeAt(7) !== separator) return NaN;
  const year = digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3);
  const month = digitAt(text, 5) * 10 + digitAt(text, 6);
  const day = digitAt(text, 8) * 10 + digitAt(text, 9);
  // NaN fails every comparison.
  if (!(year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  return fromYmd(year, month, day);
}

function excelError(cell: { error: string }): string {
  return `the cell shows the Excel error ${cell.error}`;
}

function checkRange(amount: Decimal, shown: string): Parsed<ParsedAmount> | null {
  if (amount.abs().greaterThan(MAX_AMOUNT_DECIMAL)) {
    return fail("amount.outOfRange", `${quote(shown)} is too large to be an amount (over 1,000,000,000,000,000)`);
  }
  return null;
}

/**
 * Reads an amount with its currency when the text gives one by code or sign: `¥1,234.50`,
 * `￥1,234.50`, `RMB 1,234.50`, `1,234.50元` (CNY), `$1,234.50`, `US$50` (USD), `HK$50` (HKD),
 * `€50` (EUR), `£50` (GBP), `CNY 1234.5`; plain numbers, `(1,234.50)` (negative), `-1,234.50`,
 * full-width digits. Refuses a decimal comma (`1 234,50`,
 * `1.234,50`), NaN, Infinity, amounts over 10^15, Excel errors, and blanks ("amount is blank").
 * @param cell the cell value
 * @returns the exact amount (and currency code), or a message
 * @example parseAmountWithCurrency("$50").ok // { amount: 50, currency: "USD", signCurrencies: ["USD", "HKD", …] }
 */
export function parseAmountWithCurrency(cell: CellValue | undefined): Parsed<ParsedAmount> {
  if (typeof cell === "number" && cell !== 0) {
    const fen = fenOfNumber(cell);
    if (fen === fen) return { ok: { amount: decimalFromFen(fen) } };
  } else if (typeof cell === "string") {
    const fast = fastAmountText(cell);
    if (fast !== null) return fast;
  }
  return parseAmountGeneral(cell);
}

/**
 * `parseAmountWithCurrency` without its fast paths: the reference they are tested against.
 * @param cell the cell value
 * @returns the exact amount (and currency code), or a message
 * @example parseAmountGeneral("¥1,234.50").ok?.amount.toString() // "1234.5"
 */
export function parseAmountGeneral(cell: CellValue | undefined): Parsed<ParsedAmount> {
  if (cell === null || cell === undefined) return fail("amount.blank", "amount is blank");
  if (cell === 0) return ZERO_AMOUNT;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return fail("amount.invalid", `${String(cell)} is not an amount`);
    const amount = toDecimal(cell);
    return checkRange(amount, String(cell)) ?? { ok: { amount } };
  }
  if (typeof cell === "boolean") return fail("amount.invalid", `${cell ? "TRUE" : "FALSE"} is not an amount`);
  if (typeof cell !== "string") return fail("amount.excelError", excelError(cell));
  return parseAmountText(cell);
}

function parseAmountText(original: string): Parsed<ParsedAmount> {
  let text = original.normalize("NFKC").replace(MINUS_SIGNS, "-").trim();
  if (text === "") return fail("amount.blank", "amount is blank");
  if (NOT_FINITE.test(text)) return fail("amount.invalid", `${quote(original)} is not an amount`);
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
    if (code && currency && code !== currency) {
      return fail("amount.invalid", `${quote(original)} names two currencies`);
    }
    // "$50 USD": the code settles what the bare sign left open.
    if (code && !SHARED_SYMBOLS[suffix[1].toLowerCase()]) symbol = suffix[1].toLowerCase();
    else if (code && !currency) symbol = suffix[1].toLowerCase();
    currency = currency ?? code;
    text = text.slice(0, suffix.index);
  }
  if (paren && negative === false) return fail("amount.invalid", `${quote(original)} is not an amount`);

  let digits: string;
  if (PLAIN_NUMBER.test(text) || EXPONENT_NUMBER.test(text)) {
    digits = text;
  } else if (GROUPED_NUMBER.test(text)) {
    digits = text.replace(/,/g, "");
  } else if (DECIMAL_COMMA.test(text)) {
    return fail(
      "amount.decimalComma",
      `${quote(original)} uses a decimal comma; write the amount with a decimal point, e.g. ${text.replace(SPACES, "").replace(/\./g, "").replace(",", ".")}`,
    );
  } else {
    return fail("amount.invalid", `${quote(original)} is not an amount`);
  }
  if (digits.endsWith(".")) digits = digits.slice(0, -1);
  let amount = new Dec(digits);
  const range = checkRange(amount, original);
  if (range) return range;
  if (negative && !amount.isZero()) amount = amount.negated();
  if (!currency) return { ok: { amount } };
  const shared = symbol === undefined ? undefined : SHARED_SYMBOLS[symbol];
  return { ok: shared ? { amount, currency, signCurrencies: shared } : { amount, currency } };
}

/**
 * Reads an amount (see `parseAmountWithCurrency` for the accepted forms); `-0` gives 0.
 * @param cell the cell value
 * @returns the exact amount, or a message
 * @example parseAmount("(1,234.50)").ok?.toString() // "-1234.5"
 */
export function parseAmount(cell: CellValue | undefined): Parsed<Decimal> {
  const parsed = parseAmountWithCurrency(cell);
  return parsed.error !== undefined ? parsed : { ok: parsed.ok.amount };
}

/**
 * Reads a date cell: a number is an Excel serial in the workbook's date system (time of day
 * ignored), text is parsed by the rules' `parseDateText`. Blank gives "the date is blank".
 * @param cell the cell value
 * @param system the workbook's date system
 * @param order how to read ambiguous day/month text; null refuses it
 * @returns days since 1899-12-30, or a message
 * @example parseDateCell("2026-13-01", "1900", null).error // "\"2026-13-01\" is not a date: there is no month 13"
 */
export function parseDateCell(cell: CellValue | undefined, system: DateSystem, order: DateOrder | null): Parsed<DayNumber> {
  const fast = typeof cell === "number" ? serialDay(cell, system) : typeof cell === "string" ? isoDay(cell) : NaN;
  if (fast === fast) return { ok: fast };
  return parseDateGeneral(cell, system, order);
}

/**
 * `parseDateCell` without its fast paths: the reference they are tested against.
 * @param cell the cell value
 * @param system the workbook's date system
 * @param order how to read ambiguous day/month text; null refuses it
 * @returns days since 1899-12-30, or a message
 * @example parseDateGeneral(46349, "1900", null).ok // 46349
 */
export function parseDateGeneral(cell: CellValue | undefined, system: DateSystem, order: DateOrder | null): Parsed<DayNumber> {
  if (cell !== null && typeof cell === "object") return fail("date.excelError", excelError(cell));
  try {
    return { ok: coerceDate(cell ?? null, system, order) };
  } catch (error) {
    if (error instanceof RuleError) return fail(error.code, error.message);
    throw error;
  }
}

const FLAG_TRUE = new Set(["是", "y", "yes", "true", "1", "✓", "✔", "√", "争议", "爭議", "有", "x"]);
const FLAG_FALSE = new Set(["", "否", "n", "no", "false", "0", "无", "無", "-"]);

/**
 * Reads a yes/no cell such as the disputed flag: 是 / Y / Yes / TRUE / 1 / ✓ / 争议 / 爭議 are yes;
 * blank / 否 / N / No / FALSE / 0 are no; anything else is an error.
 * @param cell the cell value
 * @returns true or false, or a message
 * @example parseFlag("是").ok // true
 */
export function parseFlag(cell: CellValue | undefined): Parsed<boolean> {
  if (cell === null || cell === undefined) return { ok: false };
  if (typeof cell === "boolean") return { ok: cell };
  if (typeof cell === "number") {
    if (cell === 1) return { ok: true };
    if (cell === 0) return { ok: false };
    return fail("flag.invalid", `${cell} is not yes or no (use 是/否, Y/N, 1/0)`);
  }
  if (typeof cell !== "string") return fail("flag.excelError", excelError(cell));
  const text = cell.normalize("NFKC").trim().toLowerCase();
  if (FLAG_TRUE.has(text)) return { ok: true };
  if (FLAG_FALSE.has(text)) return { ok: false };
  return fail("flag.invalid", `${quote(cell)} is not yes or no (use 是/否, Y/N, 1/0)`);
}

const INTEGER_TEXT = /^(?:net\s*)?(\d+)\s*(?:天|日|days?|d)?$/i;

/**
 * Reads a whole number of days (a payment term): 30, "30", "３０天", "30 days", "Net 30".
 * Negative or fractional numbers are refused.
 * @param cell the cell value
 * @returns the whole number, or a message
 * @example parseInteger("３０天").ok // 30
 */
export function parseInteger(cell: CellValue | undefined): Parsed<number> {
  if (cell === null || cell === undefined) return fail("integer.blank", "the number is blank");
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= 0 && cell <= 100000) return { ok: cell };
    return fail("integer.invalid", `${cell} is not a whole number of days`);
  }
  if (typeof cell !== "string") {
    return typeof cell === "boolean" ? fail("integer.invalid", `${cell ? "TRUE" : "FALSE"} is not a whole number of days`) : fail("integer.excelError", excelError(cell));
  }
  const text = cell.normalize("NFKC").trim();
  if (text === "") return fail("integer.blank", "the number is blank");
  const match = INTEGER_TEXT.exec(text);
  if (!match || match[1].length > 6) return fail("integer.invalid", `${quote(cell)} is not a whole number of days`);
  return { ok: Number(match[1]) };
}

const GRADES = new Set(["A", "B", "C", "D"]);

/**
 * Reads a credit grade A–D, any case, full-width letters too (ｂ → B). Blank is an error the
 * caller usually ignores (no override).
 * @param cell the cell value
 * @returns the grade, or a message
 * @example parseGrade("ｃ").ok // "C"
 */
export function parseGrade(cell: CellValue | undefined): Parsed<Grade> {
  const text = typeof cell === "string" ? cell.normalize("NFKC").trim().toUpperCase() : "";
  if (cell === null || cell === undefined || (typeof cell === "string" && text === "")) return fail("grade.blank", "the grade is blank");
  if (GRADES.has(text)) return { ok: text as Grade };
  const shown = typeof cell === "object" ? cell.error : String(cell);
  return fail("grade.invalid", `${quote(shown)} is not a credit grade (A, B, C or D)`);
}

const CURRENCY_NAMES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(CURRENCY_CODES).map(([k, v]) => [k.toUpperCase(), v])),
  人民币: "CNY", 人民幣: "CNY", 元: "CNY", "¥": "CNY", 美元: "USD", 美金: "USD", 港币: "HKD", 港幣: "HKD",
  港元: "HKD", 欧元: "EUR", 歐元: "EUR", 日元: "JPY", 日圓: "JPY", 新台币: "TWD", 新臺幣: "TWD", 新台幣: "TWD",
};
const CURRENCY_CODE = /^[A-Z]{3}$/;

/**
 * Reads a currency cell as an ISO code: CNY, "rmb", 人民币, 美元, 港币 … → CNY, USD, HKD.
 * Blank gives the fallback (the policy currency).
 * @param cell the cell value
 * @param fallback currency for a blank cell
 * @returns the three-letter code, or a message
 * @example parseCurrency("人民币", "CNY").ok // "CNY"
 */
export function parseCurrency(cell: CellValue | undefined, fallback: string): Parsed<string> {
  if (cell === null || cell === undefined) return { ok: fallback };
  if (typeof cell !== "string") {
    return typeof cell === "object" ? fail("currency.excelError", excelError(cell)) : fail("currency.invalid", `${String(cell)} is not a currency`);
  }
  const text = cell.normalize("NFKC").trim().toUpperCase();
  if (text === "") return { ok: fallback };
  const named = CURRENCY_NAMES[text] ?? CURRENCY_NAMES[cell.trim()];
  if (named) return { ok: named };
  if (CURRENCY_CODE.test(text)) return { ok: text };
  return fail("currency.invalid", `${quote(cell)} is not a currency code (e.g. CNY, USD)`);
}

/**
 * Reads a text cell (names, invoice numbers): trimmed; numbers in their shortest spelling
 * (invoice 10023 → "10023"); blank gives null; an Excel error gives a message.
 * @param cell the cell value
 * @returns the text or null, or a message
 * @example parseText(10023).ok // "10023"
 */
export function parseText(cell: CellValue | undefined): Parsed<string | null> {
  if (cell === null || cell === undefined) return { ok: null };
  if (typeof cell === "string") {
    const text = cell.trim();
    return { ok: text === "" ? null : text };
  }
  if (typeof cell === "number") return Number.isFinite(cell) ? { ok: String(cell) } : fail("text.invalid", `${cell} is not text`);
  if (typeof cell === "boolean") return { ok: cell ? "TRUE" : "FALSE" };
  return fail("text.excelError", excelError(cell));
}
