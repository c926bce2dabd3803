/**
 * The report: the ledger applied as of a date, then for every customer and currency its aging,
 * late interest, credit grade, credit limit, stop-shipping flags, escalation stage and provision.
 * Only orchestration lives here; each rule is in its own module.
 */
import { ageItems, bucketTotals } from "./aging";
import { customerStage } from "./escalation";
import { creditGrade, lateEvents } from "./grade";
import { applyLedger } from "./ledger";
import { settledLateInterest } from "./interest";
import { effectiveLimit } from "./limit";
import { decimalFromFen, fenOf, isExact } from "./fen";
import { Dec, ZERO } from "./money";
import type { Decimal } from "./money";
import type { Policy } from "./policy-types";
import { isWriteOffCandidate, provisionFor } from "./provision";
import { stopShippingReasons } from "./stop-shipping";
import type {
  CustomerAccount,
  CustomerReport,
  DayNumber,
  Ledger,
  Payment,
  PaymentPromise,
  Report,
} from "./types";

const HUNDRED = new Dec(100);

/** Rows of one customer and currency, keyed like the accounts of applyLedger. */
function keyOf(customer: string, currency: string | undefined, policy: Policy): string {
  return `${customer.trim()}\u0000${currency ? currency : policy.currency}`;
}

/**
 * Groups rows by customer + currency once, so each account finds its own in O(1). Each row is
 * given the account's spelling of customer and currency (a copy when they differ), so the rules
 * downstream match them by plain equality.
 */
function groupByAccount<T extends { customer: string; currency: string }>(
  rows: readonly T[],
  policy: Policy,
  include: (row: T) => boolean,
): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    if (!include(row)) continue;
    const customer = row.customer.trim();
    const currency = row.currency ? row.currency : policy.currency;
    const key = `${customer}\u0000${currency}`;
    const normalised = customer === row.customer && currency === row.currency ? row : { ...row, customer, currency };
    const list = grouped.get(key);
    if (list === undefined) grouped.set(key, [normalised]);
    else list.push(normalised);
  }
  return grouped;
}

const NONE: never[] = [];

/** Exact sum of amounts: on integers of fen when they allow it, else in Decimal. */
function total(amounts: readonly Decimal[]): Decimal {
  let fen = 0;
  for (const amount of amounts) {
    fen += fenOf(amount);
    if (!isExact(fen)) break;
  }
  if (isExact(fen)) return decimalFromFen(fen);
  let sum = ZERO;
  for (const amount of amounts) sum = sum.plus(amount);
  return sum;
}

/** Builds the report of one account; the ledger-wide inputs come already grouped. */
function reportAccount(
  account: CustomerAccount,
  asOf: DayNumber,
  policy: Policy,
  promises: readonly PaymentPromise[],
  payments: readonly Payment[],
): CustomerReport {
  const items = ageItems(account, asOf, policy);
  const buckets = bucketTotals(items, policy.buckets.edges.length + 1);
  const outstanding = total(buckets);

  // On the due-date basis with a "not due" bucket ending at 0, overdue is everything outside that
  // bucket: one subtraction instead of an addition per overdue item.
  const overdueFromBuckets = policy.agingBasis === "due" && policy.buckets.edges[0] === 0;
  // Sums in whole fen; every term is ≥ 0, so a sum that stayed exact ends at most 2^53 − 1.
  let overdueFen = 0;
  let interestFen = 0;
  let maxDaysOverdue = 0;
  for (const item of items) {
    if (!overdueFromBuckets && item.daysOverdue > 0) overdueFen += fenOf(item.state.outstanding);
    if (!item.interest.isZero()) interestFen += fenOf(item.interest);
    if (!item.state.invoice.disputed && item.daysOverdue > maxDaysOverdue) maxDaysOverdue = item.daysOverdue;
  }
  let overdue: Decimal;
  if (overdueFromBuckets) overdue = outstanding.minus(buckets[0]);
  else if (isExact(overdueFen)) overdue = decimalFromFen(overdueFen);
  else overdue = total(items.filter((item) => item.daysOverdue > 0).map((item) => item.state.outstanding));
  const openInterest = isExact(interestFen) ? decimalFromFen(interestFen) : total(items.map((item) => item.interest));
  // Interest accrued on invoices since paid stays owed (POLICY §6): part of the customer's total.
  const settledInterest = settledLateInterest(account.items, asOf, policy);
  const interest = settledInterest.isZero() ? openInterest : total([openInterest, settledInterest]);

  const events = lateEvents(account, asOf, promises, payments);
  const computedGrade = creditGrade(events, asOf, policy);
  const info = account.info;
  const grade = info?.gradeOverride ?? computedGrade;
  // No fixed limit in the customers table means no limit was set, not a limit of 0.
  const limitSet = info?.fixedLimit !== undefined;
  const fixedLimit = info?.fixedLimit ?? ZERO;
  const temporaryLimit = info?.temporaryLimit ?? ZERO;
  const limit = effectiveLimit({ fixed: fixedLimit, temporary: temporaryLimit, grade, events, asOf }, policy);

  // Unapplied credit is the customer's money on hand: it reduces what the limit has to cover.
  const exposure = outstanding.minus(account.unappliedCredit);
  const overLimit = limitSet && exposure.greaterThan(limit.effective);
  const excess = overLimit ? exposure.minus(limit.effective) : ZERO;
  const limitUsedPct = !limitSet || limit.effective.isZero() ? null : exposure.dividedBy(limit.effective).times(HUNDRED);

  // The overdue-total threshold is in the policy currency and the policy holds no exchange rates.
  const overdueInPolicyCurrency = account.currency === policy.currency ? overdue : ZERO;
  const reasons = stopShippingReasons(
    { maxDaysOverdue, overdue: overdueInPolicyCurrency, overLimit, grade, outstanding },
    policy,
  );

  const report: CustomerReport = {
    customer: account.customer,
    currency: account.currency,
    items,
    buckets,
    outstanding,
    overdue,
    unappliedCredit: account.unappliedCredit,
    interest,
    settledInterest,
    maxDaysOverdue,
    computedGrade,
    grade,
    lateEvents: events,
    fixedLimit,
    temporaryLimit,
    effectiveLimit: limit.effective,
    limitSet,
    overLimit,
    excess,
    limitUsedPct,
    strictlyControlled: limit.strictlyControlled,
    stopShipping: reasons.length > 0,
    reasons,
    stage: customerStage(items, policy),
    provision: provisionFor(items, policy),
    writeOffCandidate: isWriteOffCandidate(maxDaysOverdue, policy),
  };
  if (info !== undefined) report.info = info;
  return report;
}

/**
 * The whole receivables picture as of a date: one CustomerReport per customer and currency,
 * sorted by customer then currency, with the ledger's row errors. Pure: the inputs are not
 * modified and nothing but the arguments is read.
 * @param ledger invoices, payments, customers and promises (from readLedger)
 * @param asOf the report date; later invoices and payments are ignored
 * @param policy the company's policy (buckets, rates, limits, ladder)
 * @returns the report
 * @example
 * // one invoice of 100,000 due 2026-01-01, no payment, as of 2026-01-31, default policy
 * const c = buildReport(ledger, fromYmd(2026, 1, 31), DEFAULT_POLICY).customers[0];
 * // c.outstanding "100000", c.buckets[1] "100000" (1–30), c.interest "1500.00", c.maxDaysOverdue 30
 */
export function buildReport(ledger: Ledger, asOf: DayNumber, policy: Policy): Report {
  const applied = applyLedger(ledger, asOf, policy);
  const promisesByAccount = groupByAccount(ledger.promises ?? NONE, policy, () => true);
  // Receipts matter to the grade only through promises, so they are grouped only when there are some.
  const paymentsByAccount =
    promisesByAccount.size === 0
      ? new Map<string, Payment[]>()
      : groupByAccount(ledger.payments, policy, (p) => p.date === null || p.date <= asOf);
  const customers: CustomerReport[] = new Array(applied.accounts.length);
  for (let i = 0; i < applied.accounts.length; i++) {
    const account = applied.accounts[i];
    const key = keyOf(account.customer, account.currency, policy);
    customers[i] = reportAccount(
      account,
      asOf,
      policy,
      promisesByAccount.get(key) ?? NONE,
      paymentsByAccount.get(key) ?? NONE,
    );
  }
  return { asOf, customers, errors: applied.errors };
}
