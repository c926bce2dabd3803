/**
 * "Promise required" (须签署还款承诺, POLICY §11, seed 004 3.2): a customer late 2 times in a row,
 * or 3 times within a year, must sign a promise to pay; the flag stays until a promise is recorded
 * on or after the day it was raised. Late payments are the late events of grade.ts; "in a row"
 * looks at the customer's payment occasions (settlement days), late or on time.
 */
import { addMonths } from "./dates";
import type { Policy } from "./policy-types";
import type { CustomerAccount, DayNumber, LateEvent, PaymentPromise } from "./types";

/** Whether a customer must sign a promise, since when and why. */
export interface PromiseRequirement {
  required: boolean;
  /** The latest day the condition was met within the review window; null when it was not. */
  since: DayNumber | null;
  reason: "twoInARow" | "threeInAYear" | null;
}

/**
 * The days on which invoices of the account were settled on time (on or before their due dates),
 * dated and not after the as-of date, ascending and each once.
 * @param account the applied account
 * @param asOf the report date
 * @returns the days
 * @example onTimeSettlementDays(account, asOf) // [fromYmd(2026, 5, 31)]
 */
export function onTimeSettlementDays(account: CustomerAccount, asOf: DayNumber): DayNumber[] {
  const days = new Set<DayNumber>();
  for (const state of account.items) {
    const settledOn = state.settledOn;
    if (settledOn !== null && settledOn <= asOf && settledOn <= state.invoice.dueDate && !state.invoice.disputed) days.add(settledOn);
  }
  return [...days].sort((a, b) => a - b);
}

/** The day a promise counts as recorded: the day made, else (a promises-table row without one) its date. */
function recordedOn(promise: PaymentPromise): DayNumber {
  return promise.madeOn ?? promise.promisedDate;
}

/**
 * Whether the customer must sign a promise as of a date. A trigger is a late occasion following
 * another late occasion (two in a row), or a late event with two more in the 12 months up to it
 * (three within a year); the latest trigger within the review window (policy.limit.windowMonths)
 * counts, and a promise recorded on or after it clears the flag.
 * @param events the account's late events (grade.ts), any order
 * @param openLateSince for the "openOverdue" event: the first day the oldest open item was overdue (its due date + 1)
 * @param onTimeDays the account's on-time settlement days (onTimeSettlementDays)
 * @param promises the account's promises (table and log)
 * @param asOf the report date
 * @param policy the review window
 * @returns the requirement
 * @example
 * // paid late on 2026-09-10, late again with invoices open since 2026-11-01; no promise since: required
 * promiseRequirement(events, fromYmd(2026, 11, 1), [], [], fromYmd(2026, 11, 23), DEFAULT_POLICY) // { required: true, since: fromYmd(2026, 11, 1), reason: "twoInARow" }
 */
export function promiseRequirement(
  events: readonly LateEvent[],
  openLateSince: DayNumber | null,
  onTimeDays: readonly DayNumber[],
  promises: readonly PaymentPromise[],
  asOf: DayNumber,
  policy: Policy,
): PromiseRequirement {
  const late = events
    .filter((event) => event.date <= asOf)
    .map((event) => (event.kind === "openOverdue" && openLateSince !== null ? openLateSince : event.date))
    .sort((a, b) => a - b);
  const lateDays = new Set(late);
  const occasions = [...late.map((date) => ({ date, late: true })), ...onTimeDays.filter((day) => !lateDays.has(day)).map((date) => ({ date, late: false }))];
  occasions.sort((a, b) => a.date - b.date || Number(a.late) - Number(b.late));

  const windowStart = addMonths(asOf, -policy.limit.windowMonths);
  let since: DayNumber | null = null;
  let reason: PromiseRequirement["reason"] = null;
  const consider = (date: DayNumber, why: "twoInARow" | "threeInAYear"): void => {
    if (date > windowStart && date <= asOf && (since === null || date > since)) {
      since = date;
      reason = why;
    }
  };
  for (let i = 1; i < occasions.length; i++) if (occasions[i].late && occasions[i - 1].late) consider(occasions[i].date, "twoInARow");
  for (let k = 2; k < late.length; k++) if (late[k - 2] > addMonths(late[k], -12)) consider(late[k], "threeInAYear");
  if (since === null) return { required: false, since: null, reason: null };
  const from: DayNumber = since;
  const answered = promises.some((promise) => recordedOn(promise) >= from);
  return { required: !answered, since, reason };
}
