/**
 * The flags sheet: customers over their credit limit or to stop shipping, most at risk first,
 * with limit, exposure, reasons, stage and whom to call.
 */
import { labelsFor } from "../../i18n/labels";
import { moneyNumber } from "../../rules/money";
import type { Policy } from "../../rules/policy-types";
import type { Lang, Report } from "../../rules/types";
import type { PlanCell, SheetPlan } from "../plan-types";
import { AMOUNT_FORMAT, columnFormats, headerFormat, PERCENT_FORMAT } from "./formats";
import { gradeText, reasonsTexts, salespersonOf, stageLabel } from "./labels";
import { percentCell } from "./percent-cells";
import { flaggedCustomers } from "./risk";
import { sheetName } from "./sheet-names";

/**
 * The over-limit / stop-shipping list, most at risk first (flaggedCustomers).
 * @param report the report
 * @param policy the policy (stage labels, thresholds)
 * @param lang language
 * @returns the sheet plan (header only when no customer is flagged)
 * @example flagsPlan(report, DEFAULT_POLICY, "zh-CN").name // "超额度停货 2026-11-23"
 */
export function flagsPlan(report: Report, policy: Policy, lang: Lang): SheetPlan {
  const words = labelsFor(lang);
  const headers = words.flags;
  const scale = report.scale;
  const header: PlanCell[] = [
    headers.customer,
    headers.currency,
    headers.grade,
    headers.stopShipping,
    headers.effectiveLimit,
    headers.outstanding,
    headers.excess,
    headers.limitUsedPct,
    headers.overdue,
    headers.maxDaysOverdue,
    headers.reasons,
    headers.stage,
    headers.salesperson,
    headers.contact,
  ];
  const reasonsOf = reasonsTexts(policy, lang);
  const rows: PlanCell[][] = flaggedCustomers(report).map((customer) => [
    customer.customer,
    customer.currency,
    gradeText(customer, lang),
    customer.stopShipping ? words.yes : words.no,
    moneyNumber(customer.effectiveLimit, scale),
    moneyNumber(customer.outstanding, scale),
    moneyNumber(customer.excess, scale),
    percentCell(customer.limitUsedPct),
    moneyNumber(customer.overdue, scale),
    customer.maxDaysOverdue,
    reasonsOf(customer.reasons),
    stageLabel(customer.stage, policy, lang),
    salespersonOf(customer),
    customer.info?.contact ?? "",
  ]);
  return {
    name: sheetName("flags", report.asOf, lang),
    kind: "flags",
    values: [header, ...rows],
    formats: [
      headerFormat(header.length),
      ...columnFormats([4, 5, 6, 8], AMOUNT_FORMAT, rows.length),
      ...columnFormats([7], PERCENT_FORMAT, rows.length),
    ],
    conditionalFormats:
      rows.length === 0 ? [] : [{ row: 1, col: 6, rows: rows.length, cols: 1, mark: "red", greaterThan: 0 }],
    columnWidths: [24, 8, 14, 10, 14, 14, 14, 12, 14, 12, 36, 16, 12, 16],
    freezeRows: 1,
    freezeCols: 1,
  };
}
