/**
 * Sheets written as grids in tests: a dense grid in (sheetFromGrid, as Excel and plans give one),
 * and a sparse sheet back out as a grid to compare with an expected table.
 */
import type { CellValue, RowCells, SheetData } from "../../src/workbook/adapter-types";
import { rowAt, rowCount, sheetFromGrid } from "../../src/workbook/sheet-cells";

/**
 * A sheet's rows as an array to read, however the sheet keeps them (an array, or a RowSource).
 * @example rowList(sheetOf("S", [["a"]]))[0]?.values // ["a"]
 */
export function rowList(sheet: Pick<SheetData, "rows">): (RowCells | undefined)[] {
  return Array.from({ length: rowCount(sheet) }, (_, index) => rowAt(sheet, index));
}

/**
 * A sheet from a grid, with a place and flags like a SheetData literal's.
 * @example sheetOf("S", [["a"]], { firstRow: 2 }).firstRow // 2
 */
export function sheetOf(name: string, rows: CellValue[][], extra: Partial<Omit<SheetData, "rows">> = {}): SheetData {
  const sheet = sheetFromGrid(name, rows, { firstRow: extra.firstRow, firstCol: extra.firstCol, generated: extra.generated, hiddenRows: extra.hiddenRows });
  return { ...sheet, ...extra, rows: sheet.rows };
}

/**
 * A sheet's cells as a dense grid from (firstRow, firstCol), blanks null, every row `width` wide
 * (default: to the rightmost value).
 * @example gridOf(sheetOf("S", [["a", null, "c"]])) // [["a", null, "c"]]
 */
export function gridOf(sheet: SheetData, width?: number): CellValue[][] {
  const rows = rowList(sheet);
  const right = rows.reduce((max, row) => Math.max(max, row ? row.cols[row.cols.length - 1] + 1 : 0), 0);
  const columns = width ?? Math.max(0, right - sheet.firstCol);
  return rows.map((row) => {
    const dense = new Array<CellValue>(columns).fill(null);
    row?.cols.forEach((col, index) => {
      if (col - sheet.firstCol < columns) dense[col - sheet.firstCol] = row.values[index];
    });
    return dense;
  });
}
