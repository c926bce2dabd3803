/**
 * The row errors of one reading, up to a limit: a workbook pasted wrong can have a problem on
 * every row, and a list of 100,000 helps nobody; the rest are counted in one closing entry.
 */
import type { RowError } from "../../rules/types";

/**
 * Errors listed before the rest are counted in one closing entry.
 * @example DEFAULT_MAX_ERRORS // 1000
 */
export const DEFAULT_MAX_ERRORS = 1000;

/**
 * Collects row errors up to a limit, counting the rest.
 * @example
 * const errors = new RowErrorList(1);
 * errors.add(first); errors.add(second);
 * errors.finish({ sheet: "AR", row: 1 }) // [first, { sheet: "AR", row: 1, column: "A", code: "errors.truncated", params: { count: 1 } }]
 */
export class RowErrorList {
  private readonly listed: RowError[] = [];
  private overflow = 0;

  /** @param max how many errors to list */
  constructor(private readonly max: number) {}

  /** Lists an error, or counts it once the list is full. */
  add(error: RowError): void {
    if (this.listed.length < this.max) this.listed.push(error);
    else this.overflow++;
  }

  /**
   * The listed errors, and one "errors.truncated" entry at `where` when some were only counted.
   * @param where the place of the closing entry (the invoices table's header row)
   * @returns the errors
   */
  finish(where: { sheet: string; row: number }): RowError[] {
    if (this.overflow === 0) return this.listed;
    return [...this.listed, { ...where, column: "A", code: "errors.truncated", params: { count: this.overflow } }];
  }
}
