/**
 * Bad-debt provision (坏账准备, POLICY.md §9): by age bands (账龄分析法) or a flat rate, and the
 * write-off candidate test.
 */
import { decimalFromFen, divideHalfUp, fenOf, isExact, scaledRateOf, type ScaledRate } from "./fen";
import { ZERO, roundFen, type Decimal } from "./money";
import type { Policy } from "./policy-types";
import type { AgedItem } from "./types";

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
  for (const band of bands) if (band.upToDays === null || ageDays <= band.upToDays) return band.rate;
  // A validated policy ends with an open band; a hand-built one without it keeps its last rate.
  return bands.length > 0 ? bands[bands.length - 1].rate : ZERO;
}

/**
 * The provision for a customer's items: Σ outstanding × rate by each item's age, rounded to the
 * fen once, at the end.
 * @param items aged items (disputed ones included: a dispute does not make a debt safer)
 * @param policy provision method and rates
 * @returns the provision amount
 * @example
 * // 10,000.00 aged 100 days (5 %) and 2,000.00 aged 800 days (30 %)
 * provisionFor(items, DEFAULT_POLICY).toFixed(2) // "1100.00"
 */
export function provisionFor(items: readonly AgedItem[], policy: Policy): Decimal {
  // Σ outstanding × rate equals Σ over rates of (Σ outstanding) × rate: one product per band.
  const rates: Decimal[] = [];
  const fenByRate: number[] = [];
  let exact = true;
  for (const item of items) {
    const rate = provisionRate(item.ageDays, policy);
    let index = rates.indexOf(rate);
    if (index < 0) {
      index = rates.push(rate) - 1;
      fenByRate.push(0);
    }
    fenByRate[index] += fenOf(item.state.outstanding);
    if (!isExact(fenByRate[index])) exact = false;
  }
  const fast = exact ? provisionFromFen(rates, fenByRate) : null;
  if (fast !== null) return fast;

  const byRate: Decimal[] = rates.map(() => ZERO);
  for (const item of items) {
    const index = rates.indexOf(provisionRate(item.ageDays, policy));
    byRate[index] = byRate[index].plus(item.state.outstanding);
  }
  let total = ZERO;
  for (let i = 0; i < rates.length; i++) if (!byRate[i].isZero()) total = total.plus(byRate[i].times(rates[i]));
  return roundFen(total);
}

/** Σ fen × rate on integers over a common power-of-ten scale, rounded half-up once; null when not exact. */
function provisionFromFen(rates: readonly Decimal[], fenByRate: readonly number[]): Decimal | null {
  const scaled: ScaledRate[] = [];
  let scale = 1;
  for (const rate of rates) {
    const parts = scaledRateOf(rate);
    if (parts === null) return null;
    scaled.push(parts);
    if (parts.scale > scale) scale = parts.scale;
  }
  let product = 0;
  for (let i = 0; i < scaled.length; i++) {
    const part = fenByRate[i] * scaled[i].units * (scale / scaled[i].scale);
    if (!isExact(part)) return null;
    product += part;
    if (!isExact(product)) return null;
  }
  return decimalFromFen(divideHalfUp(product, scale));
}

/** A policy's provision rates as integers over one power of ten, for sums kept per rate in fen. */
export interface ScaledProvision {
  /** Each rate × scale (an integer), one per band, or one for the flat method or a policy without bands. */
  units: number[];
  scale: number;
  /** Upper edges of the bands, as provisionRate reads them; empty for the flat method. */
  upToDays: (number | null)[];
}

/**
 * The provision rates of a policy over a common scale, for provisionFromBands.
 * @param policy provision method and rates
 * @returns the scaled rates, or null when a rate has more than 9 decimals or does not fit 2^53
 * @example scaledProvision(DEFAULT_POLICY)?.units // [5, 10, 30, 50, 80, 100] over scale 100
 */
export function scaledProvision(policy: Policy): ScaledProvision | null {
  const { method, bands, flatRate } = policy.provision;
  const rates = method === "flat" ? [flatRate] : bands.length > 0 ? bands.map((band) => band.rate) : [ZERO];
  const scaled: ScaledRate[] = [];
  let scale = 1;
  for (let i = 0; i < rates.length; i++) {
    const parts = scaledRateOf(rates[i]);
    if (parts === null) return null;
    scaled.push(parts);
    if (parts.scale > scale) scale = parts.scale;
  }
  const units = scaled.map((parts) => parts.units * (scale / parts.scale));
  for (let i = 0; i < units.length; i++) if (!isExact(units[i])) return null;
  return { units, scale, upToDays: method === "flat" ? [] : bands.map((band) => band.upToDays) };
}

/**
 * The index into `provision.units` of the rate provisionRate gives an age.
 * @param ageDays age in days on the policy's aging basis
 * @param provision from scaledProvision
 * @returns the band index (0 for the flat method)
 */
export function provisionBand(ageDays: number, provision: ScaledProvision): number {
  const edges = provision.upToDays;
  for (let i = 0; i < edges.length; i++) {
    const upTo = edges[i];
    if (upTo === null || ageDays <= upTo) return i;
  }
  return edges.length > 0 ? edges.length - 1 : 0;
}

/**
 * Σ fen × rate over the bands, rounded half-up to the fen once: provisionFor from sums of the
 * outstanding kept per band (each sum ≥ 0).
 * @param fenByBand outstanding in fen per band (indexes of provisionBand)
 * @param provision from scaledProvision
 * @returns the provision, or null when a sum or product leaves the safe-integer range
 */
export function provisionFromBands(fenByBand: ArrayLike<number>, provision: ScaledProvision): Decimal | null {
  let product = 0;
  const units = provision.units;
  for (let i = 0; i < units.length; i++) {
    const fen = fenByBand[i];
    if (fen === 0) continue;
    if (!isExact(fen)) return null;
    const part = fen * units[i];
    if (!isExact(part)) return null;
    product += part;
    if (!isExact(product)) return null;
  }
  return product === 0 ? ZERO : decimalFromFen(divideHalfUp(product, provision.scale));
}

/**
 * Whether a customer is a candidate for write-off: overdue more than writeOffAfterDays (1 year).
 * @param maxDaysOverdue days overdue of the most overdue open invoice
 * @param policy provision.writeOffAfterDays
 * @returns true beyond the threshold
 * @example isWriteOffCandidate(366, DEFAULT_POLICY) // true
 */
export function isWriteOffCandidate(maxDaysOverdue: number, policy: Policy): boolean {
  return maxDaysOverdue > policy.provision.writeOffAfterDays;
}
