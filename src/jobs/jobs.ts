/**
 * The three workbook jobs — generate aging, flag over-limit customers, draft letters — each one
 * function over a `WorkbookAdapter`, shared by the task pane (which runs them in the jobs worker,
 * src/jobs/worker, where it can), the ribbon button and the command line. A job reads once,
 * computes on plain data, lays the sheets out as plans and writes once. Progress is reported at
 * each phase and through the read and the write; an AbortSignal is honoured between phases, where
 * the job also yields to the event loop, so that a pane running it on its own thread repaints its
 * progress bar and handles a click on Cancel before the next phase starts.
 */
import { labelsFor } from "../i18n/labels";
import { collectionOf, type AccountCollection } from "../rules/collection";
import { DEFAULT_TEMPLATES, isPreDue, lettersForReport, type LetterTemplate, type RenderedLetter } from "../rules/letters";
import { formatMoney, multiplyDivide } from "../rules/money";
import { DEFAULT_POLICY } from "../rules/policy";
import type { Policy } from "../rules/policy-types";
import { preDueNotices, type PreDueNotice } from "../rules/pre-due";
import { buildReport } from "../rules/report";
import type { CustomerReport, DayNumber, Lang, Report, RowError, StageId } from "../rules/types";
import type { Progress, ReplaceableSheet, WorkbookAdapter, WorkbookData, WriteOptions } from "../workbook/adapter-types";
import { MAX_CELL_TEXT_LENGTH } from "../workbook/excel-limits";
import type { SheetPlan } from "../workbook/plan-types";
import { agingPlan, currenciesOf, currencyTotals, detailPlan, errorsPlan, flaggedCustomers, flagsPlan, lettersPlan, preDuePlan } from "../workbook/plans";
import type { MappingReport, ReadLedgerResult } from "../workbook/read";
import { EarlyReading } from "../workbook/read-early";
import type { ColumnMapping } from "../workbook/settings";
import type { SettingError } from "../workbook/settings-store";

import { JobCancelledError, JobError } from "./job-errors";

export { JobCancelledError, JobError } from "./job-errors";

/** Options every job takes. */
export interface JobOptions {
  /** The report date. */
  asOf: DayNumber;
  /** Language of sheets, labels and letters. */
  lang: Lang;
  /** Overrides the policy stored in the workbook. */
  policy?: Policy;
  /** Column mapping chosen by the user, passed to the ledger reader. */
  mapping?: ColumnMapping;
  /** Write the sheets (default true); false computes and returns the plans only (dry run). */
  write?: boolean;
  /**
   * Asked before writing over sheets the add-in generated earlier (the adapter's
   * findReplaceableSheets); the sheets are written only when it answers true. Without it they are
   * replaced without asking, as the command line does.
   */
  confirmReplace?: (sheets: ReplaceableSheet[]) => Promise<boolean>;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /**
   * Called once the workbook's cells are read into the ledger and dropped: a host that can
   * collect garbage on demand (the command line, on a big file) frees them there, before the
   * report and the plans grow the heap beside them.
   */
  afterRead?: () => void;
  /**
   * Given the job's result before its write ends (written, all but `sheets`, which the job sets
   * afterwards and changes nothing else), once the write needs nothing more of the job: the jobs
   * worker sends the result to the pane then, while the last syncs travel (serve.ts).
   */
  onResultAhead?: (result: JobResult) => void;
}

/** Headline figures of one currency. */
export interface CurrencySummary {
  currency: string;
  customers: number;
  /** Amounts in their shown form, two places ("15000.00"). */
  outstanding: string;
  overdue: string;
  /** Overdue ÷ outstanding as a fraction rounded to 4 places, null when nothing is outstanding. */
  overduePct: number | null;
  interest: string;
}

/** What every job returns. */
export interface JobResult {
  report: Report;
  /** The policy used: the override, else the workbook's settings over the default. */
  policy: Policy;
  /** Row errors from reading the ledger and the settings sheet, and from applying the ledger. */
  errors: RowError[];
  /** Things the user should know that are not errors (e.g. hidden rows included in the figures). */
  notices: RowError[];
  /** Problems in the policy / templates stored in the workbook (the defaults were used there). */
  settingsErrors: SettingError[];
  /** How the columns were mapped, as reported by the ledger reader. */
  mapping: MappingReport;
  /** The plans laid out (written unless `write: false`). */
  plans: SheetPlan[];
  /** Names of the sheets actually written (empty on a dry run). */
  sheets: string[];
}

/** Result of `runAging`. */
export interface AgingResult extends JobResult {
  /** One entry per currency, the policy currency first. */
  summary: CurrencySummary[];
}

/** Result of `runFlags`. */
export interface FlagsResult extends JobResult {
  /** Customers over limit or to stop shipping, most at risk first. */
  flagged: CustomerReport[];
}

/** Options of `runLetters`. */
export interface LettersOptions extends JobOptions {
  /** Only these stages (default: every stage that has a letter). */
  stages?: StageId[];
  /** Only these customers (default: all). */
  customers?: string[];
  /** Overrides the templates stored in the workbook. */
  templates?: readonly LetterTemplate[];
}

/** Result of `runLetters`. */
export interface LettersResult extends JobResult {
  letters: RenderedLetter[];
  /** Every open invoice coming due within the pre-due window, whatever its customer's stage. */
  preDueNotices: PreDueNotice[];
  /** Each account's collection state (accountKey → state): promises, paused invoices, stage after escalation. */
  collection: Map<string, AccountCollection>;
}

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

/**
 * Headline figures per currency (never added across currencies), the policy currency first.
 * @param report the report
 * @param policy the policy (its currency goes first)
 * @returns one summary per currency present
 * @example summarize(report, DEFAULT_POLICY)[0] // { currency: "CNY", customers: 2, outstanding: "15000.00", … }
 */
export function summarize(report: Report, policy: Policy): CurrencySummary[] {
  const bucketCount = policy.buckets.edges.length + 1;
  return currenciesOf(report.customers, policy).map((currency) => {
    const totals = currencyTotals(report.customers, currency, bucketCount);
    return {
      currency,
      customers: report.customers.filter((customer) => customer.currency === currency).length,
      outstanding: formatMoney(totals.outstanding, report.scale),
      overdue: formatMoney(totals.overdue, report.scale),
      // A share to four decimals (0.8735 = 87.35 %), rounded half-up from the exact amounts.
      overduePct: totals.outstanding === 0 ? null : Number(multiplyDivide(totals.overdue, 10000, totals.outstanding)) / 10000,
      interest: formatMoney(totals.interest, report.scale),
    };
  });
}

/**
 * Generate aging: writes the aging summary, the open-invoice detail and, when the data has
 * problems, a data-errors sheet.
 * @param adapter the workbook
 * @param options as-of date, language, optional policy override, dry run, signal, progress
 * @returns the report, the sheets written and a per-currency summary
 * @example (await runAging(adapter, { asOf: fromYmd(2026, 11, 23), lang: "zh-CN" })).sheets
 * // ["账龄分析 2026-11-23", "账龄明细 2026-11-23"]
 */
export async function runAging(adapter: WorkbookAdapter, options: JobOptions): Promise<AgingResult> {
  const prepared = await prepare(adapter, options);
  const { report, policy } = prepared;
  const plans = [agingPlan(report, policy, options.lang), detailPlan(report, policy, options.lang)];
  const problems = [...prepared.errors, ...prepared.read.notices];
  if (problems.length > 0) plans.push(errorsPlan(problems, options.lang, options.asOf));
  return writeWithResult(adapter, plans, options, { ...baseResult(prepared, plans, []), summary: summarize(report, policy) });
}

/**
 * Flag over-limit: writes the list of customers over their limit or to stop shipping.
 * @param adapter the workbook
 * @param options as-of date, language, optional policy override, dry run, signal, progress
 * @returns the report, the sheet written and the flagged customers, most at risk first
 * @example (await runFlags(adapter, { asOf, lang: "en" })).flagged.map((c) => c.customer) // ["Beta Ltd"]
 */
export async function runFlags(adapter: WorkbookAdapter, options: JobOptions): Promise<FlagsResult> {
  const prepared = await prepare(adapter, options);
  const plans = [flagsPlan(prepared.report, prepared.policy, options.lang)];
  return writeWithResult(adapter, plans, options, { ...baseResult(prepared, plans, []), flagged: flaggedCustomers(prepared.report) });
}

/**
 * Draft letters: renders one letter per customer and stage from the workbook's templates (or
 * the given ones) and writes them to a letters sheet. Letters follow the collection process
 * (POLICY §7, §11, §12): an open promise's invoices are left out until its date, the stage is the
 * one after escalation by the log and broken promises, earlier reminders are named only as the
 * log records them; every invoice coming due within the pre-due window gets a pre-due letter and
 * a row on the pre-due sheet, whatever its customer's stage.
 * @param adapter the workbook
 * @param options as-of date, language, stages and customers to include, template override, …
 * @returns the report, the sheets written, the rendered letters, the pre-due notices and the collection state
 * @example (await runLetters(adapter, { asOf, lang: "zh-CN", stages: ["formal"] })).letters.length // 1
 */
export async function runLetters(adapter: WorkbookAdapter, options: LettersOptions): Promise<LettersResult> {
  const prepared = await prepare(adapter, options);
  const templates = options.templates ?? prepared.read.settings.templates ?? DEFAULT_TEMPLATES;
  const collection = collectionOf(prepared.read.ledger, prepared.report, prepared.policy);
  const paused = new Set([...collection.values()].flatMap((state) => state.paused));
  // Pre-due notices go with the letters unless only other stages were asked for.
  const preDueStage = prepared.policy.escalation.find(isPreDue)?.id;
  const wantsNotices = options.stages === undefined || (preDueStage !== undefined && options.stages.includes(preDueStage));
  const notices = !wantsNotices
    ? []
    : preDueNotices(prepared.report, prepared.policy, paused).filter((notice) => options.customers === undefined || options.customers.includes(notice.customer.customer));
  const letters = lettersForReport(prepared.report, prepared.policy, options.lang, templates, {
    stages: options.stages,
    customers: options.customers,
    collection,
    preDueNotices: notices,
  });
  const plans = [lettersPlan(letters, options.lang, options.asOf, prepared.policy)];
  // A body too long for one cell lists the rest of its invoices on the detail sheet: write it too.
  if (letters.some((letter) => letter.body.length > MAX_CELL_TEXT_LENGTH)) plans.push(detailPlan(prepared.report, prepared.policy, options.lang));
  if (notices.length > 0) plans.push(preDuePlan(notices, prepared.report.scale, options.lang, options.asOf));
  return writeWithResult(adapter, plans, options, { ...baseResult(prepared, plans, []), letters, preDueNotices: notices, collection });
}
