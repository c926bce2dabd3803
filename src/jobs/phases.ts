/**
 * The phases every job is made of: read → ledger (readLedgerPhase), → report (prepare), write
 * (writePhase, writeWithResult), each reporting progress, yielding to the event loop and honouring
 * cancellation between them, and the parts of a result every job shares (baseResult).
 */
import { labelsFor } from "../i18n/labels";
import { DEFAULT_POLICY } from "../rules/policy";
import type { Policy } from "../rules/policy-types";
import { buildReport } from "../rules/report";
import type { Report, RowError } from "../rules/types";
import type { Progress, WorkbookAdapter, WorkbookData, WriteOptions } from "../workbook/adapter-types";
import type { SheetPlan } from "../workbook/plan-types";
import type { ReadLedgerResult } from "../workbook/read";
import { EarlyReading } from "../workbook/read-early";
import { JobCancelledError, JobError } from "./job-errors";
import type { JobOptions, JobResult } from "./jobs";

/** Shared state of a job between phases (the job modules beside this one build on it). */
export interface Prepared {
  read: ReadLedgerResult;
  policy: Policy;
  report: Report;
  errors: RowError[];
}

/** Throws JobCancelledError when the signal has fired. */
function checkCancelled(options: JobOptions): void {
  if (options.signal?.aborted) throw new JobCancelledError(labelsFor(options.lang).jobErrors.cancelled);
}

/**
 * Lets the event loop run once: rendering, input (a click on Cancel) and other tasks get their
 * turn. A MessageChannel message is a task that is not throttled the way timers are (nested
 * setTimeout is clamped to 4 ms, timers in hidden documents to a second or more); it exists in
 * browsers, Node and jsdom. setTimeout is the fallback where it does not.
 *
 * @returns A promise settled from a new task.
 * @example
 * await yieldToEventLoop(); // the pane has had a chance to repaint
 */
function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === "function") {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Share of the progress bar before the read ends, and where the write starts. */
const READ_DONE = 0.2;
const WRITE_FROM = 0.8;

/** The adapter's progress through a read or a write, as a part of the job's bar with the phase's words. */
function progressWithin(options: JobOptions, from: number, to: number, message: string): ((progress: Progress) => void) | undefined {
  const report = options.onProgress;
  return report && ((progress) => report({ fraction: from + (to - from) * progress.fraction, message }));
}

/**
 * Reports one phase, yields to the event loop, then checks for cancellation.
 * @param options the job's options (progress callback, signal, language)
 * @param fraction how far the job is, 0..1
 * @param message what it does now
 * @throws JobCancelledError when the signal has fired
 * @example await phase(options, 0.4, labelsFor(options.lang).progress.report);
 */
export async function phase(options: JobOptions, fraction: number, message: string): Promise<void> {
  options.onProgress?.({ fraction, message });
  await yieldToEventLoop();
  checkCancelled(options);
}

/** Turns an adapter's abort into JobCancelledError; other errors pass through unchanged. */
async function adapterCall<T>(options: JobOptions, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (options.signal?.aborted || (error instanceof Error && error.name === "AbortError")) {
      throw new JobCancelledError(labelsFor(options.lang).jobErrors.cancelled);
    }
    throw error;
  }
}

/** What the reading phases give every job: the workbook, the ledger read from it and the policy to apply. */
export interface ReadLedgerPhase {
  read: ReadLedgerResult;
  policy: Policy;
}

/**
 * Read → ledger, with progress and cancellation between the phases: the first phases of every job.
 * @param adapter the workbook
 * @param options as-of date (checked), language, policy override, mapping, signal, progress
 * @returns the ledger read and the policy (the workbook's cells are dropped once read)
 * @throws JobError when the as-of date is not a day or the invoices table is empty
 * @example const { read, policy } = await readLedgerPhase(adapter, { asOf, lang: "zh-CN" });
 */
export async function readLedgerPhase(adapter: WorkbookAdapter, options: JobOptions): Promise<ReadLedgerPhase> {
  const words = labelsFor(options.lang);
  if (!Number.isInteger(options.asOf)) throw new JobError("asOf.invalid", words.jobErrors.invalidAsOf);
  await phase(options, 0, words.progress.read);
  const onReadProgress = progressWithin(options, 0, READ_DONE, words.progress.read);
  const readOptions = options.mapping === undefined ? { lang: options.lang } : { mapping: options.mapping, lang: options.lang };
  // The workbook's settings still govern how its cells are read (e.g. date order); the
  // override governs every rule applied to the ledger. Where rows come in pieces, the reading
  // begins as they arrive.
  const reading = new EarlyReading(options.policy ?? DEFAULT_POLICY, readOptions);
  let data: WorkbookData | null = await adapterCall(options, () => adapter.read({ signal: options.signal, onProgress: onReadProgress, onArrived: reading.arrived }));
  await phase(options, READ_DONE, words.progress.ledger);
  const read = reading.finish(data);
  // The cells are not needed once read into the ledger: a million rows are freed before the report.
  data = null;
  options.afterRead?.();
  const policy = options.policy ?? read.settings.policy;
  if (read.ledger.invoices.length === 0 && read.errors.length === 0) {
    throw new JobError("ledger.empty", words.jobErrors.emptyLedger);
  }
  return { read, policy };
}

/**
 * Read → ledger → report, with progress and cancellation between the phases.
 * @param adapter the workbook
 * @param options as-of date, language, policy override, mapping, signal, progress
 * @returns the ledger read, the policy, the report and every problem
 * @example const prepared = await prepare(adapter, { asOf, lang: "zh-CN" }); prepared.read.ledger.log; // the collection log
 */
export async function prepare(adapter: WorkbookAdapter, options: JobOptions): Promise<Prepared> {
  const words = labelsFor(options.lang);
  const { read, policy } = await readLedgerPhase(adapter, options);
  await phase(options, 0.4, words.progress.report);
  const built = buildReport(read.ledger, options.asOf, policy);
  const errors = [...read.settings.errors, ...read.errors, ...built.errors];
  const report: Report = { ...built, errors };
  await phase(options, 0.6, words.progress.plan);
  return { read, policy, report, errors };
}

/**
 * Writes the plans unless it is a dry run or the caller declines to replace earlier sheets
 * (confirmReplace); reports progress, the adapter's through the write too, and honours cancellation.
 * @param adapter the workbook
 * @param plans the sheets to write
 * @param options write (false: dry run), confirmReplace, signal, progress, language
 * @returns the names of the sheets written (none on a dry run or when the caller declined)
 * @example const sheets = await writePhase(adapter, plans, options); // ["管理报表 2026-03-31", …]
 */
export async function writePhase(adapter: WorkbookAdapter, plans: SheetPlan[], options: JobOptions, onValuesTaken?: () => void): Promise<string[]> {
  const words = labelsFor(options.lang);
  await phase(options, WRITE_FROM, words.progress.write);
  const writeOptions: WriteOptions = { signal: options.signal, onProgress: progressWithin(options, WRITE_FROM, 1, words.progress.write) };
  if (onValuesTaken !== undefined) writeOptions.onValuesTaken = onValuesTaken;
  const sheets = (await mayWrite(adapter, plans, options)) ? await adapterCall(options, () => adapter.writePlans(plans, writeOptions)) : [];
  options.onProgress?.({ fraction: 1, message: words.progress.done });
  return sheets;
}

/**
 * writePhase for a job whose result is made before its write: the result is returned with the
 * sheets written, and offered ahead (options.onResultAhead) once the writer has taken every cell.
 * @param adapter the workbook
 * @param plans the sheets to write
 * @param options as for writePhase, and onResultAhead
 * @param result the job's result, its `sheets` empty until the write ends
 * @returns the same result, its `sheets` the names written
 * @example return writeWithResult(adapter, plans, options, { ...baseResult(prepared, plans, []), summary });
 */
export async function writeWithResult<R extends JobResult>(adapter: WorkbookAdapter, plans: SheetPlan[], options: JobOptions, result: R): Promise<R> {
  const ahead = options.onResultAhead;
  result.sheets = await writePhase(adapter, plans, options, ahead === undefined ? undefined : () => ahead(result));
  return result;
}

/** Whether the write goes ahead: not a dry run, and the caller agrees to replace what it would. */
async function mayWrite(adapter: WorkbookAdapter, plans: SheetPlan[], options: JobOptions): Promise<boolean> {
  if (options.write === false) return false;
  const { confirmReplace } = options;
  const find = adapter.findReplaceableSheets?.bind(adapter);
  if (!confirmReplace || !find) return true;
  const replaceable = await adapterCall(options, () => find(plans));
  const agreed = replaceable.length === 0 || (await confirmReplace(replaceable));
  checkCancelled(options);
  return agreed;
}

/**
 * The parts of a JobResult every job shares.
 * @example return { ...baseResult(prepared, plans, sheets), statements };
 */
export function baseResult(prepared: Prepared, plans: SheetPlan[], sheets: string[]): JobResult {
  return {
    report: prepared.report,
    policy: prepared.policy,
    errors: prepared.errors,
    notices: prepared.read.notices,
    settingsErrors: [...prepared.read.settings.policyErrors, ...prepared.read.settings.templateErrors],
    mapping: prepared.read.mapping,
    plans,
    sheets,
  };
}
