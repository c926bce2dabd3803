/**
 * The workbook as a job sees it in the worker: a `WorkbookAdapter` whose every method is the
 * pane adapter's, called through the pane (PaneLink). The two that carry the workbook's rows go
 * in pieces: a read receives its rows as each of the pane's syncs brings them and keeps them
 * here; a write sends the plans' layouts and serves their cells run by run, as the pane's writer
 * asks, so that the pane never holds a plan's cells.
 */
import type { ReadOptions, ReplaceableSheet, RunOptions, WorkbookAdapter, WorkbookData, WriteOptions } from "../../workbook/adapter-types";
import { checkPlanFitsSheet } from "../../workbook/excel-limits";
import { layoutOf, planValues, type ValueChunk } from "../../workbook/office/write-values";
import type { SheetPlan } from "../../workbook/plan-types";
import { BlockRows } from "./block-rows";
import type { PaneLink } from "./pane-link";
import type { ValuesTaken } from "./protocol";
import { RunsAhead } from "./runs-ahead";

/** Whether an argument is run options (a signal or a progress sink), which cannot cross. */
function isRunOptions(value: unknown): value is RunOptions {
  return typeof value === "object" && value !== null && !Array.isArray(value) && ("signal" in value || "onProgress" in value);
}

/** Calls a pane adapter method; run options as the last argument become the pane's own. */
function forward(link: PaneLink, name: string, args: unknown[]): Promise<unknown> {
  const last = args[args.length - 1];
  if (!isRunOptions(last)) return link.invoke("adapter", name, args);
  return link.invoke("adapter", name, args.slice(0, -1), { runOptions: true, onProgress: last.onProgress });
}

/**
 * Reads the workbook: the pane sends the workbook before its rows, then the rows of each sync,
 * kept as the blocks they came in (block-rows.ts: a row is made when the reading asks for it),
 * then the workbook again, complete but for the rows. After each block, `onArrived` hears of the
 * workbook so far.
 */
async function readInPieces(link: PaneLink, options: ReadOptions = {}): Promise<WorkbookData> {
  const placed: BlockRows[] = [];
  let sofar: WorkbookData | undefined;
  const arrived = (sheet: number): number => (sofar?.sheets[sheet].firstRow ?? 0) + (placed[sheet]?.arrived ?? 0);
  const data = (await link.invoke("adapter", "read", [], {
    runOptions: true,
    onProgress: options.onProgress,
    onLayout: (layout, rowCounts) => {
      sofar = layout;
      layout.sheets.forEach((sheet, index) => {
        sheet.rows = placed[index] = new BlockRows(rowCounts[index]);
      });
      options.onArrived?.(layout, arrived);
    },
    onRows: (sheet, startRow, block, firstCol) => {
      (placed[sheet] ??= new BlockRows()).add(startRow, block, firstCol);
      if (sofar !== undefined) options.onArrived?.(sofar, arrived);
    },
  })) as WorkbookData;
  placed.forEach((rows, sheet) => {
    data.sheets[sheet].rows = rows;
  });
  return data;
}

/**
 * Counts what the pane's writer has taken of each plan's rows and says, once, when it has taken
 * them all (the writer takes the rows of every plan with cells, each once, in order).
 */
function allTaken(rowCounts: readonly number[], then: () => void): (plan: number, runs: readonly ValueChunk[]) => void {
  const left = [...rowCounts];
  let plansLeft = left.filter((rows) => rows > 0).length;
  return (plan, runs) => {
    if (plansLeft === 0 || left[plan] === 0) return;
    for (const run of runs) left[plan] = Math.max(0, left[plan] - run.count);
    if (left[plan] === 0 && --plansLeft === 0) then();
  };
}

/** Writes plans: their layouts go to the pane, their cells stay here until the pane's writer asks. */
async function writeInPieces(link: PaneLink, plans: SheetPlan[], options: WriteOptions = {}): Promise<string[]> {
  plans.forEach(checkPlanFitsSheet);
  const values = planValues(plans);
  const layouts = plans.map(layoutOf);
  // The rows the writer will take of each plan: none of a plan without cells.
  const rowCounts = layouts.map((layout) => (layout.width > 0 ? layout.rowCount : 0));
  const served = new RunsAhead(values, rowCounts);
  const { onValuesTaken } = options;
  // Told after the answer that takes the last cells has gone (a task later).
  const taken = onValuesTaken === undefined ? undefined : allTaken(rowCounts, () => setTimeout(onValuesTaken, 0));
  const written = await link.invoke("adapter", "writePlans", [layouts], {
    runOptions: true,
    onProgress: options.onProgress,
    onPull: async ({ take }) => {
      // Each run's cells packed as written, each distinct text quoted once; the next runs packed
      // while the pane's sync travels (runs-ahead.ts).
      const { runs, blocks, transfer } = served.answer(take);
      taken?.(take.plan, runs);
      const answer: ValuesTaken = { runs, blocks };
      return { value: answer, transfer };
    },
  });
  return written as string[];
}

/**
 * The pane's adapter, seen from the worker.
 * @param link the line to the pane
 * @param methods the pane adapter's methods (a method it lacks stays absent here too)
 * @returns an adapter for the job
 * @example const adapter = paneAdapter(link, ["read", "writePlans", "writeSettings"]); await runAging(adapter, options);
 */
export function paneAdapter(link: PaneLink, methods: readonly string[]): WorkbookAdapter {
  const adapter: Record<string, unknown> = {};
  for (const name of methods) adapter[name] = (...args: unknown[]) => forward(link, name, args);
  adapter.read = (options?: ReadOptions) => readInPieces(link, options);
  adapter.writePlans = (plans: SheetPlan[], options?: WriteOptions) => writeInPieces(link, plans, options);
  if (methods.includes("findReplaceableSheets")) {
    // Only the plans' names count there: their layouts go, not their cells.
    adapter.findReplaceableSheets = async (plans: SheetPlan[]) => (await link.invoke("adapter", "findReplaceableSheets", [plans.map(layoutOf)])) as ReplaceableSheet[];
  }
  return adapter as unknown as WorkbookAdapter;
}
