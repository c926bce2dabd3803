/**
 * Accounts: one customer in one currency, the unit every figure is kept in (currencies are never
 * added together). Rows of any table find their account by the customer's name trimmed and their
 * currency, the policy's when they name none.
 */
import type { Policy } from "./policy-types";

/**
 * The key of an account.
 * @param customer the customer's name, trimmed
 * @param currency the currency code
 * @returns a key no two accounts share
 * @example accountKey("甲公司", "CNY") // "甲公司\u0000CNY"
 */
export function accountKey(customer: string, currency: string): string {
  return `${customer}\u0000${currency}`;
}

/**
 * Groups rows by account once, so each account finds its own in O(1). Each row is given the
 * account's spelling of customer and currency (a copy when they differ), so the rules downstream
 * match them by plain equality.
 * @param rows rows of one table (promises, payments, …)
 * @param policy supplies the currency of rows that name none
 * @param include which rows to keep
 * @returns rows by accountKey, in table order
 * @example groupByAccount([{ customer: " 甲 ", currency: "", amount: 1 }], DEFAULT_POLICY, () => true).get(accountKey("甲", "CNY"))
 * // [{ customer: "甲", currency: "CNY", amount: 1 }]
 */
export function groupByAccount<T extends { customer: string; currency: string }>(
  rows: readonly T[],
  policy: Policy,
  include: (row: T) => boolean,
): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    if (!include(row)) continue;
    const customer = row.customer.trim();
    const currency = row.currency ? row.currency : policy.currency;
    const key = accountKey(customer, currency);
    const normalised = customer === row.customer && currency === row.currency ? row : { ...row, customer, currency };
    const list = grouped.get(key);
    if (list === undefined) grouped.set(key, [normalised]);
    else list.push(normalised);
  }
  return grouped;
}
