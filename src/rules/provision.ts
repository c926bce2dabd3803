/**
 * Bad-debt provision (坏账准备, POLICY §9): by age bands (账龄分析法) or a flat rate, the outstanding
 * per band, and the write-off candidate test.
 */
import { scaledOf, ZERO_RATE, type Decimal } from "./decimal";
import { add, multiply, powerOfTen, roundToFen, type Minor, type Scaled } from "./money";
import type { Policy } from "./policy-types";
import type { AgedItem, DayNumber } from "./types";

/**
 * The provision rate for a receivable of a given age. Method "aging": the first band whose
 * upToDays is not exceeded (ages of 0 or less take the first band); method "flat": flatRate.
 * @param ageDays age in days on the policy's aging basis
 * @param policy provision method, bands, flat rate
 * @returns the rate as a fraction
 * @example provisionRate(400, DEFAULT_POLICY).toString() // "0.1"
 */
export function provisionRate(ageDays: number, policy: Policy): Decimal {
  const { method, bands, flatRate } = policy.provision;
  if (method === "flat") return flatRate;
  return bands.length > 0 ? bands[provisionBand(ageDays, bands.map((band) => band.upToDays))].rate : ZERO_RATE;
}

/** A policy's provision rates as exact fractions, read once per report or call. */
export interface ProvisionTerms {
  /** Upper edges of the bands in days of age (null: open-ended); empty for the flat method. */
  upToDays: (number | null)[];
  /** One rate per band, or one for the flat method (or a policy without bands). */
  rates: Scaled[];
}

/**
 * The provision terms of a policy.
 * @param policy provision method and rates
 * @returns the terms
 * @example provisionTerms(DEFAULT_POLICY).rates[1] // { units: 1, scale: 1 } (10 %)
 */
export function provisionTerms(policy: Policy): ProvisionTerms {
  const { method, bands, flatRate } = policy.provision;
  if (method === "flat" || bands.length === 0) return { upToDays: [], rates: [scaledOf(method === "flat" ? flatRate : ZERO_RATE)] };
  return { upToDays: bands.map((band) => band.upToDays), rates: bands.map((band) => scaledOf(band.rate)) };
}

/**
 * The band of an age: the first whose upper edge is not exceeded, else the last (a hand-built
 * policy without an open band keeps its last rate); 0 when there are no edges (flat).
 * @param ageDays age in days
 * @param upToDays the bands' upper edges
 * @returns the band index
 * @example provisionBand(400, [365, 730, null]) // 1
 */
export function provisionBand(ageDays: number, upToDays: readonly (number | null)[]): number {
  for (let i = 0; i < upToDays.length; i++) {
    const upTo = upToDays[i];
    if (upTo === null || ageDays <= upTo) return i;
  }
  return upToDays.length > 0 ? upToDays.length - 1 : 0;
}

/**
 * Σ amount × rate over the bands, rounded half-up to the fen once, at the end.
 * @param amountsByBand the outstanding per band (indexes of provisionBand)
 * @param terms the provision terms
 * @param scale the scale of the amounts
 * @returns the provision
 * @example provisionOfBands([1000000, 0, 200000], terms, 2) // 110000 (10,000.00 × 5 % + 2,000.00 × 30 %)
 */
export function provisionOfBands(amountsByBand: readonly Minor[], terms: ProvisionTerms, scale: number): Minor {
  let power = 0;
  for (const rate of terms.rates) if (rate.scale > power) power = rate.scale;
  let total: Minor = 0;
  for (let i = 0; i < terms.rates.length; i++) {
    const amount = amountsByBand[i];
    if (amount === undefined || amount === 0) continue;
    const rate = terms.rates[i];
    total = add(total, multiply(multiply(amount, rate.units), powerOfTen(power - rate.scale)));
  }
  return roundToFen(total, scale, power);
}

/**
 * The provision for a customer's items: Σ outstanding × rate by each item's age, rounded to the
 * fen once, at the end.
 * @param items aged items (disputed ones included: a dispute does not make a debt safer)
 * @param terms the provision terms
 * @param scale the scale of the amounts
 * @returns the provision amount
 * @example
 * // 10,000.00 aged 100 days (5 %) and 2,000.00 aged 800 days (30 %)
 * provisionFor(items, provisionTerms(DEFAULT_POLICY), 2) // 110000 (1,100.00)
 */
export function provisionFor(items: readonly AgedItem[], terms: ProvisionTerms, scale: number): Minor {
  return provisionOfBands(outstandingByBand(items, terms), terms, scale);
}

/**
 * The outstanding of a customer's items per provision band (by each item's age); the amounts add
 * up to the items' outstanding exactly.
 * @param items aged items
 * @param terms the provision terms (one band for the flat method)
 * @returns one amount per band
 * @example outstandingByBand(items, provisionTerms(DEFAULT_POLICY)) // [1000000, 0, 200000, 0, 0, 0] (10,000.00 aged 100 days, 2,000.00 aged 800)
 */
export function outstandingByBand(items: readonly AgedItem[], terms: ProvisionTerms): Minor[] {
  const byBand: Minor[] = new Array<Minor>(terms.rates.length).fill(0);
  for (const item of items) {
    const band = provisionBand(item.ageDays, terms.upToDays);
    byBand[band] = add(byBand[band], item.state.outstanding);
  }
  return byBand;
}

/**
 * Whether a customer is a candidate for write-off (seed 001 第五章): overdue more than
 * writeOffAfterDays (a year) and no invoice or payment for more than writeOffInactiveDays (a year).
 * @param maxDaysOverdue days overdue of the most overdue open invoice
 * @param lastActivity the day of the account's latest invoice, credit note or payment (undefined: none dated)
 * @param asOf the report date
 * @param policy provision.writeOffAfterDays and provision.writeOffInactiveDays
 * @returns true when both hold
 * @example isWriteOffCandidate(400, fromYmd(2025, 5, 1), fromYmd(2026, 6, 30), DEFAULT_POLICY) // true (425 days without business)
 */
export function isWriteOffCandidate(maxDaysOverdue: number, lastActivity: DayNumber | undefined, asOf: DayNumber, policy: Policy): boolean {
  const { writeOffAfterDays, writeOffInactiveDays } = policy.provision;
  return maxDaysOverdue > writeOffAfterDays && (lastActivity === undefined || asOf - lastActivity > writeOffInactiveDays);
}
