/** Problems as a person reads them in English, for tests that compare what the user is told. */
import { problemText } from "../../src/i18n/messages";
import type { RowError } from "../../src/rules/types";
import type { SettingError } from "../../src/workbook/settings-store";

/** A setting's problem: its field and its English words (with the settings-sheet cell, when one set it). */
export function settingInEnglish(error: SettingError): { field: string; message: string } {
  return { field: error.field, message: `${problemText(error, "en")}${error.cell ? ` (${error.cell})` : ""}` };
}

/** A row problem: where it is, its code and its English words. */
export function rowInEnglish(error: RowError): { sheet: string; row: number; column: string; code: string; message: string } {
  return { sheet: error.sheet, row: error.row, column: error.column, code: error.code, message: problemText(error, "en") };
}
