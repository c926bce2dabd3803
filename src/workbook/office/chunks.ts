/**
 * Chunk planning for the Office.js adapter: how many rows fit in one request or response under
 * Excel's payload limits (5 MB per request and per response on the web; reads over 5,000,000 cells
 * may fail). Pure functions, no Office.js.
 */

/** Target size of one sync's request or response: 4 MB, leaving headroom under Excel's 5 MB. */
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

/** UTF-8 byte length of a string (what travels over the wire). */
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
 * Bytes of a string in a JSON request or response: its UTF-8 length plus the quotes and the
 * escapes JSON.stringify writes (`\"`, `\\`, `\n` … two bytes; other control characters and lone
 * surrogates `\u00XX` six), so exactly `utf8Length(JSON.stringify(text))` without building the string.
 *
 * @param text Any string.
 * @returns Its JSON byte length.
 * @example
 * jsonStringBytes('a"b'); // 6 — "a\"b"
 * jsonStringBytes("客户"); // 8 — two 3-byte characters and the quotes
 */
export function jsonStringBytes(text: string): number {
  const length = text.length;
  let bytes = length + 2;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 0x20) {
        if (code === 0x22 || code === 0x5c) bytes += 1;
      } else bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 1 : 5;
    } else if (code < 0x800) bytes += 1;
    else if (code < 0xd800 || code > 0xdfff) bytes += 2;
    else if (code <= 0xdbff && i + 1 < length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: one 4-byte character for two UTF-16 units.
      bytes += 2;
      i++;
    } else bytes += 5; // A lone surrogate is written as \uXXXX.
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
    if (magnitude >= 0.01) {
      const cents = Math.round(magnitude * 100);
      if (cents / 100 === magnitude) return sign + digitCount(whole) + (cents % 10 === 0 ? 2 : 3);
    }
  }
  return String(value).length;
}

/**
 * Bytes of a cell value in JSON, as in a request's or response's 2-D array: numbers, strings,
 * booleans, null (and undefined, written as null in an array); anything else through
 * JSON.stringify.
 *
 * @param value A cell value.
 * @returns Its JSON byte length.
 * @example
 * jsonValueBytes(true); // 4
 */
export function jsonValueBytes(value: unknown): number {
  switch (typeof value) {
    case "number":
      return jsonNumberBytes(value);
    case "string":
      return jsonStringBytes(value);
    case "boolean":
      return value ? 4 : 5;
    case "undefined":
      return 4;
    default:
      return value === null ? 4 : utf8Length(JSON.stringify(value) ?? "null");
  }
}

/** A unit of work for a write sync, with the bytes it adds to the request. */
export interface WriteUnit {
  bytes: number;
}

/**
 * Packs write units, in order, into batches whose bytes stay under the budget (a unit bigger
 * than the budget gets a batch of its own). One batch = one sync.
 *
 * @param units Units in the order they must be applied.
 * @param budgetBytes Request budget per sync.
 * @returns Batches of units.
 * @example
 * packUnits([{ bytes: 3 }, { bytes: 2 }, { bytes: 4 }], 5).map((b) => b.length); // [2, 1]
 */
export function packUnits<U extends WriteUnit>(units: U[], budgetBytes: number = PAYLOAD_BUDGET_BYTES): U[][] {
  const batches: U[][] = [];
  let current: U[] = [];
  let used = 0;
  for (const unit of units) {
    if (current.length > 0 && used + unit.bytes > budgetBytes) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(unit);
    used += unit.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
