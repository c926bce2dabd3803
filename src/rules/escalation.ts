/**
 * Escalation ladder (催收阶梯, POLICY.md §7): which collection stage a number of days overdue, and
 * a customer, is at. The ladder is policy data, ordered by fromDays.
 */
import type { EscalationStage, Policy } from "./policy-types";
import type { AgedItem, StageId } from "./types";

/**
 * The stage covering a number of days overdue (negative = days before due).
 * @param daysOverdue as-of date − due date
 * @param policy the escalation ladder
 * @returns the stage, or null when no stage covers that day (e.g. due today with the default ladder)
 * @example stageForDays(45, DEFAULT_POLICY)?.id // "formal"
 */
export function stageForDays(daysOverdue: number, policy: Policy): EscalationStage | null {
  for (const stage of policy.escalation) {
    if (daysOverdue >= stage.fromDays && (stage.toDays === null || daysOverdue <= stage.toDays)) return stage;
  }
  return null;
}

/**
 * The stage of a customer: that of its most overdue open, non-disputed item (items not yet due
 * count too, so a customer with only invoices due in 3 days is at the pre-due notice).
 * @param items the customer's aged items
 * @param policy the escalation ladder
 * @returns the stage id, or null when no item qualifies or the most overdue one falls in no stage
 * @example customerStage([itemWithDaysOverdue(12), itemWithDaysOverdue(-3)], DEFAULT_POLICY) // "phone"
 */
export function customerStage(items: readonly AgedItem[], policy: Policy): StageId | null {
  let mostOverdue: number | null = null;
  for (const item of items) {
    if (item.state.invoice.disputed || !(item.state.outstanding > 0)) continue;
    if (mostOverdue === null || item.daysOverdue > mostOverdue) mostOverdue = item.daysOverdue;
  }
  return mostOverdue === null ? null : stageForDays(mostOverdue, policy)?.id ?? null;
}
