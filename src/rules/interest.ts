/**
 * Late interest (罚息, POLICY §6): simple daily interest on the overdue balance, declining as dated
 * payments arrive, rounded half-up to the fen per invoice. Interest accrued on principal already
 * paid stays owed; disputed invoices accrue nothing.
 */
import { scaledOf } from "./decimal";
import { add, multiply, powerOfTen, roundToFen, type Minor, type Scaled } from "./money";
import type { Policy } from "./policy-types";
import type { Application, DayNumber, InvoiceState } from "./types";

/** The policy's interest terms as exact fractions, read once per report or call. */
export interface InterestTerms {
  /** Daily rate: units ÷ 10^scale (0.0005 → 5 ÷ 10^4). */
  dailyRate: Scaled;
  graceDays: number;
  /** Cap as a fraction of the invoice amount, or null for none. */
  cap: Scaled | null;
}

/**
 * The interest terms of a policy.
 * @param policy supplies `interest.dailyRate`, `graceDays`, `capRatio`
 * @returns the terms
 * @example interestTerms(DEFAULT_POLICY) // { dailyRate: { units: 5, scale: 4 }, graceDays: 0, cap: null }
 */
export function interestTerms(policy: Policy): InterestTerms {
  const { dailyRate, graceDays, capRatio } = policy.interest;
  return { dailyRate: scaledOf(dailyRate), graceDays, cap: capRatio === null ? null : scaledOf(capRatio) };
}

/**
 * Interest accrued on an invoice from `start` (exclusive) to `asOf`: each dated application accrues
 * on its amount until its date (or asOf if later); undated ones reduce the balance from the start;
 * what is still outstanding accrues until asOf. Σ balance × days × rate, capped at `cap` × amount,
 * rounded half-up to the fen once.
 * @param applications the invoice's applications
 * @param outstanding what is still open
 * @param amount the invoice amount (for the cap)
 * @param start the last day without interest (due date + grace days)
 * @param asOf the report date
 * @param terms the rate and cap
 * @param scale the scale of the amounts
 * @returns the interest in units of 10^−scale, a whole number of fen
 * @example
 * // 100,000.00 due 2026-01-01, 40,000.00 paid 2026-01-11, as of 2026-01-31, 0.0005 per day:
 * // 40,000 × 10 days + 60,000 × 30 days = 2,200,000 yuan-days × 0.0005 = 1,100.00
 * accruedInterest([{ date: jan11, amount: 4000000, kind: "payment" }], 6000000, 10000000, jan1, jan31, terms, 2) // 110000
 */
export function accruedInterest(
  applications: readonly Application[],
  outstanding: Minor,
  amount: Minor,
  start: DayNumber,
  asOf: DayNumber,
  terms: InterestTerms,
  scale: number,
): Minor {
  if (asOf <= start) return 0;
  let balanceDays: Minor = outstanding === 0 ? 0 : multiply(outstanding, asOf - start);
  for (const application of applications) {
    const date = application.date;
    if (date === null || date <= start) continue;
    balanceDays = add(balanceDays, multiply(application.amount, (date < asOf ? date : asOf) - start));
  }
  if (balanceDays === 0) return 0;
  const { dailyRate, cap } = terms;
  // Σ balance-days × rate, times 10^rateScale: rounded once, at the end.
  const accrued = multiply(balanceDays, dailyRate.units);
  if (cap !== null) {
    // accrued ÷ 10^rateScale > amount × capUnits ÷ 10^capScale, compared on integers.
    const capped = multiply(multiply(amount, cap.units), powerOfTen(dailyRate.scale));
    if (multiply(accrued, powerOfTen(cap.scale)) > capped) return roundToFen(capped, scale, dailyRate.scale + cap.scale);
  }
  return roundToFen(accrued, scale, dailyRate.scale);
}

/**
 * Late interest of one invoice as of a date: from due date + grace days; nothing when disputed.
 * @param state the invoice after application (from applyLedger)
 * @param asOf the report date
 * @param terms the policy's interest terms
 * @param scale the ledger's scale
 * @returns the interest owed on this invoice, a whole number of fen
 * @example lateInterest(state, fromYmd(2026, 1, 31), interestTerms(DEFAULT_POLICY), 2) // 110000 (the 1,100.00 above)
 */
export function lateInterest(state: InvoiceState, asOf: DayNumber, terms: InterestTerms, scale: number): Minor {
  const invoice = state.invoice;
  if (invoice.disputed) return 0;
  return accruedInterest(state.applications, state.outstanding, invoice.amount, invoice.dueDate + terms.graceDays, asOf, terms, scale);
}

/**
 * Simple interest on one balance for a number of days, rounded half-up to the fen (AR.PENALTY).
 * @param balance the overdue amount
 * @param days whole days of delay (none when 0 or less)
 * @param terms the rate (grace and cap as given)
 * @param scale the balance's scale
 * @returns balance × rate × days, to the fen
 * @example simpleInterest(10000000, 30, interestTerms(DEFAULT_POLICY), 2) // 150000 (100,000.00 → 1,500.00)
 */
export function simpleInterest(balance: Minor, days: number, terms: InterestTerms, scale: number): Minor {
  return accruedInterest([], balance, balance, 0, days, terms, scale);
}

/**
 * Late interest accrued on the invoices of an account that are already settled (POLICY §6: owed
 * until waived), each rounded to the fen, then summed. An invoice with no dated application after
 * its interest start (settled on time, or by undated cash) accrues nothing.
 * @param items an account's invoice states (open ones are passed over)
 * @param asOf the report date
 * @param terms the policy's interest terms
 * @param scale the ledger's scale
 * @returns the sum of the settled invoices' interest
 * @example
 * // 10,000.00 due 2026-01-01, paid in full 2026-01-21, as of 2026-02-28: 10,000 × 0.0005 × 20
 * settledLateInterest(account.items, fromYmd(2026, 2, 28), interestTerms(DEFAULT_POLICY), 2) // 10000 (100.00)
 */
export function settledLateInterest(items: readonly InvoiceState[], asOf: DayNumber, terms: InterestTerms, scale: number): Minor {
  let total: Minor = 0;
  for (const state of items) {
    if (state.outstanding !== 0) continue;
    const interest = lateInterest(state, asOf, terms, scale);
    if (interest !== 0) total = add(total, interest);
  }
  return total;
}
