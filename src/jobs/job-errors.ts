/**
 * The two errors a job throws on purpose — cancelled, and a workbook or options it cannot use —
 * in a module of their own, so the pane tells them apart without loading the jobs.
 */

/** Thrown when the job was cancelled through its AbortSignal. Named like the platform's error. */
export class JobCancelledError extends Error {
  /** @param message localized message */
  constructor(message: string) {
    super(message);
    this.name = "AbortError";
  }
}

/** Thrown when the workbook or the options cannot be used; the message tells the user what to do. */
export class JobError extends Error {
  readonly code: string;
  /**
   * @param code stable machine code, e.g. "ledger.empty"
   * @param message localized message
   */
  constructor(code: string, message: string) {
    super(message);
    this.name = "JobError";
    this.code = code;
  }
}
