/**
 * How the stand-in holds a sheet's cells: in blocks of rows per column, the kind of each cell,
 * its number and its style in typed arrays, and only text and error cells as objects — the
 * compact way Excel keeps its own grid, so that a sheet of 1,048,575 rows costs the page tens of
 * megabytes rather than a gigabyte of per-cell objects (the stand-in's heap is not the pane's:
 * in Excel the workbook lives outside the add-in). A cell's style is an index into the sheet's
 * table of distinct formats with its quote prefix (Excel's cell styles work the same way).
 */

/** An Excel error value stored in a cell. */
export interface ErrorCell {
  error: string;
}

/** What a cell holds: a number, text, boolean or an error; undefined is an empty cell. */
export type Stored = string | number | boolean | ErrorCell;

/** Formats recorded per cell. */
export interface CellFormat {
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  wrap?: boolean;
  fontColor?: string;
}

/** Rows per block: 2^10. */
const BLOCK_BITS = 10;
const BLOCK_ROWS = 1 << BLOCK_BITS;
const LOW_MASK = BLOCK_ROWS - 1;
/** Styles per sheet that a Uint16Array index can name. */
const MAX_STYLES = 65_536;

const EMPTY = 0;
const NUMBER = 1;
const TEXT = 2;
const TRUE = 3;
const FALSE = 4;
const ERROR = 5;

/** The cells of one column in one block of rows; arrays made when a cell first needs them. */
interface Block {
  kinds: Uint8Array;
  numbers: Float64Array | null;
  /** Text and error cells. */
  objects: (string | ErrorCell | undefined)[] | null;
  /** Style index of each cell (0: no format, no quote prefix). */
  styles: Uint16Array | null;
  /** Cells holding a value. */
  filled: number;
  /** Cells with a style other than 0. */
  styled: number;
}

/** A style: a cell's formats (undefined when none was ever set) and its quote prefix. */
interface Style {
  format: CellFormat | undefined;
  quotePrefix: boolean;
}

/** The fields of a CellFormat in a fixed order, for the style's key. */
function styleKey(format: CellFormat | undefined, quotePrefix: boolean): string {
  if (format === undefined) return quotePrefix ? "q" : "";
  return `${quotePrefix ? "q" : ""}|${format.numberFormat ?? ""}|${format.fill ?? ""}|${format.bold ?? ""}|${format.wrap ?? ""}|${format.fontColor ?? ""}`;
}

/**
 * A sheet's cells: values, formats and quote prefixes, by 0-based row and column.
 * @example const cells = new CellStore(); cells.put(0, 0, "客户"); cells.get(0, 0) // "客户"
 */
export class CellStore {
  /** Per column, its blocks of rows. */
  private readonly columns: Block[][] = [];
  private readonly styles: Style[] = [{ format: undefined, quotePrefix: false }];
  private readonly styleIds = new Map<string, number>([["", 0]]);

  private block(row: number, col: number): Block | undefined {
    return this.columns[col]?.[row >> BLOCK_BITS];
  }

  private blockFor(row: number, col: number): Block {
    const blocks = (this.columns[col] ??= []);
    return (blocks[row >> BLOCK_BITS] ??= { kinds: new Uint8Array(BLOCK_ROWS), numbers: null, objects: null, styles: null, filled: 0, styled: 0 });
  }

  /** The stored value at (row, col), or undefined for an empty cell. */
  get(row: number, col: number): Stored | undefined {
    const block = this.block(row, col);
    if (block === undefined) return undefined;
    const at = row & LOW_MASK;
    switch (block.kinds[at]) {
      case NUMBER:
        return (block.numbers as Float64Array)[at];
      case TEXT:
      case ERROR:
        return (block.objects as (string | ErrorCell)[])[at];
      case TRUE:
        return true;
      case FALSE:
        return false;
      default:
        return undefined;
    }
  }

  /** Stores a value (undefined clears the cell). */
  put(row: number, col: number, value: Stored | undefined): void {
    if (value === undefined && this.block(row, col) === undefined) return;
    const block = this.blockFor(row, col);
    const at = row & LOW_MASK;
    const was = block.kinds[at];
    if (was === TEXT || was === ERROR) (block.objects as unknown[])[at] = undefined;
    let kind = EMPTY;
    if (typeof value === "number") {
      kind = NUMBER;
      (block.numbers ??= new Float64Array(BLOCK_ROWS))[at] = value;
    } else if (typeof value === "string" || (typeof value === "object" && value !== null)) {
      kind = typeof value === "string" ? TEXT : ERROR;
      const objects = (block.objects ??= new Array<string | ErrorCell | undefined>(BLOCK_ROWS).fill(undefined));
      // The same text as the cell above is kept once (a column of currencies, a customer's rows).
      const above = at > 0 ? objects[at - 1] : undefined;
      objects[at] = typeof value === "string" && above === value ? above : value;
    } else if (value === true) kind = TRUE;
    else if (value === false) kind = FALSE;
    block.kinds[at] = kind;
    block.filled += (kind !== EMPTY ? 1 : 0) - (was !== EMPTY ? 1 : 0);
  }

  private styleAt(row: number, col: number): number {
    const styles = this.block(row, col)?.styles;
    return styles ? styles[row & LOW_MASK] : 0;
  }

  private setStyle(row: number, col: number, id: number): void {
    if (id === 0 && this.block(row, col)?.styles == null) return;
    const block = this.blockFor(row, col);
    const styles = (block.styles ??= new Uint16Array(BLOCK_ROWS));
    const at = row & LOW_MASK;
    block.styled += (id !== 0 ? 1 : 0) - (styles[at] !== 0 ? 1 : 0);
    styles[at] = id;
  }

  private styleId(format: CellFormat | undefined, quotePrefix: boolean): number {
    const key = styleKey(format, quotePrefix);
    let id = this.styleIds.get(key);
    if (id === undefined) {
      id = this.styles.length;
      if (id >= MAX_STYLES) throw new Error(`the stand-in holds at most ${MAX_STYLES} distinct cell styles per sheet`);
      this.styles.push({ format: format === undefined ? undefined : Object.freeze({ ...format }), quotePrefix });
      this.styleIds.set(key, id);
    }
    return id;
  }

  /** The formats of a cell (read-only), or undefined when none was set. */
  formatAt(row: number, col: number): Readonly<CellFormat> | undefined {
    return this.styles[this.styleAt(row, col)].format;
  }

  /**
   * Changes the formats of cells; `change` gets a copy of a cell's formats ({} when it had none).
   * Cells of the same style get the same new style without calling `change` again, so a change
   * must depend only on the formats it is given.
   */
  changeFormats(rows: { row: number; rows: number }, cols: { col: number; cols: number }, change: (format: CellFormat) => void): void {
    const changed = new Map<number, number>();
    for (let r = rows.row; r < rows.row + rows.rows; r++) {
      for (let c = cols.col; c < cols.col + cols.cols; c++) {
        const old = this.styleAt(r, c);
        let id = changed.get(old);
        if (id === undefined) {
          const style = this.styles[old];
          const format: CellFormat = { ...style.format };
          change(format);
          id = this.styleId(format, style.quotePrefix);
          changed.set(old, id);
        }
        this.setStyle(r, c, id);
      }
    }
  }

  /** Sets one cell's number format (other formats kept). */
  setNumberFormat(row: number, col: number, numberFormat: string): void {
    const style = this.styles[this.styleAt(row, col)];
    if (style.format?.numberFormat === numberFormat) return;
    this.setStyle(row, col, this.styleId({ ...style.format, numberFormat }, style.quotePrefix));
  }

  /** Removes a cell's formats (its quote prefix stays). */
  clearFormat(row: number, col: number): void {
    const style = this.styles[this.styleAt(row, col)];
    if (style.format !== undefined) this.setStyle(row, col, this.styleId(undefined, style.quotePrefix));
  }

  /** Whether a cell's text was entered with Excel's quote prefix. */
  hasQuotePrefix(row: number, col: number): boolean {
    return this.styles[this.styleAt(row, col)].quotePrefix;
  }

  /** Sets or clears a cell's quote prefix. */
  setQuotePrefix(row: number, col: number, quotePrefix: boolean): void {
    const style = this.styles[this.styleAt(row, col)];
    if (style.quotePrefix !== quotePrefix) this.setStyle(row, col, this.styleId(style.format, quotePrefix));
  }

  /** Moves a cell's value, formats and quote prefix to another cell, leaving it empty. */
  move(row: number, col: number, toRow: number, toCol: number): void {
    this.put(toRow, toCol, this.get(row, col));
    this.setStyle(toRow, toCol, this.styleAt(row, col));
    this.put(row, col, undefined);
    this.setStyle(row, col, 0);
  }

  /**
   * Calls `visit` for each cell holding a value (`filled`) or a format, row by row within a
   * column, columns in order.
   */
  forEachCell(visit: (row: number, col: number, value: Stored | undefined, format: Readonly<CellFormat> | undefined, quotePrefix: boolean) => void): void {
    this.columns.forEach((blocks, col) =>
      blocks.forEach((block, index) => {
        if (block.filled === 0 && block.styled === 0) return;
        for (let at = 0; at < BLOCK_ROWS; at++) {
          const row = (index << BLOCK_BITS) + at;
          const style = this.styles[block.styles ? block.styles[at] : 0];
          if (block.kinds[at] !== EMPTY || style !== this.styles[0]) visit(row, col, this.get(row, col), style.format, style.quotePrefix);
        }
      }),
    );
  }

  /** Bounding rectangle of the cells with a value (valuesOnly) or also a format; null if none. */
  usedRect(valuesOnly: boolean): { row: number; col: number; rows: number; cols: number } | null {
    let minRow = Infinity;
    let maxRow = -1;
    let minCol = Infinity;
    let maxCol = -1;
    this.columns.forEach((blocks, col) => {
      let first = -1;
      let last = -1;
      blocks.forEach((block, index) => {
        const used = (at: number): boolean => block.kinds[at] !== EMPTY || (!valuesOnly && block.styles !== null && this.styles[block.styles[at]].format !== undefined);
        if (block.filled === 0 && (valuesOnly || block.styled === 0)) return;
        const base = index << BLOCK_BITS;
        if (first < 0) for (let at = 0; at < BLOCK_ROWS && first < 0; at++) if (used(at)) first = base + at;
        for (let at = BLOCK_ROWS - 1; at >= 0; at--) {
          if (used(at)) {
            last = base + at;
            break;
          }
        }
      });
      if (first < 0) return;
      minRow = Math.min(minRow, first);
      maxRow = Math.max(maxRow, last);
      minCol = Math.min(minCol, col);
      maxCol = Math.max(maxCol, col);
    });
    if (maxRow < 0) return null;
    return { row: minRow, col: minCol, rows: maxRow - minRow + 1, cols: maxCol - minCol + 1 };
  }

  /** One past the last row holding a value, a format or a quote prefix (0 for an empty sheet). */
  rowExtent(): number {
    let extent = 0;
    this.forEachBlockFromEnd((row) => (extent = Math.max(extent, row + 1)));
    return extent;
  }

  private forEachBlockFromEnd(last: (row: number) => void): void {
    this.columns.forEach((blocks) => {
      for (let index = blocks.length - 1; index >= 0; index--) {
        const block = blocks[index];
        if (block === undefined || (block.filled === 0 && block.styled === 0)) continue;
        for (let at = BLOCK_ROWS - 1; at >= 0; at--) {
          if (block.kinds[at] !== EMPTY || (block.styles !== null && block.styles[at] !== 0)) {
            last((index << BLOCK_BITS) + at);
            return;
          }
        }
      }
    });
  }
}
