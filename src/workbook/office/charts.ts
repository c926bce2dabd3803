/**
 * A plan's chart as a native Excel chart on its sheet: drawn from the plan's data block (series
 * by columns — the first row names them, the first column holds the categories), titled,
 * placed below the block, sized to its categories, the value axis in the block's number format.
 * Only queued here: it travels in the same sync as the sheet's other small operations.
 */
import { axisNumberFormat, cellNumberFormat } from "../plans/chart-data";
import type { PlanChart, SheetPlan } from "../plan-types";

/** What the host's API can do beyond ExcelApi 1.1 (axis number formats 1.8, plotting order 1.7). */
export interface ChartFeatures {
  axisNumberFormat: boolean;
  reverseCategories: boolean;
}

/** The slice of the `Office` namespace that tells the API version. */
interface OfficeRequirements {
  context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } };
}

/** Calls a chart costs in a request, for packing it with the sheet's other operations. */
export const CHART_OPERATIONS = 9;

/** Excel's chart types for the plan's kinds: the line with markers, so a month between two gaps still shows. */
const EXCEL_TYPES: Record<PlanChart["type"], "BarStacked" | "BarClustered" | "LineMarkers"> = { barStacked: "BarStacked", bar: "BarClustered", line: "LineMarkers" };

/**
 * What the running Excel supports, asked of `Office.context.requirements`; where nothing can be
 * asked (the stand-in in unit tests), everything is taken as supported.
 * @param office the Office namespace (the global one by default)
 * @returns the features
 * @example chartFeatures({ context: { requirements: { isSetSupported: (_, v) => v === "1.7" } } }) // { axisNumberFormat: false, reverseCategories: true }
 */
export function chartFeatures(office: OfficeRequirements | undefined = (globalThis as { Office?: OfficeRequirements }).Office): ChartFeatures {
  const requirements = office?.context?.requirements;
  const supports = (version: string): boolean => requirements === undefined || requirements.isSetSupported("ExcelApi", version);
  return { axisNumberFormat: supports("1.8"), reverseCategories: supports("1.7") };
}

/**
 * The chart's size in points: 480 wide; a bar chart 18 points per category over 180 for the
 * title, axis and legend, between 216 (Excel's default) and 432; a line 288.
 * @param chart the plan's chart
 * @returns width and height in points
 * @example chartSize({ type: "barStacked", dataRows: 11, … }) // { width: 480, height: 360 } — 180 + 10 × 18
 */
export function chartSize(chart: PlanChart): { width: number; height: number } {
  if (chart.type === "line") return { width: 480, height: 288 };
  const categories = Math.max(0, chart.dataRows - 1);
  return { width: 480, height: Math.min(432, Math.max(216, 180 + categories * 18)) };
}

/**
 * Queues the plan's chart on its sheet; nothing when the plan has none. A bar chart lists its
 * categories top-down in the block's order (Excel draws the first category at the bottom unless
 * the category axis is reversed).
 * @param sheet the sheet the plan is written on
 * @param plan the plan
 * @param features what the host supports
 * @example queueChart(sheet, managementDsoPlan(view, "en"), chartFeatures()); await context.sync();
 */
export function queueChart(sheet: Excel.Worksheet, plan: Pick<SheetPlan, "chart" | "formats">, features: ChartFeatures): void {
  const chart = plan.chart;
  if (chart === undefined) return;
  const source = sheet.getRangeByIndexes(chart.dataRow, chart.dataCol, chart.dataRows, chart.dataCols);
  const added = sheet.charts.add(EXCEL_TYPES[chart.type], source, "Columns");
  added.title.text = chart.title;
  added.legend.position = "Bottom";
  added.setPosition(sheet.getRangeByIndexes(chart.anchorRow, chart.anchorCol, 1, 1));
  const size = chartSize(chart);
  added.width = size.width;
  added.height = size.height;
  if (features.axisNumberFormat) {
    added.axes.valueAxis.numberFormat = axisNumberFormat(cellNumberFormat(plan, chart.dataRow + 1, chart.dataCol + 1));
  }
  if (features.reverseCategories && chart.type !== "line") added.axes.categoryAxis.reversePlotOrder = true;
}
