/**
 * Salesperson accountability (POLICY §14; seed 001 第四章 超期货款罚息 … 对业务经办人进行罚息，从绩效
 * 工资中扣除; seed 002 20%-50% of bad debts): what each customer's overdue costs its salesperson
 * in the period, as a deduction list. A policy switch, off by default, with its own rate.
 */
import { scaledOf } from "./decimal";
import type { Deduction, ManagedCustomer } from "./management-types";
import { add, multiply, roundToFen, type Minor } from "./money";
import type { Policy } from "./policy-types";
import type { DayNumber } from "./types";

/**
 * The interest charged for one customer in the period: on each non-disputed open invoice overdue
 * at the as-of date, balance × daily rate × the days it was overdue within the period (from the
 * day after its due date, or the period's first day if later, to the as-of date inclusive),
 * rounded half-up to the fen per invoice.
 * @param customer the managed customer
 * @param from first day of the period
 * @param asOf last day
 * @param policy policy.accountability.dailyRate
 * @param scale the report's scale
 * @returns the interest, and the overdue outstanding it ran on
 * @example
 * // 10,000.00 due 2026-02-20, period 2026-03-01 to 2026-03-31 at 0.5 ‰: 31 days → 155.00
 * periodInterest(customer, fromYmd(2026, 3, 1), fromYmd(2026, 3, 31), policy, 2) // { overdue: 1000000, interest: 15500 }
 */
export function periodInterest(customer: ManagedCustomer, from: DayNumber, asOf: DayNumber, policy: Policy, scale: number): { overdue: Minor; interest: Minor } {
  const rate = scaledOf(policy.accountability.dailyRate);
  let overdue: Minor = 0;
  let interest: Minor = 0;
  for (const item of customer.report.items) {
    const invoice = item.state.invoice;
    if (item.daysOverdue <= 0 || invoice.disputed) continue;
    const balance = item.state.outstanding;
    overdue = add(overdue, balance);
    const days = asOf - Math.max(invoice.dueDate, from - 1);
    if (days > 0) interest = add(interest, roundToFen(multiply(multiply(balance, rate.units), days), scale, rate.scale));
  }
  return { overdue, interest };
}

/**
 * The deduction list: for every customer with a salesperson, the period's interest on its overdue
 * (periodInterest) and, when policy.accountability.badDebtShare is set, that share of a write-off
 * candidate's outstanding (rounded half-up to the fen). Customers owing nothing are left out.
 * @param customers the managed customers
 * @param from first day of the period
 * @param asOf last day
 * @param policy policy.accountability
 * @param scale the report's scale
 * @returns deductions by salesperson (code-point order) and currency, the largest first within each
 * @example
 * // 张三's 甲公司: 10,000.00 overdue since 2026-02-20; period March 2026; 0.5 ‰ a day
 * deductions([jia], fromYmd(2026, 3, 1), fromYmd(2026, 3, 31), policy, 2) // [{ salesperson: "张三", customer: "甲公司", interest: 15500, total: 15500, … }]
 */
export function deductions(customers: readonly ManagedCustomer[], from: DayNumber, asOf: DayNumber, policy: Policy, scale: number): Deduction[] {
  const share = policy.accountability.badDebtShare === null ? null : scaledOf(policy.accountability.badDebtShare);
  const list: Deduction[] = [];
  for (const customer of customers) {
    if (customer.salesperson === "") continue;
    const { overdue, interest } = periodInterest(customer, from, asOf, policy, scale);
    const report = customer.report;
    const badDebtCharge = share !== null && report.writeOffCandidate ? roundToFen(multiply(report.outstanding, share.units), scale, share.scale) : 0;
    const total = add(interest, badDebtCharge);
    if (total === 0) continue;
    list.push({ salesperson: customer.salesperson, customer: report.customer, currency: report.currency, overdue, interest, badDebtCharge, total });
  }
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return list.sort((a, b) => byText(a.salesperson, b.salesperson) || byText(a.currency, b.currency) || (b.total > a.total ? 1 : b.total < a.total ? -1 : 0));
}
