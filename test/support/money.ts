/**
 * Amounts for tests, written as a person types them: `amount("1,234.50")` is 123450 at the fen
 * scale; `shown(units)` is the text the product shows. Exact, with the product's own money module.
 */
import { decimalOfNumber, formatExact, formatMoney, parseDecimal, rescale, type Minor } from "../../src/rules/money";

/**
 * An amount typed as text (or a number) as a count of units of 10^−scale.
 * @throws when it has more decimals than the scale holds (a test would silently round otherwise)
 */
export function amount(text: string | number, scale = 2): Minor {
  const parsed = typeof text === "number" ? decimalOfNumber(text) : parseDecimal(text.replace(/,/g, ""));
  if (parsed === null) throw new Error(`not an amount: ${text}`);
  if (parsed.scale > scale) throw new Error(`${text} needs scale ${parsed.scale}, not ${scale}`);
  return rescale(parsed.units, parsed.scale, scale);
}

/** The shown text of an amount: two decimals, half-up ("1063.13"). */
export function shown(units: Minor, scale = 2): string {
  return formatMoney(units, scale);
}

/** An amount written exactly, with no more decimals than it has ("700000", "1063.125"). */
export function exact(units: Minor, scale = 2): string {
  return formatExact(units, scale);
}
