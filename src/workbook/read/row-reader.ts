/**
 * Reading the data rows of one located table: where each mapped column sits in a row (offsets
 * resolved once per table), the cells of the current row, and its problems reported on their
 * cells with the sheet, the row, the column letter and the column's header.
 */
import type { DateOrder, DateSystem, DayNumber, RowError, RowOutcome } from "../../rules/types";
import type { CellValue, RowCells, SheetData } from "../adapter-types";
import type { Field } from "../headers";
import type { LocatedTable } from "../locate";
import { dayOfCell, parseAmountWithCurrency, textOfCell } from "../parse";
import type { Parsed, ParsedAmount } from "../parse";
import type { Problem } from "../problems";
import { rowAt, valueAt } from "../sheet-cells";
import { columnLetter } from "../text";
import type { RowErrorList } from "./row-error-list";
import { isTotalText } from "./total-rows";

/**
 * Whether a cell holds nothing: blank, or only spaces.
 * @example isEmpty("  ") // true; isEmpty(0) // false
 */
export function isEmpty(cell: CellValue): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/**
 * One data row of a located table at a time, with helpers that read its cells and report their
 * problems. `failed` says whether a problem so far drops the row.
 * @example
 * const reader = new RowReader(sheet, table, errors);
 * reader.at(4);
 * const amount = reader.amount("amount", reader.cell("amount")); // undefined after reporting a bad amount
 */
export class RowReader {
  /** The current row's cells, as in `sheet.rows` (undefined for a row without values). */
  private line: RowCells | undefined = undefined;
  /** The current row, 0-based as in the sheet. */
  row = 0;
  /** Whether a problem reported on this row drops it. */
  failed = false;
  /** Each mapped field's slot in `cells` (columns are looked up once per row, not once per question). */
  private readonly slots = new Map<Field, number>();
  /** The sheet column of each slot. */
  private readonly slotColumns: number[] = [];
  /** The current row's cell of each slot. */
  private readonly cells: CellValue[] = [];
  /** Whether every mapped cell of the current row is empty. */
  private blank = true;
  private readonly headers: Partial<Record<Field, string>> = {};

  /**
   * @param sheet the sheet holding the table
   * @param table the located table
   * @param errors where problems go
   */
  constructor(
    private readonly sheet: SheetData,
    private readonly table: LocatedTable,
    private readonly errors: RowErrorList,
  ) {
    for (const [field, col] of Object.entries(table.columns) as [Field, number][]) {
      this.slots.set(field, this.slotColumns.length);
      this.slotColumns.push(col);
      this.cells.push(null);
    }
    for (const taken of table.mapping.taken) this.headers[taken.field] = taken.header;
  }

  /** Moves to a row (0-based, as in the sheet), takes its mapped cells and forgets the last row's failure. */
  at(row: number): void {
    this.row = row;
    const line = rowAt(this.sheet, row - this.sheet.firstRow);
    this.line = line;
    this.failed = false;
    let blank = true;
    for (let slot = 0; slot < this.slotColumns.length; slot++) {
      const cell = valueAt(line, this.slotColumns[slot]);
      this.cells[slot] = cell;
      if (blank && !isEmpty(cell)) blank = false;
    }
    this.blank = blank;
  }

  /** Whether the table has a column for the field. */
  has(field: Field): boolean {
    return this.slots.has(field);
  }

  /** The current row's cell of a field: null when the column is not mapped or the row is short. */
  cell(field: Field): CellValue {
    return this.cellIn(this.slot(field));
  }

  /**
   * Where a field's cell is kept for every row, −1 when its column is not mapped: a reader that
   * asks about a field on every row looks it up once.
   * @example const amountSlot = reader.slot("amount"); … reader.cellIn(amountSlot)
   */
  slot(field: Field): number {
    return this.slots.get(field) ?? -1;
  }

  /** The current row's cell in a slot (from `slot`): null for −1 or a short row. */
  cellIn(slot: number): CellValue {
    return slot < 0 ? null : this.cells[slot];
  }

  /**
   * Reports a problem on a field's cell of the current row.
   * @param field the field whose cell is at fault
   * @param found the problem
   * @param outcome "rowSkipped" (the default) drops the row; "readAsBlank" or null keep it
   */
  report(field: Field, found: Problem, outcome: RowOutcome | null = "rowSkipped"): void {
    if (outcome === "rowSkipped") this.failed = true;
    const col = this.table.columns[field];
    const error: RowError = { sheet: this.sheet.name, row: this.row + 1, column: col === undefined ? "" : columnLetter(col), code: found.code, params: found.params };
    const header = this.headers[field];
    if (header !== undefined) error.header = header;
    if (outcome !== null) error.outcome = outcome;
    this.errors.add(error);
  }

  /** A parsed value, or undefined after reporting its problem (the row is dropped). */
  take<T>(field: Field, parsed: Parsed<T>): T | undefined {
    if (parsed.error !== undefined) {
      this.report(field, parsed.error);
      return undefined;
    }
    return parsed.ok;
  }

  /** A text cell trimmed, null when blank, undefined after reporting an Excel error. */
  text(field: Field, cell: CellValue = this.cell(field)): string | null | undefined {
    const text = textOfCell(cell);
    if (text === null || typeof text === "string") return text;
    this.report(field, text);
    return undefined;
  }

  /** An amount, undefined after reporting a bad one. */
  amount(field: Field, cell: CellValue = this.cell(field)): ParsedAmount | undefined {
    return this.take(field, parseAmountWithCurrency(cell));
  }

  /** A date, undefined after reporting a bad one. */
  date(field: Field, system: DateSystem, order: DateOrder | null, cell: CellValue = this.cell(field)): DayNumber | undefined {
    const day = dayOfCell(cell, system, order);
    if (typeof day === "number") return day;
    this.report(field, day);
    return undefined;
  }

  /** Optional text (salesperson, region, contact…): an Excel error is reported and read as blank. */
  optionalText(field: Field, cell: CellValue = this.cell(field)): string | undefined {
    const text = textOfCell(cell);
    if (text === null) return undefined;
    if (typeof text === "string") return text;
    this.report(field, text, "readAsBlank");
    return undefined;
  }

  /** Whether every mapped cell of the current row is empty. */
  isBlank(): boolean {
    return this.blank;
  }

  /** A total or subtotal row: any text cell of the row, mapped or not, marks a total (isTotalText). */
  isTotal(): boolean {
    for (const value of this.line?.values ?? []) if (typeof value === "string" && value !== "" && isTotalText(value)) return true;
    return false;
  }
}
