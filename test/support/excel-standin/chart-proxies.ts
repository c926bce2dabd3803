/**
 * The stand-in's charts, mirroring Office.js: a worksheet's chart collection (add over a source
 * range split into series as Excel splits it, count, items, getItem, getItemAt), the chart (type,
 * name, position and size, setPosition, delete), its title, legend, value and category axes and
 * series. Reading a property not load()ed and synced throws PropertyNotLoaded; changes apply at sync.
 */
import { ClientObject, loadProps, type LoadSpec } from "./client-object";
import { propertyNotLoaded, type LoadResult, type StandInContext } from "./context";
import { CHART_TYPES, LEGEND_POSITIONS, cellCorner, chartSeries } from "./chart-model";
import { fail, parseAddress, rectAddress, type ChartAxisState, type ChartSeriesState, type ChartState, type SheetState } from "./model";
import type { WorksheetProxy } from "./proxies";
import type { RangeProxy } from "./range-proxies";
import { WorkbookState } from "./workbook-state";

/** A chart and its sheet, as the chart's parts resolve them at sync time. */
interface ChartTarget {
  sheet: SheetState;
  chart: ChartState;
}

/** How one property of a part is read and written in the model. */
interface Property<T> {
  read(target: T): unknown;
  /** Absent for read-only properties; throws InvalidArgument for a value Excel refuses. */
  write?(target: T, value: unknown): void;
}

/** A chart part with a table of properties: loads, reads and queued writes go through the table. */
abstract class PartProxy<T extends { sheet: SheetState }> extends ClientObject<T> {
  /**
   * @param context Request context.
   * @param path Path description.
   * @param finder Finds the part at sync time.
   * @param properties The part's properties.
   * @param kindName Class name in recorded operations.
   */
  constructor(
    context: StandInContext,
    path: string,
    private readonly finder: () => T | null,
    private readonly properties: Record<string, Property<T>>,
    private readonly kindName: string,
  ) {
    super(context, path);
  }
  protected get kind(): string {
    return this.kindName;
  }
  protected resolve(): T | null {
    return this.finder();
  }
  protected defaultProps(): string[] {
    return Object.keys(this.properties);
  }
  protected readProp(name: string): unknown {
    const property = this.properties[name];
    if (property === undefined) return fail("InvalidArgument", `${this.kindName}.load`, name);
    return property.read(this.target());
  }
  /** Queues a property write, applied and recorded at sync. */
  protected write(name: string, value: unknown): void {
    const property = this.properties[name];
    if (property?.write === undefined) fail("InvalidArgument", `${this.kindName}.${name}`, "The property is read-only.");
    this.queue(`${name}=`, { [name]: value }, (target) => {
      property.write!(target, value);
      this.context.recordWrite(target.sheet, `${this.kindName}.${name}`);
    });
  }
}

const text = (location: string, value: unknown): string => (typeof value === "string" ? value : fail("InvalidArgument", location));
const flag = (location: string, value: unknown): boolean => (typeof value === "boolean" ? value : fail("InvalidArgument", location));
const offset = (location: string, value: unknown): number => (typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : fail("InvalidArgument", location));
const points = (location: string, value: unknown): number => (typeof value === "number" && Number.isFinite(value) && value > 0 ? value : fail("InvalidArgument", location));

/** Excel.ChartTitle. */
export class ChartTitleProxy extends PartProxy<ChartTarget> {
  constructor(chart: ChartProxy) {
    super(chart.context, `${chart.pathOf()}.title`, () => chart.tryTarget(), {
      text: { read: ({ chart }) => chart.title, write: ({ chart }, value) => (chart.title = text("ChartTitle.text", value)) },
    }, "ChartTitle");
  }
  /** The title's text. */
  get text(): string {
    return this.loaded("text");
  }
  set text(value: string) {
    this.write("text", value);
  }
}

/** Excel.ChartLegend. */
export class ChartLegendProxy extends PartProxy<ChartTarget> {
  constructor(chart: ChartProxy) {
    super(chart.context, `${chart.pathOf()}.legend`, () => chart.tryTarget(), {
      position: {
        read: ({ chart }) => chart.legend.position,
        write: ({ chart }, value) => (chart.legend.position = LEGEND_POSITIONS.has(value as string) ? (value as string) : fail("InvalidArgument", "ChartLegend.position")),
      },
      visible: { read: ({ chart }) => chart.legend.visible, write: ({ chart }, value) => (chart.legend.visible = flag("ChartLegend.visible", value)) },
    }, "ChartLegend");
  }
  /** Top, Bottom, Left, Right, Corner or Custom. */
  get position(): string {
    return this.loaded("position");
  }
  set position(value: string) {
    this.write("position", value);
  }
  /** Whether the legend shows. */
  get visible(): boolean {
    return this.loaded("visible");
  }
  set visible(value: boolean) {
    this.write("visible", value);
  }
}

/** Excel.ChartAxis (the value or the category axis). */
export class ChartAxisProxy extends PartProxy<ChartTarget & { axis: ChartAxisState }> {
  constructor(chart: ChartProxy, which: "valueAxis" | "categoryAxis") {
    super(chart.context, `${chart.pathOf()}.axes.${which}`, () => {
      const target = chart.tryTarget();
      return target && { ...target, axis: target.chart[which] };
    }, {
      numberFormat: { read: ({ axis }) => axis.numberFormat, write: ({ axis }, value) => (axis.numberFormat = text("ChartAxis.numberFormat", value)) },
      reversePlotOrder: {
        read: ({ axis }) => axis.reversePlotOrder,
        write: ({ axis }, value) => (axis.reversePlotOrder = flag("ChartAxis.reversePlotOrder", value)),
      },
    }, "ChartAxis");
  }
  /** The tick labels' number format. */
  get numberFormat(): string {
    return this.loaded("numberFormat");
  }
  set numberFormat(value: string) {
    this.write("numberFormat", value);
  }
  /** Whether the categories run from the far end (a bar chart's top down). */
  get reversePlotOrder(): boolean {
    return this.loaded("reversePlotOrder");
  }
  set reversePlotOrder(value: boolean) {
    this.write("reversePlotOrder", value);
  }
}

/** Excel.ChartSeries. */
export class ChartSeriesProxy extends PartProxy<ChartTarget & { series: ChartSeriesState }> {
  constructor(context: StandInContext, path: string, finder: () => (ChartTarget & { series: ChartSeriesState }) | null) {
    super(context, path, finder, {
      name: { read: ({ series }) => series.name, write: ({ series }, value) => (series.name = text("ChartSeries.name", value)) },
    }, "ChartSeries");
  }
  /** The series' name (the legend entry). */
  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.write("name", value);
  }
}

/** Excel.ChartSeriesCollection. */
export class ChartSeriesCollectionProxy extends PartProxy<ChartTarget> {
  private itemsValue: ChartSeriesProxy[] | undefined;

  constructor(private readonly chart: ChartProxy) {
    super(chart.context, `${chart.pathOf()}.series`, () => chart.tryTarget(), { count: { read: ({ chart }) => chart.series.length } }, "ChartSeriesCollection");
  }
  /** Number of series. */
  get count(): number {
    return this.loaded("count");
  }
  /** A series by 0-based index (ItemNotFound at sync when there is none). */
  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.context, `${this.path}.getItemAt(${index})`, () => {
      const target = this.chart.tryTarget();
      const series = target?.chart.series[index];
      return target && series ? { ...target, series } : null;
    });
  }
  /** Loads the series (`items/name`). */
  load(spec?: LoadSpec): this {
    const props = loadProps(spec, ["name"]);
    const items: ChartSeriesProxy[] = [];
    const results: LoadResult[] = [];
    this.context.enqueue({
      name: "ChartSeriesCollection.load",
      desc: { path: this.path, load: props },
      apply: (response) => {
        const target = this.target();
        target.chart.series.forEach((series, index) => {
          const item = new ChartSeriesProxy(this.context, `${this.path}.items[${index}]`, () => ({ ...target, series })).bind({ ...target, series });
          items.push(item);
          results.push(Object.fromEntries(props.map((prop) => [prop, item.readNow(prop)])));
        });
        response.push(results);
      },
      commit: () => {
        items.forEach((item, index) => item.acceptLoaded(results[index]));
        this.itemsValue = items;
      },
    });
    return this;
  }
  /** Loaded series. */
  get items(): ChartSeriesProxy[] {
    if (!this.itemsValue) throw propertyNotLoaded("items");
    return this.itemsValue;
  }
}

/** Excel.Chart. */
export class ChartProxy extends PartProxy<ChartTarget> {
  /** The chart's title. */
  readonly title: ChartTitleProxy;
  /** The chart's legend. */
  readonly legend: ChartLegendProxy;
  /** The chart's value and category axes. */
  readonly axes: { valueAxis: ChartAxisProxy; categoryAxis: ChartAxisProxy };
  /** The chart's series. */
  readonly series: ChartSeriesCollectionProxy;

  /**
   * @param context Request context.
   * @param path Path description.
   * @param finder Finds the chart at sync time (null: not found, or not yet added).
   */
  constructor(context: StandInContext, path: string, finder: () => ChartTarget | null) {
    super(context, path, finder, {
      name: { read: ({ chart }) => chart.name, write: ({ chart }, value) => (chart.name = text("Chart.name", value)) },
      chartType: { read: ({ chart }) => chart.type, write: ({ chart }, value) => (chart.type = CHART_TYPES.has(value as string) ? (value as string) : fail("InvalidArgument", "Chart.chartType")) },
      top: { read: ({ chart }) => chart.top, write: ({ chart }, value) => (chart.top = offset("Chart.top", value)) },
      left: { read: ({ chart }) => chart.left, write: ({ chart }, value) => (chart.left = offset("Chart.left", value)) },
      width: { read: ({ chart }) => chart.width, write: ({ chart }, value) => (chart.width = points("Chart.width", value)) },
      height: { read: ({ chart }) => chart.height, write: ({ chart }, value) => (chart.height = points("Chart.height", value)) },
    }, "Chart");
    this.title = new ChartTitleProxy(this);
    this.legend = new ChartLegendProxy(this);
    this.axes = { valueAxis: new ChartAxisProxy(this, "valueAxis"), categoryAxis: new ChartAxisProxy(this, "categoryAxis") };
    this.series = new ChartSeriesCollectionProxy(this);
  }
  /** The path, for the parts' paths. */
  pathOf(): string {
    return this.path;
  }
  /** Chart name. */
  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.write("name", value);
  }
  /** Chart type (an Excel.ChartType value). */
  get chartType(): string {
    return this.loaded("chartType");
  }
  set chartType(value: string) {
    this.write("chartType", value);
  }
  /** Points from the sheet's top. */
  get top(): number {
    return this.loaded("top");
  }
  set top(value: number) {
    this.write("top", value);
  }
  /** Points from the sheet's left. */
  get left(): number {
    return this.loaded("left");
  }
  set left(value: number) {
    this.write("left", value);
  }
  /** Width in points. */
  get width(): number {
    return this.loaded("width");
  }
  set width(value: number) {
    this.write("width", value);
  }
  /** Height in points. */
  get height(): number {
    return this.loaded("height");
  }
  set height(value: number) {
    this.write("height", value);
  }
  /** Places the top-left corner at a cell, and the bottom-right at another when given. */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    const describe = (cell: RangeProxy | string | undefined): string | undefined => (typeof cell === "string" || cell === undefined ? cell : undefined);
    this.queue("setPosition", { startCell: describe(startCell), endCell: describe(endCell) }, ({ sheet, chart }) => {
      const corner = (cell: RangeProxy | string): { row: number; col: number } => {
        if (typeof cell === "string") return parseAddress(cell);
        const { sheet: other, rect } = cell.target();
        if (other !== sheet) fail("InvalidArgument", "Chart.setPosition", "The cell must be on the chart's sheet.");
        return rect;
      };
      const start = corner(startCell);
      chart.position = rectAddress({ row: start.row, col: start.col, rows: 1, cols: 1 });
      Object.assign(chart, cellCorner(sheet, start.row, start.col));
      if (endCell !== undefined) {
        const end = corner(endCell);
        const far = cellCorner(sheet, end.row + 1, end.col + 1);
        if (far.top <= chart.top || far.left <= chart.left) fail("InvalidArgument", "Chart.setPosition");
        chart.width = far.left - chart.left;
        chart.height = far.top - chart.top;
      }
      this.context.recordWrite(sheet, "Chart.setPosition");
    });
  }
  /** Deletes the chart. */
  delete(): void {
    this.queue("delete", {}, ({ sheet, chart }) => {
      sheet.charts.splice(sheet.charts.indexOf(chart), 1);
      this.context.recordWrite(sheet, "Chart.delete");
    });
  }
}

/** Excel.ChartCollection of a worksheet. */
export class ChartCollectionProxy extends ClientObject<SheetState> {
  private itemsValue: ChartProxy[] | undefined;

  /**
   * @param sheet The worksheet.
   */
  constructor(private readonly sheet: WorksheetProxy) {
    super(sheet.context, "worksheet.charts");
  }
  protected get kind(): string {
    return "ChartCollection";
  }
  protected resolve(): SheetState | null {
    return this.sheet.target();
  }
  protected defaultProps(): string[] {
    return ["count"];
  }
  protected readProp(name: string): unknown {
    if (name === "count") return this.target().charts.length;
    return fail("InvalidArgument", "ChartCollection.load", name);
  }
  /** Number of charts. */
  get count(): number {
    return this.loaded("count");
  }
  /** Loaded charts. */
  get items(): ChartProxy[] {
    if (!this.itemsValue) throw propertyNotLoaded("items");
    return this.itemsValue;
  }
  private chartAt(find: (sheet: SheetState) => ChartState | undefined, path: string): ChartProxy {
    return new ChartProxy(this.context, `${this.path}.${path}`, () => {
      const sheet = this.tryTarget();
      const chart = sheet ? find(sheet) : undefined;
      return sheet && chart ? { sheet, chart } : null;
    });
  }
  /** A chart by name (ItemNotFound at sync when absent). */
  getItem(name: string): ChartProxy {
    return this.chartAt((sheet) => sheet.charts.find((chart) => chart.name === name), `getItem(${JSON.stringify(name)})`);
  }
  /** A chart by 0-based index (ItemNotFound at sync when absent). */
  getItemAt(index: number): ChartProxy {
    return this.chartAt((sheet) => sheet.charts[index], `getItemAt(${index})`);
  }
  /** Loads the charts and the named properties of each (`items/name,items/chartType`). */
  load(spec?: LoadSpec): this {
    const asked = loadProps(spec, ["name", "chartType"]).filter((prop) => prop !== "items");
    if (asked.length === 1 && asked[0] === "count") return super.load(spec);
    const props = asked.length > 0 ? asked : ["name", "chartType"];
    const items: ChartProxy[] = [];
    const results: LoadResult[] = [];
    this.context.enqueue({
      name: "ChartCollection.load",
      desc: { path: this.path, load: props },
      apply: (response) => {
        const sheet = this.target();
        sheet.charts.forEach((chart, index) => {
          const item = new ChartProxy(this.context, `${this.path}.items[${index}]`, () => ({ sheet, chart })).bind({ sheet, chart });
          items.push(item);
          results.push(Object.fromEntries(props.map((prop) => [prop, item.readNow(prop)])));
        });
        response.push(results);
      },
      commit: () => {
        items.forEach((item, index) => item.acceptLoaded(results[index]));
        this.itemsValue = items;
      },
    });
    return this;
  }
  /** Adds a chart of a type over a source range on this sheet, split into series as Excel does. */
  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): ChartProxy {
    let added: ChartTarget | null = null;
    const proxy = new ChartProxy(this.context, `${this.path}.add`, () => added);
    this.context.enqueue({
      name: "ChartCollection.add",
      desc: { path: this.path, op: "add", type, seriesBy },
      apply: () => {
        const sheet = this.target();
        if (!CHART_TYPES.has(type)) fail("InvalidArgument", "ChartCollection.add", `Unknown chart type ${type}.`);
        if (!["Auto", "Columns", "Rows"].includes(seriesBy)) fail("InvalidArgument", "ChartCollection.add", `Unknown seriesBy ${seriesBy}.`);
        const source = sourceData.target();
        if (source.sheet !== sheet) fail("InvalidArgument", "ChartCollection.add", "The source range must be on the chart's sheet in the stand-in.");
        const split = chartSeries(sheet, source.rect, seriesBy);
        const chart: ChartState = {
          type,
          sourceAddress: WorkbookState.address(source.sheet, source.rect),
          seriesBy: split.seriesBy,
          title: "",
          name: `Chart ${sheet.charts.length + 1}`,
          series: split.series,
          valueAxis: { numberFormat: "General", reversePlotOrder: false },
          categoryAxis: { numberFormat: "General", reversePlotOrder: false },
          legend: { position: "Right", visible: true },
          top: 0,
          left: 0,
          width: 360,
          height: 216,
        };
        sheet.charts.push(chart);
        added = { sheet, chart };
        proxy.bind(added);
        this.context.recordWrite(sheet, "ChartCollection.add", chart.sourceAddress);
      },
    });
    return proxy;
  }
}
