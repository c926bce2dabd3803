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
  Invoice,
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
  /**
   * Positive invoices settled in full by their own received column, when the caller asked for open
   * items only (buildReport): kept for payments that name them, in input order, with no state.
   */
  settled: Invoice[];
  /**
   * The trimmed invoice numbers the group's payments name (read before the invoices), or null when
   * none does; a settled invoice is set aside only when one of them may be its number.
   */
  named: string[] | null;
  /** Credit notes and received-column excesses, waiting for FIFO. */
  pool: PoolEntry[];
  payments: Payment[];
}

/** Orders open items first-in-first-out: due date, then invoice date (undated first), then number. */
function compareFifo(a: InvoiceState, b: InvoiceState): number {
  return compareInvoices(a.invoice, b.invoice);
}

/** compareFifo on the invoices themselves. */
function compareInvoices(ia: Invoice, ib: Invoice): number {
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

/** Whether an invoice's number, trimmed, is `ref` (already trimmed). */
function numberIs(invoice: Invoice, ref: string): boolean {
  const number = invoice.invoiceNo;
  // Only a longer number with a space (or a non-ASCII character) at an edge can trim to ref.
  return number === ref || (number.length > ref.length && mayTrim(number) && number.trim() === ref);
}

/**
 * What a payment naming an invoice finds: the first item in FIFO order whose trimmed number
 * matches, or an invoice its received column settled in full (left out of the items: nothing more
 * can be applied to it), or nothing.
 */
type Target = InvoiceState | Invoice | undefined;

function isState(target: InvoiceState | Invoice): target is InvoiceState {
  return (target as InvoiceState).invoice !== undefined;
}

/**
 * Of two invoices with the same number, the one a FIFO sort of every item puts first (the sort is
 * stable, so equal keys keep ledger order).
 */
function firstInFifo(settled: Invoice, state: InvoiceState, positions: LedgerPositions): Invoice | InvoiceState {
  const order = compareInvoices(settled, state.invoice);
  if (order !== 0) return order < 0 ? settled : state;
  // Equal keys (a repeated number with equal dates, rare): ledger order decides.
  return positions.of(settled) < positions.of(state.invoice) ? settled : state;
}

/** The position of each invoice in the ledger, indexed on first use (only equal FIFO keys ask). */
class LedgerPositions {
  private index: Map<Invoice, number> | null = null;

  constructor(private readonly invoices: readonly Invoice[]) {}

  of(invoice: Invoice): number {
    if (this.index === null) {
      this.index = new Map();
      for (let i = 0; i < this.invoices.length; i++) {
        if (!this.index.has(this.invoices[i])) this.index.set(this.invoices[i], i);
      }
    }
    return this.index.get(invoice) ?? -1;
  }
}

/**
 * The first invoice in FIFO order whose trimmed invoice number is `ref` (already trimmed). A scan:
 * a customer's payments name few invoices, and a map of every number would cost more.
 */
function findByNumber(group: Group, ref: string, positions: LedgerPositions): Target {
  let found: Target;
  for (const state of group.items) {
    if (numberIs(state.invoice, ref)) {
      found = state;
      break;
    }
  }
  for (const invoice of group.settled) {
    if (!numberIs(invoice, ref)) continue;
    if (found === undefined) found = invoice;
    else if (isState(found)) found = firstInFifo(invoice, found, positions);
    // Two settled invoices: the earlier in ledger order is kept unless the later sorts first.
    else if (compareInvoices(invoice, found) < 0) found = invoice;
  }
  return found;
}

/** Every trimmed number of a group to its first invoice in FIFO order (as findByNumber). */
function numberMap(group: Group, positions: LedgerPositions): Map<string, InvoiceState | Invoice> {
  const byNumber = new Map<string, InvoiceState | Invoice>();
  // The first in FIFO order wins when a number repeats, so a duplicate cannot take cash twice.
  for (const state of group.items) {
    const number = state.invoice.invoiceNo.trim();
    if (!byNumber.has(number)) byNumber.set(number, state);
  }
  for (const invoice of group.settled) {
    const number = invoice.invoiceNo.trim();
    const found = byNumber.get(number);
    if (found === undefined) byNumber.set(number, invoice);
    else if (isState(found)) byNumber.set(number, firstInFifo(invoice, found, positions));
    else if (compareInvoices(invoice, found) < 0) byNumber.set(number, invoice);
  }
  return byNumber;
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

/**
 * An invoice state as applyLedger makes it: `outstanding` and `applications` are the properties of
 * InvoiceState, as accessors. An invoice partly paid by its received column keeps its outstanding
 * in whole fen, and its one application (the received column's) unmade, until either is first read:
 * a report of a million invoices shows few of them, and each Decimal or array made costs the
 * collector. What is read is always the same value, made once (`toJSON` gives the plain shape).
 */
export class LedgerState implements InvoiceState {
  settledOn: DayNumber | null = null;
  /**
   * The outstanding in whole fen when known (always while outstandingAmount is null), else null.
   * Null first in every state: a field that has held null keeps small numbers unboxed and never
   * changes layout, where a field of numbers only would box every one once a large one came.
   */
  outstandingFen: number | null = null;
  invoice: Invoice;
  /** The outstanding, or null until made from `outstandingFen`. */
  outstandingAmount: Decimal | null;
  /** The applications, or null while the only one is the received column's, not yet made. */
  applicationList: Application[] | null;

  constructor(invoice: Invoice, outstanding: Decimal | null, outstandingFen: number | null, applications: Application[] | null) {
    this.invoice = invoice;
    this.outstandingAmount = outstanding;
    this.outstandingFen = outstandingFen;
    this.applicationList = applications;
  }

  get outstanding(): Decimal {
    const amount = this.outstandingAmount;
    if (amount !== null) return amount;
    const made = decimalFromFen(this.outstandingFen as number);
    this.outstandingAmount = made;
    return made;
  }

  set outstanding(amount: Decimal) {
    this.outstandingAmount = amount;
    this.outstandingFen = null;
  }

  get applications(): Application[] {
    const list = this.applicationList;
    if (list !== null) return list;
    const made: Application[] = [{ date: null, amount: this.invoice.received, kind: "received" }];
    this.applicationList = made;
    return made;
  }

  set applications(list: Application[]) {
    this.applicationList = list;
  }

  toJSON(): InvoiceState {
    return { invoice: this.invoice, outstanding: this.outstanding, applications: this.applications, settledOn: this.settledOn };
  }
}

/**
 * The outstanding of a state in whole fen, read from a LedgerState's own figure when it has one
 * (no Decimal made, none read).
 * @param state any invoice state
 * @returns fenOf(state.outstanding): NaN when not whole fen or too large
 */
export function outstandingFenOf(state: InvoiceState): number {
  if (state instanceof LedgerState) {
    const fen = state.outstandingFen;
    if (fen !== null) return fen;
  }
  const outstanding = state.outstanding;
  return outstanding === ZERO ? 0 : fenOf(outstanding);
}

/**
 * The applications of a state that may carry a date, without making the received column's
 * application a LedgerState has not made yet (it is undated: it accrues no interest).
 * @param state any invoice state
 * @returns state.applications, or an empty list standing for the one undated application
 */
export function datedApplicationsOf(state: InvoiceState): readonly Application[] {
  if (state instanceof LedgerState && state.applicationList === null) return NO_APPLICATIONS;
  return state.applications;
}

/** Records an application; the first one replaces the shared empty list with the item's own. */
function record(state: InvoiceState, application: Application): void {
  if (state.applications === NO_APPLICATIONS) state.applications = [application];
  else state.applications.push(application);
}

/**
 * Applies up to `available` (> 0) to one open item and returns what is left of it.
 * The state is one this module created, so updating it in place mutates no caller data.
 * In whole fen on integers when both amounts have them (the new outstanding is then made when
 * first read); in Decimal otherwise.
 */
function applyTo(state: LedgerState, available: Decimal, date: DayNumber | null, kind: Application["kind"]): Decimal {
  const on = applicationDate(date, state.invoice.invoiceDate);
  const outstandingFen = outstandingFenOf(state);
  const availableFen = fenOf(available);
  if (!Number.isNaN(outstandingFen) && !Number.isNaN(availableFen)) {
    if (availableFen >= outstandingFen) {
      record(state, { date: on, amount: state.outstanding, kind });
      state.outstanding = ZERO;
      state.outstandingFen = 0;
      state.settledOn = on;
      return availableFen === outstandingFen ? ZERO : decimalFromFen(availableFen - outstandingFen);
    }
    record(state, { date: on, amount: available, kind });
    state.outstandingAmount = null;
    state.outstandingFen = outstandingFen - availableFen;
    return ZERO;
  }
  const comparison = available.cmp(state.outstanding);
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

/** Applies one group's named payments and FIFO pool (credits, cash, excesses); pushes row errors. */
function applyGroup(
  group: Group,
  errors: RowError[],
  later: LaterInvoices,
  positions: LedgerPositions,
): { items: InvoiceState[]; unappliedCredit: Decimal } {
  const { items, pool, payments } = group;
  sortFifo(items);

  let byNumber: Map<string, InvoiceState | Invoice> | null = null;
  let named = 0;
  let prepaid = ZERO;
  for (let p = 0; p < payments.length; p++) {
    const payment = payments[p];
    const ref = payment.invoiceRef === undefined ? "" : payment.invoiceRef.trim();
    if (ref === "") {
      pool.push({ date: payment.date, amount: payment.amount, kind: "payment" });
      continue;
    }
    named++;
    if (byNumber === null && named > SCAN_LIMIT) byNumber = numberMap(group, positions);
    const target = byNumber === null ? findByNumber(group, ref, positions) : byNumber.get(ref);
    if (target === undefined) {
      // A prepayment for an invoice issued after the as-of date: held as credit for that invoice,
      // so an older invoice does not look paid today and unpaid again once the new one exists.
      if (later.has(group, ref)) {
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
    // An invoice settled by its received column (no state) takes nothing more, as a settled item.
    const left = isState(target) && payment.amount.isPositive() && outstandingFenOf(target) !== 0
      ? applyTo(target as LedgerState, payment.amount, payment.date, "payment")
      : payment.amount;
    if (!left.isZero()) pool.push({ date: payment.date, amount: left, kind: "payment" });
  }
  pool.sort(comparePool);

  let unappliedCredit = prepaid;
  let next = 0;
  for (let p = 0; p < pool.length; p++) {
    const entry = pool[p];
    let available = entry.amount;
    // A negative payment (a refund) gives credit back instead of settling anything.
    if (available.isPositive()) {
      while (!available.isZero() && next < items.length) {
        const state = items[next] as LedgerState;
        // Zero exactly when its fen are 0 (an outstanding not in whole fen is never zero).
        if (outstandingFenOf(state) === 0) {
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
  return applyLedgerItems(ledger, asOf, policy, true);
}

/**
 * applyLedger for a report, which shows open items only: an invoice settled in full by its own
 * received column (most invoices of a large ledger) gets no InvoiceState and is left out of its
 * account's items. Such an item has no dated application and no settlement day, so it carries no
 * aging, interest or late event: every figure of the report is the same (property-tested).
 * @param ledger invoices, payments and customer master data
 * @param asOf the report date
 * @param policy supplies the currency of rows that name none
 * @returns the accounts of applyLedger without the items settled by their received column
 */
export function applyLedgerForReport(ledger: Ledger, asOf: DayNumber, policy: Policy): AppliedLedger {
  return applyLedgerItems(ledger, asOf, policy, false);
}

/**
 * The groups of a ledger by customer (trimmed) and currency (the policy's when none), made as rows
 * are read. Rows of one customer usually come together: the last group is checked before the maps.
 */
class Groups {
  readonly list: Group[] = [];
  private readonly byName = new Map<string, Map<string, Group>>();
  // Raw spellings map to the trimmed name's groups, so the trim runs once per spelling, not per row.
  private readonly byRaw = new Map<string, Map<string, Group>>();
  // Strings from the start (lastGroup null says there is none yet): optimised code that compares
  // strings is not thrown away on the first row of the next ledger.
  private lastCustomer = "";
  private lastCurrency: string | undefined = "";
  private lastGroup: Group | null = null;

  constructor(private readonly defaultCurrency: string) {}

  of(rawCustomer: string, rawCurrency: string | undefined): Group {
    if (rawCustomer === this.lastCustomer && rawCurrency === this.lastCurrency && this.lastGroup !== null) return this.lastGroup;
    let byCurrency = this.byRaw.get(rawCustomer);
    if (byCurrency === undefined) {
      const name = rawCustomer.trim();
      byCurrency = this.byName.get(name);
      if (byCurrency === undefined) {
        byCurrency = new Map();
        this.byName.set(name, byCurrency);
      }
      this.byRaw.set(rawCustomer, byCurrency);
    }
    const currency = rawCurrency ? rawCurrency : this.defaultCurrency;
    let group = byCurrency.get(currency);
    if (group === undefined) {
      group = { customer: rawCustomer.trim(), currency, items: [], settled: [], named: null, pool: [], payments: [] };
      byCurrency.set(currency, group);
      this.list.push(group);
    }
    this.lastCustomer = rawCustomer;
    this.lastCurrency = rawCurrency;
    this.lastGroup = group;
    return group;
  }
}

/** Invoices dated after the as-of date, asked about only when a payment names an invoice not found (rare). */
class LaterInvoices {
  readonly invoices: Invoice[] = [];
  private keys: Set<string> | null = null;

  constructor(private readonly defaultCurrency: string) {}

  /** Whether the group's customer has an invoice numbered `invoiceNo` (trimmed) issued after the as-of date. */
  has(group: Group, invoiceNo: string): boolean {
    if (this.keys === null) {
      this.keys = new Set();
      for (let i = 0; i < this.invoices.length; i++) {
        const invoice = this.invoices[i];
        const currency = invoice.currency ? invoice.currency : this.defaultCurrency;
        this.keys.add(`${invoice.customer.trim()}\u0000${currency}\u0000${invoice.invoiceNo.trim()}`);
      }
    }
    return this.keys.has(`${group.customer}\u0000${group.currency}\u0000${invoiceNo}`);
  }
}

/**
 * Reads invoices into their groups, one at a time: open items get their state with the received
 * column applied; credit notes, cash on zero-amount rows and received-column excesses go to the
 * FIFO pool; invoices dated after `asOf` are set aside. With `keepSettled` false, an invoice its own
 * received column settles gets no state (see applyLedgerForReport), and is kept only when a
 * payment may name it. Amounts in whole fen take integers; any other takes readDecimal.
 * One call per row (not one loop over the rows) so that the optimised code of `read` serves every
 * ledger, instead of a loop recompiled on each.
 */
class InvoiceReader {
  constructor(
    private readonly asOf: DayNumber,
    private readonly groups: Groups,
    private readonly later: LaterInvoices,
    private readonly keepSettled: boolean,
  ) {}

  read(invoice: Invoice): void {
    if (invoice.invoiceDate !== null && invoice.invoiceDate > this.asOf) {
      this.later.invoices.push(invoice);
      return;
    }
    const amountFen = fenOf(invoice.amount);
    const received = invoice.received;
    // Most rows have nothing received: the shared ZERO is known without reading its digits.
    const receivedFen = received === ZERO ? 0 : fenOf(received);
    if (Number.isNaN(amountFen) || Number.isNaN(receivedFen)) {
      this.readDecimal(invoice);
      return;
    }
    if (amountFen === 0) {
      // Cash received on a zero-amount row is still the customer's cash: it goes to the FIFO pool.
      if (receivedFen > 0) this.groups.of(invoice.customer, invoice.currency).pool.push({ date: null, amount: received, kind: "received" });
      return;
    }
    const group = this.groups.of(invoice.customer, invoice.currency);
    if (amountFen < 0) {
      group.pool.push({ date: invoice.invoiceDate, amount: invoice.amount.negated(), kind: "credit" });
      return;
    }
    if (receivedFen <= 0) {
      group.items.push(new LedgerState(invoice, invoice.amount, amountFen, NO_APPLICATIONS));
      return;
    }
    if (receivedFen < amountFen) {
      // Outstanding and the received column's application are made when first read.
      group.items.push(new LedgerState(invoice, null, amountFen - receivedFen, null));
      return;
    }
    if (receivedFen > amountFen) group.pool.push({ date: null, amount: decimalFromFen(receivedFen - amountFen), kind: "received" });
    if (this.keepSettled) {
      const applications: Application[] = [{ date: null, amount: invoice.amount, kind: "received" }];
      group.items.push(new LedgerState(invoice, ZERO, 0, applications));
    } else {
      this.setAside(group, invoice);
    }
  }

  /** read for a row whose amount or received column is not in whole fen, in Decimal. */
  private readDecimal(invoice: Invoice): void {
    if (invoice.amount.isZero()) {
      const received = invoice.received;
      if (received.isPositive() && !received.isZero()) {
        this.groups.of(invoice.customer, invoice.currency).pool.push({ date: null, amount: received, kind: "received" });
      }
      return;
    }
    const group = this.groups.of(invoice.customer, invoice.currency);
    if (invoice.amount.isNegative()) {
      group.pool.push({ date: invoice.invoiceDate, amount: invoice.amount.negated(), kind: "credit" });
      return;
    }
    const state = new LedgerState(invoice, invoice.amount, null, NO_APPLICATIONS);
    const received = invoice.received;
    if (received.isPositive() && !received.isZero()) {
      const excess = applyTo(state, received, null, "received");
      if (!excess.isZero()) group.pool.push({ date: null, amount: excess, kind: "received" });
      if (!this.keepSettled && state.outstanding === ZERO) {
        this.setAside(group, invoice);
        return;
      }
    }
    group.items.push(state);
  }

  /**
   * An invoice settled by its own received column, left out of the items: kept, with no state, only
   * when a payment of its group may name it (nothing else can reach it). Compared while the row is
   * at hand, against the few numbers the group's payments name.
   */
  private setAside(group: Group, invoice: Invoice): void {
    const named = group.named;
    if (named === null) return;
    if (named.length > SCAN_LIMIT) {
      group.settled.push(invoice);
      return;
    }
    for (let i = 0; i < named.length; i++) {
      if (numberIs(invoice, named[i])) {
        group.settled.push(invoice);
        return;
      }
    }
  }
}

/** The trimmed invoice numbers a group's payments name, or null when none does. */
function namedNumbers(payments: readonly Payment[]): string[] | null {
  let named: string[] | null = null;
  for (let i = 0; i < payments.length; i++) {
    const ref = payments[i].invoiceRef;
    const trimmed = ref === undefined ? "" : ref.trim();
    if (trimmed === "") continue;
    if (named === null) named = [trimmed];
    else named.push(trimmed);
  }
  return named;
}

function applyLedgerItems(ledger: Ledger, asOf: DayNumber, policy: Policy, keepSettled: boolean): AppliedLedger {
  const groups = new Groups(policy.currency);
  const later = new LaterInvoices(policy.currency);
  // Payments first, so that reading an invoice knows which numbers its group's payments name.
  const payments = ledger.payments;
  for (let i = 0; i < payments.length; i++) {
    const payment = payments[i];
    if (payment.date !== null && payment.date > asOf) continue;
    if (payment.amount.isZero()) continue;
    groups.of(payment.customer, payment.currency).payments.push(payment);
  }
  if (!keepSettled) {
    for (let i = 0; i < groups.list.length; i++) groups.list[i].named = namedNumbers(groups.list[i].payments);
  }
  const reader = new InvoiceReader(asOf, groups, later, keepSettled);
  const invoices = ledger.invoices;
  for (let i = 0; i < invoices.length; i++) reader.read(invoices[i]);

  const infoByName = new Map<string, CustomerInfo>();
  for (const info of ledger.customers) {
    const name = info.name.trim();
    if (!infoByName.has(name)) infoByName.set(name, info);
  }

  const list = groups.list;
  list.sort((a, b) =>
    a.customer !== b.customer ? (a.customer < b.customer ? -1 : 1) : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0,
  );
  const errors: RowError[] = [];
  const positions = new LedgerPositions(invoices);
  const accounts: CustomerAccount[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const group = list[i];
    const { items, unappliedCredit } = applyGroup(group, errors, later, positions);
    const account: CustomerAccount = { customer: group.customer, currency: group.currency, items, unappliedCredit };
    const info = infoByName.get(group.customer);
    if (info !== undefined) account.info = info;
    accounts[i] = account;
  }
  // Errors come out group by group; the user reads them in sheet and row order.
  errors.sort((a, b) => (a.sheet !== b.sheet ? (a.sheet < b.sheet ? -1 : 1) : a.row - b.row));
  return { asOf, accounts, errors };
}
