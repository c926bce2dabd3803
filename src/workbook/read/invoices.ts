/**
 * Reading the invoices table (应收台账): one invoice or credit note per row, its due date from the
 * row or from a payment term, its received amount; a repeated invoice number of one customer, a
 * negative received amount, and any bad cell drop the row, reported on the cell.
 */
import { addDays } from "../../rules/dates";
import { formatExact } from "../../rules/money";
import type { Scaled } from "../../rules/money";
import type { CustomerInfo, DayNumber, Invoice } from "../../rules/types";
import type { CellValue } from "../adapter-types";
import type { LocatedTable } from "../locate";
import { parseFlag, parseInteger } from "../parse";
import { problem } from "../problems";
import type { ReadContext } from "./context";
import { agrees, readCurrency } from "./currency";
import { InvoiceRows } from "./duplicates";
import { isEmpty, RowReader } from "./row-reader";

/** Counts of the invoices table. */
export interface ReadStats {
  /** Rows read as invoices or credit notes. */
  invoiceRows: number;
  /** Non-blank rows not read: totals, notes and rows with errors. */
  skippedRows: number;
  /** Non-blank rows under the header. */
  totalRows: number;
}

/** What reading the invoices table gives. */
export interface InvoicesRead {
  invoices: Invoice[];
  stats: ReadStats;
  /** The keys of the invoices' customers (names.key of each invoice's customer). */
  known: Set<string>;
}

/** A customer spelling of the invoices table, looked up once per spelling, not once per row. */
interface Spelling {
  key: string;
  /** Whether the key holds a \u0000 (see InvoiceRows). */
  keyHasNul: boolean;
  /** names.displayName(spelling), once asked (it never changes after). */
  display: string | undefined;
  /** Whether an invoice of this spelling was read (its customer is then known to the other tables). */
  read: boolean;
}

/** What a blank received cell reads as (one value for every such row: it is never changed). */
const NOTHING_RECEIVED: Scaled = Object.freeze({ units: 0, scale: 0 });

/** The received cell: 0 when blank, undefined after reporting a bad, foreign-currency or negative one. */
function readReceived(reader: RowReader, cell: CellValue, currency: string): Scaled | undefined {
  if (isEmpty(cell)) return NOTHING_RECEIVED;
  const parsed = reader.amount("received", cell);
  if (parsed === undefined) return undefined;
  if (!agrees(parsed, currency)) {
    reader.report("received", problem("currency.mismatch", { field: "received", written: parsed.currency ?? currency, stated: currency }));
    return undefined;
  }
  if (parsed.amount.units < 0) {
    reader.report("received", problem("received.negative", { amount: formatExact(parsed.amount.units, parsed.amount.scale) }));
    return undefined;
  }
  return parsed.amount;
}

/**
 * Reads every invoice row. Blank rows are passed over; total and note rows (no customer, amount or
 * number) are counted as skipped. A blank due date is the invoice date plus the row's payment term,
 * else the customers table's. The rows are read in order as they arrive: the reading pauses (yields)
 * at a row that has not, and goes on when resumed (read-early.ts); with every row there, it never pauses.
 * @param table the located invoices table
 * @param context the reading's shared state
 * @param customers the customers read, for their payment terms
 * @param arrived the sheet row (0-based) before which the table's rows have arrived
 * @returns the invoices, in table order, the table's counts, and the keys of their customers (names.key of each invoice's customer)
 * @example
 * // 客户 | 发票号 | 到期日 | 金额 ; ACME | INV-1 | 2026-03-31 | ¥1,234.50
 * runToEnd(readInvoices(table, context, [], () => Infinity)).invoices[0].amount // 123450 (at scale 2)
 */
export function* readInvoices(table: LocatedTable, context: ReadContext, customers: readonly CustomerInfo[], arrived: () => number): Generator<void, InvoicesRead, void> {
  const { policy, names, workbook } = context;
  const system = workbook.dateSystem;
  const order = policy.dateOrder;
  const sheet = workbook.sheets[table.sheetIndex];
  const reader = new RowReader(sheet, table, context.errors);
  const termOf = new Map<string, number>();
  for (const info of customers) if (info.paymentTermDays !== undefined) termOf.set(names.key(info.name), info.paymentTermDays);
  const firstRows = new InvoiceRows(table.dataRows.end - table.dataRows.start);
  const spellings = new Map<string, Spelling>();
  const invoices: Invoice[] = [];
  const known = new Set<string>();
  const stats: ReadStats = { invoiceRows: 0, skippedRows: 0, totalRows: 0 };
  const slots = {
    customer: reader.slot("customer"),
    invoiceNo: reader.slot("invoiceNo"),
    invoiceDate: reader.slot("invoiceDate"),
    dueDate: reader.slot("dueDate"),
    amount: reader.slot("amount"),
    received: reader.slot("received"),
    currency: reader.slot("currency"),
    paymentTermDays: reader.slot("paymentTermDays"),
    disputed: reader.slot("disputed"),
    salesperson: reader.slot("salesperson"),
    region: reader.slot("region"),
  };
  const hasNumber = reader.has("invoiceNo");
  const dateField = reader.has("dueDate") ? "dueDate" : "invoiceDate";

  let ready = arrived();
  for (let row = table.dataRows.start; row < table.dataRows.end; row++) {
    while (row >= ready) {
      yield;
      ready = arrived();
    }
    reader.at(row);
    if (reader.isBlank()) continue;
    stats.totalRows++;
    const customerCell = reader.cellIn(slots.customer);
    const amountCell = reader.cellIn(slots.amount);
    const numberCell = reader.cellIn(slots.invoiceNo);
    if (reader.isTotal() || (isEmpty(customerCell) && isEmpty(amountCell) && isEmpty(numberCell))) {
      stats.skippedRows++;
      continue;
    }

    const customer = reader.text("customer", customerCell);
    if (customer === null) reader.report("customer", problem("customer.blank", {}));
    const parsedAmount = reader.amount("amount", amountCell);
    const currency = readCurrency(reader, parsedAmount, policy.currency, reader.cellIn(slots.currency));
    const received = readReceived(reader, reader.cellIn(slots.received), currency);
    const invoiceDateCell = reader.cellIn(slots.invoiceDate);
    const invoiceDate = isEmpty(invoiceDateCell) ? null : (reader.date("invoiceDate", system, order, invoiceDateCell) ?? null);
    const termCell = reader.cellIn(slots.paymentTermDays);
    const term = isEmpty(termCell) ? undefined : reader.take("paymentTermDays", parseInteger(termCell));
    const disputedCell = reader.cellIn(slots.disputed);
    const disputed = disputedCell === null ? false : (reader.take("disputed", parseFlag(disputedCell)) ?? false);
    const salesperson = reader.optionalText("salesperson", reader.cellIn(slots.salesperson));
    const region = reader.optionalText("region", reader.cellIn(slots.region));

    let spelling: Spelling | undefined;
    if (customer) {
      spelling = spellings.get(customer);
      if (spelling === undefined) {
        const key = names.key(customer);
        spelling = { key, keyHasNul: key.includes("\u0000"), display: undefined, read: false };
        spellings.set(customer, spelling);
      }
    }
    let dueDate: DayNumber | undefined;
    const dueDateCell = reader.cellIn(slots.dueDate);
    if (!isEmpty(dueDateCell)) {
      dueDate = reader.date("dueDate", system, order, dueDateCell);
    } else if (!reader.failed) {
      const days = term ?? (spelling ? termOf.get(spelling.key) : undefined);
      if (invoiceDate === null) reader.report(dateField, problem("dueDate.missing", {}));
      else if (days === undefined) reader.report(dateField, problem("dueDate.noTerm", {}));
      else dueDate = addDays(invoiceDate, days);
    }

    const numberText = hasNumber ? reader.text("invoiceNo", numberCell) : null;
    const invoiceNo = numberText === undefined ? undefined : (numberText ?? `row ${row + 1}`);

    if (reader.failed || !customer || !parsedAmount || received === undefined || dueDate === undefined || invoiceNo === undefined || spelling === undefined) {
      stats.skippedRows++;
      continue;
    }
    if (hasNumber && numberText === null) reader.report("invoiceNo", problem("invoice.noNumber", { generated: invoiceNo }), null);
    const display = (spelling.display ??= names.displayName(customer));
    if (typeof numberText === "string") {
      const first = firstRows.firstOr(spelling.key, spelling.keyHasNul, numberText, row + 1);
      if (first !== undefined) {
        reader.report("invoiceNo", problem("invoice.duplicate", { invoiceNo: numberText, customer: display, firstRow: first }));
        stats.skippedRows++;
        continue;
      }
    }

    const invoice: Invoice = {
      customer: display,
      invoiceNo,
      invoiceDate,
      dueDate,
      amount: context.amounts.units(parsedAmount.amount),
      received: context.amounts.units(received),
      currency,
      disputed,
      sheet: sheet.name,
      row: row + 1,
    };
    if (salesperson !== undefined) invoice.salesperson = salesperson;
    if (region !== undefined) invoice.region = region;
    invoices.push(invoice);
    stats.invoiceRows++;
    if (!spelling.read) {
      spelling.read = true;
      known.add(names.key(display));
    }
  }
  return { invoices, stats, known };
}
