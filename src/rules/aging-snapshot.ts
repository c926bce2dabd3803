/**
 * The aging of every customer at a date and nothing more — balances, buckets, overdue, open items
 * — for comparing two dates (month over month, overdue recovered): the as-of rebuild (applyLedger)
 * and the aging rules (aging.ts), without the late interest, grade, limit or flags a Report adds.
 */
import { ageItems, bucketTotals } from "./aging";
import { applyLedger } from "./ledger";
import { add, sum, type Minor } from "./money";
import type { Policy } from "./policy-types";
import type { CustomerReport, DayNumber, Ledger } from "./types";

/** One customer's aging in one currency: the fields of its CustomerReport an aging alone gives. */
export type CustomerAging = Pick<CustomerReport, "customer" | "currency" | "items" | "buckets" | "outstanding" | "overdue">;

/** Every customer's aging at a date. */
export interface AgingSnapshot {
  asOf: DayNumber;
  /** The ledger's scale. */
  scale: number;
  /** Sorted by customer then currency, as a Report's. */
  customers: CustomerAging[];
}

/**
 * The aging of every customer and currency as of a date: the same as buildReport's outstanding,
 * buckets, overdue and open items (their interest left at 0), at a fraction of its cost.
 * @param ledger the ledger
 * @param asOf the date
 * @param policy buckets, aging basis, default currency
 * @returns the snapshot
 * @example agingSnapshot(ledger, fromYmd(2026, 2, 28), DEFAULT_POLICY).customers[0] // { customer: "甲公司", outstanding: 8000000, overdue: 5000000, buckets: [3000000, 0, 5000000, 0, 0], … }
 */
export function agingSnapshot(ledger: Ledger, asOf: DayNumber, policy: Policy): AgingSnapshot {
  const bucketCount = policy.buckets.edges.length + 1;
  const customers = applyLedger(ledger, asOf, policy).accounts.map((account): CustomerAging => {
    const items = ageItems(account, asOf, policy, null, ledger.scale);
    let overdue: Minor = 0;
    for (const item of items) if (item.daysOverdue > 0) overdue = add(overdue, item.state.outstanding);
    const buckets = bucketTotals(items, bucketCount);
    return { customer: account.customer, currency: account.currency, items, buckets, outstanding: sum(buckets), overdue };
  });
  return { asOf, scale: ledger.scale, customers };
}
