/**
 * Reading a workbook into a Ledger with row errors: finds the tables, has each read by its own
 * module (read/invoices, customers, payments, promises, log), and chooses the ledger's scale. Amounts
 * are read at scale 2 (the fen); when some amount has more decimals, the tables are read again at
 * that scale (the cells are in memory), so every amount of the ledger is exact at one scale.
 */
import { FEN_SCALE } from "../rules/money";
import type { Policy } from "../rules/policy-types";
import type { Lang, Ledger, RowError } from "../rules/types";
import type { WorkbookData } from "./adapter-types";
import { fieldLabel, REQUIRED_FIELDS } from "./headers";
import type { Field, TableKind, TakenColumn } from "./headers";
import { bestHeaderCandidate, describeNotFound, findTable, otherInvoiceTables } from "./locate";
import type { LocatedTable } from "./locate";
import type { ReadContext } from "./read/context";
import { readCustomers } from "./read/customers";
import { hiddenRowNotices } from "./read/hidden-rows";
import { readInvoices } from "./read/invoices";
import type { ReadStats } from "./read/invoices";
import { LedgerScale } from "./read/ledger-scale";
import { readPayments } from "./read/payments";
import { readLog } from "./read/log";
import { readPromises } from "./read/promises";
import { DEFAULT_MAX_ERRORS, RowErrorList } from "./read/row-error-list";
import { resolveSettings } from "./settings";
import type { ColumnMapping, ResolvedSettings } from "./settings";
import { columnLetter, CustomerNames } from "./text";

export type { ReadStats } from "./read/invoices";
export { DEFAULT_MAX_ERRORS } from "./read/row-error-list";

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
   * @param lang the language of the message (English by default; the jobs ask in the user's)
   * @example new LedgerNotFoundError(workbook, "zh-CN").message // "找不到发票表。最接近的是工作表…"
   */
  constructor(workbook: WorkbookData, lang: Lang = "en") {
    super(describeNotFound(workbook, "invoices", lang));
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
  /** The collection log (催收记录). */
  log: TableReport | null;
}

/** Options of `readLedger`. */
export interface ReadLedgerOptions {
  /** Remembered column mapping per table (field → header text); wins over the workbook's own. */
  mapping?: ColumnMapping;
  /** At most this many errors are listed (default DEFAULT_MAX_ERRORS, 1000); one more entry counts the rest. */
  maxErrors?: number;
  /** The language of a LedgerNotFoundError's message (English by default). */
  lang?: Lang;
}

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

/** The tables found: the invoices table always, the others when the workbook has them. */
interface Tables {
  invoices: LocatedTable;
  customers: LocatedTable | null;
  payments: LocatedTable | null;
  promises: LocatedTable | null;
  log: LocatedTable | null;
  /** Rows taken by these tables, where no further table is looked for. */
  taken: { sheet: string; fromRow: number; toRow: number }[];
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

function locateTables(workbook: WorkbookData, mapping: ColumnMapping, lang: Lang): Tables {
  const invoices = findTable(workbook, "invoices", { mapping: mapping.invoices });
  if (!invoices) throw new LedgerNotFoundError(workbook, lang);
  const taken = [{ sheet: invoices.sheet, fromRow: invoices.headerRow, toRow: invoices.dataRows.end }];
  const locate = (kind: TableKind): LocatedTable | null => {
    const table = findTable(workbook, kind, { mapping: mapping[kind], exclude: taken });
    if (table) taken.push({ sheet: table.sheet, fromRow: table.headerRow, toRow: table.dataRows.end });
    return table;
  };
  const customers = locate("customers");
  const payments = locate("payments");
  const promises = locate("promises");
  const log = locate("log");
  return { invoices, customers, payments, promises, log, taken };
}

/** One error at the header of each further invoices table: its rows are not read (nor misread as payments). */
function secondInvoiceTables(workbook: WorkbookData, tables: Tables): RowError[] {
  return otherInvoiceTables(workbook, tables.taken).map((other) => ({
    sheet: other.sheet,
    row: other.headerRow + 1,
    column: columnLetter(other.firstCol),
    code: "table.secondInvoices",
    params: { sheet: tables.invoices.sheet, headerRow: tables.invoices.headerRow + 1 },
  }));
}

/** One reading of every table at one scale; `finest` is the most decimals an amount read has. */
interface TablesRead {
  ledger: Ledger;
  errors: RowError[];
  stats: ReadStats;
  finest: number;
}

/**
 * Where a sheet's rows have arrived: the sheet row (0-based) before which every row of the sheet
 * at that index is there.
 */
export type ArrivedRows = (sheetIndex: number) => number;

/** Every row is there. */
const EVERY_ROW: ArrivedRows = () => Infinity;

/**
 * Runs a reading to its end: with every row there, it never pauses.
 * @param steps the reading
 * @returns what it read
 * @example runToEnd(readInvoices(table, context, [], () => Infinity)).invoices
 */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * One reading of every table at one scale, the invoices table's rows as they arrive (it pauses
 * at the first that has not); the other tables are read once the invoices are.
 */
function* readTables(workbook: WorkbookData, policy: Policy, tables: Tables, maxErrors: number, scale: number, arrived: ArrivedRows): Generator<void, TablesRead, void> {
  const context: ReadContext = { workbook, policy, errors: new RowErrorList(maxErrors), names: new CustomerNames(), amounts: new LedgerScale(scale) };
  for (const error of secondInvoiceTables(workbook, tables)) context.errors.add(error);
  const customers = tables.customers ? readCustomers(tables.customers, context) : [];
  const invoicesSheet = tables.invoices.sheetIndex;
  const { invoices, stats, known } = yield* readInvoices(tables.invoices, context, customers, () => arrived(invoicesSheet));
  const payments = tables.payments ? readPayments(tables.payments, context, known) : [];
  const ledger: Ledger = { scale, invoices, payments, customers };
  if (tables.promises) ledger.promises = readPromises(tables.promises, context, known);
  if (tables.log) ledger.log = readLog(tables.log, context, known, singleCurrencies(invoices, context));
  const errors = context.errors.finish({ sheet: tables.invoices.sheet, row: tables.invoices.headerRow + 1 });
  return { ledger, errors, stats, finest: context.amounts.finest };
}

/** Customer key → the one currency of its invoices; customers with invoices in several currencies are left out. */
function singleCurrencies(invoices: Ledger["invoices"], context: ReadContext): Map<string, string> {
  const currencies = new Map<string, string>();
  const several = new Set<string>();
  for (const invoice of invoices) {
    const key = context.names.key(invoice.customer);
    const currency = invoice.currency || context.policy.currency;
    const seen = currencies.get(key);
    if (seen === undefined && !several.has(key)) currencies.set(key, currency);
    else if (seen !== undefined && seen !== currency) {
      currencies.delete(key);
      several.add(key);
    }
  }
  return currencies;
}

/**
 * Reads the ledger from a workbook: finds the invoices table (required) and the customers,
 * payments, promises and collection-log tables (optional, on any sheet), maps their headers, and
 * reads every row.
 * The workbook's own settings (settings sheet / store) overlay `policy`; the result's
 * `settings.policy` is the one to use. The ledger's scale is 2 unless some amount has more
 * decimals (up to 20), then that many, every amount exact at it. Blank rows are skipped; total
 * rows (合计 / 小计 / Total…) and note rows are skipped and counted; a row with a bad customer,
 * amount, date or flag, a negative payment or received amount, or a repeated invoice number of
 * the same customer is dropped with a RowError (code and values) naming its sheet, row and column.
 * A blank due date is the invoice date plus the row's payment term, else the customer table's. A
 * second invoices table is not read (one error at its header says so). Hidden and filtered rows
 * are read like the others and listed in one notice per sheet. Names that differ only by spaces,
 * width or case are one customer, shown under the first spelling (customers table first).
 * @param workbook the workbook's values
 * @param policy the policy to start from (the workbook's settings overlay it)
 * @param options remembered column mapping; how many errors to list
 * @returns ledger, row errors, notices, the mapping report, the resolved settings and counts
 * @throws LedgerNotFoundError when no sheet holds an invoices table
 * @example
 * // sheet "应收台账": 客户 | 发票号 | 到期日 | 金额 ; ACME | INV-1 | 2026-03-31 | ¥1,234.50
 * readLedger(workbook, DEFAULT_POLICY).ledger // { scale: 2, invoices: [{ customer: "ACME", amount: 123450, … }], … }
 */
export function readLedger(workbook: WorkbookData, policy: Policy, options: ReadLedgerOptions = {}): ReadLedgerResult {
  return LedgerReading.begin(workbook, policy, options).finish(workbook);
}

/** The tables located, invoices first, each null when absent. */
function inOrder({ invoices, customers, payments, promises, log }: Tables): (LocatedTable | null)[] {
  return [invoices, customers, payments, promises, log];
}

/** Where a table is and how its columns map, to tell whether two locations of it agree. */
function tableKey(table: LocatedTable | null): string {
  return table === null ? "" : JSON.stringify([table.sheetIndex, table.tableName, table.headerRow, table.firstCol, table.columns, table.dataRows]);
}

/**
 * A reading of the ledger (see `readLedger`) that may begin before every row has arrived: the
 * settings resolved and the tables located from the rows that decide them (read-early.ts says
 * when those are there), then the invoice rows read as they arrive, the rest once all have.
 * @example
 * const reading = LedgerReading.begin(workbook, DEFAULT_POLICY, {}, (sheet) => rowsIn[sheet]);
 * reading.advance(); // after each block of rows
 * reading.finish(workbook); // once every row has arrived
 */
export class LedgerReading {
  /** The reading of the tables, once it has ended. */
  private read: TablesRead | undefined;
  /** Every row has arrived. */
  private complete = false;

  private readonly steps: Generator<void, TablesRead, void>;
  /** Begun before every row had arrived: the tables are located again at the end, to be sure. */
  private readonly early: boolean;

  private constructor(
    workbook: WorkbookData,
    private readonly policy: Policy,
    private readonly options: ReadLedgerOptions,
    private readonly settings: ResolvedSettings,
    private readonly mapping: ColumnMapping,
    private readonly tables: Tables,
    arrived: ArrivedRows | undefined,
  ) {
    this.early = arrived !== undefined;
    const rowsIn: ArrivedRows = arrived === undefined ? EVERY_ROW : (sheet) => (this.complete ? Infinity : arrived(sheet));
    this.steps = readTables(workbook, settings.policy, tables, options.maxErrors ?? DEFAULT_MAX_ERRORS, FEN_SCALE, rowsIn);
  }

  /**
   * Begins a reading: resolves the settings and locates the tables.
   * @param workbook the workbook (its rows as far as they have arrived: `arrived`)
   * @param policy the policy to start from (the workbook's settings overlay it)
   * @param options remembered column mapping; how many errors to list; the language of messages
   * @param arrived where each sheet's rows have arrived (every row by default)
   * @returns the reading, which has read no row yet
   * @throws LedgerNotFoundError when no sheet holds an invoices table
   */
  static begin(workbook: WorkbookData, policy: Policy, options: ReadLedgerOptions = {}, arrived?: ArrivedRows): LedgerReading {
    const settings = resolveSettings(workbook, policy);
    const mapping: ColumnMapping = { ...settings.mapping };
    for (const [kind, fields] of Object.entries(options.mapping ?? {}) as [TableKind, Record<string, string>][]) {
      mapping[kind] = { ...(mapping[kind] ?? {}), ...fields };
    }
    return new LedgerReading(workbook, policy, options, settings, mapping, locateTables(workbook, mapping, options.lang ?? "en"), arrived);
  }

  /** The tables located, each null when absent (the invoices table always there). */
  get located(): readonly (LocatedTable | null)[] {
    return inOrder(this.tables);
  }

  /** Reads on as far as the rows have arrived. */
  advance(): void {
    if (this.read !== undefined) return;
    const step = this.steps.next();
    if (step.done) this.read = step.value;
  }

  /**
   * Ends the reading once every row has arrived.
   * @param workbook the workbook, every row there
   * @returns what readLedger returns
   */
  finish(workbook: WorkbookData): ReadLedgerResult {
    this.complete = true;
    const { tables, settings, options } = this;
    if (this.early) {
      const located = this.located;
      const same = inOrder(locateTables(workbook, this.mapping, options.lang ?? "en")).every((table, index) => tableKey(table) === tableKey(located[index]));
      if (!same) return LedgerReading.begin(workbook, this.policy, options).finish(workbook);
    }
    const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
    let read = this.read ?? runToEnd(this.steps);
    if (read.finest > FEN_SCALE) read = runToEnd(readTables(workbook, settings.policy, tables, maxErrors, read.finest, EVERY_ROW));
    const found = this.located.filter((table): table is LocatedTable => table !== null);
    return {
      ledger: read.ledger,
      errors: read.errors,
      notices: hiddenRowNotices(workbook, found),
      mapping: {
        invoices: tableReport(tables.invoices),
        customers: tables.customers ? tableReport(tables.customers) : null,
        payments: tables.payments ? tableReport(tables.payments) : null,
        promises: tables.promises ? tableReport(tables.promises) : null,
        log: tables.log ? tableReport(tables.log) : null,
      },
      settings,
      stats: read.stats,
    };
  }
}
