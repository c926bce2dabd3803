/**
 * The collection state of every account (POLICY §7, §11, §12): its promises with their states,
 * which invoices open promises cover (and so are not chased), the stage it is chased at after
 * escalation, whether it must sign a promise, and its contacts newest first — what a collector
 * reads before calling, and what letters follow. Only orchestration lives here; each rule is in
 * its own module (promises, promise-pause, collection-stage, promise-required).
 */
import { accountKey } from "./accounts";
import { collectionStage, type CollectionStage } from "./collection-stage";
import { applyLedger } from "./ledger";
import type { Policy } from "./policy-types";
import { pauseByPromises } from "./promise-pause";
import { onTimeSettlementDays, promiseRequirement, type PromiseRequirement } from "./promise-required";
import { ledgerPromiseStatuses, type PromiseStatus } from "./promises";
import type { AgedItem, CustomerReport, DayNumber, Ledger, LogEntry, Report } from "./types";

/** One account's collection state as of the report's date. */
export interface AccountCollection {
  customer: CustomerReport;
  /** Its promises (promises table and log) with their states, in table order. */
  promises: PromiseStatus[];
  /** Open items an open promise covers: not chased until its date. */
  paused: AgedItem[];
  /** Open items still chased, in FIFO order. */
  active: AgedItem[];
  pausedUntil: DayNumber | null;
  stage: CollectionStage;
  promiseRequired: PromiseRequirement;
  /** The customer's contacts on or before the as-of date (any currency), newest first. */
  contacts: LogEntry[];
}

/** The log's contacts by customer (trimmed), up to a date, newest first (later rows first on one day). */
function contactsByCustomer(log: readonly LogEntry[], asOf: DayNumber): Map<string, LogEntry[]> {
  const byCustomer = new Map<string, LogEntry[]>();
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = log[i];
    if (entry.date > asOf) continue;
    const customer = entry.customer.trim();
    const list = byCustomer.get(customer);
    if (list === undefined) byCustomer.set(customer, [entry]);
    else list.push(entry);
  }
  for (const list of byCustomer.values()) list.sort((a, b) => b.date - a.date);
  return byCustomer;
}

/**
 * The collection state of every account of a report.
 * @param ledger the ledger the report was built from (its log, promises and payments)
 * @param report the report
 * @param policy the policy the report was built with
 * @returns accountKey → the account's collection state, for every account of the report
 * @example
 * // 甲公司 promised on 11-02 to pay its only invoice (20,000.00, due 10-15) by 11-30; as of 11-23
 * const state = collectionOf(ledger, report, DEFAULT_POLICY).get(accountKey("甲公司", "CNY"));
 * // state.paused → [INV-1], state.active → [], state.stage.stage → null: no letter until 11-30
 */
export function collectionOf(ledger: Ledger, report: Report, policy: Policy): Map<string, AccountCollection> {
  const asOf = report.asOf;
  const statuses = ledgerPromiseStatuses(ledger, asOf, policy);
  const contacts = contactsByCustomer(ledger.log ?? [], asOf);
  const accounts = new Map(applyLedger(ledger, asOf, policy).accounts.map((account) => [accountKey(account.customer, account.currency), account]));
  const result = new Map<string, AccountCollection>();
  for (const customer of report.customers) {
    const key = accountKey(customer.customer, customer.currency);
    const promises = statuses.get(key) ?? [];
    const { paused, active, pausedUntil } = pauseByPromises(customer.items, promises);
    const customerContacts = contacts.get(customer.customer) ?? [];
    const account = accounts.get(key);
    const oldestOpen = customer.maxDaysOverdue > 0 ? asOf - customer.maxDaysOverdue + 1 : null;
    result.set(key, {
      customer,
      promises,
      paused,
      active,
      pausedUntil,
      stage: collectionStage(active, customerContacts, promises, asOf, policy),
      promiseRequired: promiseRequirement(
        customer.lateEvents,
        oldestOpen,
        account === undefined ? [] : onTimeSettlementDays(account, asOf),
        promises.map((status) => status.promise),
        asOf,
        policy,
      ),
      contacts: customerContacts,
    });
  }
  return result;
}
