/**
 * Recognising total and subtotal rows (合计 / 小计 / 总计, Total, Grand total:), which ledgers
 * keep among their data rows and which must never be read as invoices.
 */

/** A total row's label anywhere in a text: 合计 / 小计 / 总计 (and zh-TW), 共计. */
export const CJK_TOTAL = /合\s*计|小\s*计|总\s*计|合\s*計|小\s*計|總\s*計|共\s*计/;
/** A cell that is only "Total", "Subtotal", "Grand total:", "Total (CNY)"… — not "Total Logistics Ltd". */
export const ENGLISH_TOTAL = /^\s*(?:grand\s+)?(?:sub[-\s]?)?totals?(?:\s+amount)?\s*[:：]?\s*(?:[(（].*[)）])?\s*$/i;

/** JavaScript's \s: a total row's English label may start with any of these. */
function isJsSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) || code === 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * Whether a text marks a total row: CJK_TOTAL anywhere, or ENGLISH_TOTAL for 30 characters or
 * fewer. The regexes run only on texts that could match (they run on every text cell of every
 * row): CJK_TOTAL needs 计 or 計, and ENGLISH_TOTAL starts with a space or g / s / t in either case.
 * @param value a non-empty text cell
 * @returns true for a total label
 * @example isTotalText("小 计") // true; isTotalText("Total Logistics Ltd") // false
 */
export function isTotalText(value: string): boolean {
  const length = value.length;
  const first = value.charCodeAt(0) | 0x20;
  if (length <= 30 && (first === 0x67 || first === 0x73 || first === 0x74 || isJsSpace(value.charCodeAt(0))) && ENGLISH_TOTAL.test(value)) return true;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x8ba1 || code === 0x8a08) return CJK_TOTAL.test(value);
  }
  return false;
}
