/** Number and date text for the pane: percentages, YYYY-MM-DD dates. */
import { formatIso, parseDateText } from "../rules/dates";
import type { DayNumber } from "../rules/types";

/**
 * A fraction as a percentage with two decimals; "—" when there is none.
 * @param fraction e.g. 0.5909, or null
 * @returns e.g. "59.09%"
 * @example formatPercent(0.5909) // "59.09%"
 */
export function formatPercent(fraction: number | null): string {
  if (fraction === null) return "—";
  return `${(Math.round(fraction * 10000) / 100).toFixed(2)}%`;
}

/**
 * Reads a typed as-of date; only YYYY-MM-DD (or YYYY/MM/DD) is accepted so nothing is ambiguous.
 * @param text what the user typed
 * @returns the day number, or null when it is not a valid date
 * @example parseAsOf("2026-11-23") // 46349
 */
export function parseAsOf(text: string): DayNumber | null {
  const trimmed = text.trim();
  if (!/^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/.test(trimmed)) return null;
  try {
    return parseDateText(trimmed, "YMD");
  } catch {
    return null;
  }
}

/**
 * A day as YYYY-MM-DD.
 * @param day the day number
 * @returns the ISO date text
 * @example isoDate(46349) // "2026-11-23"
 */
export function isoDate(day: DayNumber): string {
  return formatIso(day);
}
