import fc from "fast-check";
import {
  LAST_EXCEL_DAY,
  addDays,
  addMonths,
  coerceDate,
  daysInMonth,
  formatIso,
  fromLocalDate,
  fromSerial,
  fromYmd,
  isLeapYear,
  isValidDay,
  isValidYmd,
  monthKey,
  monthsBetween,
  parseDateText,
  toSerial,
  toYmd,
} from "../../src/rules/dates";
import { RuleError } from "../../src/rules/errors";
import { problemText } from "../../src/i18n/messages";

const NOV_23_2026 = 46349; // Excel shows 46349 for 2026-11-23: 46023 (2026-01-01) + 326

/** The RuleError `run` throws, with its words in English as `message` (what a user of the en pane reads). */
function errorOf(run: () => unknown): { code: string; params: unknown; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleError) return { code: error.code, params: error.params, message: problemText(error, "en") };
    throw error;
  }
  throw new Error("expected a RuleError");
}

describe("fromYmd / toYmd / formatIso", () => {
  test("known days", () => {
    expect(fromYmd(1899, 12, 30)).toBe(0);
    expect(fromYmd(1900, 1, 1)).toBe(2);
    expect(fromYmd(1900, 3, 1)).toBe(61);
    expect(fromYmd(1904, 1, 1)).toBe(1462);
    expect(fromYmd(1970, 1, 1)).toBe(25569);
    expect(fromYmd(2026, 1, 1)).toBe(46023);
    expect(fromYmd(2026, 11, 23)).toBe(NOV_23_2026);
    expect(fromYmd(9999, 12, 31)).toBe(2958465);
    expect(toYmd(NOV_23_2026)).toEqual({ year: 2026, month: 11, day: 23 });
    expect(formatIso(NOV_23_2026)).toBe("2026-11-23");
    expect(formatIso(fromYmd(2026, 1, 5))).toBe("2026-01-05");
  });

  test("29 February: 2024 and 2000 have one, 2026 and 1900 do not", () => {
    expect(formatIso(fromYmd(2024, 2, 29))).toBe("2024-02-29");
    expect(fromYmd(2024, 3, 1) - fromYmd(2024, 2, 28)).toBe(2);
    expect(fromYmd(2026, 3, 1) - fromYmd(2026, 2, 28)).toBe(1);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(isValidYmd(2026, 2, 29)).toBe(false);
    expect(errorOf(() => fromYmd(2026, 2, 29)).message).toBe("2026-2-29 is not a date");
    expect(errorOf(() => fromYmd(2026, 13, 1)).code).toBe("date.ymd");
    expect(() => fromYmd(2026, 1, 1.5)).toThrow(RuleError);
  });

  test("round trip over every year 1900-9999 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const day = Math.min(d, daysInMonth(y, m));
        expect(toYmd(fromYmd(y, m, day))).toEqual({ year: y, month: m, day });
      }),
      { numRuns: 5000 },
    );
  });

  test("consecutive day numbers are consecutive calendar days (property, against Date.UTC)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: LAST_EXCEL_DAY }), (day) => {
        const expected = new Date(Date.UTC(1899, 11, 30) + day * 86400000).toISOString().slice(0, 10);
        expect(formatIso(day)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  test("isValidDay", () => {
    expect(isValidDay(2)).toBe(true);
    expect(isValidDay(1)).toBe(false);
    expect(isValidDay(2958466)).toBe(false);
    expect(isValidDay(100.5)).toBe(false);
    expect(isValidDay("100")).toBe(false);
  });
});

describe("Excel serials", () => {
  test("1900 system: serial 1 = 1900-01-01, 59 = 1900-02-28, 61 = 1900-03-01", () => {
    expect(formatIso(fromSerial(1, "1900"))).toBe("1900-01-01");
    expect(formatIso(fromSerial(59, "1900"))).toBe("1900-02-28");
    expect(formatIso(fromSerial(61, "1900"))).toBe("1900-03-01");
    expect(fromSerial(NOV_23_2026, "1900")).toBe(NOV_23_2026);
  });

  test("1900 system: serial 60 (the fictitious 1900-02-29) is refused", () => {
    const error = errorOf(() => fromSerial(60, "1900"));
    expect(error.code).toBe("serial.fictitious");
    expect(error.message).toBe("serial 60 is 1900-02-29, a day that does not exist (Excel 1900 leap-year bug)");
    expect(() => fromSerial(60.75, "1900")).toThrow(RuleError);
  });

  test("a time of day is ignored", () => {
    expect(fromSerial(46349.999, "1900")).toBe(NOV_23_2026);
    expect(fromSerial(46349.5, "1904")).toBe(NOV_23_2026 + 1462);
  });

  test("out of range and non-numbers are refused", () => {
    expect(errorOf(() => fromSerial(0, "1900")).code).toBe("serial.outOfRange");
    expect(errorOf(() => fromSerial(0.5, "1900")).code).toBe("serial.outOfRange");
    expect(errorOf(() => fromSerial(-1, "1900")).code).toBe("serial.outOfRange");
    expect(errorOf(() => fromSerial(2958466, "1900")).message).toContain("serial 2958466");
    expect(formatIso(fromSerial(2958465.9, "1900"))).toBe("9999-12-31");
    expect(errorOf(() => fromSerial(Number.NaN, "1900")).code).toBe("serial.notANumber");
    expect(errorOf(() => fromSerial(-1, "1904")).code).toBe("serial.outOfRange");
    expect(errorOf(() => fromSerial(2957004, "1904")).code).toBe("serial.outOfRange");
  });

  test("1904 system: serial 0 = 1904-01-01; the same day's serials differ by 1462", () => {
    expect(formatIso(fromSerial(0, "1904"))).toBe("1904-01-01");
    expect(formatIso(fromSerial(2957003, "1904"))).toBe("9999-12-31");
    expect(toSerial(NOV_23_2026, "1900") - toSerial(NOV_23_2026, "1904")).toBe(1462);
    expect(toSerial(fromYmd(1904, 1, 1), "1904")).toBe(0);
  });

  test("toSerial: 1900-02-28 is 59, 1900-03-01 is 61, days Excel cannot show are refused", () => {
    expect(toSerial(fromYmd(1900, 2, 28), "1900")).toBe(59);
    expect(toSerial(fromYmd(1900, 3, 1), "1900")).toBe(61);
    expect(toSerial(fromYmd(1900, 1, 1), "1900")).toBe(1);
    expect(() => toSerial(fromYmd(1899, 12, 31), "1900")).toThrow(RuleError);
    expect(() => toSerial(fromYmd(1903, 12, 31), "1904")).toThrow(RuleError);
  });

  test("toSerial(fromSerial(s)) === s for every valid serial (property)", () => {
    const valid1900 = fc.integer({ min: 1, max: 2958465 }).filter((s) => s !== 60);
    fc.assert(fc.property(valid1900, (s) => toSerial(fromSerial(s, "1900"), "1900") === s), { numRuns: 5000 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 2957003 }), (s) => toSerial(fromSerial(s, "1904"), "1904") === s), {
      numRuns: 5000,
    });
  });
});

describe("parseDateText", () => {
  test.each([
    "2026-11-23",
    "2026/11/23",
    "2026.11.23",
    "2026年11月23日",
    "2026 年 11 月 23 日",
    "２０２６年１１月２３日",
    "２０２６－１１－２３",
    "２０２６／１１／２３",
    "20261123",
    "2026-11-23T10:00",
    "2026-11-23T10:00:00Z",
    "2026-11-23 10:00:00",
    "23 Nov 2026",
    "23-Nov-2026",
    "Nov 23, 2026",
    "November 23 2026",
    "november 23, 2026",
    "  2026-11-23  ",
  ])("%s is 2026-11-23", (text) => {
    expect(formatIso(parseDateText(text, null))).toBe("2026-11-23");
  });

  test("single-digit month and day", () => {
    expect(formatIso(parseDateText("2026-1-5", null))).toBe("2026-01-05");
    expect(formatIso(parseDateText("2026年1月5日", null))).toBe("2026-01-05");
  });

  test("03/04/2026 is ambiguous without an order, 3 April with DMY, 4 March with MDY", () => {
    const error = errorOf(() => parseDateText("03/04/2026", null));
    expect(error.code).toBe("date.ambiguous");
    expect(error.message).toContain('"03/04/2026"');
    expect(() => parseDateText("03-04-2026", null)).toThrow(RuleError);
    expect(() => parseDateText("03/04/2026", "YMD")).toThrow(RuleError);
    expect(formatIso(parseDateText("03/04/2026", "DMY"))).toBe("2026-04-03");
    expect(formatIso(parseDateText("03-04-2026", "MDY"))).toBe("2026-03-04");
  });

  test("one part over 12 is unambiguous whatever the order", () => {
    expect(formatIso(parseDateText("13/04/2026", null))).toBe("2026-04-13");
    expect(formatIso(parseDateText("13/04/2026", "MDY"))).toBe("2026-04-13");
    expect(formatIso(parseDateText("04/13/2026", "DMY"))).toBe("2026-04-13");
    expect(formatIso(parseDateText("05/05/2026", null))).toBe("2026-05-05");
    expect(() => parseDateText("13/14/2026", "DMY")).toThrow(RuleError);
  });

  test("two-digit years are refused", () => {
    expect(errorOf(() => parseDateText("03/04/26", "DMY")).code).toBe("date.twoDigitYear");
    expect(errorOf(() => parseDateText("23-Nov-26", null)).code).toBe("date.twoDigitYear");
    expect(errorOf(() => parseDateText("26年11月23日", null)).code).toBe("date.twoDigitYear");
  });

  test("dates that do not exist are refused, naming the text", () => {
    expect(errorOf(() => parseDateText("2026-13-01", null)).message).toBe('"2026-13-01" is not a date: there is no month 13');
    expect(errorOf(() => parseDateText("2026-02-29", null)).message).toBe('"2026-02-29" is not a date: February 2026 has 28 days');
    expect(errorOf(() => parseDateText("2026-04-31", null)).message).toBe('"2026-04-31" is not a date: April 2026 has 30 days');
    expect(formatIso(parseDateText("2024-02-29", null))).toBe("2024-02-29");
    expect(errorOf(() => parseDateText("20260230", null)).code).toBe("date.noSuchDay");
  });

  test("text that is not a date, including formulas and markup, is refused and quoted", () => {
    expect(errorOf(() => parseDateText("soon", null)).message).toBe('"soon" is not a date');
    expect(errorOf(() => parseDateText('=HYPERLINK("http://x","y")', null)).code).toBe("date.notADate");
    expect(errorOf(() => parseDateText("<img src=x onerror=alert(1)>", null)).code).toBe("date.notADate");
    expect(errorOf(() => parseDateText("23 Foo 2026", null)).code).toBe("date.notADate");
    expect(errorOf(() => parseDateText("1899-12-31", null)).code).toBe("date.outOfRange");
    expect(errorOf(() => parseDateText("x".repeat(500), null)).message.length).toBeLessThan(100);
  });
});

describe("coerceDate", () => {
  test("a number is a serial, text is parsed (trimmed)", () => {
    expect(coerceDate(NOV_23_2026, "1900", null)).toBe(NOV_23_2026);
    expect(coerceDate(NOV_23_2026 - 1462, "1904", null)).toBe(NOV_23_2026);
    expect(coerceDate(" 2026-11-23 ", "1900", null)).toBe(NOV_23_2026);
    expect(coerceDate("23/11/2026", "1900", null)).toBe(NOV_23_2026);
    expect(coerceDate(new Date(Date.UTC(2026, 10, 23)), "1900", null)).toBe(NOV_23_2026);
  });

  test("blank, null and booleans are refused", () => {
    expect(errorOf(() => coerceDate("", "1900", null)).code).toBe("date.blank");
    expect(errorOf(() => coerceDate("   ", "1900", null)).code).toBe("date.blank");
    expect(errorOf(() => coerceDate(null, "1900", null)).code).toBe("date.blank");
    expect(errorOf(() => coerceDate(undefined, "1900", null)).code).toBe("date.blank");
    expect(errorOf(() => coerceDate(true, "1900", null)).message).toBe("TRUE is not a date");
    expect(errorOf(() => coerceDate({ error: "#N/A" }, "1900", null)).code).toBe("date.unreadable");
    expect(errorOf(() => coerceDate(60, "1900", null)).code).toBe("serial.fictitious");
  });
});

describe("calendar arithmetic", () => {
  test("addDays crosses years", () => {
    expect(formatIso(addDays(fromYmd(2026, 12, 31), 1))).toBe("2027-01-01");
    expect(formatIso(addDays(fromYmd(2024, 2, 28), 1))).toBe("2024-02-29");
  });

  test("addMonths clamps to the month end", () => {
    expect(formatIso(addMonths(fromYmd(2026, 1, 31), 1))).toBe("2026-02-28");
    expect(formatIso(addMonths(fromYmd(2024, 1, 31), 1))).toBe("2024-02-29");
    expect(formatIso(addMonths(fromYmd(2026, 3, 31), -1))).toBe("2026-02-28");
    expect(formatIso(addMonths(fromYmd(2026, 11, 23), -12))).toBe("2025-11-23");
    expect(formatIso(addMonths(fromYmd(2026, 1, 15), -3))).toBe("2025-10-15");
    expect(formatIso(addMonths(fromYmd(2026, 5, 10), 20))).toBe("2028-01-10");
  });

  test("monthKey and monthsBetween", () => {
    expect(monthKey(fromYmd(2026, 11, 23))).toBe(2026 * 12 + 10);
    expect(monthKey(fromYmd(2027, 1, 1)) - monthKey(fromYmd(2026, 12, 31))).toBe(1);
    expect(monthsBetween(fromYmd(2026, 1, 31), fromYmd(2026, 3, 1))).toBe(2);
    expect(monthsBetween(fromYmd(2026, 3, 1), fromYmd(2026, 1, 31))).toBe(-2);
  });
});

describe("fromLocalDate", () => {
  test("takes the local calendar date of a moment, whatever its time of day", () => {
    expect(fromLocalDate(new Date(2026, 10, 23, 0, 0))).toBe(46349);
    expect(fromLocalDate(new Date(2026, 10, 23, 23, 59, 59, 999))).toBe(46349);
    expect(formatIso(fromLocalDate(new Date(2024, 1, 29, 12)))).toBe("2024-02-29");
    expect(formatIso(fromLocalDate(new Date(2026, 11, 31, 23, 30)))).toBe("2026-12-31");
  });

  test("does not change the moment it reads", () => {
    const moment = new Date(2026, 10, 23, 9, 30);
    fromLocalDate(moment);
    expect(moment.getTime()).toBe(new Date(2026, 10, 23, 9, 30).getTime());
  });
});
