/**
 * Credit grade (信用等级) from the most recent late payment: late invoices, invoices still open
 * past due, and broken promises to pay all count as late payments (POLICY.md §3, §11).
 */
import { addMonths } from "./dates";
import { add, type Minor } from "./money";
import type { Policy } from "./policy-types";
import type { CustomerAccount, DayNumber, Grade, InvoiceState, LateEvent, Payment, PaymentPromise } from "./types";

/**
 * The late-payment events of one customer account as of a date, oldest first.
 * An invoice (positive, not disputed) settled after its due date is "paidLate" on its settlement day;
 * one still open past due is "openOverdue" on the as-of day; a promise whose date has passed
 * without the promised amount received (from the day it was made through the promised day) is
 * "brokenPromise" on the promised day (its invoiceNo is "").
 * @param account the customer's applied account
 * @param asOf the report date
 * @param promises promises to pay (any customer; only this account's customer and currency count)
 * @param payments receipts (any customer; only this account's customer and currency count)
 * @returns new events, sorted by date
 * @example
 * // INV-1 due 2026-03-31, settled 2026-04-10; asOf 2026-06-30
 * lateEvents(account, fromYmd(2026, 6, 30)) // [{ invoiceNo: "INV-1", date: fromYmd(2026, 4, 10), kind: "paidLate" }]
 */
export function lateEvents(
  account: CustomerAccount,
  asOf: DayNumber,
  promises: readonly PaymentPromise[] = [],
  payments: readonly Payment[] = [],
): LateEvent[] {
  const events: LateEvent[] = [];
  const items = account.items;
  for (let i = 0; i < items.length; i++) {
    const event = lateEventOf(items[i], asOf);
    if (event !== null) events.push(event);
  }
  if (promises.length > 0) brokenPromises(account, asOf, promises, payments, events);
  return sortByDate(events);
}

/**
 * The late event of one invoice state as of a date, or null (as in lateEvents): "paidLate" on its
 * settlement day when settled after its due date, "openOverdue" on the as-of day when still open
 * past due; never for a disputed invoice.
 * @param state an invoice state from applyLedger
 * @param asOf the report date
 * @returns a new event, or null
 */
function lateEventOf(state: InvoiceState, asOf: DayNumber): LateEvent | null {
  const settledOn = state.settledOn;
  const invoice = state.invoice;
  if (settledOn !== null && settledOn <= asOf) {
    if (!invoice.disputed && settledOn > invoice.dueDate && invoice.amount > 0) {
      return { invoiceNo: invoice.invoiceNo, date: settledOn, kind: "paidLate" };
    }
  } else if (state.outstanding > 0) {
    if (!invoice.disputed && asOf > invoice.dueDate && invoice.amount > 0) {
      return { invoiceNo: invoice.invoiceNo, date: asOf, kind: "openOverdue" };
    }
  }
  return null;
}

/**
 * Events in date order, stable: the array itself when already in order (open items all fall on
 * the as-of day), else sorted in place.
 */
export function sortByDate(events: LateEvent[]): LateEvent[] {
  return isByDate(events) ? events : events.sort(byDate);
}

function byDate(a: LateEvent, b: LateEvent): number {
  return a.date - b.date;
}

function isByDate(events: readonly LateEvent[]): boolean {
  for (let i = 1; i < events.length; i++) if (events[i - 1].date > events[i].date) return false;
  return true;
}

/** Adds a "brokenPromise" event for every promise of the account broken before the as-of date. */
function brokenPromises(
  account: CustomerAccount,
  asOf: DayNumber,
  promises: readonly PaymentPromise[],
  payments: readonly Payment[],
  events: LateEvent[],
): void {
  const ours = (p: { customer: string; currency: string }): boolean =>
    p.customer === account.customer && p.currency === account.currency;
  const receipts = payments.filter(ours);
  for (const promise of promises) {
    if (!ours(promise) || promise.promisedDate >= asOf) continue;
    const from = promise.madeOn ?? Number.NEGATIVE_INFINITY;
    // An undated receipt counts as received before any date, so only towards a promise with no start.
    let received: Minor = 0;
    for (const receipt of receipts) {
      const counts = receipt.date === null ? promise.madeOn === undefined : receipt.date >= from && receipt.date <= promise.promisedDate;
      if (counts) received = add(received, receipt.amount);
    }
    if (received < promise.amount) events.push({ invoiceNo: "", date: promise.promisedDate, kind: "brokenPromise" });
  }
}

/**
 * The credit grade from the latest late event on or before the as-of date. "Within N months" means
 * after the same day N months back: D within dMonths, C within cMonths or bMonths (POLICY's
 * conservative reading), B within aMonths, A otherwise.
 * @param events late events (any order)
 * @param asOf the report date
 * @param policy grade months
 * @returns "A" | "B" | "C" | "D"
 * @example creditGrade([{ invoiceNo: "1", date: fromYmd(2026, 1, 15), kind: "paidLate" }], fromYmd(2026, 6, 30), DEFAULT_POLICY) // "C"
 */
export function creditGrade(events: readonly LateEvent[], asOf: DayNumber, policy: Policy): Grade {
  let latest: DayNumber | null = null;
  for (const event of events) {
    if (event.date <= asOf && (latest === null || event.date > latest)) latest = event.date;
  }
  if (latest === null) return "A";
  const within = (months: number): boolean => (latest as DayNumber) > addMonths(asOf, -months);
  const { dMonths, cMonths, bMonths, aMonths } = policy.grade;
  if (within(dMonths)) return "D";
  if (within(cMonths) || within(bMonths)) return "C";
  if (within(aMonths)) return "B";
  return "A";
}
