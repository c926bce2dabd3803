/**
 * Log a contact (催收记录, POLICY §12): one job for the pane's form and the command line. It reads
 * the workbook once (the customers the ledger knows, where the collection log is), checks the
 * contact (rules/contact.ts), and appends one row to the log through the adapter — below the log's
 * Excel table, or into a new table "AR_CollectionLog" on a new sheet on first use — never
 * rewriting a row. Problems with the contact come back as codes by field; nothing is written then.
 */
import { collectionWords } from "../i18n/collection";
import { labelsFor } from "../i18n/labels";
import { checkContact, amountCell, type CheckedContact, type ContactInput } from "../rules/contact";
import { toSerial } from "../rules/dates";
import { ruleError, type RuleError } from "../rules/errors";
import { CHANNEL_NAMES, OUTCOME_NAMES } from "../rules/letters/contact-words";
import { DEFAULT_POLICY } from "../rules/policy";
import type { Policy } from "../rules/policy-types";
import type { Lang } from "../rules/types";
import type { AppendRowsRequest, AppendRowsResult, Progress, WorkbookAdapter } from "../workbook/adapter-types";
import { AppendRowsError } from "../workbook/append-rows";
import type { LogField } from "../workbook/headers";
import type { PlanCell } from "../workbook/plan-types";
import { readLedger, type TableReport } from "../workbook/read";
import type { ColumnMapping } from "../workbook/settings";
import { customerKey } from "../workbook/text";
import { JobError } from "./jobs";

/** The name of the table the add-in creates for the collection log. */
export const LOG_TABLE_NAME = "AR_CollectionLog";

/** The columns of a log the add-in creates, in order (no currency: a promise takes the customer's). */
const LOG_FIELDS: readonly LogField[] = ["date", "customer", "invoiceNo", "collector", "channel", "contact", "outcome", "promisedDate", "promisedAmount", "nextAction", "note"];

/** Options of `runLogContact`. */
export interface LogContactOptions {
  /** Language of the words written (channel, outcome; headers of a new log) and of progress. */
  lang: Lang;
  /** Overrides the policy stored in the workbook (how its cells are read). */
  policy?: Policy;
  /** Column mapping chosen by the user, passed to the ledger reader. */
  mapping?: ColumnMapping;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** What `runLogContact` did. */
export interface LogContactResult {
  /** Problems with the contact, each with its field ("customer", "channel", "promisedAmount"…): nothing was written. */
  problems: RuleError[];
  /** Where the row went; null when there were problems. */
  appended: AppendRowsResult | null;
  /** The contact as written (the ledger's spelling of the customer, the exact promised amount). */
  contact?: CheckedContact;
}

/** The value of one log column for a checked contact; null when it has none. */
function valueOf(contact: CheckedContact, field: LogField, lang: Lang): PlanCell {
  switch (field) {
    case "date":
      return toSerial(contact.date, "1900");
    case "channel":
      return CHANNEL_NAMES[lang][contact.channel];
    case "outcome":
      return contact.outcome === undefined ? null : OUTCOME_NAMES[lang][contact.outcome];
    case "promisedDate":
      return contact.promisedDate === undefined ? null : toSerial(contact.promisedDate, "1900");
    case "promisedAmount":
      return contact.promisedAmount === undefined ? null : amountCell(contact.promisedAmount);
    case "nextAction":
      return contact.nextAction === undefined ? null : toSerial(contact.nextAction, "1900");
    case "currency":
      return null;
    default:
      return contact[field] ?? null;
  }
}

/**
 * The row to append: into the log found (its own headers, its table), or a new log. A value for a
 * column the found log lacks, or a log that is a plain range and no Excel table, is a problem.
 */
function appendRequest(contact: CheckedContact, log: TableReport | null, lang: Lang): { request?: AppendRowsRequest; problems: RuleError[] } {
  const words = collectionWords(lang).log;
  if (log !== null && log.tableName === undefined) return { problems: [ruleError("contact.logNotATable", { sheet: log.sheet })] };
  const headerOf = new Map<LogField, string>(log === null ? LOG_FIELDS.map((field) => [field, words.headers[field]]) : log.taken.map((taken) => [taken.field as LogField, taken.header]));
  const problems: RuleError[] = [];
  const headers: string[] = [];
  const row: PlanCell[] = [];
  const dateCols: number[] = [];
  const amountCols: number[] = [];
  for (const field of LOG_FIELDS) {
    const value = valueOf(contact, field, lang);
    const header = headerOf.get(field);
    if (header === undefined) {
      if (value !== null) problems.push(ruleError("contact.logColumnMissing", { header: words.headers[field] }, field));
      continue;
    }
    if (field === "date" || field === "promisedDate" || field === "nextAction") dateCols.push(headers.length);
    if (field === "promisedAmount") amountCols.push(headers.length);
    headers.push(header);
    row.push(value);
  }
  if (problems.length > 0) return { problems };
  const request: AppendRowsRequest = { tableName: log?.tableName ?? LOG_TABLE_NAME, sheetName: words.sheet, headers, rows: [row], dateCols, amountCols };
  return { request, problems };
}

/**
 * Logs one contact: checks it against the workbook and appends it to the collection log.
 * @param adapter the workbook (it must offer appendRows)
 * @param input the contact as entered: date, customer, channel (a code: "phone", "email"…), optional outcome, promise, next action, texts
 * @param options language, policy override, column mapping, signal, progress
 * @returns the problems by field, or where the row went
 * @throws JobError "append.unsupported" for an adapter that cannot append; LedgerNotFoundError without an invoices table
 * @example
 * await runLogContact(adapter, { date: fromYmd(2026, 11, 23), customer: "甲公司", channel: "phone", outcome: "promised", promisedDate: fromYmd(2026, 11, 30), promisedAmount: "20000" }, { lang: "zh-CN" })
 * // { problems: [], appended: { sheet: "催收记录", tableName: "AR_CollectionLog", created: true, firstRow: 2 }, contact: { … } }
 */
export async function runLogContact(adapter: WorkbookAdapter, input: ContactInput, options: LogContactOptions): Promise<LogContactResult> {
  const progress = labelsFor(options.lang).progress;
  if (adapter.appendRows === undefined) throw new JobError("append.unsupported", labelsFor(options.lang).jobErrors.cannotAppend);
  options.onProgress?.({ fraction: 0, message: progress.read });
  const data = await adapter.read({ signal: options.signal });
  const read = readLedger(data, options.policy ?? DEFAULT_POLICY, { mapping: options.mapping, lang: options.lang });
  const names = new Map<string, string>();
  for (const invoice of read.ledger.invoices) if (!names.has(customerKey(invoice.customer))) names.set(customerKey(invoice.customer), invoice.customer);
  const checked = checkContact(input, (name) => names.get(customerKey(name)));
  if (checked.contact === undefined) return { problems: checked.problems, appended: null };
  const { request, problems } = appendRequest(checked.contact, read.mapping.log, options.lang);
  if (request === undefined) return { problems, appended: null };
  options.signal?.throwIfAborted();
  options.onProgress?.({ fraction: 0.5, message: progress.write });
  try {
    const appended = await adapter.appendRows(request, { signal: options.signal });
    options.onProgress?.({ fraction: 1, message: progress.done });
    return { problems: [], appended, contact: checked.contact };
  } catch (error) {
    if (!(error instanceof AppendRowsError)) throw error;
    // The log changed since it was read (a co-author renamed a column, showed a totals row), or a file has cells under it.
    const problem =
      error.code === "append.totalsRow"
        ? ruleError("contact.logTotalsRow", { table: error.table })
        : error.code === "append.rowsBelow"
          ? ruleError("contact.logRowsBelow", { table: error.table })
          : ruleError("contact.logColumnMissing", { header: error.header ?? "" });
    return { problems: [problem], appended: null };
  }
}
