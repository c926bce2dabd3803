/**
 * The order in which open items take cash (先进先出): due date, then invoice date (undated
 * first), then invoice number in natural order (POLICY §1: runs of digits compare as numbers, so
 * INV-9 comes before INV-10). Used by the ledger to settle items and by every list of items.
 */
import type { Invoice } from "./types";

const ZERO = 48;
const NINE = 57;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

/**
 * Compares two invoice numbers in natural order: text compares by UTF-16 code unit, a run of
 * digits against a run of digits compares by its value (leading zeros ignored), so "INV-9" <
 * "INV-10" and fixed-width numbers such as FP202500087 keep their usual order. Numbers equal in
 * value but written differently ("INV-007", "INV-7") fall back to plain text order, so the order
 * is total and only equal strings compare equal.
 * @param a an invoice number
 * @param b another
 * @returns negative, 0 or positive as a sorts before, with or after b
 * @example compareInvoiceNumbers("INV-9", "INV-10") // negative
 * @example compareInvoiceNumbers("FP202500087", "FP202500100") // negative
 */
export function compareInvoiceNumbers(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      // Skip leading zeros, then the longer run is the larger number; equal lengths compare digit by digit.
      let startA = i;
      let startB = j;
      while (startA < a.length && a.charCodeAt(startA) === ZERO) startA++;
      while (startB < b.length && b.charCodeAt(startB) === ZERO) startB++;
      let endA = startA;
      let endB = startB;
      while (endA < a.length && isDigit(a.charCodeAt(endA))) endA++;
      while (endB < b.length && isDigit(b.charCodeAt(endB))) endB++;
      const lengthA = endA - startA;
      const lengthB = endB - startB;
      if (lengthA !== lengthB) return lengthA - lengthB;
      for (let k = 0; k < lengthA; k++) {
        const diff = a.charCodeAt(startA + k) - b.charCodeAt(startB + k);
        if (diff !== 0) return diff;
      }
      i = endA;
      j = endB;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  if (a.length - i !== b.length - j) return a.length - i - (b.length - j);
  return a < b ? -1 : 1;
}

/**
 * Compares two invoices in FIFO order: due date, invoice date (undated first), invoice number.
 * @param a an invoice
 * @param b another
 * @returns negative, 0 or positive as a is settled before, with or after b
 * @example compareFifo(dueJan, dueFeb) // negative
 */
export function compareFifo(a: Invoice, b: Invoice): number {
  if (a.dueDate !== b.dueDate) return a.dueDate - b.dueDate;
  const dateA = a.invoiceDate ?? -Infinity;
  const dateB = b.invoiceDate ?? -Infinity;
  if (dateA !== dateB) return dateA < dateB ? -1 : 1;
  return compareInvoiceNumbers(a.invoiceNo, b.invoiceNo);
}

/** Counting by due day pays while the days spanned are at most this many per invoice (plus a margin). */
const DAYS_PER_INVOICE = 16;
const DAYS_MARGIN = 1024;

/**
 * The counts of one account's due days, in one array every account reuses while its span is at
 * most this many days (256 KB kept); a longer span gets an array of its own. A new array per
 * account was a million slots of garbage at Excel's full size (10,000 accounts of a year each),
 * enough to bring the jobs worker's heap to a full collection in the middle of the report.
 */
const SHARED_DAYS = 1 << 16;
let sharedDays = new Int32Array(0);

/** Zeroed room for `days` due days' counts. */
function dayCounts(days: number): Int32Array {
  if (days > SHARED_DAYS) return new Int32Array(days);
  if (sharedDays.length < days) sharedDays = new Int32Array(Math.min(SHARED_DAYS, Math.max(days, 2 * sharedDays.length)));
  sharedDays.fill(0, 0, days);
  return sharedDays;
}

/**
 * Sorts invoices in place into FIFO order (compareFifo), stably. A comparator sort was the
 * slowest step of a report (each comparison a call reaching into two invoices), so invoices are
 * first counted into their due days — one pass, no comparison — and only those sharing a due day
 * are then compared with compareFifo. Due dates too far apart for counting (or not whole days)
 * take the comparator sort.
 * @param invoices the invoices of one account
 * @returns nothing: `invoices` is reordered
 * @example
 * // INV-3 due 2026-03-01, INV-1 due 2026-01-01, INV-2 due 2026-01-01 issued earlier
 * sortFifo(list); list.map((i) => i.invoiceNo) // ["INV-2", "INV-1", "INV-3"]
 */
export function sortFifo(invoices: Invoice[]): void {
  const count = invoices.length;
  let inOrder = true;
  let wholeDays = true;
  let firstDue = Infinity;
  let lastDue = -Infinity;
  for (let i = 0; i < count; i++) {
    const due = invoices[i].dueDate;
    if (inOrder && i > 0 && compareFifo(invoices[i - 1], invoices[i]) > 0) inOrder = false;
    if (!Number.isInteger(due)) wholeDays = false;
    if (due < firstDue) firstDue = due;
    if (due > lastDue) lastDue = due;
  }
  if (inOrder) return;
  const days = lastDue - firstDue + 1;
  if (!wholeDays || days > DAYS_PER_INVOICE * count + DAYS_MARGIN) {
    invoices.sort(compareFifo);
    return;
  }
  // next[d]: the invoices due on day firstDue + d, then where the next of them goes (table order kept).
  const next = dayCounts(days);
  for (let i = 0; i < count; i++) next[invoices[i].dueDate - firstDue]++;
  let position = 0;
  for (let day = 0; day < days; day++) {
    const dueThatDay = next[day];
    next[day] = position;
    position += dueThatDay;
  }
  const inTableOrder = invoices.slice();
  for (let i = 0; i < count; i++) {
    const invoice = inTableOrder[i];
    invoices[next[invoice.dueDate - firstDue]++] = invoice;
  }
  // Invoices of one due date are still in table order: compareFifo puts each such run in order.
  let start = 0;
  for (let i = 1; i <= count; i++) {
    if (i < count && invoices[i].dueDate === invoices[start].dueDate) continue;
    if (i - start > 1) sortRun(invoices, start, i);
    start = i;
  }
}

/** Beyond this many invoices of one due date, the built-in sort beats insertion. */
const INSERTION_LIMIT = 16;

/** Sorts invoices[start, end) with compareFifo, stably: by insertion while the run is short. */
function sortRun(invoices: Invoice[], start: number, end: number): void {
  if (end - start > INSERTION_LIMIT) {
    const run = invoices.slice(start, end).sort(compareFifo);
    for (let i = start; i < end; i++) invoices[i] = run[i - start];
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const invoice = invoices[i];
    let j = i;
    while (j > start && compareFifo(invoices[j - 1], invoice) > 0) {
      invoices[j] = invoices[j - 1];
      j--;
    }
    invoices[j] = invoice;
  }
}
