/**
 * The worker's answers to the pane writer's asks for cells: each run packed, and the runs the
 * next asks will take packed while the pane's sync travels.
 */
import { decodeCells } from "../../../src/jobs/worker/cell-block";
import { packRun, RunsAhead, type PackedRun } from "../../../src/jobs/worker/runs-ahead";
import { planValues, type ValueChunk, type ValuesTake } from "../../../src/workbook/office/write-values";
import type { PlanCell, SheetPlan } from "../../../src/workbook/plan-types";

function plan(name: string, rows: number): SheetPlan {
  const values: PlanCell[][] = [["客户", "金额"], ...Array.from({ length: rows }, (_, r) => [`客户${r % 4}`, r * 1.5])];
  return { name, kind: "detail", values, formats: [], conditionalFormats: [], columnWidths: [], freezeRows: 1, freezeCols: 0 };
}

/** Lets the tasks queued so far run (packing ahead goes a run per task). */
async function tasks(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A server over these plans whose packings are counted. */
function served(plans: SheetPlan[], ahead?: number) {
  const values = planValues(plans);
  const packed: { plan: number; run: ValueChunk }[] = [];
  const pack = (planIndex: number, run: ValueChunk, dateSystem: ValuesTake["dateSystem"]): PackedRun => {
    packed.push({ plan: planIndex, run });
    return packRun(values, planIndex, run, dateSystem);
  };
  return { server: new RunsAhead(values, plans.map((p) => p.values.length), pack, ahead), packed };
}

const ask = (planIndex: number, start: number, roomBytes: number): ValuesTake => ({ plan: planIndex, dateSystem: "1900", start, runBytes: 200, roomBytes, runOverhead: 10, mayBeEmpty: false });

describe("runs packed ahead of the writer's asks", () => {
  it("packs the next plan's first runs after the last of a plan is taken, and answers with them unpacked again", async () => {
    const plans = [plan("账龄", 3), plan("明细", 100)];
    const { server, packed } = served(plans);
    const first = server.answer(ask(0, 0, 10_000));
    expect(first.runs).toEqual([{ start: 0, count: 4, bytes: expect.any(Number) as number }]);
    expect(packed.map((p) => p.plan)).toEqual([0]);
    await tasks(200);
    // The detail plan's runs, all of them (well under the bytes packed ahead), before any ask for them.
    const ahead = packed.filter((p) => p.plan === 1).map((p) => p.run);
    expect(ahead.length).toBeGreaterThan(1);
    const count = packed.length;
    const second = server.answer(ask(1, 0, 1_000));
    expect(second.runs).toEqual(ahead.slice(0, second.runs.length));
    expect(packed.length).toBe(count);
    // The same cells as packed on demand.
    const { server: plain } = served(plans, 0);
    plain.answer(ask(0, 0, 10_000));
    const expected = plain.answer(ask(1, 0, 1_000));
    expect(second.runs).toEqual(expected.runs);
    expect(second.blocks.map((block) => decodeCells(block))).toEqual(expected.blocks.map((block) => decodeCells(block)));
    expect(second.transfer).toHaveLength(4 * second.runs.length);
  });

  it("packs about the bytes it may ahead, and goes on after each ask without packing a run twice", async () => {
    const plans = [plan("明细", 2_000)];
    const { server, packed } = served(plans, 1_000);
    const bytesOf = (runs: ValueChunk[]) => runs.reduce((sum, run) => sum + run.bytes, 0);
    const first = server.answer(ask(0, 0, 600));
    await tasks(100);
    const ahead = packed.slice(first.runs.length).map((p) => p.run);
    expect(bytesOf(ahead)).toBeGreaterThanOrEqual(1_000);
    expect(bytesOf(ahead.slice(0, -1))).toBeLessThan(1_000);
    expect(ahead[0].start).toBe(first.runs[first.runs.length - 1].start + first.runs[first.runs.length - 1].count);
    // Two asks that take runs packed ahead pack nothing; the packing after them starts where those packed end.
    const before = packed.length;
    const end = (runs: ValueChunk[]) => runs[runs.length - 1].start + runs[runs.length - 1].count;
    const second = server.answer(ask(0, end(first.runs), 300));
    const third = server.answer(ask(0, end(second.runs), 300));
    expect(packed.length).toBe(before);
    await tasks(100);
    const later = packed.slice(before).map((p) => p.run);
    expect(later[0].start).toBeGreaterThanOrEqual(end(ahead));
    expect(bytesOf([...ahead.filter((run) => run.start >= end(third.runs)), ...later])).toBeGreaterThanOrEqual(1_000);
  });
});
