/**
 * Where the pane's small charts put things: a round-numbered value scale, the segments of stacked
 * bars (each segment as long as its value on the scale), clustered bars side by side, the points and path of each line, labels
 * cut to the room they have, and numbers shown as the sheet's number format shows them. Pure.
 */
import { displayWidth, groupThousands } from "../rules/display";
import type { ChartData } from "../workbook/plans/chart-data";

/** A value axis: from min to max in steps, the ticks included. */
export interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

/** A rectangle of the drawing, in the SVG's units. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One stacked segment: a value of one series in one category. */
export interface BarSegment {
  category: number;
  series: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One point of a line. */
export interface LinePoint {
  category: number;
  value: number;
  x: number;
  y: number;
}

/** A line: its points and its SVG path, broken where a value is missing. */
export interface LineShape {
  series: number;
  points: LinePoint[];
  path: string;
}

/** Steps a scale may take, within one power of ten. */
const STEPS = [1, 2, 2.5, 5, 10];

/**
 * A scale from at most 0 to at least 0 around the values, in round steps, about `ticks` of them.
 * @param low the smallest value drawn
 * @param high the largest value drawn
 * @param ticks about how many steps
 * @returns the scale
 * @example niceScale(0, 105000, 5) // { min: 0, max: 125000, ticks: [0, 25000, 50000, 75000, 100000, 125000] }
 */
export function niceScale(low: number, high: number, ticks = 5): Scale {
  const from = Math.min(0, low);
  // Nothing to draw still gets an axis: 0 to 1.
  const to = Math.max(0, high) === from ? from + 1 : Math.max(0, high);
  const span = to - from;
  const rough = span / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = (STEPS.find((candidate) => candidate * power >= rough) ?? 10) * power;
  const min = Math.floor(from / step) * step;
  const max = Math.max(Math.ceil(to / step) * step, min + step);
  const list: number[] = [];
  for (let index = 0; min + index * step <= max + step / 2; index++) list.push(Number((min + index * step).toPrecision(12)));
  return { min, max, ticks: list };
}

/**
 * Where a value falls along an axis of `length` units starting at `start`.
 * @param value the value
 * @param scale the scale
 * @param start the axis's start
 * @param length the axis's length
 * @returns the position
 * @example along(50, { min: 0, max: 200, ticks: [] }, 100, 200) // 150
 */
export function along(value: number, scale: Scale, start: number, length: number): number {
  return start + ((value - scale.min) / (scale.max - scale.min)) * length;
}

/**
 * The segments of a horizontal stacked bar chart: one bar per category, row by row from the top;
 * positive values stacked rightwards from 0, negative ones leftwards; zero and blank values drawn
 * as nothing.
 * @param data the chart's data
 * @param plot where the bars go (rows share its height equally; a bar takes 60 % of its row)
 * @returns the scale and the segments
 * @example stackedBars({ categories: ["A"], series: [{ name: "x", values: [100] }, { name: "y", values: [100] }], … }, { left: 0, top: 0, width: 200, height: 20 }).segments.map((s) => s.width) // [100, 100] on a 0–200 scale
 */
export function stackedBars(data: Pick<ChartData, "categories" | "series">, plot: Box): { scale: Scale; segments: BarSegment[] } {
  const totals = data.categories.map((_, category) => {
    let positive = 0;
    let negative = 0;
    for (const series of data.series) {
      const value = series.values[category] ?? 0;
      if (value > 0) positive += value;
      else negative += value;
    }
    return { positive, negative };
  });
  const scale = niceScale(Math.min(0, ...totals.map((t) => t.negative)), Math.max(0, ...totals.map((t) => t.positive)));
  const row = plot.height / Math.max(1, data.categories.length);
  const segments: BarSegment[] = [];
  data.categories.forEach((_, category) => {
    let positive = 0;
    let negative = 0;
    data.series.forEach((series, index) => {
      const value = series.values[category] ?? 0;
      if (value === 0) return;
      const start = value > 0 ? positive : negative;
      if (value > 0) positive += value;
      else negative += value;
      const from = along(start, scale, plot.left, plot.width);
      const to = along(start + value, scale, plot.left, plot.width);
      segments.push({ category, series: index, value, x: Math.min(from, to), y: plot.top + row * category + row * 0.2, width: Math.abs(to - from), height: row * 0.6 });
    });
  });
  return { scale, segments };
}

/**
 * The bars of a horizontal clustered bar chart: one row per category, its series side by side
 * within 80 % of the row (from 10 % down), each bar from 0 to its value; blank and zero draw nothing.
 * @param data the chart's data
 * @param plot where the bars go
 * @returns the scale and the bars, as segments
 * @example clusteredBars({ categories: ["A"], series: [{ name: "x", values: [100] }, { name: "y", values: [50] }] }, { left: 0, top: 0, width: 100, height: 20 }).segments.map((s) => [s.y, s.width]) // [[2, 100], [10, 50]]
 */
export function clusteredBars(data: Pick<ChartData, "categories" | "series">, plot: Box): { scale: Scale; segments: BarSegment[] } {
  const values = data.series.flatMap((series) => series.values.filter((value): value is number => value !== null));
  const scale = niceScale(Math.min(0, ...values), Math.max(0, ...values));
  const row = plot.height / Math.max(1, data.categories.length);
  const band = (row * 0.8) / Math.max(1, data.series.length);
  const segments: BarSegment[] = [];
  data.categories.forEach((_, category) => {
    data.series.forEach((series, index) => {
      const value = series.values[category] ?? 0;
      if (value === 0) return;
      const from = along(0, scale, plot.left, plot.width);
      const to = along(value, scale, plot.left, plot.width);
      segments.push({ category, series: index, value, x: Math.min(from, to), y: plot.top + row * category + row * 0.1 + band * index, width: Math.abs(to - from), height: band });
    });
  });
  return { scale, segments };
}

/**
 * The lines of a line chart: categories evenly across the plot (one alone in the middle), values
 * up the scale; a blank value leaves a gap.
 * @param data the chart's data
 * @param plot where the lines go
 * @returns the scale and one shape per series
 * @example lines({ categories: ["a", "b"], series: [{ name: "x", values: [0, 100] }] }, { left: 0, top: 0, width: 100, height: 100 }).lines[0].path // "M0 100L100 0"
 */
export function lines(data: Pick<ChartData, "categories" | "series">, plot: Box): { scale: Scale; lines: LineShape[] } {
  const values = data.series.flatMap((series) => series.values.filter((value): value is number => value !== null));
  const scale = niceScale(Math.min(0, ...values), Math.max(0, ...values), 4);
  const count = data.categories.length;
  const x = (category: number): number => plot.left + (count <= 1 ? plot.width / 2 : (category * plot.width) / (count - 1));
  const shapes = data.series.map((series, index): LineShape => {
    const points: LinePoint[] = [];
    let path = "";
    let drawing = false;
    series.values.forEach((value, category) => {
      if (value === null) {
        drawing = false;
        return;
      }
      const point = { category, value, x: x(category), y: plot.top + plot.height - along(value, scale, 0, plot.height) };
      points.push(point);
      path += `${drawing ? "L" : "M"}${round(point.x)} ${round(point.y)}`;
      drawing = true;
    });
    return { series: index, points, path };
  });
  return { scale, lines: shapes };
}

/** Two decimals are plenty for SVG coordinates. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * A number as an Excel number format of the sheets shows it: its decimals, thousands grouping
 * with ",", a percent sign with "%" (the value a fraction).
 * @param value the number
 * @param numberFormat "#,##0.00", "0.0", "0.0%", or undefined for as it is
 * @returns the text
 * @example formatNumber(30000, "#,##0.00") // "30,000.00"; formatNumber(100.2, "0.0") // "100.2"; formatNumber(0.825, "0.0%") // "82.5%"
 */
export function formatNumber(value: number, numberFormat: string | undefined): string {
  if (numberFormat === undefined || numberFormat === "General") return String(value);
  const decimals = /\.(0+)/.exec(numberFormat)?.[1].length ?? 0;
  const percent = numberFormat.endsWith("%");
  const text = (percent ? value * 100 : value).toFixed(decimals);
  return `${numberFormat.includes(",") ? groupThousands(text) : text}${percent ? "%" : ""}`;
}

/**
 * A label cut to a width, "…" marking the cut; wide (CJK) characters count two.
 * @param label the text
 * @param room the width it may take, in narrow characters
 * @returns the label, or its start and "…"
 * @example fitLabel("Alpha Trading Co", 8) // "Alpha T…"; fitLabel("甲公司", 8) // "甲公司"
 */
export function fitLabel(label: string, room: number): string {
  if (displayWidth(label) <= room) return label;
  let kept = "";
  for (const char of label) {
    if (displayWidth(kept + char) > room - 1) break;
    kept += char;
  }
  return `${kept}…`;
}
