/**
 * Text normalisation for matching headers, customer names and invoice numbers as people type
 * them: full-width or half-width, extra spaces, any case. Pure; no Office, no exceljs, no Node.
 */
import type { CellValue } from "./adapter-types";

const INNER_SPACE = /\s+/g;
const ALL_SPACE = /\s+/g;

/**
 * Normalises text for matching: NFKC (full-width letters, digits and spaces become half-width),
 * trimmed, inner whitespace collapsed to one space, lower-cased.
 * @param text any text
 * @returns the matching form
 * @example normalizeText("  ＡＢＣ１２３　Ltd ") // "abc123 ltd"
 */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").trim().replace(INNER_SPACE, " ").toLowerCase();
}

/**
 * The key that identifies one customer across tables: like `normalizeText` but with every space
 * removed, so "ACME Ltd", "ACME  Ltd", "ＡＣＭＥ Ltd" and "华为 技术" / "华为技术" match.
 * @param name a customer name as typed
 * @returns the matching key
 * @example customerKey("ＡＣＭＥ  Ltd") // "acmeltd"
 */
export function customerKey(name: string): string {
  return name.normalize("NFKC").replace(ALL_SPACE, "").toLowerCase();
}

/**
 * Remembers the first spelling of each customer, so that every later spelling that differs only
 * by spaces, width or case is shown under that first spelling.
 * @example
 * const names = new CustomerNames();
 * names.displayName("ACME Ltd");    // "ACME Ltd"
 * names.displayName("ＡＣＭＥ  ltd"); // "ACME Ltd"
 */
export class CustomerNames {
  private readonly byKey = new Map<string, string>();
  private readonly byRaw = new Map<string, string>();
  private readonly keys = new Map<string, string>();

  /**
   * `customerKey(name)`, remembered: a ledger repeats each customer's spelling many times.
   * @param name a spelling
   * @returns its customer key
   * @example new CustomerNames().key("ＡＣＭＥ Ltd") // "acmeltd"
   */
  key(name: string): string {
    let key = this.keys.get(name);
    if (key === undefined) {
      key = customerKey(name);
      this.keys.set(name, key);
    }
    return key;
  }

  /**
   * The display name for a spelling, registering it when it is the first of its key.
   * @param name a customer name as typed (trimmed by the caller or not)
   * @returns the first spelling seen for the same customer
   * @example new CustomerNames().displayName(" ACME ") // "ACME"
   */
  displayName(name: string): string {
    const cached = this.byRaw.get(name);
    if (cached !== undefined) return cached;
    const key = this.key(name);
    let display = this.byKey.get(key);
    if (display === undefined) {
      display = name.trim().replace(INNER_SPACE, " ");
      this.byKey.set(key, display);
    }
    this.byRaw.set(name, display);
    return display;
  }

  /**
   * The display name of a customer already seen, or undefined.
   * @param name a spelling
   * @returns the registered display name
   * @example new CustomerNames().find("ACME") // undefined
   */
  find(name: string): string | undefined {
    return this.byRaw.get(name) ?? this.byKey.get(this.key(name));
  }
}

/**
 * The text of a cell for display and matching: strings trimmed, numbers in their shortest
 * spelling, booleans as TRUE/FALSE, blanks and Excel errors as "".
 * @param cell a cell value
 * @returns its text
 * @example cellText(12345) // "12345"
 */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return "";
}

/**
 * Whether a cell is blank: null, undefined, or text of only spaces (full-width ones too).
 * @param cell a cell value
 * @returns true when blank
 * @example isBlankCell("　") // true
 */
export function isBlankCell(cell: CellValue | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  return typeof cell === "string" && cell.trim() === "";
}

/**
 * The column letters Excel shows for a 0-based column index.
 * @param index 0-based column (0 = A)
 * @returns the letters
 * @example columnLetter(27) // "AB"
 */
export function columnLetter(index: number): string {
  let letters = "";
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Levenshtein edit distance, stopping early once it exceeds `limit`.
 * @param a first text
 * @param b second text
 * @param limit largest distance of interest
 * @returns the distance, or limit + 1 when larger
 * @example editDistance("custmer", "customer", 1) // 1
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], limit + 1);
}
