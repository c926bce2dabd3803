/**
 * Table objects of the Excel stand-in: Excel.Table and Excel.TableCollection.
 */
import { ClientObject, loadProps, type LoadSpec } from "./client-object";
import { propertyNotLoaded, type LoadResult, type StandInContext } from "./context";
import { fail, parseAddress, splitSheetAddress, type Rect, type SheetState, type TableState } from "./model";
import { WorksheetProxy } from "./proxies";
import { RangeProxy } from "./range-proxies";
import { addTable, renameTable, resizeTable } from "./tables";
import { WorkbookState } from "./workbook-state";

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
