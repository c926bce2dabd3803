/**
 * The messages between the task pane and the jobs worker. The pane starts a job by name with its
 * options as plain data; the job runs in the worker over an adapter whose every call travels back
 * to the pane, where the pane's own adapter (Office.js) answers it. Only plain data crosses:
 * options, answers and results through transfer.ts; the rows each read sync brings, and the cells
 * of each run of rows the writer asks for, as cell blocks (cell-block.ts) whose arrays move
 * without being copied.
 */
import type { Progress, WorkbookData } from "../../workbook/adapter-types";
import type { ValueChunk, ValuesTake } from "../../workbook/office/write-values";
import type { CellBlock } from "./cell-block";
import type { ResultPart } from "./result-parts";

/** An error as plain fields (name, message, and whatever else it carries: code, headersSeen …). */
export interface PlainError {
  name: string;
  message: string;
  [field: string]: unknown;
}

/** What the pane's writer asks the worker for: the runs of a plan's rows that fit in a batch's room (write-values.ts runsFrom). */
export type ValuesAsk = { take: ValuesTake };

/** The worker's answer to a ValuesAsk: the runs taken, each with its inputs packed as a CellBlock. */
export interface ValuesTaken {
  runs: ValueChunk[];
  blocks: CellBlock[];
}

/** An answer: a value, or the error thrown instead. */
export type Settled = { ok: true; value: unknown } | { ok: false; error: PlainError };

/** From the pane to the worker. */
export type ToWorker =
  /**
   * Run a job: its options without their functions; `callbacks` names the options that were
   * functions (the worker calls them back through `invoke`), `methods` the pane adapter's.
   */
  | { kind: "run"; job: string; options: unknown; callbacks: string[]; methods: string[] }
  /** The answer to the worker's `invoke` of this id. */
  | ({ kind: "settled"; id: number } & Settled)
  /** Progress of the adapter call of this id. */
  | { kind: "progress"; id: number; progress: Progress }
  /** The workbook the read of this id is reading, before its rows (office/read.ts RowSink.layout). */
  | { kind: "layout"; id: number; data: WorkbookData; rowCounts: number[] }
  /** Rows of the read of this id, as each sync brings them (before its answer), dense from column firstCol. */
  | { kind: "rows"; id: number; sheet: number; startRow: number; firstCol: number; block: CellBlock }
  /** The write of this id asks for cells. */
  | { kind: "pull"; id: number; request: number; ask: ValuesAsk };

/** From the worker to the pane. */
export type FromWorker =
  /** The worker has loaded and listens. */
  | { kind: "ready" }
  /**
   * Call the pane adapter's method (`target: "adapter"`) or an option's function (`"option"`).
   * With `runOptions`, the call's last argument is the pane's own signal and a progress sink.
   */
  | { kind: "invoke"; id: number; target: "adapter" | "option"; name: string; args: unknown[]; runOptions: boolean }
  /** The answer to the pane's `pull` of this number. */
  | ({ kind: "pulled"; request: number } & Settled)
  /** A slice of a long array of the result, ahead of it (result-parts.ts). */
  | ({ kind: "part" } & ResultPart)
  /** The job's result, as the pane gets it (transfer.ts paneCopy), with a marker for each array sent in slices. */
  | { kind: "done"; result: unknown }
  | { kind: "failed"; error: PlainError };

/** One end of the channel: a Worker, the worker's own scope, or a MessagePort. */
export interface Port {
  /** Posts a message; the buffers in `transfer` move to the other end instead of being copied. */
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
}
