/**
 * Which customers are flagged (over their limit or to stop shipping) and in what order: most at
 * risk first.
 */
import { compare } from "../../rules/money";
import type { CustomerReport, Report } from "../../rules/types";

/**
 * Most at risk first: stop shipping before not, then larger excess, then larger overdue.
 * @param a customer report
 * @param b customer report
 * @returns negative when `a` comes first
 * @example [low, high].sort(compareRisk) // [high, low]
 */
export function compareRisk(a: CustomerReport, b: CustomerReport): number {
  if (a.stopShipping !== b.stopShipping) return a.stopShipping ? -1 : 1;
  const byExcess = compare(b.excess, a.excess);
  if (byExcess !== 0) return byExcess;
  return compare(b.overdue, a.overdue);
}

/**
 * Customers over their limit or to stop shipping, most at risk first.
 * @param report the report
 * @returns flagged customer reports, sorted by `compareRisk`
 * @example flaggedCustomers(report).map((c) => c.customer) // ["乙公司", "甲公司"]
 */
export function flaggedCustomers(report: Report): CustomerReport[] {
  return report.customers.filter((customer) => customer.overLimit || customer.stopShipping).sort(compareRisk);
}
