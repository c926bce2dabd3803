/**
 * Finding repeated invoice numbers of one customer: the first row of each (customer, invoice
 * number) pair, keyed the way people see them as the same (width, spacing and case aside).
 */
import { normalizeText } from "../text";

/**
 * A hash of an invoice number's key (see InvoiceRows) from its characters, ASCII letters folded to
 * lower case, below 2^30 (a small integer to V8); -1 when `plainOnly` and the text is not printable
 * ASCII without spaces (its key is then normalizeText's, to be hashed instead).
 */
function keyHash(text: string, plainOnly: boolean): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (plainOnly && (code < 0x21 || code > 0x7e)) return -1;
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    hash = (Math.imul(hash, 31) + code) & 0x3fffffff;
  }
  return hash;
}

function firstOrSet(map: Map<string, number>, key: string, row: number): number | undefined {
  const first = map.get(key);
  if (first === undefined) map.set(key, row);
  return first;
}

/**
 * The first row of each invoice number of each customer. Invoice numbers compare like names:
 * width, spacing and case do not matter ("INV-1" = "ｉｎｖ-1"): printable ASCII without spaces is
 * its own key, lower-cased, anything else is normalised (normalizeText). The rows are found as if
 * keyed by `${customerKey}\u0000${invoiceKey}`, but without building a text per row: entries are
 * chained by a hash of the invoice key, which for plain numbers is computed from the number as
 * typed (their lower-cased key is made only when a hash repeats). A key holding a \u0000 keeps the
 * joined text itself as its key, as joined texts of different pairs with one may coincide (and
 * never coincide with those of pairs without, which hold exactly one \u0000).
 * @example
 * const rows = new InvoiceRows();
 * rows.firstOr("acme", false, "INV-1", 5); // undefined
 * rows.firstOr("acme", false, "ｉｎｖ-1", 9); // 5
 */
export class InvoiceRows {
  /**
   * Open addressing on the key hash: entry index + 1 per slot, 0 for none; never more than half
   * full. (A Map per row cost more than the rest of reading a row.)
   */
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(512);
  private readonly customers: string[] = [];
  private readonly numbers: string[] = [];
  /** Invoice keys, made when first compared (undefined: the lower-cased plain number). */
  private readonly keys: (string | undefined)[] = [];
  private readonly rows: number[] = [];
  private readonly joined = new Map<string, number>();

  /**
   * The first row of this invoice of this customer, or undefined after remembering `row` as it.
   * @param customerKey the customer's key (CustomerNames.key)
   * @param customerKeyHasNul whether the customer's key holds a \u0000
   * @param invoiceNo the invoice number as read (trimmed, not blank)
   * @param row 1-based row
   * @returns the row first seen with the same customer and invoice key, or undefined
   */
  firstOr(customerKey: string, customerKeyHasNul: boolean, invoiceNo: string, row: number): number | undefined {
    let hash = keyHash(invoiceNo, true);
    let key: string | undefined;
    if (hash < 0) {
      key = normalizeText(invoiceNo);
      if (customerKeyHasNul || key.includes("\u0000")) return firstOrSet(this.joined, `${customerKey}\u0000${key}`, row);
      hash = keyHash(key, false);
    } else if (customerKeyHasNul) {
      return firstOrSet(this.joined, `${customerKey}\u0000${invoiceNo.toLowerCase()}`, row);
    }
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    for (let taken = slots[slot]; taken !== 0; slot = (slot + 1) & mask, taken = slots[slot]) {
      const entry = taken - 1;
      if (this.hashes[entry] !== hash || this.customers[entry] !== customerKey) continue;
      key ??= invoiceNo.toLowerCase();
      if (this.keyOf(entry) === key) return this.rows[entry];
    }
    const entry = this.rows.length;
    if (entry === this.hashes.length) {
      const hashes = new Int32Array(entry * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[entry] = hash;
    this.customers.push(customerKey);
    this.numbers.push(invoiceNo);
    this.keys.push(key);
    this.rows.push(row);
    if ((entry + 1) * 2 > slots.length) this.grow();
    else slots[slot] = entry + 1;
    return undefined;
  }

  private keyOf(entry: number): string {
    let key = this.keys[entry];
    if (key === undefined) {
      key = this.numbers[entry].toLowerCase();
      this.keys[entry] = key;
    }
    return key;
  }

  /** Twice the slots, every entry placed again (the newest included). */
  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.rows.length; entry++) {
      let slot = this.hashes[entry] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}
