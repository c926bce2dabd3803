/**
 * Receivables at many as-of dates in one pass over the ledger (the DSO trend, POLICY §11): what an
 * as-of rebuild (applyLedger) would leave outstanding at each date, and the credit sales between
 * consecutive dates, without rebuilding the ledger once per date.
 *
 * Why one pass is enough: at any date T, an account's items take its cash and credit until either
 * runs out (named payments first, then FIFO), so its outstanding at T is max(0, invoiced(T) −
 * settled(T)), whatever the allocation; only the amounts counted by T matter. Each row is counted
 * from the first date it exists at: an invoice from its invoice date (its received column with it),
 * a credit note from its date, a payment from its date — and a payment naming an invoice issued
 * later is held as credit (not settling anything) until that invoice exists, as applyLedger holds it.
 */
import { add, subtract, type Minor } from "./money";
import type { Policy } from "./policy-types";
import type { DayNumber, Ledger } from "./types";
import { AccountIndex } from "./account-index";

/** Receivables and sales of one currency at the dates of a history. */
export interface CurrencyHistory {
  /** Outstanding at each date (Σ over its accounts of max(0, invoiced − settled)). */
  receivables: Minor[];
  /** Positive invoice amounts issued after the previous date up to this one (index 0: up to the first date). */
  sales: Minor[];
}

/** One account's amounts as changes at the first date each is counted at, and the invoices its payments name. */
interface AccountChanges {
  currency: string;
  invoiced: Minor[];
  settled: Minor[];
  /** By trimmed invoice number; null until a payment names one. */
  named: Map<string, NamedTarget> | null;
}

/** The invoices a payment names, as far as the hold on it goes: it settles from the earlier of the two. */
interface NamedTarget {
  /** Earliest invoice date of a positive invoice of that number (−Infinity if one is undated; Infinity if none). */
  firstPositive: number;
  /** Latest invoice date of any row of that number (−Infinity if none is dated). */
  lastDated: number;
}

/** Index of the first date on or after `day` (dates ascending); dates.length when after them all. */
function firstDateFrom(dates: readonly DayNumber[], day: number): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (dates[middle] < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The receivables of every currency at each date, as applyLedger would leave them, and the credit
 * sales (positive invoice amounts) between consecutive dates, from one pass over the invoices and
 * one over the payments (after a first look at the invoice numbers the payments name).
 * @param ledger the ledger
 * @param dates as-of dates, ascending
 * @param policy supplies the default currency
 * @returns by currency
 * @example
 * // 甲公司: 1,000.00 issued 2026-01-10, 300.00 paid 2026-02-05; dates 2026-01-31, 2026-02-28
 * receivablesHistory(ledger, [fromYmd(2026, 1, 31), fromYmd(2026, 2, 28)], DEFAULT_POLICY).get("CNY")
 * // { receivables: [100000, 70000], sales: [100000, 0] }
 */
export function receivablesHistory(ledger: Ledger, dates: readonly DayNumber[], policy: Policy): Map<string, CurrencyHistory> {
  const count = dates.length;
  const lastDate = dates[count - 1];
  const zeros = (): Minor[] => new Array<Minor>(count).fill(0);
  const accounts = new AccountIndex<AccountChanges>(policy.currency, (_customer, currency) => ({ currency, invoiced: zeros(), settled: zeros(), named: null }));
  const sales = new Map<string, Minor[]>();

  for (const payment of ledger.payments) {
    const ref = payment.invoiceRef === undefined ? "" : payment.invoiceRef.trim();
    if (ref === "" || payment.amount <= 0 || (payment.date !== null && payment.date > lastDate)) continue;
    const account = accounts.of(payment.customer, payment.currency);
    if (account.named === null) account.named = new Map();
    account.named.set(ref, { firstPositive: Infinity, lastDated: -Infinity });
  }

  for (const invoice of ledger.invoices) {
    const { amount, received, invoiceDate } = invoice;
    const account = accounts.of(invoice.customer, invoice.currency);
    const target = account.named === null ? undefined : account.named.get(invoice.invoiceNo.trim());
    if (target !== undefined) {
      if (amount > 0) target.firstPositive = Math.min(target.firstPositive, invoiceDate ?? -Infinity);
      if (invoiceDate !== null) target.lastDated = Math.max(target.lastDated, invoiceDate);
    }
    const at = invoiceDate === null ? 0 : firstDateFrom(dates, invoiceDate);
    if (at === count) continue;
    if (amount > 0) {
      account.invoiced[at] = add(account.invoiced[at], amount);
      if (received > 0) account.settled[at] = add(account.settled[at], received);
      if (invoiceDate !== null) {
        let bySale = sales.get(account.currency);
        if (bySale === undefined) sales.set(account.currency, (bySale = zeros()));
        bySale[at] = add(bySale[at], amount);
      }
    } else if (amount < 0) {
      account.settled[at] = subtract(account.settled[at], amount);
    } else if (received > 0) {
      account.settled[at] = add(account.settled[at], received);
    }
  }

  for (const payment of ledger.payments) {
    if (payment.amount <= 0) continue;
    const account = accounts.of(payment.customer, payment.currency);
    let from = payment.date ?? -Infinity;
    const ref = payment.invoiceRef === undefined ? "" : payment.invoiceRef.trim();
    const target = ref === "" || account.named === null ? undefined : account.named.get(ref);
    // Held while no positive invoice of that number exists yet and a later row of it does.
    if (target !== undefined) from = Math.max(from, Math.min(target.firstPositive, target.lastDated));
    const at = from === -Infinity ? 0 : firstDateFrom(dates, from);
    if (at < count) account.settled[at] = add(account.settled[at], payment.amount);
  }

  const history = new Map<string, CurrencyHistory>();
  for (const account of accounts.values()) {
    let found = history.get(account.currency);
    if (found === undefined) history.set(account.currency, (found = { receivables: zeros(), sales: sales.get(account.currency) ?? zeros() }));
    let invoiced: Minor = 0;
    let settled: Minor = 0;
    for (let i = 0; i < count; i++) {
      invoiced = add(invoiced, account.invoiced[i]);
      settled = add(settled, account.settled[i]);
      if (invoiced > settled) found.receivables[i] = add(found.receivables[i], subtract(invoiced, settled));
    }
  }
  return history;
}
