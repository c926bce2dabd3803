/**
 * The management report job (管理报表, POLICY §14): reads the ledger once, builds the sales
 * manager's view (as-of rebuilds at both ends of the period, the twelve-month DSO trend in one
 * pass), lays out the management sheets and writes them — for the task pane, the ribbon and
 * `ar-addin report` alike.
 */
import { fillPlaceholders } from "../i18n/fill";
import { labelsFor } from "../i18n/labels";
import { managementWords } from "../i18n/management";
import { formatIso } from "../rules/dates";
import { buildManagementReport } from "../rules/management";
import type { ManagementReport } from "../rules/management-types";
import { defaultPeriodStart } from "../rules/period-dates";
import type { DayNumber, Report } from "../rules/types";
import type { WorkbookAdapter } from "../workbook/adapter-types";
import { errorsPlan, managementPlans } from "../workbook/plans";
import { JobError, type JobOptions, type JobResult } from "./jobs";
import { phase, readLedgerPhase, writeWithResult } from "./phases";

/** Options of `runManagementReport`. */
export interface ManagementJobOptions extends JobOptions {
  /** First day of the period of the measures (default: the day after the same date a month earlier). */
  from?: DayNumber;
  /** Narrow the view (and the sheets' names) to one salesperson's customers. */
  salesperson?: string;
}

/** Result of `runManagementReport`: `report` is the as-of report of the (narrowed) view. */
export interface ManagementResult extends JobResult {
  management: ManagementReport;
}

/**
 * Management report: writes the summary (measures, subtotals by salesperson and region, bucket
 * chart), the customers with their colours (overdue chart), the DSO trend (line chart), provision
 * and write-off, month over month, the salesperson charges when the policy switches them on, and
 * a data-errors sheet when the data has problems.
 * @param adapter the workbook
 * @param options as-of date, period start, salesperson, language, policy override, dry run, signal, progress
 * @returns the view, the sheets written and the plans
 * @throws JobError when the period starts after the as-of date or nobody has the salesperson's name
 * @example (await runManagementReport(adapter, { asOf: fromYmd(2026, 3, 31), lang: "zh-CN" })).sheets
 * // ["管理报表 2026-03-31", "客户预警 2026-03-31", "DSO趋势 2026-03-31", "坏账准备 2026-03-31", "月度对比 2026-03-31"]
 */
export async function runManagementReport(adapter: WorkbookAdapter, options: ManagementJobOptions): Promise<ManagementResult> {
  const labels = labelsFor(options.lang);
  const words = managementWords(options.lang);
  const from = options.from ?? defaultPeriodStart(options.asOf);
  if (!Number.isInteger(from) || from > options.asOf) {
    throw new JobError("period.invalid", fillPlaceholders(words.jobErrors.periodAfterAsOf, { from: Number.isInteger(from) ? formatIso(from) : String(from), asOf: formatIso(options.asOf) }));
  }
  const { read, policy } = await readLedgerPhase(adapter, options);
  await phase(options, 0.4, words.progress.history);
  const management = buildManagementReport(read.ledger, { asOf: options.asOf, from, salesperson: options.salesperson, policy });
  if (management.salesperson !== null && management.customers.length === 0) {
    const list = management.salespeople.join(words.separator);
    throw new JobError("salesperson.unknown", fillPlaceholders(words.jobErrors.unknownSalesperson, { name: management.salesperson, list }));
  }
  await phase(options, 0.6, labels.progress.plan);
  const errors = [...read.settings.errors, ...read.errors, ...management.closing.errors];
  const report: Report = { ...management.closing, errors };
  const plans = managementPlans(management, policy, options.lang);
  const problems = [...errors, ...read.notices];
  if (problems.length > 0) plans.push(errorsPlan(problems, options.lang, options.asOf));
  return writeWithResult(adapter, plans, options, {
    report,
    policy,
    errors,
    notices: read.notices,
    settingsErrors: [...read.settings.policyErrors, ...read.settings.templateErrors],
    mapping: read.mapping,
    plans,
    sheets: [],
    management,
  });
}
