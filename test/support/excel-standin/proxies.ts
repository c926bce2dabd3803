/**
 * Proxy objects of the Excel stand-in, mirroring the Office.js classes the adapter uses. Property
 * reads throw PropertyNotLoaded unless load()ed and synced; writes and method calls are queued and
 * applied at sync(). Here the worksheets, the application and the workbook; ranges, formats,
 * tables and settings in their own modules.
 */
import { ChartCollectionProxy } from "./chart-proxies";
import { ClientObject, loadProps, type LoadSpec } from "./client-object";
import { propertyNotLoaded, type LoadResult, type StandInContext } from "./context";
import { MAX_COLS, MAX_ROWS, fail, parseAddress, splitSheetAddress, type SheetState } from "./model";
import { RangeProxy } from "./range-proxies";
import { SettingCollectionProxy } from "./setting-proxies";
import { TableCollectionProxy } from "./table-proxies";

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
