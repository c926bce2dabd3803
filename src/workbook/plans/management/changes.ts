/**
 * The month-over-month sheet (月度对比, POLICY §14): every customer at the opening and the as-of
 * date side by side, those whose overdue grew or whose oldest amount moved to a later bucket
 * first and marked.
 */
import { fillPlaceholders } from "../../../i18n/fill";
import { labelsFor } from "../../../i18n/labels";
import { managementWords } from "../../../i18n/management";
import { formatIso } from "../../../rules/dates";
import type { ManagementReport } from "../../../rules/management-types";
import { moneyNumber, subtract } from "../../../rules/money";
import type { Policy } from "../../../rules/policy-types";
import type { Lang } from "../../../rules/types";
import type { PlanCell, PlanFormat, SheetPlan } from "../../plan-types";
import { AMOUNT_FORMAT, columnFormats, headerFormat } from "../formats";
import { managementSheetName } from "./names";

/**
 * The month-over-month sheet: outstanding, overdue and oldest bucket at both dates, the change in
 * overdue, and yes/no for "overdue grew" and "worse bucket"; the rows of customers that got worse
 * (listed first) filled amber.
 * @param view the manager's view
 * @param policy bucket labels
 * @param lang language
 * @returns the sheet plan
 * @example managementChangesPlan(view, DEFAULT_POLICY, "en").values[0][3] // "Outstanding 2026-02-28"
 */
export function managementChangesPlan(view: ManagementReport, policy: Policy, lang: Lang): SheetPlan {
  const words = managementWords(lang).changes;
  const labels = labelsFor(lang);
  const bucketLabels = policy.buckets.labels[lang];
  const opening = { date: formatIso(view.openingDate) };
  const closing = { date: formatIso(view.asOf) };
  const header: PlanCell[] = [
    words.customer, words.currency, words.salesperson,
    fillPlaceholders(words.outstanding, opening), fillPlaceholders(words.outstanding, closing),
    fillPlaceholders(words.overdue, opening), fillPlaceholders(words.overdue, closing), words.overdueChange,
    fillPlaceholders(words.worstBucket, opening), fillPlaceholders(words.worstBucket, closing),
    words.overdueGrew, words.worseBucket,
  ];
  const bucket = (index: number | null): string => (index === null ? "" : (bucketLabels[index] ?? ""));
  const rows = view.changes.map((change): PlanCell[] => [
    change.customer, change.currency, change.salesperson,
    moneyNumber(change.openingOutstanding, view.scale), moneyNumber(change.closingOutstanding, view.scale),
    moneyNumber(change.openingOverdue, view.scale), moneyNumber(change.closingOverdue, view.scale),
    moneyNumber(subtract(change.closingOverdue, change.openingOverdue), view.scale),
    bucket(change.openingWorstBucket), bucket(change.closingWorstBucket),
    change.overdueGrew ? labels.yes : labels.no, change.worseBucket ? labels.yes : labels.no,
  ]);
  const worse = view.changes.filter((change) => change.overdueGrew || change.worseBucket).length;
  const formats: PlanFormat[] = [headerFormat(header.length), ...columnFormats([3, 4, 5, 6, 7], AMOUNT_FORMAT, rows.length)];
  if (worse > 0) formats.push({ row: 1, col: 0, rows: worse, cols: header.length, mark: "amber" });
  return {
    name: managementSheetName("changes", view, lang),
    kind: "management",
    values: [header, ...rows],
    formats,
    conditionalFormats: [],
    columnWidths: [24, 8, 12, 16, 16, 16, 16, 14, 14, 14, 10, 10],
    freezeRows: 1,
    freezeCols: 1,
  };
}
