/**
 * Proxy objects of the Excel stand-in, mirroring the Office.js classes the adapter uses. Property
 * reads throw PropertyNotLoaded unless load()ed and synced; writes and method calls are queued and
 * applied at sync().
 */
import { ChartCollectionProxy } from "./chart-proxies";
import { ClientObject, loadProps, type LoadSpec } from "./client-object";
import { READ_CELL_LIMIT, propertyNotLoaded, type LoadResult, type StandInContext } from "./context";
import {
  MAX_COLS,
  MAX_ROWS,
  StandInError,
  fail,
  parseAddress,
  splitSheetAddress,
  textOut,
  valueOut,
  valueTypeOf,
  type CellFormat,
  type ConditionalFormatState,
  type Rect,
  type SheetState,
  type TableState,
} from "./model";
import { addTable, expandTablesBelow, insertCellsDown, renameTable, resizeTable } from "./tables";
import { WorkbookState } from "./workbook-state";

/** A range resolved at sync time. */
interface RangeTarget {
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

function uniform<V>(rect: Rect, read: (row: number, col: number) => V): V | null {
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

/** Excel.RangeFormat (fill, font, wrapText, columnWidth). */
export class RangeFormatProxy extends ClientObject<RangeTarget> {
  /** Fill of the cells. */
  readonly fill: RangeFillProxy;
  /** Font of the cells. */
  readonly font: RangeFontProxy;

  /**
   * @param range The range formatted.
   */
  constructor(private readonly range: RangeProxy) {
    super(range.context, "range.format");
    this.fill = new RangeFillProxy(range);
    this.font = new RangeFontProxy(range);
  }
  protected get kind(): string {
    return "RangeFormat";
  }
  protected resolve(): RangeTarget | null {
    return this.range.target();
  }
  protected defaultProps(): string[] {
    return ["wrapText", "columnWidth"];
  }
  protected readProp(name: string): unknown {
    const { sheet, rect } = this.target();
    if (name === "wrapText") return uniform(rect, (r, c) => sheet.formatAt(r, c)?.wrap ?? false);
    if (name === "columnWidth") {
      const widths = new Set<number>();
      for (let c = rect.col; c < rect.col + rect.cols; c++) widths.add(sheet.columnWidths.get(c) ?? 48);
      return widths.size === 1 ? [...widths][0] : null;
    }
    return fail("InvalidArgument", "RangeFormat.load", name);
  }
  /** Wrap text in the cells. */
  get wrapText(): boolean | null {
    return this.loaded("wrapText");
  }
  set wrapText(wrap: boolean | null) {
    this.range.applyFormat("wrapText=", { wrapText: wrap }, (f) => (f.wrap = wrap ?? false));
  }
  /** Width of every column of the range, in points. */
  get columnWidth(): number | null {
    return this.loaded("columnWidth");
  }
  set columnWidth(points: number | null) {
    this.context.enqueue({
      name: "RangeFormat.columnWidth=",
      desc: { path: `${this.path}`, op: "columnWidth=", columnWidth: points },
      apply: () => {
        const { sheet, rect } = this.range.target();
        if (typeof points !== "number" || points < 0) fail("InvalidArgument", "RangeFormat.columnWidth");
        for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnWidths.set(c, points);
        this.context.recordWrite(sheet, "RangeFormat.columnWidth", WorkbookState.address(sheet, rect));
      },
    });
  }
  /** Fits column widths to content (recorded only). */
  autofitColumns(): void {
    this.range.applyFormat("autofitColumns", {}, () => undefined);
  }
}

/** Excel.RangeFill. */
export class RangeFillProxy extends ClientObject<RangeTarget> {
  /**
   * @param range The range filled.
   */
  constructor(private readonly range: RangeProxy) {
    super(range.context, "range.format.fill");
  }
  protected get kind(): string {
    return "RangeFill";
  }
  protected resolve(): RangeTarget | null {
    return this.range.target();
  }
  protected defaultProps(): string[] {
    return ["color"];
  }
  protected readProp(name: string): unknown {
    if (name !== "color") fail("InvalidArgument", "RangeFill.load", name);
    const { sheet, rect } = this.target();
    return uniform(rect, (r, c) => sheet.formatAt(r, c)?.fill ?? "#FFFFFF");
  }
  /** Fill colour as #RRGGBB. */
  get color(): string {
    return this.loaded("color");
  }
  set color(color: string) {
    if (typeof color !== "string") fail("InvalidArgument", "RangeFill.color");
    this.range.applyFormat("fill.color=", { color }, (f) => (f.fill = color.toUpperCase()));
  }
  /** Removes the fill. */
  clear(): void {
    this.range.applyFormat("fill.clear", {}, (f) => delete f.fill);
  }
}

/** Excel.RangeFont. */
export class RangeFontProxy extends ClientObject<RangeTarget> {
  /**
   * @param range The range whose font is set.
   */
  constructor(private readonly range: RangeProxy) {
    super(range.context, "range.format.font");
  }
  protected get kind(): string {
    return "RangeFont";
  }
  protected resolve(): RangeTarget | null {
    return this.range.target();
  }
  protected defaultProps(): string[] {
    return ["bold", "color"];
  }
  protected readProp(name: string): unknown {
    const { sheet, rect } = this.target();
    if (name === "bold") return uniform(rect, (r, c) => sheet.formatAt(r, c)?.bold ?? false);
    if (name === "color") return uniform(rect, (r, c) => sheet.formatAt(r, c)?.fontColor ?? "#000000");
    return fail("InvalidArgument", "RangeFont.load", name);
  }
  /** Bold. */
  get bold(): boolean | null {
    return this.loaded("bold");
  }
  set bold(bold: boolean | null) {
    this.range.applyFormat("font.bold=", { bold }, (f) => (f.bold = bold ?? false));
  }
  /** Font colour. */
  get color(): string | null {
    return this.loaded("color");
  }
  set color(color: string | null) {
    this.range.applyFormat("font.color=", { color }, (f) => (f.fontColor = color ?? "#000000"));
  }
}

/** Excel.ConditionalFormatCollection of a range. */
export class ConditionalFormatCollectionProxy extends ClientObject<RangeTarget> {
  /**
   * @param range The range the formats apply to.
   */
  constructor(private readonly range: RangeProxy) {
    super(range.context, "range.conditionalFormats");
  }
  protected get kind(): string {
    return "ConditionalFormatCollection";
  }
  protected resolve(): RangeTarget | null {
    return this.range.target();
  }
  protected defaultProps(): string[] {
    return ["count"];
  }
  protected readProp(name: string): unknown {
    if (name !== "count") fail("InvalidArgument", "ConditionalFormatCollection.load", name);
    const { sheet, rect } = this.target();
    const address = WorkbookState.address(sheet, rect);
    return sheet.conditionalFormats.filter((cf) => cf.address === address).length;
  }
  /** Adds a conditional format of a type ("CellValue" is the only one the stand-in evaluates). */
  add(type: string): ConditionalFormatProxy {
    const proxy = new ConditionalFormatProxy(this.context, `${this.path}.add(${type})`);
    this.context.enqueue({
      name: "ConditionalFormatCollection.add",
      desc: { path: this.path, op: "add", type },
      apply: () => {
        if (type !== "CellValue" && type !== "Custom" && type !== "ColorScale" && type !== "DataBar") fail("InvalidArgument", "ConditionalFormatCollection.add", type);
        const { sheet, rect } = this.range.target();
        const state: ConditionalFormatState = { type, address: WorkbookState.address(sheet, rect) };
        sheet.conditionalFormats.push(state);
        proxy.bind({ sheet, state });
        this.context.recordWrite(sheet, "ConditionalFormatCollection.add", state.address);
      },
    });
    return proxy;
  }
  /** Removes every conditional format on the range. */
  clearAll(): void {
    this.queue("clearAll", {}, ({ sheet, rect }) => {
      const address = WorkbookState.address(sheet, rect);
      const kept = sheet.conditionalFormats.filter((cf) => cf.address !== address);
      sheet.conditionalFormats.splice(0, sheet.conditionalFormats.length, ...kept);
      this.context.recordWrite(sheet, "ConditionalFormatCollection.clearAll", address);
    });
  }
}

interface CfTarget {
  sheet: SheetState;
  state: ConditionalFormatState;
}

/** Excel.ConditionalFormat (type, cellValue). */
export class ConditionalFormatProxy extends ClientObject<CfTarget> {
  /** The cell-value part: format and rule. */
  readonly cellValue: ConditionalCellValueProxy;

  /**
   * @param context Request context.
   * @param path Path description.
   */
  constructor(context: StandInContext, path: string) {
    super(context, path);
    this.cellValue = new ConditionalCellValueProxy(this);
  }
  protected get kind(): string {
    return "ConditionalFormat";
  }
  protected resolve(): CfTarget | null {
    return null;
  }
  protected defaultProps(): string[] {
    return ["type"];
  }
  protected readProp(name: string): unknown {
    if (name !== "type") fail("InvalidArgument", "ConditionalFormat.load", name);
    return this.target().state.type;
  }
  /** Conditional format type. */
  get type(): string {
    return this.loaded("type");
  }
  /** Applies a change to the state (at sync). */
  change(name: string, args: Record<string, unknown>, apply: (state: ConditionalFormatState) => void): void {
    this.queue(name, args, ({ sheet, state }) => {
      if (state.type !== "CellValue") fail("InvalidOperation", `ConditionalFormat.${name}`);
      apply(state);
      this.context.recordWrite(sheet, `ConditionalFormat.${name}`, state.address);
    });
  }
}

/** Excel.CellValueConditionalFormat: format.fill.color, format.font.color and rule. */
export class ConditionalCellValueProxy {
  /** The format applied when the rule holds. */
  readonly format: { fill: { color: string }; font: { color: string } };
  private ruleValue: unknown;

  /**
   * @param owner The conditional format.
   */
  constructor(private readonly owner: ConditionalFormatProxy) {
    const fill = {} as { color: string };
    Object.defineProperty(fill, "color", {
      get: () => {
        throw propertyNotLoaded("color");
      },
      set: (color: string) => owner.change("cellValue.format.fill.color=", { color }, (s) => (s.fill = color.toUpperCase())),
    });
    const font = {} as { color: string };
    Object.defineProperty(font, "color", {
      get: () => {
        throw propertyNotLoaded("color");
      },
      set: (color: string) => owner.change("cellValue.format.font.color=", { color }, (s) => (s.fontColor = color.toUpperCase())),
    });
    this.format = { fill, font };
  }
  /** The rule: { formula1, formula2?, operator }. */
  get rule(): unknown {
    if (this.ruleValue === undefined) throw propertyNotLoaded("rule");
    return this.ruleValue;
  }
  set rule(rule: unknown) {
    const value = rule as { formula1?: unknown; formula2?: unknown; operator?: unknown };
    this.owner.change("cellValue.rule=", { rule }, (s) => {
      const operators = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"];
      if (typeof value.formula1 !== "string" || typeof value.operator !== "string" || !operators.includes(value.operator)) {
        fail("InvalidArgument", "ConditionalCellValueRule");
      }
      s.rule = { formula1: value.formula1, operator: value.operator, ...(typeof value.formula2 === "string" ? { formula2: value.formula2 } : {}) };
    });
  }
}

/** Excel.WorksheetFreezePanes. */
export class FreezePanesProxy {
  /**
   * @param sheet The worksheet.
   */
  constructor(private readonly sheet: WorksheetProxy) {}
  /** Freezes the top rows. */
  freezeRows(count = 1): void {
    this.sheet.change("freezePanes.freezeRows", { count }, (s) => {
      s.freezeRows = count;
      s.freezeColumns = 0;
    });
  }
  /** Freezes the left columns. */
  freezeColumns(count = 1): void {
    this.sheet.change("freezePanes.freezeColumns", { count }, (s) => {
      s.freezeColumns = count;
      s.freezeRows = 0;
    });
  }
  /** Freezes the rows above and columns left of a range's bottom-right corner. */
  freezeAt(frozenRange: RangeProxy | string): void {
    const range = typeof frozenRange === "string" ? this.sheet.getRange(frozenRange) : frozenRange;
    this.sheet.change("freezePanes.freezeAt", {}, (s) => {
      const { rect } = range.target();
      s.freezeRows = rect.row + rect.rows;
      s.freezeColumns = rect.col + rect.cols;
    });
  }
  /** Removes frozen panes. */
  unfreeze(): void {
    this.sheet.change("freezePanes.unfreeze", {}, (s) => {
      s.freezeRows = 0;
      s.freezeColumns = 0;
    });
  }
}

/** Excel.Table. */
export class TableProxy extends ClientObject<{ sheet: SheetState; table: TableState }> {
  /**
   * @param context Request context.
   * @param path Path description.
   * @param finder Finds the table at sync time.
   * @param nullable Made by getItemOrNullObject.
   */
  constructor(
    context: StandInContext,
    path: string,
    private readonly finder: () => { sheet: SheetState; table: TableState } | null,
    nullable = false,
  ) {
    super(context, path, nullable);
  }
  protected get kind(): string {
    return "Table";
  }
  protected resolve(): { sheet: SheetState; table: TableState } | null {
    return this.finder();
  }
  protected defaultProps(): string[] {
    return ["name", "id", "showHeaders", "showTotals"];
  }
  protected readProp(name: string): unknown {
    const { table } = this.target();
    switch (name) {
      case "name":
        return table.name;
      case "id":
        return table.id;
      case "showHeaders":
        return true;
      case "showTotals":
        return false;
      default:
        return fail("InvalidArgument", "Table.load", name);
    }
  }
  /** Table name. */
  get name(): string {
    return this.loaded("name");
  }
  set name(name: string) {
    this.queue("name=", { name }, ({ sheet, table }) => {
      renameTable(this.context.state.sheets, table, name);
      this.context.recordWrite(sheet, "Table.name=");
    });
  }
  /** Resizes the table to a range whose first row is its header row (ExcelApi 1.13). */
  resize(newRange: RangeProxy | string): void {
    this.queue("resize", { range: typeof newRange === "string" ? newRange : "range" }, ({ sheet, table }) => {
      const rect = typeof newRange === "string" ? parseAddress(splitSheetAddress(newRange).address) : newRange.target().rect;
      resizeTable(sheet, table, rect);
      this.context.recordWrite(sheet, "Table.resize", WorkbookState.address(sheet, rect));
    });
  }
  /** Table id. */
  get id(): string {
    return this.loaded("id");
  }
  /** Whether the header row shows (always true in the stand-in). */
  get showHeaders(): boolean {
    return this.loaded("showHeaders");
  }
  /** Whether a totals row shows (always false in the stand-in). */
  get showTotals(): boolean {
    return this.loaded("showTotals");
  }
  /** The worksheet holding the table. */
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, `${this.path}.worksheet`, () => this.target().sheet);
  }
  private part(name: string, pick: (t: TableState) => Rect): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.${name}()`, () => {
      const { sheet, table } = this.target();
      return { sheet, rect: pick(table) };
    });
  }
  /** The whole table including the header row. */
  getRange(): RangeProxy {
    return this.part("getRange", (t) => ({ row: t.row, col: t.col, rows: t.rows, cols: t.cols }));
  }
  /** The header row. */
  getHeaderRowRange(): RangeProxy {
    return this.part("getHeaderRowRange", (t) => ({ row: t.row, col: t.col, rows: 1, cols: t.cols }));
  }
  /** The data rows (Excel keeps one empty row in an empty table). */
  getDataBodyRange(): RangeProxy {
    return this.part("getDataBodyRange", (t) => ({ row: t.row + 1, col: t.col, rows: Math.max(1, t.rows - 1), cols: t.cols }));
  }
}

/** Excel.TableCollection (of the workbook, or of one worksheet). */
export class TableCollectionProxy extends ClientObject<SheetState[]> {
  private itemsValue: TableProxy[] | undefined;

  /**
   * @param context Request context.
   * @param path Path description.
   * @param sheets The sheets whose tables are listed (at sync time).
   */
  constructor(
    context: StandInContext,
    path: string,
    private readonly sheets: () => SheetState[],
  ) {
    super(context, path);
  }
  protected get kind(): string {
    return "TableCollection";
  }
  protected resolve(): SheetState[] | null {
    return this.sheets();
  }
  protected defaultProps(): string[] {
    return ["name", "id", "showHeaders", "showTotals"];
  }
  protected readProp(): unknown {
    return undefined;
  }
  private find(key: string): { sheet: SheetState; table: TableState } | null {
    for (const sheet of this.sheets()) {
      const table = sheet.tables.find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key);
      if (table) return { sheet, table };
    }
    return null;
  }
  /** A table by name or id (ItemNotFound at sync if absent). */
  getItem(key: string): TableProxy {
    return new TableProxy(this.context, `${this.path}.getItem(${JSON.stringify(key)})`, () => this.find(key));
  }
  /** Adds a table over a range (a Range, or an address on this sheet) whose first row is the header. */
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    const proxy = new TableProxy(this.context, `${this.path}.add`, () => null);
    this.context.enqueue({
      name: "TableCollection.add",
      desc: { path: this.path, op: "add", address: typeof address === "string" ? address : "range", hasHeaders },
      apply: () => {
        if (!hasHeaders) fail("InvalidArgument", "TableCollection.add", "The stand-in models tables with headers only.");
        let sheet: SheetState;
        let rect: Rect;
        if (typeof address === "string") {
          const parts = splitSheetAddress(address);
          const sheets = this.target();
          const found = parts.sheet === undefined ? (sheets.length === 1 ? sheets[0] : undefined) : sheets.find((s) => s.name.toLowerCase() === parts.sheet?.toLowerCase());
          if (found === undefined) return fail("InvalidArgument", "TableCollection.add", address);
          sheet = found;
          rect = parseAddress(parts.address);
        } else {
          ({ sheet, rect } = address.target());
        }
        const table = addTable(this.context.state.sheets, sheet, rect, () => this.context.state.takeId());
        proxy.bind({ sheet, table });
        this.context.recordWrite(sheet, "TableCollection.add", WorkbookState.address(sheet, rect));
      },
    });
    return proxy;
  }
  /** A table by name or id, or a null object. */
  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(this.context, `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`, () => this.find(key), true);
  }
  /** Loads the tables and the named properties of each. */
  load(spec?: LoadSpec): this {
    const props = loadProps(spec, this.defaultProps());
    const items: TableProxy[] = [];
    const results: LoadResult[] = [];
    this.context.enqueue({
      name: "TableCollection.load",
      desc: { path: this.path, load: props },
      apply: (response) => {
        for (const sheet of this.target()) {
          for (const table of sheet.tables) {
            const item = new TableProxy(this.context, `${this.path}.items[${items.length}]`, () => ({ sheet, table }));
            item.bind({ sheet, table });
            items.push(item);
            const result: LoadResult = {};
            for (const prop of props) result[prop] = item.readNow(prop);
            results.push(result);
          }
        }
        response.push(results);
      },
      commit: () => {
        items.forEach((item, i) => item.acceptLoaded(results[i]));
        this.itemsValue = items;
      },
    });
    return this;
  }
  /** Loaded tables. */
  get items(): TableProxy[] {
    if (!this.itemsValue) throw propertyNotLoaded("items");
    return this.itemsValue;
  }
}

/** Excel.Worksheet. */
export class WorksheetProxy extends ClientObject<SheetState> {
  private chartsProxy: ChartCollectionProxy | undefined;
  private freeze: FreezePanesProxy | undefined;

  /**
   * @param context Request context.
   * @param path Path description.
   * @param finder Finds the sheet at sync time (null if absent).
   * @param nullable Made by getItemOrNullObject.
   */
  constructor(
    context: StandInContext,
    path: string,
    private readonly finder: () => SheetState | null,
    nullable = false,
  ) {
    super(context, path, nullable);
  }
  protected get kind(): string {
    return "Worksheet";
  }
  protected resolve(): SheetState | null {
    return this.finder();
  }
  protected defaultProps(): string[] {
    return ["name", "id", "visibility", "position"];
  }
  protected readProp(name: string): unknown {
    const sheet = this.target();
    switch (name) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "visibility":
        return sheet.visibility;
      case "position":
        return this.context.state.sheets.indexOf(sheet);
      default:
        return fail("InvalidArgument", "Worksheet.load", name);
    }
  }
  /** Sheet name. */
  get name(): string {
    return this.loaded("name");
  }
  set name(name: string) {
    this.change("name=", { name }, (sheet) => {
      const clash = this.context.state.findSheet(name);
      if (clash && clash !== sheet) fail("ItemAlreadyExists", "Worksheet.name");
      if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) fail("InvalidArgument", "Worksheet.name", name);
      sheet.name = name;
    });
  }
  /** Stable id. */
  get id(): string {
    return this.loaded("id");
  }
  /** Visible, Hidden or VeryHidden. */
  get visibility(): string {
    return this.loaded("visibility");
  }
  set visibility(visibility: string) {
    this.change("visibility=", { visibility }, (sheet) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) fail("InvalidArgument", "Worksheet.visibility");
      if (visibility !== "Visible" && !this.context.state.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
        fail("InvalidOperation", "Worksheet.visibility", "A workbook must contain at least one visible worksheet.");
      }
      sheet.visibility = visibility;
    });
  }
  /** 0-based position among the sheets. */
  get position(): number {
    return this.loaded("position");
  }
  set position(position: number) {
    this.change("position=", { position }, (sheet) => {
      const sheets = this.context.state.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.max(0, Math.min(position, sheets.length)), 0, sheet);
    });
  }
  /** Applies a change to the sheet (at sync) and records it as a write. */
  change(name: string, args: Record<string, unknown>, apply: (sheet: SheetState) => void): void {
    this.queue(name, args, (sheet) => {
      apply(sheet);
      this.context.recordWrite(sheet, `Worksheet.${name}`);
    });
  }
  /** A range by A1 address (the whole sheet without one). */
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getRange(${JSON.stringify(address ?? "")})`, () => {
      const sheet = this.target();
      if (address === undefined || address === "") return { sheet, rect: { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } };
      const parts = splitSheetAddress(address);
      if (parts.sheet !== undefined && parts.sheet.toLowerCase() !== sheet.name.toLowerCase()) fail("InvalidArgument", "Worksheet.getRange", address);
      return { sheet, rect: parseAddress(parts.address) };
    });
  }
  /** A range by 0-based indexes. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      const rect = { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS) {
        fail("InvalidArgument", "Worksheet.getRangeByIndexes");
      }
      return { sheet: this.target(), rect };
    });
  }
  /** The used range (A1 when the sheet is empty). */
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getUsedRange(${valuesOnly})`, () => {
      const sheet = this.target();
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 } };
    });
  }
  /** The used range, or a null object when the sheet is empty. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        const sheet = this.target();
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }
  /** Deletes the sheet. */
  delete(): void {
    this.queue("delete", {}, (sheet) => {
      this.context.recordWrite(sheet, "Worksheet.delete");
      this.context.state.deleteSheet(sheet);
    });
  }
  /** Makes the sheet active. */
  activate(): void {
    this.queue("activate", {}, (sheet) => {
      if (sheet.visibility !== "Visible") fail("InvalidOperation", "Worksheet.activate");
      this.context.state.activeSheetId = sheet.id;
    });
  }
  /** Frozen panes. */
  get freezePanes(): FreezePanesProxy {
    return (this.freeze ??= new FreezePanesProxy(this));
  }
  /** Charts on the sheet. */
  get charts(): ChartCollectionProxy {
    return (this.chartsProxy ??= new ChartCollectionProxy(this));
  }
  /** Tables on the sheet. */
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.context, `${this.path}.tables`, () => [this.target()]);
  }
}

/** Excel.WorksheetCollection. */
export class WorksheetCollectionProxy extends ClientObject<SheetState[]> {
  private itemsValue: WorksheetProxy[] | undefined;

  protected get kind(): string {
    return "WorksheetCollection";
  }
  protected resolve(): SheetState[] | null {
    return this.context.state.sheets;
  }
  protected defaultProps(): string[] {
    return ["name", "id", "visibility", "position"];
  }
  protected readProp(): unknown {
    return undefined;
  }
  /** Adds a sheet at the end. */
  add(name?: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.context, `worksheets.add(${JSON.stringify(name ?? "")})`, () => null);
    this.context.enqueue({
      name: "WorksheetCollection.add",
      desc: { path: this.path, op: "add", name },
      apply: () => {
        const state = this.context.state;
        let sheetName = name;
        for (let n = state.sheets.length + 1; sheetName === undefined; n++) if (!state.findSheet(`Sheet${n}`)) sheetName = `Sheet${n}`;
        const sheet = state.addSheet(sheetName);
        proxy.bind(sheet);
        this.context.recordWrite(sheet, "WorksheetCollection.add");
      },
    });
    return proxy;
  }
  /** A sheet by name or id (ItemNotFound at sync if absent). */
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, `worksheets.getItem(${JSON.stringify(key)})`, () => this.context.state.findSheet(key) ?? null);
  }
  /** A sheet by name or id, or a null object. */
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, `worksheets.getItemOrNullObject(${JSON.stringify(key)})`, () => this.context.state.findSheet(key) ?? null, true);
  }
  /** The active sheet. */
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, "worksheets.getActiveWorksheet()", () => {
      const id = this.context.state.activeSheetId;
      return (id && this.context.state.findSheet(id)) || null;
    });
  }
  /** Loads the sheets and the named properties of each. */
  load(spec?: LoadSpec): this {
    const props = loadProps(spec, this.defaultProps());
    const items: WorksheetProxy[] = [];
    const results: LoadResult[] = [];
    this.context.enqueue({
      name: "WorksheetCollection.load",
      desc: { path: this.path, load: props },
      apply: (response) => {
        for (const sheet of this.context.state.sheets) {
          const item = new WorksheetProxy(this.context, `worksheets.items[${items.length}]`, () => sheet).bind(sheet);
          items.push(item);
          const result: LoadResult = {};
          for (const prop of props) result[prop] = item.readNow(prop);
          results.push(result);
        }
        response.push(results);
      },
      commit: () => {
        items.forEach((item, i) => item.acceptLoaded(results[i]));
        this.itemsValue = items;
      },
    });
    return this;
  }
  /** Loaded sheets. */
  get items(): WorksheetProxy[] {
    if (!this.itemsValue) throw propertyNotLoaded("items");
    return this.itemsValue;
  }
  /** worksheets.onChanged: handlers get `{ worksheetId, address }` after a sync that wrote to a sheet. */
  get onChanged(): { add(handler: (event: { worksheetId: string; address?: string }) => unknown): void } {
    return { add: (handler) => this.context.state.sheetChangedHandlers.push(handler) };
  }
}

interface SettingTarget {
  key: string;
}

/** Excel.Setting. */
export class SettingProxy extends ClientObject<SettingTarget> {
  /**
   * @param context Request context.
   * @param path Path description.
   * @param key The setting's key.
   * @param nullable Made by getItemOrNullObject.
   */
  constructor(
    context: StandInContext,
    path: string,
    private readonly settingKey: string,
    nullable = false,
  ) {
    super(context, path, nullable);
  }
  protected get kind(): string {
    return "Setting";
  }
  protected resolve(): SettingTarget | null {
    return this.context.state.settings.has(this.settingKey) ? { key: this.settingKey } : null;
  }
  protected defaultProps(): string[] {
    return ["key", "value"];
  }
  protected readProp(name: string): unknown {
    const { key } = this.target();
    if (name === "key") return key;
    if (name === "value") return this.context.state.settings.get(key);
    return fail("InvalidArgument", "Setting.load", name);
  }
  /** The key. */
  get key(): string {
    return this.loaded("key");
  }
  /** The value (JSON-serialisable). */
  get value(): unknown {
    return this.loaded("value");
  }
  set value(value: unknown) {
    this.queue("value=", { value }, ({ key }) => this.context.state.settings.set(key, value));
  }
  /** Deletes the setting. */
  delete(): void {
    this.queue("delete", {}, ({ key }) => this.context.state.settings.delete(key));
  }
}

/** Excel.SettingCollection (workbook.settings). */
export class SettingCollectionProxy extends ClientObject<Map<string, unknown>> {
  private itemsValue: { key: string; value: unknown }[] | undefined;

  protected get kind(): string {
    return "SettingCollection";
  }
  protected resolve(): Map<string, unknown> | null {
    return this.context.state.settings;
  }
  protected defaultProps(): string[] {
    return ["key", "value"];
  }
  protected readProp(): unknown {
    return undefined;
  }
  /** Adds or replaces a setting. */
  add(key: string, value: unknown): SettingProxy {
    this.context.enqueue({
      name: "SettingCollection.add",
      desc: { path: this.path, op: "add", key, value },
      apply: () => {
        if (typeof key !== "string" || key.length === 0 || key.length > 255) fail("InvalidArgument", "SettingCollection.add");
        this.context.state.settings.set(key, value);
      },
    });
    return new SettingProxy(this.context, `settings.add(${JSON.stringify(key)})`, key);
  }
  /** A setting by key (ItemNotFound at sync if absent). */
  getItem(key: string): SettingProxy {
    return new SettingProxy(this.context, `settings.getItem(${JSON.stringify(key)})`, key);
  }
  /** A setting by key, or a null object. */
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, `settings.getItemOrNullObject(${JSON.stringify(key)})`, key, true);
  }
  /** Loads every setting (key and value). */
  load(spec?: LoadSpec): this {
    loadProps(spec, this.defaultProps());
    let result: { key: string; value: unknown }[] = [];
    this.context.enqueue({
      name: "SettingCollection.load",
      desc: { path: this.path, load: ["key", "value"] },
      apply: (response) => {
        result = [...this.context.state.settings].map(([key, value]) => ({ key, value }));
        response.push(result);
      },
      commit: () => (this.itemsValue = result),
    });
    return this;
  }
  /** Loaded settings as {key, value} items. */
  get items(): { key: string; value: unknown }[] {
    if (!this.itemsValue) throw propertyNotLoaded("items");
    return this.itemsValue;
  }
}

/** Excel.Application. */
export class ApplicationProxy {
  /**
   * @param context Request context.
   */
  constructor(private readonly context: StandInContext) {}
  /** Suspends calculation until the next sync. */
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue({
      name: "Application.suspendApiCalculationUntilNextSync",
      desc: { path: "application", op: "suspendApiCalculationUntilNextSync" },
      apply: () => {
        this.context.state.calculationSuspensions++;
      },
    });
  }
  /** Recalculates the workbook ("Full", "FullRebuild", "Recalculate"); recorded in `calculations`. */
  calculate(calculationType: string): void {
    this.context.enqueue({
      name: "Application.calculate",
      desc: { path: "application", op: "calculate", calculationType },
      apply: () => {
        this.context.state.calculations.push(`Application:${calculationType}`);
      },
    });
  }
}

/** Excel.Workbook. */
export class WorkbookProxy {
  /** The sheets. */
  readonly worksheets: WorksheetCollectionProxy;
  /** All tables. */
  readonly tables: TableCollectionProxy;
  /** The add-in's workbook settings. */
  readonly settings: SettingCollectionProxy;
  /** The application. */
  readonly application: ApplicationProxy;

  /**
   * @param context Request context.
   */
  constructor(private readonly context: StandInContext) {
    this.worksheets = new WorksheetCollectionProxy(context, "worksheets");
    this.tables = new TableCollectionProxy(context, "tables", () => context.state.sheets);
    this.settings = new SettingCollectionProxy(context, "settings");
    this.application = new ApplicationProxy(context);
  }
  /** The selected range. */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, "workbook.getSelectedRange()", () => {
      const state = this.context.state;
      const selection = state.selection;
      if (!selection) {
        const sheet = state.activeSheetId ? state.findSheet(state.activeSheetId) : undefined;
        return sheet ? { sheet, rect: { row: 0, col: 0, rows: 1, cols: 1 } } : null;
      }
      const sheet = state.findSheet(selection.sheetId);
      if (!sheet) return null;
      return { sheet, rect: parseAddress(splitSheetAddress(selection.address).address) };
    });
  }
}
