/**
 * The customers sheet of the manager's view (客户预警): every customer and currency with its
 * colour and why, its aging, overdue, limit use, the period's collection and its provision —
 * red first — and the chart of the customers with the most overdue.
 */
import { fillPlaceholders } from "../../../i18n/fill";
import { labelsFor } from "../../../i18n/labels";
import { managementWords } from "../../../i18n/management";
import type { Colour, ColourReason, ManagedCustomer, ManagementReport } from "../../../rules/management-types";
import { compare, moneyNumber } from "../../../rules/money";
import type { Policy } from "../../../rules/policy-types";
import type { Lang } from "../../../rules/types";
import type { PlanCell, PlanFormat, SheetPlan } from "../../plan-types";
import { withChartBlock } from "../chart-block";
import { AMOUNT_FORMAT, columnFormats, headerFormat, PERCENT_FORMAT } from "../formats";
import { percentCell, shareCell } from "../percent-cells";
import { colourFills } from "./layout";
import { managementSheetName } from "./names";

/** How many customers the overdue chart shows. */
export const TOP_OVERDUE = 10;
const ORDER: Record<Colour, number> = { red: 0, amber: 1, green: 2 };

/**
 * The words of a customer's colour reasons, the policy's thresholds filled in.
 * @param reasons the reasons
 * @param policy policy.rag
 * @param lang language
 * @returns the reasons joined
 * @example colourReasonsText(["overdueAmber", "limitUsed"], DEFAULT_POLICY, "zh-CN") // "逾期超过30天；额度使用率达80%"
 */
export function colourReasonsText(reasons: readonly ColourReason[], policy: Policy, lang: Lang): string {
  const words = managementWords(lang);
  const values = {
    pct: `${Number(policy.rag.amberLimitUsed.times(100).toFixed(4))}%`,
  };
  return reasons
    .map((reason) =>
      fillPlaceholders(words.colourReasons[reason], { ...values, days: reason === "overdueRed" ? policy.rag.redDaysOverdue : policy.rag.amberDaysOverdue }),
    )
    .join(words.separator);
}

/**
 * Customers in the order the sheet lists them: red, amber, green; within a colour the policy
 * currency first, then the most overdue.
 * @param view the manager's view
 * @returns a new array
 * @example customersByRisk(view).map((c) => c.colour) // ["red", "red", "amber", "amber", "green"]
 */
export function customersByRisk(view: ManagementReport): ManagedCustomer[] {
  const currency = new Map(view.currencies.map((code, index) => [code, index]));
  return [...view.customers].sort(
    (a, b) =>
      ORDER[a.colour] - ORDER[b.colour] ||
      (currency.get(a.report.currency) ?? 0) - (currency.get(b.report.currency) ?? 0) ||
      compare(b.report.overdue, a.report.overdue) ||
      (a.report.customer < b.report.customer ? -1 : a.report.customer > b.report.customer ? 1 : 0),
  );
}

/** The chart's block: the top customers by overdue of the first currency with any, their buckets past "not due". */
function overdueBlock(view: ManagementReport, policy: Policy, lang: Lang): { block: PlanCell[][]; currency: string; count: number } | null {
  const words = managementWords(lang).customers;
  const labels = policy.buckets.labels[lang];
  // On the due-date basis with a first edge of 0, the first bucket is "not due": not part of the overdue.
  const first = policy.agingBasis === "due" && policy.buckets.edges[0] === 0 ? 1 : 0;
  for (const currency of view.currencies) {
    const top = view.customers
      .filter((c) => c.report.currency === currency && c.report.overdue > 0)
      .sort((a, b) => compare(b.report.overdue, a.report.overdue))
      .slice(0, TOP_OVERDUE);
    if (top.length === 0) continue;
    const block: PlanCell[][] = [
      [words.customer, ...labels.slice(first)],
      ...top.map((c): PlanCell[] => [c.report.customer, ...labels.slice(first).map((_, index) => moneyNumber(c.report.buckets[first + index] ?? 0, view.scale))]),
    ];
    return { block, currency, count: top.length };
  }
  return null;
}

/**
 * The customers sheet: one row per customer and currency, red first, the colour cells filled,
 * and a stacked bar of the overdue buckets of the top customers by overdue (policy currency first).
 * @param view the manager's view
 * @param policy bucket labels, thresholds
 * @param lang language of the words
 * @returns the sheet plan
 * @example managementCustomersPlan(view, DEFAULT_POLICY, "en").values[0].slice(0, 5) // ["Customer", "Currency", "Salesperson", "Region", "RAG"]
 */
export function managementCustomersPlan(view: ManagementReport, policy: Policy, lang: Lang): SheetPlan {
  const all = managementWords(lang);
  const words = all.customers;
  const yesNo = labelsFor(lang);
  const bucketLabels = policy.buckets.labels[lang];
  const scale = view.scale;
  const header: PlanCell[] = [
    words.customer, words.currency, words.salesperson, words.region, words.colour, words.reasons, words.outstanding, ...bucketLabels,
    words.overdue, words.overduePct, words.maxDaysOverdue, words.limitUsedPct, words.stopShipping, words.collected, words.dueInPeriod,
    words.collectionRate, words.provision,
  ];
  const ordered = customersByRisk(view);
  const rows = ordered.map((c): PlanCell[] => [
    c.report.customer,
    c.report.currency,
    c.salesperson,
    c.region,
    all.colours[c.colour],
    colourReasonsText(c.colourReasons, policy, lang),
    moneyNumber(c.report.outstanding, scale),
    ...bucketLabels.map((_, index) => moneyNumber(c.report.buckets[index] ?? 0, scale)),
    moneyNumber(c.report.overdue, scale),
    shareCell(c.report.overdue, c.report.outstanding),
    c.report.maxDaysOverdue,
    percentCell(c.report.limitUsedPct),
    c.report.stopShipping ? yesNo.yes : yesNo.no,
    moneyNumber(c.flows.collected, scale),
    moneyNumber(c.flows.dueInPeriod, scale),
    percentCell(c.collectionRate),
    moneyNumber(c.report.provision, scale),
  ]);
  const after = 7 + bucketLabels.length;
  const n = rows.length;
  const formats: PlanFormat[] = [
    headerFormat(header.length),
    ...columnFormats([6, ...bucketLabels.map((_, index) => 7 + index), after, after + 5, after + 6, after + 8], AMOUNT_FORMAT, n),
    ...columnFormats([after + 1, after + 3, after + 7], PERCENT_FORMAT, n),
    ...colourFills(ordered.map((c) => c.colour), 1, 4),
  ];
  const plan: SheetPlan = {
    name: managementSheetName("customers", view, lang),
    kind: "management",
    values: [header, ...rows],
    formats,
    conditionalFormats: [],
    columnWidths: [24, 8, 12, 10, 8, 28, 14, ...bucketLabels.map(() => 13), 14, 10, 10, 10, 10, 14, 14, 10, 14],
    freezeRows: 1,
    freezeCols: 1,
  };
  const chart = overdueBlock(view, policy, lang);
  if (chart === null) return plan;
  const title = fillPlaceholders(words.chartTitle, { count: chart.count, currency: chart.currency });
  return withChartBlock(plan, chart.block, { type: "barStacked", title }, { numberFormat: AMOUNT_FORMAT, categoryWidth: 24, seriesWidth: 12 });
}
