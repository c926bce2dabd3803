/**
 * Receivables measures (POLICY.md §11): DSO (simple and count-back), collection effectiveness
 * index, collection rate. Exact decimals; a zero denominator gives null, never a division error.
 */
import { ruleError } from "./errors";
import { Dec, ZERO_RATE as ZERO, toDecimal, type Decimal } from "./decimal";

/** An amount as a Decimal, a string or a number (taken by its shortest decimal spelling). */
export type AmountInput = Decimal | string | number;

const HUNDRED = new Dec(100);

/**
 * DSO, simple: receivables ÷ credit sales of the period × days in the period.
 * @param receivables receivables at the end of the period
 * @param sales credit sales of the period
 * @param days days in the period
 * @returns days, unrounded; null when sales are 0
 * @example dsoSimple(200000, 2000000, 365)?.toString() // "36.5"
 */
export function dsoSimple(receivables: AmountInput, sales: AmountInput, days: number): Decimal | null {
  const salesAmount = toDecimal(sales);
  if (salesAmount.isZero()) return null;
  return toDecimal(receivables).dividedBy(salesAmount).times(days);
}

/**
 * DSO, count-back: walks back month by month, taking each month's credit sales off the
 * receivables; full months count daysPerMonth, the last one its fraction. When the sales run out
 * first, every month counts in full.
 * @param receivables receivables at the end of the latest month
 * @param monthlySalesLatestFirst credit sales per month, latest month first
 * @param daysPerMonth days counted for a whole month (30)
 * @returns days, unrounded; null when no month is given
 * @example dsoCountBack(212000, [100000, 80000, 70000])?.toFixed(1) // "73.7" (30 + 30 + 32/70 × 30)
 */
export function dsoCountBack(
  receivables: AmountInput,
  monthlySalesLatestFirst: readonly AmountInput[],
  daysPerMonth = 30,
): Decimal | null {
  if (monthlySalesLatestFirst.length === 0) return null;
  let remaining = toDecimal(receivables);
  let days: Decimal = ZERO;
  for (const sales of monthlySalesLatestFirst) {
    if (!remaining.greaterThan(ZERO)) break;
    const monthSales = toDecimal(sales);
    if (monthSales.greaterThan(remaining)) {
      return days.plus(remaining.dividedBy(monthSales).times(daysPerMonth));
    }
    remaining = remaining.minus(monthSales);
    days = days.plus(daysPerMonth);
  }
  return days;
}

/**
 * Collection effectiveness index, in percent: (opening AR + monthly credit sales − closing AR) ÷
 * (opening AR + monthly credit sales − closing current AR) × 100, where monthly credit sales =
 * credit sales ÷ months in the period (CreditGuru's definition, from which POLICY.md's example comes).
 * @param openingAR receivables at the start of the period
 * @param creditSales credit sales of the whole period
 * @param closingAR receivables at the end
 * @param closingCurrentAR receivables not yet due at the end
 * @param months months in the period (1 for a monthly CEI; a Decimal for a part month, e.g. 15/28)
 * @returns percent, unrounded; null when the denominator is 0
 * @throws RuleError when months is not a positive number
 * @example cei(6200, 10890, 6340, 3590, 3)?.toFixed(1) // "55.9"; with months 1: "79.6"
 */
export function cei(
  openingAR: AmountInput,
  creditSales: AmountInput,
  closingAR: AmountInput,
  closingCurrentAR: AmountInput,
  months: number | Decimal = 1,
): Decimal | null {
  const monthCount = typeof months === "number" ? (Number.isFinite(months) ? toDecimal(months) : null) : months;
  if (monthCount === null || !monthCount.isFinite() || monthCount.lessThanOrEqualTo(0)) {
    throw ruleError("measure.months", { value: String(months) }, "months");
  }
  const available = toDecimal(openingAR).plus(toDecimal(creditSales).dividedBy(monthCount));
  const denominator = available.minus(toDecimal(closingCurrentAR));
  if (denominator.isZero()) return null;
  return available.minus(toDecimal(closingAR)).dividedBy(denominator).times(HUNDRED);
}

/**
 * Collection rate (回款率), in percent: collected in the period ÷ due in the period × 100.
 * @param collected receipts in the period
 * @param due amounts falling due in the period
 * @returns percent, unrounded; null when nothing was due
 * @example collectionRate(850000, 1000000)?.toString() // "85"
 */
export function collectionRate(collected: AmountInput, due: AmountInput): Decimal | null {
  const dueAmount = toDecimal(due);
  if (dueAmount.isZero()) return null;
  return toDecimal(collected).dividedBy(dueAmount).times(HUNDRED);
}
