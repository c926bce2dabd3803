/**
 * Taking the user to a place in the workbook: the task pane selects the cell of a row error or
 * the row of a customer, and activates a sheet it wrote. One sync each.
 */
import { globalExcel, type ExcelRunner } from "./runner";

/**
 * Selects a cell or range and activates its sheet — the task pane calls it when the user picks a
 * row error (its cell) or a customer (its row). One sync.
 *
 * @param sheet Sheet name.
 * @param address A1 address on that sheet, such as "C17" or "A5:H5".
 * @param excel Where `run` comes from; the global `Excel` by default.
 * @example
 * await selectCell("Invoices", "D12");
 */
export async function selectCell(sheet: string, address: string, excel: ExcelRunner = globalExcel()): Promise<void> {
  await excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await context.sync();
  });
}

/**
 * Activates a sheet by name. One sync.
 *
 * @param name Sheet name.
 * @param excel Where `run` comes from; the global `Excel` by default.
 * @example
 * await activateSheet("账龄 2026-03-31");
 */
export async function activateSheet(name: string, excel: ExcelRunner = globalExcel()): Promise<void> {
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem(name).activate();
    await context.sync();
  });
}
