/**
 * Names of the management sheets: the sheet's word, the salesperson when the view is narrowed to
 * one (so each salesperson's report has sheets of its own), and the date.
 */
import { labelsFor } from "../../../i18n/labels";
import { managementWords } from "../../../i18n/management";
import { fillPlaceholders } from "../../../i18n/fill";
import type { ManagementReport } from "../../../rules/management-types";
import type { Lang } from "../../../rules/types";
import { datedSheetName } from "../sheet-names";

/** The management sheets. */
export type ManagementSheet = "summary" | "customers" | "dso" | "provision" | "changes" | "deductions";

/**
 * The name of one management sheet, at most 31 characters.
 * @param sheet which sheet
 * @param view the view (its as-of date and salesperson)
 * @param lang language of the word
 * @returns the sheet name
 * @example managementSheetName("dso", view, "zh-CN") // "DSO趋势 2026-03-31"; narrowed to 张三: "DSO趋势 张三 2026-03-31"
 */
export function managementSheetName(sheet: ManagementSheet, view: Pick<ManagementReport, "asOf" | "salesperson">, lang: Lang): string {
  const word = sheet === "summary" ? labelsFor(lang).sheetWords.management : managementWords(lang).sheets[sheet];
  const named = view.salesperson === null ? word : fillPlaceholders(managementWords(lang).sheetOfSalesperson, { word, salesperson: view.salesperson });
  return datedSheetName(named, view.asOf);
}
