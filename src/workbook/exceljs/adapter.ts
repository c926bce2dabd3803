/**
 * The workbook adapter over exceljs, for .xlsx and .csv files on disk (the command line, tests,
 * benchmarks). The input file is never written: results go to a copy at the output path.
 *
 * - Reading: the direct reader of fast-read.ts (values, tables, hidden rows, merged cells; styles
 *   never loaded), whatever the file's size.
 * - Writing: a copy of the input (loaded and saved by exceljs) with the generated sheets added,
 *   named by the free-sheet-name rule (sheet-names.ts) and listed in the settings store
 *   (settings-store.ts: the veryHidden sheet "_ar_settings");
 *   when the results are big (≥ 50,000 rows) or the input was (≥ 50,000 rows, formatted empty
 *   rows included, or over 20 MB), a results-only workbook written row by row by the direct writer of
 *   fast-xlsx.ts (the input stays beside it, unchanged). Charts are not drawn: exceljs cannot
 *   write them; the chart's data block is written, the Office adapter draws the chart.
 * - Appending rows to a named table (the collection log): always into a copy of the whole input
 *   (append-rows.ts), whatever its size, with the store rewritten as for plans.
 * exceljs is loaded only when a copy is written, so big jobs never pay for it.
 */
import type * as ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import type { AppendRowsRequest, AppendRowsResult, CellValue, RunOptions, SheetData, WorkbookAdapter, WorkbookData } from "../adapter-types";
import { checkPlanFitsSheet, sanitizeSheetName } from "../excel-limits";
import { shiftedDateColumns, storedCell } from "../plan-dates";
import type { SheetPlan } from "../plan-types";
import {
  GENERATED_KEY,
  generatedAfterWrite,
  generatedToText,
  readGeneratedList,
  settingsForJobs,
  STORE_SHEET,
  storeFromRows,
  storeToRows,
  type GeneratedSheet,
} from "../settings-store";
import { placeSheets } from "../sheet-names";
import { appendRowsToWorkbook } from "./append-rows";
import { parseCsv } from "./csv";
import { detectInput, WorkbookFileError, type InputKind } from "./detect";
import { readXlsxValues } from "./fast-read";
import { writeFastXlsx, type FastSheet } from "./fast-xlsx";
import { conditionalRule, FormatSweep } from "./plan-styles";

/** Inputs larger than this are not re-saved through exceljs: the output holds the results only. */
export const COPY_INPUT_BYTES = 20 * 1024 * 1024;
/** Results (or inputs) of at least this many rows are written results-only by the direct writer. */
export const STREAMING_WRITE_ROWS = 50_000;

/** Options of the exceljs adapter. */
export interface ExcelJsAdapterOptions {
  /** The workbook to read (.xlsx, .xlsm or .csv). Never written. */
  input: string;
  /** Where writePlans/writeSettings write the copy (.xlsx). Required before writing; must differ from input. */
  output?: string;
  /** Row count from which results are written results-only by the direct writer (default 50,000). */
  streamingWriteRows?: number;
}

/** How the last writePlans call wrote its output. */
export type WriteMode = "copy" | "resultsOnly";

/**
 * WorkbookAdapter over exceljs: file in, copy out.
 * @example
 * const adapter = new ExcelJsAdapter({ input: "ledger.xlsx", output: "ledger.aging.xlsx" });
 * const data = await adapter.read();
 * await adapter.writePlans(plans); // ["账龄分析 2026-11-23"]
 */
export class ExcelJsAdapter implements WorkbookAdapter {
  /** "copy" when the output holds the input's sheets plus the results, "resultsOnly" for big outputs. */
  lastWriteMode: WriteMode | null = null;
  private kind: InputKind | null = null;
  private inputSize = 0;
  private rowsRead = 0;
  private workbook: ExcelJS.Workbook | null = null;
  private csvRows: CellValue[][] | null = null;
  /** The settings store as read from the input, with this adapter's writes applied. */
  private store: Record<string, string> = {};
  /** The plans of the results-only output so far, under the names they were written. */
  private writtenResultsOnly: SheetPlan[] | null = null;

  /** @param options input and output paths; see ExcelJsAdapterOptions */
  constructor(private readonly options: ExcelJsAdapterOptions) {}

  /**
   * Reads every sheet's used range, the Excel tables, the date system and the add-in's settings.
   * @param options abort signal and progress callback
   * @returns the workbook as plain data; the add-in's own hidden sheets are not among `sheets`
   * @throws WorkbookFileError for a missing, encrypted, old-format or unreadable file
   */
  async read(options: RunOptions = {}): Promise<WorkbookData> {
    const { kind, size } = await detectInput(this.options.input);
    this.kind = kind;
    this.inputSize = size;
    options.onProgress?.({ fraction: 0, message: `reading ${path.basename(this.options.input)}` });
    let data: WorkbookData;
    if (kind === "csv") {
      data = await this.readCsv();
      this.rowsRead = data.sheets.reduce((total, sheet) => total + sheet.rows.length, 0);
    } else {
      data = await this.readWorkbook(options);
    }
    options.onProgress?.({ fraction: 1, message: `read ${this.rowsRead} rows` });
    return data;
  }

  /**
   * Writes each plan as a sheet of the output copy. A sheet of the same name is replaced only when
   * the store lists it as generated; a user's sheet of that name is left alone and the plan goes
   * to "name (2)". Strings are always written as text, never as formulas.
   * @param plans the sheets to write
   * @param options abort signal and progress callback
   * @returns the sheet names actually written
   * @throws WorkbookFileError when no output path is set or it is the input path
   */
  async writePlans(plans: SheetPlan[], options: RunOptions = {}): Promise<string[]> {
    const output = this.checkedOutput();
    plans.forEach(checkPlanFitsSheet);
    if (this.kind === null) await this.read(options);
    const planRows = plans.reduce((total, plan) => total + plan.values.length, 0);
    const threshold = this.options.streamingWriteRows ?? STREAMING_WRITE_ROWS;
    const big =
      this.writtenResultsOnly !== null || planRows >= threshold || this.rowsRead >= threshold || (this.kind === "xlsx" && this.inputSize > COPY_INPUT_BYTES);
    if (big) return this.writeResultsOnly(output, plans, options);
    const workbook = await this.loadCopy();
    const dateSystem = workbook.properties?.date1904 ? "1904" : "1900";
    const generated = readGeneratedList(this.store[GENERATED_KEY]).sheets;
    const ours = new Set(generated.map((sheet) => sheet.id));
    const places = placeSheets(
      plans.map((plan) => plan.name),
      [{ name: STORE_SHEET, generated: false }, ...workbook.worksheets.map((sheet) => ({ name: sheet.name, generated: ours.has(sheet.name) }))],
    );
    const written: GeneratedSheet[] = [];
    plans.forEach((plan, index) => {
      options.signal?.throwIfAborted();
      const { name, replaces } = places[index];
      if (replaces) workbook.removeWorksheet(workbook.getWorksheet(replaces.name)!.id);
      writePlanToSheet(workbook.addWorksheet(name), plan, dateSystem);
      written.push({ id: name, name, kind: plan.kind });
      options.onProgress?.({ fraction: (index + 1) / plans.length, message: `wrote ${name}` });
    });
    const present = new Set(workbook.worksheets.map((sheet) => sheet.name));
    this.store[GENERATED_KEY] = generatedToText(generatedAfterWrite(generated, present, written));
    writeStoreSheet(workbook, this.store);
    await writeAtomically(output, (file) => workbook.xlsx.writeFile(file));
    this.lastWriteMode = "copy";
    return written.map((sheet) => sheet.name);
  }

  /**
   * Appends rows below a named table in the output copy, creating the table on first use (see
   * appendRowsToWorkbook). The copy holds every sheet of the input, however large.
   * @param request the table, its headers and the rows
   * @param options abort signal
   * @returns where the rows went
   * @throws WorkbookFileError when no output path is set, or results were written results-only before
   */
  async appendRows(request: AppendRowsRequest, options: RunOptions = {}): Promise<AppendRowsResult> {
    const output = this.checkedOutput();
    if (this.kind === null) await this.read(options);
    if (this.writtenResultsOnly !== null) throw new WorkbookFileError(`${path.basename(output)}: holds results only; rows cannot be appended to it`, "unreadable");
    const workbook = await this.loadCopy();
    options.signal?.throwIfAborted();
    const result = appendRowsToWorkbook(workbook, request, workbook.properties?.date1904 ? "1904" : "1900", [STORE_SHEET]);
    writeStoreSheet(workbook, this.store);
    await writeAtomically(output, (file) => workbook.xlsx.writeFile(file));
    this.lastWriteMode = "copy";
    return result;
  }

  /**
   * Stores key/value settings, over those the input had, in the settings store of the output
   * copy (and of every later copy written by this adapter).
   * @param settings keys and values (values may exceed a cell's 32,767 characters: split across columns)
   */
  async writeSettings(settings: Record<string, string>): Promise<void> {
    this.checkedOutput();
    if (this.kind === null) await this.read();
    this.store = { ...this.store, ...settings };
    if (this.writtenResultsOnly) {
      await this.writeResultsOnly(this.checkedOutput(), [], {});
      return;
    }
    await this.writePlans([]);
  }

  private checkedOutput(): string {
    const output = this.options.output;
    if (!output) throw new WorkbookFileError("no output file given", "sameFile");
    if (path.resolve(output) === path.resolve(this.options.input)) {
      throw new WorkbookFileError(`${path.basename(output)}: the output must not be the input file (the input is never written)`, "sameFile");
    }
    return output;
  }

  private async readCsv(): Promise<WorkbookData> {
    const bytes = await fs.readFile(this.options.input);
    this.csvRows = parseCsv(bytes, path.basename(this.options.input));
    const width = this.csvRows.reduce((max, row) => Math.max(max, row.length), 0);
    const rows = this.csvRows.map((row) => padRow(row, width));
    return {
      sheets: [{ name: csvSheetName(this.options.input), rows, firstRow: 0, firstCol: 0, generated: false }],
      tables: [],
      dateSystem: "1900",
      settings: {},
    };
  }

  private async readWorkbook(options: RunOptions): Promise<WorkbookData> {
    let raw;
    try {
      raw = readXlsxValues(await fs.readFile(this.options.input));
    } catch (error) {
      throw unreadable(this.options.input, error);
    }
    options.signal?.throwIfAborted();
    const storeSheet = raw.sheets.find((sheet) => sheet.name === STORE_SHEET);
    this.store = storeSheet && storeSheet.firstCol === 0 ? storeFromRows(storeSheet.rows) : {};
    const generated = readGeneratedList(this.store[GENERATED_KEY]);
    const ours = new Set(generated.sheets.map((sheet) => sheet.id));
    const sheets: SheetData[] = raw.sheets
      .filter((sheet) => sheet.name !== STORE_SHEET)
      .map(({ name, rows, firstRow, firstCol, hiddenRows }) => ({ name, rows, firstRow, firstCol, generated: ours.has(name), hiddenRows }));
    // Formatted empty rows count: re-saving them through exceljs is what would cost.
    this.rowsRead = raw.sheets.reduce((total, sheet) => total + Math.max(sheet.rows.length, sheet.rowElements), 0);
    const data: WorkbookData = { sheets, tables: raw.tables, dateSystem: raw.date1904 ? "1904" : "1900", settings: settingsForJobs(this.store) };
    if (generated.errors.length > 0) data.storeErrors = generated.errors;
    return data;
  }

  /** The workbook the copy is built on: what this adapter read (and wrote so far), or the CSV as a sheet. */
  private async loadCopy(): Promise<ExcelJS.Workbook> {
    if (this.workbook) return this.workbook;
    const { Workbook } = await import("exceljs");
    const workbook = new Workbook();
    if (this.kind === "csv") {
      const sheet = workbook.addWorksheet(csvSheetName(this.options.input));
      for (const row of this.csvRows ?? []) sheet.addRow(row.map((cell) => (cell === null || typeof cell === "object" ? null : cell)));
    } else {
      try {
        await workbook.xlsx.readFile(this.options.input);
      } catch (error) {
        throw unreadable(this.options.input, error);
      }
    }
    this.workbook = workbook;
    return workbook;
  }

  /**
   * Big results: a new workbook holding only the generated sheets (those of earlier calls too),
   * written row by row, and the store with them as its list of generated sheets.
   */
  private async writeResultsOnly(output: string, plans: SheetPlan[], options: RunOptions): Promise<string[]> {
    const previous = this.writtenResultsOnly ?? [];
    const places = placeSheets(
      plans.map((plan) => plan.name),
      [{ name: STORE_SHEET, generated: false }, ...previous.map((plan) => ({ name: plan.name, generated: true }))],
    );
    const placed = plans.map((plan, index) => ({ ...plan, name: places[index].name }));
    const replaced = new Set(places.flatMap((place) => (place.replaces ? [place.replaces.name] : [])));
    const allPlans = [...previous.filter((plan) => !replaced.has(plan.name)), ...placed];
    options.signal?.throwIfAborted();
    this.store[GENERATED_KEY] = generatedToText(allPlans.map((plan) => ({ id: plan.name, name: plan.name, kind: plan.kind })));
    const sheets: FastSheet[] = [...allPlans.map((plan) => ({ plan })), { plan: hiddenPlan(STORE_SHEET, storeToRows(this.store)), state: "veryHidden" }];
    await writeAtomically(output, (file) => writeFastXlsx(file, sheets));
    this.writtenResultsOnly = allPlans;
    this.lastWriteMode = "resultsOnly";
    return placed.map((plan) => plan.name);
  }
}

/** The store sheet as a plan for the fast writer. */
function hiddenPlan(name: string, rows: string[][]): SheetPlan {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  return {
    name,
    kind: "errors",
    values: rows.map((row) => [...row, ...new Array<string | null>(width - row.length).fill(null)]),
    formats: [],
    conditionalFormats: [],
    columnWidths: [],
    freezeRows: 0,
    freezeCols: 0,
  };
}

/**
 * Writes one plan into an empty worksheet: values (strings as text), styles, widths, frozen panes,
 * conditional formats; dates in the workbook's date system (plan-dates.ts).
 */
function writePlanToSheet(sheet: ExcelJS.Worksheet, plan: SheetPlan, dateSystem: WorkbookData["dateSystem"]): void {
  sheet.views = frozenViews(plan);
  plan.columnWidths.forEach((width, col) => {
    sheet.getColumn(col + 1).width = width;
  });
  const shifted = shiftedDateColumns(plan, dateSystem);
  const width = plan.values[0]?.length ?? 0;
  const sweep = new FormatSweep(plan.formats, width);
  plan.values.forEach((values, r) => {
    const row = sheet.addRow(values.map((cell, c) => storedCell(cell, r, c, shifted)));
    applyRowStyles(row, sweep.stylesForRow(r));
  });
  plan.conditionalFormats.forEach((format, index) => sheet.addConditionalFormatting(conditionalRule(format, index + 1)));
}

function applyRowStyles(row: ExcelJS.Row, styles: ReturnType<FormatSweep["stylesForRow"]>): void {
  styles.forEach((style, col) => {
    if (style) row.getCell(col + 1).style = style as Partial<ExcelJS.Style>;
  });
}

function frozenViews(plan: SheetPlan): Partial<ExcelJS.WorksheetView>[] {
  if (plan.freezeRows <= 0 && plan.freezeCols <= 0) return [];
  return [{ state: "frozen", xSplit: plan.freezeCols, ySplit: plan.freezeRows }];
}

/** Rewrites the veryHidden store sheet from the store, last in the workbook. */
function writeStoreSheet(workbook: ExcelJS.Workbook, store: Record<string, string>): void {
  const existing = workbook.getWorksheet(STORE_SHEET);
  if (existing) workbook.removeWorksheet(existing.id);
  workbook.addWorksheet(STORE_SHEET, { state: "veryHidden" }).addRows(storeToRows(store));
}

function padRow(row: CellValue[], width: number): CellValue[] {
  return row.length >= width ? row : [...row, ...new Array<CellValue>(width - row.length).fill(null)];
}

function csvSheetName(file: string): string {
  return sanitizeSheetName(path.basename(file, path.extname(file)));
}

function unreadable(file: string, error: unknown): WorkbookFileError {
  const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return new WorkbookFileError(`${path.basename(file)}: not a readable .xlsx workbook (${reason})`, "unreadable");
}

/** Writes through a temporary file beside the target and renames it, so a failure leaves no half file. */
async function writeAtomically(target: string, write: (file: string) => Promise<unknown>): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
  const temp = `${target}.tmp-${process.pid}-${Date.now()}.xlsx`;
  try {
    await write(temp);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
