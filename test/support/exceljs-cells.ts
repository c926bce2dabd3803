/**
 * Turning exceljs cell values into the adapter's plain `CellValue`s. The only conversion rules
 * the .xlsx reader needs: dates become serials of the workbook's own date system, rich text and
 * hyperlinks become their text, formulas their cached result, errors `{ error }`.
 */
import type { CellValue } from "../../src/workbook/adapter-types";
import { DAYS_1900_TO_1904 } from "../../src/workbook/excel-limits";

const MS_PER_DAY = 24 * 60 * 60 * 1000;
/** Serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL_1900 = 25569;

/**
 * The Excel serial of a JS Date as exceljs builds it (UTC midnight plus the time of day).
 * Mirrors exceljs's own `excelToDate`, so reading a serial and converting it back is exact,
 * including the 1900 system's fictitious 1900-02-29 (serial 60).
 * @param date the Date exceljs gave for a date-formatted cell
 * @param date1904 whether the workbook uses the 1904 date system
 * @returns the serial, rounded to the millisecond's day fraction
 * @example dateToSerial(new Date(Date.UTC(2026, 10, 23)), false) // 46349
 */
export function dateToSerial(date: Date, date1904: boolean): number {
  const serial = UNIX_EPOCH_SERIAL_1900 + date.getTime() / MS_PER_DAY - (date1904 ? DAYS_1900_TO_1904 : 0);
  // Dates written by Excel are whole days or fractions; trim float noise from the division.
  return Math.round(serial * 1e8) / 1e8;
}

/** A JS value as exceljs reports it for a cell (`cell.value`). */
export type ExcelJsValue = unknown;

/**
 * Converts one exceljs cell value into a `CellValue`.
 * @param value `cell.value` from exceljs (Date, number, string, boolean, rich text, hyperlink,
 *   formula with cached result, shared formula, error, null)
 * @param date1904 the workbook's date system, for Date values
 * @returns the plain value: dates as serials, formulas as their cached result (null if none)
 * @example toCellValue({ formula: "A1*2", result: 84 }, false) // 84
 * @example toCellValue({ richText: [{ text: "华东" }, { text: "精密" }] }, false) // "华东精密"
 */
export function toCellValue(value: ExcelJsValue, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : dateToSerial(value, date1904);
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.error === "string") return { error: record.error };
    if (Array.isArray(record.richText)) return richTextToString(record.richText);
    if ("formula" in record || "sharedFormula" in record) {
      return "result" in record ? toCellValue(record.result, date1904) : null;
    }
    if ("hyperlink" in record || "text" in record) {
      const text = record.text;
      if (typeof text === "string") return text;
      if (text && typeof text === "object" && Array.isArray((text as { richText?: unknown }).richText)) {
        return richTextToString((text as { richText: unknown[] }).richText);
      }
      return typeof record.hyperlink === "string" ? record.hyperlink : null;
    }
  }
  return null;
}

function richTextToString(runs: unknown[]): string {
  return runs.map((run) => (run && typeof run === "object" ? String((run as { text?: unknown }).text ?? "") : "")).join("");
}
