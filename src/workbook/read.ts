/**
 * Reading the ledgers people really have into a Ledger with row errors: headers found under
 * titles, in three languages; blank, total and note rows skipped; every bad cell reported with
 * its sheet, row and column; a row with a bad amount, date or customer dropped, never guessed.
 * Single pass per table with regexes compiled once, for 100,000+ rows. Pure: works on WorkbookData.
 */
import { addDays } from "../rules/dates";
import type { Decimal } from "../rules/money";
import { ZERO } from "../rules/money";
import type { Policy } from "../rules/policy-types";
import type { CustomerInfo, DayNumber, Invoice, Ledger, Payment, PaymentPromise, RowError } from "../rules/types";
import type { CellValue, SheetData, WorkbookData } from "./adapter-types";
import { fieldLabel, REQUIRED_FIELDS } from "./headers";
import type { Field, TableKind, TakenColumn } from "./headers";
import { describeNotFound, bestHeaderCandidate, findTable, otherInvoiceTables } from "./locate";
import type { LocatedTable } from "./locate";
import { parseAmountWithCurrency, parseCurrency, parseDateCell, parseFlag, parseGrade, parseInteger, parseText } from "./parse";
import type { Parsed, ParsedAmount } from "./parse";
import { resolveSettings } from "./settings";
import type { ColumnMapping, ResolvedSettings } from "./settings";
import { CustomerNames, columnLetter, normalizeText } from "./text";

/**
 * Errors listed before the rest are counted in one closing line.
 * @example DEFAULT_MAX_ERRORS // 1000
 */
export const DEFAULT_MAX_ERRORS = 1000;

const SKIPPED = "; row skipped";
const CJK_TOTAL = /合\s*计|小\s*计|总\s*计|合\s*計|小\s*計|總\s*計|共\s*计/;
/** A cell that is only "Total", "Subtotal", "Grand total:", "Total (CNY)"… — not "Total Logistics Ltd". */
const ENGLISH_TOTAL = /^\s*(?:grand\s+)?(?:sub[-\s]?)?totals?(?:\s+amount)?\s*[:：]?\s*(?:[(（].*[)）])?\s*$/i;

/**
 * Thrown when the workbook has no invoices table at all; the message says what was seen and sought.
 * @example
 * try { readLedger(workbook, DEFAULT_POLICY); } catch (e) { if (e instanceof LedgerNotFoundError) show(e.message); }
 */
export class LedgerNotFoundError extends Error {
  readonly code = "ledger.notFound";
  /** Headers of the row that looked most like a header, with its sheet and 1-based row. */
  readonly headersSeen: { sheet: string; row: number; headers: string[] } | null;
  /** The fields looked for, with example headers. */
  readonly expected: string[];

  /**
   * @param workbook the workbook searched
   * @example new LedgerNotFoundError(workbook).message // "No invoices table found. Best candidate: …"
   */
  constructor(workbook: WorkbookData) {
    super(describeNotFound(workbook, "invoices"));
    this.name = "LedgerNotFoundError";
    this.headersSeen = bestHeaderCandidate(workbook, "invoices");
    this.expected = [...REQUIRED_FIELDS.invoices, "dueDate", "invoiceDate"].map((field) => fieldLabel("invoices", field as Field));
  }
}

/** How one table was read: where it is and how its headers mapped. */
export interface TableReport {
  sheet: string;
  tableName?: string;
  /** Header row as Excel numbers it (1-based). */
  headerRow: number;
  taken: TakenColumn[];
  missing: Field[];
  warnings: string[];
  unknownHeaders: string[];
}

/** How every table was read; null for an optional table the workbook does not have. */
export interface MappingReport {
  invoices: TableReport;
  customers: TableReport | null;
  payments: TableReport | null;
  promises: TableReport | null;
}

/** Options of `readLedger`. */
export interface ReadLedgerOptions {
  /** Remembered column mapping per table (field → header text); wins over the workbook's own. */
  mapping?: ColumnMapping;
  /** At most this many errors are listed (default 1000); one more line counts the rest. */
  maxErrors?: number;
}

/** Counts of the invoices table. */
export interface ReadStats {
  /** Rows read as invoices or credit notes. */
  invoiceRows: number;
  /** Non-blank rows not read: totals, notes and rows with errors. */
  skippedRows: number;
  /** Non-blank rows under the header. */
  totalRows: number;
}

/**
 * Rows listed by number in a hidden-rows notice; more are counted, not listed.
 * @example HIDDEN_ROWS_LISTED // 10
 */
export const HIDDEN_ROWS_LISTED = 10;

/** Everything `readLedger` returns. */
export interface ReadLedgerResult {
  ledger: Ledger;
  errors: RowError[];
  /**
   * What the user should know although nothing is wrong with the figures: one "rows.hidden"
   * notice per sheet whose hidden or filtered data rows were read like the others.
   */
  notices: RowError[];
  mapping: MappingReport;
  settings: ResolvedSettings;
  stats: ReadStats;
}

/** Collects row errors up to a limit, counting the rest. */
class ErrorSink {
  readonly list: RowError[] = [];
  private overflow = 0;
  constructor(private readonly max: number) {}

  add(error: RowError): void {
    if (this.list.length < this.max) this.list.push(error);
    else this.overflow++;
  }

  finish(where: { sheet: string; row: number }): RowError[] {
    if (this.overflow > 0) {
      this.list.push({ ...where, column: "A", message: `${this.overflow} more problems not listed`, code: "errors.truncated" });
    }
    return this.list;
  }
}

/** One data row of a located table, with helpers that report problems on its cells. */
class RowReader {
  line: readonly CellValue[] = [];
  row = 0;
  failed = false;
  /** Mapped columns as offsets into a row of `sheet.rows`, computed once. */
  private readonly offsets: number[];

  constructor(
    private readonly sheet: SheetData,
    private readonly table: LocatedTable,
    private readonly sink: ErrorSink,
  ) {
    this.offsets = (Object.values(table.columns) as number[]).map((col) => col - sheet.firstCol);
  }

  at(row: number): void {
    this.row = row;
    this.line = this.sheet.rows[row - this.sheet.firstRow] ?? [];
    this.failed = false;
  }

  has(field: Field): boolean {
    return this.table.columns[field] !== undefined;
  }

  cell(field: Field): CellValue {
    const col = this.table.columns[field];
    if (col === undefined) return null;
    const value = this.line[col - this.sheet.firstCol];
    return value === undefined ? null : value;
  }

  letter(field: Field): string {
    const col = this.table.columns[field];
    return col === undefined ? "A" : columnLetter(col);
  }

  /** Reports a problem on a field's cell; `fatal` drops the row. */
  report(field: Field, message: string, code: string, fatal = true): void {
    if (fatal) this.failed = true;
    this.sink.add({ sheet: this.sheet.name, row: this.row + 1, column: this.letter(field), message: fatal ? message + SKIPPED : message, code });
  }

  /** A parsed value, or undefined after reporting its error (fatal). */
  take<T>(field: Field, parsed: Parsed<T>): T | undefined {
    if (parsed.error !== undefined) {
      this.report(field, parsed.error, parsed.code);
      return undefined;
    }
    return parsed.ok;
  }

  /** Optional text (salesperson, region, contact…): an Excel error is reported and read as blank. */
  optionalText(field: Field): string | undefined {
    const parsed = parseText(this.cell(field));
    if (parsed.error !== undefined) {
      this.report(field, `${parsed.error}; read as blank`, parsed.code, false);
      return undefined;
    }
    return parsed.ok ?? undefined;
  }

  isBlank(): boolean {
    for (const offset of this.offsets) {
      const value = this.line[offset];
      if (value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "")) return false;
    }
    return true;
  }

  /** A total or subtotal row: 合计 / 小计 / 总计 (and zh-TW) anywhere in a text cell, or a cell that is just "Total". */
  isTotal(): boolean {
    for (const value of this.line) {
      if (typeof value !== "string" || value === "") continue;
      if (CJK_TOTAL.test(value) || (value.length <= 30 && ENGLISH_TOTAL.test(value))) return true;
    }
    return false;
  }
}

function tableReport(table: LocatedTable): TableReport {
  const report: TableReport = {
    sheet: table.sheet,
    headerRow: table.headerRow + 1,
    taken: table.mapping.taken,
    missing: table.mapping.missing,
    warnings: table.mapping.warnings,
    unknownHeaders: table.mapping.unknownHeaders,
  };
  if (table.tableName !== undefined) report.tableName = table.tableName;
  return report;
}

interface Context {
  workbook: WorkbookData;
  policy: Policy;
  sink: ErrorSink;
  names: CustomerNames;
}

function optionalAmount(reader: RowReader, field: Field): Decimal | undefined {
  const cell = reader.cell(field);
  if (cell === null || (typeof cell === "string" && cell.trim() === "")) return undefined;
  return reader.take(field, parseAmountWithCurrency(cell))?.amount;
}

function readCustomers(table: LocatedTable, ctx: Context): CustomerInfo[] {
  const sheet = ctx.workbook.sheets[table.sheetIndex];
  const reader = new RowReader(sheet, table, ctx.sink);
  const customers: CustomerInfo[] = [];
  const firstRowOf = new Map<string, number>();
  for (let row = table.dataRows.start; row < table.dataRows.end; row++) {
    reader.at(row);
    if (reader.isBlank() || reader.isTotal()) continue;
    const name = reader.take("name", parseText(reader.cell("name")));
    if (name === null) {
      reader.report("name", "customer name is blank", "customer.blank");
      continue;
    }
    const info: CustomerInfo = { name: "", source: { sheet: sheet.name, row: row + 1 } };
    const fixedLimit = optionalAmount(reader, "fixedLimit");
    const temporaryLimit = optionalAmount(reader, "temporaryLimit");
    if (fixedLimit !== undefined) info.fixedLimit = fixedLimit;
    if (temporaryLimit !== undefined) info.temporaryLimit = temporaryLimit;
    const gradeCell = reader.cell("gradeOverride");
    if (gradeCell !== null && !(typeof gradeCell === "string" && gradeCell.trim() === "")) {
      const grade = reader.take("gradeOverride", parseGrade(gradeCell));
      if (grade) info.gradeOverride = grade;
    }
    const termCell = reader.cell("paymentTermDays");
    if (termCell !== null && !(typeof termCell === "string" && termCell.trim() === "")) {
      const term = reader.take("paymentTermDays", parseInteger(termCell));
      if (term !== undefined) info.paymentTermDays = term;
    }
    for (const field of ["contact", "email", "address", "salesperson", "region"] as const) {
      const text = reader.optionalText(field);
      if (text !== undefined) info[field] = text;
    }
    if (reader.failed || name === undefined) continue;
    const key = ctx.names.key(name);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      reader.report("name", `customer "${name}" appears again; first on row ${first}`, "customer.duplicate");
      continue;
    }
    firstRowOf.set(key, row + 1);
    info.name = ctx.names.displayName(name);
    customers.push(info);
  }
  return customers;
}

interface InvoiceRead {
  invoices: Invoice[];
  stats: ReadStats;
}

function readInvoices(table: LocatedTable, ctx: Context, customers: CustomerInfo[]): InvoiceRead {
  const { policy, names } = ctx;
  const system = ctx.workbook.dateSystem;
  const order = policy.dateOrder;
  const sheet = ctx.workbook.sheets[table.sheetIndex];
  const reader = new RowReader(sheet, table, ctx.sink);
  const termOf = new Map<string, number>();
  for (const info of customers) if (info.paymentTermDays !== undefined) termOf.set(names.key(info.name), info.paymentTermDays);
  const firstRowOf = new Map<string, number>();
  const invoices: Invoice[] = [];
  const stats: ReadStats = { invoiceRows: 0, skippedRows: 0, totalRows: 0 };
  const hasNumber = reader.has("invoiceNo");

  for (let row = table.dataRows.start; row < table.dataRows.end; row++) {
    reader.at(row);
    if (reader.isBlank()) continue;
    stats.totalRows++;
    const customerCell = reader.cell("customer");
    const amountCell = reader.cell("amount");
    const numberCell = reader.cell("invoiceNo");
    if (reader.isTotal() || (isEmpty(customerCell) && isEmpty(amountCell) && isEmpty(numberCell))) {
      stats.skippedRows++;
      continue;
    }

    const customer = reader.take("customer", parseText(customerCell));
    if (customer === null) reader.report("customer", "customer is blank", "customer.blank");
    const parsedAmount = reader.take("amount", parseAmountWithCurrency(amountCell));
    const currency = readCurrency(reader, parsedAmount, policy.currency);
    let received: Decimal = ZERO;
    if (!isEmpty(reader.cell("received"))) {
      const parsedReceived = reader.take("received", parseAmountWithCurrency(reader.cell("received")));
      if (parsedReceived && !agrees(parsedReceived, currency)) {
        reader.report("received", `the amount received is written in ${parsedReceived.currency} but the invoice is in ${currency}`, "currency.mismatch");
      }
      received = parsedReceived?.amount ?? ZERO;
    }

    let invoiceDate: DayNumber | null = null;
    if (!isEmpty(reader.cell("invoiceDate"))) invoiceDate = reader.take("invoiceDate", parseDateCell(reader.cell("invoiceDate"), system, order)) ?? null;
    let dueDate: DayNumber | undefined;
    let term: number | undefined;
    if (!isEmpty(reader.cell("paymentTermDays"))) term = reader.take("paymentTermDays", parseInteger(reader.cell("paymentTermDays")));
    const disputed = reader.take("disputed", parseFlag(reader.cell("disputed"))) ?? false;
    const salesperson = reader.optionalText("salesperson");
    const region = reader.optionalText("region");

    if (!isEmpty(reader.cell("dueDate"))) {
      dueDate = reader.take("dueDate", parseDateCell(reader.cell("dueDate"), system, order));
    } else if (!reader.failed) {
      const days = term ?? (customer ? termOf.get(names.key(customer)) : undefined);
      if (invoiceDate === null) {
        reader.report(reader.has("dueDate") ? "dueDate" : "invoiceDate", "no due date and no invoice date", "dueDate.missing");
      } else if (days === undefined) {
        reader.report(reader.has("dueDate") ? "dueDate" : "invoiceDate", "no due date and no payment term (add one to the row or the customers table)", "dueDate.noTerm");
      } else {
        dueDate = addDays(invoiceDate, days);
      }
    }

    let invoiceNo: string | undefined;
    const numberText = hasNumber ? reader.take("invoiceNo", parseText(numberCell)) : null;
    if (numberText !== undefined) invoiceNo = numberText ?? `row ${row + 1}`;

    if (reader.failed || !customer || !parsedAmount || dueDate === undefined || invoiceNo === undefined) {
      stats.skippedRows++;
      continue;
    }
    if (hasNumber && numberText === null) {
      reader.report("invoiceNo", `invoice number is blank; read as "${invoiceNo}"`, "invoice.noNumber", false);
    }
    const display = names.displayName(customer);
    if (typeof numberText === "string") {
      const key = `${names.key(customer)}\u0000${invoiceKey(numberText)}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        reader.report("invoiceNo", `invoice "${numberText}" of ${display} appears again; first on row ${first}`, "invoice.duplicate");
        stats.skippedRows++;
        continue;
      }
      firstRowOf.set(key, row + 1);
    }

    const invoice: Invoice = {
      customer: display,
      invoiceNo,
      invoiceDate,
      dueDate,
      amount: parsedAmount.amount,
      received,
      currency,
      disputed,
      source: { sheet: sheet.name, row: row + 1 },
    };
    if (salesperson !== undefined) invoice.salesperson = salesperson;
    if (region !== undefined) invoice.region = region;
    invoices.push(invoice);
    stats.invoiceRows++;
  }
  return { invoices, stats };
}

const PLAIN_ASCII = /^[\x21-\x7e]*$/;

/** Invoice numbers compare like names: width, spacing and case do not matter ("INV-1" = "ｉｎｖ-1"). */
function invoiceKey(invoiceNo: string): string {
  return PLAIN_ASCII.test(invoiceNo) ? invoiceNo.toLowerCase() : normalizeText(invoiceNo);
}

function isEmpty(cell: CellValue): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/**
 * The row's currency: the currency column, else the code or sign written with the amount, else
 * the policy's. A column that disagrees with the amount's code or sign drops the row ("$50" in a
 * CNY row is never 50 yuan); a bare $ or ¥ agrees with any currency written with it.
 */
function readCurrency(reader: RowReader, amount: ParsedAmount | undefined, fallback: string): string {
  const fromAmount = amount?.currency;
  if (!reader.has("currency") || isEmpty(reader.cell("currency"))) return fromAmount ?? fallback;
  const currency = reader.take("currency", parseCurrency(reader.cell("currency"), fallback));
  if (currency !== undefined && fromAmount !== undefined && !agrees(amount, currency)) {
    reader.report("amount", `the amount is written in ${fromAmount} but the currency column says ${currency}`, "currency.mismatch");
  }
  return currency ?? fallback;
}

function agrees(amount: ParsedAmount | undefined, currency: string): boolean {
  return amount?.currency === undefined || amount.currency === currency || (amount.signCurrencies?.includes(currency) ?? false);
}

function readPayments(table: LocatedTable, ctx: Context, known: Set<string>): Payment[] {
  const sheet = ctx.workbook.sheets[table.sheetIndex];
  const reader = new RowReader(sheet, table, ctx.sink);
  const payments: Payment[] = [];
  for (let row = table.dataRows.start; row < table.dataRows.end; row++) {
    reader.at(row);
    if (reader.isBlank() || reader.isTotal()) continue;
    const customer = reader.take("customer", parseText(reader.cell("customer")));
    if (customer === null) reader.report("customer", "customer is blank", "customer.blank");
    const amount = reader.take("amount", parseAmountWithCurrency(reader.cell("amount")));
    const currency = readCurrency(reader, amount, ctx.policy.currency);
    let date: DayNumber | null = null;
    if (!isEmpty(reader.cell("date"))) date = reader.take("date", parseDateCell(reader.cell("date"), ctx.workbook.dateSystem, ctx.policy.dateOrder)) ?? null;
    const invoiceRef = reader.take("invoiceRef", parseText(reader.cell("invoiceRef")));
    if (reader.failed || !customer || !amount) continue;
    if (!known.has(ctx.names.key(customer))) {
      reader.report("customer", `customer "${customer}" is not in the invoices table; payment not read`, "payment.unknownCustomer", false);
      continue;
    }
    const payment: Payment = { customer: ctx.names.displayName(customer), date, amount: amount.amount, currency, source: { sheet: sheet.name, row: row + 1 } };
    if (invoiceRef) payment.invoiceRef = invoiceRef;
    payments.push(payment);
  }
  return payments;
}

function readPromises(table: LocatedTable, ctx: Context, known: Set<string>): PaymentPromise[] {
  const sheet = ctx.workbook.sheets[table.sheetIndex];
  const reader = new RowReader(sheet, table, ctx.sink);
  const promises: PaymentPromise[] = [];
  const { dateSystem } = ctx.workbook;
  for (let row = table.dataRows.start; row < table.dataRows.end; row++) {
    reader.at(row);
    if (reader.isBlank() || reader.isTotal()) continue;
    const customer = reader.take("customer", parseText(reader.cell("customer")));
    if (customer === null) reader.report("customer", "customer is blank", "customer.blank");
    const promisedDate = reader.take("promisedDate", parseDateCell(reader.cell("promisedDate"), dateSystem, ctx.policy.dateOrder));
    const amount = reader.take("amount", parseAmountWithCurrency(reader.cell("amount")));
    const currency = readCurrency(reader, amount, ctx.policy.currency);
    let madeOn: DayNumber | undefined;
    if (!isEmpty(reader.cell("madeOn"))) madeOn = reader.take("madeOn", parseDateCell(reader.cell("madeOn"), dateSystem, ctx.policy.dateOrder));
    if (reader.failed || !customer || !amount || promisedDate === undefined) continue;
    if (!known.has(ctx.names.key(customer))) {
      reader.report("customer", `customer "${customer}" is not in the invoices table; promise not read`, "promise.unknownCustomer", false);
      continue;
    }
    const promise: PaymentPromise = { customer: ctx.names.displayName(customer), promisedDate, amount: amount.amount, currency };
    if (madeOn !== undefined) promise.madeOn = madeOn;
    promises.push(promise);
  }
  return promises;
}

/** One notice at the header of each further invoices table: its rows are not read (nor misread as payments). */
function secondInvoiceTables(workbook: WorkbookData, invoiceTable: LocatedTable, exclude: { sheet: string; fromRow: number; toRow: number }[]): RowError[] {
  return otherInvoiceTables(workbook, exclude).map((other) => ({
    sheet: other.sheet,
    row: other.headerRow + 1,
    column: columnLetter(other.firstCol),
    message: `a second invoices table was found here and not read; the invoices were read from sheet "${invoiceTable.sheet}" (header on row ${invoiceTable.headerRow + 1}). Move these rows into that table to include them`,
    code: "table.secondInvoices",
  }));
}

/**
 * One notice per sheet whose tables have hidden or filtered data rows (not blank, not totals):
 * they are data, so they are read like the others, and the user is told which they are.
 */
function hiddenRowNotices(workbook: WorkbookData, tables: LocatedTable[]): RowError[] {
  const rowsBySheet = new Map<string, number[]>();
  for (const table of tables) {
    const sheet = workbook.sheets[table.sheetIndex];
    if (!sheet.hiddenRows || sheet.hiddenRows.length === 0) continue;
    const reader = new RowReader(sheet, table, new ErrorSink(0));
    const rows = rowsBySheet.get(sheet.name) ?? [];
    for (const row of sheet.hiddenRows) {
      if (row < table.dataRows.start || row >= table.dataRows.end) continue;
      reader.at(row);
      if (!reader.isBlank() && !reader.isTotal()) rows.push(row + 1);
    }
    rowsBySheet.set(sheet.name, rows);
  }
  const notices: RowError[] = [];
  for (const [sheet, found] of rowsBySheet) {
    const rows = [...new Set(found)].sort((a, b) => a - b);
    if (rows.length === 0) continue;
    const listed = rows.slice(0, HIDDEN_ROWS_LISTED).join(", ") + (rows.length > HIDDEN_ROWS_LISTED ? ", …" : "");
    const message =
      rows.length === 1
        ? `1 hidden or filtered row was included in the figures (row ${listed})`
        : `${rows.length} hidden or filtered rows were included in the figures (rows ${listed})`;
    notices.push({ sheet, row: rows[0], column: "A", message, code: "rows.hidden" });
  }
  return notices;
}

/**
 * Reads the ledger from a workbook: finds the invoices table (required) and the customers,
 * payments and promises tables (optional, on any sheet), maps their headers, and reads every row.
 * The workbook's own settings (settings sheet / store) overlay `policy`; the result's
 * `settings.policy` is the one to use. Blank rows are skipped; total rows (合计 / 小计 / Total…)
 * and note rows are skipped and counted; a row with a bad customer, amount, date or flag is
 * dropped with a RowError naming its sheet, row and column ("…; row skipped"); a repeated invoice
 * number of the same customer is dropped naming the first row. A blank due date is the invoice
 * date plus the row's payment term, else the customer table's. A second invoices table is not
 * read (one error at its header says so). Hidden and filtered rows are read like the others and
 * listed in one notice per sheet. Names that differ only by spaces,
 * width or case are one customer, shown under the first spelling (customers table first).
 * @param workbook the workbook's values
 * @param policy the policy to start from (the workbook's settings overlay it)
 * @param options remembered column mapping; how many errors to list
 * @returns ledger, row errors, notices, the mapping report, the resolved settings and counts
 * @throws LedgerNotFoundError when no sheet holds an invoices table
 * @example
 * // sheet "应收台账": 客户 | 发票号 | 到期日 | 金额 ; ACME | INV-1 | 2026-03-31 | ¥1,234.50
 * readLedger(workbook, DEFAULT_POLICY).ledger.invoices[0].amount.toString() // "1234.5"
 */
export function readLedger(workbook: WorkbookData, policy: Policy, options: ReadLedgerOptions = {}): ReadLedgerResult {
  const settings = resolveSettings(workbook, policy);
  const mapping: ColumnMapping = { ...settings.mapping };
  for (const [kind, fields] of Object.entries(options.mapping ?? {}) as [TableKind, Record<string, string>][]) {
    mapping[kind] = { ...(mapping[kind] ?? {}), ...fields };
  }
  const invoiceTable = findTable(workbook, "invoices", { mapping: mapping.invoices });
  if (!invoiceTable) throw new LedgerNotFoundError(workbook);

  const exclude = [{ sheet: invoiceTable.sheet, fromRow: invoiceTable.headerRow, toRow: invoiceTable.dataRows.end }];
  const locate = (kind: TableKind): LocatedTable | null => {
    const table = findTable(workbook, kind, { mapping: mapping[kind], exclude });
    if (table) exclude.push({ sheet: table.sheet, fromRow: table.headerRow, toRow: table.dataRows.end });
    return table;
  };
  const customerTable = locate("customers");
  const paymentTable = locate("payments");
  const promiseTable = locate("promises");

  const ctx: Context = { workbook, policy: settings.policy, sink: new ErrorSink(options.maxErrors ?? DEFAULT_MAX_ERRORS), names: new CustomerNames() };
  for (const error of secondInvoiceTables(workbook, invoiceTable, exclude)) ctx.sink.add(error);
  const customers = customerTable ? readCustomers(customerTable, ctx) : [];
  const { invoices, stats } = readInvoices(invoiceTable, ctx, customers);
  const known = new Set(invoices.map((invoice) => ctx.names.key(invoice.customer)));
  const payments = paymentTable ? readPayments(paymentTable, ctx, known) : [];
  const promises = promiseTable ? readPromises(promiseTable, ctx, known) : [];

  const ledger: Ledger = { invoices, payments, customers };
  if (promiseTable) ledger.promises = promises;
  const read = [invoiceTable, customerTable, paymentTable, promiseTable].filter((table): table is LocatedTable => table !== null);
  return {
    ledger,
    errors: ctx.sink.finish({ sheet: invoiceTable.sheet, row: invoiceTable.headerRow + 1 }),
    notices: hiddenRowNotices(workbook, read),
    mapping: {
      invoices: tableReport(invoiceTable),
      customers: customerTable ? tableReport(customerTable) : null,
      payments: paymentTable ? tableReport(paymentTable) : null,
      promises: promiseTable ? tableReport(promiseTable) : null,
    },
    settings,
    stats,
  };
}
