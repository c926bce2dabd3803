/**
 * Small ledgers for the collection rules, typed as a person would check them by hand: dates as
 * "YYYY-MM-DD", amounts as text.
 */
import { fromYmd } from "../../../src/rules/dates";
import type { ContactChannel, ContactOutcome, DayNumber, Invoice, LogEntry, Payment, PaymentPromise } from "../../../src/rules/types";
import { amount } from "../../support/money";

/** A date as "YYYY-MM-DD". */
export function day(iso: string): DayNumber {
  const [y, m, d] = iso.split("-").map(Number);
  return fromYmd(y, m, d);
}

export function invoice(customer: string, invoiceNo: string, date: string, due: string, total: string, extra: Partial<Invoice> = {}): Invoice {
  return { customer, invoiceNo, invoiceDate: day(date), dueDate: day(due), amount: amount(total), received: 0, currency: "CNY", disputed: false, ...extra };
}

export function payment(customer: string, date: string | null, paid: string, extra: Partial<Payment> = {}): Payment {
  return { customer, date: date === null ? null : day(date), amount: amount(paid), currency: "CNY", ...extra };
}

export function promise(customer: string, made: string | null, due: string, promised: string, extra: Partial<PaymentPromise> = {}): PaymentPromise {
  const row: PaymentPromise = { customer, promisedDate: day(due), amount: amount(promised), currency: "CNY", ...extra };
  if (made !== null) row.madeOn = day(made);
  return row;
}

/** A collection-log row; `promised` is [date, amount] for a row that records a promise. */
export function contact(
  customer: string,
  date: string,
  channel: ContactChannel,
  outcome?: ContactOutcome,
  extra: Partial<LogEntry> & { promised?: [string, string] } = {},
): LogEntry {
  const { promised, ...rest } = extra;
  const entry: LogEntry = { date: day(date), customer, channel, currency: "CNY", ...rest };
  if (outcome !== undefined) entry.outcome = outcome;
  if (promised !== undefined) {
    entry.promisedDate = day(promised[0]);
    entry.promisedAmount = amount(promised[1]);
  }
  return entry;
}
