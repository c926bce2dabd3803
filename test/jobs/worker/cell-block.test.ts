import { decodeCells, encodeCells } from "../../../src/jobs/worker/cell-block";

describe("rows of cells packed to cross to and from the jobs worker", () => {
  it("gives back the rows as they were: numbers, text, booleans, blanks, Excel errors, rows of any width", () => {
    const rows = [
      ["'客户00001有限公司", "'INV00000001", 46204, 1234.56, "", true],
      ["'客户00001有限公司", "'INV00000002", -0.5, 1e21, null, false],
      [{ error: "#N/A" }, NaN, "'=1+2"],
      [],
    ];
    const { block, transfer } = encodeCells(rows, true);
    // Each distinct string once: the customer's name is sent once for both rows.
    expect(block.strings).toEqual(["'客户00001有限公司", "'INV00000001", "", "'INV00000002", "'=1+2"]);
    expect(Array.from(block.widths)).toEqual([6, 6, 3, 0]);
    expect(transfer).toHaveLength(4);
    expect(decodeCells(structuredClone(block, { transfer }))).toEqual(rows);
    // The buffers moved: the sender's arrays are empty now.
    expect(block.kinds.length).toBe(0);
  });

  it("packs no rows", () => {
    expect(decodeCells(encodeCells([], true).block)).toEqual([]);
  });

  it("sends every string as it comes when not asked for distinct ones", () => {
    const rows = [["a", "b"], ["a", 1]];
    const { block } = encodeCells(rows, false);
    expect(block.strings).toEqual(["a", "b", "a"]);
    expect(decodeCells(block)).toEqual(rows);
  });
});
