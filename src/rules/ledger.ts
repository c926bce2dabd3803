/**
 * The ledger as of a date: which invoices are open, by how much, and which cash settled what.
 * Per customer and currency (never mixed): the invoice's own received column first, then payments
 * naming an invoice, then credit notes and unapplied cash first-in-first-out (先进先出).
 */
import { quote } from "./errors";
import { decimalFromFen, fenOf } from "./fen";
import { ZERO } from "./money";
import type { Decimal } from "./money";
import type { Policy } from "./policy-types";
import type {
  AppliedLedger,
  Application,
  CustomerAccount,
  CustomerInfo,
  DayNumber,
  InvoiceState,
  Ledger,
  Payment,
  RowError,
} from "./types";

/** Cash or credit waiting to be applied FIFO. */
interface PoolEntry {
  date: DayNumber | null;
  amount: Decimal;
  kind: Application["kind"];
}

/** Everything of one customer in one currency before application. */
interface Group {
  customer: string;
  currency: string;
  /** Positive invoices, their received column already applied. */
  items: InvoiceState[];
  /** Credit notes and received-column excesses, waiting for FIFO. */
  pool: PoolEntry[];
  payments: Payment[];
}

/** Orders open items first-in-first-out: due date, then invoice date (undated first), then number. */
function compareFifo(a: InvoiceState, b: InvoiceState): number {
  const ia = a.invoice;
  const ib = b.invoice;
  if (ia.dueDate !== ib.dueDate) return ia.dueDate - ib.dueDate;
  const da = ia.invoiceDate ?? -Infinity;
  const db = ib.invoiceDate ?? -Infinity;
  if (da !== db) return da < db ? -1 : 1;
  if (ia.invoiceNo === ib.invoiceNo) return 0;
  return ia.invoiceNo < ib.invoiceNo ? -1 : 1;
}

/** Orders items of equal due and invoice dates by invoice number; a stable sort keeps input order for equal numbers. */
function compareNumber(a: InvoiceState, b: InvoiceState): number {
  const na = a.invoice.invoiceNo;
  const nb = b.invoice.invoiceNo;
  return na === nb ? 0 : na < nb ? -1 : 1;
}

/**
 * Sorts open items FIFO (as compareFifo, stable). Due date, invoice date and input position
 * are packed into one number per item and sorted natively, which a comparator called n log n
 * times over a million objects cannot match; only runs of equal dates compare invoice numbers.
 * Dates too far apart to pack, or not whole days, fall back to the comparator.
 */
function sortFifo(items: InvoiceState[]): void {
  const count = items.length;
  if (count < 2) return;
  let minDue = Infinity;
  let maxDue = -Infinity;
  let minDate = Infinity;
  let maxDate = -Infinity;
  let whole = true;
  for (let i = 0; i < count; i++) {
    const invoice = items[i].invoice;
    const due = invoice.dueDate;
    const date = invoice.invoiceDate === null ? NaN : invoice.invoiceDate;
    if (due < minDue) minDue = due;
    if (due > maxDue) maxDue = due;
    if (date < minDate) minDate = date;
    if (date > maxDate) maxDate = date;
    if (!Number.isInteger(due) || (!Number.isInteger(date) && !Number.isNaN(date))) whole = false;
  }
  // Undated invoices take 0 and sort before every dated one (1 and up).
  const dateSpan = maxDate >= minDate ? maxDate - minDate + 2 : 1;
  if (!whole || (maxDue - minDue + 1) * dateSpan * count > Number.MAX_SAFE_INTEGER) {
    items.sort(compareFifo);
    return;
  }
  const keys = keyBuffer(count);
  for (let i = 0; i < count; i++) {
    const invoice = items[i].invoice;
    const date = invoice.invoiceDate;
    const dateKey = date === null ? 0 : date - minDate + 1;
    keys[i] = ((invoice.dueDate - minDue) * dateSpan + dateKey) * count + i;
  }
  keys.sort();
  const unsorted = items.slice();
  // key % count is the input position; key − position identifies the (due, invoice date) pair.
  let runStart = 0;
  let runDates = keys[0] - (keys[0] % count);
  for (let i = 0; i < count; i++) {
    const position = keys[i] % count;
    items[i] = unsorted[position];
    const dates = keys[i] - position;
    if (dates !== runDates) {
      if (i - runStart > 1) sortRun(items, runStart, i);
      runStart = i;
      runDates = dates;
    }
  }
  if (count - runStart > 1) sortRun(items, runStart, count);
}

/** One buffer for the sort keys of every group, grown as needed: a buffer per group costs a malloc each. */
let keyStore = new Float64Array(256);

function keyBuffer(count: number): Float64Array {
  if (keyStore.length < count) keyStore = new Float64Array(Math.max(count, keyStore.length * 2));
  return keyStore.subarray(0, count);
}

function sortRun(items: InvoiceState[], start: number, end: number): void {
  const run = items.slice(start, end).sort(compareNumber);
  for (let i = 0; i < run.length; i++) items[start + i] = run[i];
}

/**
 * The first item in FIFO order whose trimmed invoice number is `ref` (already trimmed). A scan:
 * a customer's payments name few invoices, and a map of every number would cost more.
 */
function findByNumber(items: readonly InvoiceState[], ref: string): InvoiceState | undefined {
  for (const state of items) {
    const number = state.invoice.invoiceNo;
    // Only a longer number with a space (or a non-ASCII character) at an edge can trim to ref.
    if (number === ref || (number.length > ref.length && mayTrim(number) && number.trim() === ref)) return state;
  }
  return undefined;
}

/** Whether a text may start or end with white space (ASCII controls and space, or any non-ASCII). */
function mayTrim(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 32 || first >= 127 || last <= 32 || last >= 127;
}

/** Above this many named payments in one account, a map of invoice numbers beats scanning. */
const SCAN_LIMIT = 8;

/** Undated cash first (it was there before any as-of date), then by date; stable otherwise. */
function comparePool(a: PoolEntry, b: PoolEntry): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return -1;
  if (b.date === null) return 1;
  return a.date - b.date;
}

/** A prepayment settles a later invoice on the invoice's date, never before it existed. */
function applicationDate(cashDate: DayNumber | null, invoiceDate: DayNumber | null): DayNumber | null {
  if (cashDate === null || invoiceDate === null) return cashDate;
  return cashDate > invoiceDate ? cashDate : invoiceDate;
}

/**
 * No applications yet. Shared and frozen: most invoices of a large ledger never get one, and a
 * million empty arrays cost the collector more than the rest of the application.
 */
const NO_APPLICATIONS = Object.freeze([]) as unknown as Application[];

/** Records an application; the first one replaces the shared empty list with the item's own. */
function record(state: InvoiceState, application: Application): void {
  if (state.applications === NO_APPLICATIONS) state.applications = [application];
  else state.applications.push(application);
}

/**
 * Applies up to `available` to one open item and returns what is left of it.
 * The state is one this module created, so updating it in place mutates no caller data.
 */
function applyTo(state: InvoiceState, available: Decimal, date: DayNumber | null, kind: Application["kind"]): Decimal {
  const comparison = available.cmp(state.outstanding);
  const on = applicationDate(date, state.invoice.invoiceDate);
  if (comparison >= 0) {
    const applied = state.outstanding;
    record(state, { date: on, amount: applied, kind });
    state.outstanding = ZERO;
    state.settledOn = on;
    return comparison === 0 ? ZERO : available.minus(applied);
  }
  record(state, { date: on, amount: available, kind });
  state.outstanding = state.outstanding.minus(available);
  return ZERO;
}

/**
 * Applies an invoice's received column (undated cash, before anything else) to its fresh state and
 * returns the excess, if any. In whole fen on integers; Decimal for amounts with more decimals.
 */
function applyReceived(state: InvoiceState, received: Decimal): Decimal {
  const amountFen = fenOf(state.outstanding);
  const receivedFen = fenOf(received);
  if (Number.isNaN(amountFen) || Number.isNaN(receivedFen)) return applyTo(state, received, null, "received");
  if (receivedFen < amountFen) {
    state.applications = [{ date: null, amount: received, kind: "received" }];
    state.outstanding = decimalFromFen(amountFen - receivedFen);
    return ZERO;
  }
  state.applications = [{ date: null, amount: state.outstanding, kind: "received" }];
  state.outstanding = ZERO;
  return receivedFen === amountFen ? ZERO : decimalFromFen(receivedFen - amountFen);
}

/** Applies one group's named payments and FIFO pool (credits, cash, excesses); pushes row errors. */
function applyGroup(
  group: Group,
  errors: RowError[],
  isLaterInvoice: (group: Group, invoiceNo: string) => boolean,
): { items: InvoiceState[]; unappliedCredit: Decimal } {
  const { items, pool } = group;
  sortFifo(items);

  let byNumber: Map<string, InvoiceState> | null = null;
  let named = 0;
  let prepaid = ZERO;
  for (const payment of group.payments) {
    const ref = payment.invoiceRef === undefined ? "" : payment.invoiceRef.trim();
    if (ref === "") {
      pool.push({ date: payment.date, amount: payment.amount, kind: "payment" });
      continue;
    }
    named++;
    if (byNumber === null && named > SCAN_LIMIT) {
      byNumber = new Map();
      // The first in FIFO order wins when a number repeats, so a duplicate cannot take cash twice.
      for (const state of items) {
        const number = state.invoice.invoiceNo.trim();
        if (!byNumber.has(number)) byNumber.set(number, state);
      }
    }
    const target = byNumber === null ? findByNumber(items, ref) : byNumber.get(ref);
    if (target === undefined) {
      // A prepayment for an invoice issued after the as-of date: held as credit for that invoice,
      // so an older invoice does not look paid today and unpaid again once the new one exists.
      if (isLaterInvoice(group, ref)) {
        prepaid = prepaid.plus(payment.amount);
        continue;
      }
      errors.push({
        sheet: payment.source?.sheet ?? "",
        row: payment.source?.row ?? 0,
        column: payment.source?.column ?? "",
        message: `Invoice ${quote(ref)} of ${quote(group.customer)} (${group.currency}) was not found; the payment was applied FIFO to the oldest open invoices`,
        code: "payment.invoiceNotFound",
      });
      pool.push({ date: payment.date, amount: payment.amount, kind: "payment" });
      continue;
    }
    const left = payment.amount.isPositive() && !target.outstanding.isZero()
      ? applyTo(target, payment.amount, payment.date, "payment")
      : payment.amount;
    if (!left.isZero()) pool.push({ date: payment.date, amount: left, kind: "payment" });
  }
  pool.sort(comparePool);

  let unappliedCredit = prepaid;
  let next = 0;
  for (const entry of pool) {
    let available = entry.amount;
    // A negative payment (a refund) gives credit back instead of settling anything.
    if (available.isPositive()) {
      while (!available.isZero() && next < items.length) {
        const state = items[next];
        if (state.outstanding.isZero()) {
          next++;
          continue;
        }
        available = applyTo(state, available, entry.date, entry.kind);
      }
    }
    if (!available.isZero()) unappliedCredit = unappliedCredit.plus(available);
  }
  return { items, unappliedCredit };
}

/**
 * Rebuilds every customer account as of a date. Invoices dated after `asOf` and payments dated
 * after it are ignored (undated payments count); zero-amount invoices are ignored, but cash in
 * their received column is applied FIFO like unapplied cash; credit notes
 * (negative amounts) and unapplied cash settle open items FIFO by (due date, invoice date,
 * invoice number), dated cash in date order after undated cash. A payment naming an invoice the
 * customer does not have becomes a row error and is applied FIFO; one naming an invoice issued
 * after `asOf` is held as unapplied credit. Inputs are not modified.
 * @param ledger invoices, payments and customer master data, as read from the workbook
 * @param asOf the report date (a DayNumber)
 * @param policy supplies the currency of rows that name none
 * @returns one account per customer and currency, sorted by customer then currency, plus row errors
 * @example
 * // invoices A-1 1,000 (due 2026-01-10) and A-2 500 (due 2026-02-10); an unapplied payment of 1,200
 * applyLedger(ledger, fromYmd(2026, 3, 1), DEFAULT_POLICY).accounts[0].items.map((s) => s.outstanding.toFixed(2))
 * // → ["0.00", "300.00"]; unappliedCredit "0"
 */
export function applyLedger(ledger: Ledger, asOf: DayNumber, policy: Policy): AppliedLedger {
  const groupsByName = new Map<string, Map<string, Group>>();
  // Raw spellings map to the trimmed name's groups, so the trim runs once per spelling, not per row.
  const groupsByRaw = new Map<string, Map<string, Group>>();
  const groups: Group[] = [];

  // Rows of one customer usually come together: the last group is checked before the maps.
  let lastCustomer: string | null = null;
  let lastCurrency: string | undefined;
  let lastGroup: Group | null = null;
  const groupFor = (rawCustomer: string, rawCurrency: string | undefined): Group => {
    if (rawCustomer === lastCustomer && rawCurrency === lastCurrency && lastGroup !== null) return lastGroup;
    let byCurrency = groupsByRaw.get(rawCustomer);
    if (byCurrency === undefined) {
      const name = rawCustomer.trim();
      byCurrency = groupsByName.get(name);
      if (byCurrency === undefined) {
        byCurrency = new Map();
        groupsByName.set(name, byCurrency);
      }
      groupsByRaw.set(rawCustomer, byCurrency);
    }
    const currency = rawCurrency ? rawCurrency : policy.currency;
    let group = byCurrency.get(currency);
    if (group === undefined) {
      group = { customer: rawCustomer.trim(), currency, items: [], pool: [], payments: [] };
      byCurrency.set(currency, group);
      groups.push(group);
    }
    lastCustomer = rawCustomer;
    lastCurrency = rawCurrency;
    lastGroup = group;
    return group;
  };

  for (const invoice of ledger.invoices) {
    if (invoice.invoiceDate !== null && invoice.invoiceDate > asOf) continue;
    if (invoice.amount.isZero()) {
      // Cash received on a zero-amount row is still the customer's cash: it goes to the FIFO pool.
      const received = invoice.received;
      if (received.isPositive() && !received.isZero()) {
        groupFor(invoice.customer, invoice.currency).pool.push({ date: null, amount: received, kind: "received" });
      }
      continue;
    }
    const group = groupFor(invoice.customer, invoice.currency);
    if (invoice.amount.isNegative()) {
      group.pool.push({ date: invoice.invoiceDate, amount: invoice.amount.negated(), kind: "credit" });
      continue;
    }
    // The state is made in the same pass that reads the row: a million rows are read once.
    const state: InvoiceState = { invoice, outstanding: invoice.amount, applications: NO_APPLICATIONS, settledOn: null };
    const received = invoice.received;
    if (received.isPositive() && !received.isZero()) {
      const excess = applyReceived(state, received);
      if (!excess.isZero()) group.pool.push({ date: null, amount: excess, kind: "received" });
    }
    group.items.push(state);
  }
  for (const payment of ledger.payments) {
    if (payment.date !== null && payment.date > asOf) continue;
    if (payment.amount.isZero()) continue;
    groupFor(payment.customer, payment.currency).payments.push(payment);
  }

  const infoByName = new Map<string, CustomerInfo>();
  for (const info of ledger.customers) {
    const name = info.name.trim();
    if (!infoByName.has(name)) infoByName.set(name, info);
  }

  groups.sort((a, b) =>
    a.customer !== b.customer ? (a.customer < b.customer ? -1 : 1) : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0,
  );
  // Built only when a payment names an invoice not found, which is rare.
  let laterInvoices: Set<string> | null = null;
  const isLaterInvoice = (group: Group, invoiceNo: string): boolean => {
    if (laterInvoices === null) {
      laterInvoices = new Set();
      for (const invoice of ledger.invoices) {
        if (invoice.invoiceDate === null || invoice.invoiceDate <= asOf) continue;
        const currency = invoice.currency ? invoice.currency : policy.currency;
        laterInvoices.add(`${invoice.customer.trim()}\u0000${currency}\u0000${invoice.invoiceNo.trim()}`);
      }
    }
    return laterInvoices.has(`${group.customer}\u0000${group.currency}\u0000${invoiceNo}`);
  };
  const errors: RowError[] = [];
  const accounts: CustomerAccount[] = new Array(groups.length);
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i];
    const { items, unappliedCredit } = applyGroup(group, errors, isLaterInvoice);
    const account: CustomerAccount = { customer: group.customer, currency: group.currency, items, unappliedCredit };
    const info = infoByName.get(group.customer);
    if (info !== undefined) account.info = info;
    accounts[i] = account;
  }
  // Errors come out group by group; the user reads them in sheet and row order.
  errors.sort((a, b) => (a.sheet !== b.sheet ? (a.sheet < b.sheet ? -1 : 1) : a.row - b.row));
  return { asOf, accounts, errors };
}
