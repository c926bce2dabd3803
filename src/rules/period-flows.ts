/**
 * The money that moved in a period, per customer account (customer and currency): receipts by
 * method, amounts falling due, and credit sales — the inputs of the collection rate, the cash
 * ratio, the CEI and the simple DSO (POLICY §11). One pass over the ledger's rows.
 */
import { AccountIndex } from "./account-index";
import type { PeriodFlows } from "./management-types";
import { add, type Minor } from "./money";
import type { Policy } from "./policy-types";
import type { DayNumber, Ledger } from "./types";

/**
 * Flows with nothing in them.
 * @returns a new zero PeriodFlows
 * @example noFlows().collected // 0
 */
export function noFlows(): PeriodFlows {
  return { collected: 0, dueInPeriod: 0, creditSales: 0, byMethod: { cash: 0, wire: 0, acceptanceBill: 0, eBill: 0, unstated: 0 } };
}

/**
 * Per account, over the days from `from` to `asOf` inclusive: receipts dated in the period (by
 * method), positive invoice amounts falling due in it, and positive invoice amounts issued in it.
 * Invoices issued after the as-of date do not exist yet and count for nothing; undated receipts
 * and undated invoices cannot be placed in a period and count for nothing either.
 * @param ledger the ledger
 * @param from first day of the period
 * @param asOf last day
 * @param policy supplies the default currency
 * @returns flows by account; accounts without any flow have none
 * @example
 * // 甲公司: 1,000.00 invoiced 2026-03-05 due 2026-04-04; 400.00 wired 2026-03-20
 * periodFlows(ledger, fromYmd(2026, 3, 1), fromYmd(2026, 3, 31), DEFAULT_POLICY).get("甲公司", "CNY")
 * // { collected: 40000, dueInPeriod: 0, creditSales: 100000, byMethod: { wire: 40000, … } }
 */
export function periodFlows(ledger: Ledger, from: DayNumber, asOf: DayNumber, policy: Policy): AccountIndex<PeriodFlows> {
  const flows = new AccountIndex<PeriodFlows>(policy.currency, noFlows);
  for (const invoice of ledger.invoices) {
    const { amount, invoiceDate, dueDate } = invoice;
    if (amount <= 0 || (invoiceDate !== null && invoiceDate > asOf)) continue;
    const issued = invoiceDate !== null && invoiceDate >= from;
    const falls = dueDate >= from && dueDate <= asOf;
    if (!issued && !falls) continue;
    const account = flows.of(invoice.customer, invoice.currency);
    if (issued) account.creditSales = add(account.creditSales, amount);
    if (falls) account.dueInPeriod = add(account.dueInPeriod, amount);
  }
  for (const payment of ledger.payments) {
    const { amount, date } = payment;
    if (amount <= 0 || date === null || date < from || date > asOf) continue;
    const account = flows.of(payment.customer, payment.currency);
    const method = payment.method ?? "unstated";
    account.collected = add(account.collected, amount);
    account.byMethod[method] = add(account.byMethod[method], amount);
  }
  return flows;
}

/**
 * The sum of several accounts' flows.
 * @param list flows to add
 * @returns a new PeriodFlows
 * @example addFlows([a, b]).collected // a.collected + b.collected
 */
export function addFlows(list: Iterable<PeriodFlows>): PeriodFlows {
  const total = noFlows();
  for (const flows of list) {
    total.collected = add(total.collected, flows.collected);
    total.dueInPeriod = add(total.dueInPeriod, flows.dueInPeriod);
    total.creditSales = add(total.creditSales, flows.creditSales);
    for (const method of Object.keys(total.byMethod) as (keyof PeriodFlows["byMethod"])[]) {
      total.byMethod[method] = add(total.byMethod[method], flows.byMethod[method]);
    }
  }
  return total;
}

/**
 * The receipts of some flows that are cash (cash and wire) and those that are bills (acceptance
 * bills and electronic bank bills, POLICY §11); receipts without a method are in neither.
 * @param flows the flows
 * @returns cash and bills
 * @example cashAndBills({ …, byMethod: { cash: 100, wire: 300, acceptanceBill: 500, eBill: 100, unstated: 7 } }) // { cash: 400, bills: 600 }
 */
export function cashAndBills(flows: PeriodFlows): { cash: Minor; bills: Minor } {
  const { cash, wire, acceptanceBill, eBill } = flows.byMethod;
  return { cash: add(cash, wire), bills: add(acceptanceBill, eBill) };
}
