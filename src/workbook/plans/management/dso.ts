/**
 * The DSO trend sheet (DSO趋势, seed 002 滚动DSO): the twelve month-end rebuilds with their
 * receivables, sales and DSO per currency, and a line chart of the count-back DSO per currency.
 */
import { fillPlaceholders } from "../../../i18n/fill";
import { managementWords } from "../../../i18n/management";
import { formatIso } from "../../../rules/dates";
import type { ManagementReport } from "../../../rules/management-types";
import { moneyNumber } from "../../../rules/money";
import type { Lang } from "../../../rules/types";
import type { PlanCell, PlanFormat, SheetPlan } from "../../plan-types";
import { withChartBlock } from "../chart-block";
import { AMOUNT_FORMAT, DATE_FORMAT, headerFormat } from "../formats";
import { DAYS_FORMAT, figureCell } from "./layout";
import { managementSheetName } from "./names";

/** Columns per currency: receivables, month's sales, twelve months' sales, DSO simple, DSO count-back. */
const PER_CURRENCY = 5;

/**
 * The DSO trend: one row per month end (a date cell), five columns per currency, and a line of
 * the count-back DSO of each currency drawn from a block of ISO dates beside the table.
 * @param view the manager's view
 * @param lang language of the words
 * @returns the sheet plan
 * @example managementDsoPlan(view, "zh-CN").values[12][0] // 46112 (2026-03-31 as a serial)
 */
export function managementDsoPlan(view: ManagementReport, lang: Lang): SheetPlan {
  const words = managementWords(lang).dso;
  const header: PlanCell[] = [words.date];
  for (const series of view.dso) {
    const currency = { currency: series.currency };
    header.push(
      fillPlaceholders(words.receivables, currency),
      fillPlaceholders(words.sales, currency),
      fillPlaceholders(words.sales12, currency),
      fillPlaceholders(words.dsoSimple, currency),
      fillPlaceholders(words.dsoCountBack, currency),
    );
  }
  const dates = view.dso[0]?.points.map((point) => point.date) ?? [];
  const rows = dates.map((date, index): PlanCell[] => [
    date,
    ...view.dso.flatMap((series): PlanCell[] => {
      const point = series.points[index];
      return [
        moneyNumber(point.receivables, view.scale),
        moneyNumber(point.sales, view.scale),
        moneyNumber(point.sales12, view.scale),
        figureCell(point.dsoSimple),
        figureCell(point.dsoCountBack),
      ];
    }),
  ]);
  const formats: PlanFormat[] = [headerFormat(header.length)];
  if (rows.length > 0) {
    formats.push({ row: 1, col: 0, rows: rows.length, cols: 1, numberFormat: DATE_FORMAT });
    view.dso.forEach((_, c) => {
      const first = 1 + c * PER_CURRENCY;
      formats.push(
        { row: 1, col: first, rows: rows.length, cols: 3, numberFormat: AMOUNT_FORMAT },
        { row: 1, col: first + 3, rows: rows.length, cols: 2, numberFormat: DAYS_FORMAT },
      );
    });
  }
  const plan: SheetPlan = {
    name: managementSheetName("dso", view, lang),
    kind: "management",
    values: [header, ...rows],
    formats,
    conditionalFormats: [],
    columnWidths: [12, ...view.dso.flatMap(() => [16, 16, 18, 14, 16])],
    freezeRows: 1,
    freezeCols: 1,
    dateCols: [0],
  };
  if (rows.length === 0) return plan;
  const block: PlanCell[][] = [
    [words.date, ...view.dso.map((series) => series.currency)],
    ...dates.map((date, index): PlanCell[] => [formatIso(date), ...view.dso.map((series) => figureCell(series.points[index].dsoCountBack))]),
  ];
  return withChartBlock(plan, block, { type: "line", title: words.chartTitle }, { numberFormat: DAYS_FORMAT, categoryWidth: 12, seriesWidth: 10 });
}
