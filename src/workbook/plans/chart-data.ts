/**
 * A plan's chart as its series: the data block read back out of the plan (first row the series
 * names, first column the category labels) with the block's number format — what the pane draws
 * and what the Office adapter formats the value axis with, so both show the figures of the sheet.
 */
import type { PlanCell, PlanChart, SheetPlan } from "../plan-types";

/** One series of a chart: its name and one value per category (null for a blank cell). */
export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

/** A chart as data: kind, title, category labels, series, the number format of its values. */
export interface ChartData {
  type: PlanChart["type"];
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** The number format of the block's values ("#,##0.00", "0.0"); undefined when the plan sets none. */
  numberFormat: string | undefined;
}

/** A label cell as text ("" for a blank). */
function labelText(cell: PlanCell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell);
}

/** A value cell as a number, null for a blank or anything that is not a finite number. */
function valueNumber(cell: PlanCell | undefined): number | null {
  return typeof cell === "number" && Number.isFinite(cell) ? cell : null;
}

/**
 * The number format a plan gives a cell: the last of its formats covering the cell that sets one.
 * @param plan the plan
 * @param row 0-based row
 * @param col 0-based column
 * @returns the format, or undefined
 * @example cellNumberFormat(plan, 1, plan.chart.dataCol + 1) // "#,##0.00"
 */
export function cellNumberFormat(plan: Pick<SheetPlan, "formats">, row: number, col: number): string | undefined {
  let found: string | undefined;
  for (const format of plan.formats) {
    const covers = row >= format.row && row < format.row + format.rows && col >= format.col && col < format.col + format.cols;
    if (covers && format.numberFormat !== undefined) found = format.numberFormat;
  }
  return found;
}

/**
 * The chart of a plan as series read from its data block.
 * @param plan a plan with a chart
 * @returns the chart's data, or null when the plan has no chart
 * @example chartData(summaryPlan) // { type: "barStacked", title: "各币种账龄分布", categories: ["CNY", "USD"], series: [{ name: "未到期", values: [8000, 1000] }, …], numberFormat: "#,##0.00" }
 */
export function chartData(plan: SheetPlan): ChartData | null {
  const chart = plan.chart;
  if (chart === undefined) return null;
  const block = plan.values.slice(chart.dataRow, chart.dataRow + chart.dataRows).map((row) => row.slice(chart.dataCol, chart.dataCol + chart.dataCols));
  const header = block[0] ?? [];
  const body = block.slice(1);
  const series: ChartSeries[] = [];
  for (let col = 1; col < chart.dataCols; col++) {
    series.push({ name: labelText(header[col]), values: body.map((row) => valueNumber(row[col])) });
  }
  return {
    type: chart.type,
    title: chart.title,
    categories: body.map((row) => labelText(row[0])),
    series,
    numberFormat: cellNumberFormat(plan, chart.dataRow + 1, chart.dataCol + 1),
  };
}

/**
 * The number format of a value axis from the values' format: the same grouping and suffix
 * without decimals, since the ticks fall on round numbers.
 * @param numberFormat the values' format, or undefined
 * @returns the axis format ("General" when there is none)
 * @example axisNumberFormat("#,##0.00") // "#,##0"; axisNumberFormat("0.0") // "0"; axisNumberFormat("0.0%") // "0%"
 */
export function axisNumberFormat(numberFormat: string | undefined): string {
  if (numberFormat === undefined) return "General";
  return numberFormat.replace(/\.0+/g, "");
}
