/**
 * The workbook's date system, which Office.js has no API for: a probe queued with another sync's
 * work, and what the adapter remembers of the answer.
 */
import type { DateSystem } from "../../rules/types";
import { scratchName } from "./scratch";

/** What the adapter knows of the workbook's date system: from its read, or probed by a write that needs it. */
export interface KnownDateSystem {
  value?: DateSystem;
}

/** A queued probe: its answer once the sync has returned, and the removal of its sheet. */
export interface DateProbe {
  result(): DateSystem;
  cleanup(): void;
}

/**
 * Queues the date-system probe: a very-hidden scratch sheet gets `=DATE(1904,1,1)`, which is 0 in
 * a 1904 workbook and 1462 in a 1900 one. `formulas` takes en-US syntax whatever the locale;
 * `calculate()` covers manual calculation mode. Nothing is sent until the caller syncs.
 * @param context the batch's request context
 * @returns the probe; call `result()` after the sync, then queue `cleanup()`
 * @example const probe = queueDateProbe(context); await context.sync(); probe.result(); // "1900"
 */
export function queueDateProbe(context: Excel.RequestContext): DateProbe {
  const sheet = context.workbook.worksheets.add(scratchName("date"));
  sheet.visibility = "VeryHidden";
  const cell = sheet.getRange("A1");
  cell.formulas = [["=DATE(1904,1,1)"]];
  cell.calculate();
  cell.load("values");
  return {
    result: () => (cell.values[0][0] === 0 ? "1904" : "1900"),
    cleanup: () => sheet.delete(),
  };
}
