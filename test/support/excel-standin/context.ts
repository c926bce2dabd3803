/**
 * Request context, queue and sync of the Excel stand-in: every API call is queued, applied at
 * sync() in order, and measured (request bytes = JSON of the queued operations with their
 * arguments; response bytes = JSON of what was loaded). Excel's 5 MB limits are enforced.
 */
import { StandInError, fail, type SheetState } from "./model";
import type { WorkbookState } from "./workbook-state";

/** Excel on the web: 5 MB per request and per response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** A range read of more than this many cells fails. */
export const READ_CELL_LIMIT = 5_000_000;

/** Room for a request or response a little over the limit: a larger one is refused whatever its exact size. */
const COUNTING_BUFFER_BYTES = 6 * 1024 * 1024;

/**
 * UTF-8 byte length of a string (TextEncoder exists in Node and browsers), encoded into a buffer
 * the caller keeps: a new 4 MB array per sync made the page collect its garbage far more often.
 * @param text the string
 * @param buffer where to encode it (its contents are overwritten)
 * @returns its UTF-8 length: exact up to the buffer's size, at least the buffer's size beyond
 * @example utf8Bytes("客户", new Uint8Array(16)) // 6
 */
export function utf8Bytes(text: string, buffer: Uint8Array = new Uint8Array(text.length * 3)): number {
  const { read, written } = new TextEncoder().encodeInto(text, buffer);
  // Beyond the buffer: each UTF-16 unit left is at least one byte.
  return written + (text.length - read);
}

/** One sync as recorded by the host. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** Operation names in order, such as "Range.values=" or "Worksheet.load". */
  ops: string[];
  /**
   * Milliseconds spent inside this sync (measuring the request, applying it, measuring the
   * response), failed syncs included — what stands for Excel's own time in a benchmark. The
   * microtask the sync yields to is not counted.
   */
  ms: number;
  /** When the sync began (performance.now()), to tell the time between syncs. */
  startedAt: number;
}

/** One write to a sheet, as recorded by the host. */
export interface WriteRecord {
  sheetId: string;
  op: string;
  address?: string;
}

interface QueuedOp {
  name: string;
  desc: Record<string, unknown>;
  apply: (response: unknown[]) => void;
  /** Runs after the whole sync succeeded (loaded values become readable). */
  commit?: () => void;
}

/** What a load of one object produced, kept until the sync succeeds. */
export type LoadResult = Record<string, unknown>;

/**
 * The stand-in's RequestContext: `workbook` plus `sync()`. Objects created from it queue their
 * operations here.
 */
export class StandInContext {
  /** The workbook proxy (set by the host when the context is made). */
  workbook!: unknown;
  /** Incremented at each successful sync; objects compare it to know whether they were synced. */
  generation = 0;
  private queue: QueuedOp[] = [];
  private closed = false;
  private readonly nullables: { refresh: () => void }[] = [];
  /** Where requests and responses are encoded to be counted, grown as they need. */
  private counting = new Uint8Array(0);

  /**
   * @param state The shared in-memory workbook.
   */
  constructor(readonly state: WorkbookState) {}

  /** Queues one operation. */
  enqueue(op: QueuedOp): void {
    if (this.closed) fail("InvalidObjectPath", op.name, "The request context is no longer valid (Excel.run has finished).");
    this.queue.push(op);
  }

  /** Registers an *OrNullObject proxy so its isNullObject is settled at the next sync. */
  trackNullable(entry: { refresh: () => void }): void {
    this.nullables.push(entry);
  }

  /** Whether anything is waiting for a sync. */
  get pending(): boolean {
    return this.queue.length > 0 || this.nullables.length > 0;
  }

  /** Marks the context finished: later calls fail as they do after Excel.run returns. */
  close(): void {
    this.closed = true;
  }

  /** Records a write to a sheet. */
  recordWrite(sheet: SheetState, op: string, address?: string): void {
    const list = (this.state.writesBySheet[sheet.name] ??= []);
    list.push({ sheetId: sheet.id, op, address });
    // Excel raises worksheets.onChanged after the change, never inside the batch that made it.
    for (const handler of this.state.sheetChangedHandlers) setTimeout(() => void handler({ worksheetId: sheet.id, address }), 0);
  }

  /** UTF-8 bytes of a request's or response's JSON, in the context's counting buffer. */
  private bytesOf(json: string): number {
    const room = Math.min(json.length * 3, COUNTING_BUFFER_BYTES);
    if (this.counting.length < room) this.counting = new Uint8Array(Math.max(room, this.counting.length * 2));
    return utf8Bytes(json, this.counting);
  }

  /**
   * Sends the queued operations: checks the request size, applies them in order, checks the
   * response size. A failed operation stops the batch (earlier ones stay applied, as in Excel).
   */
  async sync(): Promise<void> {
    let started = performance.now();
    const ops = this.queue;
    const nullables = this.nullables.splice(0);
    this.queue = [];
    const requestBytes = this.bytesOf(JSON.stringify(ops.map((op) => op.desc)));
    const record: SyncRecord = { requestBytes, responseBytes: 0, ops: ops.map((op) => op.name), ms: 0, startedAt: started };
    this.state.syncs.push(record);
    record.ms = performance.now() - started;
    await Promise.resolve();
    started = performance.now();
    try {
      if (requestBytes > PAYLOAD_LIMIT_BYTES) fail("RequestPayloadSizeLimitExceeded", "context.sync");
      const response: unknown[] = [];
      for (const op of ops) op.apply(response);
      for (const entry of nullables) entry.refresh();
      record.responseBytes = this.bytesOf(JSON.stringify(response));
      if (record.responseBytes > PAYLOAD_LIMIT_BYTES) fail("ResponsePayloadSizeLimitExceeded", "context.sync");
      for (const op of ops) op.commit?.();
      this.generation++;
    } finally {
      record.ms += performance.now() - started;
    }
  }
}

/** Error raised when a property is read before load() + sync(), worded as Excel words it. */
export function propertyNotLoaded(property: string): StandInError {
  return new StandInError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    property,
  );
}
