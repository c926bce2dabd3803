/** The one placeholder filler: puts values into the `{name}` placeholders of every label and message. */

/** Values for placeholders, by name; undefined or null counts as no value. */
export type PlaceholderValues = Readonly<Record<string, string | number | null | undefined>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills the `{name}` placeholders of a label with values.
 *
 * - Every occurrence is filled: a placeholder written twice gets its value twice.
 * - A placeholder with no value stays as written, braces and all, so the gap shows and the text
 *   never reads "undefined": that is an unknown placeholder (a name that is not an own key of
 *   `values`, so `{toString}` never prints a function), and a value that is undefined or null.
 * - Values go in as they are: numbers through `String` (0 → "0"), and a value holding `{x}` or
 *   `$&` is not read again.
 * @param template the label, e.g. "Total ({currency})"
 * @param values the values by placeholder name
 * @returns the filled text
 * @example fillPlaceholders("{list} 已写入；{list}", { list: "账龄分析" }) // "账龄分析 已写入；账龄分析"
 * @example fillPlaceholders("Total ({currency}) {unknown}", { currency: "CNY" }) // "Total (CNY) {unknown}"
 * @example fillPlaceholders("Failed: {message}", { message: undefined }) // "Failed: {message}"
 */
export function fillPlaceholders(template: string, values: PlaceholderValues): string {
  return template.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    return value === undefined || value === null ? placeholder : String(value);
  });
}
