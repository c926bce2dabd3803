/**
 * The aging summary's chart: a stacked bar of the buckets of the largest customers of one
 * currency, drawn from a data block placed right of the table after one blank column.
 */
import { fillPlaceholders } from "../../i18n/fill";
import { labelsFor } from "../../i18n/labels";
import { compare, moneyNumber } from "../../rules/money";
import type { CustomerReport, Lang } from "../../rules/types";
import type { PlanCell, SheetPlan } from "../plan-types";
import { withChartBlock } from "./chart-block";
import { AMOUNT_FORMAT } from "./formats";

/** How many customers the aging chart shows. */
export const CHART_TOP = 10;

/** What the chart is drawn from: the customers and the report's scale, one currency's buckets. */
export interface ChartSource {
  customers: CustomerReport[];
  currency: string;
  bucketLabels: string[];
  /** The report's scale: amounts count units of 10^−scale. */
  scale: number;
}

/**
 * The plan with the chart's data block right of its table (after one blank column) and the chart
 * over it, below the block; the plan itself unchanged when no customer of the currency owes anything.
 * @param plan the aging summary's table (every row as wide as the header)
 * @param source customers, currency, bucket labels and scale
 * @param lang language of the block's header and the title
 * @returns a new plan
 * @example withChart(plan, { customers, currency: "CNY", bucketLabels, scale: 2 }, "en").chart // { type: "barStacked", dataCol: 21, dataRows: 3, … }
 */
export function withChart(plan: SheetPlan, source: ChartSource, lang: Lang): SheetPlan {
  const { customers, currency, bucketLabels, scale } = source;
  const words = labelsFor(lang);
  const top = customers
    .filter((customer) => customer.currency === currency && customer.outstanding > 0)
    .sort((a, b) => compare(b.outstanding, a.outstanding))
    .slice(0, CHART_TOP);
  if (top.length === 0) return plan;
  const block: PlanCell[][] = [
    [words.aging.customer, ...bucketLabels],
    ...top.map((customer): PlanCell[] => [customer.customer, ...bucketLabels.map((_, index) => moneyNumber(customer.buckets[index] ?? 0, scale))]),
  ];
  const title = fillPlaceholders(words.chartTitle, { count: top.length, currency });
  return withChartBlock(plan, block, { type: "barStacked", title }, { numberFormat: AMOUNT_FORMAT, categoryWidth: 24, seriesWidth: 12 });
}
