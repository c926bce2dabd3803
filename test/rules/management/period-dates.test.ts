/** Months back from the as-of date, the default period and a period's length in months. */
import { formatIso, fromYmd } from "../../../src/rules/dates";
import { defaultPeriodStart, monthsBack, periodMonths } from "../../../src/rules/period-dates";

describe("monthsBack", () => {
  test("a month end stays a month end: 2026-02-28 → 2026-01-31, 2025-12-31, 2025-11-30", () => {
    expect([1, 2, 3].map((months) => formatIso(monthsBack(fromYmd(2026, 2, 28), months)))).toEqual(["2026-01-31", "2025-12-31", "2025-11-30"]);
  });

  test("another day keeps its day of month, clamped: 2026-03-15 → 2026-02-15; 2026-03-30 → 2026-02-28; 0 months → itself", () => {
    expect(formatIso(monthsBack(fromYmd(2026, 3, 15), 1))).toBe("2026-02-15");
    expect(formatIso(monthsBack(fromYmd(2026, 3, 30), 1))).toBe("2026-02-28");
    expect(formatIso(monthsBack(fromYmd(2026, 3, 30), 0))).toBe("2026-03-30");
  });
});

describe("defaultPeriodStart", () => {
  test("a month end gives its calendar month; another day the month after the same day a month earlier", () => {
    expect(formatIso(defaultPeriodStart(fromYmd(2026, 3, 31)))).toBe("2026-03-01");
    expect(formatIso(defaultPeriodStart(fromYmd(2026, 2, 28)))).toBe("2026-02-01");
    expect(formatIso(defaultPeriodStart(fromYmd(2026, 3, 15)))).toBe("2026-02-16");
  });
});

describe("periodMonths", () => {
  test("whole months: March = 1; January to March = 3; a year = 12", () => {
    expect(periodMonths(fromYmd(2026, 3, 1), fromYmd(2026, 3, 31)).toString()).toBe("1");
    expect(periodMonths(fromYmd(2026, 1, 1), fromYmd(2026, 3, 31)).toString()).toBe("3");
    expect(periodMonths(fromYmd(2025, 4, 1), fromYmd(2026, 3, 31)).toString()).toBe("12");
  });

  test("a part month by its share of the month back from the as-of date: 2026-03-01 to 03-15 → 15 of 28 days", () => {
    expect(periodMonths(fromYmd(2026, 3, 1), fromYmd(2026, 3, 15)).toFixed(6)).toBe((15 / 28).toFixed(6));
  });

  test("a month and a part: 2026-01-20 to 2026-03-15 → 1 + 27/31 (02-16 to 03-15 whole; 01-20 to 02-15 is 27 of the 31 days after 01-15)", () => {
    expect(periodMonths(fromYmd(2026, 1, 20), fromYmd(2026, 3, 15)).toFixed(6)).toBe((1 + 27 / 31).toFixed(6));
  });
});
