/**
 * A sheet's rows in the jobs worker, kept as the packed blocks the pane's read syncs sent
 * (cell-block.ts) and made into rows one at a time as the reading asks for them. Decoding every
 * block into an array of row objects at once kept a million rows as several million small
 * objects for the collector to copy and mark while the rest of the read arrived; a block is a few
 * typed arrays (not traced) and its strings. A row comes out as `placeRows` (office/read.ts)
 * places it — decoded as `decodeCells` decodes it, made sparse by `rowFromValues`.
 */
import type { CellValue, RowCells, RowSource } from "../../workbook/adapter-types";
import { rowFromValues } from "../../workbook/sheet-cells";
import { decodeRow, rowStarts, type CellBlock } from "./cell-block";

/** One block's rows: where each row's cells, numbers, texts and other values start in the block. */
interface Segment {
  /** The first row's index (0-based from the sheet's first row). */
  start: number;
  block: CellBlock;
  /** The sheet column of each row's first cell. */
  firstCol: number;
  /** Per row, four offsets: its first cell, number, text and other value in the block. */
  offsets: Int32Array;
}

/**
 * Rows received block by block, read row by row.
 * @example
 * const rows = new BlockRows();
 * rows.add(0, encodeCells([["客户", null, "金额"]], false).block, 0);
 * rows.row(0) // { cols: [0, 2], values: ["客户", "金额"] }
 */
export class BlockRows implements RowSource {
  length: number;
  /** How many rows from the first have arrived, with no row missing between. */
  arrived = 0;
  /** By first row, in order; blocks do not overlap (a read brings each row once). */
  private readonly segments: Segment[] = [];
  /** The segment the last row asked for was in: rows are read in order. */
  private last = 0;
  /** The first segment not counted in `arrived`. */
  private counted = 0;

  /** @param declared the rows the sheet will have, when known before they arrive (else as many as have) */
  constructor(declared = 0) {
    this.length = declared;
  }

  /**
   * Keeps a block's rows.
   * @param start the index of the block's first row
   * @param block the rows, dense from `firstCol`, as encodeCells packed them
   * @param firstCol the sheet column of each row's first cell
   */
  add(start: number, block: CellBlock, firstCol: number): void {
    const segment: Segment = { start, block, firstCol, offsets: rowStarts(block) };
    let at = this.segments.length;
    while (at > 0 && this.segments[at - 1].start > start) at--;
    this.segments.splice(at, 0, segment);
    this.length = Math.max(this.length, start + block.widths.length);
    if (at < this.counted) this.counted = at;
    for (; this.counted < this.segments.length && this.segments[this.counted].start <= this.arrived; this.counted++) {
      const reached = this.segments[this.counted];
      this.arrived = Math.max(this.arrived, reached.start + reached.block.widths.length);
    }
  }

  /**
   * A row, made anew.
   * @param index 0-based from the sheet's first row
   * @returns its cells, undefined when it holds no value
   */
  row(index: number): RowCells | undefined {
    const segment = this.segmentOf(index);
    if (segment === undefined) return undefined;
    const r = index - segment.start;
    const { offsets } = segment;
    const cursor = { at: offsets[4 * r], numberAt: offsets[4 * r + 1], textAt: offsets[4 * r + 2], otherAt: offsets[4 * r + 3] };
    return rowFromValues(decodeRow(segment.block, cursor, segment.block.widths[r]) as CellValue[], segment.firstCol);
  }

  /** Cells holding a value, every row's. */
  cellCount(): number {
    let cells = 0;
    for (let index = 0; index < this.length; index++) cells += this.row(index)?.cols.length ?? 0;
    return cells;
  }

  /** The segment holding a row, if any. */
  private segmentOf(index: number): Segment | undefined {
    const { segments } = this;
    const guess = segments[this.last];
    if (guess !== undefined && index >= guess.start && index < guess.start + guess.block.widths.length) return guess;
    let low = 0;
    let high = segments.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const segment = segments[middle];
      if (index < segment.start) high = middle - 1;
      else if (index >= segment.start + segment.block.widths.length) low = middle + 1;
      else {
        this.last = middle;
        return segment;
      }
    }
    return undefined;
  }
}
