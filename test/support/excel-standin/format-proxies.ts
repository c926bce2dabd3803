/**
 * Format objects of the Excel stand-in: a range's format, fill and font, and its conditional formats.
 */
import { ClientObject } from "./client-object";
import { propertyNotLoaded, type StandInContext } from "./context";
import { fail, type ConditionalFormatState, type SheetState } from "./model";
import { RangeProxy, RangeTarget, uniform } from "./range-proxies";
import { WorkbookState } from "./workbook-state";

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
