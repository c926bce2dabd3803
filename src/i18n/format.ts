/** How an amount's shown text is written for people: thousands separators, once for every caller. */

/** An amount's shown text: optional minus, digits, optional decimals ("-1234.50"). */
const SHOWN_AMOUNT = /^(-?)(\d+)(\.\d+)?$/;

/**
 * Adds thousands separators to the shown text of an amount, leaving its decimals as they are.
 * Text that is not such an amount ("—", "", "1,234.00") comes back unchanged.
 * @param shownAmount e.g. "1234567.89" or "-1234.50", as formatFen writes it
 * @returns the grouped text
 * @example groupThousands("1234567.89") // "1,234,567.89"
 * @example groupThousands("-1234.50") // "-1,234.50"
 */
export function groupThousands(shownAmount: string): string {
  const match = SHOWN_AMOUNT.exec(shownAmount);
  if (match === null) return shownAmount;
  const [, sign, whole, decimals = ""] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ",")}${decimals}`;
}
