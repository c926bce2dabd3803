/**
 * A cell of a sheet's values by its sheet coordinates, and the names of the visible settings sheet:
 * the little that the settings readers need of finding tables (locate.ts), kept apart so that the
 * worksheet functions' bundle does not carry the header synonyms of every table. Pure.
 */
import type { CellValue, SheetData } from "./adapter-types";
import { normalizeText } from "./text";

/**
 * Names of the visible settings sheet (normalised), never read as data (see settings.ts).
 * @example SETTINGS_SHEET_NAMES.includes("设置") // true
 */
export const SETTINGS_SHEET_NAMES: readonly string[] = ["设置", "設置", "設定", "设定", "settings", "ar settings", "ar 设置", "ar 設定"];

/**
 * Whether a sheet is the add-in's settings sheet (设置 / 設定 / Settings / AR Settings).
 * @param name sheet name
 * @returns true for a settings sheet name
 * @example isSettingsSheet("AR Settings") // true
 */
export function isSettingsSheet(name: string): boolean {
  return SETTINGS_SHEET_NAMES.includes(normalizeText(name));
}

/**
 * The cell at 0-based sheet coordinates, or null outside the used range.
 * @param sheet the sheet's values
 * @param row 0-based sheet row
 * @param col 0-based sheet column
 * @returns the cell value
 * @example cellAt({ name: "S", rows: [["x"]], firstRow: 2, firstCol: 1, generated: false }, 2, 1) // "x"
 */
export function cellAt(sheet: SheetData, row: number, col: number): CellValue {
  const line = sheet.rows[row - sheet.firstRow];
  if (!line) return null;
  const value = line[col - sheet.firstCol];
  return value === undefined ? null : value;
}

