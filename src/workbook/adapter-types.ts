/** What both workbook adapters (exceljs for files, Office.js inside Excel) offer the jobs. */
import type { DateSystem } from "../rules/types";
import type { PlanCell, SheetPlan } from "./plan-types";
import type { SettingError } from "./settings-store";

/** A cell as read: numbers (dates arrive as serials), text, booleans, blanks, or an Excel error. */
export type CellValue = string | number | boolean | null | { error: string };

/**
 * The cells of one row that hold a value, sparse: blank cells are not listed, so a row costs what
 * it holds, however far apart its cells are (read them with `valueAt`, src/workbook/sheet-cells.ts).
 */
export interface RowCells {
  /** 0-based sheet column of each value, increasing. */
  cols: number[];
  values: CellValue[];
}

/**
 * A sheet's rows kept some other way than as an array of rows — the jobs worker keeps a read's
 * rows as the packed blocks they arrived in (src/jobs/worker/block-rows.ts) and makes each row
 * when it is asked for. Read either kind through `rowAt` (src/workbook/sheet-cells.ts).
 */
export interface RowSource {
  /** One past the last row index that may hold a value. */
  readonly length: number;
  /** Row `index` (0-based from the sheet's first row), made anew on each call; undefined for a row without values. */
  row(index: number): RowCells | undefined;
  /** How many cells hold a value, in every row. */
  cellCount(): number;
}

/** The cells of one sheet, sparse: rows by index, each row only its values (never rows × columns). */
export interface SheetData {
  name: string;
  /**
   * rows[i] is sheet row firstRow + i (0-based); undefined for a row that holds no value. Read
   * through `rowAt` and `rowCount` (sheet-cells.ts): it may be a RowSource instead of an array.
   */
  rows: (RowCells | undefined)[] | RowSource;
  /** The 0-based sheet row of rows[0]; no value lies above it. */
  firstRow: number;
  /** A 0-based sheet column no value lies left of (header rows are matched from it). */
  firstCol: number;
  /** Written by this add-in earlier (in the store's list of generated sheets): never read as user data. */
  generated: boolean;
  /** 0-based sheet row indexes that are hidden or filtered out (still read; reported, not dropped). */
  hiddenRows?: number[];
}

/** An Excel table (ListObject) found in the workbook. */
export interface TableInfo {
  name: string;
  sheet: string;
  /** 0-based sheet coordinates of the header row's first cell. */
  headerRow: number;
  firstCol: number;
  /** Data rows (excluding header and totals). */
  rowCount: number;
  columnCount: number;
}

export interface WorkbookData {
  sheets: SheetData[];
  tables: TableInfo[];
  dateSystem: DateSystem;
  /** Key/value settings stored in the workbook by the add-in (policy JSON, templates, column mapping). */
  settings: Record<string, string>;
  /**
   * Problems in the store entries the adapter reads itself (the list of generated sheets, see
   * settings-store.ts); the settings report them with the store's other problems.
   */
  storeErrors?: SettingError[];
}

export interface Progress {
  /** 0..1 */
  fraction: number;
  message: string;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** Options of `read`. */
export interface ReadOptions extends RunOptions {
  /**
   * Which sheets' cells are wanted (by name); the others are listed with no rows, their cells
   * never fetched — the Settings tab reads the settings sheet and the store, not a million ledger rows.
   */
  sheets?: (name: string) => boolean;
  /**
   * Called by an adapter that reads in pieces (the jobs worker's) after each piece of rows: the
   * workbook so far — each sheet's rows as many as have arrived, its length as it will be — and
   * where each sheet's rows have arrived (the sheet row, 0-based, before which all are there).
   * A reading can begin before the last piece (read-early.ts). Other adapters never call it.
   */
  onArrived?: (workbook: WorkbookData, arrived: (sheetIndex: number) => number) => void;
}

/** Options of `writePlans`. */
export interface WriteOptions extends RunOptions {
  /**
   * Called once by an adapter whose writer takes the plans' cells as it goes (the jobs worker's),
   * when it has taken the last of them: what is left of the write (the last syncs, the formats,
   * the styles) needs nothing more of the caller, who may use the time. Other adapters never call it.
   */
  onValuesTaken?: () => void;
}

export interface WorkbookAdapter {
  read(options?: ReadOptions): Promise<WorkbookData>;
  /**
   * Writes each plan as a sheet. A sheet of the same name is replaced only if the add-in generated
   * it (it is in the store's list of generated sheets); a user sheet of that name is never
   * touched — the plan is written under a new name (sheet-names.ts). Returns the names written.
   */
  writePlans(plans: SheetPlan[], options?: WriteOptions): Promise<string[]>;
  writeSettings(settings: Record<string, string>): Promise<void>;
  /**
   * Lists the add-in's own sheets that writing these plans would replace, so a caller can ask
   * first. Adapters that never replace anything (the command line writes a copy) leave it out.
   */
  findReplaceableSheets?(plans: SheetPlan[]): Promise<ReplaceableSheet[]>;
  /**
   * Appends rows below a named Excel table, never rewriting a row already there (the collection
   * log: co-authors each keep their rows); on first use creates the table, named `tableName`, on a
   * new sheet. Every adapter of the product has it (Office: office/append.ts; .xlsx:
   * exceljs/append-rows.ts; tests: the memory adapter); a caller of an adapter without it reports
   * that the workbook cannot be appended to.
   * @throws AppendRowsError (append-rows.ts) when the table lacks a column asked for or has a totals row
   */
  appendRows?(request: AppendRowsRequest, options?: RunOptions): Promise<AppendRowsResult>;
}

/** Rows to append to a named table; see `WorkbookAdapter.appendRows`. */
export interface AppendRowsRequest {
  /** The table (ListObject) appended to, found by name (case-insensitive); created when absent. */
  tableName: string;
  /** The sheet a new table goes on: this name when free, else "name (2)"… (a user's sheet is never touched). */
  sheetName: string;
  /**
   * One header per column of `rows`. A new table gets these headers; in an existing table each
   * value goes under the column with this header (compared as headers are read: width, spacing
   * and case aside), and its other columns stay blank.
   */
  headers: string[];
  /** The rows, as wide as `headers`. Strings are always written as text, never as formulas. */
  rows: PlanCell[][];
  /** Columns holding dates as 1900-system serials: date-formatted, moved for a 1904 workbook. */
  dateCols?: number[];
  /** Columns holding amounts: amount-formatted (#,##0.00). */
  amountCols?: number[];
}

/** Where appended rows went. */
export interface AppendRowsResult {
  sheet: string;
  tableName: string;
  /** The table was created by this call. */
  created: boolean;
  /** The sheet row (1-based, as Excel numbers it) of the first row appended. */
  firstRow: number;
}

/** A sheet the add-in generated earlier that writing a plan would replace. */
export interface ReplaceableSheet {
  /** The plan's name. */
  planName: string;
  /** The existing generated sheet that would be replaced. */
  sheetName: string;
  /** Its id in the workbook (the name where the host has no ids). */
  sheetId: string;
}
