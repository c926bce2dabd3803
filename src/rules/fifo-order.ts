/**
 * The order in which open items take cash (先进先出): due date, then invoice date (undated
 * first), then invoice number. Used by the ledger to settle items and by every list of items.
 */
import type { Invoice } from "./types";

/**
 * Compares two invoice numbers.
 * @param a an invoice number
 * @param b another
 * @returns negative, 0 or positive as a sorts before, with or after b
 * @example compareInvoiceNumbers("INV-1", "INV-2") // -1
 */
export function compareInvoiceNumbers(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
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
