/**
 * Range objects of the Excel stand-in: Excel.Range (values, formulas, number formats and text
 * read and written by rectangle) and the client results of its methods.
 */
import { ClientObject } from "./client-object";
import { READ_CELL_LIMIT, type StandInContext } from "./context";
import { ConditionalFormatCollectionProxy, RangeFormatProxy } from "./format-proxies";
import { MAX_COLS, MAX_ROWS, StandInError, fail, textOut, valueOut, valueTypeOf, type CellFormat, type Rect, type SheetState } from "./model";
import { expandTablesBelow, insertCellsDown } from "./tables";
import { WorkbookState } from "./workbook-state";

/** A range resolved at sync time. */
export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

function cellCount(rect: Rect): number {
  return rect.rows * rect.cols;
}

function grid<V>(rect: Rect, cell: (row: number, col: number) => V): V[][] {
  const rows: V[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const row: V[] = [];
    for (let c = 0; c < rect.cols; c++) row.push(cell(rect.row + r, rect.col + c));
    rows.push(row);
  }
  return rows;
}

function checkShape(input: unknown, rect: Rect, property: string): unknown[][] {
  const ok =
    Array.isArray(input) &&
    input.length === rect.rows &&
    input.every((row) => Array.isArray(row) && row.length === rect.cols);
  if (!ok) fail("InvalidArgument", `Range.${property}`, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  return input as unknown[][];
}

export function uniform<V>(rect: Rect, read: (row: number, col: number) => V): V | null {
  const first = read(rect.row, rect.col);
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    for (let c = rect.col; c < rect.col + rect.cols; c++) if (read(r, c) !== first) return null;
  }
  return first;
}

const CELL_PROPS = new Set(["values", "valueTypes", "formulas", "numberFormat", "text"]);

/** Hidden rows of a rectangle as Excel's Range.rowHidden gives them: true all, false none, null some. */
function rowHiddenOf(sheet: SheetState, rect: Rect): boolean | null {
  let hidden = 0;
  for (const row of sheet.hiddenRows) if (row >= rect.row && row < rect.row + rect.rows) hidden++;
  if (hidden === 0) return false;
  return hidden === rect.rows ? true : null;
}

/** What Range.getRowProperties may be asked for in the stand-in. */
export interface RowPropertiesLoadOptions {
  address?: boolean;
  rowIndex?: boolean;
  rowHidden?: boolean;
}

/**
 * OfficeExtension.ClientResult: a method's result, readable after the sync that carried it.
 */
export class ClientResultProxy<V> {
  private loadedValue: { value: V } | undefined;

  /** Sets the value (at sync). */
  settle(value: V): void {
    this.loadedValue = { value };
  }

  /** The result; throws ValueNotLoaded before the sync, as Office.js does. */
  get value(): V {
    if (!this.loadedValue) {
      throw new StandInError("ValueNotLoaded", 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.', "value");
    }
    return this.loadedValue.value;
  }
}

/** Excel.Range. */
export class RangeProxy extends ClientObject<RangeTarget> {
  private formatProxy: RangeFormatProxy | undefined;
  private cfProxy: ConditionalFormatCollectionProxy | undefined;

  /**
   * @param context Request context.
   * @param path Path description.
   * @param resolver Finds the sheet and rectangle at sync time.
   * @param nullable Made by an *OrNullObject method.
   */
  constructor(
    context: StandInContext,
    path: string,
    private readonly resolver: () => RangeTarget | null,
    nullable = false,
  ) {
    super(context, path, nullable);
  }

  protected get kind(): string {
    return "Range";
  }
  protected resolve(): RangeTarget | null {
    return this.resolver();
  }
  protected defaultProps(): string[] {
    return ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "numberFormat", "formulas"];
  }
  protected readProp(name: string): unknown {
    const { sheet, rect } = this.target();
    if (CELL_PROPS.has(name) && cellCount(rect) > READ_CELL_LIMIT) {
      fail("InvalidOperation", `Range.${name}`, `Reading ${cellCount(rect)} cells exceeds the 5,000,000-cell limit.`);
    }
    const numberFormatAt = (r: number, c: number): string => sheet.formatAt(r, c)?.numberFormat ?? "General";
    switch (name) {
      case "address":
        return WorkbookState.address(sheet, rect);
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.col;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.cols;
      case "cellCount":
        return cellCount(rect);
      case "rowHidden":
        return rowHiddenOf(sheet, rect);
      case "values":
        return grid(rect, (r, c) => valueOut(sheet.get(r, c)));
      case "valueTypes":
        return grid(rect, (r, c) => valueTypeOf(sheet.get(r, c)));
      case "formulas":
        return grid(rect, (r, c) => sheet.formulas.get(r * MAX_COLS + c) ?? valueOut(sheet.get(r, c)));
      case "numberFormat":
        return grid(rect, numberFormatAt);
      case "text":
        return grid(rect, (r, c) => textOut(sheet.get(r, c), numberFormatAt(r, c)));
      default:
        return fail("InvalidArgument", `Range.load`, `Unknown property ${name}`);
    }
  }

  /** Sheet-qualified A1 address. */
  get address(): string {
    return this.loaded("address");
  }
  /** 0-based first row. */
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  /** 0-based first column. */
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  /** Rows in the range. */
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  /** Columns in the range. */
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  /** Cells in the range. */
  get cellCount(): number {
    return this.loaded("cellCount");
  }
  /** Raw values ("" for blanks, error text for errors). */
  get values(): unknown[][] {
    return this.loaded("values");
  }
  set values(input: unknown[][]) {
    this.writeCells("values", input, false);
  }
  /** Formulas (values for cells without one). */
  get formulas(): unknown[][] {
    return this.loaded("formulas");
  }
  set formulas(input: unknown[][]) {
    this.writeCells("formulas", input, true);
  }
  /** Number format codes. */
  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(input: unknown[][]) {
    const payload = input;
    this.queue("numberFormat=", { numberFormat: payload }, ({ sheet, rect }) => {
      const rows = checkShape(payload, rect, "numberFormat");
      rows.forEach((row, r) =>
        row.forEach((format, c) => {
          if (format === null || format === undefined) return;
          sheet.cells.setNumberFormat(rect.row + r, rect.col + c, format === "" ? "General" : String(format));
        }),
      );
      this.context.recordWrite(sheet, "Range.numberFormat", WorkbookState.address(sheet, rect));
    });
  }
  /** true when every row of the range is hidden, false when none is, null when some are (Excel's tri-state). */
  get rowHidden(): boolean | null {
    return this.loaded("rowHidden");
  }
  /** Hides or shows the range's entire rows. */
  set rowHidden(hidden: boolean) {
    this.queue("rowHidden=", { rowHidden: hidden }, ({ sheet, rect }) => {
      if (typeof hidden !== "boolean") fail("InvalidArgument", "Range.rowHidden");
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        if (hidden) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
      this.context.recordWrite(sheet, "Range.rowHidden", WorkbookState.address(sheet, rect));
    });
  }
  /**
   * One object per row of the range with the properties asked for (ExcelApi 1.9); the stand-in
   * models address, rowIndex and rowHidden.
   */
  getRowProperties(options: RowPropertiesLoadOptions): ClientResultProxy<Record<string, unknown>[]> {
    const result = new ClientResultProxy<Record<string, unknown>[]>();
    let rows: Record<string, unknown>[] = [];
    this.context.enqueue({
      name: "Range.getRowProperties",
      desc: { path: this.path, op: "getRowProperties", options },
      apply: (response) => {
        const unknown = Object.keys(options).filter((key) => !["address", "rowIndex", "rowHidden"].includes(key));
        if (unknown.length > 0) fail("InvalidArgument", "Range.getRowProperties", `The stand-in does not model ${unknown.join(", ")}`);
        const { sheet, rect } = this.target();
        rows = [];
        for (let r = rect.row; r < rect.row + rect.rows; r++) {
          const row: Record<string, unknown> = {};
          if (options.address) row.address = WorkbookState.address(sheet, { row: r, col: rect.col, rows: 1, cols: rect.cols });
          if (options.rowIndex) row.rowIndex = r;
          if (options.rowHidden) row.rowHidden = sheet.hiddenRows.has(r);
          rows.push(row);
        }
        response.push(rows);
      },
      commit: () => result.settle(rows),
    });
    return result;
  }
  /** Types of the values: Empty, String, Double, Boolean, Error. */
  get valueTypes(): string[][] {
    return this.loaded("valueTypes");
  }
  /** Displayed text. */
  get text(): string[][] {
    return this.loaded("text");
  }

  private writeCells(property: "values" | "formulas", input: unknown[][], asFormula: boolean): void {
    this.queue(`${property}=`, { [property]: input }, ({ sheet, rect }) => {
      const rows = checkShape(input, rect, property);
      rows.forEach((row, r) => row.forEach((value, c) => this.context.state.writeValue(sheet, rect.row + r, rect.col + c, value, asFormula)));
      if (this.context.state.autoExpandTables) expandTablesBelow(sheet, rect);
      this.context.recordWrite(sheet, `Range.${property}`, WorkbookState.address(sheet, rect));
    });
  }

  private derived(path: string, derive: (t: RangeTarget) => Rect): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.${path}`, () => {
      const t = this.target();
      const rect = derive(t);
      if (rect.row < 0 || rect.col < 0 || rect.rows < 1 || rect.cols < 1 || rect.row + rect.rows > MAX_ROWS || rect.col + rect.cols > MAX_COLS) {
        fail("InvalidArgument", path);
      }
      return { sheet: t.sheet, rect };
    });
  }

  /** One cell, relative to this range. */
  getCell(row: number, column: number): RangeProxy {
    return this.derived(`getCell(${row},${column})`, ({ rect }) => ({ row: rect.row + row, col: rect.col + column, rows: 1, cols: 1 }));
  }
  /** The range grown or shrunk at the bottom-right. */
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived(`getResizedRange(${deltaRows},${deltaColumns})`, ({ rect }) => ({ ...rect, rows: rect.rows + deltaRows, cols: rect.cols + deltaColumns }));
  }
  /** The last row of the range. */
  getLastRow(): RangeProxy {
    return this.derived("getLastRow()", ({ rect }) => ({ ...rect, row: rect.row + rect.rows - 1, rows: 1 }));
  }
  /** The smallest range holding this one and another on the same sheet. */
  getBoundingRect(other: RangeProxy): RangeProxy {
    return this.derived("getBoundingRect()", ({ sheet, rect }) => {
      const target = other.target();
      if (target.sheet !== sheet) fail("InvalidArgument", "Range.getBoundingRect");
      const o = target.rect;
      const row = Math.min(rect.row, o.row);
      const col = Math.min(rect.col, o.col);
      return { row, col, rows: Math.max(rect.row + rect.rows, o.row + o.rows) - row, cols: Math.max(rect.col + rect.cols, o.col + o.cols) - col };
    });
  }
  /** Inserts blank cells in place of the range, shifting the cells below down (only "Down" is modelled). */
  insert(shift: string): RangeProxy {
    this.queue("insert", { shift }, ({ sheet, rect }) => {
      if (shift !== "Down") fail("InvalidArgument", "Range.insert", "The stand-in models shift Down only.");
      insertCellsDown(sheet, rect);
      this.context.recordWrite(sheet, "Range.insert", WorkbookState.address(sheet, rect));
    });
    return this;
  }
  /** The range moved by an offset. */
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived(`getOffsetRange(${rowOffset},${columnOffset})`, ({ rect }) => ({ ...rect, row: rect.row + rowOffset, col: rect.col + columnOffset }));
  }
  /** Recalculates the range (formulas in the stand-in are evaluated when written); recorded in `calculations`. */
  calculate(): void {
    this.queue("calculate", {}, ({ sheet, rect }) => {
      this.context.state.calculations.push(WorkbookState.address(sheet, rect));
    });
  }
  /** Selects the range in the UI and activates its sheet. */
  select(): void {
    this.queue("select", {}, ({ sheet, rect }) => {
      if (sheet.visibility !== "Visible") fail("InvalidOperation", "Range.select");
      this.context.state.activeSheetId = sheet.id;
      this.context.state.selection = { sheetId: sheet.id, address: WorkbookState.address(sheet, rect) };
    });
  }
  /** Clears contents and/or formats ("All" by default). */
  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.queue("clear", { applyTo }, ({ sheet, rect }) => {
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        for (let c = rect.col; c < rect.col + rect.cols; c++) {
          if (applyTo !== "Formats") {
            sheet.put(r, c, undefined);
            sheet.formulas.delete(r * MAX_COLS + c);
            sheet.cells.setQuotePrefix(r, c, false);
          }
          if (applyTo !== "Contents") sheet.cells.clearFormat(r, c);
        }
      }
      this.context.recordWrite(sheet, "Range.clear", WorkbookState.address(sheet, rect));
    });
  }
  /** Cell formatting. */
  get format(): RangeFormatProxy {
    return (this.formatProxy ??= new RangeFormatProxy(this));
  }
  /** Conditional formats of the range. */
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return (this.cfProxy ??= new ConditionalFormatCollectionProxy(this));
  }
  /** Applies a format change to every cell of the range (at sync). */
  applyFormat(name: string, args: Record<string, unknown>, change: (format: CellFormat) => void): void {
    this.context.enqueue({
      name: `RangeFormat.${name}`,
      desc: { path: `${this.path}.format`, op: name, ...args },
      apply: () => {
        const { sheet, rect } = this.target();
        sheet.cells.changeFormats(rect, rect, change);
        this.context.recordWrite(sheet, `RangeFormat.${name}`, WorkbookState.address(sheet, rect));
      },
    });
  }
}
