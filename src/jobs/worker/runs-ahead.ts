/**
 * The cells of a write, served to the pane's writer run by run (write-values.ts `runsFrom`), each
 * run packed as a cell block (cell-block.ts). While a write sync travels the worker has nothing
 * to do, so after each answer it packs the runs the writer will ask for next — the rest of the
 * plan, then the next plan's first runs — up to about a sync's worth. The writer asks for the
 * next plan's runs only once the sync before has returned (the batch goes on past the end of a
 * plan); without this the pane waited for them: at 100,000 invoices 68 ms before the detail
 * sheet's first values.
 */
import { PAYLOAD_BUDGET_BYTES } from "../../workbook/office/chunks";
import type { HeldPlanValues, ValueChunk, ValuesTake } from "../../workbook/office/write-values";
import { encodeCells, type CellBlock } from "./cell-block";

/** Request bytes packed ahead at most: about a sync's. */
export const AHEAD_BYTES = PAYLOAD_BUDGET_BYTES;

/** A run's cells, packed, and the buffers that move with them. */
export interface PackedRun {
  block: CellBlock;
  transfer: ArrayBuffer[];
}

/** Packs one run of a plan: its inputs, each distinct text quoted once (write-values.ts cellsOf). */
export function packRun(values: HeldPlanValues, plan: number, run: ValueChunk, dateSystem: ValuesTake["dateSystem"]): PackedRun {
  const { rows, input } = values.cellsOf(plan, run, dateSystem);
  return encodeCells(rows, true, input);
}

/** Waits for the next task, so that a message that arrived meanwhile is handled first. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Answers the writer's asks for cells, packing ahead between them.
 * @example
 * const runs = new RunsAhead(planValues(plans), plans.map((plan) => plan.values.length));
 * const { runs: taken, blocks, transfer } = runs.answer(take); // later answers find their runs packed
 */
export class RunsAhead {
  /** Packed runs not yet asked for, by plan, then by first row. */
  private readonly packed = new Map<number, Map<number, PackedRun>>();
  /** Asks answered so far: packing ahead stops when another comes. */
  private asks = 0;

  /**
   * @param values the plans' cells
   * @param rowCounts each plan's rows (0 for a plan with no cells to write)
   * @param pack packs a run (packRun by default)
   * @param ahead request bytes packed ahead at most
   */
  constructor(
    private readonly values: HeldPlanValues,
    private readonly rowCounts: readonly number[],
    private readonly pack: (plan: number, run: ValueChunk, dateSystem: ValuesTake["dateSystem"]) => PackedRun = (plan, run, dateSystem) => packRun(values, plan, run, dateSystem),
    private readonly ahead = AHEAD_BYTES,
  ) {}

  /**
   * The runs that fit the ask, each packed (ahead, or now), and the buffers to move; then, a task
   * later, packing ahead begins.
   */
  answer(take: ValuesTake): { runs: ValueChunk[]; blocks: CellBlock[]; transfer: ArrayBuffer[] } {
    const asked = ++this.asks;
    const runs = this.values.runsOf(take);
    const kept = this.packed.get(take.plan);
    const transfer: ArrayBuffer[] = [];
    const blocks = runs.map((run) => {
      const packed = kept?.get(run.start) ?? this.pack(take.plan, run, take.dateSystem);
      kept?.delete(run.start);
      transfer.push(...packed.transfer);
      return packed.block;
    });
    // Anything kept before where this take ended will not be asked for.
    for (const [plan, runsOfPlan] of this.packed) {
      if (plan < take.plan) this.packed.delete(plan);
      else if (plan === take.plan) for (const start of runsOfPlan.keys()) if (start < take.start) runsOfPlan.delete(start);
    }
    void nextTask().then(() => this.packAhead(take, asked));
    return { runs, blocks, transfer };
  }

  /** Packs the runs the next asks will take, a run per task, until another ask comes or enough are packed. */
  private async packAhead(like: ValuesTake, asked: number): Promise<void> {
    let bytes = 0;
    for (let plan = like.plan; plan < this.rowCounts.length && bytes < this.ahead; plan++) {
      if (this.rowCounts[plan] === 0) continue;
      for (const run of this.values.upcoming(plan, like, this.ahead - bytes)) {
        if (this.asks !== asked) return;
        bytes += run.bytes;
        let kept = this.packed.get(plan);
        if (kept === undefined) this.packed.set(plan, (kept = new Map()));
        if (kept.has(run.start)) continue;
        kept.set(run.start, this.pack(plan, run, like.dateSystem));
        await nextTask();
      }
    }
  }
}
