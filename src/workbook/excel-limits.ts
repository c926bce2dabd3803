/**
 * Excel's fixed limits, in one place for every adapter and layout: sheet names (31 characters,
 * no `[]:*?/\`), text in a cell (32,767 characters), the grid (1,048,576 rows × 16,384 columns)
 * and the 1904 date system's offset. Pure.
 */
import { EPOCH_1904_DAY } from "../rules/dates";
import { rowsLater } from "./plan-rows";
import type { SheetPlan } from "./plan-types";

/** Longest sheet name Excel accepts, in UTF-16 units (a character outside the BMP counts twice). */
export const MAX_SHEET_NAME_LENGTH = 31;
/** Most characters one cell holds. */
export const MAX_CELL_TEXT_LENGTH = 32_767;
/** Rows of a worksheet. */
export const MAX_ROWS = 1_048_576;
/** Columns of a worksheet (A to XFD). */
export const MAX_COLUMNS = 16_384;
/**
 * Days between one date's serials in the 1900 and the 1904 date systems (1904-01-01 is 1900
 * serial 1462); the number itself lives in src/rules/dates.ts, which may not import from here.
 */
export const DAYS_1900_TO_1904: number = EPOCH_1904_DAY;

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;

/**
 * The longest start of a name within `maxLength` UTF-16 units, never splitting a surrogate pair.
 * @param name a sheet name
 * @param maxLength units allowed (31 by default)
 * @returns the name, cut when longer
 * @example shortenSheetName("x".repeat(40)) // "x".repeat(31)
 * @example shortenSheetName("账龄😀", 3) // "账龄" — the emoji's two units do not fit
 */
export function shortenSheetName(name: string, maxLength: number = MAX_SHEET_NAME_LENGTH): string {
  if (name.length <= maxLength) return name;
  const last = name.charCodeAt(maxLength - 1);
  const splitsPair = last >= 0xd800 && last <= 0xdbff;
  return name.slice(0, splitsPair ? maxLength - 1 : maxLength);
}

/**
 * Makes a text usable as a sheet name: forbidden characters `[]:*?/\` become "-", no leading
 * or trailing apostrophe, at most 31 characters, never empty.
 * @param text wanted name
 * @returns a valid sheet name
 * @example sanitizeSheetName("A/R: 2026") // "A-R- 2026"
 */
export function sanitizeSheetName(text: string): string {
  const cleaned = text.replace(FORBIDDEN_IN_SHEET_NAME, "-").replace(/^'+|'+$/g, "").trim();
  const cut = shortenSheetName(cleaned).trim();
  return cut === "" ? "Sheet" : cut;
}

/**
 * Checks that a sheet of this size fits Excel's grid.
 * @param name the plan's name, for the message
 * @param rowCount its rows
 * @param width its columns
 * @throws Error naming the plan and what does not fit
 * @example checkSheetSize("Aging", 2_000_000, 3); // throws 'Plan "Aging": 2000000 rows, more than Excel's 1048576'
 */
export function checkSheetSize(name: string, rowCount: number, width: number): void {
  if (rowCount > MAX_ROWS) throw new Error(`Plan "${name}": ${rowCount} rows, more than Excel's ${MAX_ROWS}`);
  if (width > MAX_COLUMNS) throw new Error(`Plan "${name}": ${width} columns, more than Excel's ${MAX_COLUMNS}`);
}

/**
 * Checks that a plan can be a worksheet before anything is written: all rows of one width, and
 * no more rows or columns than Excel's grid holds. The rows of a plan made later (plan-rows.ts)
 * are checked as they are made.
 * @param plan the plan about to be written
 * @throws Error naming the plan and what does not fit
 * @example checkPlanFitsSheet({ ...plan, values: [["a", "b"], ["c"]] }); // throws 'Plan "Aging": rows have different lengths'
 */
export function checkPlanFitsSheet(plan: SheetPlan): void {
  const later = rowsLater(plan);
  if (later !== undefined) return checkSheetSize(plan.name, later.rowCount, later.width);
  const width = plan.values[0]?.length ?? 0;
  if (plan.values.some((row) => row.length !== width)) throw new Error(`Plan "${plan.name}": rows have different lengths`);
  checkSheetSize(plan.name, plan.values.length, width);
}
