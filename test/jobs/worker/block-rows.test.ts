import fc from "fast-check";
import { BlockRows } from "../../../src/jobs/worker/block-rows";
import { encodeCells } from "../../../src/jobs/worker/cell-block";
import type { CellValue, RowCells } from "../../../src/workbook/adapter-types";
import { placeRows } from "../../../src/workbook/office/read";
import { cellAt, rowAt, sheetEnd } from "../../../src/workbook/sheet-cells";

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.string({ maxLength: 6 }),
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" }),
);

/** Rows read in syncs: each block's first row, its rows, in the order the blocks arrive. */
const reads = fc
  .tuple(
    fc.array(fc.tuple(fc.nat(3), fc.array(fc.array(cell, { maxLength: 7 }), { minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 6 }),
    fc.nat(4),
    fc.boolean(),
  )
  .map(([pieces, firstCol, reversed]) => {
    let start = 0;
    const blocks = pieces.map(([gap, rows]) => {
      const block = { start: start + gap, rows };
      start = block.start + rows.length;
      return block;
    });
    return { blocks: reversed ? [...blocks].reverse() : blocks, firstCol };
  });

describe("the jobs worker's rows, kept as the blocks the pane sent", () => {
  it("gives every row as the pane's own placing gives it, in whatever order the blocks came", () => {
    fc.assert(
      fc.property(reads, ({ blocks, firstCol }) => {
        const placed: (RowCells | undefined)[] = [];
        const kept = new BlockRows();
        for (const { start, rows } of blocks) {
          placeRows(placed, start, rows, firstCol);
          kept.add(start, encodeCells(rows, false).block, firstCol);
        }
        expect(kept.length).toBe(placed.length);
        // Rows from the first with none missing between, wherever the blocks came from.
        let contiguous = 0;
        for (const block of [...blocks].sort((a, b) => a.start - b.start)) {
          if (block.start > contiguous) break;
          contiguous = Math.max(contiguous, block.start + block.rows.length);
        }
        expect(kept.arrived).toBe(contiguous);
        // Past either end too: no row there.
        for (let index = -2; index < placed.length + 2; index++) expect(rowAt({ rows: kept }, index)).toEqual(index >= 0 ? placed[index] : undefined);
      }),
      { numRuns: 300 },
    );
  });

  it("reads as a sheet reads: a cell by its coordinates, the sheet's end", () => {
    const kept = new BlockRows();
    kept.add(0, encodeCells([["客户", null, "金额"], ["甲", "", 100]], false).block, 2);
    kept.add(3, encodeCells([[null, { error: "#N/A" }, true]], false).block, 2);
    const sheet = { name: "S", rows: kept, firstRow: 4, firstCol: 2, generated: false };
    expect([cellAt(sheet, 4, 2), cellAt(sheet, 4, 4), cellAt(sheet, 5, 3), cellAt(sheet, 5, 4), cellAt(sheet, 7, 3), cellAt(sheet, 7, 4)]).toEqual([
      "客户",
      "金额",
      null,
      100,
      { error: "#N/A" },
      true,
    ]);
    expect(rowAt(sheet, 2)).toBeUndefined();
    expect(sheetEnd(sheet)).toBe(8);
  });

  it("has the length it was told before its rows arrive, and counts those that have", () => {
    const kept = new BlockRows(10);
    expect([kept.length, kept.arrived]).toEqual([10, 0]);
    kept.add(4, encodeCells([["c"], ["d"]], false).block, 0);
    expect([kept.length, kept.arrived]).toEqual([10, 0]);
    kept.add(0, encodeCells([["a"], ["b"], [null], [null]], false).block, 0);
    expect([kept.length, kept.arrived]).toEqual([10, 6]);
    kept.add(6, encodeCells([["e"], ["f"], ["g"], ["h"]], false).block, 0);
    expect([kept.length, kept.arrived]).toEqual([10, 10]);
  });
});
