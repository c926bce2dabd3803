/**
 * The recorded state of the stand-in workbook: sheets, settings, selection, and every sync and
 * write, for tests to assert on.
 */
import {
  MAX_COLS,
  SheetState,
  evaluateFormula as evaluate,
  fail,
  quoteSheetName,
  interpretWrite,
  parseAddress,
  rectAddress,
  type ChartState,
  type ConditionalFormatState,
  type SpecCell,
  type Stored,
} from "./model";
import type { SyncRecord, WriteRecord } from "./context";

/** A table in a workbook spec: its name and its whole range including the header row. */
export interface TableSpec {
  name: string;
  range: string;
}

/** One sheet of a workbook spec. */
export interface SheetSpec {
  name: string;
  /** Cells from A1, row by row. Strings are stored as text exactly as given. */
  cells?: SpecCell[][];
  /** Number formats from A1, same shape as (or smaller than) cells. */
  numberFormats?: (string | null)[][];
  tables?: TableSpec[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Rows hidden by hand or by a filter, numbered as Excel shows them (1 = row 1). */
  hiddenRows?: number[];
}

/** What `createExcelHost` takes. */
export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** The workbook uses the 1904 date system (Excel for Mac's old default). */
  date1904?: boolean;
  /** Workbook settings (Excel.SettingCollection) as key → value. */
  settings?: Record<string, string>;
}

/** A cell as a test sees it. */
export interface CellView {
  value: Stored | null;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  wrap?: boolean;
  quotePrefix?: boolean;
}

/** Every cell of a sheet holding a value, a format or a quote prefix, as [row, col, value, format, quotePrefix]. */
function cellEntries(sheet: SheetState): unknown[][] {
  const entries: unknown[][] = [];
  sheet.cells.forEachCell((row, col, value, format, quotePrefix) => entries.push([row, col, value ?? null, format ?? null, quotePrefix]));
  return entries;
}

/** The whole in-memory workbook. */
export class WorkbookState {
  readonly sheets: SheetState[] = [];
  readonly settings = new Map<string, unknown>();
  readonly syncs: SyncRecord[] = [];
  readonly writesBySheet: Record<string, WriteRecord[]> = {};
  readonly date1904: boolean;
  activeSheetId: string | undefined;
  selection: { sheetId: string; address: string } | undefined;
  /** How many times suspendApiCalculationUntilNextSync was called. */
  calculationSuspensions = 0;
  /**
   * Whether writing values right under a table takes them into it (Excel's AutoCorrect option
   * "Include new rows and columns in table", on by default). Tests turn it off to see Table.resize used.
   */
  autoExpandTables = true;
  /** Every recalculation asked for: a range's sheet-qualified address, or "Application:<type>". */
  readonly calculations: string[] = [];
  /** Handlers added to worksheets.onChanged, called after a sync that wrote to a sheet. */
  readonly sheetChangedHandlers: ((event: { worksheetId: string; address?: string }) => unknown)[] = [];
  private nextId = 1;

  /**
   * @param spec The workbook to build.
   */
  constructor(spec: WorkbookSpec) {
    this.date1904 = spec.date1904 ?? false;
    for (const [key, value] of Object.entries(spec.settings ?? {})) this.settings.set(key, value);
    for (const sheetSpec of spec.sheets) {
      const sheet = this.addSheet(sheetSpec.name);
      sheet.visibility = sheetSpec.visibility ?? "Visible";
      (sheetSpec.cells ?? []).forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell !== null && cell !== "") sheet.put(r, c, cell);
        }),
      );
      (sheetSpec.numberFormats ?? []).forEach((row, r) =>
        row.forEach((format, c) => {
          if (format) sheet.cells.setNumberFormat(r, c, format);
        }),
      );
      for (const row of sheetSpec.hiddenRows ?? []) {
        if (!Number.isInteger(row) || row < 1) fail("InvalidArgument", "SheetSpec.hiddenRows", String(row));
        sheet.hiddenRows.add(row - 1);
      }
      for (const table of sheetSpec.tables ?? []) {
        const rect = parseAddress(table.range);
        sheet.tables.push({ name: table.name, id: `{T${this.nextId++}}`, ...rect });
      }
    }
    this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")?.id;
  }

  /** A new id number for a sheet or table. */
  takeId(): number {
    return this.nextId++;
  }

  /** Adds a sheet at the end (validating the name as Excel does). */
  addSheet(name: string): SheetState {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'")) {
      fail("InvalidArgument", "WorksheetCollection.add", name);
    }
    if (this.findSheet(name)) fail("ItemAlreadyExists", "WorksheetCollection.add", name);
    const n = this.nextId++;
    const id = `{${String(n).padStart(8, "0")}-0000-4000-8000-000000000000}`;
    const sheet = new SheetState(id, name);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Finds a live sheet by name (case-insensitive, as Excel) or id. */
  findSheet(key: string): SheetState | undefined {
    const lower = key.toLowerCase();
    return this.sheets.find((s) => s.id === key || s.name.toLowerCase() === lower);
  }

  /** Removes a sheet; Excel refuses to delete the last visible one. */
  deleteSheet(sheet: SheetState): void {
    const visibleLeft = this.sheets.filter((s) => s !== sheet && s.visibility === "Visible").length;
    if (visibleLeft === 0) fail("InvalidOperation", "Worksheet.delete", "A workbook must contain at least one visible worksheet.");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")?.id;
  }

  /** A live sheet by name, or throws (for tests). */
  sheet(name: string): SheetState {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`No sheet named ${name}`);
    return sheet;
  }

  /** A cell of a sheet as tests see it ("A1" address). */
  cell(sheetName: string, address: string): CellView {
    const sheet = this.sheet(sheetName);
    const { row, col } = parseAddress(address);
    const key = row * MAX_COLS + col;
    const format = sheet.formatAt(row, col) ?? {};
    const view: CellView = { value: sheet.get(row, col) ?? null };
    const formula = sheet.formulas.get(key);
    if (formula !== undefined) view.formula = formula;
    if (format.numberFormat !== undefined) view.numberFormat = format.numberFormat;
    if (format.fill !== undefined) view.fill = format.fill;
    if (format.bold !== undefined) view.bold = format.bold;
    if (format.wrap !== undefined) view.wrap = format.wrap;
    if (sheet.cells.hasQuotePrefix(row, col)) view.quotePrefix = true;
    return view;
  }

  /** The stored values of a sheet from A1 to the end of its used range (null for empty). */
  values(sheetName: string): (Stored | null)[][] {
    const sheet = this.sheet(sheetName);
    const used = sheet.usedRect(true);
    if (!used) return [];
    const rows: (Stored | null)[][] = [];
    for (let r = 0; r < used.row + used.rows; r++) {
      const row: (Stored | null)[] = [];
      for (let c = 0; c < used.col + used.cols; c++) row.push(sheet.get(r, c) ?? null);
      rows.push(row);
    }
    return rows;
  }

  /** Everything about one sheet as a JSON string, to compare before and after a run. */
  snapshot(sheetName: string): string {
    const sheet = this.sheet(sheetName);
    return JSON.stringify({
      id: sheet.id,
      name: sheet.name,
      visibility: sheet.visibility,
      position: this.sheets.indexOf(sheet),
      cells: cellEntries(sheet),
      formulas: [...sheet.formulas],
      widths: [...sheet.columnWidths],
      freeze: [sheet.freezeRows, sheet.freezeColumns],
      conditionalFormats: sheet.conditionalFormats,
      charts: sheet.charts,
      tables: sheet.tables,
    });
  }

  /** Conditional formats of a sheet. */
  conditionalFormats(sheetName: string): ConditionalFormatState[] {
    return this.sheet(sheetName).conditionalFormats;
  }

  /** Charts of a sheet. */
  charts(sheetName: string): ChartState[] {
    return this.sheet(sheetName).charts;
  }

  /** Settings as a plain record. */
  settingsRecord(): Record<string, unknown> {
    return Object.fromEntries(this.settings);
  }

  /**
   * Writes a value the way Excel interprets Range.values input (used by the Range proxy).
   * null leaves the cell unchanged, "" clears it.
   */
  writeValue(sheet: SheetState, row: number, col: number, input: unknown, asFormula: boolean): void {
    if (input === null || input === undefined) return;
    if (typeof input !== "string" && typeof input !== "number" && typeof input !== "boolean") {
      fail("InvalidArgument", "Range.values");
    }
    const key = row * MAX_COLS + col;
    const numberFormat = sheet.formatAt(row, col)?.numberFormat;
    const result = interpretWrite(input, asFormula ? undefined : numberFormat, this.date1904);
    if (sheet.formulas.size > 0) sheet.formulas.delete(key);
    sheet.cells.setQuotePrefix(row, col, result.quotePrefix === true);
    if (result.formula !== undefined) {
      sheet.formulas.set(key, result.formula);
      sheet.put(row, col, evaluate(result.formula, this.date1904));
      return;
    }
    sheet.put(row, col, result.value);
  }

  /** A1 address of a sheet rectangle with its sheet name. */
  static address(sheet: SheetState, rect: { row: number; col: number; rows: number; cols: number }): string {
    return `${quoteSheetName(sheet.name)}!${rectAddress(rect)}`;
  }
}
