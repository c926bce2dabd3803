/**
 * The ledger's scale while reading: every amount is converted to one minor unit, and the finest
 * amount met is remembered so that `readLedger` can read again at that scale when it is finer.
 */
import { FEN_SCALE, rescale } from "../../rules/money";
import type { Minor, Scaled } from "../../rules/money";

/**
 * Amounts of one reading at one scale.
 * @example
 * const amounts = new LedgerScale(FEN_SCALE);
 * amounts.units({ units: 123450, scale: 2 }); // 123450
 * amounts.units({ units: 1063125, scale: 3 }); // 106313 (rounded: this reading is then done again at scale 3)
 * amounts.finest; // 3
 */
export class LedgerScale {
  /** The most decimals any amount converted so far has. */
  finest: number;

  /** @param scale the minor unit's decimals for this reading, at least 2 */
  constructor(readonly scale: number = FEN_SCALE) {
    this.finest = scale;
  }

  /**
   * An amount as a count of this reading's minor unit; a finer amount is rounded half-up, and
   * remembered in `finest` (the reading is then repeated at that scale, so the rounding never stays).
   * @param amount an exact amount
   * @returns its units at this scale
   */
  units(amount: Scaled): Minor {
    if (amount.scale > this.finest) this.finest = amount.scale;
    return rescale(amount.units, amount.scale, this.scale);
  }
}
