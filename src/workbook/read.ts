/**
 * Reading the ledgers people really have into a Ledger with row errors: headers found under
 * titles, in three languages; blank, total and note rows skipped; every bad cell reported with
 * its sheet, row and column; a row with a bad amount, date or customer dropped, never guessed.
 * Single pass per table with regexes compiled once, for 100,000+ rows. Pure: works on WorkbookData.
 */
import { addDays } from "../rules/dates";
import { decimalFromFen, fenOfNumber } from "../rules/fen";
import type { Decimal } from "../rules/money";
import { ZERO } from "../rules/money";
import type { Policy } from "../rules/policy-types";
import type { CustomerInfo, DateOrder, DateSystem, DayNumber, Invoice, Ledger, Payment, PaymentPromise, RowError } from "../rules/types";
import type { CellValue, SheetData, WorkbookData } from "./adapter-types";
import { fieldLabel, REQUIRED_FIELDS } from "./headers";
import type { Field, TableKind, TakenColumn } from "./headers";
import { describeNotFound, bestHeaderCandidate, findTable, otherInvoiceTables } from "./locate";
import type { LocatedTable } from "./locate";
import { parseAmountWithCurrency, parseCurrency, parseDateCell, parseFlag, parseGrade, parseInteger, parseText, serialDay } from "./parse";
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
/** A total row's label anywhere in a text: 合计 / 小计 / 总计 (and zh-TW), 共计. */
export const CJK_TOTAL = /合\s*计|小\s*计|总\s*计|合\s*計|小\s*計|總\s*計|共\s*计/;
/** A cell that is only "Total", "Subtotal", "Grand total:", "Total (CNY)"… — not "Total Logistics Ltd". */
export const ENGLISH_TOTAL = /^\s*(?:grand\s+)?(?:sub[-\s]?)?totals?(?:\s+amount)?\s*[:：]?\s*(?:[(（].*[)）])?\s*$/i;

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

/** JavaScript's \s: a total row's English label may start with any of these. */
function isJsSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) || code === 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * Whether a text marks a total row: CJK_TOTAL anywhere, or ENGLISH_TOTAL for 30 characters or
 * fewer. The regexes run only on texts that could match: CJK_TOTAL needs 计 or 計, and
 * ENGLISH_TOTAL starts with spaces or g / s / t in either case (grand, sub, total).
 * @param value a non-empty text cell
 * @returns true for a total label
 */
export function isTotalText(value: string): boolean {
  const length = value.length;
  const first = value.charCodeAt(0) | 0x20;
  if (length <= 30 && (first === 0x67 || first === 0x73 || first === 0x74 || isJsSpace(value.charCodeAt(0))) && ENGLISH_TOTAL.test(value)) return true;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x8ba1 || code === 0x8a08) return CJK_TOTAL.test(value);
  }
  return false;
}

const NO_CELLS: readonly CellValue[] = [];

/** One data row of a located table, with helpers that report problems on its cells. */
class RowReader {
  line: readonly CellValue[] = NO_CELLS;
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
    this.line = this.sheet.rows[row - this.sheet.firstRow] ?? NO_CELLS;
    this.failed = false;
  }

  has(field: Field): boolean {
    return this.table.columns[field] !== undefined;
  }

  /**
   * Where a field's cells are in a row of `sheet.rows`, for `valueAt`; -1 when not mapped.
   * @param field a field of the table
   * @returns the offset, or -1
   */
  offset(field: Field): number {
    const col = this.table.columns[field];
    return col === undefined ? -1 : col - this.sheet.firstCol;
  }

  /** The current row's cell at an offset from `offset()`: null when unmapped or outside the row. */
  valueAt(offset: number): CellValue {
    if (offset < 0) return null;
    const value = this.line[offset];
    return value === undefined ? null : value;
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

  /** `take(field, parseText(cell))`, without the detour for text and blank cells. */
  text(field: Field, cell: CellValue): string | null | undefined {
    if (typeof cell === "string") {
      const text = cell.trim();
      return text === "" ? null : text;
    }
    if (cell === null) return null;
    return this.take(field, parseText(cell));
  }

  /** `take(field, parseAmountWithCurrency(cell))`, without the detour for plain number cells. */
  amount(field: Field, cell: CellValue): ParsedAmount | undefined {
    if (typeof cell === "number") {
      const fen = fenOfNumber(cell);
      if (fen === fen) return { amount: decimalFromFen(fen) };
    }
    return this.take(field, parseAmountWithCurrency(cell));
  }

  /** `take(field, parseDateCell(cell, …))`, without the detour for serial number cells. */
  date(field: Field, cell: CellValue, system: DateSystem, order: DateOrder | null): DayNumber | undefined {
    if (typeof cell === "number") {
      const day = serialDay(cell, system);
      if (day === day) return day;
    }
    return this.take(field, parseDateCell(cell, system, order));
  }

  /** Optional text (salesperson, region, contact…): an Excel error is reported and read as blank. */
  optionalText(field: Field, cell: CellValue = this.cell(field)): string | undefined {
    if (typeof cell === "string") {
      const text = cell.trim();
      return text === "" ? undefined : text;
    }
    if (cell === null) return undefined;
    const parsed = parseText(cell);
    if (parsed.error !== undefined) {
      this.report(field, `${parsed.error}; read as blank`, parsed.code, false);
      return undefined;
    }
    return parsed.ok ?? undefined;
  }

  isBlank(): boolean {
    const line = this.line;
    for (const offset of this.offsets) {
      const value = line[offset];
      if (value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "")) return false;
    }
    return true;
  }

  /** A total or subtotal row: 合计 / 小计 / 总计 (and zh-TW) anywhere in a text cell, or a cell that is just "Total". */
  isTotal(): boolean {
    const line = this.line;
    for (let i = 0; i < line.length; i++) {
      const value = line[i];
      if (typeof value === "string" && value !== "" && isTotalText(value)) return true;
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
 * The first row of each invoice number of each customer. Invoice numbers compare like names:
 * width, spacing and case do not matter ("INV-1" = "ｉｎｖ-1"): printable ASCII without spaces is
 * its own key, lower-cased, anything else is normalised (normalizeText). The rows are found as if
 * keyed by `${customerKey}\u0000${invoiceKey}`, but without building a text per row: entries are
 * chained by a hash of the invoice key, which for plain numbers is computed from the number as
 * typed (their lower-cased key is made only when a hash repeats). A key holding a \u0000 keeps the
 * joined text itself as its key, as joined texts of different pairs with one may coincide (and
 * never coincide with those of pairs without, which hold exactly one \u0000).
 * Exported for tests.
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

function firstOrSet(map: Map<string, number>, key: string, row: number): number | undefined {
  const first = map.get(key);
  if (first === undefined) map.set(key, row);
  return first;
}

/** A customer spelling of the invoices table, looked up once per row. */
interface Spelling {
  key: string;
  /** Whether the key holds a \u0000 (see InvoiceRows). */
  keyHasNul: boolean;
  /** names.displayName(spelling), once asked (it never changes after). */
  display: string | undefined;
}

function readInvoices(table: LocatedTable, ctx: Context, customers: CustomerInfo[]): InvoiceRead {
  const { policy, names } = ctx;
  const system = ctx.workbook.dateSystem;
  const order = policy.dateOrder;
  const sheet = ctx.workbook.sheets[table.sheetIndex];
  const reader = new RowReader(sheet, table, ctx.sink);
  const termOf = new Map<string, number>();
  for (const info of customers) if (info.paymentTermDays !== undefined) termOf.set(names.key(info.name), info.paymentTermDays);
  const firstRows = new InvoiceRows();
  const spellings = new Map<string, Spelling>();
  const invoices: Invoice[] = [];
  const stats: ReadStats = { invoiceRows: 0, skippedRows: 0, totalRows: 0 };
  const hasNumber = reader.has("invoiceNo");
  const hasDueDate = reader.has("dueDate");
  const at = {
    customer: reader.offset("customer"),
    amount: reader.offset("amount"),
    invoiceNo: reader.offset("invoiceNo"),
    received: reader.offset("received"),
    invoiceDate: reader.offset("invoiceDate"),
    dueDate: reader.offset("dueDate"),
    paymentTermDays: reader.offset("paymentTermDays"),
    disputed: reader.offset("disputed"),
    salesperson: reader.offset("salesperson"),
    region: reader.offset("region"),
    currency: reader.offset("currency"),
  };
  const sheetName = sheet.name;

  for (let row = table.dataRows.start; row < table.dataRows.end; row++) {
    reader.at(row);
    if (reader.isBlank()) continue;
    stats.totalRows++;
    const customerCell = reader.valueAt(at.customer);
    const amountCell = reader.valueAt(at.amount);
    const numberCell = reader.valueAt(at.invoiceNo);
    if (reader.isTotal() || (isEmpty(customerCell) && isEmpty(amountCell) && isEmpty(numberCell))) {
      stats.skippedRows++;
      continue;
    }

    const customer = reader.text("customer", customerCell);
    if (customer === null) reader.report("customer", "customer is blank", "customer.blank");
    const parsedAmount = reader.amount("amount", amountCell);
    const currency = readCurrency(reader, parsedAmount, policy.currency, reader.valueAt(at.currency));
    let received: Decimal = ZERO;
    const receivedCell = reader.valueAt(at.received);
    if (!isEmpty(receivedCell)) {
      const parsedReceived = reader.amount("received", receivedCell);
      if (parsedReceived && !agrees(parsedReceived, currency)) {
        reader.report("received", `the amount received is written in ${parsedReceived.currency} but the invoice is in ${currency}`, "currency.mismatch");
      }
      received = parsedReceived?.amount ?? ZERO;
    }

    let invoiceDate: DayNumber | null = null;
    const invoiceDateCell = reader.valueAt(at.invoiceDate);
    if (!isEmpty(invoiceDateCell)) invoiceDate = reader.date("invoiceDate", invoiceDateCell, system, order) ?? null;
    let dueDate: DayNumber | undefined;
    let term: number | undefined;
    const termCell = reader.valueAt(at.paymentTermDays);
    if (!isEmpty(termCell)) term = reader.take("paymentTermDays", parseInteger(termCell));
    const disputedCell = reader.valueAt(at.disputed);
    const disputed = disputedCell === null ? false : (reader.take("disputed", parseFlag(disputedCell)) ?? false);
    const salesperson = reader.optionalText("salesperson", reader.valueAt(at.salesperson));
    const region = reader.optionalText("region", reader.valueAt(at.region));

    let spelling: Spelling | undefined;
    if (customer) {
      spelling = spellings.get(customer);
      if (spelling === undefined) {
        const key = names.key(customer);
        spelling = { key, keyHasNul: key.includes("\u0000"), display: undefined };
        spellings.set(customer, spelling);
      }
    }
    const dueDateCell = reader.valueAt(at.dueDate);
    if (!isEmpty(dueDateCell)) {
      dueDate = reader.date("dueDate", dueDateCell, system, order);
    } else if (!reader.failed) {
      const days = term ?? (spelling ? termOf.get(spelling.key) : undefined);
      if (invoiceDate === null) {
        reader.report(hasDueDate ? "dueDate" : "invoiceDate", "no due date and no invoice date", "dueDate.missing");
      } else if (days === undefined) {
        reader.report(hasDueDate ? "dueDate" : "invoiceDate", "no due date and no payment term (add one to the row or the customers table)", "dueDate.noTerm");
      } else {
        dueDate = addDays(invoiceDate, days);
      }
    }

    let invoiceNo: string | undefined;
    const numberText = hasNumber ? reader.text("invoiceNo", numberCell) : null;
    if (numberText !== undefined) invoiceNo = numberText ?? `row ${row + 1}`;

    if (reader.failed || !customer || !parsedAmount || dueDate === undefined || invoiceNo === undefined || spelling === undefined) {
      stats.skippedRows++;
      continue;
    }
    if (hasNumber && numberText === null) {
      reader.report("invoiceNo", `invoice number is blank; read as "${invoiceNo}"`, "invoice.noNumber", false);
    }
    const display = (spelling.display ??= names.displayName(customer));
    if (typeof numberText === "string") {
      const first = firstRows.firstOr(spelling.key, spelling.keyHasNul, numberText, row + 1);
      if (first !== undefined) {
        reader.report("invoiceNo", `invoice "${numberText}" of ${display} appears again; first on row ${first}`, "invoice.duplicate");
        stats.skippedRows++;
        continue;
      }
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
      source: { sheet: sheetName, row: row + 1 },
    };
    if (salesperson !== undefined) invoice.salesperson = salesperson;
    if (region !== undefined) invoice.region = region;
    invoices.push(invoice);
    stats.invoiceRows++;
  }
  return { invoices, stats };
}

function isEmpty(cell: CellValue): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/**
 * The row's currency: the currency column, else the code or sign written with the amount, else
 * the policy's. A column that disagrees with the amount's code or sign drops the row ("$50" in a
 * CNY row is never 50 yuan); a bare $ or ¥ agrees with any currency written with it.
 */
function readCurrency(reader: RowReader, amount: ParsedAmount | undefined, fallback: string, cell: CellValue = reader.cell("currency")): string {
  const fromAmount = amount?.currency;
  if (isEmpty(cell)) return fromAmount ?? fallback;
  const currency = reader.take("currency", parseCurrency(cell, fallback));
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
