/**
 * The twelve-month DSO trend (seed 002: 滚动DSO; POLICY §11): at each of the twelve month ends up to
 * the as-of date, the receivables an as-of rebuild leaves and the DSO over the twelve months
 * ending there, simple and count-back. The receivables come from receivables-history.ts (one pass
 * for all the dates); this module only picks the dates and does the arithmetic.
 */
import { dsoCountBack, dsoSimple } from "./measures";
import type { DsoPoint, DsoSeries } from "./management-types";
import { add, type Minor } from "./money";
import { monthsBack } from "./period-dates";
import type { CurrencyHistory } from "./receivables-history";
import type { DayNumber } from "./types";

/** Points of the trend. */
export const TREND_POINTS = 12;
/** Months of sales each point's DSO looks back over. */
export const TREND_WINDOW = 12;

/**
 * The dates the history is taken at: the trend's twelve month ends (the last being the as-of date)
 * and, before them, the month ends whose sales the first points look back over; ascending.
 * @param asOf the report date
 * @returns TREND_POINTS + TREND_WINDOW dates, the as-of date last
 * @example trendDates(fromYmd(2026, 3, 31)).map(formatIso).slice(-2) // ["2026-02-28", "2026-03-31"]
 */
export function trendDates(asOf: DayNumber): DayNumber[] {
  const count = TREND_POINTS + TREND_WINDOW;
  return Array.from({ length: count }, (_, index) => monthsBack(asOf, count - 1 - index));
}

/** A Minor as the text measures.ts reads (the ratios do not depend on the scale). */
const units = (amount: Minor): string => amount.toString();

/**
 * The DSO trend of each currency from its receivables history: for each of the last twelve dates,
 * the receivables, the month's credit sales, the twelve months' credit sales, the simple DSO
 * (receivables ÷ those sales × their days) and the count-back DSO (30-day months).
 * @param history from receivablesHistory(ledger, dates, policy)
 * @param dates the dates it was taken at (trendDates: TREND_WINDOW dates before the TREND_POINTS shown)
 * @param currencies the currencies to give a trend, in order
 * @returns one series per currency, oldest point first
 * @example
 * // receivables 212,000.00 at the as-of date; sales of its month 100,000.00, then 80,000.00, 70,000.00, then none
 * dsoTrend(history, dates, ["CNY"])[0].points[11].dsoCountBack?.toFixed(1) // "73.7"
 */
export function dsoTrend(history: ReadonlyMap<string, CurrencyHistory>, dates: readonly DayNumber[], currencies: readonly string[]): DsoSeries[] {
  const first = dates.length - TREND_POINTS;
  return currencies.map((currency) => {
    const found = history.get(currency);
    const points: DsoPoint[] = [];
    for (let index = first; index < dates.length; index++) {
      const receivables = found?.receivables[index] ?? 0;
      // Sales of the twelve months ending at this date, latest first: windows index, index − 1, ….
      const window: Minor[] = [];
      for (let back = index; back > index - TREND_WINDOW; back--) window.push(found?.sales[back] ?? 0);
      let sales12: Minor = 0;
      for (const sales of window) sales12 = add(sales12, sales);
      const days = dates[index] - dates[index - TREND_WINDOW];
      points.push({
        date: dates[index],
        receivables,
        sales: window[0] ?? 0,
        sales12,
        dsoSimple: dsoSimple(units(receivables), units(sales12), days),
        dsoCountBack: dsoCountBack(units(receivables), window.map(units)),
      });
    }
    return { currency, points };
  });
}
