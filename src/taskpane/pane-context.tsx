/**
 * What every part of the pane shares, passed through React context so that tests inject a
 * MemoryAdapter-backed workbook or the Excel stand-in: the workbook adapter, the Office host, the
 * language and its strings, today's date, and the latest job result (for the flags and
 * data-errors tabs).
 */
import * as React from "react";
import type { JobResult } from "../jobs/jobs";
import type { DayNumber, Lang } from "../rules/types";
import type { WorkbookAdapter } from "../workbook/adapter-types";
import type { SheetPlan } from "../workbook/plan-types";
import type { ReplaceableSheet } from "../workbook/adapter-types";
import { isoDate } from "./format";
import { PANE_STRINGS, type PaneStrings } from "../i18n/pane";
import type { OfficeHost } from "./office-host";

/** A workbook adapter plus the pane-only calls: ask before replacing, select, activate. */
export interface PaneWorkbook extends WorkbookAdapter {
  /** The add-in's own sheets that writing these plans would replace. */
  findReplaceableSheets(plans: SheetPlan[]): Promise<ReplaceableSheet[]>;
  /** Selects a cell or range ("C17", "A5:H5") and activates its sheet. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Activates a sheet. */
  activateSheet(name: string): Promise<void>;
  /** The stored values of these settings keys (absent keys are left out). */
  readStoredSettings(keys: string[]): Promise<Record<string, string>>;
}

/** The latest job run in the pane: its result and the language its sheets were written in. */
export interface LastRun {
  result: JobResult;
  lang: Lang;
  /** Sheet names written, by plan kind ("aging", "detail", …). */
  sheetsByKind: Partial<Record<SheetPlan["kind"], string>>;
}

/** The pane's shared values. */
export interface PaneValue {
  workbook: PaneWorkbook;
  host: OfficeHost;
  lang: Lang;
  strings: PaneStrings;
  /** Today, for the default as-of date. */
  today: DayNumber;
  /** The as-of date as typed on the aging tab; the flags and letters tabs use it too. */
  asOfText: string;
  setAsOfText(text: string): void;
  lastRun: LastRun | null;
  setLastRun(run: LastRun): void;
}

const PaneContext = React.createContext<PaneValue | null>(null);

/** Props of PaneProvider. */
export interface PaneProviderProps {
  workbook: PaneWorkbook;
  host: OfficeHost;
  lang: Lang;
  today: DayNumber;
  children?: React.ReactNode;
}

/**
 * Provides the workbook, host, language and the shared last run to the pane.
 * @param props workbook, host, language, today and children
 * @returns the provider element
 * @example <PaneProvider workbook={adapter} host={host} lang="en" today={fromYmd(2026, 11, 23)}><App /></PaneProvider>
 */
export function PaneProvider({ workbook, host, lang, today, children }: PaneProviderProps): React.JSX.Element {
  const [lastRun, setLastRun] = React.useState<LastRun | null>(null);
  const [asOfText, setAsOfText] = React.useState(() => isoDate(today));
  const value = React.useMemo<PaneValue>(
    () => ({ workbook, host, lang, strings: PANE_STRINGS[lang], today, asOfText, setAsOfText, lastRun, setLastRun }),
    [workbook, host, lang, today, asOfText, lastRun],
  );
  return <PaneContext.Provider value={value}>{children}</PaneContext.Provider>;
}

/**
 * The pane's shared values; throws outside a PaneProvider.
 * @returns the context value
 * @example const { strings, workbook } = usePane();
 */
export function usePane(): PaneValue {
  const value = React.useContext(PaneContext);
  if (value === null) throw new Error("usePane must be used inside <PaneProvider>");
  return value;
}

/**
 * Plan kind → sheet name written, pairing plans with `sheets` in order.
 * @param plans the plans of a job
 * @param sheets the names written (same order; empty on a dry run)
 * @returns names by kind
 * @example sheetsByKind([agingPlan, detailPlan], ["账龄分析 2026-11-23", "账龄明细 2026-11-23"]).aging // "账龄分析 2026-11-23"
 */
export function sheetsByKind(plans: SheetPlan[], sheets: string[]): LastRun["sheetsByKind"] {
  const byKind: LastRun["sheetsByKind"] = {};
  plans.forEach((plan, index) => {
    if (sheets[index] !== undefined) byKind[plan.kind] = sheets[index];
  });
  return byKind;
}
