/**
 * An open promise to pay pauses reminders and letters for the amount it covers until its date
 * (POLICY §7, §11). What a promise covers is counted in whole invoices: the invoice it names
 * first, then the account's open invoices in FIFO order (oldest due first), each as long as what
 * is still owed on the promise covers it in full. An invoice covered only in part is chased in full.
 */
import { subtract, type Minor } from "./money";
import type { PromiseStatus } from "./promises";
import type { AgedItem, DayNumber } from "./types";

/** The account's open items split by the promises that pause them. */
export interface PausedItems {
  /** Items an open promise covers: no reminder, notice or letter names them until its date. */
  paused: AgedItem[];
  /** Every other item, in the account's order. */
  active: AgedItem[];
  /** The latest date of the promises that pause something; null when nothing is paused. */
  pausedUntil: DayNumber | null;
}

/**
 * Splits an account's open items into those open promises cover and the rest. Disputed items are
 * never covered (they are not chased anyway). Promises are taken in order of their dates.
 * @param items the account's aged items, in FIFO order
 * @param statuses the account's promise states (only "open" ones pause)
 * @returns paused and active items, and until when
 * @example
 * // one invoice of 20,000.00; 20,000.00 promised for 11-30, nothing paid yet, as of 11-23
 * pauseByPromises([invoice20000], [{ promise, state: "open", received: 0, remaining: 2000000 }])
 * // { paused: [invoice20000], active: [], pausedUntil: fromYmd(2026, 11, 30) }
 */
export function pauseByPromises(items: readonly AgedItem[], statuses: readonly PromiseStatus[]): PausedItems {
  const open = statuses.filter((status) => status.state === "open" && status.remaining > 0);
  if (open.length === 0) return { paused: [], active: [...items], pausedUntil: null };
  open.sort((a, b) => a.promise.promisedDate - b.promise.promisedDate);
  const paused = new Set<AgedItem>();
  let pausedUntil: DayNumber | null = null;
  for (const status of open) {
    let left: Minor = status.remaining;
    const named = status.promise.invoiceNo?.trim();
    const order = named ? [...items.filter((item) => item.state.invoice.invoiceNo.trim() === named), ...items] : items;
    for (const item of order) {
      if (paused.has(item) || item.state.invoice.disputed) continue;
      if (left < item.state.outstanding) break;
      paused.add(item);
      left = subtract(left, item.state.outstanding);
      pausedUntil = status.promise.promisedDate;
    }
  }
  return { paused: items.filter((item) => paused.has(item)), active: items.filter((item) => !paused.has(item)), pausedUntil };
}
