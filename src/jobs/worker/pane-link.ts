/**
 * The worker's line to the pane: each call it makes (an adapter method, an option's function)
 * gets an id; the pane's messages about that id — progress, rows read, asks for cells to write,
 * and at last the answer — go to the hooks the call was made with.
 */
import type { Progress, WorkbookData } from "../../workbook/adapter-types";
import type { CellBlock } from "./cell-block";
import type { FromWorker, Port, Settled, ToWorker, ValuesAsk } from "./protocol";
import { errorToPlain, fromPlain, plainToError, toPlain } from "./transfer";

/** What a call does with the pane's messages about it besides its answer. */
export interface CallHooks {
  /** The call's last argument is run options: the pane passes its signal and progress. */
  runOptions?: boolean;
  onProgress?: (progress: Progress) => void;
  /** The workbook a read is reading, before its rows, and how many rows each sheet will have. */
  onLayout?: (data: WorkbookData, rowCounts: number[]) => void;
  /** Rows a read brings, as each sync brings them, packed (cell-block.ts), dense from column firstCol. */
  onRows?: (sheet: number, startRow: number, block: CellBlock, firstCol: number) => void;
  /** The pane's writer asks for cells: the answer, and the buffers to move with it. */
  onPull?: (ask: ValuesAsk) => Promise<{ value: unknown; transfer?: ArrayBuffer[] }>;
}

interface Pending extends CallHooks {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The worker's end of one job's channel.
 * @example const link = new PaneLink(port); const data = await link.invoke("adapter", "read", [], { runOptions: true, onRows });
 */
export class PaneLink {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** @param port the worker's scope (or a MessagePort in tests) */
  constructor(private readonly port: Port) {}

  /** Posts a message to the pane, moving the buffers in `transfer`. */
  send(message: FromWorker, transfer: ArrayBuffer[] = []): void {
    this.port.postMessage(message, transfer);
  }

  /**
   * Calls an adapter method or an option's function in the pane.
   * @param target which of the two
   * @param name the method's or the option's name
   * @param args its arguments (plain data; Decimals are carried by transfer.ts)
   * @param hooks what to do with the pane's messages about the call
   * @returns the answer
   */
  invoke(target: "adapter" | "option", name: string, args: unknown[], hooks: CallHooks = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { ...hooks, resolve, reject });
      this.send({ kind: "invoke", id, target, name, args: args.map(toPlain), runOptions: hooks.runOptions === true });
    });
  }

  /**
   * Handles a message from the pane about a call; returns false for any other message.
   * @param message what arrived
   * @returns whether it was about a call
   */
  receive(message: ToWorker): boolean {
    if (message.kind === "run") return false;
    const call = this.pending.get(message.id);
    if (call === undefined) return true;
    switch (message.kind) {
      case "settled":
        this.pending.delete(message.id);
        if (message.ok) call.resolve(fromPlain(message.value));
        else call.reject(plainToError(message.error));
        break;
      case "progress":
        call.onProgress?.(message.progress);
        break;
      case "layout":
        call.onLayout?.(message.data, message.rowCounts);
        break;
      case "rows":
        call.onRows?.(message.sheet, message.startRow, message.block, message.firstCol);
        break;
      case "pull":
        void this.answerPull(call, message.request, message.ask);
        break;
    }
    return true;
  }

  /** Answers the writer's ask for cells, or says why it cannot. */
  private async answerPull(call: Pending, request: number, ask: ValuesAsk): Promise<void> {
    let settled: Settled;
    let transfer: ArrayBuffer[] = [];
    try {
      if (!call.onPull) throw new Error("this call serves no cells");
      const answer = await call.onPull(ask);
      settled = { ok: true, value: answer.value };
      transfer = answer.transfer ?? [];
    } catch (error) {
      settled = { ok: false, error: errorToPlain(error) };
    }
    this.send({ kind: "pulled", request, ...settled }, transfer);
  }
}
