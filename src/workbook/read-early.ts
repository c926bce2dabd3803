/**
 * Reading the ledger while the workbook's rows arrive — in the jobs worker, as the pane's read
 * syncs bring them — instead of after the last: the reading (read.ts LedgerReading) begins once
 * the rows that decide the settings and the tables are all there, reads the invoice rows as they
 * come, and the rest once the last row is in. What it gives is what `readLedger` gives on the
 * whole workbook: the rows that decide are there before it begins, and the tables are located
 * again at the end (the reading begun again should they differ).
 *
 * The rows that decide: every sheet but one complete (the pane reads the largest sheet last), and
 * of that one the rows where tables are looked for — its first HEADER_SCAN_ROWS and the header
 * row of each Excel table on it — and every row of any table on it besides the invoices table.
 */
import type { Policy } from "../rules/policy-types";
import type { WorkbookData } from "./adapter-types";
import { HEADER_SCAN_ROWS } from "./locate";
import { LedgerReading, type ArrivedRows, type ReadLedgerOptions, type ReadLedgerResult } from "./read";
import { isSettingsSheet, sheetEnd } from "./sheet-cells";

/**
 * The one sheet still arriving, or -1 when every sheet is complete; undefined when more than one
 * is, or when the settings or the tables' headers are not yet there.
 */
function pendingSheet(workbook: WorkbookData, arrived: ArrivedRows): number | undefined {
  let pending = -1;
  for (let index = 0; index < workbook.sheets.length; index++) {
    const sheet = workbook.sheets[index];
    const end = sheetEnd(sheet);
    const upTo = arrived(index);
    if (upTo >= end) continue;
    if (pending !== -1 || isSettingsSheet(sheet.name) || upTo < Math.min(end, sheet.firstRow + HEADER_SCAN_ROWS)) return undefined;
    if (workbook.tables.some((table) => table.sheet === sheet.name && table.headerRow >= upTo)) return undefined;
    pending = index;
  }
  return pending;
}

/**
 * A reading of the ledger fed as the rows arrive.
 * @example
 * const early = new EarlyReading(policy, { lang: "zh-CN" });
 * const data = await adapter.read({ onArrived: early.arrived }); // the adapter calls it after each block
 * const read = early.finish(data); // as readLedger(data, policy, { lang: "zh-CN" })
 */
export class EarlyReading {
  private reading: LedgerReading | undefined;
  /** The rows that decide came with a table that is not: the reading waits for the last row. */
  private waits = false;

  /**
   * @param policy the policy to start from (the workbook's settings overlay it)
   * @param options as readLedger's
   */
  constructor(
    private readonly policy: Policy,
    private readonly options: ReadLedgerOptions = {},
  ) {}

  /** Whether the reading has begun before the last row. */
  get begun(): boolean {
    return this.reading !== undefined;
  }

  /**
   * Rows have arrived: begins the reading when it can, and reads on as far as they go.
   * @param workbook the workbook so far (each sheet's rows as many as have arrived, its length as it will be)
   * @param arrived where each sheet's rows have arrived
   */
  readonly arrived = (workbook: WorkbookData, arrived: ArrivedRows): void => {
    if (this.waits) return;
    if (this.reading === undefined) {
      const pending = pendingSheet(workbook, arrived);
      if (pending === undefined) return;
      let reading: LedgerReading;
      try {
        reading = LedgerReading.begin(workbook, this.policy, this.options, arrived);
      } catch {
        // No invoices table: the reading at the end says so, on the whole workbook.
        this.waits = true;
        return;
      }
      const unread = reading.located.some((table, index) => index > 0 && table !== null && table.sheetIndex === pending && table.dataRows.end > arrived(pending));
      if (unread) {
        this.waits = true;
        return;
      }
      this.reading = reading;
    }
    this.reading.advance();
  };

  /**
   * Ends the reading, every row there.
   * @param workbook the whole workbook
   * @returns what readLedger(workbook, policy, options) returns
   * @throws LedgerNotFoundError when no sheet holds an invoices table
   */
  finish(workbook: WorkbookData): ReadLedgerResult {
    return (this.reading ?? LedgerReading.begin(workbook, this.policy, this.options)).finish(workbook);
  }
}
