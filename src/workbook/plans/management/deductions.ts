/**
 * The salesperson-charges sheet (业务员罚息, seed 001 第四章): the deduction list of the period, a
 * subtotal per salesperson and currency; written only when the policy switches it on.
 */
import { fillPlaceholders } from "../../../i18n/fill";
import { managementWords } from "../../../i18n/management";
import { formatIso } from "../../../rules/dates";
import type { Deduction, ManagementReport } from "../../../rules/management-types";
import { add, moneyNumber, type Minor } from "../../../rules/money";
import type { Policy } from "../../../rules/policy-types";
import type { Lang } from "../../../rules/types";
import type { PlanCell, PlanFormat, SheetPlan } from "../../plan-types";
import { AMOUNT_FORMAT } from "../formats";
import { managementSheetName } from "./names";

/** "0.5‰" from 0.0005; "30%" from 0.3. */
function permille(rate: string): string {
  return `${Number((Number(rate) * 1000).toFixed(6))}‰`;
}
function percent(rate: string): string {
  return `${Number((Number(rate) * 100).toFixed(4))}%`;
}

/**
 * The deduction list as a sheet: a title naming the rate and the period, then each salesperson's
 * customers with the period's interest, bad-debt share and total, and a bold subtotal after each
 * salesperson and currency.
 * @param view the manager's view (its deductions not null)
 * @param deductions the list (view.deductions)
 * @param policy the rate and share
 * @param lang language
 * @returns the sheet plan
 * @example managementDeductionsPlan(view, view.deductions!, policy, "zh-CN").values[0][0] // "业务员罚息（从绩效工资中扣除）：日息 0.5‰，2026-03-01 至 2026-03-31"
 */
export function managementDeductionsPlan(view: ManagementReport, deductions: readonly Deduction[], policy: Policy, lang: Lang): SheetPlan {
  const words = managementWords(lang).deductions;
  const share = policy.accountability.badDebtShare;
  const title = fillPlaceholders(words.title, {
    rate: permille(policy.accountability.dailyRate.toString()),
    from: formatIso(view.from),
    asOf: formatIso(view.asOf),
    share: share === null ? "" : fillPlaceholders(words.shareClause, { share: percent(share.toString()) }),
  });
  const header: PlanCell[] = [words.salesperson, words.customer, words.currency, words.overdue, words.interest, words.badDebtCharge, words.total];
  const rows: PlanCell[][] = [[title], header];
  const formats: PlanFormat[] = [{ row: 0, col: 0, rows: 1, cols: 1, bold: true }, { row: 1, col: 0, rows: 1, cols: header.length, mark: "header", bold: true }];
  const money = (units: Minor): number => moneyNumber(units, view.scale);
  let group: Deduction[] = [];
  const closeGroup = (): void => {
    if (group.length === 0) return;
    const total = (pick: (d: Deduction) => Minor): number => money(group.reduce<Minor>((n, d) => add(n, pick(d)), 0));
    const { salesperson, currency } = group[0];
    formats.push({ row: rows.length, col: 0, rows: 1, cols: header.length, mark: "total", bold: true });
    rows.push([fillPlaceholders(words.subtotal, { salesperson, currency }), null, currency, total((d) => d.overdue), total((d) => d.interest), total((d) => d.badDebtCharge), total((d) => d.total)]);
    group = [];
  };
  for (const deduction of deductions) {
    if (group.length > 0 && (group[0].salesperson !== deduction.salesperson || group[0].currency !== deduction.currency)) closeGroup();
    group.push(deduction);
    rows.push([deduction.salesperson, deduction.customer, deduction.currency, money(deduction.overdue), money(deduction.interest), money(deduction.badDebtCharge), money(deduction.total)]);
  }
  closeGroup();
  if (rows.length > 2) formats.push({ row: 2, col: 3, rows: rows.length - 2, cols: 4, numberFormat: AMOUNT_FORMAT });
  const width = header.length;
  return {
    name: managementSheetName("deductions", view, lang),
    kind: "management",
    values: rows.map((row) => [...row, ...new Array<PlanCell>(width - row.length).fill(null)]),
    formats,
    conditionalFormats: [],
    columnWidths: [20, 24, 8, 14, 14, 14, 14],
    freezeRows: 2,
    freezeCols: 0,
  };
}
