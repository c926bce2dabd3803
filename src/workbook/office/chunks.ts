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
