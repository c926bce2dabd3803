/**
 * What every adapter's `appendRows` shares: the error it throws, where each value goes in an
 * existing table (by header), and the cells as written (dates moved to the workbook's date system,
 * number formats by column). Pure.
 */
import type { DateSystem } from "../rules/types";
import type { AppendRowsRequest, CellValue } from "./adapter-types";
import { DAYS_1900_TO_1904 } from "./excel-limits";
import type { PlanCell } from "./plan-types";
import { AMOUNT_FORMAT, DATE_FORMAT } from "./plans/formats";
import { cellText, normalizeText } from "./text";

/**
 * Why rows could not be appended: the table lacks a column asked for, shows a totals row, or (in
 * a file, where cells cannot be moved down as Excel does) has cells in the rows under it.
 */
export class AppendRowsError extends Error {
  /** "append.noSuchColumn" (`header` names it), "append.totalsRow" or "append.rowsBelow". */
  readonly code: "append.noSuchColumn" | "append.totalsRow" | "append.rowsBelow";
  readonly table: string;
  readonly header?: string;

  /**
   * @param code what is wrong
   * @param table the table's name
   * @param header the header missing, for "append.noSuchColumn"
   * @example new AppendRowsError("append.noSuchColumn", "AR_CollectionLog", "结果").message // 'table AR_CollectionLog has no column "结果"'
   */
  constructor(code: AppendRowsError["code"], table: string, header?: string) {
    super(
      code === "append.noSuchColumn"
        ? `table ${table} has no column "${header}"`
        : code === "append.totalsRow"
          ? `table ${table} shows a totals row: rows cannot be added below it`
          : `table ${table} has cells in the rows under it: rows cannot be added below it`,
    );
    this.name = "AppendRowsError";
    this.code = code;
    this.table = table;
    if (header !== undefined) this.header = header;
  }
}

/**
 * For each column of the request, the column of the existing table it goes under.
 * @param tableName the table's name (for the error)
 * @param tableHeaders the table's header cells
 * @param headers the request's headers
 * @returns one 0-based table column per request column
 * @throws AppendRowsError when the table has no column of some header
 * @example tableColumnsFor("Log", ["日期", "客户", "备注"], ["客户", "日期"]) // [1, 0]
 */
export function tableColumnsFor(tableName: string, tableHeaders: readonly CellValue[], headers: readonly string[]): number[] {
  const byHeader = new Map<string, number>();
  tableHeaders.forEach((cell, col) => {
    const key = normalizeText(cellText(cell));
    if (key !== "" && !byHeader.has(key)) byHeader.set(key, col);
  });
  return headers.map((header) => {
    const col = byHeader.get(normalizeText(header));
    if (col === undefined) throw new AppendRowsError("append.noSuchColumn", tableName, header);
    return col;
  });
}

/**
 * The request's rows laid out across a table's columns: each value under its column, blanks
 * elsewhere, dates moved to the workbook's date system.
 * @param request the rows and their date columns
 * @param columns the table column of each request column (identity for a new table)
 * @param width the table's column count
 * @param dateSystem the workbook's date system
 * @returns rows `width` wide
 * @example tableRows({ …, headers: ["客户", "日期"], rows: [["甲", 46349]], dateCols: [1] }, [1, 0], 3, "1904") // [[44887, "甲", null]]
 */
export function tableRows(request: AppendRowsRequest, columns: readonly number[], width: number, dateSystem: DateSystem): PlanCell[][] {
  const dates = new Set(request.dateCols ?? []);
  return request.rows.map((row) => {
    const out = new Array<PlanCell>(width).fill(null);
    row.forEach((cell, index) => {
      out[columns[index]] = dateSystem === "1904" && dates.has(index) && typeof cell === "number" ? cell - DAYS_1900_TO_1904 : cell;
    });
    return out;
  });
}

/**
 * The number format of each table column for the appended rows: dates and amounts formatted,
 * others left as they are (null).
 * @param request the date and amount columns
 * @param columns the table column of each request column
 * @param width the table's column count
 * @returns one format or null per table column
 * @example tableFormats({ …, dateCols: [1], amountCols: [2] }, [0, 1, 2], 3) // [null, "yyyy-mm-dd", "#,##0.00"]
 */
export function tableFormats(request: AppendRowsRequest, columns: readonly number[], width: number): (string | null)[] {
  const formats = new Array<string | null>(width).fill(null);
  for (const col of request.dateCols ?? []) formats[columns[col]] = DATE_FORMAT;
  for (const col of request.amountCols ?? []) formats[columns[col]] = AMOUNT_FORMAT;
  return formats;
}
