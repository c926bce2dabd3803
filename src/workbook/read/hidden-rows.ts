/**
 * Hidden and filtered rows: they are data, so they are read like the others, and the user is told
 * which they were, in one notice per sheet (a filtered ledger otherwise looks smaller than its figures).
 */
import type { RowError } from "../../rules/types";
import type { WorkbookData } from "../adapter-types";
import type { LocatedTable } from "../locate";
import { RowErrorList } from "./row-error-list";
import { RowReader } from "./row-reader";

/**
 * Rows listed by number in a hidden-rows notice; more are counted, not listed.
 * @example HIDDEN_ROWS_LISTED // 10
 */
export const HIDDEN_ROWS_LISTED = 10;

/**
 * One "rows.hidden" notice per sheet whose tables have hidden or filtered data rows (not blank,
 * not totals), at the first such row, listing up to ten rows and counting all.
 * @param workbook the workbook read
 * @param tables the tables read
 * @returns the notices, in sheet order of the tables
 * @example hiddenRowNotices(workbook, [invoices]) // [{ sheet: "AR", row: 3, column: "A", code: "rows.hidden", params: { count: 11, rows: [3, 5, 6, 7, 8, 9, 10, 11, 12, 13] } }]
 */
export function hiddenRowNotices(workbook: WorkbookData, tables: readonly LocatedTable[]): RowError[] {
  const rowsBySheet = new Map<string, number[]>();
  for (const table of tables) {
    const sheet = workbook.sheets[table.sheetIndex];
    if (!sheet.hiddenRows || sheet.hiddenRows.length === 0) continue;
    const reader = new RowReader(sheet, table, new RowErrorList(0));
    const rows = rowsBySheet.get(sheet.name) ?? [];
    for (const row of sheet.hiddenRows) {
      if (row < table.dataRows.start || row >= table.dataRows.end) continue;
      reader.at(row);
      if (!reader.isBlank() && !reader.isTotal()) rows.push(row + 1);
    }
    rowsBySheet.set(sheet.name, rows);
  }
  const notices: RowError[] = [];
  for (const [sheet, found] of rowsBySheet) {
    const rows = [...new Set(found)].sort((a, b) => a - b);
    if (rows.length === 0) continue;
    notices.push({ sheet, row: rows[0], column: "A", code: "rows.hidden", params: { count: rows.length, rows: rows.slice(0, HIDDEN_ROWS_LISTED) } });
  }
  return notices;
}
