/**
 * An in-memory `WorkbookAdapter` over a `WorkbookData`: for tests, and for dry runs of the ribbon
 * and command line. It keeps the promises the real adapters keep: only sheets it generated are
 * replaced, a user sheet of the same name is never touched (the plan goes under "name (2)"),
 * and dates in a plan's `dateCols` are shifted for a 1904-system workbook.
 */
import type { CellValue, ReplaceableSheet, RunOptions, SheetData, WorkbookAdapter, WorkbookData } from "../workbook/adapter-types";
import type { SheetPlan } from "../workbook/plan-types";

/** Days between the 1900 and 1904 date systems' serials for the same date. */
const DAYS_1900_TO_1904 = 1462;
const MAX_SHEET_NAME = 31;

/** Deep copy of plain workbook data (values are JSON-safe). */
function copyWorkbook(workbook: WorkbookData): WorkbookData {
  return JSON.parse(JSON.stringify(workbook)) as WorkbookData;
}

/**
 * The name under which a plan can be written: the plan's own name unless a user sheet holds it,
 * then "name (2)", "name (3)" … (shortened to stay within 31 characters).
 * @param wanted the plan's name
 * @param sheets sheets in the workbook
 * @returns a name that is free or belongs to a generated sheet
 * @example freeSheetName("Aging 2026-11-23", [{ name: "Aging 2026-11-23", generated: false }]) // "Aging 2026-11-23 (2)"
 */
export function freeSheetName(wanted: string, sheets: Pick<SheetData, "name" | "generated">[]): string {
  const byName = new Map(sheets.map((sheet) => [sheet.name.toLowerCase(), sheet]));
  const usable = (name: string) => {
    const existing = byName.get(name.toLowerCase());
    return existing === undefined || existing.generated;
  };
  if (usable(wanted)) return wanted;
  for (let copy = 2; ; copy += 1) {
    const suffix = ` (${copy})`;
    const candidate = Array.from(wanted).slice(0, MAX_SHEET_NAME - suffix.length).join("") + suffix;
    if (usable(candidate)) return candidate;
  }
}

/** Plan values as stored cells, date columns shifted for a 1904-system workbook. */
function planCells(plan: SheetPlan, dateSystem: WorkbookData["dateSystem"]): CellValue[][] {
  const dateCols = new Set(dateSystem === "1904" ? (plan.dateCols ?? []) : []);
  return plan.values.map((row, rowIndex) =>
    row.map((cell, col) =>
      rowIndex > 0 && dateCols.has(col) && typeof cell === "number" ? cell - DAYS_1900_TO_1904 : cell,
    ),
  );
}

/**
 * A workbook held in memory. `read` returns a copy of the data; `writePlans` records the plans
 * and adds or replaces generated sheets; `writeSettings` merges settings.
 * @example
 * const adapter = new MemoryAdapter({ sheets: [], tables: [], dateSystem: "1900", settings: {} });
 * await adapter.writePlans([plan]); // ["账龄分析 2026-11-23"]
 */
export class MemoryAdapter implements WorkbookAdapter {
  private workbook: WorkbookData;
  /** Every plan written, by the sheet name it was written under. */
  readonly plans = new Map<string, SheetPlan>();

  /** @param workbook the data to start from (copied; the caller's object is never changed) */
  constructor(workbook: WorkbookData) {
    this.workbook = copyWorkbook(workbook);
  }

  /** The current workbook contents (a copy). */
  get data(): WorkbookData {
    return copyWorkbook(this.workbook);
  }

  /** The sheet of that name, or undefined. */
  sheet(name: string): SheetData | undefined {
    const found = this.workbook.sheets.find((candidate) => candidate.name === name);
    return found === undefined ? undefined : (JSON.parse(JSON.stringify(found)) as SheetData);
  }

  /** Returns a copy of the workbook data. */
  async read(options?: RunOptions): Promise<WorkbookData> {
    options?.signal?.throwIfAborted();
    return copyWorkbook(this.workbook);
  }

  /** Generated sheets carrying a plan's name (ids are names here). */
  async findReplaceableSheets(plans: SheetPlan[]): Promise<ReplaceableSheet[]> {
    return plans.flatMap((plan) => {
      const found = this.workbook.sheets.find((sheet) => sheet.generated && sheet.name.toLowerCase() === plan.name.toLowerCase());
      return found ? [{ planName: plan.name, sheetName: found.name, sheetId: found.name }] : [];
    });
  }

  /** Writes each plan as a generated sheet; returns the names written. */
  async writePlans(plans: SheetPlan[], options?: RunOptions): Promise<string[]> {
    const written: string[] = [];
    for (const [index, plan] of plans.entries()) {
      options?.signal?.throwIfAborted();
      const name = freeSheetName(plan.name, this.workbook.sheets);
      const sheet: SheetData = {
        name,
        rows: planCells(plan, this.workbook.dateSystem),
        firstRow: 0,
        firstCol: 0,
        generated: true,
      };
      const at = this.workbook.sheets.findIndex((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
      if (at >= 0) this.workbook.sheets[at] = sheet;
      else this.workbook.sheets.push(sheet);
      this.plans.set(name, { ...plan, name });
      written.push(name);
      options?.onProgress?.({ fraction: (index + 1) / plans.length, message: name });
    }
    return written;
  }

  /** The stored values of these settings keys (absent keys are left out). */
  async readStoredSettings(keys: string[]): Promise<Record<string, string>> {
    const stored = this.workbook.settings ?? {};
    return Object.fromEntries(keys.filter((key) => Object.hasOwn(stored, key)).map((key) => [key, stored[key]]));
  }

  /** Merges settings into the workbook's settings. */
  async writeSettings(settings: Record<string, string>): Promise<void> {
    this.workbook.settings = { ...this.workbook.settings, ...settings };
  }
}
