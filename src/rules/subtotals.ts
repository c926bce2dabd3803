/**
 * Subtotals of the manager's view (POLICY §14): customers grouped by salesperson, by region or all
 * together, per currency (never across currencies), with buckets, overdue %, collection rate,
 * customers flagged and the worst colour. Every figure is the exact sum of its customers', so the
 * subtotals of any grouping add up to the grand totals to the fen.
 */
import { Dec, type Decimal } from "./decimal";
import { collectionRate } from "./measures";
import type { ManagedCustomer, Subtotal } from "./management-types";
import { add, type Minor } from "./money";
import { worstColour } from "./rag";

/**
 * part ÷ whole × 100, exact; null when whole is 0.
 * @param part e.g. overdue
 * @param whole e.g. outstanding
 * @returns the percentage
 * @example percentOf(250000, 1000000)?.toString() // "25"
 */
export function percentOf(part: Minor, whole: Minor): Decimal | null {
  if (whole === 0) return null;
  return new Dec(part.toString()).dividedBy(whole.toString()).times(100);
}

/** An empty subtotal of one key and currency. */
function emptySubtotal(key: string, currency: string, bucketCount: number): Subtotal {
  return {
    key,
    currency,
    customers: 0,
    outstanding: 0,
    buckets: new Array<Minor>(bucketCount).fill(0),
    overdue: 0,
    overduePct: null,
    collected: 0,
    dueInPeriod: 0,
    collectionRate: null,
    flagged: 0,
    colour: "green",
    colours: { red: 0, amber: 0, green: 0 },
    provision: 0,
  };
}

/** Named groups first, by name; the group without a name ("") last. */
function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "") return 1;
  if (b === "") return -1;
  return a < b ? -1 : 1;
}

/**
 * The subtotals of customers grouped by a key, one per key and currency present.
 * @param customers the managed customers
 * @param keyOf the group of a customer: its salesperson, its region, or "" for the grand total
 * @param currencies currency order (the policy currency first)
 * @param bucketCount number of policy buckets
 * @returns subtotals by currency (in that order), then key (named ones in code-point order, "" last)
 * @example
 * // 张三's 甲 (CNY 1,000.00, red) and 乙 (CNY 500.00, green); 李四's 丙 (CNY 200.00, amber)
 * subtotals(customers, (c) => c.salesperson, ["CNY"], 5).map((s) => [s.key, s.outstanding, s.colour])
 * // [["张三", 150000, "red"], ["李四", 20000, "amber"]] (names in code-point order)
 */
export function subtotals(
  customers: readonly ManagedCustomer[],
  keyOf: (customer: ManagedCustomer) => string,
  currencies: readonly string[],
  bucketCount: number,
): Subtotal[] {
  const groups = new Map<string, Subtotal>();
  for (const customer of customers) {
    const { report, flows } = customer;
    const key = keyOf(customer);
    const id = `${report.currency}\u0000${key}`;
    let group = groups.get(id);
    if (group === undefined) {
      group = emptySubtotal(key, report.currency, bucketCount);
      groups.set(id, group);
    }
    group.customers += 1;
    group.outstanding = add(group.outstanding, report.outstanding);
    for (let index = 0; index < bucketCount; index++) group.buckets[index] = add(group.buckets[index], report.buckets[index] ?? 0);
    group.overdue = add(group.overdue, report.overdue);
    group.collected = add(group.collected, flows.collected);
    group.dueInPeriod = add(group.dueInPeriod, flows.dueInPeriod);
    if (report.overLimit || report.stopShipping) group.flagged += 1;
    group.colours[customer.colour] += 1;
    group.colour = worstColour([group.colour, customer.colour]);
    group.provision = add(group.provision, report.provision);
  }
  const order = new Map(currencies.map((currency, index) => [currency, index]));
  return [...groups.values()]
    .map((group) => ({
      ...group,
      overduePct: percentOf(group.overdue, group.outstanding),
      collectionRate: collectionRate(group.collected.toString(), group.dueInPeriod.toString()),
    }))
    .sort((a, b) => (order.get(a.currency) ?? order.size) - (order.get(b.currency) ?? order.size) || compareKeys(a.key, b.key) || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
