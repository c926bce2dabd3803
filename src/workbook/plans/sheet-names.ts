/**
 * Names of the generated sheets: the localized word of each kind with the report date, within
 * Excel's rules for sheet names (excel-limits.ts).
 */
import { labelsFor, type SheetKind } from "../../i18n/labels";
import { formatIso } from "../../rules/dates";
import type { DayNumber, Lang } from "../../rules/types";
import { MAX_SHEET_NAME_LENGTH, sanitizeSheetName, shortenSheetName } from "../excel-limits";

/**
 * The localized, dated name of a generated sheet, at most 31 characters.
 * @param kind which generated sheet
 * @param asOf the report date
 * @param lang language of the sheet word
 * @returns the sheet name
 * @example sheetName("aging", fromYmd(2026, 11, 23), "zh-CN") // "账龄分析 2026-11-23"
 */
export function sheetName(kind: SheetKind, asOf: DayNumber, lang: Lang): string {
  return datedSheetName(labelsFor(lang).sheetWords[kind], asOf);
}

/**
 * A word with the report date as a sheet name, at most 31 characters: the date always fits whole,
 * the word gives way.
 * @param word the sheet's word (already in its language)
 * @param asOf the report date
 * @returns the sheet name
 * @example datedSheetName("DSO趋势", fromYmd(2026, 3, 31)) // "DSO趋势 2026-03-31"
 */
export function datedSheetName(word: string, asOf: DayNumber): string {
  const date = formatIso(asOf);
  const room = MAX_SHEET_NAME_LENGTH - date.length - 1;
  return sanitizeSheetName(`${shortenSheetName(word, room)} ${date}`);
}
