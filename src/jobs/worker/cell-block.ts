/**
 * Rows of cells as they cross between the pane and the jobs worker: a block of typed arrays (each
 * cell's kind, the numbers, which string each text cell is) that moves without being copied, and
 * the strings — each distinct one once when packed so (the cells of a read and of a write both
 * are: cloning a repeated string costs more than finding it). Structured clone of the rows
 * themselves costs the receiver an object per row and a string per text cell; the block's
 * receiver only rebuilds the rows — measured in Chromium three times faster on the pane's side
 * for the cells of a write.
 */

/** A cell of a read (an Excel error as `{ error }`) or of a write. */
type Cell = string | number | boolean | null | object;

/** Rows of cells, packed. */
export interface CellBlock {
  /** Cells per row of each row, in order. */
  widths: Uint32Array;
  /** One code per cell, row by row: see KIND. */
  kinds: Uint8Array;
  /** The number cells, in order. */
  numbers: Float64Array;
  /** Each text cell's string, as an index into `strings`, in order. */
  textIndex: Uint32Array;
  /** The strings the text cells hold (each distinct one once, when packed so). */
  strings: string[];
  /** Any other cell (an error `{ error }`), in order, as structured clone carries it. */
  others: unknown[];
}

/** A column's look-ups stop once this many have been made and more than half found nothing. */
const UNIQUE_TRIAL = 256;

/** A block and the buffers that move with it. */
interface PackedCells {
  block: CellBlock;
  transfer: ArrayBuffer[];
}

const KIND = { null: 0, number: 1, text: 2, true: 3, false: 4, other: 5 } as const;

/**
 * Packs rows of cells.
 * @param rows the rows (they may differ in width)
 * @param distinct send each distinct string once (the receiver then makes fewer strings; the
 *   sender spends a look-up per text cell)
 * @param input what each cell becomes as it is packed (row index within `rows`, column), when the
 *   rows are not yet what is sent — a plan's cells packed as written (write-values.ts), without
 *   building the written rows first. A string's input must depend on the string alone: with
 *   `distinct`, it is asked once per distinct string.
 * @returns the block, and the buffers to transfer with it
 * @example const { block, transfer } = encodeCells([["A-1", 12.5], ["A-2", null]], true); port.postMessage(block, transfer);
 */
export function encodeCells(rows: readonly (readonly Cell[])[], distinct: boolean): PackedCells;
export function encodeCells<C>(rows: readonly (readonly C[])[], distinct: boolean, input: (cell: C, row: number, col: number) => Cell): PackedCells;
export function encodeCells(rows: readonly (readonly unknown[])[], distinct: boolean, input?: (cell: unknown, row: number, col: number) => Cell): PackedCells {
  let cells = 0;
  for (const row of rows) cells += row.length;
  const widths = new Uint32Array(rows.length);
  const kinds = new Uint8Array(cells);
  const numbers = new Float64Array(cells);
  const textIndex = new Uint32Array(cells);
  const strings: string[] = [];
  const others: unknown[] = [];
  /** Strings given, and strings made by `input` of other cells, each to its index in `strings`. */
  const seen = new Map<string, number>();
  const made = new Map<string, number>();
  // Per column: the last string given and its index (a customer's name row after row costs a
  // comparison, not a look-up), and how often the look-up found nothing — a column of invoice
  // numbers, each sent once anyway, stops being looked up.
  const lastGiven: unknown[] = [];
  const lastIndex: number[] = [];
  const lookups: number[] = [];
  const misses: number[] = [];
  let at = 0;
  let numberCount = 0;
  let textCount = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    widths[r] = row.length;
    for (let c = 0; c < row.length; c++) {
      const given = row[c];
      let cell: Cell;
      if (typeof given === "string" && distinct) {
        // A string seen before is packed as before, without asking for its input again.
        let index = given === lastGiven[c] ? lastIndex[c] : undefined;
        const tried = lookups[c] ?? 0;
        const looking = index === undefined && (tried < UNIQUE_TRIAL || (misses[c] ?? 0) * 2 < tried);
        if (looking) {
          index = seen.get(given);
          lookups[c] = tried + 1;
          if (index === undefined) misses[c] = (misses[c] ?? 0) + 1;
        }
        if (index !== undefined) {
          kinds[at++] = KIND.text;
          textIndex[textCount++] = index;
          lastGiven[c] = given;
          lastIndex[c] = index;
          continue;
        }
        cell = input ? input(given, r, c) : given;
        if (typeof cell === "string") {
          kinds[at++] = KIND.text;
          if (looking) seen.set(given, strings.length);
          lastGiven[c] = given;
          lastIndex[c] = strings.length;
          textIndex[textCount++] = strings.length;
          strings.push(cell);
          continue;
        }
      } else cell = input ? input(given, r, c) : (given as Cell);
      if (typeof cell === "number") {
        kinds[at++] = KIND.number;
        numbers[numberCount++] = cell;
      } else if (typeof cell === "string") {
        // A string the input made of another cell (a blank written as ""): once too, when distinct.
        kinds[at++] = KIND.text;
        let index = distinct ? made.get(cell) : undefined;
        if (index === undefined) {
          index = strings.length;
          strings.push(cell);
          if (distinct) made.set(cell, index);
        }
        textIndex[textCount++] = index;
      } else if (cell === null || cell === undefined) kinds[at++] = KIND.null;
      else if (cell === true) kinds[at++] = KIND.true;
      else if (cell === false) kinds[at++] = KIND.false;
      else {
        kinds[at++] = KIND.other;
        others.push(cell);
      }
    }
  }
  // Views of the part used, not copies: the whole buffers move, at no cost, with them.
  const numbersUsed = numbers.subarray(0, numberCount);
  const textUsed = textIndex.subarray(0, textCount);
  const block: CellBlock = { widths, kinds, numbers: numbersUsed, textIndex: textUsed, strings, others };
  return { block, transfer: [widths.buffer, kinds.buffer, numbers.buffer, textIndex.buffer] };
}

/** Where the reading of a block stands: its next cell, and the next number, text and other value. */
export interface BlockCursor {
  at: number;
  numberAt: number;
  textAt: number;
  otherAt: number;
}

/**
 * The next row of a block, as it was; the cursor moves past it.
 * @param block what encodeCells made
 * @param cursor where the row starts (moved to the next row's start)
 * @param width the row's cells (`widths` of its row)
 * @returns the row's cells
 */
export function decodeRow(block: CellBlock, cursor: BlockCursor, width: number): Cell[] {
  const { kinds, numbers, textIndex, strings, others } = block;
  let { at, numberAt, textAt, otherAt } = cursor;
  const row = new Array<Cell>(width);
  for (let c = 0; c < width; c++) {
    switch (kinds[at++]) {
      case KIND.number:
        row[c] = numbers[numberAt++];
        break;
      case KIND.text:
        row[c] = strings[textIndex[textAt++]];
        break;
      case KIND.null:
        row[c] = null;
        break;
      case KIND.true:
        row[c] = true;
        break;
      case KIND.false:
        row[c] = false;
        break;
      default:
        row[c] = others[otherAt++] as Cell;
    }
  }
  cursor.at = at;
  cursor.numberAt = numberAt;
  cursor.textAt = textAt;
  cursor.otherAt = otherAt;
  return row;
}

/**
 * Where each row of a block starts, so that any row can be read alone (`decodeRow`).
 * @param block what encodeCells made
 * @returns per row, four offsets: its first cell, number, text and other value
 */
export function rowStarts(block: CellBlock): Int32Array {
  const { widths, kinds } = block;
  const starts = new Int32Array(4 * widths.length);
  let at = 0;
  let numbers = 0;
  let texts = 0;
  let others = 0;
  for (let r = 0; r < widths.length; r++) {
    starts[4 * r] = at;
    starts[4 * r + 1] = numbers;
    starts[4 * r + 2] = texts;
    starts[4 * r + 3] = others;
    for (const end = at + widths[r]; at < end; at++) {
      const kind = kinds[at];
      if (kind === KIND.number) numbers++;
      else if (kind === KIND.text) texts++;
      else if (kind === KIND.other) others++;
    }
  }
  return starts;
}

/**
 * The rows a block holds.
 * @param block what encodeCells made
 * @returns the rows, as they were
 * @example decodeCells(encodeCells([["A-1", 12.5]], false).block) // [["A-1", 12.5]]
 */
export function decodeCells<C = Cell>(block: CellBlock): C[][] {
  const { widths } = block;
  const rows = new Array<C[]>(widths.length);
  const cursor: BlockCursor = { at: 0, numberAt: 0, textAt: 0, otherAt: 0 };
  for (let r = 0; r < widths.length; r++) rows[r] = decodeRow(block, cursor, widths[r]) as C[];
  return rows;
}
