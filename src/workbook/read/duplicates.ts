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

/**
 * The hash's bits mixed (murmur3's finaliser), so that the slots of numbers typed in sequence
 * (whose polynomial hashes crowd into runs of neighbouring values) spread over the table.
 */
function spread(hash: number): number {
  let mixed = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
  return mixed ^ (mixed >>> 16);
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
   * Open addressing on the key hash, two numbers per slot: the hash, and entry index + 1 (0 for
   * none), side by side so that a probe reads one place; never more than half full. (A Map per
   * row cost more than the rest of reading a row.)
   */
  private slots: Int32Array;
  /** Entries, made room for ahead (pushing to four growing arrays cost more than the lookup). */
  private count = 0;
  private customers: string[];
  /** The invoice number as typed, or its key once made (see `madeKey`). */
  private texts: string[];
  /** 1 where `texts` holds the key: a normalised number, or a plain one lower-cased when first compared. */
  private madeKey: Uint8Array;
  private rows: Int32Array;
  private readonly joined = new Map<string, number>();

  /** @param expected how many invoices are likely (the table's rows): room for them from the start */
  constructor(expected = 0) {
    let capacity = 256;
    while (capacity < expected) capacity *= 2;
    this.slots = new Int32Array(4 * capacity);
    this.customers = new Array<string>(capacity);
    this.texts = new Array<string>(capacity);
    this.madeKey = new Uint8Array(capacity);
    this.rows = new Int32Array(capacity);
  }

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
    const mask = (slots.length >> 1) - 1;
    let slot = spread(hash) & mask;
    for (let taken = slots[2 * slot + 1]; taken !== 0; slot = (slot + 1) & mask, taken = slots[2 * slot + 1]) {
      const entry = taken - 1;
      if (slots[2 * slot] !== hash || this.customers[entry] !== customerKey) continue;
      key ??= invoiceNo.toLowerCase();
      if (this.keyOf(entry) === key) return this.rows[entry];
    }
    const entry = this.count++;
    this.customers[entry] = customerKey;
    this.texts[entry] = key ?? invoiceNo;
    this.madeKey[entry] = key === undefined ? 0 : 1;
    this.rows[entry] = row;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = entry + 1;
    if (this.count === this.rows.length) this.grow();
    return undefined;
  }

  private keyOf(entry: number): string {
    if (this.madeKey[entry] === 0) {
      this.texts[entry] = this.texts[entry].toLowerCase();
      this.madeKey[entry] = 1;
    }
    return this.texts[entry];
  }

  /** Twice the room: the entries copied, the slots placed again. */
  private grow(): void {
    const capacity = 2 * this.rows.length;
    const madeKey = new Uint8Array(capacity);
    madeKey.set(this.madeKey);
    this.madeKey = madeKey;
    const rows = new Int32Array(capacity);
    rows.set(this.rows);
    this.rows = rows;
    const customers = new Array<string>(capacity);
    const texts = new Array<string>(capacity);
    for (let entry = 0; entry < this.count; entry++) {
      customers[entry] = this.customers[entry];
      texts[entry] = this.texts[entry];
    }
    this.customers = customers;
    this.texts = texts;
    const old = this.slots;
    const slots = new Int32Array(4 * capacity);
    const mask = 2 * capacity - 1;
    for (let from = 0; from < old.length; from += 2) {
      if (old[from + 1] === 0) continue;
      let slot = spread(old[from]) & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[from];
      slots[2 * slot + 1] = old[from + 1];
    }
    this.slots = slots;
  }
}
