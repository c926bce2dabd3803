/**
 * How shown text is laid out for people, once for every caller: thousands separators in an
 * amount's shown text, and how many terminal columns a text takes (CJK counts two).
 */

/** An amount's shown text: optional minus, digits, optional decimals ("-1234.50"). */
const SHOWN_AMOUNT = /^(-?)(\d+)(\.\d+)?$/;

/**
 * Adds thousands separators to the shown text of an amount, leaving its decimals as they are.
 * Text that is not such an amount ("—", "", "1,234.00") comes back unchanged.
 * @param shownAmount e.g. "1234567.89" or "-1234.50", as formatMoney writes it
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

/**
 * Columns a text takes in a monospaced font (a terminal, a plain-text letter table): East Asian
 * wide and full-width characters count two.
 * @param text any text
 * @returns its width in columns
 * @example displayWidth("应收ab") // 6
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}
