/**
 * The workbook adapter for .xlsx, .xlsm and .csv files on disk (the command line, tests,
 * benchmarks). The input file is never written: results go to a copy at the output path.
 *
 * - Reading: the package reader (read-package.ts): only the parts holding values are inflated,
 *   within bounds, cells kept sparse.
 * - Writing: one writer for every size (write-copy.ts): the input's parts copied as they are
 *   stored, plus the generated sheets, their charts and the settings store (the veryHidden sheet
 *   "_ar_settings"). A CSV input becomes a new workbook holding its rows as the first sheet.
 *   Each write starts from the adapter's previous output, so a second call replaces the sheets
 *   the first one wrote, as it would in Excel.
 * - Appending rows to a named table (the collection log): append-rows.ts, through the same writer.
 * The module keeps its historical name; exceljs itself is no longer used here.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { AppendRowsRequest, AppendRowsResult, CellValue, ReadOptions, RunOptions, SheetData, WorkbookAdapter, WorkbookData } from "../adapter-types";
import { checkPlanFitsSheet, MAX_COLUMNS, MAX_ROWS, sanitizeSheetName } from "../excel-limits";
import type { SheetPlan } from "../plan-types";
import { GENERATED_KEY, readGeneratedList, settingsForJobs, STORE_SHEET, storeFromRows } from "../settings-store";
import { cellCount, rowAt, rowCount, sheetFromGrid } from "../sheet-cells";
import { appendRowsToPackage } from "./append-rows";
import { parseCsv } from "./csv";
import { detectInput, WorkbookFileError, type InputKind } from "./detect";
import { fileProblem } from "./file-problems";
import { readPackageValues, type RawSheet, type SheetChoice } from "./read-package";
import { READ_LIMITS } from "./zip-source";
import { checkNotInput } from "./same-file";
import { writeCopy, type CopyRequest } from "./write-copy";

/** Options of the file adapter. */
export interface ExcelJsAdapterOptions {
  /** The workbook to read (.xlsx, .xlsm or .csv). Never written. */
  input: string;
  /** Where writePlans/writeSettings write the copy (.xlsx, or .xlsm for an .xlsm input). Required before writing; never the input. */
  output?: string;
}

/**
 * WorkbookAdapter over files: file in, copy out.
 * @example
 * const adapter = new ExcelJsAdapter({ input: "ledger.xlsx", output: "ledger.aging.xlsx" });
 * const data = await adapter.read();
 * await adapter.writePlans(plans); // ["账龄分析 2026-11-23"]
 */
export class ExcelJsAdapter implements WorkbookAdapter {
  private kind: InputKind | null = null;
  private csvRows: CellValue[][] | null = null;
  /** The settings store as read from the input, with this adapter's writes applied. */
  private store: Record<string, string> = {};
  /** Whether this adapter has written its output (later writes start from it). */
  private wroteOutput = false;

  /** @param options input and output paths; see ExcelJsAdapterOptions */
  constructor(private readonly options: ExcelJsAdapterOptions) {}

  /**
   * Reads every sheet's cells (of the sheets wanted, never of the add-in's generated ones), the
   * Excel tables, the date system and the add-in's settings.
   * @param options abort signal, progress callback, which sheets' cells are wanted
   * @returns the workbook as plain data; the add-in's own hidden sheet is not among `sheets`
   * @throws WorkbookFileError for a missing, encrypted, old-format, unreadable or too large file
   */
  async read(options: ReadOptions = {}): Promise<WorkbookData> {
    const { kind } = await detectInput(this.options.input);
    this.kind = kind;
    options.onProgress?.({ fraction: 0, message: `reading ${path.basename(this.options.input)}` });
    const data = kind === "csv" ? await this.readCsv() : await this.readWorkbook(options);
    const cells = data.sheets.reduce((total, sheet) => total + cellCount(sheet), 0);
    options.onProgress?.({ fraction: 1, message: `read ${cells} cells` });
    return data;
  }

  /**
   * Writes each plan as a sheet of the output copy. A sheet of the same name is replaced only when
   * the store lists it as generated; a user's sheet of that name is left alone and the plan goes
   * to "name (2)". Strings are always written as text, never as formulas.
   * @param plans the sheets to write
   * @param options abort signal and progress callback
   * @returns the sheet names actually written
   * @throws WorkbookFileError when no output path is set or it is the input file
   */
  async writePlans(plans: SheetPlan[], options: RunOptions = {}): Promise<string[]> {
    plans.forEach(checkPlanFitsSheet);
    const output = await this.checkedOutput();
    if (this.kind === null) await this.read(options);
    const result = await writeCopy({ base: this.base(), output, plans, store: this.store, signal: options.signal });
    this.store = result.store;
    this.wroteOutput = true;
    options.onProgress?.({ fraction: 1, message: `wrote ${path.basename(output)}` });
    return result.names;
  }

  /**
   * Stores key/value settings, over those the input had, in the settings store of the output copy.
   * @param settings keys and values (values may exceed a cell's 32,767 characters: split across columns)
   */
  async writeSettings(settings: Record<string, string>): Promise<void> {
    const output = await this.checkedOutput();
    if (this.kind === null) await this.read();
    const result = await writeCopy({ base: this.base(), output, plans: [], store: { ...this.store, ...settings } });
    this.store = result.store;
    this.wroteOutput = true;
  }

  /**
   * Appends rows below a named table in the output copy, creating the table on a new sheet on first
   * use (appendRowsToPackage): the rows already there are never rewritten, every other part is
   * copied as stored.
   * @param request the table, its headers and the rows
   * @param options abort signal
   * @returns where the rows went
   * @throws AppendRowsError when the table lacks a column, shows a totals row or has cells under it
   */
  async appendRows(request: AppendRowsRequest, options: RunOptions = {}): Promise<AppendRowsResult> {
    const output = await this.checkedOutput();
    if (this.kind === null) await this.read(options);
    const appended = await appendRowsToPackage(request, { base: this.base(), output, store: this.store, signal: options.signal });
    this.store = appended.store;
    this.wroteOutput = true;
    return appended.result;
  }

  /** The package a write starts from: this adapter's last output, else the input (or its CSV rows). */
  private base(): CopyRequest["base"] {
    if (this.wroteOutput) return { file: this.options.output! };
    if (this.kind === "csv") return { csv: { name: csvSheetName(this.options.input), rows: this.csvRows ?? [] } };
    return { file: this.options.input };
  }

  private async checkedOutput(): Promise<string> {
    const output = this.options.output;
    if (!output) throw new WorkbookFileError(fileProblem("file.noOutput", {}), "sameFile");
    await checkNotInput(this.options.input, output, "workbook");
    const macros = path.extname(this.options.input).toLowerCase() === ".xlsm";
    if (macros !== (path.extname(output).toLowerCase() === ".xlsm")) {
      const wanted = macros ? ".xlsm (the input holds macros)" : ".xlsx";
      throw new WorkbookFileError(fileProblem("file.outputExtension", { file: path.basename(output), extension: wanted }), "sameFile");
    }
    return output;
  }

  private async readCsv(): Promise<WorkbookData> {
    const bytes = await fs.readFile(this.options.input);
    this.csvRows = parseCsv(bytes, path.basename(this.options.input));
    const width = this.csvRows.reduce((max, row) => Math.max(max, row.length), 0);
    if (this.csvRows.length > MAX_ROWS || width > MAX_COLUMNS) {
      throw new WorkbookFileError(
        fileProblem("file.csvTooLarge", { file: path.basename(this.options.input), rows: this.csvRows.length, columns: width, maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS }),
        "tooLarge",
      );
    }
    return { sheets: [sheetFromGrid(csvSheetName(this.options.input), this.csvRows)], tables: [], dateSystem: "1900", settings: {} };
  }

  private async readWorkbook(options: ReadOptions): Promise<WorkbookData> {
    let raw;
    let generated = readGeneratedList(undefined);
    let ours = new Set<string>();
    // The store is read first: the sheets it lists as generated are never scanned (nothing reads
    // their cells, as the Office adapter never loads them) — regenerating does not pay for them.
    const choice: SheetChoice = {
      first: STORE_SHEET,
      skip: (storeSheet) => {
        this.store = storeSheet ? storeFromRows(storeRows(storeSheet)) : {};
        generated = readGeneratedList(this.store[GENERATED_KEY]);
        ours = new Set(generated.sheets.map((sheet) => sheet.id));
        return (name) => ours.has(name) || options.sheets?.(name) === false;
      },
    };
    try {
      raw = await readPackageValues(this.options.input, READ_LIMITS, choice);
    } catch (error) {
      throw error instanceof WorkbookFileError ? error : unreadable(this.options.input, error);
    }
    options.signal?.throwIfAborted();
    const sheets: SheetData[] = raw.sheets
      .filter((sheet) => sheet.name !== STORE_SHEET)
      .map(({ name, rows, firstRow, firstCol, hiddenRows }) => ({ name, rows, firstRow, firstCol, generated: ours.has(name), hiddenRows }));
    const data: WorkbookData = { sheets, tables: raw.tables, dateSystem: raw.date1904 ? "1904" : "1900", settings: settingsForJobs(this.store) };
    if (generated.errors.length > 0) data.storeErrors = generated.errors;
    return data;
  }
}

/** The store sheet's rows that start in column A: the key, then its pieces in column order. */
function storeRows(sheet: RawSheet): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let index = 0; index < rowCount(sheet); index++) {
    const row = rowAt(sheet, index);
    if (row && row.cols[0] === 0) rows.push(row.values);
  }
  return rows;
}

function csvSheetName(file: string): string {
  return sanitizeSheetName(path.basename(file, path.extname(file)));
}

function unreadable(file: string, error: unknown): WorkbookFileError {
  const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return new WorkbookFileError(fileProblem("file.unreadable", { file: path.basename(file), reason }), "unreadable");
}
