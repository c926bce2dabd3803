/**
 * A sheet's cells packed as they are read row by row, left to right — the order every writer of
 * .xlsx files uses: columns and numbers in typed arrays, other values (texts, booleans, Excel
 * errors) in one array of references, and a row made as a `RowCells` only when it is asked for
 * (`row`). Reading a million-row ledger into one small object per row and a values array each
 * gave the collector millions of objects to copy and mark while the rest of the file was read;
 * these arrays are a few large blocks. The command line's worksheet scanner (sheet-scan.ts) keeps
 * its rows here; the jobs worker keeps the pane's blocks as they came (block-rows.ts — they are
 * packed already: copying them here measured slower). Cells that come out of that order are the
 * caller's to keep another way (`canAppend` says which): it then turns what is packed into rows
 * (`toArray`).
 */
import type { CellValue, RowCells, RowSource } from "./adapter-types";

/** Typed arrays grow by doubling from this many entries. */
const FIRST_ROOM = 1024;

function grown<T extends Int32Array | Uint16Array | Float64Array>(array: T, needed: number, make: (length: number) => T): T {
  if (needed <= array.length) return array;
  let length = array.length;
  while (length < needed) length *= 2;
  const larger = make(length);
  larger.set(array);
  return larger;
}

/**
 * Cells appended in reading order, read back as rows.
 * @example
 * const packed = new PackedRows();
 * packed.append(3, 0, "客户"); packed.append(3, 2, 12.5);
 * packed.finish().row(0) // { cols: [0, 2], values: ["客户", 12.5] } — row 3, the first that holds a value
 */
export class PackedRows implements RowSource {
  length = 0;
  /** The sheet row of `row(0)` (set by `finish`: the first row holding a value). */
  private offset = 0;
  /** Per sheet row: 1 + the index of its first cell in `cells…`, 0 for a row without values. */
  private firstCellOf = new Int32Array(FIRST_ROOM);
  private cols = new Uint16Array(FIRST_ROOM);
  /** A number cell's value, or the index of any other cell's value in `others` (kinds tell which). */
  private slots = new Float64Array(FIRST_ROOM);
  /** 1 where the cell's value is in `others`. */
  private kinds = new Uint8Array(FIRST_ROOM);
  private readonly others: unknown[] = [];
  private cells = 0;
  private lastRow = -1;
  private lastCol = -1;
  /** One past the last sheet row holding a value. */
  private end = 0;

  /** Whether a cell at (row, col) comes in reading order: below the last one, or right of it in its row. */
  canAppend(row: number, col: number): boolean {
    return row > this.lastRow || (row === this.lastRow && col > this.lastCol);
  }

  /**
   * Keeps a cell that comes in reading order (`canAppend`).
   * @param row 0-based sheet row
   * @param col 0-based sheet column (below 65,536)
   * @param value a value (not blank)
   */
  append(row: number, col: number, value: CellValue): void {
    if (row !== this.lastRow) {
      this.firstCellOf = grown(this.firstCellOf, row + 1, (length) => new Int32Array(length));
      this.firstCellOf[row] = this.cells + 1;
      this.lastRow = row;
      this.end = row + 1;
    }
    this.lastCol = col;
    const at = this.cells++;
    if (at === this.cols.length) {
      this.cols = grown(this.cols, at + 1, (length) => new Uint16Array(length));
      this.slots = grown(this.slots, at + 1, (length) => new Float64Array(length));
      const kinds = new Uint8Array(this.cols.length);
      kinds.set(this.kinds);
      this.kinds = kinds;
    }
    this.cols[at] = col;
    if (typeof value === "number") {
      this.slots[at] = value;
      this.kinds[at] = 0;
    } else {
      this.slots[at] = this.others.length;
      this.kinds[at] = 1;
      this.others.push(value);
    }
  }

  /**
   * Ends the appending: `row(0)` is the first row holding a value, `length` spans to the last.
   * @returns this
   */
  finish(): this {
    let first = 0;
    while (first < this.end && this.firstCellOf[first] === 0) first++;
    this.offset = first;
    this.length = this.end - first;
    return this;
  }

  /** How many cells hold a value: those appended, no row made to count them. */
  cellCount(): number {
    return this.cells;
  }

  /** The sheet row of `row(0)`, once finished. */
  get firstRow(): number {
    return this.offset;
  }

  /**
   * A row, made anew.
   * @param index 0-based from the first row holding a value
   * @returns its cells, undefined for a row without values
   */
  row(index: number): RowCells | undefined {
    const sheetRow = index + this.offset;
    if (index < 0 || sheetRow >= this.end) return undefined;
    const start = this.firstCellOf[sheetRow] - 1;
    if (start < 0) return undefined;
    let stop = this.cells;
    for (let next = sheetRow + 1; next < this.end; next++) {
      if (this.firstCellOf[next] !== 0) {
        stop = this.firstCellOf[next] - 1;
        break;
      }
    }
    const cols: number[] = [];
    const values: CellValue[] = [];
    for (let at = start; at < stop; at++) {
      cols.push(this.cols[at]);
      values.push(this.kinds[at] === 0 ? this.slots[at] : (this.others[this.slots[at]] as CellValue));
    }
    return { cols, values };
  }

  /**
   * Every row as an array from sheet row 0 (before `finish`), for a caller that goes on keeping
   * rows another way.
   * @returns rows by sheet row, undefined where none
   */
  toArray(): (RowCells | undefined)[] {
    const rows = new Array<RowCells | undefined>(this.end);
    for (let row = 0; row < this.end; row++) rows[row] = this.row(row - this.offset);
    return rows;
  }
}
