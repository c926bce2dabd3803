/**
 * The workbook adapter over exceljs, for .xlsx and .csv files on disk (the command line, tests,
 * benchmarks). The input file is never written: results go to a copy at the output path.
 *
 * - Reading: the direct reader of fast-read.ts (values, tables, hidden rows, merged cells; styles
 *   never loaded), whatever the file's size.
 * - Writing: a copy of the input (loaded and saved by exceljs) with the generated sheets added;
 *   when the results are big (≥ 50,000 rows) or the input was (≥ 50,000 rows, formatted empty
 *   rows included, or over 20 MB), a results-only workbook written row by row by the direct writer of
 *   fast-xlsx.ts (the input stays beside it, unchanged). Charts are not drawn: exceljs cannot
 *   write them; the chart's data block is written, the Office adapter draws the chart.
 * exceljs is loaded only when a copy is written, so big jobs never pay for it.
 */
import type * as ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import type { CellValue, RunOptions, SheetData, WorkbookAdapter, WorkbookData } from "../adapter-types";
import { GENERATED_MARKER, type SheetPlan } from "../plan-types";
import { toCellValue } from "./cells";
import { DAYS_1900_TO_1904 } from "../excel-limits";
import { parseCsv } from "./csv";
import { detectInput, WorkbookFileError, type InputKind } from "./detect";
import { readXlsxValues } from "./fast-read";
import { writeFastXlsx, type FastSheet } from "./fast-xlsx";
import { conditionalRule, FormatSweep } from "./plan-styles";

/** Name of the add-in's veryHidden key/value settings sheet. */
export const SETTINGS_SHEET = "_ar_settings";
/** Name of the veryHidden sheet listing the sheets the add-in generated (A1 holds the marker). */
export const GENERATED_SHEET = "_ar_generated";
/** Inputs larger than this are not re-saved through exceljs: the output holds the results only. */
export const COPY_INPUT_BYTES = 20 * 1024 * 1024;
/** Results (or inputs) of at least this many rows are written results-only by the direct writer. */
export const STREAMING_WRITE_ROWS = 50_000;
/** Excel's limit on the characters in one cell: longer settings are split across columns. */
const CELL_TEXT_LIMIT = 32_767;
const SHEET_NAME_LIMIT = 31;

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
  private pendingSettings: Record<string, string> | null = null;
  private writtenResultsOnly: { plans: SheetPlan[]; settings: Record<string, string> } | null = null;

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
   * it is listed in the add-in's `_ar_generated` sheet; a user's sheet of that name is left alone
   * and the plan goes to "name (2)". Strings are always written as text, never as formulas.
   * @param plans the sheets to write
   * @param options abort signal and progress callback
   * @returns the sheet names actually written
   * @throws WorkbookFileError when no output path is set or it is the input path
   */
  async writePlans(plans: SheetPlan[], options: RunOptions = {}): Promise<string[]> {
    const output = this.checkedOutput();
    if (this.kind === null) await this.read(options);
    const planRows = plans.reduce((total, plan) => total + plan.values.length, 0);
    const threshold = this.options.streamingWriteRows ?? STREAMING_WRITE_ROWS;
    const big =
      this.writtenResultsOnly !== null || planRows >= threshold || this.rowsRead >= threshold || (this.kind === "xlsx" && this.inputSize > COPY_INPUT_BYTES);
    if (big) return this.writeResultsOnly(output, plans, options);
    const workbook = await this.loadCopy();
    const date1904 = Boolean(workbook.properties?.date1904);
    const generated = readGeneratedList(workbook);
    const written: string[] = [];
    plans.forEach((plan, index) => {
      options.signal?.throwIfAborted();
      const name = freeSheetName(workbook, plan.name, generated);
      const existing = workbook.getWorksheet(name);
      if (existing) workbook.removeWorksheet(existing.id);
      const sheet = workbook.addWorksheet(name);
      writePlanToSheet(sheet, plan, date1904);
      generated.set(name, plan.kind);
      written.push(name);
      options.onProgress?.({ fraction: (index + 1) / plans.length, message: `wrote ${name}` });
    });
    writeGeneratedList(workbook, generated);
    if (this.pendingSettings) writeSettingsSheet(workbook, this.pendingSettings);
    await writeAtomically(output, (file) => workbook.xlsx.writeFile(file));
    this.lastWriteMode = "copy";
    return written;
  }

  /**
   * Stores key/value settings in the veryHidden `_ar_settings` sheet of the output copy (and of
   * every later copy written by this adapter).
   * @param settings keys and values (values may exceed a cell's 32,767 characters: split across columns)
   */
  async writeSettings(settings: Record<string, string>): Promise<void> {
    this.pendingSettings = { ...settings };
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
    const generatedSheet = raw.sheets.find((sheet) => sheet.name === GENERATED_SHEET);
    const generated = generatedSheet && generatedSheet.firstCol === 0 ? generatedFromRows(generatedSheet.rows) : new Set<string>();
    const settingsSheet = raw.sheets.find((sheet) => sheet.name === SETTINGS_SHEET);
    const settings = settingsSheet ? settingsFromRows(settingsSheet.rows) : {};
    const sheets: SheetData[] = raw.sheets
      .filter((sheet) => sheet.name !== SETTINGS_SHEET && sheet.name !== GENERATED_SHEET)
      .map(({ name, rows, firstRow, firstCol, hiddenRows }) => ({ name, rows, firstRow, firstCol, generated: generated.has(name), hiddenRows }));
    // Formatted empty rows count: re-saving them through exceljs is what would cost.
    this.rowsRead = raw.sheets.reduce((total, sheet) => total + Math.max(sheet.rows.length, sheet.rowElements), 0);
    return { sheets, tables: raw.tables, dateSystem: raw.date1904 ? "1904" : "1900", settings };
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

  /** Big results: a new workbook holding only the generated sheets, written row by row. */
  private async writeResultsOnly(output: string, plans: SheetPlan[], options: RunOptions): Promise<string[]> {
    const previous = this.writtenResultsOnly ?? { plans: [], settings: {} };
    const replaced = new Set(plans.map((plan) => plan.name));
    const allPlans = [...previous.plans.filter((plan) => !replaced.has(plan.name)), ...plans];
    const settings = this.pendingSettings ?? previous.settings;
    options.signal?.throwIfAborted();
    const generated = new Map(allPlans.map((plan) => [plan.name, plan.kind] as [string, string]));
    const sheets: FastSheet[] = [
      ...allPlans.map((plan) => ({ plan })),
      { plan: hiddenPlan(GENERATED_SHEET, generatedRows(generated)), state: "veryHidden" },
    ];
    if (Object.keys(settings).length > 0) sheets.push({ plan: hiddenPlan(SETTINGS_SHEET, settingsRows(settings)), state: "veryHidden" });
    await writeAtomically(output, (file) => writeFastXlsx(file, sheets));
    this.writtenResultsOnly = { plans: allPlans, settings };
    this.lastWriteMode = "resultsOnly";
    return plans.map((plan) => plan.name);
  }
}

/** A plain key/value sheet (marker list, settings) as a plan for the fast writer. */
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
 * conditional formats; date columns shifted to the 1904 system when the workbook uses it.
 * @param sheet an empty exceljs worksheet
 * @param plan the plan
 * @param date1904 whether the workbook uses the 1904 date system
 */
export function writePlanToSheet(sheet: ExcelJS.Worksheet, plan: SheetPlan, date1904: boolean): void {
  sheet.views = frozenViews(plan);
  plan.columnWidths.forEach((width, col) => {
    sheet.getColumn(col + 1).width = width;
  });
  const dateCols = new Set(date1904 ? plan.dateCols ?? [] : []);
  const width = plan.values[0]?.length ?? 0;
  const sweep = new FormatSweep(plan.formats, width);
  plan.values.forEach((values, r) => {
    const row = sheet.addRow(
      values.map((cell, c) => (r > 0 && typeof cell === "number" && dateCols.has(c) ? cell - DAYS_1900_TO_1904 : cell)),
    );
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

/** A name for the plan's sheet that no user sheet has: the plan's name, else "name (2)", "name (3)"… */
function freeSheetName(workbook: ExcelJS.Workbook, wanted: string, generated: Map<string, string>): string {
  const isFree = (name: string): boolean => {
    const existing = workbook.getWorksheet(name);
    return !existing || generated.has(existing.name);
  };
  if (isFree(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = wanted.slice(0, SHEET_NAME_LIMIT - suffix.length) + suffix;
    if (isFree(candidate)) return candidate;
  }
}

function readGeneratedList(workbook: ExcelJS.Workbook): Map<string, string> {
  const sheet = workbook.getWorksheet(GENERATED_SHEET);
  if (!sheet) return new Map();
  const rows: CellValue[][] = [];
  sheet.eachRow((row) => rows.push([toCellValue(row.getCell(1).value, false), toCellValue(row.getCell(2).value, false)]));
  const names = generatedFromRows(rows);
  return new Map([...names].map((name) => [name, String(rows.find((row) => row[0] === name)?.[1] ?? "")]));
}

function generatedFromRows(rows: CellValue[][]): Set<string> {
  if (rows[0]?.[0] !== GENERATED_MARKER) return new Set();
  return new Set(rows.slice(1).map((row) => row[0]).filter((name): name is string => typeof name === "string" && name !== ""));
}

function generatedRows(generated: Map<string, string>): string[][] {
  return [[GENERATED_MARKER, "kind"], ...[...generated].map(([name, kind]) => [name, kind])];
}

function writeGeneratedList(workbook: ExcelJS.Workbook, generated: Map<string, string>): void {
  const existing = workbook.getWorksheet(GENERATED_SHEET);
  if (existing) workbook.removeWorksheet(existing.id);
  const sheet = workbook.addWorksheet(GENERATED_SHEET, { state: "veryHidden" });
  for (const [name] of generated) {
    if (!workbook.getWorksheet(name)) generated.delete(name);
  }
  sheet.addRows(generatedRows(generated));
}

function settingsFromRows(rows: CellValue[][]): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const row of rows) {
    const key = row[0];
    if (typeof key !== "string" || key === "") continue;
    settings[key] = row.slice(1).map((part) => (part === null || typeof part === "object" ? "" : String(part))).join("");
  }
  return settings;
}

function settingsRows(settings: Record<string, string>): string[][] {
  return Object.entries(settings).map(([key, value]) => {
    const parts: string[] = [];
    for (let i = 0; i < value.length; i += CELL_TEXT_LIMIT) parts.push(value.slice(i, i + CELL_TEXT_LIMIT));
    return [key, ...(parts.length > 0 ? parts : [""])];
  });
}

function writeSettingsSheet(workbook: ExcelJS.Workbook, settings: Record<string, string>): void {
  const existing = workbook.getWorksheet(SETTINGS_SHEET);
  if (existing) workbook.removeWorksheet(existing.id);
  workbook.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" }).addRows(settingsRows(settings));
}

function padRow(row: CellValue[], width: number): CellValue[] {
  return row.length >= width ? row : [...row, ...new Array<CellValue>(width - row.length).fill(null)];
}

function csvSheetName(file: string): string {
  return path.basename(file, path.extname(file)).replace(/[[\]:*?/\\]/g, "_").slice(0, SHEET_NAME_LIMIT) || "Sheet1";
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
