/**
 * Text as SpreadsheetML carries it: markup characters escaped, characters XML 1.0 cannot hold
 * removed, and a cell's text cut at Excel's 32,767 characters (never inside a surrogate pair),
 * so no value a workbook handed us — a 10 MB customer name — makes a cell Excel refuses.
 */
import { MAX_CELL_TEXT_LENGTH, shortenSheetName } from "../excel-limits";

// Characters XML 1.0 forbids (control characters other than tab, LF, CR; lone surrogates).
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Anything xmlText would change: markup characters, control characters, surrogates. */
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * Text escaped for XML content and attributes, with characters XML cannot carry removed.
 * @param text any text
 * @returns the escaped text
 * @example xmlText('a<b & "c"') // "a&lt;b &amp; &quot;c&quot;"
 */
export function xmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(INVALID_XML, "").replace(/[&<>"]/g, (ch) => ESCAPES[ch]);
}

/**
 * A cell's text within Excel's limit of 32,767 characters.
 * @param text the text to write
 * @returns the text, cut to the limit (a surrogate pair is never split)
 * @example cellTextWithinLimit("x".repeat(40_000)).length // 32767
 */
export function cellTextWithinLimit(text: string): string {
  return text.length <= MAX_CELL_TEXT_LENGTH ? text : shortenSheetName(text, MAX_CELL_TEXT_LENGTH);
}

