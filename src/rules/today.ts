/**
 * Today's work (今日待办): what the collection log and the promises ask of the team on a day —
 * the next actions due today or earlier (the next action of each customer's latest contact), and
 * the promises falling due (open ones whose date is within a few days, and broken ones nobody has
 * followed up since).
 */
import type { Policy } from "./policy-types";
import { ledgerPromiseStatuses, type PromiseStatus } from "./promises";
import type { DayNumber, Ledger, LogEntry } from "./types";

/** A customer whose latest contact set a next action for today or earlier. */
export interface NextActionDue {
  customer: string;
  /** The latest contact, which set the next action. */
  entry: LogEntry;
  date: DayNumber;
  /** As-of date − next action date: 0 today, more when it is late. */
  daysLate: number;
}

/** A promise that needs attention today. */
export interface PromiseDue {
  status: PromiseStatus;
  /** Promised date − as-of date: negative for a broken promise. */
  daysToDate: number;
}

/** Today's work. */
export interface TodaysWork {
  asOf: DayNumber;
  /** Most late first, then by customer. */
  nextActions: NextActionDue[];
  /** Broken ones first, then by promised date. */
  promises: PromiseDue[];
}

/** How far ahead open promises are listed, in days (0: only those due today). */
export const PROMISE_HORIZON_DAYS = 3;

/**
 * Today's work as of a date.
 * @param ledger the ledger (its log, promises and payments)
 * @param asOf the day
 * @param policy supplies the currency of rows that name none
 * @param withinDays open promises due within this many days are listed (default 3)
 * @returns next actions due and promises falling due
 * @example
 * // 甲公司 called on 11-10, next action 11-20; 乙公司 promised 5,000 for 11-25, as of 11-23
 * todaysWork(ledger, fromYmd(2026, 11, 23), DEFAULT_POLICY)
 * // { nextActions: [{ customer: "甲公司", date: fromYmd(2026, 11, 20), daysLate: 3, … }], promises: [{ daysToDate: 2, … }] }
 */
export function todaysWork(ledger: Ledger, asOf: DayNumber, policy: Policy, withinDays = PROMISE_HORIZON_DAYS): TodaysWork {
  const latest = new Map<string, LogEntry>();
  for (const entry of ledger.log ?? []) {
    if (entry.date > asOf) continue;
    const customer = entry.customer.trim();
    const seen = latest.get(customer);
    // A later row of the same day is the later contact.
    if (seen === undefined || entry.date >= seen.date) latest.set(customer, entry);
  }
  const nextActions: NextActionDue[] = [];
  for (const [customer, entry] of latest) {
    if (entry.nextAction !== undefined && entry.nextAction <= asOf) nextActions.push({ customer, entry, date: entry.nextAction, daysLate: asOf - entry.nextAction });
  }
  nextActions.sort((a, b) => b.daysLate - a.daysLate || (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));

  const promises: PromiseDue[] = [];
  for (const statuses of ledgerPromiseStatuses(ledger, asOf, policy).values()) {
    for (const status of statuses) {
      const daysToDate = status.promise.promisedDate - asOf;
      const contactSince = latest.get(status.promise.customer.trim());
      const followedUp = contactSince !== undefined && contactSince.date > status.promise.promisedDate;
      if ((status.state === "open" && daysToDate <= withinDays) || (status.state === "broken" && !followedUp)) promises.push({ status, daysToDate });
    }
  }
  promises.sort((a, b) => Number(b.status.state === "broken") - Number(a.status.state === "broken") || a.daysToDate - b.daysToDate);
  return { asOf, nextActions, promises };
}

