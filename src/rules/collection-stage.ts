/**
 * The collection stage a customer is chased at (POLICY §7): the ladder's stage of its most overdue
 * item still chased (items an open promise covers are not), moved up one stage for every three
 * contacts logged without result since that stage began (seed 003), and one more when a promise
 * made for it was broken since then (§11: a broken promise escalates).
 */
import { stageForDays } from "./escalation";
import type { PromiseStatus } from "./promises";
import type { EscalationStage, Policy } from "./policy-types";
import type { AgedItem, ContactOutcome, DayNumber, LogEntry, StageId } from "./types";

/** Contacts that came to something: a promise, a payment or a dispute. */
const RESULTS: ReadonlySet<ContactOutcome> = new Set(["promised", "paid", "disputed"]);

/** Contacts without result that move a customer up one stage. */
export const CONTACTS_PER_STAGE = 3;

/** The stage of one account and why. */
export interface CollectionStage {
  /** The ladder's stage of the most overdue chased item; null when nothing is chased. */
  ladderStage: StageId | null;
  /** The stage after escalation: the one letters and calls follow. */
  stage: StageId | null;
  /** The day the ladder stage began: the most overdue chased item's due date + the stage's first day. */
  since: DayNumber | null;
  /** Logged contacts without result (no outcome, no answer, refused, other) since then. */
  contactsWithoutResult: number;
  /** Whether a promise whose date fell since then was broken. */
  brokenPromise: boolean;
  /** Stages moved up from the ladder stage (0 when none; capped at the last stage). */
  steps: number;
}

/** Whether a stage chases overdue money (pre-due notices are not escalated). */
function isOverdueStage(stage: EscalationStage): boolean {
  return stage.fromDays > 0;
}

/**
 * The collection stage of an account as of a date.
 * @param active the account's chased items (not covered by an open promise), in FIFO order
 * @param contacts the customer's log entries (any order; those after the as-of date are ignored)
 * @param statuses the account's promise states
 * @param asOf the report date
 * @param policy the escalation ladder
 * @returns the ladder stage, the escalated stage and the reasons
 * @example
 * // 20 days overdue (phone, since day 8 = 12 days ago) and three calls without answer since: formal
 * collectionStage([item20], [call, call, call], [], asOf, DEFAULT_POLICY).stage // "formal"
 */
export function collectionStage(
  active: readonly AgedItem[],
  contacts: readonly LogEntry[],
  statuses: readonly PromiseStatus[],
  asOf: DayNumber,
  policy: Policy,
): CollectionStage {
  let mostOverdue: AgedItem | null = null;
  for (const item of active) {
    if (item.state.invoice.disputed || !(item.state.outstanding > 0)) continue;
    if (mostOverdue === null || item.daysOverdue > mostOverdue.daysOverdue) mostOverdue = item;
  }
  const ladder = mostOverdue === null ? null : stageForDays(mostOverdue.daysOverdue, policy);
  const calm: CollectionStage = { ladderStage: ladder?.id ?? null, stage: ladder?.id ?? null, since: null, contactsWithoutResult: 0, brokenPromise: false, steps: 0 };
  if (ladder === null || mostOverdue === null) return calm;
  const since = mostOverdue.state.invoice.dueDate + ladder.fromDays;
  if (!isOverdueStage(ladder)) return { ...calm, since };
  let contactsWithoutResult = 0;
  for (const entry of contacts) {
    if (entry.date >= since && entry.date <= asOf && (entry.outcome === undefined || !RESULTS.has(entry.outcome))) contactsWithoutResult++;
  }
  const brokenPromise = statuses.some((status) => status.state === "broken" && status.promise.promisedDate >= since);
  const wanted = Math.floor(contactsWithoutResult / CONTACTS_PER_STAGE) + (brokenPromise ? 1 : 0);
  const index = policy.escalation.indexOf(ladder);
  const last = policy.escalation.length - 1;
  const steps = Math.min(wanted, last - index);
  return { ladderStage: ladder.id, stage: policy.escalation[index + steps].id, since, contactsWithoutResult, brokenPromise, steps };
}
