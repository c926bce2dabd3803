/**
 * Pre-due notices per invoice (到期提醒, POLICY §7): every open invoice coming due within the first
 * touch's days (5) is listed, and from the second touch's days (3) it is at its second touch —
 * whatever the customer's stage for its older invoices. An invoice due today is no longer coming
 * due (the default ladder's pre-due stage is 5 to 1 days before due; the reminder starts the day
 * after). Disputed invoices and invoices an open promise covers get none.
 */
import type { Policy } from "./policy-types";
import type { AgedItem, CustomerReport, Report } from "./types";

/** One invoice to be reminded of before it falls due. */
export interface PreDueNotice {
  customer: CustomerReport;
  item: AgedItem;
  /** Due date − as-of date: 1 up to the first touch's days. */
  daysToDue: number;
  /** 1 for the first touch, 2 for the second… (the index in policy.preDueTouchDays, from 1). */
  touch: number;
  /** The touch's days before due (5 or 3 by default). */
  touchDays: number;
}

/**
 * The touch an invoice due in `daysToDue` days is at, or null outside the window (due today or
 * past due, or further off than the first touch): the last touch whose days are at least `daysToDue`.
 * @param daysToDue due date − as-of date
 * @param touchDays the policy's touches, descending ([5, 3])
 * @returns the touch (from 1) and its days, or null
 * @example preDueTouch(4, [5, 3]) // { touch: 1, touchDays: 5 }; preDueTouch(3, [5, 3]) // { touch: 2, touchDays: 3 }; preDueTouch(6, [5, 3]) // null
 */
export function preDueTouch(daysToDue: number, touchDays: readonly number[]): { touch: number; touchDays: number } | null {
  if (daysToDue < 1) return null;
  for (let index = touchDays.length - 1; index >= 0; index--) {
    if (daysToDue <= touchDays[index]) return { touch: index + 1, touchDays: touchDays[index] };
  }
  return null;
}

/**
 * The pre-due notices of a report, by customer then due date (the report's order).
 * @param report the report as of its date
 * @param policy the touches (policy.preDueTouchDays)
 * @param excluded items not to notify (those an open promise covers)
 * @returns one notice per invoice coming due within the window
 * @example
 * // 甲公司: INV-1 overdue 40 days (formal stage), INV-2 due in 3 days
 * preDueNotices(report, DEFAULT_POLICY).map((n) => [n.item.state.invoice.invoiceNo, n.touch]) // [["INV-2", 2]]
 */
export function preDueNotices(report: Report, policy: Policy, excluded: ReadonlySet<AgedItem> = new Set()): PreDueNotice[] {
  const notices: PreDueNotice[] = [];
  for (const customer of report.customers) {
    for (const item of customer.items) {
      if (item.state.invoice.disputed || !(item.state.outstanding > 0) || excluded.has(item)) continue;
      const daysToDue = 0 - item.daysOverdue;
      const touch = preDueTouch(daysToDue, policy.preDueTouchDays);
      if (touch !== null) notices.push({ customer, item, daysToDue, ...touch });
    }
  }
  return notices;
}
