/**
 * The collection picture for the pane (no sheet written): each account's collection state — its
 * invoices and stage, promises with their states, what open promises cover, whether a promise is
 * required, its contacts newest first — the pre-due notices, and today's work (今日待办). What the
 * customer view and the today screen show; letters come from runLetters.
 */
import { labelsFor } from "../i18n/labels";
import { accountKey } from "../rules/accounts";
import { collectionOf, type AccountCollection } from "../rules/collection";
import { preDueNotices, type PreDueNotice } from "../rules/pre-due";
import { todaysWork, type TodaysWork } from "../rules/today";
import type { Minor } from "../rules/money";
import type { DayNumber, Report } from "../rules/types";
import type { WorkbookAdapter } from "../workbook/adapter-types";
import type { JobOptions, JobResult } from "./jobs";
import { baseResult, prepare } from "./phases";

/** Options of `runCollection`. */
export interface CollectionOptions extends Omit<JobOptions, "write"> {
  /** Open promises due within this many days count as falling due (default 3). */
  promiseWithinDays?: number;
}

/** An open invoice as the customer view lists it. */
export interface OpenInvoice {
  customer: string;
  currency: string;
  invoiceNo: string;
  dueDate: DayNumber;
  daysOverdue: number;
  bucket: number;
  outstanding: Minor;
  /** Covered by an open promise: not chased until its date. */
  paused: boolean;
}

/** Result of `runCollection`. */
export interface CollectionResult extends JobResult {
  /**
   * accountKey(customer, currency) → the account's collection state. From the jobs worker, its
   * customer's items and its items chased and paused are left out (jobs/worker/transfer.ts): the
   * pane lists `openInvoices`.
   */
  collection: Map<string, AccountCollection>;
  preDueNotices: PreDueNotice[];
  today: TodaysWork;
  /**
   * Every account's open invoices in the report's order, as plain rows: what the customer view
   * lists, and all it needs of them — they cross from the jobs worker by value, without the
   * ledger's rows behind them (a million of them in slices at Excel's full size).
   */
  openInvoices: OpenInvoice[];
}

/** The open invoices of every account, paused where an open promise covers them. */
function openInvoicesOf(report: Report, collection: Map<string, AccountCollection>): OpenInvoice[] {
  const rows: OpenInvoice[] = [];
  for (const customer of report.customers) {
    const paused = new Set(collection.get(accountKey(customer.customer, customer.currency))?.paused);
    for (const item of customer.items) {
      if (item.state.outstanding <= 0) continue;
      const { invoice, outstanding } = item.state;
      rows.push({
        customer: customer.customer,
        currency: customer.currency,
        invoiceNo: invoice.invoiceNo,
        dueDate: invoice.dueDate,
        daysOverdue: item.daysOverdue,
        bucket: item.bucket,
        outstanding,
        paused: paused.has(item),
      });
    }
  }
  return rows;
}

/**
 * Reads the workbook and works out the collection picture as of a date; writes nothing.
 * @param adapter the workbook
 * @param options as-of date, language, policy override, mapping, signal, progress
 * @returns the report, each account's collection state, the pre-due notices and today's work
 * @example
 * const { collection, today } = await runCollection(adapter, { asOf: fromYmd(2026, 11, 23), lang: "zh-CN" });
 * collection.get(accountKey("甲公司", "CNY"))?.promises[0].state // "open"; today.nextActions[0].customer // "乙公司"
 */
export async function runCollection(adapter: WorkbookAdapter, options: CollectionOptions): Promise<CollectionResult> {
  const prepared = await prepare(adapter, { ...options, write: false });
  const { report, policy } = prepared;
  const ledger = prepared.read.ledger;
  const collection = collectionOf(ledger, report, policy);
  const paused = new Set([...collection.values()].flatMap((state) => state.paused));
  options.onProgress?.({ fraction: 1, message: labelsFor(options.lang).progress.done });
  return {
    ...baseResult(prepared, [], []),
    collection,
    preDueNotices: preDueNotices(report, policy, paused),
    today: todaysWork(ledger, options.asOf, policy, options.promiseWithinDays),
    openInvoices: openInvoicesOf(report, collection),
  };
}
