/**
 * Calendar dates as DayNumbers (whole days since 1899-12-30, proleptic Gregorian), and the
 * conversions from Excel serials (both date systems) and from the text people type in cells.
 * Pure arithmetic: no Date objects on the hot path, no clock, no locale.
 */
import { ruleError } from "./errors";
import type { DateOrder, DateSystem, DayNumber } from "./types";

/** A calendar date split into its parts; month and day are 1-based. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** 1970-01-01 as a DayNumber: the civil-days algorithm counts from the Unix epoch. */
const UNIX_EPOCH_DAY = 25569;
/** 1900-01-01, the first day of the 1900 system. */
export const FIRST_EXCEL_DAY: DayNumber = 2;
/** 9999-12-31, the last day Excel knows (serial 2958465 in the 1900 system). */
export const LAST_EXCEL_DAY: DayNumber = 2958465;
/**
 * 1904-01-01, serial 0 of the 1904 system: also the days between one date's serials in the two
 * systems (src/workbook/excel-limits.ts takes it from here; rules import nothing from workbook).
 */
export const EPOCH_1904_DAY: DayNumber = 1462;

/**
 * Whether a year is a Gregorian leap year.
 * @param year the year
 * @returns true for 2024 and 2000, false for 2026 and 1900
 * @example isLeapYear(2024) // true
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days in a month.
 * @param year the year
 * @param month 1..12
 * @returns 28..31
 * @example daysInMonth(2026, 2) // 28
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Whether year, month and day make a real calendar date (years 1..9999).
 * @param year 1..9999
 * @param month 1..12
 * @param day 1..days in that month
 * @returns true when the date exists
 * @example isValidYmd(2026, 2, 29) // false
 */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/**
 * Whether a value is a DayNumber inside Excel's range (1900-01-01 to 9999-12-31).
 * @param day any value
 * @returns true for whole numbers from 2 to 2958465
 * @example isValidDay(46349) // true
 */
export function isValidDay(day: unknown): day is DayNumber {
  return typeof day === "number" && Number.isInteger(day) && day >= FIRST_EXCEL_DAY && day <= LAST_EXCEL_DAY;
}

/** Days from civil (H. Hinnant): no validation, used where the parts are known good. */
function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468 + UNIX_EPOCH_DAY;
}

/**
 * A DayNumber from year, month and day. Throws a RuleError for a date that does not exist.
 * @param year 1..9999
 * @param month 1..12
 * @param day 1..31
 * @returns days since 1899-12-30
 * @example fromYmd(2026, 11, 23) // 46349
 */
export function fromYmd(year: number, month: number, day: number): DayNumber {
  if (!isValidYmd(year, month, day)) throw ruleError("date.ymd", { year, month, day });
  return daysFromCivil(year, month, day);
}

/**
 * Year, month and day of a DayNumber (civil-from-days, pure arithmetic).
 * @param dayNumber days since 1899-12-30
 * @returns the calendar parts
 * @example toYmd(46349) // { year: 2026, month: 11, day: 23 }
 */
export function toYmd(dayNumber: DayNumber): Ymd {
  const z = dayNumber - UNIX_EPOCH_DAY + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/**
 * The ISO form YYYY-MM-DD.
 * @param dayNumber days since 1899-12-30
 * @returns e.g. "2026-11-23"
 * @example formatIso(46349) // "2026-11-23"
 */
export function formatIso(dayNumber: DayNumber): string {
  const { year, month, day } = toYmd(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The serials Excel shows as dates in each system (made once: every date read or written asks). */
const SERIALS_1900: Readonly<{ min: number; max: number }> = Object.freeze({ min: 1, max: LAST_EXCEL_DAY });
const SERIALS_1904: Readonly<{ min: number; max: number }> = Object.freeze({ min: 0, max: LAST_EXCEL_DAY - EPOCH_1904_DAY });

function serialRange(system: DateSystem): Readonly<{ min: number; max: number }> {
  return system === "1904" ? SERIALS_1904 : SERIALS_1900;
}

/**
 * The DayNumber of an Excel serial. A time of day (the fraction) is ignored. In the 1900 system
 * serials 1..59 are shifted by one because Excel counts a fictitious 1900-02-29 (serial 60, refused).
 * @param serial the cell value
 * @param system the workbook's date system
 * @returns days since 1899-12-30
 * @throws RuleError for serial 60 (1900 system), serials outside Excel's dates, NaN
 * @example fromSerial(61, "1900") // 61 (1900-03-01); fromSerial(0, "1904") // 1462 (1904-01-01)
 */
export function fromSerial(serial: number, system: DateSystem): DayNumber {
  if (typeof serial !== "number" || !Number.isFinite(serial)) {
    throw ruleError("serial.notANumber", { serial: String(serial) });
  }
  const { min, max } = serialRange(system);
  if (serial < min || serial >= max + 1) throw ruleError("serial.outOfRange", { serial, min, max });
  const whole = Math.floor(serial);
  if (system === "1904") return whole + EPOCH_1904_DAY;
  if (whole === 60) throw ruleError("serial.fictitious", {});
  return whole < 60 ? whole + 1 : whole;
}

/**
 * The Excel serial of a DayNumber in the given date system (the inverse of fromSerial).
 * @param dayNumber days since 1899-12-30
 * @param system the workbook's date system
 * @returns the serial to write into a cell
 * @throws RuleError for a day Excel cannot show in that system
 * @example toSerial(60, "1900") // 59 (1900-02-28); toSerial(1462, "1904") // 0
 */
export function toSerial(dayNumber: DayNumber, system: DateSystem): number {
  const serial = system === "1904" ? dayNumber - EPOCH_1904_DAY : dayNumber <= 60 ? dayNumber - 1 : dayNumber;
  const { min, max } = serialRange(system);
  if (!Number.isInteger(dayNumber) || serial < min || serial > max) {
    throw ruleError("serial.outOfRange", { serial, min, max });
  }
  return serial;
}

const MONTHS_BY_NAME: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

/** Full-width digits and punctuation (as typed with a Chinese IME) to ASCII; spaces collapsed. */
function normalizeText(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00a0\s]+/g, " ")
    .trim();
}

const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?)?`;
const YMD_NUMERIC = new RegExp(String.raw`^(\d{4}) ?([-/.]) ?(\d{1,2}) ?\2 ?(\d{1,2})${TIME}$`);
const YMD_CHINESE = /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?[日号號]?$/;
const YMD_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const XXY_NUMERIC = new RegExp(String.raw`^(\d{1,2}) ?([-/.]) ?(\d{1,2}) ?\2 ?(\d{4})${TIME}$`);
const TWO_DIGIT_YEAR = /^(?:\d{1,2} ?[-/.] ?\d{1,2} ?[-/.] ?\d{2}|\d{2} ?年 ?\d{1,2} ?月 ?\d{1,2} ?[日号號]?|\d{1,2}[- ][a-z]+\.?[- ]\d{2}|[a-z]+\.? \d{1,2},? \d{2})$/i;
const DAY_MONTHNAME_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[ \-/]?([a-z]+)\.?,?[ \-/]?(\d{4})$/i;
const MONTHNAME_DAY_YEAR = /^([a-z]+)\.? ?(\d{1,2})(?:st|nd|rd|th)?,? ?(\d{4})$/i;
const YEAR_MONTHNAME_DAY = /^(\d{4})[ \-/]?([a-z]+)\.?[ \-/]?(\d{1,2})$/i;

/** Checks the parts of a parsed text date and returns its DayNumber, or throws naming the text. */
function dayFromParts(text: string, year: number, month: number, day: number): DayNumber {
  if (month < 1 || month > 12) throw ruleError("date.noSuchMonth", { text, month });
  const monthDays = daysInMonth(year, month);
  if (day < 1 || day > monthDays) throw ruleError("date.noSuchDay", { text, year, month, daysInMonth: monthDays });
  if (year < 1900) throw ruleError("date.outOfRange", { text });
  return daysFromCivil(year, month, day);
}

function monthFromName(text: string, name: string): number {
  const month = MONTHS_BY_NAME[name.toLowerCase()];
  if (month === undefined) throw ruleError("date.notADate", { text });
  return month;
}

/**
 * Reads a date typed as text. Accepts 2026-11-23, 2026/11/23, 2026.11.23, 2026年11月23日,
 * 20261123, 2026-1-5, an ISO date with a time (time ignored), 23 Nov 2026, Nov 23, 2026,
 * November 23 2026, full-width digits. 03/04/2026 is refused unless `order` is "DMY" or "MDY";
 * 13/04/2026 is unambiguous (13 April). Two-digit years are refused.
 * @param text the cell text
 * @param order how to read day/month when both are 12 or less; null refuses such text
 * @returns days since 1899-12-30
 * @throws RuleError naming the text
 * @example formatIso(parseDateText("2026年11月23日", null)) // "2026-11-23"
 */
export function parseDateText(text: string, order: DateOrder | null): DayNumber {
  const clean = normalizeText(text);
  let match: RegExpExecArray | null;
  if ((match = YMD_NUMERIC.exec(clean)) || (match = YMD_CHINESE.exec(clean))) {
    const isChinese = match.length === 4;
    const month = Number(isChinese ? match[2] : match[3]);
    const day = Number(isChinese ? match[3] : match[4]);
    return dayFromParts(text, Number(match[1]), month, day);
  }
  if ((match = YMD_COMPACT.exec(clean))) {
    return dayFromParts(text, Number(match[1]), Number(match[2]), Number(match[3]));
  }
  if ((match = XXY_NUMERIC.exec(clean))) {
    return dayMonthOrMonthDay(text, Number(match[1]), Number(match[3]), Number(match[4]), order);
  }
  if ((match = DAY_MONTHNAME_YEAR.exec(clean))) {
    return dayFromParts(text, Number(match[3]), monthFromName(text, match[2]), Number(match[1]));
  }
  if ((match = MONTHNAME_DAY_YEAR.exec(clean))) {
    return dayFromParts(text, Number(match[3]), monthFromName(text, match[1]), Number(match[2]));
  }
  if ((match = YEAR_MONTHNAME_DAY.exec(clean))) {
    return dayFromParts(text, Number(match[1]), monthFromName(text, match[2]), Number(match[3]));
  }
  if (TWO_DIGIT_YEAR.test(clean)) throw ruleError("date.twoDigitYear", { text });
  throw ruleError("date.notADate", { text });
}

/** nn/nn/yyyy: the order decides only when both parts could be a month. */
function dayMonthOrMonthDay(text: string, first: number, second: number, year: number, order: DateOrder | null): DayNumber {
  if (first > 12 && second <= 12) return dayFromParts(text, year, second, first);
  if (second > 12 && first <= 12) return dayFromParts(text, year, first, second);
  if (first > 12 && second > 12) throw ruleError("date.notADate", { text });
  if (first === second || order === "DMY") return dayFromParts(text, year, second, first);
  if (order === "MDY") return dayFromParts(text, year, first, second);
  throw ruleError("date.ambiguous", { text, first, second, year });
}

/**
 * Any cell value to a DayNumber: a number is an Excel serial, text is parsed, a JS Date (as
 * exceljs gives) is read by its UTC calendar day. Blank, booleans and anything else are refused.
 * @param value the cell value
 * @param system the workbook's date system, for serials
 * @param order day/month order for ambiguous text; null refuses it
 * @returns days since 1899-12-30
 * @throws RuleError naming the value
 * @example coerceDate(" 2026-11-23 ", "1900", null) // 46349; coerceDate(46349, "1900", null) // 46349
 */
export function coerceDate(value: unknown, system: DateSystem, order: DateOrder | null): DayNumber {
  if (typeof value === "number") return fromSerial(value, system);
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed === "") throw ruleError("date.blank", {});
    return parseDateText(trimmed, order);
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const day = daysFromCivil(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    if (!isValidDay(day)) throw ruleError("date.outOfRange", { text: value.toISOString() });
    return day;
  }
  if (value === null || value === undefined) throw ruleError("date.blank", {});
  if (typeof value === "boolean") throw ruleError("date.wrongType", { value: value ? "TRUE" : "FALSE" });
  throw ruleError("date.unreadable", {});
}

/**
 * A day plus some days.
 * @param dayNumber the start
 * @param days may be negative
 * @returns the later (or earlier) day
 * @example formatIso(addDays(fromYmd(2026, 12, 31), 1)) // "2027-01-01"
 */
export function addDays(dayNumber: DayNumber, days: number): DayNumber {
  return dayNumber + days;
}

/**
 * A day plus whole calendar months, clamped to the end of a shorter month.
 * @param dayNumber the start
 * @param months may be negative
 * @returns the same day of month, or the month's last day
 * @example formatIso(addMonths(fromYmd(2026, 1, 31), 1)) // "2026-02-28"
 */
export function addMonths(dayNumber: DayNumber, months: number): DayNumber {
  const { year, month, day } = toYmd(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return daysFromCivil(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/**
 * A number for the calendar month of a day: year × 12 + month − 1, so consecutive months differ by 1.
 * @param dayNumber the day
 * @returns the month key
 * @example monthKey(fromYmd(2026, 11, 23)) // 24322
 */
export function monthKey(dayNumber: DayNumber): number {
  const { year, month } = toYmd(dayNumber);
  return year * 12 + month - 1;
}

/**
 * Calendar months from one day's month to another's (days of month ignored).
 * @param from the earlier day
 * @param to the later day
 * @returns the difference of their month keys
 * @example monthsBetween(fromYmd(2026, 1, 31), fromYmd(2026, 3, 1)) // 2
 */
export function monthsBetween(from: DayNumber, to: DayNumber): number {
  return monthKey(to) - monthKey(from);
}

/**
 * The calendar date a moment falls on in the local time zone, as a DayNumber (what =TODAY()
 * gives). The moment comes in as an argument: the edges (pane, CLI, custom functions) read the
 * clock, the rules never do.
 * @param moment the instant the edge read from its own clock
 * @returns the day number of its local calendar date
 * @example fromLocalDate(new Date(2026, 10, 23, 23, 59)) // 46349 (2026-11-23)
 */
export function fromLocalDate(moment: Date): DayNumber {
  return fromYmd(moment.getFullYear(), moment.getMonth() + 1, moment.getDate());
}
