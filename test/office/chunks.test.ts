import fc from "fast-check";
import { gridWireBytes, jsonNumberBytes, BatchPacker, planChunks, type PackedUnit, rowsPerChunk, utf8Length, wireStringBytes, wireValueBytes } from "../../src/workbook/office/chunks";

describe("planChunks", () => {
  it("splits rows so that each chunk stays under 4 MB", () => {
    // 4,000,000 / (10 cells × 40 bytes) = 10,000 rows per chunk
    expect(planChunks(20000, 10, 40)).toEqual([
      { startRow: 0, rowCount: 10000 },
      { startRow: 10000, rowCount: 10000 },
    ]);
    expect(planChunks(25001, 10, 40).map((c) => c.rowCount)).toEqual([10000, 10000, 5001]);
  });

  it("caps a chunk at 5,000,000 cells even when cells are tiny", () => {
    // 1 byte per cell would allow 4,000,000 rows of 1 cell, but 2 columns × 2,500,000 rows is the cell cap
    expect(rowsPerChunk(2, 0.5)).toBe(2_500_000);
  });

  it("gives at least one row per chunk and no chunk for no rows", () => {
    expect(planChunks(3, 5, 10_000_000)).toEqual([
      { startRow: 0, rowCount: 1 },
      { startRow: 1, rowCount: 1 },
      { startRow: 2, rowCount: 1 },
    ]);
    expect(planChunks(0, 5, 10)).toEqual([]);
  });

  it("covers every row exactly once", () => {
    const chunks = planChunks(12345, 7, 33);
    expect(chunks.reduce((sum, c) => sum + c.rowCount, 0)).toBe(12345);
    chunks.slice(1).forEach((c, i) => expect(c.startRow).toBe(chunks[i].startRow + chunks[i].rowCount));
  });
});

/** Every batch the packer forms, in order. */
async function packUnits<U extends { bytes: number }>(units: PackedUnit<U>[], budget: number): Promise<U[][]> {
  const packer = new BatchPacker(units, budget);
  const batches: U[][] = [];
  for (let batch = await packer.next(); batch !== null; batch = await packer.next()) batches.push(batch);
  expect(packer.fraction).toBe(1);
  return batches;
}

describe("BatchPacker", () => {
  it("packs units in order under the budget", async () => {
    expect((await packUnits([{ bytes: 3 }, { bytes: 2 }, { bytes: 4 }, { bytes: 9 }, { bytes: 1 }], 5)).map((b) => b.map((u) => u.bytes))).toEqual([[3, 2], [4], [9], [1]]);
  });

  it("fills what room a batch has left with a split unit's rows, then goes on in the next", async () => {
    // 25 rows of 10 bytes, 5 bytes a part, at most 7 rows a part; budget 100. After a unit of 40:
    // (100 − 40 − 5) ÷ 10 = 5 rows (55 bytes). Next batch: 7 rows (the cap, 75), then the room left
    // takes (25 − 5) ÷ 10 = 2 (25). Again 7 + 2; the last 2 rows (25) go beside the final unit of 30.
    type Unit = { bytes: number; rows?: [number, number] };
    const grid = { rows: 25, rowBytes: 10, partBytes: 5, maxRows: 7, part: (start: number, count: number, bytes: number): Unit => ({ bytes, rows: [start, count] }) };
    const batches = await packUnits<Unit>([{ bytes: 40 }, grid, { bytes: 30 }], 100);
    expect(batches.map((batch) => batch.map((unit) => unit.rows ?? unit.bytes))).toEqual([[40, [0, 5]], [[5, 7], [12, 2]], [[14, 7], [21, 2]], [[23, 2], 30]]);
    expect(batches.map((batch) => batch.reduce((sum, unit) => sum + unit.bytes, 0))).toEqual([95, 100, 100, 55]);
  });

  it("gives a split unit's row bigger than the budget a part of its own", async () => {
    const grid = { rows: 2, rowBytes: 200, partBytes: 1, maxRows: 10, part: (_start: number, _count: number, bytes: number) => ({ bytes }) };
    expect((await packUnits<{ bytes: number }>([{ bytes: 10 }, grid], 100)).map((batch) => batch.map((unit) => unit.bytes))).toEqual([[10], [201], [201]]);
  });

  it("asks a taken unit for what fits in the room each batch has left, and only when the batch is formed", async () => {
    // 10 rows of 12 bytes, taken a row a unit while they fit; budget 50.
    type Unit = { bytes: number; row?: number };
    const asked: [number, number, boolean][] = [];
    const rows = {
      rows: 10,
      take: async (start: number, room: number, mayBeEmpty: boolean) => {
        asked.push([start, room, mayBeEmpty]);
        const count = Math.min(10 - start, Math.max(mayBeEmpty ? 0 : 1, Math.floor(room / 12)));
        return { units: Array.from({ length: count }, (_, i): Unit => ({ bytes: 12, row: start + i })), rows: count };
      },
    };
    const packer = new BatchPacker<Unit>([{ bytes: 30 }, rows, { bytes: 20 }], 50);
    expect((await packer.next())?.map((unit) => unit.row ?? unit.bytes)).toEqual([30, 0]);
    expect(asked).toEqual([[0, 20, true]]);
    expect(packer.fraction).toBeCloseTo(1 / 3 + 1 / 30);
    expect((await packer.next())?.map((unit) => unit.row ?? unit.bytes)).toEqual([1, 2, 3, 4]);
    expect((await packer.next())?.map((unit) => unit.row ?? unit.bytes)).toEqual([5, 6, 7, 8]);
    // The last row leaves 38 bytes: the unit of 20 joins it.
    expect((await packer.next())?.map((unit) => unit.row ?? unit.bytes)).toEqual([9, 20]);
    expect(await packer.next()).toBeNull();
    expect(asked).toEqual([[0, 20, true], [1, 50, false], [5, 50, false], [9, 50, false]]);
  });

  it("closes a batch when a taken unit's first rows do not fit beside what it holds", async () => {
    const rows = { rows: 1, take: async (_start: number, room: number, mayBeEmpty: boolean) => (room < 40 && mayBeEmpty ? { units: [], rows: 0 } : { units: [{ bytes: 40 }], rows: 1 }) };
    expect((await packUnits<{ bytes: number }>([{ bytes: 30 }, rows], 50)).map((batch) => batch.map((unit) => unit.bytes))).toEqual([[30], [40]]);
  });
});

describe("utf8Length", () => {
  it("counts Chinese characters as 3 bytes", () => {
    expect(utf8Length("客户A")).toBe(7);
  });
});

/**
 * What travels on the web: the request's JSON text posted inside another JSON message, so its
 * quotes and backslashes escaped once more — the UTF-8 bytes of JSON.stringify twice, less the
 * outer quotes of the whole body (TextEncoder, as the stand-in measures).
 */
const wireBytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(JSON.stringify(value))).length - 2;

describe("wire byte counts without JSON.stringify", () => {
  it("counts strings exactly: quotes, two-byte escapes, \\u00XX escapes, 2-, 3- and 4-byte characters, lone surrogates", () => {
    const cases = [
      "",
      "INV-2025-000001",
      'say "hi"',
      "back\\slash",
      "line\nbreak\ttab\rcr\bbs\fff",
      "\u0000\u0001\u000b\u001f",
      "é ß ж",
      "客户0001有限公司",
      "😀 emoji",
      "\ud800 lone high",
      "lone low \udc00",
      "ends high \ud83d",
      "\u2028\u2029 separators",
      "\u007f del",
    ];
    for (const text of cases) expect([text, wireStringBytes(text)]).toEqual([text, wireBytes(text)]);
    // "a\"b" is 6 bytes of JSON; on the wire \"a\\\"b\" is 10.
    expect(wireStringBytes('a"b')).toBe(10);
    // Two 3-byte characters and the quotes, each quote escaped again: 6 + 4.
    expect(wireStringBytes("客户")).toBe(10);
    // "\u0001" is 8 bytes of JSON; its 2 quotes and 1 backslash escaped again: 11.
    expect(wireStringBytes("\u0001")).toBe(11);
  });

  it("counts any string exactly (property)", () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: anyUnit })), (text) => wireStringBytes(text) === wireBytes(text)),
      { numRuns: 1000 },
    );
  });

  it("counts numbers exactly: integers, amounts with two decimals, and every other double", () => {
    const cases = [0, -0, 1, -1, 9, 10, 99, 100, 45000, 1200.5, -300, 0.01, 0.1, 0.05, -0.5, 1000.25, 9999999999999.99, 1e13, 1e15, 2 ** 53, 1e21, 1.5e-7, 0.1 + 0.2, NaN, Infinity, -Infinity];
    for (const value of cases) expect([value, jsonNumberBytes(value)]).toEqual([value, JSON.stringify(value).length]);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.integer({ min: -1e12, max: 1e12 }).map((cents) => cents / 100),
          fc.integer({ min: -1e9, max: 1e9 }).map((tenths) => tenths / 10),
          fc.integer().map((n) => n * 1000),
        ),
        (value) => jsonNumberBytes(value) === JSON.stringify(value).length,
      ),
      { numRuns: 5000 },
    );
  });

  it("counts booleans, blanks and other values as JSON writes them in an array, quotes twice", () => {
    // {"a":1} is 7 bytes of JSON, its 2 quotes escaped again: 9.
    expect([true, false, null, undefined, { a: 1 }, 12.5, "x"].map(wireValueBytes)).toEqual([4, 5, 4, 4, 9, 4, 5]);
    for (const value of [true, null, { error: "#N/A" }, { a: 'say "hi"' }, -0.25]) expect(wireValueBytes(value)).toBe(wireBytes(value));
  });

  it("counts a grid of equal cells exactly: brackets, commas, cells", () => {
    // [["#,##0.00"],["#,##0.00"]]: each cell 10 bytes of JSON + its 2 quotes again = 12; 2 + 2 × 14 + 1 = 31.
    const cell = wireValueBytes("#,##0.00");
    expect(cell).toBe(12);
    expect(gridWireBytes(2, 1, cell)).toBe(31);
    for (const [rows, cols] of [[0, 3], [1, 1], [3, 2], [1000, 7], [2, 0]]) {
      const grid = Array.from({ length: rows }, () => new Array<string>(cols).fill("yyyy-mm-dd"));
      expect([rows, cols, gridWireBytes(rows, cols, wireValueBytes("yyyy-mm-dd"))]).toEqual([rows, cols, wireBytes(grid)]);
    }
  });
});
