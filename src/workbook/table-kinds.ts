/**
 * The tables a ledger workbook may hold, as a list: what the settings store checks a column
 * mapping against without carrying every table's header synonyms (the functions bundle reads the
 * settings too).
 */

/** The table kinds, in the order the readers take them. */
export const TABLE_KINDS = ["invoices", "customers", "payments", "promises", "log"] as const;

/** The tables a ledger workbook may hold. */
export type TableKind = (typeof TABLE_KINDS)[number];

/**
 * Whether a text names a table kind.
 * @param text a key from the stored column mapping
 * @returns true for "invoices", "customers", "payments", "promises" and "log"
 * @example isTableKind("payments") // true
 * @example isTableKind("__proto__") // false
 */
export function isTableKind(text: string): text is TableKind {
  return (TABLE_KINDS as readonly string[]).includes(text);
}
