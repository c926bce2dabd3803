/**
 * The aging summary sheet: one row per customer and currency, one totals row per currency, bucket
 * colours as conditional formats and the chart of the largest customers (aging-chart.ts).
 */
import { fillPlaceholders } from "../../i18n/fill";
import { labelsFor } from "../../i18n/labels";
import { moneyNumber } from "../../rules/money";
import type { Policy } from "../../rules/policy-types";
import type { CustomerReport, Lang, Report } from "../../rules/types";
import type { Mark, PlanCell, PlanConditionalFormat, PlanFormat, SheetPlan } from "../plan-types";
import { withChart } from "./aging-chart";
import { currenciesOf, currencyTotals } from "./currencies";
import { AMOUNT_FORMAT, columnFormats, headerFormat, PERCENT_FORMAT } from "./formats";
import { gradeText, reasonsTexts, salespersonOf, stageLabel } from "./labels";
import { percentCell, shareCell } from "./percent-cells";
import { sheetName } from "./sheet-names";

/**
 * Colour of a bucket column: the first (not due) green, the last two red, the ones between amber.
 * @param index bucket index from the policy
 * @param bucketCount number of policy buckets
 * @returns the mark for its conditional format
 * @example [0, 1, 2, 3, 4].map((i) => bucketMark(i, 5)) // ["green", "amber", "amber", "red", "red"]
 */
export function bucketMark(index: number, bucketCount: number): Mark {
  if (index === 0) return "green";
  if (index >= bucketCount - 2) return "red";
  return "amber";
}

/**
 * Column positions of the aging summary for a policy with `bucketCount` buckets.
 * @param bucketCount number of policy buckets
 * @returns column indexes (0-based) by field, `buckets` being the first bucket column
 * @example agingColumns(5).overdue // 11
 */
export function agingColumns(bucketCount: number) {
  const after = 6 + bucketCount;
  return {
    customer: 0,
    currency: 1,
    salesperson: 2,
    grade: 3,
    effectiveLimit: 4,
    outstanding: 5,
    buckets: 6,
    overdue: after,
    overduePct: after + 1,
    interest: after + 2,
    unappliedCredit: after + 3,
    excess: after + 4,
    limitUsedPct: after + 5,
    stopShipping: after + 6,
    reasons: after + 7,
    stage: after + 8,
    count: after + 9,
  };
}

/** The localized header row around the policy's bucket labels. */
function headerRow(bucketLabels: string[], lang: Lang): PlanCell[] {
  const headers = labelsFor(lang).aging;
  return [
    headers.customer,
    headers.currency,
    headers.salesperson,
    headers.grade,
    headers.effectiveLimit,
    headers.outstanding,
    ...bucketLabels,
    headers.overdue,
    headers.overduePct,
    headers.interest,
    headers.unappliedCredit,
    headers.excess,
    headers.limitUsedPct,
    headers.stopShipping,
    headers.reasons,
    headers.stage,
  ];
}

/**
 * The totals row of one currency. Each total is the exact sum rounded once to the fen, not the
 * sum of the rounded figures above it: at a scale finer than the fen the two may differ by a fen.
 */
function totalsRow(customers: CustomerReport[], currency: string, bucketCount: number, scale: number, lang: Lang): PlanCell[] {
  const totals = currencyTotals(customers, currency, bucketCount);
  return [
    fillPlaceholders(labelsFor(lang).totalRow, { currency }),
    currency,
    null,
    null,
    null,
    moneyNumber(totals.outstanding, scale),
    ...totals.buckets.map((bucket) => moneyNumber(bucket, scale)),
    moneyNumber(totals.overdue, scale),
    shareCell(totals.overdue, totals.outstanding),
    moneyNumber(totals.interest, scale),
    moneyNumber(totals.unappliedCredit, scale),
    moneyNumber(totals.excess, scale),
    null,
    null,
    null,
    null,
  ];
}

/**
 * The aging summary: one row per customer and currency, then one totals row per currency
 * (currencies are never added together), bucket colours as conditional formats, and a stacked
 * bar chart of the buckets of the top 10 customers (policy currency first) whose data block
 * sits to the right of the table after one blank column. Amounts are shown to the fen.
 * @param report the report
 * @param policy the policy (bucket and stage labels, thresholds)
 * @param lang language of headers and words
 * @returns the sheet plan
 * @example agingPlan(report, DEFAULT_POLICY, "zh-CN").values[0][0] // "客户"
 */
export function agingPlan(report: Report, policy: Policy, lang: Lang): SheetPlan {
  const words = labelsFor(lang);
  const scale = report.scale;
  const bucketLabels = policy.buckets.labels[lang];
  const bucketCount = bucketLabels.length;
  const columns = agingColumns(bucketCount);
  const currencies = currenciesOf(report.customers, policy);
  const ordered = currencies.flatMap((currency) => report.customers.filter((customer) => customer.currency === currency));
  const reasonsOf = reasonsTexts(policy, lang);

  const customerRows: PlanCell[][] = ordered.map((customer) => [
    customer.customer,
    customer.currency,
    salespersonOf(customer),
    gradeText(customer, lang),
    moneyNumber(customer.effectiveLimit, scale),
    moneyNumber(customer.outstanding, scale),
    ...bucketLabels.map((_, index) => moneyNumber(customer.buckets[index] ?? 0, scale)),
    moneyNumber(customer.overdue, scale),
    shareCell(customer.overdue, customer.outstanding),
    moneyNumber(customer.interest, scale),
    moneyNumber(customer.unappliedCredit, scale),
    moneyNumber(customer.excess, scale),
    percentCell(customer.limitUsedPct),
    customer.stopShipping ? words.yes : words.no,
    reasonsOf(customer.reasons),
    stageLabel(customer.stage, policy, lang),
  ]);
  const totalRows = currencies.map((currency) => totalsRow(report.customers, currency, bucketCount, scale, lang));

  const dataRows = customerRows.length + totalRows.length;
  const amountColumns = [
    columns.effectiveLimit,
    columns.outstanding,
    ...bucketLabels.map((_, index) => columns.buckets + index),
    columns.overdue,
    columns.interest,
    columns.unappliedCredit,
    columns.excess,
  ];
  const formats: PlanFormat[] = [
    headerFormat(columns.count),
    ...columnFormats(amountColumns, AMOUNT_FORMAT, dataRows),
    ...columnFormats([columns.overduePct, columns.limitUsedPct], PERCENT_FORMAT, dataRows),
  ];
  if (totalRows.length > 0) {
    formats.push({ row: 1 + customerRows.length, col: 0, rows: totalRows.length, cols: columns.count, mark: "total", bold: true });
  }
  const conditionalFormats: PlanConditionalFormat[] =
    customerRows.length === 0
      ? []
      : bucketLabels.map((_, index) => ({
          row: 1,
          col: columns.buckets + index,
          rows: customerRows.length,
          cols: 1,
          mark: bucketMark(index, bucketCount),
          greaterThan: 0,
        }));

  const table: SheetPlan = {
    name: sheetName("aging", report.asOf, lang),
    kind: "aging",
    values: [headerRow(bucketLabels, lang), ...customerRows, ...totalRows],
    formats,
    conditionalFormats,
    columnWidths: [24, 8, 12, 14, 14, 14, ...bucketLabels.map(() => 13), 14, 10, 12, 14, 14, 12, 10, 36, 16],
    freezeRows: 1,
    freezeCols: 1,
  };
  if (currencies.length === 0) return table;
  return withChart(table, { customers: report.customers, currency: currencies[0], bucketLabels, scale }, lang);
}
