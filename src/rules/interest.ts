/**
 * Late interest (罚息): simple daily interest on the overdue balance, declining as dated payments
 * arrive. Interest accrued on principal already paid stays owed; disputed invoices accrue nothing.
 */
import { decimalFromFen, divideHalfUp, fenOf, isExact, scaledRateOf } from "./fen";
import { ZERO, minDecimal, roundFen } from "./money";
import type { Decimal } from "./money";
import type { Policy } from "./policy-types";
import type { Application, DayNumber, InvoiceState } from "./types";

/**
 * rate × days, memoised per rate object: a report asks for the same few hundred day counts a
 * million times, and one multiplication per invoice is cheaper than two.
 */
const rateDaysCache = new WeakMap<Decimal, Map<number, Decimal>>();

function rateTimesDays(rate: Decimal, days: number): Decimal {
  let byDays = rateDaysCache.get(rate);
  if (byDays === undefined) {
    byDays = new Map();
    rateDaysCache.set(rate, byDays);
  }
  let product = byDays.get(days);
  if (product === undefined) {
    product = rate.times(days);
    byDays.set(days, product);
  }
  return product;
}

/**
 * Simple interest on one balance for a number of days at the policy's daily rate, rounded
 * half-up to the fen. Negative days count as none.
 * @param balance the overdue amount
 * @param days whole days of delay
 * @param policy supplies `interest.dailyRate` (0.0005 = 0.5 ‰ per day by default)
 * @returns balance × rate × days, rounded to 0.01
 * @example simpleInterest(toDecimal("100000"), 30, DEFAULT_POLICY).toFixed(2) // "1500.00"
 */
export function simpleInterest(balance: Decimal, days: number, policy: Policy): Decimal {
  if (days <= 0 || balance.isZero()) return ZERO;
  const rate = scaledRateOf(policy.interest.dailyRate);
  if (rate !== null) {
    const product = fenOf(balance) * rate.units * days;
    if (isExact(product)) return decimalFromFen(divideHalfUp(product, rate.scale));
  }
  return roundFen(balance.times(rateTimesDays(policy.interest.dailyRate, days)));
}

/**
 * Late interest of one invoice as of a date. Days run from due date + grace days (days = date −
 * due − grace, never negative). Each dated application accrues on its amount until its date
 * (or `asOf` if later); undated applications reduce the balance from the start; what is still
 * outstanding accrues until `asOf`. Disputed → 0. The optional cap is `capRatio` × invoice
 * amount. Rounded half-up to the fen.
 * @param state the invoice after application (from applyLedger)
 * @param asOf the report date
 * @param policy supplies `interest.dailyRate`, `graceDays`, `capRatio`
 * @returns the interest owed on this invoice, to the fen
 * @example
 * // 100,000 due 2026-01-01, 40,000 paid 2026-01-11, as of 2026-01-31, 0.0005 per day:
 * // 40,000 × 0.0005 × 10 + 60,000 × 0.0005 × 30 = 200 + 900
 * lateInterest(state, fromYmd(2026, 1, 31), DEFAULT_POLICY).toFixed(2) // "1100.00"
 */
export function lateInterest(state: InvoiceState, asOf: DayNumber, policy: Policy): Decimal {
  const fen = lateInterestFen(state, asOf, policy);
  if (fen === 0) return ZERO;
  if (!Number.isNaN(fen)) return decimalFromFen(fen);
  return decimalAccrual(state, state.invoice.dueDate + policy.interest.graceDays, asOf, policy);
}

/**
 * lateInterest in whole fen on integers, or NaN where only the Decimal path can answer: a cap is
 * set, the rate has more than 9 decimals, an amount more than two, or a product leaves 2^53.
 * @param state the invoice after application (from applyLedger)
 * @param asOf the report date
 * @param policy supplies `interest.dailyRate`, `graceDays`, `capRatio`
 * @returns the interest in fen (0 when disputed or not yet accruing), or NaN
 * @example lateInterestFen(state, fromYmd(2026, 1, 31), DEFAULT_POLICY) // 110000 (the 1,100.00 above)
 */
export function lateInterestFen(state: InvoiceState, asOf: DayNumber, policy: Policy): number {
  const invoice = state.invoice;
  if (invoice.disputed) return 0;
  const start = invoice.dueDate + policy.interest.graceDays;
  // Nothing accrues before the start, and every application accrues to min(its date, asOf).
  if (asOf <= start) return 0;
  if (policy.interest.capRatio !== null) return NaN;
  const rate = scaledRateOf(policy.interest.dailyRate);
  if (rate === null) return NaN;
  const outstanding = state.outstanding === ZERO ? 0 : fenOf(state.outstanding);
  return accruedFen(state.applications, outstanding, start, asOf, rate.units, rate.scale);
}

/**
 * The rounded accrual of a non-disputed invoice from `start` (< asOf) in fen at `units` / `scale`
 * per day: Σ balance × days × units ÷ scale, half-up, each dated application accruing until its
 * date (or asOf) and the outstanding until asOf; NaN where a figure has more than two decimals or
 * a step leaves the safe-integer range.
 * @param applications the invoice's applications (undated ones accrue nothing)
 * @param outstandingFen its outstanding in fen (NaN when not whole fen)
 * @param start the last day without interest (due date + grace days)
 * @param asOf the report date
 * @param units the daily rate × scale
 * @param scale a power of ten up to 1e9
 * @returns the interest in fen, or NaN
 */
export function accruedFen(
  applications: readonly Application[],
  outstandingFen: number,
  start: DayNumber,
  asOf: DayNumber,
  units: number,
  scale: number,
): number {
  let product = 0;
  for (let i = 0; i < applications.length; i++) {
    const application = applications[i];
    if (application.date === null || application.date <= start) continue;
    const until = application.date < asOf ? application.date : asOf;
    const part = fenOf(application.amount) * units * (until - start);
    if (!isExact(part)) return NaN;
    product += part;
    if (!isExact(product)) return NaN;
  }
  if (outstandingFen !== 0) {
    const part = outstandingFen * units * (asOf - start);
    if (!isExact(part)) return NaN;
    product += part;
  }
  if (product === 0) return 0;
  return isExact(product) ? divideHalfUp(product, scale) : NaN;
}

/** The same accrual in Decimal, with the optional cap, for whatever the integer path cannot hold. */
function decimalAccrual(state: InvoiceState, start: DayNumber, asOf: DayNumber, policy: Policy): Decimal {
  const invoice = state.invoice;
  const rate = policy.interest.dailyRate;
  let accrued: Decimal | null = null;
  for (const application of state.applications) {
    if (application.date === null || application.date <= start) continue;
    const until = application.date < asOf ? application.date : asOf;
    const part = application.amount.times(rateTimesDays(rate, until - start));
    accrued = accrued === null ? part : accrued.plus(part);
  }
  if (!state.outstanding.isZero()) {
    const part = state.outstanding.times(rateTimesDays(rate, asOf - start));
    accrued = accrued === null ? part : accrued.plus(part);
  }
  if (accrued === null) return ZERO;
  const capRatio = policy.interest.capRatio;
  if (capRatio !== null) accrued = minDecimal(accrued, invoice.amount.times(capRatio));
  return roundFen(accrued);
}

/**
 * Late interest accrued on the invoices of an account that are already settled (outstanding 0):
 * POLICY §6, interest on a paid principal is owed until waived. Each invoice accrues as in
 * lateInterest up to the day each part was paid, rounded to the fen per invoice, then summed.
 * An invoice with no dated application after its interest start (settled on time, or only by
 * undated cash, which reduces the balance from the start) accrues nothing and is skipped without
 * computing. Disputed invoices accrue nothing.
 * @param items an account's invoice states (from applyLedger, whose `settledOn` is the date of the
 *   application that settled an item); open items are ignored
 * @param asOf the report date
 * @param policy supplies `interest.dailyRate`, `graceDays`, `capRatio`
 * @returns the sum of the settled invoices' interest, exact
 * @example
 * // 10,000 due 2026-01-01, paid in full by a payment dated 2026-01-21, as of 2026-02-28:
 * // 10,000 × 0.0005 × 20
 * settledLateInterest(account.items, fromYmd(2026, 2, 28), DEFAULT_POLICY).toFixed(2) // "100.00"
 */
export function settledLateInterest(items: readonly InvoiceState[], asOf: DayNumber, policy: Policy): Decimal {
  const grace = policy.interest.graceDays;
  let fen = 0;
  // Kept for the Decimal fallback only; most accounts have no settled invoice paid late.
  let parts: Decimal[] | null = null;
  for (const state of items) {
    // Settled items share ZERO: the identity test spares a read of the amount's digits.
    if (state.outstanding !== ZERO && !state.outstanding.isZero()) continue;
    const settledOn = state.settledOn;
    const applications = state.applications;
    // One application is the one that settled the item, dated settledOn: most items of a large
    // ledger (settled by the received column, settledOn null) are passed over on the state alone.
    if (applications.length === 1 && settledOn === null) continue;
    const invoice = state.invoice;
    if (invoice.disputed) continue;
    const start = invoice.dueDate + grace;
    if (applications.length === 1 ? (settledOn as DayNumber) <= start : !paidAfter(applications, start)) continue;
    const interest = lateInterest(state, asOf, policy);
    if (interest.isZero()) continue;
    fen += fenOf(interest);
    if (parts === null) parts = [interest];
    else parts.push(interest);
  }
  if (parts === null) return ZERO;
  if (isExact(fen)) return decimalFromFen(fen);
  let total = ZERO;
  for (const part of parts) total = total.plus(part);
  return total;
}

/** Whether any dated application falls after the day interest starts. */
function paidAfter(applications: readonly Application[], start: DayNumber): boolean {
  for (const application of applications) if (application.date !== null && application.date > start) return true;
  return false;
}
