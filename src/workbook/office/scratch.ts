/**
 * The add-in's own temporary sheets — the date-system probe, an old sheet renamed while its
 * replacement is written — named with one prefix so that no reader, writer or name rule takes
 * them for the user's.
 */
import { shortenSheetName } from "../excel-limits";

const SCRATCH_PREFIX = "ar-scratch-";

/**
 * A fresh scratch sheet name, unlikely to be taken.
 * @param tag what the sheet is for ("date", "old")
 * @returns a valid sheet name with the scratch prefix
 * @example scratchName("date") // "ar-scratch-date-k3j9x0qa"
 */
export function scratchName(tag: string): string {
  return shortenSheetName(`${SCRATCH_PREFIX}${tag}-${Math.random().toString(36).slice(2, 10)}`);
}

/**
 * Whether a sheet is one of the add-in's scratch sheets.
 * @param name a sheet name
 * @returns true for a scratch sheet
 * @example isScratch("ar-scratch-old-1a2b3c4d") // true
 */
export function isScratch(name: string): boolean {
  return name.startsWith(SCRATCH_PREFIX);
}
