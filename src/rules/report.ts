/**
 * The report: the ledger applied as of a date, then for every customer and currency its aging,
 * late interest, credit grade, credit limit, stop-shipping flags, escalation stage and provision.
 * Only orchestration lives here; each rule is in its own module. A large ledger takes integer
 * paths: applyLedgerForReport (no state for invoices their received column settled) and agingFast
 * (one pass per account in whole fen, Decimals made when shown); any account or policy they cannot
 * hold exactly goes through the rules modules one by one, as buildReportReference does for all.
 * test/rules/fast-report.test.ts holds the two to the same strings.
 */
import { FenAgedItem, ageItems, bucketIndex, bucketTotals } from "./aging";
import { customerStage, stageForDays } from "./escalation";
import { creditGrade, lateEvents, sortByDate } from "./grade";
import { applyLedger, applyLedgerForReport, datedApplicationsOf, outstandingFenOf } from "./ledger";
import { accruedFen, settledLateInterest } from "./interest";
import { effectiveLimit } from "./limit";
import { decimalFromFen, fenOf, isExact, scaledRateOf } from "./fen";
import { Dec, ZERO } from "./money";
import type { Decimal } from "./money";
import type { Policy } from "./policy-types";
import { isWriteOffCandidate, provisionBand, provisionFor, provisionFromBands, scaledProvision } from "./provision";
import type { ScaledProvision } from "./provision";
import { stopShippingReasons } from "./stop-shipping";
import type {
  AgedItem,
  AppliedLedger,
  CustomerAccount,
  CustomerReport,
  DayNumber,
  Ledger,
  Payment,
  PaymentPromise,
  LateEvent,
  Report,
  StageId,
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

/** What the aging of one account gives, before grade, limit and flags. */
interface AgingFigures {
  items: AgedItem[];
  buckets: Decimal[];
  outstanding: Decimal;
  overdue: Decimal;
  interest: Decimal;
  settledInterest: Decimal;
  maxDaysOverdue: number;
  events: LateEvent[];
  stage: StageId | null;
  provision: Decimal;
}

/** The aging figures of one account through the rules modules, in Decimal where needed: the reference. */
function agingFigures(
  account: CustomerAccount,
  asOf: DayNumber,
  policy: Policy,
  promises: readonly PaymentPromise[],
  payments: readonly Payment[],
): AgingFigures {
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
  return {
    items,
    buckets,
    outstanding,
    overdue,
    interest,
    settledInterest,
    maxDaysOverdue,
    events: lateEvents(account, asOf, promises, payments),
    stage: customerStage(items, policy),
    provision: provisionFor(items, policy),
  };
}

/** The policy read once per report for the integer path of agingFast; null when it cannot hold the policy. */
interface FastPolicy {
  edges: readonly number[];
  byInvoiceDate: boolean;
  overdueFromBuckets: boolean;
  grace: number;
  /** Daily rate × rateScale, an integer. */
  rateUnits: number;
  rateScale: number;
  provision: ScaledProvision;
  policy: Policy;
  /** Scratch sums in fen, reused account after account. */
  bucketFen: Float64Array;
  bandFen: Float64Array;
}

function fastPolicy(policy: Policy): FastPolicy | null {
  if (policy.interest.capRatio !== null) return null;
  const rate = scaledRateOf(policy.interest.dailyRate);
  const provision = scaledProvision(policy);
  if (rate === null || provision === null) return null;
  const edges = policy.buckets.edges;
  return {
    edges,
    byInvoiceDate: policy.agingBasis === "invoice",
    overdueFromBuckets: policy.agingBasis === "due" && edges[0] === 0,
    grace: policy.interest.graceDays,
    rateUnits: rate.units,
    rateScale: rate.scale,
    provision,
    policy,
    bucketFen: new Float64Array(edges.length + 1),
    bandFen: new Float64Array(provision.units.length),
  };
}

/**
 * agingFigures in one pass over the items on integers of fen: no Decimal but the figures shown
 * (one per bucket and total, one per item with interest). Null when an amount or a sum does not
 * fit, or the account has promises to pay: the reference path then answers. Property-tested equal.
 */
function agingFast(account: CustomerAccount, asOf: DayNumber, fast: FastPolicy): AgingFigures | null {
  const { edges, byInvoiceDate, grace, rateUnits, rateScale, provision, bucketFen, bandFen } = fast;
  bucketFen.fill(0);
  bandFen.fill(0);
  const states = account.items;
  const items: AgedItem[] = [];
  const events: LateEvent[] = [];
  let overdueFen = 0;
  let interestFen = 0;
  let settledFen = 0;
  let maxDaysOverdue = 0;
  let mostOverdue = -Infinity;
  // Every item of an account from applyLedger has a positive amount, and a positive outstanding
  // or none: the late events of lateEventOf are decided on the dates alone.
  for (let i = 0; i < states.length; i++) {
    const state = states[i];
    const invoice = state.invoice;
    const settledOn = state.settledOn;
    const outstandingFen = outstandingFenOf(state);
    if (settledOn !== null && settledOn <= asOf) {
      if (!invoice.disputed && settledOn > invoice.dueDate) events.push({ invoiceNo: invoice.invoiceNo, date: settledOn, kind: "paidLate" });
    } else if (outstandingFen > 0 && !invoice.disputed && asOf > invoice.dueDate) {
      events.push({ invoiceNo: invoice.invoiceNo, date: asOf, kind: "openOverdue" });
    }
    if (outstandingFen === 0) {
      // Settled: interest accrued before it was paid is still owed (settledLateInterest).
      const applications = state.applications;
      if (invoice.disputed || (applications.length === 1 && settledOn === null)) continue;
      const start = invoice.dueDate + grace;
      if (asOf <= start) continue;
      const fen = accruedFen(applications, 0, start, asOf, rateUnits, rateScale);
      if (Number.isNaN(fen)) return null;
      settledFen += fen;
      continue;
    }
    // Not in whole fen, or below zero (never from applyLedger): the reference path answers.
    if (!(outstandingFen > 0)) return null;
    const overdueDays = asOf - invoice.dueDate;
    const ageDays = byInvoiceDate ? asOf - (invoice.invoiceDate ?? invoice.dueDate) : overdueDays;
    const bucket = bucketIndex(ageDays, edges);
    let itemInterestFen = 0;
    if (!invoice.disputed) {
      const start = invoice.dueDate + grace;
      if (asOf > start) {
        itemInterestFen = accruedFen(datedApplicationsOf(state), outstandingFen, start, asOf, rateUnits, rateScale);
        if (Number.isNaN(itemInterestFen)) return null;
        interestFen += itemInterestFen;
      }
      if (overdueDays > maxDaysOverdue) maxDaysOverdue = overdueDays;
      if (overdueDays > mostOverdue) mostOverdue = overdueDays;
    }
    // The interest Decimal is made when first read.
    items.push(new FenAgedItem(state, overdueDays, ageDays, bucket, itemInterestFen));
    bucketFen[bucket] += outstandingFen;
    if (overdueDays > 0) overdueFen += outstandingFen;
    bandFen[provisionBand(ageDays, provision)] += outstandingFen;
  }
  let outstandingFen = 0;
  for (let i = 0; i < bucketFen.length; i++) outstandingFen += bucketFen[i];
  // Every term is > 0: sums that end exact stayed exact.
  if (!isExact(outstandingFen) || !isExact(interestFen + settledFen)) return null;
  const provisionAmount = provisionFromBands(bandFen, provision);
  if (provisionAmount === null) return null;
  const buckets: Decimal[] = new Array(bucketFen.length);
  for (let i = 0; i < bucketFen.length; i++) buckets[i] = decimalFromFen(bucketFen[i]);
  const outstanding = decimalFromFen(outstandingFen);
  const interest = decimalFromFen(interestFen + settledFen);
  return {
    items,
    buckets,
    outstanding,
    overdue: fast.overdueFromBuckets ? decimalFromFen(outstandingFen - bucketFen[0]) : decimalFromFen(overdueFen),
    interest,
    settledInterest: decimalFromFen(settledFen),
    maxDaysOverdue,
    events: sortByDate(events),
    stage: mostOverdue === -Infinity ? null : stageForDays(mostOverdue, fast.policy)?.id ?? null,
    provision: provisionAmount,
  };
}

/** Builds the report of one account; the ledger-wide inputs come already grouped. */
function reportAccount(
  account: CustomerAccount,
  asOf: DayNumber,
  policy: Policy,
  promises: readonly PaymentPromise[],
  payments: readonly Payment[],
  fast: FastPolicy | null,
): CustomerReport {
  const figures =
    (fast !== null && promises.length === 0 ? agingFast(account, asOf, fast) : null) ??
    agingFigures(account, asOf, policy, promises, payments);
  const { items, buckets, outstanding, overdue, interest, settledInterest, maxDaysOverdue, events } = figures;

  const computedGrade = creditGrade(events, asOf, policy);
  const info = account.info;
  const grade = info?.gradeOverride ?? computedGrade;
  // No fixed limit in the customers table means no limit was set, not a limit of 0.
  const limitSet = info?.fixedLimit !== undefined;
  const fixedLimit = info?.fixedLimit ?? ZERO;
  const temporaryLimit = info?.temporaryLimit ?? ZERO;
  const limit = effectiveLimit({ fixed: fixedLimit, temporary: temporaryLimit, grade, events, asOf }, policy);

  // Unapplied credit is the customer's money on hand: it reduces what the limit has to cover.
  const unapplied = account.unappliedCredit;
  const exposure = unapplied === ZERO || unapplied.isZero() ? outstanding : outstanding.minus(unapplied);
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
    stage: figures.stage,
    provision: figures.provision,
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
  return reportOf(ledger, applyLedgerForReport(ledger, asOf, policy), asOf, policy, fastPolicy(policy));
}

/**
 * buildReport the plain way, for tests that hold the fast paths to it: every item of the ledger
 * gets its state (applyLedger), and every account goes through the rules modules one by one.
 * @param ledger invoices, payments, customers and promises
 * @param asOf the report date
 * @param policy the company's policy
 * @returns the report, equal to buildReport's
 */
export function buildReportReference(ledger: Ledger, asOf: DayNumber, policy: Policy): Report {
  return reportOf(ledger, applyLedger(ledger, asOf, policy), asOf, policy, null);
}

function reportOf(ledger: Ledger, applied: AppliedLedger, asOf: DayNumber, policy: Policy, fast: FastPolicy | null): Report {
  const promisesByAccount = groupByAccount(ledger.promises ?? NONE, policy, () => true);
  // Receipts matter to the grade only through promises, so they are grouped only when there are some.
  const paymentsByAccount =
    promisesByAccount.size === 0
      ? new Map<string, Payment[]>()
      : groupByAccount(ledger.payments, policy, (p) => p.date === null || p.date <= asOf);
  const accounts = applied.accounts;
  const customers: CustomerReport[] = new Array(accounts.length);
  for (let i = 0; i < accounts.length; i++) {
    const account = accounts[i];
    if (promisesByAccount.size === 0) {
      customers[i] = reportAccount(account, asOf, policy, NONE, NONE, fast);
      continue;
    }
    const key = keyOf(account.customer, account.currency, policy);
    customers[i] = reportAccount(
      account,
      asOf,
      policy,
      promisesByAccount.get(key) ?? NONE,
      paymentsByAccount.get(key) ?? NONE,
      fast,
    );
  }
  return { asOf, customers, errors: applied.errors };
}
