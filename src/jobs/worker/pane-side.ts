/**
 * The pane's side of a job run in the worker: starts the job, answers the worker's calls with the
 * pane's own adapter, and only moves plain arrays between Excel and the worker — the rows of each
 * read sync go on as they arrive; the cells of each write sync are asked for while the sync
 * before it travels. The pane's cancel signal reaches every adapter call it makes for the worker.
 */
import type { ReplaceableSheet, RunOptions, WorkbookAdapter, WorkbookData } from "../../workbook/adapter-types";
import type { RowSink } from "../../workbook/office/read";
import type { CellInput, PlanLayout, PlanValues } from "../../workbook/office/write-values";
import type { SheetPlan } from "../../workbook/plan-types";
import { decodeCells, encodeCells } from "./cell-block";
import type { JobName, JOBS } from "./job-table";
import type { FromWorker, Port, Settled, ToWorker, ValuesAsk, ValuesTaken } from "./protocol";
import { ResultParts } from "./result-parts";
import { errorToPlain, fromPlain, plainToError, toPlain } from "./transfer";

/** An adapter that can read and write in pieces (the Office adapter): what a job in the worker needs. */
export interface PieceWiseAdapter extends WorkbookAdapter {
  /** Reads as `read`, handing each sync's rows to the sink instead of keeping them. */
  readInPieces(options: RunOptions, sink: RowSink): Promise<WorkbookData>;
  /** Writes plans given as layouts, their cells fetched run by run. */
  writeLaidOut(layouts: PlanLayout[], values: PlanValues, options: RunOptions): Promise<string[]>;
  findReplaceableSheets?(plans: readonly Pick<SheetPlan, "name">[]): Promise<ReplaceableSheet[]>;
}

/** The options of the job of that name (of any job by default): its signal stays with the pane, the rest crosses (functions called back). */
export type WorkerJobOptions<N extends JobName = JobName> = Parameters<(typeof JOBS)[N]>[1];

/** Methods that are the pane's own business, never the worker's to call. */
const PANE_ONLY = new Set(["constructor", "readInPieces", "writeLaidOut"]);

/**
 * Whether an adapter can serve a job in the worker.
 * @param adapter the pane's adapter
 * @returns true for an adapter that reads and writes in pieces
 * @example isPieceWise(new OfficeAdapter()) // true
 */
export function isPieceWise(adapter: WorkbookAdapter): adapter is PieceWiseAdapter {
  const candidate = adapter as Partial<PieceWiseAdapter>;
  return typeof candidate.readInPieces === "function" && typeof candidate.writeLaidOut === "function";
}

/** The names of an adapter's methods, its class's included. */
function methodsOf(adapter: object): string[] {
  const names = new Set<string>();
  for (let at: object | null = adapter; at !== null && at !== Object.prototype; at = Object.getPrototypeOf(at) as object | null) {
    for (const name of Object.getOwnPropertyNames(at)) {
      if (!PANE_ONLY.has(name) && typeof (adapter as Record<string, unknown>)[name] === "function") names.add(name);
    }
  }
  return [...names];
}

/** One job's run on the pane's side: its calls answered, its asks for cells kept. */
class PaneRun {
  private readonly pulls = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextPull = 1;

  constructor(
    private readonly port: Port,
    private readonly adapter: PieceWiseAdapter,
    private readonly callbacks: Record<string, (...args: unknown[]) => unknown>,
    private readonly signal: AbortSignal | undefined,
  ) {}

  send(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.port.postMessage(message, transfer);
  }

  /** Answers one call of the worker. */
  async answer(message: Extract<FromWorker, { kind: "invoke" }>): Promise<void> {
    let settled: Settled;
    try {
      settled = { ok: true, value: toPlain(await this.perform(message)) };
    } catch (error) {
      settled = { ok: false, error: errorToPlain(error) };
    }
    this.send({ kind: "settled", id: message.id, ...settled });
  }

  /** Takes the answer to an ask for cells. */
  pulled(message: Extract<FromWorker, { kind: "pulled" }>): void {
    const pull = this.pulls.get(message.request);
    this.pulls.delete(message.request);
    if (message.ok) pull?.resolve(fromPlain(message.value));
    else pull?.reject(plainToError(message.error));
  }

  private perform(message: Extract<FromWorker, { kind: "invoke" }>): Promise<unknown> {
    const args = message.args.map(fromPlain);
    if (message.target === "option") return Promise.resolve(this.callbacks[message.name](...args));
    const run: RunOptions = { signal: this.signal, onProgress: (progress) => this.send({ kind: "progress", id: message.id, progress }) };
    switch (message.name) {
      case "read":
        return this.adapter.readInPieces(run, {
          layout: (data, rowCounts) => this.send({ kind: "layout", id: message.id, data, rowCounts }),
          rows: (sheet, startRow, rows, firstCol) => {
            // Each distinct string once: a look-up per text cell (none in a column whose texts
            // repeat the row above, none once a column proves unique) costs the pane's thread less
            // than cloning every repeat, and the worker makes fewer strings (at full size, 3
            // alternating runs each: compute 1.86–2.32 s against 1.96–2.76 s).
            const { block, transfer } = encodeCells(rows, true);
            this.send({ kind: "rows", id: message.id, sheet, startRow, firstCol, block }, transfer);
          },
        });
      case "writePlans":
        return this.adapter.writeLaidOut(args[0] as PlanLayout[], this.cellsOf(message.id), run);
      default: {
        const method = (this.adapter as unknown as Record<string, unknown>)[message.name];
        if (typeof method !== "function") throw new Error(`the workbook has no "${message.name}"`);
        return Promise.resolve((method as (...all: unknown[]) => unknown).apply(this.adapter, message.runOptions ? [...args, run] : args));
      }
    }
  }

  /** The cells of the write of this id, asked of the worker. */
  private cellsOf(id: number): PlanValues {
    const ask = (question: ValuesAsk): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const request = this.nextPull++;
        this.pulls.set(request, { resolve, reject });
        this.send({ kind: "pull", id, request, ask: question });
      });
    return {
      take: async (take) => {
        const { runs, blocks } = (await ask({ take })) as ValuesTaken;
        return runs.map((run, index) => ({ run, inputs: decodeCells<CellInput>(blocks[index]) }));
      },
    };
  }
}

/**
 * Runs a job in the worker at the other end of `port`, over the pane's adapter. The promise
 * settles with the job's result (transfer.ts paneCopy) or its error; cancelling is the caller's
 * (it ends the worker), and the signal stops the adapter calls the pane is making for the job.
 * @param port the worker
 * @param job the job's name in the job table
 * @param adapter the pane's adapter
 * @param options the job's options; its functions are called back from the worker
 * @returns the result
 * @example await runInWorker(worker, "runAging", new OfficeAdapter(), { asOf, lang: "zh-CN", onProgress });
 */
export function runInWorker<R>(port: Port, job: JobName, adapter: PieceWiseAdapter, options: WorkerJobOptions): Promise<R> {
  const { signal, ...rest } = options;
  const fields = rest as Record<string, unknown>;
  const callbacks = Object.fromEntries(Object.entries(fields).filter(([, value]) => typeof value === "function")) as Record<string, (...args: unknown[]) => unknown>;
  const data = Object.fromEntries(Object.entries(fields).filter(([, value]) => typeof value !== "function"));
  const run = new PaneRun(port, adapter, callbacks, signal);
  const parts = new ResultParts();
  return new Promise<R>((resolve, reject) => {
    port.addEventListener("message", (event) => {
      const message = event.data as FromWorker;
      switch (message.kind) {
        case "invoke":
          void run.answer(message);
          break;
        case "pulled":
          run.pulled(message);
          break;
        case "part":
          parts.take(message);
          break;
        case "done":
          resolve(parts.assemble(message.result) as R);
          break;
        case "failed":
          reject(plainToError(message.error));
          break;
      }
    });
    run.send({ kind: "run", job, options: toPlain(data), callbacks: Object.keys(callbacks), methods: methodsOf(adapter) });
  });
}
