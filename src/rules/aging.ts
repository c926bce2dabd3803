/**
 * Aging (账龄): days overdue, the bucket of each open item, and bucket totals that always add up
 * to the outstanding to the fen.
 */
import { decimalFromFen, fenOf, isExact } from "./fen";
import { ZERO } from "./money";
import type { Decimal } from "./money";
import { lateInterest } from "./interest";
import type { Policy } from "./policy-types";
import type { AgedItem, CustomerAccount, DayNumber, InvoiceState } from "./types";

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
 * (invoice date, or due date when an invoice has no date), bucket and late interest. FIFO order
 * of the account is kept.
 * @param account an account from applyLedger
 * @param asOf the report date
 * @param policy supplies buckets, aging basis and interest terms
 * @returns one AgedItem per open invoice
 * @example
 * // one open invoice of 1,000 due 2026-01-01, as of 2026-01-31, default policy
 * ageItems(account, fromYmd(2026, 1, 31), DEFAULT_POLICY)[0] // { daysOverdue: 30, ageDays: 30, bucket: 1, interest: 15.00 }
 */
export function ageItems(account: CustomerAccount, asOf: DayNumber, policy: Policy): AgedItem[] {
  const edges = policy.buckets.edges;
  const byInvoiceDate = policy.agingBasis === "invoice";
  const aged: AgedItem[] = [];
  for (const state of account.items) {
    // Settled items share ZERO: the identity test spares a read of the amount's digits.
    if (state.outstanding === ZERO || state.outstanding.isZero()) continue;
    const invoice = state.invoice;
    const overdueDays = asOf - invoice.dueDate;
    const ageDays = byInvoiceDate ? asOf - (invoice.invoiceDate ?? invoice.dueDate) : overdueDays;
    aged.push({
      state,
      daysOverdue: overdueDays,
      ageDays,
      bucket: bucketIndex(ageDays, edges),
      interest: lateInterest(state, asOf, policy),
    });
  }
  return aged;
}

/**
 * An aged item whose interest was computed in whole fen: `interest` is the property of AgedItem, as
 * an accessor that makes the Decimal when first read, once (a report of a million invoices holds
 * hundreds of thousands of items, and each Decimal made costs the collector). Assigning it works as
 * on a plain item; `toJSON` gives the plain shape.
 */
export class FenAgedItem implements AgedItem {
  /**
   * The interest in whole fen until its Decimal is made (null for none). Null first in every item:
   * a field that has held null keeps small numbers unboxed and never changes layout.
   */
  interestFen: number | null = null;
  state: InvoiceState;
  daysOverdue: number;
  ageDays: number;
  bucket: number;
  /** The interest, or null until made from `interestFen`. */
  interestAmount: Decimal | null;

  constructor(state: InvoiceState, daysOverdue: number, ageDays: number, bucket: number, interestFen: number) {
    this.state = state;
    this.daysOverdue = daysOverdue;
    this.ageDays = ageDays;
    this.bucket = bucket;
    if (interestFen === 0) {
      this.interestAmount = ZERO;
    } else {
      this.interestAmount = null;
      this.interestFen = interestFen;
    }
  }

  get interest(): Decimal {
    const amount = this.interestAmount;
    if (amount !== null) return amount;
    const made = decimalFromFen(this.interestFen as number);
    this.interestAmount = made;
    this.interestFen = null;
    return made;
  }

  set interest(amount: Decimal) {
    this.interestAmount = amount;
    this.interestFen = null;
  }

  toJSON(): AgedItem {
    return { state: this.state, daysOverdue: this.daysOverdue, ageDays: this.ageDays, bucket: this.bucket, interest: this.interest };
  }
}

/**
 * Outstanding per bucket. Every item lands in exactly one bucket, so the totals add up to the
 * sum of outstanding exactly.
 * @param items aged items (from ageItems)
 * @param bucketCount number of buckets (edges.length + 1)
 * @returns one exact amount per bucket
 * @example
 * // items of 100 in bucket 0 and 50.50 in bucket 2
 * bucketTotals(items, 5).map((b) => b.toFixed(2)) // ["100.00", "0.00", "50.50", "0.00", "0.00"]
 */
export function bucketTotals(items: readonly AgedItem[], bucketCount: number): Decimal[] {
  const fen: number[] = new Array(bucketCount).fill(0);
  for (const item of items) {
    const amount = fenOf(item.state.outstanding);
    const index = clampBucket(item.bucket, bucketCount);
    fen[index] += amount;
    // NaN (more than two decimals) or a sum beyond 2^53 leaves the integers for Decimal.
    if (!isExact(fen[index])) return decimalBucketTotals(items, bucketCount);
  }
  return fen.map(decimalFromFen);
}

/** A bucket outside the range (edges changed after aging) is clamped, never lost. */
function clampBucket(bucket: number, bucketCount: number): number {
  return bucket < 0 ? 0 : bucket >= bucketCount ? bucketCount - 1 : bucket;
}

function decimalBucketTotals(items: readonly AgedItem[], bucketCount: number): Decimal[] {
  const totals: Decimal[] = new Array(bucketCount).fill(ZERO);
  for (const item of items) {
    const index = clampBucket(item.bucket, bucketCount);
    totals[index] = totals[index].plus(item.state.outstanding);
  }
  return totals;
}
