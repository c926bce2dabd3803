/**
 * A chart beside a table: its data block placed right of the table after one blank column, the
 * block's header and number formats, and the chart anchored below the block. Every generated
 * chart is drawn from such a block, so the figures it shows are on the sheet too.
 */
import type { PlanCell, PlanChart, SheetPlan } from "../plan-types";

/** How a chart's block looks. */
export interface ChartBlockStyle {
  /** Number format of the block's values. */
  numberFormat: string;
  /** Width of the category column and of each series column, in characters. */
  categoryWidth: number;
  seriesWidth: number;
}

/**
 * The plan with a data block right of its table (after one blank column) and a chart over it,
 * below the block. The block's first row names the series, its first column the categories.
 * @param plan the table (every row as wide as the header)
 * @param block the data block, header row first (at least one category row)
 * @param chart the chart's kind and title
 * @param style number format and column widths of the block
 * @returns a new plan
 * @example withChartBlock(plan, [["月末", "CNY"], ["2026-03-31", 100.2]], { type: "line", title: "DSO" }, style).chart // { type: "line", dataCol: plan width + 1, dataRows: 2, dataCols: 2, anchorRow: 3, … }
 */
export function withChartBlock(plan: SheetPlan, block: PlanCell[][], chart: Pick<PlanChart, "type" | "title">, style: ChartBlockStyle): SheetPlan {
  const dataCol = plan.values[0].length + 1;
  const blockWidth = block[0].length;
  const height = Math.max(plan.values.length, block.length);
  const values: PlanCell[][] = [];
  for (let row = 0; row < height; row += 1) {
    const left = plan.values[row] ?? [];
    const padded = [...left, ...new Array<PlanCell>(dataCol - left.length).fill(null)];
    values.push([...padded, ...(block[row] ?? new Array<PlanCell>(blockWidth).fill(null))]);
  }
  const spacerWidths = new Array<number>(Math.max(0, dataCol - plan.columnWidths.length)).fill(3);
  return {
    ...plan,
    values,
    formats: [
      ...plan.formats,
      { row: 0, col: dataCol, rows: 1, cols: blockWidth, mark: "header", bold: true },
      { row: 1, col: dataCol + 1, rows: block.length - 1, cols: blockWidth - 1, numberFormat: style.numberFormat },
    ],
    columnWidths: [...plan.columnWidths, ...spacerWidths, style.categoryWidth, ...new Array<number>(blockWidth - 1).fill(style.seriesWidth)],
    chart: { ...chart, dataRow: 0, dataCol, dataRows: block.length, dataCols: blockWidth, anchorRow: block.length + 1, anchorCol: dataCol },
  };
}
