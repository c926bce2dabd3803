/**
 * The data-errors sheet: where each problem found in the workbook's tables is (sheet, row,
 * column) and what it is, in words.
 */
import { labelsFor } from "../../i18n/labels";
import { rowErrorText } from "../../i18n/messages";
import type { DayNumber, Lang, RowError } from "../../rules/types";
import type { PlanCell, SheetPlan } from "../plan-types";
import { headerFormat } from "./formats";
import { sheetName } from "./sheet-names";

/**
 * The data-errors sheet: where each problem is and what it is. Jobs write it only when there
 * are errors.
 * @param errors row errors
 * @param lang language of headers
 * @param asOf report date, for the sheet name
 * @returns the sheet plan
 * @example errorsPlan([{ sheet: "发票", row: 3, column: "D", code: "date.noSuchMonth", params: { text: "2026-13-01", month: 13 } }], "zh-CN", asOf).values[1]
 * // ["发票", 3, "D", "“2026-13-01” 不是有效日期（没有13月）。"]
 */
export function errorsPlan(errors: RowError[], lang: Lang, asOf: DayNumber): SheetPlan {
  const headers = labelsFor(lang).errors;
  const header: PlanCell[] = [headers.sheet, headers.row, headers.column, headers.message];
  const rows: PlanCell[][] = errors.map((error) => [error.sheet, error.row, error.column, rowErrorText(error, lang, "none")]);
  return {
    name: sheetName("errors", asOf, lang),
    kind: "errors",
    values: [header, ...rows],
    formats: [headerFormat(header.length), ...(rows.length > 0 ? [{ row: 1, col: 3, rows: rows.length, cols: 1, wrap: true }] : [])],
    conditionalFormats: [],
    columnWidths: [20, 8, 8, 60],
    freezeRows: 1,
    freezeCols: 0,
  };
}
