/**
 * The three workbook jobs — generate aging, flag over-limit customers, draft letters — each one
 * function over a `WorkbookAdapter`, shared by the task pane (which runs them in the jobs worker,
 * src/jobs/worker, where it can), the ribbon button and the command line. A job reads once,
 * computes on plain data, lays the sheets out as plans and writes once. Progress is reported at
 * each phase and through the read and the write; an AbortSignal is honoured between phases, where
 * the job also yields to the event loop, so that a pane running it on its own thread repaints its
 * progress bar and handles a click on Cancel before the next phase starts. The phases themselves
 * are phases.ts's; this module holds the jobs' options and results and the three jobs.
 */
import { collectionOf, type AccountCollection } from "../rules/collection";
import { DEFAULT_TEMPLATES, isPreDue, lettersForReport, type LetterTemplate, type RenderedLetter } from "../rules/letters";
import { formatMoney, multiplyDivide } from "../rules/money";
import type { Policy } from "../rules/policy-types";
import { preDueNotices, type PreDueNotice } from "../rules/pre-due";
import type { CustomerReport, DayNumber, Lang, Report, RowError, StageId } from "../rules/types";
import type { Progress, ReplaceableSheet, WorkbookAdapter } from "../workbook/adapter-types";
import { MAX_CELL_TEXT_LENGTH } from "../workbook/excel-limits";
import type { SheetPlan } from "../workbook/plan-types";
import { agingPlan, currenciesOf, currencyTotals, detailPlan, errorsPlan, flaggedCustomers, flagsPlan, lettersPlan, preDuePlan } from "../workbook/plans";
import type { MappingReport } from "../workbook/read";
import type { ColumnMapping } from "../workbook/settings";
import type { SettingError } from "../workbook/settings-store";

import { baseResult, prepare, writeWithResult } from "./phases";

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
