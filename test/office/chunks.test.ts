import { packUnits, planChunks, rowsPerChunk, utf8Length } from "../../src/workbook/office/chunks";
import { cellInput, charsToPoints, parseRegistry, resolveTargets } from "../../src/workbook/office/registry";
import type { SheetPlan } from "../../src/workbook/plan-types";

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

const plan = (name: string): SheetPlan => ({ name, kind: "aging", values: [], formats: [], conditionalFormats: [], columnWidths: [], freezeRows: 0, freezeCols: 0 });

describe("resolveTargets", () => {
  const existing = [
    { id: "{user}", name: "Aging", position: 0 },
    { id: "{ours}", name: "Flags", position: 1 },
  ];

  it("replaces our own sheet and steps around a user's sheet of the same name", () => {
    const targets = resolveTargets([plan("Aging"), plan("flags"), plan("Letters")], existing, new Set(["{ours}"]));
    expect(targets.map((t) => [t.name, t.replaces?.id])).toEqual([
      ["Aging (2)", undefined],
      ["flags", "{ours}"],
      ["Letters", undefined],
    ]);
  });

  it("keeps names within 31 characters when adding a suffix", () => {
    const long = "A".repeat(31);
    const [target] = resolveTargets([plan(long)], [{ id: "u", name: long, position: 0 }], new Set());
    expect(target.name).toBe(`${"A".repeat(27)} (2)`);
  });
});

describe("registry and cell helpers", () => {
  it("reads the registry defensively", () => {
    expect(parseRegistry('[{"id":"{A}","name":"Aging","kind":"aging"},{"name":"no id"}]')).toEqual([{ id: "{A}", name: "Aging", kind: "aging" }]);
    expect(parseRegistry("not json")).toEqual([]);
    expect(parseRegistry(undefined)).toEqual([]);
  });

  it("prefixes every string with Excel's quote prefix", () => {
    expect(cellInput("=1+2")).toBe("'=1+2");
    expect(cellInput("'quoted")).toBe("''quoted");
    expect(cellInput("")).toBe("");
    expect(cellInput(null)).toBe("");
    expect(cellInput(0)).toBe(0);
  });

  it("converts character widths to points", () => {
    expect(charsToPoints(10)).toBe(56.25); // (10 × 7 + 5) px × 0.75
  });
});
