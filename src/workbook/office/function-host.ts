/**
 * The Office.js calls of the worksheet functions in the shared runtime: reading what their policy
 * needs (the settings sheet and the stored policy, nothing else of the workbook), recalculating the
 * add-in's formulas, telling when the settings sheet is edited, and the display language. Wrapped
 * here so that src/functions holds no Office.js and its tests pass the Excel stand-in.
 */
import type { SheetData, WorkbookData } from "../adapter-types";
import { isSettingsSheet, rowFromValues } from "../sheet-cells";
import { readGeneratedList, SETTINGS_KEYS } from "../settings-store";
import { toCell } from "./cells";
import { recalculateFunctionCells } from "./recalc";
import { globalExcel, type ExcelRunner } from "./runner";
import { queueGeneratedListRead, storedText } from "./settings";

/** The custom functions' namespace, as the manifest declares it. */
const NAMESPACE = "AR";

/** What the functions ask of Excel. */
export interface FunctionHost {
  /** The settings sheet and the stored policy as WorkbookData; null when this host cannot read them. */
  readSettings(): Promise<WorkbookData | null>;
  /** Recalculates the add-in's formulas (the whole workbook where Range.calculate is missing). */
  recalculate(): Promise<void>;
  /** Calls `onChange` whenever a settings sheet is edited, here or by a co-author (ExcelApi 1.9). */
  watchSettingsSheet(onChange: () => void): Promise<void>;
  /** Office's display language, e.g. "zh-CN"; undefined when Office does not say. */
  displayLanguage(): string | undefined;
}

/** The slice of the `Office` namespace used here. */
export interface OfficeFunctionsLike {
  onReady(): Promise<unknown>;
  context?: {
    displayLanguage?: string;
    requirements?: { isSetSupported(name: string, version?: string): boolean };
  };
}

/** The sheet event used to tell that a settings sheet was edited. */
interface SheetChange {
  worksheetId: string;
}

/** The rows of a used range starting at column `firstCol`, as the settings reader takes them. */
function cellRows(values: unknown[][], types: string[][], firstCol: number): SheetData["rows"] {
  return values.map((row, r) => rowFromValues(row.map((value, c) => toCell(value, types[r][c])), firstCol));
}

/**
 * A FunctionHost over Excel and Office (the stand-in's in tests).
 * @param excel where `run` comes from
 * @param office the Office namespace
 * @returns the host
 * @example const host = createFunctionHost(Excel, Office); await host.readSettings();
 */
export function createFunctionHost(excel: ExcelRunner, office: OfficeFunctionsLike): FunctionHost {
  const supports = (version: string): boolean => office.context?.requirements?.isSetSupported("ExcelApi", version) ?? false;
  /** Ids of the sheets with a settings name at the last read: the ones whose edits change the policy. */
  const settingsSheetIds = new Set<string>();

  return {
    async readSettings() {
      await office.onReady();
      if (!supports("1.4")) return null;
      return excel.run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/name,items/id");
        const stored = context.workbook.settings.getItemOrNullObject(SETTINGS_KEYS.policy).load("value");
        const generatedList = queueGeneratedListRead(context);
        await context.sync();
        const generated = new Set(readGeneratedList(generatedList()).sheets.map((sheet) => sheet.id));
        const named = sheets.items.filter((sheet) => !generated.has(sheet.id) && isSettingsSheet(sheet.name));
        settingsSheetIds.clear();
        for (const sheet of named) settingsSheetIds.add(sheet.id);
        const policyText = stored.isNullObject ? undefined : storedText(stored.value);
        const data: WorkbookData = { sheets: [], tables: [], dateSystem: "1900", settings: policyText === undefined ? {} : { [SETTINGS_KEYS.policy]: policyText } };
        if (named.length === 0) return data;
        const used = named[0].getUsedRangeOrNullObject().load("values,valueTypes,rowIndex,columnIndex");
        await context.sync();
        if (!used.isNullObject) {
          data.sheets.push({ name: named[0].name, rows: cellRows(used.values, used.valueTypes, used.columnIndex), firstRow: used.rowIndex, firstCol: used.columnIndex, generated: false });
        }
        return data;
      });
    },

    async recalculate() {
      await office.onReady();
      if (supports("1.6")) {
        await recalculateFunctionCells(excel, NAMESPACE);
        return;
      }
      await excel.run(async (context) => {
        context.workbook.application.calculate("Full");
        await context.sync();
      });
    },

    async watchSettingsSheet(onChange) {
      await office.onReady();
      if (!supports("1.9")) return;
      await excel.run(async (context) => {
        context.workbook.worksheets.onChanged.add(async (event: SheetChange) => {
          if (settingsSheetIds.has(event.worksheetId)) onChange();
        });
        await context.sync();
      });
    },

    displayLanguage: () => office.context?.displayLanguage,
  };
}

/**
 * The host of the add-in's shared runtime: over the global Excel and Office, or null outside
 * Office (tests, a browser page without Office.js).
 * @returns the host, or null
 * @example const host = globalFunctionHost(); if (host) followWorkbook(host);
 */
export function globalFunctionHost(): FunctionHost | null {
  if (typeof Office === "undefined" || typeof (globalThis as { Excel?: unknown }).Excel === "undefined") return null;
  return createFunctionHost(globalExcel(), Office as unknown as OfficeFunctionsLike);
}
