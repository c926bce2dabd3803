import { valueChunks, inputRows, cellInput } from "../../src/workbook/office/write-values";
import { charsToPoints } from "../../src/workbook/office/write";

describe("cell inputs and widths", () => {
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

describe("value runs", () => {
  it("counts each row's request bytes from the plan and splits the rows under the budget", () => {
    // ["'a"] is 6 bytes of JSON, plus the comma between rows: 7 bytes a row.
    expect(valueChunks([["a"], ["b"], ["c"]], null, 14)).toEqual([
      { start: 0, count: 2, bytes: 14 },
      { start: 2, count: 1, bytes: 7 },
    ]);
    const rows = inputRows([["a"], ["b"]], { start: 0, count: 2, bytes: 14 }, null);
    expect(rows).toEqual([["'a"], ["'b"]]);
    expect(rows.map((row) => JSON.stringify(row).length + 1)).toEqual([7, 7]);
  });

  it("builds a run's inputs with text protected and 1904 dates shifted below the header", () => {
    // 46349 is 2026-11-23 in the 1900 system, 46349 − 1462 = 44887 in the 1904 system.
    const values = [["due", "note"], [46349, "=1+2"]];
    expect(inputRows(values, { start: 0, count: 2, bytes: 0 }, [true])).toEqual([["'due", "'note"], [44887, "'=1+2"]]);
    expect(valueChunks(values, [true], 1000)[0].bytes).toBe(JSON.stringify(["'due", "'note"]).length + 1 + JSON.stringify([44887, "'=1+2"]).length + 1);
  });
});
