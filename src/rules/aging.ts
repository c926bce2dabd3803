/**
 * Aging (账龄, POLICY §2): days overdue, the bucket of each open item, and bucket totals that
 * always add up to the outstanding to the fen.
 */
import { lateInterest, type InterestTerms } from "./interest";
import { add, type Minor } from "./money";
import type { Policy } from "./policy-types";
import type { AgedItem, CustomerAccount, DayNumber } from "./types";

/**
 * Whole calendar days from the due date to the as-of date. Due today is 0 (not due); negative
 * means not yet due.
 * @param due the due date
 * @param asOf the report date
 * @returns asOf − due
 * @example daysOverdue(fromYmd(2026, 1, 1), fromYmd(2026, 1, 31)) // 30
 */
export function daysOverdue(due: DayNumber, asOf: DayNumber): number {
  return asOf - due;
}

/**
 * The bucket of an age: the first bucket whose inclusive upper edge is ≥ days, else the last
 * (open-ended) bucket.
 * @param days days overdue (or of age, on the invoice-date basis)
 * @param edges ascending inclusive upper edges, e.g. [0, 30, 60, 90]
 * @returns a bucket index from 0 to edges.length
 * @example bucketIndex(31, [0, 30, 60, 90]) // 2 (31–60); bucketIndex(0, …) → 0; bucketIndex(91, …) → 4
 */
export function bucketIndex(days: number, edges: readonly number[]): number {
  for (let i = 0; i < edges.length; i++) if (days <= edges[i]) return i;
  return edges.length;
}

/**
 * The open items (outstanding > 0) of an account with days overdue, age on the policy's basis
 * (invoice date, or due date when an invoice has no date), bucket and late interest. The
 * account's FIFO order is kept.
 * @param account an account from applyLedger
 * @param asOf the report date
 * @param policy supplies buckets and the aging basis
 * @param terms the policy's interest terms (interestTerms(policy)); null for an aging without
 *   interest (every item's interest 0), where only balances and buckets are wanted
 * @param scale the ledger's scale
 * @returns one AgedItem per open invoice
 * @example
 * // one open invoice of 1,000.00 due 2026-01-01, as of 2026-01-31, default policy
 * ageItems(account, fromYmd(2026, 1, 31), DEFAULT_POLICY, terms, 2)[0] // { daysOverdue: 30, ageDays: 30, bucket: 1, interest: 1500 }
 */
export function ageItems(account: CustomerAccount, asOf: DayNumber, policy: Policy, terms: InterestTerms | null, scale: number): AgedItem[] {
  const edges = policy.buckets.edges;
  const byInvoiceDate = policy.agingBasis === "invoice";
  const aged: AgedItem[] = [];
  for (const state of account.items) {
    if (state.outstanding === 0) continue;
    const invoice = state.invoice;
    const overdueDays = asOf - invoice.dueDate;
    const ageDays = byInvoiceDate ? asOf - (invoice.invoiceDate ?? invoice.dueDate) : overdueDays;
    const interest = terms === null ? 0 : lateInterest(state, asOf, terms, scale);
    aged.push({ state, daysOverdue: overdueDays, ageDays, bucket: bucketIndex(ageDays, edges), interest });
  }
  return aged;
}

/**
 * Outstanding per bucket. Every item lands in exactly one bucket (one outside the range is
 * clamped, never lost), so the totals add up to the sum of outstanding exactly.
 * @param items aged items (from ageItems)
 * @param bucketCount number of buckets (edges.length + 1)
 * @returns one exact amount per bucket
 * @example bucketTotals([item(10000, 0), item(5050, 2)], 5) // [10000, 0, 5050, 0, 0]
 */
export function bucketTotals(items: readonly AgedItem[], bucketCount: number): Minor[] {
  const totals: Minor[] = new Array<Minor>(bucketCount).fill(0);
  for (const item of items) {
    const index = item.bucket < 0 ? 0 : item.bucket >= bucketCount ? bucketCount - 1 : item.bucket;
    totals[index] = add(totals[index], item.state.outstanding);
  }
  return totals;
}
