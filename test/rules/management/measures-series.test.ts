/** The DSO trend from a receivables history (measures-series.ts), POLICY §11's count-back example included. */
import { formatIso, fromYmd } from "../../../src/rules/dates";
import { dsoTrend, trendDates } from "../../../src/rules/measures-series";
import type { Minor } from "../../../src/rules/money";
import type { CurrencyHistory } from "../../../src/rules/receivables-history";

describe("trendDates", () => {
  test("24 month ends ascending, the as-of date last: 2024-04-30 … 2026-03-31", () => {
    const dates = trendDates(fromYmd(2026, 3, 31));
    expect(dates).toHaveLength(24);
    expect([formatIso(dates[0]), formatIso(dates[12]), formatIso(dates[23])]).toEqual(["2024-04-30", "2025-04-30", "2026-03-31"]);
  });
});

describe("dsoTrend", () => {
  const dates = trendDates(fromYmd(2026, 3, 31));
  const zeros = (): Minor[] => new Array<Minor>(24).fill(0);

  test("POLICY §11: receivables 212,000 against 100,000 (latest), 80,000, 70,000 → 73.7 days count-back", () => {
    const history: CurrencyHistory = { receivables: zeros(), sales: zeros() };
    history.receivables[23] = 21200000;
    [history.sales[23], history.sales[22], history.sales[21]] = [10000000, 8000000, 7000000];
    const last = dsoTrend(new Map([["CNY", history]]), dates, ["CNY"])[0].points[11];
    expect(last.dsoCountBack?.toFixed(1)).toBe("73.7");
    // Simple: 212,000 ÷ 250,000 × 365 days (2025-03-31 to 2026-03-31) = 309.52
    expect([last.sales12, last.dsoSimple?.toFixed(2)]).toEqual([25000000, "309.52"]);
  });

  test("each point looks back over its own twelve months: the month ending 2025-04-30 counts for all twelve points, the one before it for all but the last", () => {
    const history: CurrencyHistory = { receivables: zeros(), sales: zeros() };
    history.sales[12] = 500;
    const points = dsoTrend(new Map([["CNY", history]]), dates, ["CNY"])[0].points;
    expect(points.map((point) => point.sales12)).toEqual(new Array(12).fill(500));
    history.sales[11] = 700;
    expect(dsoTrend(new Map([["CNY", history]]), dates, ["CNY"])[0].points.map((point) => point.sales12)).toEqual([...new Array(11).fill(1200), 500]);
  });

  test("a currency without history gets twelve empty points", () => {
    const points = dsoTrend(new Map(), dates, ["USD"])[0].points;
    expect([points.length, points[0].receivables, points[0].dsoSimple, points[0].dsoCountBack?.toString()]).toEqual([12, 0, null, "0"]);
  });
});
