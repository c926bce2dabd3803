import { decodeCells, encodeCells } from "../../../src/jobs/worker/cell-block";
import { planValues } from "../../../src/workbook/office/write-values";
import type { PlanCell, SheetPlan } from "../../../src/workbook/plan-types";

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

  it("packs a plan's run as written, converting as it goes: the same rows as its inputs built whole, each text quoted once", async () => {
    const plan: SheetPlan = {
      name: "明细",
      kind: "detail",
      values: [["客户", "到期日", "金额", "备注"], ...Array.from({ length: 50 }, (_, r) => [`客户${r % 3}`, 46000 + r, r % 4 === 0 ? null : r / 100, r % 5 === 0 ? "=1+2" : ""])],
      formats: [],
      conditionalFormats: [],
      columnWidths: [],
      freezeRows: 1,
      freezeCols: 0,
      dateCols: [1],
    };
    const values = planValues([plan]);
    // In 1904, the date column moves: the input depends on the column, not only on the cell.
    const ask = { plan: 0, dateSystem: "1904" as const, start: 0, runBytes: 300, roomBytes: Infinity, runOverhead: 0, mayBeEmpty: false };
    const [, taken] = await values.take(ask);
    const { run } = taken;
    const { rows, input } = values.cellsOf(0, run, "1904");
    let asked = 0;
    const { block } = encodeCells(rows, true, (cell: PlanCell, row, col) => {
      if (typeof cell === "string") asked++;
      return input(cell, row, col);
    });
    expect(decodeCells(block)).toEqual(taken.inputs);
    // Each distinct text asked for once; "" sent once as given (an empty text), once as made of the blanks.
    expect(asked).toBe(new Set(rows.flat().filter((cell) => typeof cell === "string")).size);
    expect(block.strings.filter((text) => text === "")).toHaveLength(2);
    expect(block.strings.filter((text) => text === "'客户1")).toHaveLength(1);
    expect(run.start).toBeGreaterThan(0);
  });

  it("stops looking up a column whose strings do not repeat, and still sends every cell as it was", () => {
    // 2,000 rows: invoice numbers that never repeat, a customer that changes every 7 rows, a label of 3.
    const rows = Array.from({ length: 2000 }, (_, r) => [`INV-${r}`, `客户${Math.floor(r / 7)}`, ["未到期", "1-30天", "90天以上"][r % 3]]);
    const { block } = encodeCells(rows, true);
    expect(decodeCells(block)).toEqual(rows);
    // Each customer and each label once; the invoice numbers once each as well (they are distinct).
    expect(block.strings).toHaveLength(2000 + Math.ceil(2000 / 7) + 3);
  });
});
