/**
 * The Office.js adapter: the `WorkbookAdapter` the task pane and the ribbon use inside Excel. It
 * holds what one workbook session remembers (the date system) and hands each call to the module
 * of its concern: read.ts, write.ts, append.ts, registry.ts, settings.ts, navigation.ts.
 */
import type { AppendRowsRequest, AppendRowsResult, ReadOptions, ReplaceableSheet, RunOptions, WorkbookAdapter, WorkbookData } from "../adapter-types";
import { checkPlanFitsSheet } from "../excel-limits";
import type { SheetPlan } from "../plan-types";
import { appendTableRows } from "./append";
import type { KnownDateSystem } from "./date-system";
import { activateSheet, selectCell } from "./navigation";
import { readWorkbook, type RowSink } from "./read";
import { loadTargetsState, resolveTargets, type TargetsState } from "./registry";
import { globalExcel, type ExcelRunner } from "./runner";
import { readStoredSettings, writeStoredSettings } from "./settings";
import { writeSheets } from "./write";
import { checkLayoutFitsSheet, layoutOf, planValues, type PlanLayout, type PlanValues } from "./write-values";

export type { ExcelRunner } from "./runner";
export { activateSheet, selectCell } from "./navigation";

/** How long after `findReplaceableSheets` its look-up may stand for the write's own. */
const LOOKED_UP_MS = 1_000;

/**
 * WorkbookAdapter over Office.js.
 *
 * @example
 * const adapter = new OfficeAdapter(); // uses the global Excel inside the add-in
 * const data = await adapter.read({ onProgress: (p) => console.info(p.fraction) });
 * const written = await adapter.writePlans(plans); // ["账龄 2026-03-31"]
 */
export class OfficeAdapter implements WorkbookAdapter {
  private readonly dateSystem: KnownDateSystem = {};
  /**
   * The sheets and the list of generated sheets that `findReplaceableSheets` read when it found
   * nothing to replace (so no one was asked): the write that follows it at once — the job's next
   * step — takes them instead of a look-up sync of its own. Used once; dropped by any other call
   * and after LOOKED_UP_MS.
   */
  private lookedUp: { state: TargetsState; at: number } | null = null;

  /**
   * @param excel Where `run` comes from; the global `Excel` by default.
   */
  constructor(private readonly excel: ExcelRunner = globalExcel()) {}

  /**
   * Reads every user sheet's used range, hidden rows, the tables, the stored settings and the
   * date system (see readWorkbook in read.ts for the syncs).
   *
   * @param options Progress callback, abort signal (checked before each sync), and which sheets' cells are wanted.
   * @returns The workbook as plain data.
   */
  async read(options: ReadOptions = {}): Promise<WorkbookData> {
    this.lookedUp = null;
    return this.excel.run((context) => readWorkbook(context, options, this.dateSystem));
  }

  /**
   * Reads as `read` does, handing each sync's rows to `sink` as they arrive instead of keeping
   * them (the jobs worker gets them while the next sync travels).
   *
   * @param options Progress callback and abort signal (checked before each sync).
   * @param sink Where each sync's rows go.
   * @returns The workbook without its rows (each sheet's `rows` empty).
   * @example await adapter.readInPieces({}, (sheet, startRow, rows) => port.postMessage({ sheet, startRow, rows }));
   */
  async readInPieces(options: RunOptions, sink: RowSink): Promise<WorkbookData> {
    this.lookedUp = null;
    return this.excel.run((context) => readWorkbook(context, options, this.dateSystem, sink));
  }

  /**
   * Lists the add-in's own sheets that writing these plans would replace, so the task pane can
   * ask first. User sheets are never replaced (their plans go to "name (2)"). One sync.
   *
   * @param plans The plans about to be written.
   * @returns The generated sheets carrying the plans' target names.
   */
  async findReplaceableSheets(plans: readonly Pick<SheetPlan, "name">[]): Promise<ReplaceableSheet[]> {
    this.lookedUp = null;
    return this.excel.run(async (context) => {
      const state = await loadTargetsState(context);
      const found = resolveTargets(plans, state.existing, new Set(state.generated.map((entry) => entry.id))).flatMap((target) =>
        target.replaces ? [{ planName: target.plan.name, sheetName: target.replaces.name, sheetId: target.replaces.id }] : [],
      );
      // Nothing to replace, so nothing to ask: the write that comes next uses this look-up.
      if (found.length === 0) this.lookedUp = { state, at: Date.now() };
      return found;
    });
  }

  /** The look-up a write may use instead of its own (see `lookedUp`), once; null when stale or none. */
  private takeLookedUp(): TargetsState | null {
    const kept = this.lookedUp;
    this.lookedUp = null;
    return kept !== null && Date.now() - kept.at <= LOOKED_UP_MS ? kept.state : null;
  }

  /**
   * Writes each plan as a sheet, replacing only the add-in's own (see writeSheets in write.ts).
   * Plans that cannot be sheets are refused before anything is sent.
   *
   * @param plans Plans to write, in order; the first written sheet is activated.
   * @param options Progress callback and abort signal (checked before each sync).
   * @returns The sheet names written.
   */
  async writePlans(plans: SheetPlan[], options: RunOptions = {}): Promise<string[]> {
    plans.forEach(checkPlanFitsSheet);
    return this.writeLaidOut(plans.map(layoutOf), planValues(plans), options);
  }

  /**
   * Writes plans given as layouts and their cells apart (the jobs worker keeps the cells and
   * sends each run of rows when the writer asks); otherwise as `writePlans`.
   *
   * @param layouts The plans without their cells, in order.
   * @param values Their cells, fetched run by run.
   * @param options Progress callback and abort signal (checked before each sync).
   * @returns The sheet names written.
   * @example await adapter.writeLaidOut(plans.map(layoutOf), planValues(plans)); // ["账龄 2026-03-31"]
   */
  async writeLaidOut(layouts: PlanLayout[], values: PlanValues, options: RunOptions = {}): Promise<string[]> {
    layouts.forEach(checkLayoutFitsSheet);
    const lookedUp = this.takeLookedUp();
    if (layouts.length === 0) return [];
    return this.excel.run((context) => writeSheets(context, layouts, values, options, this.dateSystem, lookedUp ?? undefined));
  }

  /**
   * Appends rows below a named table (created on first use), co-authoring safe: range values
   * written under the table, never TableRowCollection.add (see appendTableRows in append.ts).
   *
   * @param request The table, its headers and the rows.
   * @param options Abort signal (checked before each sync).
   * @returns Where the rows went.
   */
  async appendRows(request: AppendRowsRequest, options: RunOptions = {}): Promise<AppendRowsResult> {
    this.lookedUp = null;
    return this.excel.run((context) => appendTableRows(context, request, options, this.dateSystem));
  }

  /**
   * Stores settings in the workbook's SettingCollection (it travels with the file and suits
   * co-authoring). One sync.
   *
   * @param settings Key → value, such as { "ar.policy": "{…}" }.
   */
  async writeSettings(settings: Record<string, string>): Promise<void> {
    this.lookedUp = null;
    await writeStoredSettings(this.excel, settings);
  }

  /**
   * Reads some of the add-in's stored settings without reading the sheets. One sync.
   * @param keys settings keys, such as ["ar.mapping"]
   * @returns key → stored text, absent keys left out
   */
  async readStoredSettings(keys: string[]): Promise<Record<string, string>> {
    return readStoredSettings(this.excel, keys);
  }

  /** Selects a cell or range on a sheet (see {@link selectCell}). */
  selectCell(sheet: string, address: string): Promise<void> {
    return selectCell(sheet, address, this.excel);
  }

  /** Activates a sheet (see {@link activateSheet}). */
  activateSheet(name: string): Promise<void> {
    return activateSheet(name, this.excel);
  }
}
