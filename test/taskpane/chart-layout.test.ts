/**
 * The pane's chart layout, by hand: round scales, stacked segments as long as their values (and
 * negative ones to the left of 0), lines with gaps, numbers as the sheets' formats show them,
 * labels cut to their room.
 */
import { clusteredBars, fitLabel, formatNumber, lines, niceScale, stackedBars } from "../../src/taskpane/chart-layout";

describe("niceScale", () => {
  test("round steps from 0: 105,000 → 0–125,000 by 25,000; 400 → 0–400 by 100; nothing → 0–1", () => {
    expect(niceScale(0, 105000)).toEqual({ min: 0, max: 125000, ticks: [0, 25000, 50000, 75000, 100000, 125000] });
    expect(niceScale(0, 400)).toEqual({ min: 0, max: 400, ticks: [0, 100, 200, 300, 400] });
    expect(niceScale(0, 0)).toEqual({ min: 0, max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  });

  test("a negative low end takes the scale below 0: −30 to 70 → −40 to 80 by 20", () => {
    expect(niceScale(-30, 70)).toEqual({ min: -40, max: 80, ticks: [-40, -20, 0, 20, 40, 60, 80] });
  });
});

describe("stackedBars", () => {
  const plot = { left: 100, top: 20, width: 200, height: 40 };

  test("each segment is as long as its value: 300 and 100 on a 0–400 scale 200 wide are 150 and 50", () => {
    const { scale, segments } = stackedBars({ categories: ["甲", "乙"], series: [{ name: "x", values: [300, 100] }, { name: "y", values: [100, 0] }] }, plot);
    expect(scale.max).toBe(400);
    expect(segments.map(({ category, series, x, width }) => [category, series, x, width])).toEqual([
      [0, 0, 100, 150],
      [0, 1, 250, 50],
      [1, 0, 100, 50],
    ]);
    // Two rows of 20: each bar 60 % of its row, starting 20 % down.
    expect(segments.map((segment) => [segment.y, segment.height])).toEqual([[24, 12], [24, 12], [44, 12]]);
  });

  test("a negative value runs left from 0 and a blank draws nothing", () => {
    const { scale, segments } = stackedBars({ categories: ["A"], series: [{ name: "x", values: [60] }, { name: "credit", values: [-20] }, { name: "z", values: [null] }] }, plot);
    // Scale −20..60 → −20 to 60 by 20 (rough 16 → step 20): 0 sits at 100 + 20/80 × 200 = 150.
    expect([scale.min, scale.max]).toEqual([-20, 60]);
    expect(segments.map(({ series, x, width }) => [series, x, width])).toEqual([[0, 150, 150], [1, 100, 50]]);
  });
});

describe("clusteredBars", () => {
  test("series side by side from 0: 300, 100 and −100 on a −100–300 scale 200 wide, 0 at 150", () => {
    const plot = { left: 100, top: 20, width: 200, height: 40 };
    const { scale, segments } = clusteredBars({ categories: ["CNY", "USD"], series: [{ name: "a", values: [300, -100] }, { name: "b", values: [100, null] }] }, plot);
    // Span 400 in about 5 steps: rough 80 → step 100, so −100 to 300; 1 unit per 2 of value.
    expect([scale.min, scale.max]).toEqual([-100, 300]);
    // Rows of 20: the two bars share 80 % of it (8 each) from 2 down; USD's blank b draws nothing.
    expect(segments.map(({ category, series, x, y, width, height }) => [category, series, x, y, width, height])).toEqual([
      [0, 0, 150, 22, 150, 8],
      [0, 1, 150, 30, 50, 8],
      [1, 0, 100, 42, 50, 8],
    ]);
  });
});

describe("lines", () => {
  test("points evenly across, values up the scale; a blank leaves a gap", () => {
    const { scale, lines: shapes } = lines({ categories: ["a", "b", "c"], series: [{ name: "CNY", values: [10, null, 30] }] }, { left: 40, top: 10, width: 264, height: 120 });
    expect(scale.max).toBe(30);
    // y = 10 + 120 − value/30 × 120: 10 → 90, 30 → 10; x = 40 + index × 132.
    expect(shapes[0].points.map(({ x, y }) => [x, y])).toEqual([[40, 90], [304, 10]]);
    expect(shapes[0].path).toBe("M40 90M304 10");
  });
});

describe("formatNumber and fitLabel", () => {
  test("the sheets' formats: grouping, decimals, percent", () => {
    expect([formatNumber(30000, "#,##0.00"), formatNumber(-1234.5, "#,##0.00"), formatNumber(100.2, "0.0"), formatNumber(0.825, "0.0%"), formatNumber(125000, "#,##0"), formatNumber(3.5, undefined)]).toEqual([
      "30,000.00", "-1,234.50", "100.2", "82.5%", "125,000", "3.5",
    ]);
  });

  test("labels cut with … where they do not fit; Chinese counts two a character", () => {
    expect([fitLabel("Alpha Trading Co", 8), fitLabel("甲公司", 6), fitLabel("华东电子科技有限公司", 8)]).toEqual(["Alpha T…", "甲公司", "华东电…"]);
  });
});
