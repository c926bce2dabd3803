/**
 * The shared vocabulary of the rules module. Every other layer (functions, workbook, jobs,
 * task pane, command line) speaks in these types. Pure data: no classes with behaviour here.
 */
import type { Decimal } from "./decimal";
import type { Minor } from "./money";

/** Languages of headers, letters and UI. zh-CN is the default. */
export type Lang = "zh-CN" | "zh-TW" | "en";

/**
 * A calendar date as a whole number of days since 1899-12-30 (proleptic Gregorian).
 * For dates from 1900-03-01 on this equals the Excel 1900-system serial; conversions to and
 * from either Excel date system live in dates.ts. Differences of two DayNumbers are days.
 */
export type DayNumber = number;

/** Excel's two workbook date systems. */
export type DateSystem = "1900" | "1904";

/** Field order for ambiguous text dates such as 03/04/2026; null refuses them. */
export type DateOrder = "YMD" | "DMY" | "MDY";

/** Where a value came from, so a problem can be shown on the cell. Row is 1-based, column a letter. */
export interface SourceRef {
  sheet: string;
  row: number;
  column?: string;
}

/**
 * The values a message names: texts as typed, numbers, lists of row numbers or of allowed values.
 * Never words of a language: those are chosen where the message is shown (src/i18n/messages).
 */
export type MessageParamValues = Readonly<Record<string, string | number | readonly number[] | readonly string[]>>;

/** What became of a row with a problem: dropped, or read with the cell taken as blank. */
export type RowOutcome = "rowSkipped" | "readAsBlank";

/**
 * A problem found in the data: one per bad cell or row. Never thrown; collected. It carries a code
 * and the values its message names; `rowErrorText(error, lang)` in src/i18n/messages gives the words.
 */
export interface RowError {
  sheet: string;
  /** 1-based, as Excel numbers it. */
  row: number;
  /** Column letter; "" when the problem has no column. */
  column: string;
  /** The column's header as written in the sheet, when the column is a mapped one. */
  header?: string;
  /** Stable machine code, e.g. "date.noSuchMonth", "amount.invalid", "invoice.duplicate". */
  code: string;
  /** The values the message names (see the code's parameter type). */
  params: MessageParamValues;
  /** Set when the problem changed how the row was read; absent for notices. */
  outcome?: RowOutcome;
}

export type Grade = "A" | "B" | "C" | "D";

/**
 * An invoice (positive amount) or a credit note (negative amount). Every amount of a ledger is a
 * count of the ledger's minor unit (Ledger.scale).
 */
export interface Invoice {
  customer: string;
  invoiceNo: string;
  invoiceDate: DayNumber | null;
  dueDate: DayNumber;
  amount: Minor;
  /** Received column on the invoice row (no date): applied to this invoice first; 0 when none. */
  received: Minor;
  currency: string;
  salesperson?: string;
  region?: string;
  disputed: boolean;
  /**
   * Where it was read: the sheet, and the row (1-based, as Excel numbers it). SourceRef's fields,
   * held flat: a ledger holds up to a million invoices, and an object of its own for each was a
   * million more for every collection of the heap to mark.
   */
  sheet?: string;
  row?: number;
}

/**
 * How a receipt came in (POLICY §11, cash ratio): cash (现金) and wire (电汇) are cash; a bank
 * acceptance bill (承兑汇票) and an electronic bank bill (电子银行票据) are bills.
 */
export type PaymentMethod = "cash" | "wire" | "acceptanceBill" | "eBill";

/** A receipt. Names the invoice it settles, or is unapplied (FIFO). */
export interface Payment {
  customer: string;
  /** null when the ledger gives no date: such a payment is taken as received before any as-of date. */
  date: DayNumber | null;
  amount: Minor;
  currency: string;
  invoiceRef?: string;
  /** How it was paid, when the payments table has a method column. */
  method?: PaymentMethod;
  source?: SourceRef;
}

/** Customer master data (all optional but the name). */
export interface CustomerInfo {
  name: string;
  fixedLimit?: Minor;
  temporaryLimit?: Minor;
  gradeOverride?: Grade;
  paymentTermDays?: number;
  contact?: string;
  email?: string;
  address?: string;
  salesperson?: string;
  region?: string;
  source?: SourceRef;
}

/** A promise to pay (回款承诺). Broken when its date has passed without the amount received. */
export interface PaymentPromise {
  customer: string;
  promisedDate: DayNumber;
  amount: Minor;
  currency: string;
  /** The day the promise was made; payments from then on count towards it. */
  madeOn?: DayNumber;
  /** The invoice the promise is for, when it names one (a log row may): it is covered first. */
  invoiceNo?: string;
  /** The row it was read from (a promises table row or a collection-log row). */
  source?: SourceRef;
}

/** How a contact was made (催收方式, POLICY §12). */
export type ContactChannel = "phone" | "email" | "sms" | "visit" | "demandLetter" | "lawyerLetter" | "other";

/** What a contact came to (结果, POLICY §12). */
export type ContactOutcome = "promised" | "refused" | "disputed" | "noAnswer" | "paid" | "other";

/**
 * One row of the collection log (催收记录, POLICY §12): a contact with a customer. A row with a
 * promised date and amount is a promise to pay made on the contact's date.
 */
export interface LogEntry {
  date: DayNumber;
  customer: string;
  channel: ContactChannel;
  /** The currency of the promised amount (the policy's when none). */
  currency: string;
  invoiceNo?: string;
  collector?: string;
  /** The person contacted at the customer. */
  contact?: string;
  outcome?: ContactOutcome;
  promisedDate?: DayNumber;
  promisedAmount?: Minor;
  nextAction?: DayNumber;
  note?: string;
  source?: SourceRef;
}

export interface Ledger {
  /**
   * Decimal places of the ledger's minor unit: every amount in it counts units of 10^−scale. 2 (the
   * fen) unless some amount has more decimals; never below 2.
   */
  scale: number;
  invoices: Invoice[];
  payments: Payment[];
  customers: CustomerInfo[];
  promises?: PaymentPromise[];
  /** The collection log, oldest first as the table holds it. */
  log?: LogEntry[];
}

/** One application of cash or credit to an invoice; date null when undated (received column). */
export interface Application {
  date: DayNumber | null;
  amount: Minor;
  kind: "received" | "payment" | "credit";
}

/** An invoice after every payment and credit dated on or before the as-of date was applied. */
export interface InvoiceState {
  invoice: Invoice;
  /** amount − applications, never below zero. */
  outstanding: Minor;
  applications: Application[];
  /** The day its balance reached zero (null when still open or settled by undated cash). */
  settledOn: DayNumber | null;
}

/** Everything for one customer in one currency: currencies are never added together. */
export interface CustomerAccount {
  customer: string;
  currency: string;
  info?: CustomerInfo;
  /** Positive invoices only, in FIFO order (due date, invoice date, invoice number). */
  items: InvoiceState[];
  /** Cash and credit notes left over after every open item is settled. */
  unappliedCredit: Minor;
  /**
   * The latest date of an invoice, credit note or payment of the account on or before the as-of
   * date (its last business, for the write-off test); absent when none of them is dated.
   */
  lastActivity?: DayNumber;
}

/** Result of applying a ledger as of a date. */
export interface AppliedLedger {
  asOf: DayNumber;
  /** The ledger's scale: amounts count units of 10^−scale. */
  scale: number;
  accounts: CustomerAccount[];
  errors: RowError[];
}

/**
 * A late-payment event (逾期付款1次, POLICY §4), for credit grade and limit cuts: one event, however
 * many invoices it covers.
 */
export interface LateEvent {
  /** The first invoice it covers in FIFO order; "" for a broken promise. */
  invoiceNo: string;
  /** How many invoices it covers (0 for a broken promise). */
  invoiceCount: number;
  /** Settlement day for invoices paid late; the as-of day for those still open past due; promise date for a broken promise. */
  date: DayNumber;
  kind: "paidLate" | "openOverdue" | "brokenPromise";
}

export type StopReason = "overdueMonths" | "overdueTotal" | "overLimit" | "gradeD";

/** Identifier of an escalation stage; the ladder itself is policy data. */
export type StageId = string;

/** One open invoice as shown in the aging detail. */
export interface AgedItem {
  state: InvoiceState;
  daysOverdue: number;
  /** Days counted on the policy's basis (due date or invoice date). */
  ageDays: number;
  bucket: number;
  /** Late interest owed on it, rounded to the fen. */
  interest: Minor;
}

/** The complete picture of one customer account on the as-of date. */
export interface CustomerReport {
  customer: string;
  currency: string;
  info?: CustomerInfo;
  items: AgedItem[];
  /** One amount per policy bucket; they add up to `outstanding` exactly. */
  buckets: Minor[];
  outstanding: Minor;
  overdue: Minor;
  unappliedCredit: Minor;
  /**
   * Late interest owed: Σ per-invoice interest over every non-disputed invoice, open or settled
   * (interest accrued before an invoice was paid stays owed, POLICY §6).
   */
  interest: Minor;
  /** The part of `interest` accrued on invoices already settled (not in `items`): `interest` − this = Σ `items[].interest`. */
  settledInterest: Minor;
  maxDaysOverdue: number;
  computedGrade: Grade;
  grade: Grade;
  lateEvents: LateEvent[];
  fixedLimit: Minor;
  /** The temporary limit as it counts: at most the policy's share of the fixed limit (50 %, POLICY §4). */
  temporaryLimit: Minor;
  effectiveLimit: Minor;
  /**
   * Whether the customers table gives this customer a fixed limit (0 typed by finance is a limit:
   * cash only). Without one no limit is set: never over limit, no excess, no % used.
   */
  limitSet: boolean;
  overLimit: boolean;
  /** outstanding − effective limit when over, else 0. */
  excess: Minor;
  /** (outstanding − unapplied credit) ÷ effective limit × 100, exact (a ratio, not an amount); null without a limit or when it is 0. */
  limitUsedPct: Decimal | null;
  strictlyControlled: boolean;
  stopShipping: boolean;
  reasons: StopReason[];
  stage: StageId | null;
  provision: Minor;
  /** Overdue more than a year and no invoice or payment for a year (POLICY §14, seed 001 第五章). */
  writeOffCandidate: boolean;
  /** The account's latest invoice, credit note or payment day (CustomerAccount.lastActivity). */
  lastActivity?: DayNumber;
  /**
   * The customer's salesperson (业务员), as every view names it (owners.ts customerOwners): the
   * customers table's, else the latest invoice's that names one; absent when none does.
   */
  salesperson?: string;
}

export interface Report {
  asOf: DayNumber;
  /** The ledger's scale: every amount of the report counts units of 10^−scale. */
  scale: number;
  customers: CustomerReport[];
  errors: RowError[];
}
