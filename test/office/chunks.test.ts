import fc from "fast-check";
import { jsonNumberBytes, jsonStringBytes, jsonValueBytes, packUnits, planChunks, rowsPerChunk, utf8Length } from "../../src/workbook/office/chunks";

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

describe("packUnits", () => {
  it("packs units in order under the budget", () => {
    expect(packUnits([{ bytes: 3 }, { bytes: 2 }, { bytes: 4 }, { bytes: 9 }, { bytes: 1 }], 5).map((b) => b.map((u) => u.bytes))).toEqual([[3, 2], [4], [9], [1]]);
  });
});

describe("utf8Length", () => {
  it("counts Chinese characters as 3 bytes", () => {
    expect(utf8Length("客户A")).toBe(7);
  });
});

/** What travels: the UTF-8 bytes of JSON.stringify (TextEncoder, as the stand-in measures). */
const wireBytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

describe("JSON byte counts without JSON.stringify", () => {
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
    for (const text of cases) expect([text, jsonStringBytes(text)]).toEqual([text, wireBytes(text)]);
    expect(jsonStringBytes('a"b')).toBe(6);
    expect(jsonStringBytes("客户")).toBe(8);
    expect(jsonStringBytes("\u0001")).toBe(8);
  });

  it("counts any string exactly (property)", () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: anyUnit })), (text) => jsonStringBytes(text) === wireBytes(text)),
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

  it("counts booleans, blanks and other values as JSON writes them in an array", () => {
    expect([true, false, null, undefined, { a: 1 }].map(jsonValueBytes)).toEqual([4, 5, 4, 4, 7]);
  });
});
