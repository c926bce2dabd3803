import { Dec } from "../../../src/rules/decimal";
import { ResultParts, sendInParts, type ResultPart } from "../../../src/jobs/worker/result-parts";
import { fromPlain, toPlain } from "../../../src/jobs/worker/transfer";

describe("a job's result crossing to the pane in parts", () => {
  it("sends each long array ahead in slices and gives the pane the result as it was", () => {
    const result = {
      report: { customers: Array.from({ length: 7 }, (_, i) => ({ name: `客户${i}`, rate: new Dec("0.0005"), items: [] })) },
      plans: [{ kind: "aging", values: [["客户", "金额"], ["甲", 100]] }],
      sheets: ["账龄分析"],
    };
    const sent: ResultPart[] = [];
    const skeleton = structuredClone(sendInParts(toPlain(result), (part) => sent.push(structuredClone(part)), 3));
    // 7 customers in slices of 3: 3 + 3 + 1; the plan's 2 rows stay in the result.
    expect(sent.map((part) => [part.part, part.items.length])).toEqual([[0, 3], [0, 3], [0, 1]]);
    expect((skeleton as { report: unknown }).report).toEqual({ customers: { "$ar:part": 0 } });
    const parts = new ResultParts();
    for (const part of sent) parts.take(part);
    const back = parts.assemble(skeleton) as typeof result;
    expect(back).toEqual(fromPlain(toPlain(result)));
    expect(back.report.customers[6].rate.toFixed()).toBe("0.0005");
  });

  it("keeps a long array inside a long array's items whole, in its slice", () => {
    const rows = Array.from({ length: 4 }, (_, i) => ({ row: i, cells: [1, 2, 3, 4, 5] }));
    const sent: ResultPart[] = [];
    const skeleton = sendInParts({ rows }, (part) => sent.push(part), 3);
    expect(sent.map((part) => part.items.length)).toEqual([3, 1]);
    const parts = new ResultParts();
    for (const part of sent) parts.take(part);
    expect(parts.assemble(skeleton)).toEqual({ rows });
  });

  it("numbers the slices of a second result on the same channel apart from the first's, which the pane still holds", () => {
    const sent: ResultPart[] = [];
    const first = sendInParts({ rows: [1, 2, 3, 4] }, (part) => sent.push(part), 3);
    const second = sendInParts({ rows: [5, 6, 7, 8, 9] }, (part) => sent.push(part), 3, 1);
    expect(sent.map((part) => part.part)).toEqual([0, 0, 1, 1]);
    const parts = new ResultParts();
    for (const part of sent) parts.take(part);
    expect(parts.assemble(second)).toEqual({ rows: [5, 6, 7, 8, 9] });
    expect(parts.assemble(first)).toEqual({ rows: [1, 2, 3, 4] });
  });
});
