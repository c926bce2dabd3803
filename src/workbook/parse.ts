/**
 * Reading single cells as dates, flags, whole numbers, grades, currencies and texts, the way
 * people type them in Chinese and English ledgers (amounts: parse-amount.ts, re-exported here).
 * Every parser returns a value or a Problem (a code with the values its message names); none
 * throws. Dates go through the rules' one date parser.
 */
import { coerceDate } from "../rules/dates";
import { RuleError } from "../rules/errors";
import type { DateOrder, DateSystem, DayNumber, Grade } from "../rules/types";
import type { CellValue } from "./adapter-types";
import { CURRENCY_CODES } from "./parse-amount";
import { booleanText, failure, problem } from "./problems";
import type { Parsed, Problem } from "./problems";

export { MAX_AMOUNT, parseAmount, parseAmountWithCurrency } from "./parse-amount";
export type { ParsedAmount } from "./parse-amount";
export type { Parsed } from "./problems";

/**
 * Reads a date cell: a number is an Excel serial in the workbook's date system (time of day
 * ignored), text is parsed by the rules' `parseDateText`; the rules' codes are passed on.
 * @param cell the cell value
 * @param system the workbook's date system
 * @param order how to read ambiguous day/month text; null refuses it
 * @returns days since 1899-12-30, or a problem
 * @example parseDateCell("2026-13-01", "1900", null).error // { code: "date.noSuchMonth", params: { text: "2026-13-01", month: 13 } }
 */
export function parseDateCell(cell: CellValue | undefined, system: DateSystem, order: DateOrder | null): Parsed<DayNumber> {
  const day = dayOfCell(cell, system, order);
  return typeof day === "number" ? { ok: day } : { error: day };
}

/**
 * parseDateCell's value itself, unwrapped: the day, or the problem (an object), for a reader of
 * every row that would otherwise make a wrapper per cell.
 * @param cell the cell value
 * @param system the workbook's date system
 * @param order how to read ambiguous day/month text; null refuses it
 * @returns days since 1899-12-30, or a problem
 * @example dayOfCell(46112, "1900", null) // 46112; dayOfCell(true, "1900", null) // { code: "date.wrongType", params: { value: "TRUE" } }
 */
export function dayOfCell(cell: CellValue | undefined, system: DateSystem, order: DateOrder | null): DayNumber | Problem {
  if (cell !== null && typeof cell === "object") return problem("date.excelError", { error: cell.error });
  try {
    return coerceDate(cell ?? null, system, order);
  } catch (error) {
    if (error instanceof RuleError) return { code: error.code, params: error.params } as Problem;
    throw error;
  }
}

const FLAG_TRUE = new Set(["是", "y", "yes", "true", "1", "✓", "✔", "√", "争议", "爭議", "有", "x"]);
const FLAG_FALSE = new Set(["", "否", "n", "no", "false", "0", "无", "無", "-"]);

/**
 * Reads a yes/no cell such as the disputed flag: 是 / Y / Yes / TRUE / 1 / ✓ / 争议 / 爭議 are yes;
 * blank / 否 / N / No / FALSE / 0 are no; anything else is a problem.
 * @param cell the cell value
 * @returns true or false, or a problem
 * @example parseFlag("是").ok // true; parseFlag("maybe").error // { code: "flag.invalid", params: { text: "maybe" } }
 */
export function parseFlag(cell: CellValue | undefined): Parsed<boolean> {
  if (cell === null || cell === undefined) return { ok: false };
  if (typeof cell === "boolean") return { ok: cell };
  if (typeof cell === "number") {
    if (cell === 1) return { ok: true };
    if (cell === 0) return { ok: false };
    return failure("flag.invalid", { value: String(cell) });
  }
  if (typeof cell !== "string") return failure("flag.excelError", { error: cell.error });
  const text = cell.normalize("NFKC").trim().toLowerCase();
  if (FLAG_TRUE.has(text)) return { ok: true };
  if (FLAG_FALSE.has(text)) return { ok: false };
  return failure("flag.invalid", { text: cell });
}

const INTEGER_TEXT = /^(?:net\s*)?(\d+)\s*(?:天|日|days?|d)?$/i;

/**
 * Reads a whole number of days (a payment term): 30, "30", "３０天", "30 days", "Net 30".
 * Negative or fractional numbers are refused.
 * @param cell the cell value
 * @returns the whole number, or a problem
 * @example parseInteger("３０天").ok // 30
 */
export function parseInteger(cell: CellValue | undefined): Parsed<number> {
  if (cell === null || cell === undefined) return failure("integer.blank", {});
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= 0 && cell <= 100000) return { ok: cell };
    return failure("integer.invalid", { value: String(cell) });
  }
  if (typeof cell === "boolean") return failure("integer.invalid", { value: booleanText(cell) });
  if (typeof cell !== "string") return failure("integer.excelError", { error: cell.error });
  const text = cell.normalize("NFKC").trim();
  if (text === "") return failure("integer.blank", {});
  const match = INTEGER_TEXT.exec(text);
  if (!match || match[1].length > 6) return failure("integer.invalid", { text: cell });
  return { ok: Number(match[1]) };
}

const GRADES = new Set(["A", "B", "C", "D"]);

/**
 * Reads a credit grade A–D, any case, full-width letters too (ｂ → B). Blank is a problem the
 * caller usually ignores (no override).
 * @param cell the cell value
 * @returns the grade, or a problem
 * @example parseGrade("ｃ").ok // "C"
 */
export function parseGrade(cell: CellValue | undefined): Parsed<Grade> {
  const text = typeof cell === "string" ? cell.normalize("NFKC").trim().toUpperCase() : "";
  if (cell === null || cell === undefined || (typeof cell === "string" && text === "")) return failure("grade.blank", {});
  if (GRADES.has(text)) return { ok: text as Grade };
  return failure("grade.invalid", { text: typeof cell === "object" ? cell.error : String(cell) });
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
 * @returns the three-letter code, or a problem
 * @example parseCurrency("人民币", "CNY").ok // "CNY"
 */
export function parseCurrency(cell: CellValue | undefined, fallback: string): Parsed<string> {
  if (cell === null || cell === undefined) return { ok: fallback };
  if (typeof cell === "object") return failure("currency.excelError", { error: cell.error });
  if (typeof cell !== "string") return failure("currency.invalid", { value: typeof cell === "boolean" ? booleanText(cell) : String(cell) });
  const text = cell.normalize("NFKC").trim().toUpperCase();
  if (text === "") return { ok: fallback };
  const named = CURRENCY_NAMES[text] ?? CURRENCY_NAMES[cell.trim()];
  if (named) return { ok: named };
  if (CURRENCY_CODE.test(text)) return { ok: text };
  return failure("currency.invalid", { text: cell });
}

/**
 * Reads a text cell (names, invoice numbers): trimmed; numbers in their shortest spelling
 * (invoice 10023 → "10023"); blank gives null; an Excel error gives a problem.
 * @param cell the cell value
 * @returns the text or null, or a problem
 * @example parseText(10023).ok // "10023"
 */
export function parseText(cell: CellValue | undefined): Parsed<string | null> {
  const text = textOfCell(cell);
  return text !== null && typeof text === "object" ? { error: text } : { ok: text };
}

/**
 * parseText's value itself, unwrapped: the text, null for a blank, or the problem (an object),
 * for a reader of every row that would otherwise make a wrapper per cell.
 * @param cell the cell value
 * @returns the text or null, or a problem
 * @example textOfCell("  INV-1 ") // "INV-1"; textOfCell({ error: "#N/A" }) // { code: "text.excelError", params: { error: "#N/A" } }
 */
export function textOfCell(cell: CellValue | undefined): string | null | Problem {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "string") {
    const text = cell.trim();
    return text === "" ? null : text;
  }
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : problem("text.invalid", { value: String(cell) });
  if (typeof cell === "boolean") return booleanText(cell);
  return problem("text.excelError", { error: cell.error });
}
