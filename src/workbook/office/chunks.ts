/**
 * Chunk planning for the Office.js adapter: how many rows fit in one request or response under
 * Excel's payload limits (5 MB per request and per response on the web; reads over 5,000,000 cells
 * may fail), with sizes counted as they travel on the web (wireStringBytes). Pure, no Office.js.
 */
import { exactFen } from "../../rules/money";

/**
 * Target size of one sync's request or response, counted on the wire: 4,000,000 B, a fifth under
 * Excel's 5 MB for what Office.js adds around the values (action and object-path descriptors).
 */
export const PAYLOAD_BUDGET_BYTES = 4_000_000;
/** Excel's limit on the cells of one read. */
export const MAX_CELLS_PER_READ = 5_000_000;

/** A run of rows: `startRow` is 0-based relative to the block being read or written. */
export interface RowChunk {
  startRow: number;
  rowCount: number;
}

/** Limits a chunk must respect. */
export interface ChunkLimits {
  maxBytes: number;
  maxCells: number;
}

/** The default limits: 4 MB and 5,000,000 cells. */
export const DEFAULT_LIMITS: ChunkLimits = { maxBytes: PAYLOAD_BUDGET_BYTES, maxCells: MAX_CELLS_PER_READ };

/**
 * How many rows of `colCount` cells fit under the limits, at least one.
 *
 * @param colCount Cells per row (≥ 1).
 * @param bytesPerCellEstimate Expected payload bytes per cell (> 0).
 * @param limits Byte and cell limits.
 * @returns Rows per chunk.
 * @example
 * rowsPerChunk(10, 40); // 10000 — 4,000,000 bytes / (10 cells × 40 bytes)
 */
export function rowsPerChunk(colCount: number, bytesPerCellEstimate: number, limits: ChunkLimits = DEFAULT_LIMITS): number {
  const cols = Math.max(1, colCount);
  const byBytes = Math.floor(limits.maxBytes / (cols * Math.max(bytesPerCellEstimate, Number.MIN_VALUE)));
  const byCells = Math.floor(limits.maxCells / cols);
  return Math.max(1, Math.min(byBytes, byCells));
}

/**
 * Splits `rowCount` rows of `colCount` columns into consecutive chunks that each stay under the
 * byte and cell limits, given an estimate of the payload bytes per cell.
 *
 * @param rowCount Rows to cover (0 gives no chunks).
 * @param colCount Columns per row.
 * @param bytesPerCellEstimate Expected bytes per cell in the payload.
 * @param limits Byte and cell limits (4 MB, 5,000,000 cells by default).
 * @returns Chunks in order, covering every row exactly once.
 * @example
 * planChunks(20000, 10, 40);
 * // [{ startRow: 0, rowCount: 10000 }, { startRow: 10000, rowCount: 10000 }]
 */
export function planChunks(rowCount: number, colCount: number, bytesPerCellEstimate: number, limits: ChunkLimits = DEFAULT_LIMITS): RowChunk[] {
  const size = rowsPerChunk(colCount, bytesPerCellEstimate, limits);
  const chunks: RowChunk[] = [];
  for (let startRow = 0; startRow < rowCount; startRow += size) {
    chunks.push({ startRow, rowCount: Math.min(size, rowCount - startRow) });
  }
  return chunks;
}

/** UTF-8 byte length of a string. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Bytes of a string as a request or response carries it (what Excel is taken to count). Office.js
 * sends a request's body as JSON (`JSON.stringify(body)`), and Office on the web posts that text to
 * Excel's frame inside another JSON message, where each `"` and `\\` of the body is escaped once more.
 * So a string counts its UTF-8 length, its quotes and JSON's escapes (`\\"`, `\\n` … two bytes; other
 * control characters and lone surrogates `\\u00XX` six), and once more every quote and backslash
 * of that JSON form: exactly `utf8Length(JSON.stringify(JSON.stringify(text))) − 2`, the last two
 * being the outer quotes of the whole body, without building either string.
 *
 * @param text Any string.
 * @returns Its bytes on the wire.
 * @example
 * wireStringBytes("ab"); // 6 — "ab" is 4 bytes of JSON, its 2 quotes escaped again
 * wireStringBytes('a"b'); // 10 — "a\\"b" is 6 bytes, its 3 quotes and 1 backslash escaped again
 * wireStringBytes("客户"); // 10 — two 3-byte characters, 2 quotes twice
 */
export function wireStringBytes(text: string): number {
  const length = text.length;
  let bytes = length + 4;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 0x20) {
        // A quote or backslash: \" in JSON, \\\" on the wire.
        if (code === 0x22 || code === 0x5c) bytes += 3;
      } else bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
    } else if (code < 0x800) bytes += 1;
    else if (code < 0xd800 || code > 0xdfff) bytes += 2;
    else if (code <= 0xdbff && i + 1 < length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: one 4-byte character for two UTF-16 units.
      bytes += 2;
      i++;
    } else bytes += 6; // A lone surrogate: \uXXXX in JSON, its backslash escaped again.
  }
  return bytes;
}

/** Powers of ten from 10 to 1e15, for counting an integer's digits. */
const POWERS_OF_TEN = Array.from({ length: 15 }, (_, i) => 10 ** (i + 1));

/** Digits of a non-negative integer below 1e16. */
function digitCount(value: number): number {
  let digits = 1;
  while (digits <= 15 && value >= POWERS_OF_TEN[digits - 1]) digits++;
  return digits;
}

/**
 * Bytes of a number in JSON: exactly `JSON.stringify(value).length` ("null" for NaN and
 * ±Infinity). Integers and amounts with at most two decimals below 1e13 are counted without
 * formatting the number (their shortest round-trip form is the plain decimal one); other numbers
 * are formatted.
 *
 * @param value Any number.
 * @returns Its JSON byte length.
 * @example
 * jsonNumberBytes(-1200.5); // 7
 */
export function jsonNumberBytes(value: number): number {
  if (value !== value || value === Infinity || value === -Infinity) return 4;
  const sign = value < 0 ? 1 : 0;
  const magnitude = sign ? -value : value;
  if (magnitude < 1e13) {
    const whole = Math.floor(magnitude);
    if (whole === magnitude) return sign + digitCount(whole);
    // A whole number of fen is spelt with its fen (money.ts exactFen): one decimal or two.
    const fen = exactFen(magnitude);
    if (fen !== null) return sign + digitCount(whole) + (fen % 10 === 0 ? 2 : 3);
  }
  return String(value).length;
}

/**
 * Bytes of a cell value on the wire (see wireStringBytes), as in a request's or response's 2-D
 * array: numbers, booleans and null as JSON writes them (undefined is written as null in an
 * array), strings escaped twice, anything else as its JSON escaped again.
 *
 * @param value A cell value.
 * @returns Its bytes on the wire.
 * @example
 * wireValueBytes(true); // 4
 * wireValueBytes({ a: 1 }); // 9 — {"a":1}, its 2 quotes escaped again
 */
export function wireValueBytes(value: unknown): number {
  switch (typeof value) {
    case "number":
      return jsonNumberBytes(value);
    case "string":
      return wireStringBytes(value);
    case "boolean":
      return value ? 4 : 5;
    case "undefined":
      return 4;
    default:
      return value === null ? 4 : escapedAgainBytes(JSON.stringify(value) ?? "null");
  }
}

/** UTF-8 bytes of a JSON text once its quotes and backslashes are escaped again. */
function escapedAgainBytes(json: string): number {
  let escapes = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) escapes++;
  }
  return utf8Length(json) + escapes;
}

/**
 * Bytes of a `rows` × `cols` 2-D array on the wire whose every cell takes `cellBytes`: the
 * brackets of the array and of each row, and the commas between rows and between cells.
 *
 * @param rows Rows of the array.
 * @param cols Cells per row.
 * @param cellBytes Wire bytes of one cell.
 * @returns Its bytes on the wire.
 * @example
 * gridWireBytes(2, 1, 12); // 31 — [["#,##0.00"],["#,##0.00"]]: 2 + 2 × (2 + 12) + 1
 */
export function gridWireBytes(rows: number, cols: number, cellBytes: number): number {
  if (rows === 0) return 2;
  const rowBytes = 2 + (cols === 0 ? 0 : cols * cellBytes + cols - 1);
  return 2 + rows * rowBytes + rows - 1;
}

/** A unit of work for a write sync, with the bytes it adds to the request. */
export interface WriteUnit {
  bytes: number;
}

/**
 * Rows of equal cells that may be written in parts (a number-format grid): each part is one
 * unit, sized to fill what room a batch has left.
 */
export interface SplitUnit<U extends WriteUnit> {
  /** Rows to write. */
  rows: number;
  /** Bytes each row adds (its cells, brackets and comma). */
  rowBytes: number;
  /** Bytes each part adds besides its rows. */
  partBytes: number;
  /** Most rows of one part (Excel's limit on the cells of one op). */
  maxRows: number;
  /** The unit that writes rows `start` … `start + count − 1`, with its bytes. */
  part(start: number, count: number, bytes: number): U;
}

/**
 * Rows whose request bytes are known only once they are taken: a plan's values, cut into runs and
 * sized by whoever holds the cells (the jobs worker, or the writer's own thread), each take
 * filling what room a batch has left — so that no run is sized before the batch that writes it.
 */
export interface TakenUnit<U extends WriteUnit> {
  /** Rows to write. */
  rows: number;
  /**
   * The units that write the rows from `start` that fit in `room` bytes, and how many rows they
   * cover: none when even the first does not fit and `mayBeEmpty` (the batch holds other units),
   * else at least one row.
   */
  take(start: number, room: number, mayBeEmpty: boolean): Promise<{ units: U[]; rows: number }>;
}

/** Any of the three kinds of unit. */
export type PackedUnit<U extends WriteUnit> = U | SplitUnit<U> | TakenUnit<U>;

function isSplit<U extends WriteUnit>(unit: PackedUnit<U>): unit is SplitUnit<U> {
  return "part" in unit;
}

function isTaken<U extends WriteUnit>(unit: PackedUnit<U>): unit is TakenUnit<U> {
  return "take" in unit;
}

/**
 * Packs write units, in order, into batches whose bytes stay under the budget (a unit bigger than
 * the budget gets a batch of its own), one batch at a time as the writer asks: a split unit fills
 * the room a batch has left with as many of its rows as fit, and goes on in the next; a taken
 * unit is asked for what fits there. One batch = one sync; the next batch is formed (its rows
 * taken) while the sync before it travels.
 * @example
 * const packer = new BatchPacker([{ bytes: 3 }, { bytes: 2 }, { bytes: 4 }], 5);
 * (await packer.next())?.length; // 2 — then [4], then null
 */
export class BatchPacker<U extends WriteUnit> {
  private at = 0;
  /** Rows of the split or taken unit at `at` already packed. */
  private start = 0;

  /**
   * @param units the units in the order they must be applied
   * @param budgetBytes request budget per sync
   */
  constructor(
    private readonly units: readonly PackedUnit<U>[],
    private readonly budgetBytes: number = PAYLOAD_BUDGET_BYTES,
  ) {}

  /** How far the packing is, 0..1: the units packed, a unit of rows in part by its rows. */
  get fraction(): number {
    const unit = this.units[this.at];
    const partly = unit !== undefined && (isSplit(unit) || isTaken(unit)) && unit.rows > 0 ? this.start / unit.rows : 0;
    return this.units.length === 0 ? 1 : (this.at + partly) / this.units.length;
  }

  /**
   * The next batch.
   * @returns its units, or null when every unit is packed
   */
  async next(): Promise<U[] | null> {
    const batch: U[] = [];
    let used = 0;
    const add = (unit: U): void => {
      batch.push(unit);
      used += unit.bytes;
    };
    const budget = this.budgetBytes;
    while (this.at < this.units.length) {
      const unit = this.units[this.at];
      if (isTaken(unit)) {
        if (this.start >= unit.rows) {
          this.done();
          continue;
        }
        const taken = await unit.take(this.start, budget - used, batch.length > 0);
        if (taken.rows === 0) return batch;
        for (const part of taken.units) add(part);
        this.start += taken.rows;
        // Rows left over did not fit: they open the next batch.
        if (this.start < unit.rows) return batch;
        this.done();
        continue;
      }
      if (!isSplit(unit)) {
        if (batch.length > 0 && used + unit.bytes > budget) return batch;
        add(unit);
        this.done();
        continue;
      }
      if (this.start >= unit.rows) {
        this.done();
        continue;
      }
      const fitting = (room: number): number => Math.min(unit.rows - this.start, unit.maxRows, Math.floor((room - unit.partBytes) / unit.rowBytes));
      let count = fitting(budget - used);
      if (count < 1 && batch.length > 0) return batch;
      count = Math.max(1, count);
      add(unit.part(this.start, count, unit.partBytes + count * unit.rowBytes));
      this.start += count;
    }
    return batch.length > 0 ? batch : null;
  }

  private done(): void {
    this.at++;
    this.start = 0;
  }
}
