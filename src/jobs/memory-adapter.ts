/**
 * An in-memory `WorkbookAdapter` over a `WorkbookData`, for the jobs' and the pane's tests. It
 * keeps the promises the real adapters keep, through the same shared rules:
 * plans placed by the free-sheet-name rule (only sheets it generated are replaced, a user sheet
 * of the same name is never touched), dates shifted for a 1904-system workbook, and a settings
 * store kept as settings-store.ts says, with the list of generated sheets (by name) under
 * "ar.generated", and rows appended below a named table (created on first use) without touching
 * the rows there.
 */
import type {
  AppendRowsRequest,
  AppendRowsResult,
  CellValue,
  ReplaceableSheet,
  ReadOptions,
  RunOptions,
  SheetData,
  WorkbookAdapter,
  WorkbookData,
} from "../workbook/adapter-types";
import { tableColumnsFor, tableRows } from "../workbook/append-rows";
import { checkPlanFitsSheet } from "../workbook/excel-limits";
import { shiftedDateColumns, storedCell } from "../workbook/plan-dates";
import type { SheetPlan } from "../workbook/plan-types";
import { GENERATED_KEY, generatedAfterWrite, generatedToText, readGeneratedList, settingsForJobs, type GeneratedSheet } from "../workbook/settings-store";
import { placeSheets, type SheetPlace } from "../workbook/sheet-names";
import { cellAt, rowFromValues, rowsToChange, sheetFromGrid } from "../workbook/sheet-cells";

/** Deep copy of plain workbook data (values are JSON-safe). */
function copyOf<T>(data: T): T {
  return JSON.parse(JSON.stringify(data)) as T;
}

/** Plan values as stored cells, date columns shifted for a 1904-system workbook. */
function planCells(plan: SheetPlan, dateSystem: WorkbookData["dateSystem"]): CellValue[][] {
  const shifted = shiftedDateColumns(plan, dateSystem);
  return plan.values.map((row, rowIndex) => row.map((cell, col) => storedCell(cell, rowIndex, col, shifted)));
}

/**
 * A workbook held in memory. `read` returns a copy of the data; `writePlans` records the plans
 * and adds or replaces generated sheets; `writeSettings` merges settings into the store.
 * @example
 * const adapter = new MemoryAdapter({ sheets: [], tables: [], dateSystem: "1900", settings: {} });
 * await adapter.writePlans([plan]); // ["账龄分析 2026-11-23"]
 */
export class MemoryAdapter implements WorkbookAdapter {
  private readonly workbook: WorkbookData;
  /** Every stored key, the list of generated sheets included. */
  private store: Record<string, string>;
  /** Every plan written, by the sheet name it was written under. */
  readonly plans = new Map<string, SheetPlan>();

  /**
   * @param workbook the data to start from (copied; the caller's object is never changed). Its
   *   sheets flagged `generated` are the list of generated sheets, unless its settings hold one.
   */
  constructor(workbook: WorkbookData) {
    this.workbook = copyOf(workbook);
    this.store = { ...this.workbook.settings };
    const flagged = this.workbook.sheets.filter((sheet) => sheet.generated);
    if (!Object.hasOwn(this.store, GENERATED_KEY) && flagged.length > 0) {
      this.store[GENERATED_KEY] = generatedToText(flagged.map((sheet) => ({ id: sheet.name, name: sheet.name })));
    }
  }

  /** The current workbook contents, as `read` gives them (a copy). */
  get data(): WorkbookData {
    const generated = readGeneratedList(this.store[GENERATED_KEY]);
    const ours = new Set(generated.sheets.map((sheet) => sheet.id));
    const data: WorkbookData = {
      ...copyOf(this.workbook),
      sheets: this.workbook.sheets.map((sheet) => ({ ...copyOf(sheet), generated: ours.has(sheet.name) })),
      settings: settingsForJobs(this.store),
    };
    if (generated.errors.length > 0) data.storeErrors = generated.errors;
    return data;
  }

  /** The sheet of that name (a copy), or undefined. */
  sheet(name: string): SheetData | undefined {
    const found = this.workbook.sheets.find((candidate) => candidate.name === name);
    return found === undefined ? undefined : { ...copyOf(found), generated: this.generatedNames().has(name) };
  }

  /** Returns a copy of the workbook data. */
  async read(options?: ReadOptions): Promise<WorkbookData> {
    options?.signal?.throwIfAborted();
    const wanted = options?.sheets;
    if (wanted === undefined) return this.data;
    return { ...this.data, sheets: this.data.sheets.map((sheet) => (wanted(sheet.name) ? sheet : { ...sheet, rows: [], hiddenRows: undefined })) };
  }

  /** Generated sheets that writing these plans would replace (ids are names here). */
  async findReplaceableSheets(plans: SheetPlan[]): Promise<ReplaceableSheet[]> {
    return this.places(plans).flatMap((place, index) =>
      place.replaces ? [{ planName: plans[index].name, sheetName: place.replaces.name, sheetId: place.replaces.name }] : [],
    );
  }

  /** Writes each plan as a generated sheet; returns the names written. */
  async writePlans(plans: SheetPlan[], options?: RunOptions): Promise<string[]> {
    plans.forEach(checkPlanFitsSheet);
    const places = this.places(plans);
    const written: GeneratedSheet[] = [];
    for (const [index, plan] of plans.entries()) {
      options?.signal?.throwIfAborted();
      const { name, replaces } = places[index];
      const sheet: SheetData = sheetFromGrid(name, planCells(plan, this.workbook.dateSystem), { generated: true });
      const at = replaces ? this.workbook.sheets.findIndex((candidate) => candidate.name === replaces.name) : -1;
      if (at >= 0) this.workbook.sheets[at] = sheet;
      else this.workbook.sheets.push(sheet);
      this.plans.set(name, { ...plan, name });
      written.push({ id: name, name, kind: plan.kind });
      options?.onProgress?.({ fraction: (index + 1) / plans.length, message: name });
    }
    const present = new Set(this.workbook.sheets.map((sheet) => sheet.name));
    this.store[GENERATED_KEY] = generatedToText(generatedAfterWrite(readGeneratedList(this.store[GENERATED_KEY]).sheets, present, written));
    return written.map((sheet) => sheet.name);
  }

  /**
   * Appends rows below a named table; creates the table on a new sheet on first use. When cells
   * below the table hold something, whole rows are inserted first, so nothing is overwritten.
   * @param request the table, its headers and the rows
   * @returns where the rows went
   */
  async appendRows(request: AppendRowsRequest, options?: RunOptions): Promise<AppendRowsResult> {
    options?.signal?.throwIfAborted();
    const dateSystem = this.workbook.dateSystem;
    const wanted = request.tableName.toLowerCase();
    const table = this.workbook.tables.find((candidate) => candidate.name.toLowerCase() === wanted);
    if (table === undefined) {
      const [place] = placeSheets([request.sheetName], this.workbook.sheets.map((sheet) => ({ name: sheet.name, generated: false })));
      const width = request.headers.length;
      const rows = tableRows(request, request.headers.map((_, col) => col), width, dateSystem);
      this.workbook.sheets.push(sheetFromGrid(place.name, [request.headers, ...rows]));
      this.workbook.tables.push({ name: request.tableName, sheet: place.name, headerRow: 0, firstCol: 0, rowCount: rows.length, columnCount: width });
      return { sheet: place.name, tableName: request.tableName, created: true, firstRow: 2 };
    }
    const sheet = this.workbook.sheets.find((candidate) => candidate.name === table.sheet) as SheetData;
    const headers = Array.from({ length: table.columnCount }, (_, c) => cellAt(sheet, table.headerRow, table.firstCol + c));
    const rows = tableRows(request, tableColumnsFor(table.name, headers, request.headers), table.columnCount, dateSystem);
    const below = table.headerRow + 1 + table.rowCount;
    const occupied = rows.some((_, r) => headers.some((__, c) => cellAt(sheet, below + r, table.firstCol + c) !== null));
    const sheetRows = rowsToChange(sheet);
    if (occupied) {
      sheetRows.splice(below - sheet.firstRow, 0, ...rows.map(() => undefined));
      for (const other of this.workbook.tables) if (other !== table && other.sheet === sheet.name && other.headerRow >= below) other.headerRow += rows.length;
    }
    while (sheetRows.length < below + rows.length - sheet.firstRow) sheetRows.push(undefined);
    rows.forEach((row, r) => {
      const index = below + r - sheet.firstRow;
      // The row is blank within the table's columns: its cells there are the new values, the others stay.
      const kept = sheetRows[index];
      const outside: CellValue[] = [];
      const cols: number[] = [];
      kept?.cols.forEach((col, i) => {
        if (col < table.firstCol || col >= table.firstCol + table.columnCount) {
          cols.push(col);
          outside.push(kept.values[i]);
        }
      });
      const added = rowFromValues(row, table.firstCol);
      const merged = [...cols.map((col, i) => ({ col, value: outside[i] })), ...(added?.cols.map((col, i) => ({ col, value: added.values[i] })) ?? [])].sort((a, b) => a.col - b.col);
      sheetRows[index] = merged.length === 0 ? undefined : { cols: merged.map((cell) => cell.col), values: merged.map((cell) => cell.value) };
    });
    table.rowCount += rows.length;
    return { sheet: sheet.name, tableName: table.name, created: false, firstRow: below + 1 };
  }

  /** The stored values of these settings keys (absent keys are left out). */
  async readStoredSettings(keys: string[]): Promise<Record<string, string>> {
    return Object.fromEntries(keys.filter((key) => Object.hasOwn(this.store, key)).map((key) => [key, this.store[key]]));
  }

  /** Merges settings into the store. */
  async writeSettings(settings: Record<string, string>): Promise<void> {
    this.store = { ...this.store, ...settings };
  }

  /** The names of the sheets the store lists as generated (unreadable entries count as not). */
  private generatedNames(): Set<string> {
    return new Set(readGeneratedList(this.store[GENERATED_KEY]).sheets.map((sheet) => sheet.id));
  }

  /** Where the plans would go now, by the free-sheet-name rule. */
  private places(plans: SheetPlan[]): SheetPlace<{ name: string; generated: boolean }>[] {
    const ours = this.generatedNames();
    return placeSheets(
      plans.map((plan) => plan.name),
      this.workbook.sheets.map((sheet) => ({ name: sheet.name, generated: ours.has(sheet.name) })),
    );
  }
}
