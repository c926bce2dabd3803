/**
 * The report: the ledger applied as of a date, then for every customer and currency its aging,
 * late interest, credit grade, credit limit, stop-shipping flags, escalation stage and provision.
 * Only orchestration lives here; each rule is in its own module.
 */
import { accountKey, groupByAccount } from "./accounts";
import { ageItems, bucketTotals } from "./aging";
import { Dec, type Decimal } from "./decimal";
import { customerStage } from "./escalation";
import { creditGrade, lateEvents } from "./grade";
import { interestTerms, settledLateInterest, type InterestTerms } from "./interest";
import { applyLedgerEach } from "./ledger";
import { effectiveLimit, limitTerms, type LimitTerms } from "./limit";
import { add, subtract, sum, type Minor } from "./money";
import { ownerLookup } from "./owners";
import type { Policy } from "./policy-types";
import { allPromises } from "./promises";
import { isWriteOffCandidate, provisionFor, provisionTerms, type ProvisionTerms } from "./provision";
import { stopShippingReasons, stopShippingTerms, type StopShippingTerms } from "./stop-shipping";
import type { CustomerAccount, CustomerReport, DayNumber, Ledger, Payment, PaymentPromise, Report } from "./types";

/** The policy's terms that every account reads, made once per report. */
interface ReportTerms {
  policy: Policy;
  interest: InterestTerms;
  provision: ProvisionTerms;
  limit: LimitTerms;
  stopShipping: StopShippingTerms;
  scale: number;
  asOf: DayNumber;
}

/** exposure ÷ limit × 100 as an exact ratio (a share, not an amount). */
function percentOf(exposure: Minor, limit: Minor): Decimal {
  return new Dec(exposure.toString()).dividedBy(limit.toString()).times(100);
}

/** Builds the report of one account; the ledger-wide inputs come already grouped. */
function reportAccount(
  account: CustomerAccount,
  terms: ReportTerms,
  promises: readonly PaymentPromise[],
  payments: readonly Payment[],
  salesperson: string,
): CustomerReport {
  const { policy, scale, asOf } = terms;
  const items = ageItems(account, asOf, policy, terms.interest, scale);
  const buckets = bucketTotals(items, policy.buckets.edges.length + 1);
  const outstanding = sum(buckets);
  let overdue: Minor = 0;
  let openInterest: Minor = 0;
  let maxDaysOverdue = 0;
  for (const item of items) {
    if (item.daysOverdue > 0) overdue = add(overdue, item.state.outstanding);
    if (item.interest !== 0) openInterest = add(openInterest, item.interest);
    if (!item.state.invoice.disputed && item.daysOverdue > maxDaysOverdue) maxDaysOverdue = item.daysOverdue;
  }
  // Interest accrued on invoices since paid stays owed (POLICY §6): part of the customer's total.
  const settledInterest = settledLateInterest(account.items, asOf, terms.interest, scale);
  const events = lateEvents(account, asOf, promises, payments);

  const computedGrade = creditGrade(events, asOf, policy);
  const info = account.info;
  const grade = info?.gradeOverride ?? computedGrade;
  // No fixed limit in the customers table means no limit was set, not a limit of 0.
  const limitSet = info?.fixedLimit !== undefined;
  const fixedLimit = info?.fixedLimit ?? 0;
  const limit = effectiveLimit({ fixed: fixedLimit, temporary: info?.temporaryLimit ?? 0, grade, events, asOf }, terms.limit, scale);

  // Unapplied credit is the customer's money on hand: it reduces what the limit has to cover.
  const exposure = subtract(outstanding, account.unappliedCredit);
  const overLimit = limitSet && exposure > limit.effective;
  // The overdue-total threshold is in the policy currency and the policy holds no exchange rates.
  const overdueInPolicyCurrency = account.currency === policy.currency ? overdue : 0;
  const reasons = stopShippingReasons({ maxDaysOverdue, asOf, overdue: overdueInPolicyCurrency, overLimit, grade, outstanding }, terms.stopShipping, scale);

  const report: CustomerReport = {
    customer: account.customer,
    currency: account.currency,
    items,
    buckets,
    outstanding,
    overdue,
    unappliedCredit: account.unappliedCredit,
    interest: add(openInterest, settledInterest),
    settledInterest,
    maxDaysOverdue,
    computedGrade,
    grade,
    lateEvents: events,
    fixedLimit,
    temporaryLimit: limit.temporary,
    effectiveLimit: limit.effective,
    limitSet,
    overLimit,
    excess: overLimit ? subtract(exposure, limit.effective) : 0,
    limitUsedPct: !limitSet || limit.effective === 0 ? null : percentOf(exposure, limit.effective),
    strictlyControlled: limit.strictlyControlled,
    stopShipping: reasons.length > 0,
    reasons,
    stage: customerStage(items, policy),
    provision: provisionFor(items, terms.provision, scale),
    writeOffCandidate: isWriteOffCandidate(maxDaysOverdue, account.lastActivity, asOf, policy),
  };
  if (info !== undefined) report.info = info;
  if (account.lastActivity !== undefined) report.lastActivity = account.lastActivity;
  if (salesperson !== "") report.salesperson = salesperson;
  return report;
}

/**
 * The whole receivables picture as of a date: one CustomerReport per customer and currency,
 * sorted by customer then currency, with the ledger's row errors. Pure: the inputs are not
 * modified and nothing but the arguments is read.
 * @param ledger invoices, payments, customers, promises and the collection log (from readLedger);
 *   a log row with a promised date and amount is a promise like a row of the promises table
 * @param asOf the report date; later invoices and payments are ignored
 * @param policy the company's policy (buckets, rates, limits, ladder)
 * @returns the report, its amounts in the ledger's scale
 * @example
 * // one invoice of 100,000.00 due 2026-01-01, no payment, as of 2026-01-31, default policy
 * const c = buildReport(ledger, fromYmd(2026, 1, 31), DEFAULT_POLICY).customers[0];
 * // c.outstanding 10000000, c.buckets[1] 10000000 (1–30), c.interest 150000 (1,500.00), c.maxDaysOverdue 30
 */
export function buildReport(ledger: Ledger, asOf: DayNumber, policy: Policy): Report {
  const terms: ReportTerms = {
    policy,
    interest: interestTerms(policy),
    provision: provisionTerms(policy),
    limit: limitTerms(policy),
    stopShipping: stopShippingTerms(policy),
    scale: ledger.scale,
    asOf,
  };
  const promisesByAccount = groupByAccount(allPromises(ledger), policy, () => true);
  // Receipts matter to the grade only through promises, so they are grouped only when there are some.
  const paymentsByAccount =
    promisesByAccount.size === 0
      ? new Map<string, Payment[]>()
      : groupByAccount(ledger.payments, policy, (p) => p.date === null || p.date <= asOf);
  const ownerOf = ownerLookup(ledger);
  const applied = applyLedgerEach(ledger, asOf, policy, (account) => {
    const key = accountKey(account.customer, account.currency);
    const salesperson = ownerOf(account.customer).salesperson;
    return reportAccount(account, terms, promisesByAccount.get(key) ?? [], paymentsByAccount.get(key) ?? [], salesperson);
  });
  return { asOf, scale: ledger.scale, customers: applied.results, errors: applied.errors };
}
