/**
 * Credit grade (信用等级) from the most recent late payment (POLICY §3). A late payment is an event,
 * not an invoice (POLICY §4): invoices settled late on one day count once, the invoices still open
 * past due count once together, and each broken promise to pay counts once (§11).
 */
import { addMonths } from "./dates";
import type { Policy } from "./policy-types";
import { promiseStatuses } from "./promises";
import type { CustomerAccount, DayNumber, Grade, LateEvent, Payment, PaymentPromise } from "./types";

/**
 * The late-payment events of one customer account as of a date, oldest first. Invoices (positive,
 * not disputed) settled after their due dates make one "paidLate" event per settlement day (the
 * ledger keeps a receipt by its date, so one remittance settling three invoices is one event); the
 * invoices still open past due make one "openOverdue" event on the as-of day; a promise whose
 * date has passed without the promised amount received (from the day it was made through the
 * promised day) is a "brokenPromise" on the promised day.
 * @param account the customer's applied account
 * @param asOf the report date
 * @param promises promises to pay (any customer; only this account's customer and currency count)
 * @param payments receipts (any customer; only this account's customer and currency count)
 * @returns new events, sorted by date
 * @example
 * // INV-1, INV-2 and INV-3 due 2026-03-31, all settled by one receipt on 2026-04-10; asOf 2026-06-30
 * lateEvents(account, fromYmd(2026, 6, 30)) // [{ invoiceNo: "INV-1", invoiceCount: 3, date: fromYmd(2026, 4, 10), kind: "paidLate" }]
 */
export function lateEvents(
  account: CustomerAccount,
  asOf: DayNumber,
  promises: readonly PaymentPromise[] = [],
  payments: readonly Payment[] = [],
): LateEvent[] {
  const events: LateEvent[] = [];
  let open: LateEvent | null = null;
  let lastPaid: LateEvent | null = null;
  let paidByDay: Map<DayNumber, LateEvent> | null = null;
  const items = account.items;
  for (let i = 0; i < items.length; i++) {
    const state = items[i];
    const invoice = state.invoice;
    if (invoice.disputed || !(invoice.amount > 0)) continue;
    const settledOn = state.settledOn;
    if (settledOn !== null && settledOn <= asOf) {
      if (settledOn <= invoice.dueDate) continue;
      // Late settlements of one account mostly fall on a few days: the last one is checked before the map.
      if (lastPaid !== null && lastPaid.date === settledOn) {
        lastPaid.invoiceCount++;
        continue;
      }
      paidByDay ??= new Map();
      const known = paidByDay.get(settledOn);
      if (known !== undefined) {
        known.invoiceCount++;
        lastPaid = known;
        continue;
      }
      lastPaid = { invoiceNo: invoice.invoiceNo, invoiceCount: 1, date: settledOn, kind: "paidLate" };
      paidByDay.set(settledOn, lastPaid);
      events.push(lastPaid);
    } else if (state.outstanding > 0 && asOf > invoice.dueDate) {
      if (open === null) open = { invoiceNo: invoice.invoiceNo, invoiceCount: 1, date: asOf, kind: "openOverdue" };
      else open.invoiceCount++;
    }
  }
  if (open !== null) events.push(open);
  if (promises.length > 0) brokenPromises(account, asOf, promises, payments, events);
  return sortByDate(events);
}

/**
 * Events in date order, stable: the array itself when already in order, else sorted in place.
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
  for (const status of promiseStatuses(promises.filter(ours), payments.filter(ours), asOf)) {
    if (status.state === "broken") events.push({ invoiceNo: "", invoiceCount: 0, date: status.promise.promisedDate, kind: "brokenPromise" });
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
