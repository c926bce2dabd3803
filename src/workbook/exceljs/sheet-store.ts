/**
 * Where a worksheet's scanned cells are kept (sheet-scan.ts feeds them): packed while they come
 * in reading order (row by row, left to right: what every writer of .xlsx files makes;
 * packed-rows.ts), as rows from the first cell out of that order on, or when the sheet merges
 * cells (sheet-cells.ts) — and a merged range's value left in its master cell only.
 */
import type { CellValue, RowCells, RowSource } from "../adapter-types";
import { MAX_COLUMNS } from "../excel-limits";
import { PackedRows } from "../packed-rows";
import { compactRow } from "../sheet-cells";

/** A sheet's cells once kept: `rows[i]` is sheet row `firstRow + i` (read through `rowAt`, sheet-cells.ts). */
export interface KeptCells {
  rows: (RowCells | undefined)[] | RowSource;
  firstRow: number;
  firstCol: number;
}

/**
 * A sheet's cells as they are scanned.
 * @example
 * const cells = new ScannedCells();
 * cells.put(2, 1, "客户"); cells.put(2, 3, 12.5);
 * cells.finish([]) // { rows: PackedRows (row 0: cols [1, 3]), firstRow: 2, firstCol: 1 }
 */
export class ScannedCells {
  /** The cells while they come in reading order; null once one did not (then `cells`). */
  private packed: PackedRows | null = new PackedRows();
  /** Cells by 0-based row: an array (8 bytes a row), not a Map (about five times that). */
  private cells: (RowCells | undefined)[] = [];
  /** The row last stored into, and its cells: cells come row by row, so one lookup per row. */
  private lastRow = -1;
  private lastCells: RowCells | undefined;
  /** The columns of the last row settled, shared by the rows after it that hold the same columns. */
  private sharedCols: number[] | null = null;
  private firstCol = MAX_COLUMNS;

  /**
   * Stores a value: packed while cells come in reading order, else put in place in its row (a
   * later value of the same cell replaces the earlier one).
   * @param row 0-based sheet row
   * @param col 0-based sheet column
   * @param value a value (not blank)
   */
  put(row: number, col: number, value: CellValue): void {
    if (col < this.firstCol) this.firstCol = col;
    if (this.packed !== null) {
      if (this.packed.canAppend(row, col)) {
        this.packed.append(row, col, value);
        return;
      }
      this.unpack();
    }
    let cells = this.lastCells;
    if (row !== this.lastRow || cells === undefined) {
      if (cells) this.settle(cells);
      cells = this.cells[row];
      // A row met again (a cell referencing an earlier row): its columns may be shared, so copied.
      if (cells) cells.cols = cells.cols.slice();
      else this.cells[row] = cells = { cols: [], values: [] };
      this.lastRow = row;
      this.lastCells = cells;
    }
    const { cols, values } = cells;
    const last = cols.length - 1;
    if (last < 0 || cols[last] < col) {
      cols.push(col);
      values.push(value);
      return;
    }
    let at = last;
    while (at > 0 && cols[at - 1] >= col) at--;
    if (cols[at] === col) values[at] = value;
    else {
      cols.splice(at, 0, col);
      values.splice(at, 0, value);
    }
  }

  /**
   * The cells kept, merged ranges' values in their master cell only.
   * @param merges the sheet's merged ranges ("B5:C5")
   * @returns the rows from the first holding a value, and the first column holding one
   */
  finish(merges: readonly string[]): KeptCells {
    if (this.packed !== null && merges.length === 0) {
      const packed = this.packed.finish();
      return { rows: packed, firstRow: packed.length === 0 ? 0 : packed.firstRow, firstCol: packed.length === 0 ? 0 : this.firstCol };
    }
    this.unpack();
    if (this.lastCells) this.settle(this.lastCells);
    this.applyMerges(merges);
    const firstRow = this.cells.findIndex((cells) => cells !== undefined);
    if (firstRow < 0) return { rows: [], firstRow: 0, firstCol: 0 };
    let lastRow = this.cells.length - 1;
    while (this.cells[lastRow] === undefined) lastRow--;
    const rows: (RowCells | undefined)[] = [];
    for (let row = firstRow; row <= lastRow; row++) rows.push(this.cells[row]);
    return { rows, firstRow, firstCol: this.firstCol };
  }

  /** From here on the cells are kept as rows: those packed so far become rows first. */
  private unpack(): void {
    if (this.packed === null) return;
    this.cells = this.packed.toArray();
    this.packed = null;
    this.lastRow = -1;
    this.lastCells = undefined;
  }

  /**
   * A finished row made compact (sheet-cells.ts), its columns shared with the row settled before it.
   */
  private settle(cells: RowCells): void {
    this.sharedCols = compactRow(cells, this.sharedCols);
  }

  /** Merged ranges keep their value in the master (top-left) cell only, as Excel shows them. */
  private applyMerges(merges: readonly string[]): void {
    if (merges.length === 0) return;
    this.lastRow = -1;
    const stored: number[] = [];
    this.cells.forEach((cells, row) => {
      if (cells) stored.push(row);
    });
    for (const ref of merges) {
      const [start, end] = ref.split(":");
      const topLeft = decodeAddress(start ?? "");
      const bottomRight = decodeAddress(end ?? "");
      if (!topLeft || !bottomRight) continue;
      const rowsInRange = bottomRight.row - topLeft.row + 1;
      const rows = rowsInRange <= stored.length ? Array.from({ length: Math.max(0, rowsInRange) }, (_, i) => topLeft.row + i) : stored;
      for (const row of rows) {
        if (row < topLeft.row || row > bottomRight.row) continue;
        const cells = this.cells[row];
        if (!cells) continue;
        const keep = cells.cols.map((col) => col < topLeft.col || col > bottomRight.col || (row === topLeft.row && col === topLeft.col));
        if (keep.every(Boolean)) continue;
        cells.values = cells.values.filter((_, i) => keep[i]);
        cells.cols = cells.cols.filter((_, i) => keep[i]);
        if (cells.cols.length === 0) this.cells[row] = undefined;
      }
    }
  }
}

/**
 * 0-based row and column of an A1 reference ("$B$3" → row 2, col 1).
 * @param address the reference
 * @returns null when the text is no cell reference
 * @example decodeAddress("$B$3") // { row: 2, col: 1 }
 */
export function decodeAddress(address: string): { row: number; col: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(address.trim());
  if (!match) return null;
  let col = 0;
  for (const letter of match[1].toUpperCase()) col = col * 26 + letter.charCodeAt(0) - 64;
  return { row: Number(match[2]) - 1, col: col - 1 };
}
