/**
 * Finding a table in a workbook: an Excel table whose headers match, else the best header row in
 * the first 30 rows of each user sheet (titles, dates and blank rows above a header are common).
 * Pure: works on WorkbookData.
 */
import { notFoundText, OR_WORD } from "../i18n/not-found";
import type { Lang } from "../rules/types";
import type { CellValue, SheetData, WorkbookData } from "./adapter-types";
import { FIELD_SYNONYMS, fieldLabel, mapHeaders, REQUIRED_FIELDS } from "./headers";
import type { Field, HeaderMapping, TableKind } from "./headers";
import { cellAt, denseRow, isSettingsSheet, rowAt, rowCount, sheetEnd } from "./sheet-cells";
import { cellText, normalizeText } from "./text";

export { cellAt, isSettingsSheet, SETTINGS_SHEET_NAMES } from "./sheet-cells";

/**
 * Rows scanned from the top of each sheet for a header row.
 * @example HEADER_SCAN_ROWS // 30
 */
export const HEADER_SCAN_ROWS = 30;

const SHEET_HINTS: Record<TableKind, readonly string[]> = {
  invoices: ["应收", "應收", "发票", "發票", "invoice", "ar", "台账", "台帳", "台賬", "receivable"],
  customers: ["客户", "客戶", "customer", "client"],
  payments: ["回款", "收款", "payment", "receipt"],
  promises: ["承诺", "承諾", "promise"],
  log: ["催收", "联系记录", "聯絡記錄", "collection", "log"],
};

/** A table found in a sheet. Row and column indexes are 0-based sheet coordinates. */
export interface LocatedTable {
  kind: TableKind;
  sheet: string;
  /** Index of the sheet in workbook.sheets. */
  sheetIndex: number;
  /** The Excel table's name when the table is a ListObject. */
  tableName?: string;
  headerRow: number;
  firstCol: number;
  /** Field → 0-based sheet column. */
  columns: Partial<Record<Field, number>>;
  /** Data rows: from `start` (inclusive) to `end` (exclusive), 0-based sheet rows. */
  dataRows: { start: number; end: number };
  mapping: HeaderMapping;
}

/** Options of `findTable`. */
export interface FindTableOptions {
  /** User-remembered mapping for this kind: field → header text. */
  mapping?: Record<string, string>;
  /** Rows already taken by another table (e.g. the invoices table when looking for payments); toRow exclusive. */
  exclude?: ReadonlyArray<{ sheet: string; fromRow: number; toRow: number }>;
}

function sheetRow(sheet: SheetData, row: number, fromCol: number, toCol: number): CellValue[] {
  const cells: CellValue[] = [];
  for (let col = fromCol; col < toCol; col++) cells.push(cellAt(sheet, row, col));
  return cells;
}

/** Whether a row holds some text (a header row must). */
function hasText(sheet: SheetData, row: number): boolean {
  return (rowAt(sheet, row - sheet.firstRow)?.values ?? []).some((cell) => typeof cell === "string" && cell.trim() !== "");
}

function hasHint(sheetName: string, kind: TableKind): boolean {
  const name = normalizeText(sheetName);
  return SHEET_HINTS[kind].some((hint) =>
    /^[a-z]+$/.test(hint) ? new RegExp(`(^|[^a-z])${hint}`).test(name) : name.includes(hint),
  );
}

/** Invoices need three fields anyway; other tables need two, so one stray "客户…" cell is no header. */
function isComplete(mapping: HeaderMapping): boolean {
  return mapping.missing.length === 0 && mapping.taken.length >= 2;
}

function shiftColumns(columns: Partial<Record<Field, number>>, by: number): Partial<Record<Field, number>> {
  const shifted: Partial<Record<Field, number>> = {};
  for (const [field, index] of Object.entries(columns) as [Field, number][]) shifted[field] = index + by;
  return shifted;
}

/**
 * Whether a header row describes invoices rather than payments, customers or promises: it maps
 * to a customer, an invoice number, an amount and an invoice or due date, and fits invoices
 * better than payments ("Date | Customer | Amount | Invoice No" is a payments table; "Customer |
 * Invoice No | Invoice date | Due date | Amount" is not).
 * @param headerRow the cells of the header row
 * @returns true for an invoices header
 * @example looksLikeInvoices(["Customer", "Invoice No", "Invoice date", "Due date", "Amount"]) // true
 */
export function looksLikeInvoices(headerRow: readonly CellValue[]): boolean {
  const invoices = mapHeaders(headerRow, "invoices");
  const { columns } = invoices;
  if (columns.customer === undefined || columns.amount === undefined || columns.invoiceNo === undefined) return false;
  if (columns.dueDate === undefined && columns.invoiceDate === undefined) return false;
  return invoices.score > mapHeaders(headerRow, "payments").score;
}

/**
 * Whether a header row describes a collection log (催收记录) rather than invoices or payments: it
 * maps a date, a customer and a channel of the log, and fits the log better than either (a
 * payments table with a 付款方式 column is still payments; the log's 承诺金额 and 发票号 are no
 * invoice amount and number).
 * @param headerRow the cells of the header row
 * @returns true for a log header
 * @example looksLikeLog(["联系日期", "客户", "方式", "结果", "承诺日期", "承诺金额"]) // true
 */
export function looksLikeLog(headerRow: readonly CellValue[]): boolean {
  const log = mapHeaders(headerRow, "log");
  if (log.missing.length > 0) return false;
  return log.score > mapHeaders(headerRow, "invoices").score && log.score > mapHeaders(headerRow, "payments").score;
}

/**
 * Whether a complete header row of `kind` is really another table: a log is never read as
 * invoices, customers, payments or promises, and invoices are never read as anything else.
 */
function belongsElsewhere(kind: TableKind, headerRow: readonly CellValue[]): boolean {
  const log = looksLikeLog(headerRow);
  if (kind !== "log" && log) return true;
  return kind !== "invoices" && !log && looksLikeInvoices(headerRow);
}

function isExcluded(options: FindTableOptions, sheet: string, headerRow: number): boolean {
  return (options.exclude ?? []).some((taken) => taken.sheet === sheet && headerRow >= taken.fromRow && headerRow < taken.toRow);
}

/** Sheets that may hold user data: not generated by the add-in, not the settings sheet. */
function dataSheets(workbook: WorkbookData): { sheet: SheetData; index: number }[] {
  return workbook.sheets
    .map((sheet, index) => ({ sheet, index }))
    .filter(({ sheet }) => !sheet.generated && !isSettingsSheet(sheet.name));
}

interface ScanCandidate {
  sheet: SheetData;
  sheetIndex: number;
  headerRow: number;
  mapping: HeaderMapping;
  hint: boolean;
}

function scanSheets(workbook: WorkbookData, kind: TableKind, options: FindTableOptions): ScanCandidate[] {
  const found: ScanCandidate[] = [];
  for (const { sheet, index } of dataSheets(workbook)) {
    const hint = hasHint(sheet.name, kind);
    const lastRow = Math.min(sheetEnd(sheet), sheet.firstRow + HEADER_SCAN_ROWS);
    for (let row = sheet.firstRow; row < lastRow; row++) {
      if (isExcluded(options, sheet.name, row) || !hasText(sheet, row)) continue;
      const cells = denseRow(sheet, row);
      const mapping = mapHeaders(cells, kind, { mapping: options.mapping, firstCol: sheet.firstCol });
      if (mapping.score > 0 && !(isComplete(mapping) && belongsElsewhere(kind, cells))) {
        found.push({ sheet, sheetIndex: index, headerRow: row, mapping, hint });
      }
    }
  }
  return found;
}

/**
 * Finds a table of the given kind. An Excel table (ListObject) whose headers hold the required
 * fields wins; otherwise each user sheet's first 30 rows are scanned for the header row with the
 * best score (a sheet name like 应收 / 发票 / Invoices / AR / 台账 breaks ties for invoices).
 * Generated sheets and the settings sheet are never read; a customers, payments, promises or log
 * table is never one whose headers look like invoices (see `looksLikeInvoices`), and no other
 * table is one whose headers look like a collection log (see `looksLikeLog`).
 * @param workbook the workbook's values
 * @param kind which table to find
 * @param options remembered column mapping; header rows already used by other tables
 * @returns where the table is and how its headers map, or null when there is none
 * @example
 * // sheet "应收台账": row 1 a title, row 3 headers 客户 | 发票号 | 到期日 | 金额
 * findTable(workbook, "invoices")?.headerRow // 2 (0-based; Excel row 3)
 */
export function findTable(workbook: WorkbookData, kind: TableKind, options: FindTableOptions = {}): LocatedTable | null {
  let best: LocatedTable | null = null;
  let bestRank: number[] = [];
  const consider = (table: LocatedTable, rank: number[]): void => {
    if (!best || compareRank(rank, bestRank) > 0) {
      best = table;
      bestRank = rank;
    }
  };

  for (const info of workbook.tables) {
    const sheetIndex = workbook.sheets.findIndex((sheet) => sheet.name === info.sheet);
    const sheet = workbook.sheets[sheetIndex];
    if (!sheet || sheet.generated || isSettingsSheet(sheet.name) || isExcluded(options, sheet.name, info.headerRow)) continue;
    const headers = sheetRow(sheet, info.headerRow, info.firstCol, info.firstCol + info.columnCount);
    const mapping = mapHeaders(headers, kind, { mapping: options.mapping, firstCol: info.firstCol });
    if (!isComplete(mapping) || belongsElsewhere(kind, headers)) continue;
    const table: LocatedTable = {
      kind,
      sheet: sheet.name,
      sheetIndex,
      tableName: info.name,
      headerRow: info.headerRow,
      firstCol: info.firstCol,
      columns: shiftColumns(mapping.columns, info.firstCol),
      dataRows: { start: info.headerRow + 1, end: info.headerRow + 1 + info.rowCount },
      mapping,
    };
    consider(table, [1, mapping.score, hasHint(sheet.name, kind) ? 1 : 0, -sheetIndex, -info.headerRow]);
  }
  if (best) return best;

  for (const candidate of scanSheets(workbook, kind, options)) {
    if (!isComplete(candidate.mapping)) continue;
    const { sheet } = candidate;
    const table: LocatedTable = {
      kind,
      sheet: sheet.name,
      sheetIndex: candidate.sheetIndex,
      headerRow: candidate.headerRow,
      firstCol: sheet.firstCol,
      columns: shiftColumns(candidate.mapping.columns, sheet.firstCol),
      dataRows: { start: candidate.headerRow + 1, end: sheetEnd(sheet) },
      mapping: candidate.mapping,
    };
    consider(table, [0, candidate.mapping.score, candidate.hint ? 1 : 0, -candidate.sheetIndex, -candidate.headerRow]);
  }
  return best;
}

/**
 * Further invoices tables, which are not read: per sheet, the first header row (an Excel table's
 * or one in the top 30 rows) that `looksLikeInvoices`, outside the rows already taken.
 * @param workbook the workbook's values
 * @param exclude header rows already used by the tables read
 * @returns sheet and 0-based header row and column of each, in sheet order
 * @example
 * // sheets "Invoices 2025" (read) and "Invoices 2026", both headed Customer | Invoice No | Due date | Amount
 * otherInvoiceTables(workbook, [{ sheet: "Invoices 2025", fromRow: 0, toRow: 2 }]) // [{ sheet: "Invoices 2026", headerRow: 0, firstCol: 0 }]
 */
export function otherInvoiceTables(
  workbook: WorkbookData,
  exclude: NonNullable<FindTableOptions["exclude"]>,
): { sheet: string; headerRow: number; firstCol: number }[] {
  const options: FindTableOptions = { exclude };
  const found = new Map<string, { sheet: string; headerRow: number; firstCol: number }>();
  for (const info of workbook.tables) {
    const sheet = workbook.sheets.find((candidate) => candidate.name === info.sheet);
    if (!sheet || sheet.generated || isSettingsSheet(sheet.name) || found.has(sheet.name) || isExcluded(options, sheet.name, info.headerRow)) continue;
    const headers = sheetRow(sheet, info.headerRow, info.firstCol, info.firstCol + info.columnCount);
    if (looksLikeInvoices(headers) && !looksLikeLog(headers)) {
      found.set(sheet.name, { sheet: sheet.name, headerRow: info.headerRow, firstCol: info.firstCol });
    }
  }
  for (const { sheet } of dataSheets(workbook)) {
    if (found.has(sheet.name)) continue;
    const lastRow = Math.min(sheetEnd(sheet), sheet.firstRow + HEADER_SCAN_ROWS);
    for (let row = sheet.firstRow; row < lastRow; row++) {
      if (isExcluded(options, sheet.name, row) || !hasText(sheet, row)) continue;
      const cells = denseRow(sheet, row);
      if (looksLikeInvoices(cells) && !looksLikeLog(cells)) {
        found.set(sheet.name, { sheet: sheet.name, headerRow: row, firstCol: sheet.firstCol + cells.findIndex((cell) => cellText(cell) !== "") });
        break;
      }
    }
  }
  const order = new Map(workbook.sheets.map((sheet, index) => [sheet.name, index]));
  return [...found.values()].sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0));
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}

/** The headers a table of this kind needs, for messages. */
function expectedHeaders(kind: TableKind, lang: Lang): string[] {
  const required = (REQUIRED_FIELDS[kind] as readonly Field[]).map((field) => fieldLabel(kind, field));
  if (kind === "invoices") {
    const due = FIELD_SYNONYMS.invoices.dueDate;
    const issued = FIELD_SYNONYMS.invoices.invoiceDate;
    required.push(`dueDate ${OR_WORD[lang]} invoiceDate (${due[0]} / ${issued[0]} / ${due[due.length - 2]} / ${issued[issued.length - 2]})`);
  }
  return required;
}

/**
 * The row that looked most like a header of this kind, for a "not found" message: the partial
 * match with the best score, else the first row with the most text cells.
 * @param workbook the workbook's values
 * @param kind which table was looked for
 * @returns sheet, 1-based row and header texts, or null for a workbook with no text at all
 * @example bestHeaderCandidate(workbook, "invoices") // { sheet: "Sheet1", row: 1, headers: ["名称", "数量"] }
 */
export function bestHeaderCandidate(workbook: WorkbookData, kind: TableKind): { sheet: string; row: number; headers: string[] } | null {
  let best: ScanCandidate | null = null;
  for (const candidate of scanSheets(workbook, kind, {})) {
    if (!best || candidate.mapping.score > best.mapping.score) best = candidate;
  }
  if (best) {
    const cells = denseRow(best.sheet, best.headerRow);
    return { sheet: best.sheet.name, row: best.headerRow + 1, headers: cells.map((c) => cellText(c)).filter((t) => t !== "") };
  }
  let fallback: { sheet: string; row: number; headers: string[] } | null = null;
  for (const { sheet } of dataSheets(workbook)) {
    const limit = Math.min(rowCount(sheet), HEADER_SCAN_ROWS);
    for (let i = 0; i < limit; i++) {
      const texts = (rowAt(sheet, i)?.values ?? []).filter((c) => typeof c === "string" && c.trim() !== "").map((c) => cellText(c));
      if (texts.length > (fallback?.headers.length ?? 0)) fallback = { sheet: sheet.name, row: sheet.firstRow + i + 1, headers: texts };
    }
  }
  return fallback;
}

/**
 * One line telling the user why no table of this kind was found: the headers seen in the most
 * likely row and the headers looked for.
 * @param workbook the workbook's values
 * @param kind which table was looked for
 * @param lang the language of the sentence (English by default)
 * @returns the message
 * @example
 * describeNotFound(workbook, "invoices")
 * // 'No invoices table found. Best candidate: sheet "Sheet1" row 1 with headers 名称, 数量.
 * //  Looked for: customer (客户 / Customer), amount (金额 / Amount), dueDate or invoiceDate (…).'
 */
export function describeNotFound(workbook: WorkbookData, kind: TableKind, lang: Lang = "en"): string {
  const seen = bestHeaderCandidate(workbook, kind);
  return notFoundText({ kind, seen: seen && { ...seen, headers: seen.headers.slice(0, 12) }, expected: expectedHeaders(kind, lang) }, lang);
}
