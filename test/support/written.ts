/**
 * Every sheet of a written .xlsx, cells included — the adapter's read() leaves out the cells of
 * the sheets the add-in generated (nothing reads them), so tests that check what was written read
 * the package through this.
 */
import type { SheetData } from "../../src/workbook/adapter-types";
import { readPackageValues } from "../../src/workbook/exceljs/read-package";
import { STORE_SHEET } from "../../src/workbook/settings-store";

/**
 * The sheets of a package in workbook order, each with all its cells (the add-in's store sheet left
 * out, as the adapter leaves it out).
 * @example (await writtenSheets("out.xlsx")).map((sheet) => sheet.name) // ["台账", "账龄分析 2026-11-23", …]
 */
export async function writtenSheets(file: string): Promise<SheetData[]> {
  const raw = await readPackageValues(file);
  return raw.sheets.filter((sheet) => sheet.name !== STORE_SHEET).map(({ name, rows, firstRow, firstCol, hiddenRows }) => ({ name, rows, firstRow, firstCol, hiddenRows, generated: false }));
}
