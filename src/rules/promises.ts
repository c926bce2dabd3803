/**
 * Promises to pay (回款承诺, POLICY §11, §12): those of the promises table and those the collection
 * log records, and the state of each as of a date — open until its date, kept when the promised
 * amount was received from the day it was made through its date, broken when its date has passed
 * without it.
 */
import { groupByAccount } from "./accounts";
import { add, subtract, type Minor } from "./money";
import type { Policy } from "./policy-types";
import type { DayNumber, Ledger, LogEntry, Payment, PaymentPromise } from "./types";

/** Where a promise stands on a date. */
export type PromiseState = "open" | "kept" | "broken";

/** A promise with its state and what was received towards it. */
export interface PromiseStatus {
  promise: PaymentPromise;
  state: PromiseState;
  /** Receipts counted towards it: dated from `madeOn` through the earlier of its date and the as-of date. */
  received: Minor;
  /** What is still owed on it: promised − received, never below zero. */
  remaining: Minor;
}

/**
 * The promise a collection-log row makes, or null for a row without both a promised date and amount.
 * @param entry a log row
 * @returns the promise, made on the row's date
 * @example promiseOfLogEntry({ date: d("2026-11-02"), customer: "甲", channel: "phone", currency: "CNY", promisedDate: d("2026-11-30"), promisedAmount: 2000000 })
 * // { customer: "甲", promisedDate: d("2026-11-30"), amount: 2000000, currency: "CNY", madeOn: d("2026-11-02") }
 */
export function promiseOfLogEntry(entry: LogEntry): PaymentPromise | null {
  if (entry.promisedDate === undefined || entry.promisedAmount === undefined) return null;
  const promise: PaymentPromise = {
    customer: entry.customer,
    promisedDate: entry.promisedDate,
    amount: entry.promisedAmount,
    currency: entry.currency,
    madeOn: entry.date,
  };
  if (entry.invoiceNo !== undefined) promise.invoiceNo = entry.invoiceNo;
  if (entry.source !== undefined) promise.source = entry.source;
  return promise;
}

/**
 * Every promise of a ledger: the promises table's, then the collection log's, in table order.
 * @param ledger the ledger
 * @returns a new list (the ledger's own list when the log holds none)
 * @example allPromises({ ...ledger, promises: [p1], log: [callWithPromise] }).length // 2
 */
export function allPromises(ledger: Ledger): readonly PaymentPromise[] {
  const table = ledger.promises ?? [];
  const log = ledger.log ?? [];
  if (log.length === 0) return table;
  const fromLog: PaymentPromise[] = [];
  for (const entry of log) {
    const promise = promiseOfLogEntry(entry);
    if (promise !== null) fromLog.push(promise);
  }
  return fromLog.length === 0 ? table : [...table, ...fromLog];
}

/**
 * The state of one promise as of a date. Receipts dated from the day it was made through its
 * date (and not after the as-of date) count towards it; an undated receipt counts only towards a
 * promise with no day made (it was there before any date).
 * @param promise the promise
 * @param receipts the receipts of the promise's customer and currency (others must be left out)
 * @param asOf the report date
 * @returns its state, what was received towards it and what remains
 * @example
 * // 20,000.00 promised on 11-02 for 11-30, nothing received, as of 11-23 → open; as of 12-01 → broken
 * promiseStatus(promise, [], fromYmd(2026, 11, 23)).state // "open"
 */
export function promiseStatus(promise: PaymentPromise, receipts: readonly Payment[], asOf: DayNumber): PromiseStatus {
  const from = promise.madeOn ?? Number.NEGATIVE_INFINITY;
  const until = promise.promisedDate < asOf ? promise.promisedDate : asOf;
  let received: Minor = 0;
  for (const receipt of receipts) {
    const counts = receipt.date === null ? promise.madeOn === undefined : receipt.date >= from && receipt.date <= until;
    if (counts) received = add(received, receipt.amount);
  }
  const kept = received >= promise.amount;
  const state: PromiseState = kept ? "kept" : promise.promisedDate < asOf ? "broken" : "open";
  const remaining: Minor = kept ? 0 : subtract(promise.amount, received);
  return { promise, state, received, remaining };
}

/**
 * The states of one account's promises as of a date, in the order given; promises made after the
 * as-of date are left out (they did not exist yet).
 * @param promises the account's promises (customer and currency already matched)
 * @param receipts the account's receipts
 * @param asOf the report date
 * @returns one status per promise made on or before the as-of date
 * @example promiseStatuses([open, broken], [], asOf).map((s) => s.state) // ["open", "broken"]
 */
export function promiseStatuses(promises: readonly PaymentPromise[], receipts: readonly Payment[], asOf: DayNumber): PromiseStatus[] {
  const statuses: PromiseStatus[] = [];
  for (const promise of promises) {
    if (promise.madeOn !== undefined && promise.madeOn > asOf) continue;
    statuses.push(promiseStatus(promise, receipts, asOf));
  }
  return statuses;
}

/**
 * The states of every promise of a ledger (table and log) as of a date, by account.
 * @param ledger the ledger
 * @param asOf the report date
 * @param policy supplies the currency of rows that name none
 * @returns accountKey → the account's promise states, in table order (promises made after the as-of date left out)
 * @example ledgerPromiseStatuses(ledger, fromYmd(2026, 11, 23), DEFAULT_POLICY).get(accountKey("甲公司", "CNY"))?.[0].state // "open"
 */
export function ledgerPromiseStatuses(ledger: Ledger, asOf: DayNumber, policy: Policy): Map<string, PromiseStatus[]> {
  const statuses = new Map<string, PromiseStatus[]>();
  const promises = groupByAccount(allPromises(ledger), policy, () => true);
  if (promises.size === 0) return statuses;
  const receipts = groupByAccount(ledger.payments, policy, (p) => p.date === null || p.date <= asOf);
  for (const [key, list] of promises) statuses.set(key, promiseStatuses(list, receipts.get(key) ?? [], asOf));
  return statuses;
}
