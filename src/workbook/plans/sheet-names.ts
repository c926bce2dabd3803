/**
 * Names of the generated sheets: the localized word of each kind with the report date, within
 * Excel's rules for sheet names (31 characters, none of `[]:*?/\`).
 */
import { labelsFor, type SheetKind } from "../../i18n/labels";
import { formatIso } from "../../rules/dates";
import type { DayNumber, Lang } from "../../rules/types";

/** Excel's limit on sheet-name length. */
export const MAX_SHEET_NAME = 31;

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;

/**
 * Makes a text usable as a sheet name: forbidden characters `[]:*?/\` become "-", no leading
 * or trailing apostrophe, at most 31 characters, never empty.
 * @param text wanted name
 * @returns a valid sheet name
 * @example sanitizeSheetName("A/R: 2026") // "A-R- 2026"
 */
export function sanitizeSheetName(text: string): string {
  const cleaned = text.replace(FORBIDDEN_IN_SHEET_NAME, "-").replace(/^'+|'+$/g, "").trim();
  const cut = Array.from(cleaned).slice(0, MAX_SHEET_NAME).join("").trim();
  return cut === "" ? "Sheet" : cut;
}

/**
 * The localized, dated name of a generated sheet, at most 31 characters.
 * @param kind which generated sheet
 * @param asOf the report date
 * @param lang language of the sheet word
 * @returns the sheet name
 * @example sheetName("aging", fromYmd(2026, 11, 23), "zh-CN") // "账龄分析 2026-11-23"
 */
export function sheetName(kind: SheetKind, asOf: DayNumber, lang: Lang): string {
  const date = formatIso(asOf);
  // The date always fits whole; the word gives way.
  const room = MAX_SHEET_NAME - date.length - 1;
  const word = Array.from(labelsFor(lang).sheetWords[kind]).slice(0, room).join("");
  return sanitizeSheetName(`${word} ${date}`);
}
