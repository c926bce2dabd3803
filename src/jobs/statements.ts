/**
 * Statements of account (对账单, POLICY §13): one job for the pane, the ribbon and the command line.
 * Reads the workbook, builds the report as of the period's last day, lays the statements of every
 * customer (or the ones asked for) out on one sheet and writes it.
 */
import { labelsFor } from "../i18n/labels";
import { statementsFor, type Statement } from "../rules/statement";
import type { DayNumber } from "../rules/types";
import type { WorkbookAdapter } from "../workbook/adapter-types";
import { statementsPlan } from "../workbook/plans";
import { JobError, type JobOptions, type JobResult } from "./jobs";
import { baseResult, prepare, writeWithResult } from "./phases";

/** Options of `runStatements`: the period instead of an as-of date. */
export interface StatementsOptions extends Omit<JobOptions, "asOf"> {
  /** The period's first day. */
  from: DayNumber;
  /** The period's last day: the statements' closing date and the report's as-of date. */
  to: DayNumber;
  /** Only these customers (names as the report shows them); every customer with something to state by default. */
  customers?: string[];
}

/** Result of `runStatements`. */
export interface StatementsResult extends JobResult {
  statements: Statement[];
}

/**
 * Statements of account for a period, written as one sheet (对账单 <to>).
 * @param adapter the workbook
 * @param options the period, language, optional customers, policy override, dry run, signal, progress
 * @returns the report as of `to`, the statements and the sheet written
 * @throws JobError "period.invalid" when `from` is after `to`
 * @example (await runStatements(adapter, { from: fromYmd(2026, 11, 1), to: fromYmd(2026, 11, 30), lang: "zh-CN" })).sheets // ["对账单 2026-11-30"]
 */
export async function runStatements(adapter: WorkbookAdapter, options: StatementsOptions): Promise<StatementsResult> {
  if (!Number.isInteger(options.from) || !Number.isInteger(options.to) || options.from > options.to) {
    throw new JobError("period.invalid", labelsFor(options.lang).jobErrors.invalidPeriod);
  }
  const jobOptions: JobOptions = { ...options, asOf: options.to };
  const prepared = await prepare(adapter, jobOptions);
  const statements = statementsFor(prepared.read.ledger, prepared.report, options.from, prepared.policy, options.customers === undefined ? {} : { customers: options.customers });
  const plans = [statementsPlan(statements, prepared.policy, prepared.report.scale, options.lang, options.to)];
  return writeWithResult(adapter, plans, jobOptions, { ...baseResult(prepared, plans, []), statements });
}
