/**
 * The management summary sheet (管理报表): the period's measures per currency (POLICY §11), the
 * subtotals by salesperson and by region with their colours (POLICY §14), and the chart of the
 * buckets stacked per currency.
 */
import { fillPlaceholders } from "../../../i18n/fill";
import { managementWords, type MeasureRow } from "../../../i18n/management";
import { formatIso } from "../../../rules/dates";
import type { ManagementReport, PeriodMeasures, Subtotal } from "../../../rules/management-types";
import { moneyNumber } from "../../../rules/money";
import type { Policy } from "../../../rules/policy-types";
import type { Lang } from "../../../rules/types";
import type { PlanCell, PlanFormat, SheetPlan } from "../../plan-types";
import { withChartBlock } from "../chart-block";
import { AMOUNT_FORMAT, PERCENT_FORMAT } from "../formats";
import { percentCell } from "../percent-cells";
import { colourFills, COUNT_FORMAT, DAYS_FORMAT, figureCell, stackSections, type Section } from "./layout";
import { managementSheetName } from "./names";

/** How each measure row is filled from a currency's measures and grand total, and formatted. */
type MeasureCell = (measures: PeriodMeasures, total: Subtotal, scale: number) => PlanCell;
const MEASURE_ROWS: [MeasureRow, MeasureCell, string][] = [
  ["openingReceivables", (m, _t, s) => moneyNumber(m.openingReceivables, s), AMOUNT_FORMAT],
  ["closingReceivables", (m, _t, s) => moneyNumber(m.closingReceivables, s), AMOUNT_FORMAT],
  ["closingCurrent", (m, _t, s) => moneyNumber(m.closingCurrent, s), AMOUNT_FORMAT],
  ["closingOverdue", (m, _t, s) => moneyNumber(m.closingOverdue, s), AMOUNT_FORMAT],
  ["overduePct", (_m, t) => percentCell(t.overduePct), PERCENT_FORMAT],
  ["creditSales", (m, _t, s) => moneyNumber(m.creditSales, s), AMOUNT_FORMAT],
  ["dsoSimple", (m) => figureCell(m.dsoSimple), DAYS_FORMAT],
  ["dsoCountBack", (m) => figureCell(m.dsoCountBack), DAYS_FORMAT],
  ["cei", (m) => percentCell(m.cei), PERCENT_FORMAT],
  ["collected", (m, _t, s) => moneyNumber(m.collected, s), AMOUNT_FORMAT],
  ["dueInPeriod", (m, _t, s) => moneyNumber(m.dueInPeriod, s), AMOUNT_FORMAT],
  ["collectionRate", (m) => percentCell(m.collectionRate), PERCENT_FORMAT],
  ["overdueAtStart", (m, _t, s) => moneyNumber(m.overdueAtStart, s), AMOUNT_FORMAT],
  ["recovered", (m, _t, s) => moneyNumber(m.recovered, s), AMOUNT_FORMAT],
  ["overdueRecoveryRate", (m) => percentCell(m.overdueRecoveryRate), PERCENT_FORMAT],
  ["cashReceived", (m, _t, s) => moneyNumber(m.cashReceived, s), AMOUNT_FORMAT],
  ["billsReceived", (m, _t, s) => moneyNumber(m.billsReceived, s), AMOUNT_FORMAT],
  ["unstatedReceived", (m, _t, s) => moneyNumber(m.unstatedReceived, s), AMOUNT_FORMAT],
  ["cashRatio", (m) => percentCell(m.cashRatio), PERCENT_FORMAT],
  ["provision", (m, _t, s) => moneyNumber(m.provision, s), AMOUNT_FORMAT],
  ["writeOffCandidates", (m) => m.writeOffCandidates, COUNT_FORMAT],
  ["writeOffOutstanding", (m, _t, s) => moneyNumber(m.writeOffOutstanding, s), AMOUNT_FORMAT],
  ["red", (_m, t) => t.colours.red, COUNT_FORMAT],
  ["amber", (_m, t) => t.colours.amber, COUNT_FORMAT],
  ["green", (_m, t) => t.colours.green, COUNT_FORMAT],
];

/** A percentage as shown in a label: "40%". */
function percentText(fraction: string): string {
  return `${Number((Number(fraction) * 100).toFixed(4))}%`;
}

/** The measures table: one row per measure, one column per currency; the cash ratio marked against its target. */
function measuresSection(view: ManagementReport, policy: Policy, lang: Lang): Section {
  const words = managementWords(lang).summary;
  const dates = { opening: formatIso(view.openingDate), asOf: formatIso(view.asOf), target: percentText(policy.rag.cashRatioTarget.toString()) };
  const rows: PlanCell[][] = [[words.measure, ...view.currencies]];
  const formats: PlanFormat[] = [{ row: 0, col: 0, rows: 1, cols: 1 + view.currencies.length, mark: "header", bold: true }];
  MEASURE_ROWS.forEach(([key, cell, numberFormat], index) => {
    rows.push([fillPlaceholders(words.measures[key], dates), ...view.measures.map((measures, c) => cell(measures, view.totals[c], view.scale))]);
    if (view.currencies.length > 0) formats.push({ row: index + 1, col: 1, rows: 1, cols: view.currencies.length, numberFormat });
  });
  const cashRow = 1 + MEASURE_ROWS.findIndex(([key]) => key === "cashRatio");
  view.measures.forEach((measures, c) => {
    if (measures.cashRatioMet !== null) formats.push({ row: cashRow, col: 1 + c, rows: 1, cols: 1, mark: measures.cashRatioMet ? "green" : "red" });
  });
  return { rows, formats };
}

/** A subtotal table (by salesperson or by region) under its title, the colour column filled. */
function subtotalSection(title: string, keyHeader: string, list: readonly Subtotal[], policy: Policy, scale: number, lang: Lang): Section {
  const all = managementWords(lang);
  const words = all.summary;
  const bucketLabels = policy.buckets.labels[lang];
  const header: PlanCell[] = [
    keyHeader, words.currency, words.colour, words.customers, words.outstanding, ...bucketLabels, words.overdue, words.overduePct,
    words.collected, words.dueInPeriod, words.collectionRate, words.flagged, words.provision,
  ];
  const rows: PlanCell[][] = [
    [title],
    header,
    ...list.map((s): PlanCell[] => [
      s.key === "" ? all.nobody : s.key,
      s.currency,
      all.colours[s.colour],
      s.customers,
      moneyNumber(s.outstanding, scale),
      ...bucketLabels.map((_, index) => moneyNumber(s.buckets[index] ?? 0, scale)),
      moneyNumber(s.overdue, scale),
      percentCell(s.overduePct),
      moneyNumber(s.collected, scale),
      moneyNumber(s.dueInPeriod, scale),
      percentCell(s.collectionRate),
      s.flagged,
      moneyNumber(s.provision, scale),
    ]),
  ];
  const n = list.length;
  const after = 5 + bucketLabels.length;
  const formats: PlanFormat[] = [{ row: 0, col: 0, rows: 1, cols: 1, bold: true }, { row: 1, col: 0, rows: 1, cols: header.length, mark: "header", bold: true }];
  if (n > 0) {
    formats.push(
      { row: 2, col: 4, rows: n, cols: 1 + bucketLabels.length + 1, numberFormat: AMOUNT_FORMAT },
      { row: 2, col: after + 1, rows: n, cols: 1, numberFormat: PERCENT_FORMAT },
      { row: 2, col: after + 2, rows: n, cols: 2, numberFormat: AMOUNT_FORMAT },
      { row: 2, col: after + 4, rows: n, cols: 1, numberFormat: PERCENT_FORMAT },
      { row: 2, col: after + 6, rows: n, cols: 1, numberFormat: AMOUNT_FORMAT },
      ...colourFills(list.map((s) => s.colour), 2, 2),
    );
  }
  return { rows, formats };
}

/**
 * The summary sheet: a title, the measures of the period per currency, the subtotals by
 * salesperson and by region, and a stacked bar of each currency's buckets beside them.
 * @param view the manager's view
 * @param policy bucket labels, the cash-ratio target
 * @param lang language of the words
 * @returns the sheet plan
 * @example managementSummaryPlan(view, DEFAULT_POLICY, "zh-CN").values[0][0] // "管理报表：2026-03-01 至 2026-03-31"
 */
export function managementSummaryPlan(view: ManagementReport, policy: Policy, lang: Lang): SheetPlan {
  const all = managementWords(lang);
  const words = all.summary;
  const who = view.salesperson === null ? "" : fillPlaceholders(words.who, { salesperson: view.salesperson });
  const title = fillPlaceholders(words.title, { who, from: formatIso(view.from), asOf: formatIso(view.asOf) });
  const { values, formats } = stackSections([
    { rows: [[title]], formats: [{ row: 0, col: 0, rows: 1, cols: 1, bold: true }] },
    measuresSection(view, policy, lang),
    subtotalSection(words.bySalesperson, words.salesperson, view.bySalesperson, policy, view.scale, lang),
    subtotalSection(words.byRegion, words.region, view.byRegion, policy, view.scale, lang),
  ]);
  const bucketLabels = policy.buckets.labels[lang];
  const plan: SheetPlan = {
    name: managementSheetName("summary", view, lang),
    kind: "management",
    values,
    formats,
    conditionalFormats: [],
    columnWidths: [34, 10, 8, 8, 14, ...bucketLabels.map(() => 13), 14, 10, 14, 14, 10, 12, 14],
    freezeRows: 0,
    freezeCols: 1,
  };
  if (view.totals.length === 0) return plan;
  const block: PlanCell[][] = [
    [words.currency, ...bucketLabels],
    ...view.totals.map((total): PlanCell[] => [total.currency, ...bucketLabels.map((_, index) => moneyNumber(total.buckets[index] ?? 0, view.scale))]),
  ];
  return withChartBlock(plan, block, { type: "barStacked", title: words.chartTitle }, { numberFormat: AMOUNT_FORMAT, categoryWidth: 10, seriesWidth: 13 });
}
