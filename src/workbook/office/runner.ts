/**
 * How the Office modules reach Excel: the `run` entry point (the global `Excel` inside the
 * add-in, the stand-in's in tests) and the check before each sync that the caller has not
 * cancelled.
 */

/** What the adapter needs from `Excel`: its `run`. Tests pass the stand-in's. */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * The global `Excel`, present only inside Excel.
 * @returns its `run`
 * @throws Error outside Excel
 * @example new OfficeAdapter(globalExcel());
 */
export function globalExcel(): ExcelRunner {
  const excel = (globalThis as { Excel?: ExcelRunner }).Excel;
  if (!excel) throw new Error("Excel is not available: the add-in is not running inside Excel.");
  return excel;
}

/**
 * Stops before the next sync when the caller aborted: what was queued is never sent.
 * @param signal the caller's abort signal, if any
 * @throws the signal's reason once aborted
 * @example throwIfAborted(options.signal); await context.sync();
 */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Error("Aborted");
}
