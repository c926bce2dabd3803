/**
 * Month over month (POLICY §14): every customer's aging at two as-of dates side by side, and
 * which customers got worse — their overdue grew, or their oldest amount moved to a later bucket.
 */
import type { MonthChange, Owner } from "./management-types";
import { subtract } from "./money";
import type { CustomerAging } from "./aging-snapshot";

/**
 * The oldest bucket of a customer holding an amount.
 * @param customer a customer report (or none)
 * @returns its index, or null when nothing is outstanding
 * @example worstBucket({ buckets: [100, 0, 50, 0, 0] }) // 2
 */
export function worstBucket(customer: Pick<CustomerAging, "buckets"> | undefined): number | null {
  if (customer === undefined) return null;
  for (let index = customer.buckets.length - 1; index >= 0; index--) if (customer.buckets[index] !== 0) return index;
  return null;
}

/**
 * Every customer (and currency) of either report, opening and closing side by side. Overdue grew
 * when the closing overdue is larger; a worse bucket when the closing oldest bucket is later than
 * the opening one (a customer with nothing outstanding at the opening starts from "not due").
 * @param opening the aging at the earlier date (an AgingSnapshot or a Report)
 * @param closing the aging at the later date
 * @param owners salesperson of each customer (customerOwners)
 * @returns the worse ones first (largest growth of overdue first), then the rest by customer
 * @example
 * // 甲公司 overdue 1,000.00 in 1–30 at 02-28, 1,000.00 in 31–60 at 03-31
 * monthOverMonth(february, march, owners)[0] // { customer: "甲公司", overdueGrew: false, worseBucket: true, openingWorstBucket: 1, closingWorstBucket: 2, … }
 */
export function monthOverMonth(
  opening: { customers: readonly CustomerAging[] },
  closing: { customers: readonly CustomerAging[] },
  owners: ReadonlyMap<string, Owner>,
): MonthChange[] {
  const key = (customer: CustomerAging): string => `${customer.customer}\u0000${customer.currency}`;
  const before = new Map(opening.customers.map((customer) => [key(customer), customer]));
  const after = new Map(closing.customers.map((customer) => [key(customer), customer]));
  const keys = new Set([...before.keys(), ...after.keys()]);
  const changes: MonthChange[] = [];
  for (const id of keys) {
    const was = before.get(id);
    const now = after.get(id);
    const either = (now ?? was)!;
    const openingWorstBucket = worstBucket(was);
    const closingWorstBucket = worstBucket(now);
    const openingOverdue = was?.overdue ?? 0;
    const closingOverdue = now?.overdue ?? 0;
    changes.push({
      customer: either.customer,
      currency: either.currency,
      salesperson: owners.get(either.customer)?.salesperson ?? "",
      openingOutstanding: was?.outstanding ?? 0,
      closingOutstanding: now?.outstanding ?? 0,
      openingOverdue,
      closingOverdue,
      openingWorstBucket,
      closingWorstBucket,
      overdueGrew: closingOverdue > openingOverdue,
      worseBucket: closingWorstBucket !== null && closingWorstBucket > (openingWorstBucket ?? 0),
    });
  }
  const worse = (change: MonthChange): boolean => change.overdueGrew || change.worseBucket;
  const growth = (change: MonthChange) => subtract(change.closingOverdue, change.openingOverdue);
  return changes.sort((a, b) => {
    if (worse(a) !== worse(b)) return worse(a) ? -1 : 1;
    if (worse(a)) {
      const byGrowth = growth(b) > growth(a) ? 1 : growth(b) < growth(a) ? -1 : 0;
      if (byGrowth !== 0) return byGrowth;
    }
    return a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0;
  });
}
