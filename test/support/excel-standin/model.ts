/**
 * The in-memory workbook behind the Excel stand-in: sheets of cells, tables, settings, and the
 * rules Excel applies when a value is written (formula detection, apostrophe prefix, text format).
 * Plain TypeScript with no test-framework dependency, so it can be bundled for a browser too.
 */

import { CellStore, type CellFormat, type Stored } from "./cell-store";

export type { CellFormat, ErrorCell, Stored } from "./cell-store";

/** A cell value as given in a workbook spec (same shape as the adapter's CellValue). */
export type SpecCell = string | number | boolean | null | { error: string };

/** A conditional format added through the API. */
export interface ConditionalFormatState {
  type: string;
  address: string;
  rule?: { formula1: string; formula2?: string; operator: string };
  fill?: string;
  fontColor?: string;
}

/** One series of a chart: its name and the sheet-qualified addresses its values and categories come from. */
export interface ChartSeriesState {
  name: string;
  values: string;
  /** Absent when Excel numbers the categories 1, 2, 3… (no label row or column in the source). */
  categories?: string;
}

/** What was set on one axis of a chart. */
export interface ChartAxisState {
  numberFormat: string;
  reversePlotOrder: boolean;
}

/** A chart added through the API. */
export interface ChartState {
  type: string;
  sourceAddress: string;
  /** "Columns" or "Rows": how the source was split into series (Auto resolved). */
  seriesBy: string;
  title: string;
  /** A1 address of the cell the top-left corner was placed at (setPosition). */
  position?: string;
  name: string;
  series: ChartSeriesState[];
  valueAxis: ChartAxisState;
  categoryAxis: ChartAxisState;
  legend: { position: string; visible: boolean };
  /** Points. */
  top: number;
  left: number;
  width: number;
  height: number;
}

/** A table (ListObject) in the model; rows/cols are 0-based sheet coordinates of the whole table. */
export interface TableState {
  name: string;
  id: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Throwable error shaped like Office.js's OfficeExtension.Error. */
export class StandInError extends Error {
  /** Excel's error code, such as "PropertyNotLoaded" or "InvalidArgument". */
  readonly code: string;
  /** Where the error happened (the statement or property), as Excel reports it. */
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  /**
   * @param code Excel error code.
   * @param message The message Excel shows.
   * @param location The API statement that failed.
   */
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

/** Messages Excel uses for the error codes the stand-in raises. */
export const ERROR_MESSAGES = {
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  RequestPayloadSizeLimitExceeded:
    "The request payload size has exceeded the limit. Please refer to the documentation: " +
    "\"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-rendering-optimization#excel-add-ins\".",
  ResponsePayloadSizeLimitExceeded:
    "The response payload size has exceeded the limit. Please refer to the documentation: " +
    "\"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-rendering-optimization#excel-add-ins\".",
  InvalidOperation: "The operation is invalid for the object's current state.",
  InvalidObjectPath: "The object path isn't working for what you're trying to do.",
} as const;

/** Raises an Excel-like error with the standard message for the code. */
export function fail(code: keyof typeof ERROR_MESSAGES, location?: string, detail?: string): never {
  throw new StandInError(code, detail ? `${ERROR_MESSAGES[code]} ${detail}` : ERROR_MESSAGES[code], location);
}

/** Excel's largest sheet: 1,048,576 rows × 16,384 columns. */
export const MAX_ROWS = 1048576;
/** Excel's column count. */
export const MAX_COLS = 16384;

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Column letters for a 0-based column index (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  let letters = "";
  let rest = col + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const ch of letters.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

/** A1 address of a rectangle ("B2", "A1:D10"). */
export function rectAddress(rect: Rect): string {
  const first = `${columnLetters(rect.col)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${columnLetters(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}

/** Sheet name as Excel writes it in an address: quoted when it holds anything but letters, digits, _ and dots. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Parses an A1 address without a sheet ("A1", "A1:D10", "A:C", "3:5") into a rectangle.
 * Throws InvalidArgument on anything else.
 */
export function parseAddress(address: string): Rect {
  const parts = address.replace(/\$/g, "").split(":");
  if (parts.length > 2 || parts.length === 0) fail("InvalidArgument", "getRange", address);
  const cell = /^([A-Za-z]{1,3})(\d+)$/;
  const column = /^([A-Za-z]{1,3})$/;
  const row = /^(\d+)$/;
  const [a, b = parts[0]] = parts;
  let m1 = cell.exec(a);
  let m2 = cell.exec(b);
  if (m1 && m2) {
    const r1 = Number(m1[2]) - 1;
    const r2 = Number(m2[2]) - 1;
    const c1 = columnIndex(m1[1]);
    const c2 = columnIndex(m2[1]);
    return checkRect({ row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 }, address);
  }
  m1 = column.exec(a);
  m2 = column.exec(b);
  if (m1 && m2 && parts.length === 2) {
    const c1 = columnIndex(m1[1]);
    const c2 = columnIndex(m2[1]);
    return checkRect({ row: 0, col: Math.min(c1, c2), rows: MAX_ROWS, cols: Math.abs(c2 - c1) + 1 }, address);
  }
  m1 = row.exec(a);
  m2 = row.exec(b);
  if (m1 && m2 && parts.length === 2) {
    const r1 = Number(m1[1]) - 1;
    const r2 = Number(m2[1]) - 1;
    return checkRect({ row: Math.min(r1, r2), col: 0, rows: Math.abs(r2 - r1) + 1, cols: MAX_COLS }, address);
  }
  return fail("InvalidArgument", "getRange", address);
}

function checkRect(rect: Rect, address: string): Rect {
  if (rect.row < 0 || rect.col < 0 || rect.row + rect.rows > MAX_ROWS || rect.col + rect.cols > MAX_COLS) {
    fail("InvalidArgument", "getRange", address);
  }
  return rect;
}

/** Splits "Sheet1!A1:B2" or "'My sheet'!A1" into sheet name and address. */
export function splitSheetAddress(address: string): { sheet?: string; address: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: address.slice(bang + 1) };
}

const DAY_MS = 86400000;

/** Serial of a calendar date in the workbook's date system (1900: 1900-03-01 = 61; 1904: 1904-01-01 = 0). */
export function dateSerial(year: number, month: number, day: number, date1904: boolean): number {
  const utc = Date.UTC(year, month - 1, day);
  if (date1904) return Math.round((utc - Date.UTC(1904, 0, 1)) / DAY_MS);
  const serial = Math.round((utc - Date.UTC(1899, 11, 30)) / DAY_MS);
  // Excel's fictitious 1900-02-29 shifts every date before March 1900 down by one.
  return serial < 61 ? serial - 1 : serial;
}

/** One worksheet of the model. */
export class SheetState {
  /** Stable id (Worksheet.id). */
  readonly id: string;
  /** Current name. */
  name: string;
  /** "Visible" | "Hidden" | "VeryHidden". */
  visibility = "Visible";
  /** Values, formats and quote prefixes (cell-store.ts). */
  readonly cells = new CellStore();
  /** Formulas by cell key (row * MAX_COLS + col). */
  readonly formulas = new Map<number, string>();
  /** Column widths in points by column index. */
  readonly columnWidths = new Map<number, number>();
  freezeRows = 0;
  freezeColumns = 0;
  readonly conditionalFormats: ConditionalFormatState[] = [];
  readonly charts: ChartState[] = [];
  readonly tables: TableState[] = [];
  /** 0-based rows hidden by hand or by a filter (Excel's API tells them apart from neither). */
  readonly hiddenRows = new Set<number>();
  deleted = false;

  /**
   * @param id Worksheet id.
   * @param name Worksheet name.
   */
  constructor(id: string, name: string) {
    this.id = id;
    this.name = name;
  }

  /** The stored value at (row, col), or undefined for an empty cell. */
  get(row: number, col: number): Stored | undefined {
    return this.cells.get(row, col);
  }

  /** Stores a value (undefined clears the cell). */
  put(row: number, col: number, value: Stored | undefined): void {
    this.cells.put(row, col, value);
  }

  /** The formats of a cell (read-only), or undefined when none was set. */
  formatAt(row: number, col: number): Readonly<CellFormat> | undefined {
    return this.cells.formatAt(row, col);
  }

  /** Bounding rectangle of non-empty values (valuesOnly) or also of formatted cells; null if none. */
  usedRect(valuesOnly: boolean): Rect | null {
    return this.cells.usedRect(valuesOnly);
  }
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * Evaluates the small formula language the stand-in understands: numbers, + - * / ( ) and
 * DATE(y,m,d). Anything else is Excel's #NAME? error.
 */
export function evaluateFormula(formula: string, date1904: boolean): Stored {
  const source = formula.replace(/^=/, "");
  let pos = 0;
  const peek = (): string => source.slice(pos).trimStart()[0] ?? "";
  const skip = (): void => {
    while (source[pos] === " ") pos++;
  };
  const expect = (ch: string): void => {
    skip();
    if (source[pos] !== ch) throw new Error("syntax");
    pos++;
  };
  const primary = (): number => {
    skip();
    const ch = source[pos];
    if (ch === "(") {
      pos++;
      const inner = sum();
      expect(")");
      return inner;
    }
    if (ch === "-" || ch === "+") {
      pos++;
      const operand = primary();
      return ch === "-" ? -operand : operand;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(source.slice(pos));
    if (num) {
      pos += num[0].length;
      return Number(num[0]);
    }
    const fn = /^DATE\s*\(/i.exec(source.slice(pos));
    if (fn) {
      pos += fn[0].length;
      const year = sum();
      expect(",");
      const month = sum();
      expect(",");
      const day = sum();
      expect(")");
      return dateSerial(year, month, day, date1904);
    }
    throw new Error("name");
  };
  const product = (): number => {
    let value = primary();
    for (;;) {
      const op = peek();
      if (op !== "*" && op !== "/") return value;
      skip();
      pos++;
      const right = primary();
      value = op === "*" ? value * right : value / right;
    }
  };
  const sum = (): number => {
    let value = product();
    for (;;) {
      const op = peek();
      if (op !== "+" && op !== "-") return value;
      skip();
      pos++;
      const right = product();
      value = op === "+" ? value + right : value - right;
    }
  };
  try {
    const value = sum();
    skip();
    if (pos !== source.length) return { error: "#NAME?" };
    if (!Number.isFinite(value)) return { error: "#DIV/0!" };
    return value;
  } catch {
    return { error: "#NAME?" };
  }
}

/** The result of Excel's interpretation of a string written through Range.values. */
export interface Interpreted {
  value?: Stored;
  formula?: string;
  quotePrefix?: boolean;
}

/**
 * What Excel does with a value written through Range.values (or formulas): a string starting
 * with = is a formula; + - @ followed by something that is not a plain number is a formula too;
 * a leading apostrophe stores the rest as text (the apostrophe is hidden); number-, boolean- and
 * ISO-date-looking text is converted; a cell formatted as text ("@") keeps any string as text.
 */
export function interpretWrite(input: string | number | boolean, numberFormat: string | undefined, date1904: boolean): Interpreted {
  if (typeof input !== "string") return { value: input };
  if (input === "") return {};
  if (numberFormat === "@") return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (input.startsWith("=") && input.length > 1) return { formula: input };
  if (NUMBER_TEXT.test(input)) return { value: Number(input) };
  if (input.startsWith("+") || input.startsWith("-")) return { formula: `=${input}` };
  if (input.startsWith("@") && input.length > 1) return { formula: `=${input.slice(1)}` };
  const upper = input.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  const iso = ISO_DATE_TEXT.exec(input);
  if (iso) return { value: dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]), date1904) };
  return { value: input };
}

/** Excel's valueTypes name for a stored value. */
export function valueTypeOf(value: Stored | undefined): string {
  if (value === undefined) return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  if (typeof value === "string") return "String";
  return "Error";
}

/** What Range.values returns for a stored value ("" for empty, the error text for errors). */
export function valueOut(value: Stored | undefined): string | number | boolean {
  if (value === undefined) return "";
  if (typeof value === "object") return value.error;
  return value;
}

/** A crude Range.text: numbers with 0.00-style formats get fixed decimals, everything else String(). */
export function textOut(value: Stored | undefined, numberFormat: string | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number" && numberFormat) {
    const decimals = /0\.(0+)/.exec(numberFormat);
    if (decimals) return value.toFixed(decimals[1].length);
  }
  return String(value);
}
