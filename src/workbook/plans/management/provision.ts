/**
 * The provision sheet (坏账准备, POLICY §9 and §14): each customer's outstanding per age band with
 * the policy's rates and its provision, totals per currency, then the write-off candidates.
 */
import { fillPlaceholders } from "../../../i18n/fill";
import { labelsFor } from "../../../i18n/labels";
import { managementWords } from "../../../i18n/management";
import type { ManagementReport } from "../../../rules/management-types";
import { add, moneyNumber, type Minor } from "../../../rules/money";
import type { Policy } from "../../../rules/policy-types";
import type { Lang } from "../../../rules/types";
import type { PlanCell, PlanFormat, SheetPlan } from "../../plan-types";
import { AMOUNT_FORMAT, DATE_FORMAT } from "../formats";
import { stackSections, type Section } from "./layout";
import { managementSheetName } from "./names";

/** "5%" from 0.05. */
function rateText(rate: string): string {
  return `${Number((Number(rate) * 100).toFixed(4))}%`;
}

/**
 * The header of each provision band: its ages in whole years where they are (365 days each), else
 * in days, with its rate; the flat method's one band.
 * @param policy policy.provision
 * @param lang language
 * @returns one header per band
 * @example bandHeaders(DEFAULT_POLICY, "zh-CN").slice(0, 2) // ["1年以内 (5%)", "1-2年 (10%)"]
 */
export function bandHeaders(policy: Policy, lang: Lang): string[] {
  const words = managementWords(lang).provision;
  const { method, bands, flatRate } = policy.provision;
  if (method === "flat" || bands.length === 0) return [fillPlaceholders(words.bandWithRate, { band: words.flat, rate: rateText(flatRate.toString()) })];
  const inYears = bands.every((band) => band.upToDays === null || band.upToDays % 365 === 0);
  const unit = (days: number): number => (inYears ? days / 365 : days);
  return bands.map((band, index) => {
    const previous = index === 0 ? null : bands[index - 1].upToDays;
    let range: string;
    if (band.upToDays === null) range = fillPlaceholders(inYears ? words.overYears : words.overDays, { n: unit(previous ?? 0) });
    else if (previous === null) range = fillPlaceholders(inYears ? words.withinYears : words.withinDays, { n: unit(band.upToDays) });
    else range = fillPlaceholders(inYears ? words.betweenYears : words.betweenDays, { from: unit(previous), to: unit(band.upToDays) });
    return fillPlaceholders(words.bandWithRate, { band: range, rate: rateText(band.rate.toString()) });
  });
}

/**
 * The provision sheet: customers with anything outstanding (per currency, the policy currency
 * first), their bands, provision and whether they are write-off candidates; a totals row per
 * currency (each figure the exact sum, rounded once); then the write-off candidates with the day
 * of their last business (a date column holding nothing else).
 * @param view the manager's view
 * @param policy provision bands and write-off thresholds
 * @param lang language
 * @returns the sheet plan
 * @example managementProvisionPlan(view, DEFAULT_POLICY, "zh-CN").values[0].slice(0, 5) // ["客户", "币种", "业务员", "应收余额", "1年以内 (5%)"]
 */
export function managementProvisionPlan(view: ManagementReport, policy: Policy, lang: Lang): SheetPlan {
  const all = managementWords(lang);
  const words = all.provision;
  const labels = labelsFor(lang);
  const scale = view.scale;
  const bands = bandHeaders(policy, lang);
  const header: PlanCell[] = [words.customer, words.currency, words.salesperson, words.outstanding, ...bands, words.provision, words.writeOff];
  const width = header.length;
  const body: PlanCell[][] = [];
  const totals: PlanCell[][] = [];
  for (const currency of view.currencies) {
    const mine = view.customers.filter((c) => c.report.currency === currency && c.report.outstanding !== 0);
    for (const c of mine) {
      body.push([
        c.report.customer, currency, c.salesperson, moneyNumber(c.report.outstanding, scale),
        ...bands.map((_, index) => moneyNumber(c.provisionByBand[index] ?? 0, scale)),
        moneyNumber(c.report.provision, scale), c.report.writeOffCandidate ? labels.yes : labels.no,
      ]);
    }
    const sumOf = (pick: (c: (typeof mine)[number]) => Minor): number => moneyNumber(mine.reduce<Minor>((n, c) => add(n, pick(c)), 0), scale);
    totals.push([
      fillPlaceholders(labels.totalRow, { currency }), currency, null, sumOf((c) => c.report.outstanding),
      ...bands.map((_, index) => sumOf((c) => c.provisionByBand[index] ?? 0)), sumOf((c) => c.report.provision), null,
    ]);
  }
  const rows = body.length + totals.length;
  const table: Section = {
    rows: [header, ...body, ...totals],
    formats: [
      { row: 0, col: 0, rows: 1, cols: width, mark: "header", bold: true },
      ...(rows > 0 ? [{ row: 1, col: 3, rows, cols: 2 + bands.length, numberFormat: AMOUNT_FORMAT }] : []),
      ...(totals.length > 0 ? [{ row: 1 + body.length, col: 0, rows: totals.length, cols: width, mark: "total" as const, bold: true }] : []),
    ],
  };
  // The date sits in column 2, which holds only text (salespeople) in the table above.
  const candidates = view.writeOff;
  const writeOffHeader: PlanCell[] = [words.customer, words.currency, words.lastActivity, words.outstanding, words.maxDaysOverdue, words.provision, words.salesperson];
  const writeOff: Section = {
    rows: [
      [fillPlaceholders(words.writeOffTitle, { days: policy.provision.writeOffAfterDays, inactive: policy.provision.writeOffInactiveDays })],
      writeOffHeader,
      ...candidates.map((c): PlanCell[] => [
        c.report.customer, c.report.currency, c.report.lastActivity ?? null, moneyNumber(c.report.outstanding, scale), c.report.maxDaysOverdue,
        moneyNumber(c.report.provision, scale), c.salesperson,
      ]),
    ],
    formats: [
      { row: 0, col: 0, rows: 1, cols: 1, bold: true },
      { row: 1, col: 0, rows: 1, cols: writeOffHeader.length, mark: "header", bold: true },
      ...(candidates.length > 0
        ? [
            { row: 2, col: 2, rows: candidates.length, cols: 1, numberFormat: DATE_FORMAT },
            { row: 2, col: 3, rows: candidates.length, cols: 1, numberFormat: AMOUNT_FORMAT },
            { row: 2, col: 5, rows: candidates.length, cols: 1, numberFormat: AMOUNT_FORMAT },
          ]
        : []),
    ],
  };
  const { values, formats }: { values: PlanCell[][]; formats: PlanFormat[] } = stackSections([table, writeOff]);
  return {
    name: managementSheetName("provision", view, lang),
    kind: "management",
    values,
    formats,
    conditionalFormats: [],
    columnWidths: [24, 8, 12, 14, ...bands.map(() => 14), 14, 12],
    freezeRows: 1,
    freezeCols: 1,
    dateCols: [2],
  };
}
