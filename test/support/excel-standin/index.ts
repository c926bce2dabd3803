/**
 * A strict in-memory stand-in for the Excel JavaScript API — the subset the add-in's Office
 * adapter uses — for unit tests, benchmarks and browser tests without Excel.
 *
 * Strict like Excel: reading a property that was not load()ed and synced throws PropertyNotLoaded;
 * writes apply only at sync(); a request or response over 5 MB rejects the sync; a read of more
 * than 5,000,000 cells fails; strings written through Range.values are interpreted as Excel does
 * (=, +, -, @ make formulas; a leading apostrophe stores text; a text-formatted cell keeps text).
 * Every sync is recorded with its request and response size and the time spent in it, and every
 * write per sheet. Charts are split into series as Excel splits their source (chart-model.ts).
 */
import { StandInContext } from "./context";
import { WorkbookProxy } from "./proxies";
import { WorkbookState, type WorkbookSpec } from "./workbook-state";

export { StandInError, dateSerial, columnLetters } from "./model";
export type { ChartAxisState, ChartSeriesState, ChartState, SpecCell, Stored } from "./model";
export { PAYLOAD_LIMIT_BYTES, READ_CELL_LIMIT, utf8Bytes } from "./context";
export type { SyncRecord, WriteRecord } from "./context";
export { WorkbookState } from "./workbook-state";
export { ClientResultProxy } from "./range-proxies";
export type { RowPropertiesLoadOptions } from "./range-proxies";
export type { WorkbookSpec, SheetSpec, TableSpec, CellView } from "./workbook-state";

/** The stand-in's `Excel` namespace: `run` plus the enums the adapter may reference. */
export interface StandInExcel {
  run<T>(batch: (context: StandInRequestContext) => Promise<T>): Promise<T>;
  ConditionalFormatType: { cellValue: "CellValue"; custom: "Custom" };
  ChartType: { barStacked: "BarStacked"; columnClustered: "ColumnClustered"; line: "Line"; lineMarkers: "LineMarkers" };
  ChartSeriesBy: { auto: "Auto"; columns: "Columns"; rows: "Rows" };
  SheetVisibility: { visible: "Visible"; hidden: "Hidden"; veryHidden: "VeryHidden" };
  RangeValueType: { empty: "Empty"; string: "String"; double: "Double"; boolean: "Boolean"; error: "Error" };
  ConditionalCellValueOperator: { greaterThan: "GreaterThan" };
}

/** What `Excel.run` hands to the batch. */
export interface StandInRequestContext {
  workbook: WorkbookProxy;
  sync(): Promise<void>;
}

/** The stand-in's `Office` namespace (enough for bootstrap code). */
export interface StandInOffice {
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  HostType: { Excel: "Excel" };
  context: { requirements: { isSetSupported(name: string, version?: string): boolean } };
}

/** The host: the recorded workbook state, the syncs, the writes. */
export interface StandInHost {
  /** The workbook: sheets, settings, selection, recorded syncs and writes. */
  workbook: WorkbookState;
  /** Every sync so far (request and response bytes, operation names, milliseconds inside). */
  syncs: WorkbookState["syncs"];
  /** Writes per sheet name (name at the time of the write). */
  writesBySheet: WorkbookState["writesBySheet"];
  /** How many Excel.run batches ran. */
  runs: number;
}

/**
 * Builds a stand-in Excel around a workbook spec.
 *
 * @param spec Sheets (cells from A1, optional number formats and tables), date system, settings.
 * @returns `{ Excel, Office, host }` — pass `Excel` where the adapter expects `Excel`.
 * @example
 * const { Excel, host } = createExcelHost({ sheets: [{ name: "Invoices", cells: [["No", "Amount"], ["A-1", 100]] }] });
 * await Excel.run(async (context) => {
 *   const range = context.workbook.worksheets.getItem("Invoices").getRange("B2");
 *   range.load("values");
 *   await context.sync();
 *   range.values; // [[100]]
 * });
 * host.syncs.length; // 1
 */
export function createExcelHost(spec: WorkbookSpec): { Excel: StandInExcel; Office: StandInOffice; host: StandInHost } {
  const state = new WorkbookState(spec);
  const host: StandInHost = { workbook: state, syncs: state.syncs, writesBySheet: state.writesBySheet, runs: 0 };
  const Excel: StandInExcel = {
    async run<T>(batch: (context: StandInRequestContext) => Promise<T>): Promise<T> {
      host.runs++;
      const context = new StandInContext(state);
      const requestContext: StandInRequestContext = {
        workbook: new WorkbookProxy(context),
        sync: () => context.sync(),
      };
      context.workbook = requestContext.workbook;
      try {
        const result = await batch(requestContext);
        if (context.pending) await context.sync();
        return result;
      } finally {
        context.close();
      }
    },
    ConditionalFormatType: { cellValue: "CellValue", custom: "Custom" },
    ChartType: { barStacked: "BarStacked", columnClustered: "ColumnClustered", line: "Line", lineMarkers: "LineMarkers" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    RangeValueType: { empty: "Empty", string: "String", double: "Double", boolean: "Boolean", error: "Error" },
    ConditionalCellValueOperator: { greaterThan: "GreaterThan" },
  };
  const Office: StandInOffice = {
    onReady: async (callback) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return info;
    },
    HostType: { Excel: "Excel" },
    context: { requirements: { isSetSupported: () => true } },
  };
  return { Excel, Office, host };
}
