/**
 * The Office.js adapter: reads the workbook into plain arrays and writes SheetPlans back, with as
 * few syncs as Excel's payload limits allow (requests and responses kept under ~4 MB, reads under
 * 5,000,000 cells). The only module that calls `Excel.run`.
 */
import type { DateSystem } from "../../rules/types";
import type { CellValue, ReplaceableSheet, RunOptions, SheetData, TableInfo, WorkbookAdapter, WorkbookData } from "../adapter-types";
import type { PlanCell, PlanFormat, SheetPlan } from "../plan-types";
import {
  PAYLOAD_BUDGET_BYTES,
  MAX_CELLS_PER_READ,
  jsonNumberBytes,
  jsonStringBytes,
  jsonValueBytes,
  packUnits,
  planChunks,
  type WriteUnit,
} from "./chunks";
import {
  ADDIN_SETTING_KEYS,
  GENERATED_SETTING,
  MARK_COLORS,
  cellInput,
  charsToPoints,
  parseRegistry,
  resolveTargets,
  type ExistingSheet,
  type GeneratedEntry,
  type PlanTarget,
} from "./registry";

/** What the adapter needs from `Excel`: its `run`. Tests pass the stand-in's. */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** Prefix of the add-in's own temporary sheets (date probe, sheets being replaced). */
export const SCRATCH_PREFIX = "ar-scratch-";
/** Cells read in the first, sampling chunk, from which bytes per cell are estimated. */
export const SAMPLE_CELLS = 10_000;
/** Safety factor on the measured bytes per cell. */
export const ESTIMATE_SAFETY = 1.25;
/** Excel serial of 1904-01-01 in the 1900 date system: the offset between the two systems. */
export const DATE_1904_OFFSET = 1462;

/**
 * Response bytes budgeted per row for getRowProperties({ rowHidden }) on a sheet with some rows
 * hidden (the flag, and the address Excel may add, with room to spare).
 */
export const ROW_PROPERTIES_BYTES = 128;

const OP_OVERHEAD_BYTES = 256;
/** Room left in a chunk-sized request for the small operations (sheet set-up, styles) packed with it. */
const SMALL_OPS_RESERVE_BYTES = 4096;
const CHUNK_BYTES = PAYLOAD_BUDGET_BYTES - SMALL_OPS_RESERVE_BYTES;

function globalExcel(): ExcelRunner {
  const excel = (globalThis as { Excel?: ExcelRunner }).Excel;
  if (!excel) throw new Error("Excel is not available: the add-in is not running inside Excel.");
  return excel;
}

function isScratch(name: string): boolean {
  return name.startsWith(SCRATCH_PREFIX);
}

function scratchName(tag: string): string {
  return `${SCRATCH_PREFIX}${tag}-${Math.random().toString(36).slice(2, 10)}`;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Error("Aborted");
}

function isPayloadError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

interface DateProbe {
  result(): DateSystem;
  cleanup(): void;
}

/**
 * Queues the date-system probe (there is no API for it): a very-hidden scratch sheet gets
 * `=DATE(1904,1,1)`, which is 0 in a 1904 workbook and 1462 in a 1900 one. `formulas` takes
 * en-US syntax whatever the locale; `calculate()` covers manual calculation mode.
 */
function queueDateProbe(context: Excel.RequestContext): DateProbe {
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

function settingValue(items: { key: string; value: unknown }[], key: string): unknown {
  return items.find((item) => item.key === key)?.value;
}

function toCell(value: unknown, type: string): CellValue {
  if (type === "Error") return { error: String(value) };
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** JSON bytes of a value type as Excel sends it ("Double", "String", …). */
function valueTypeBytes(type: unknown): number {
  switch (type) {
    case "Double":
    case "String":
      return 8;
    case "Empty":
    case "Error":
      return 7;
    case "Boolean":
      return 9;
    default:
      return jsonValueBytes(type);
  }
}

/**
 * Converts one chunk's rows (values and valueTypes as loaded) into `target[first…]`, and returns
 * the response bytes the two arrays took — exactly the length of their JSON, counted while
 * converting instead of stringifying the response again. The loaded value rows are the
 * response's own arrays, used by nothing else: they are converted in place and kept.
 */
function convertRows(values: unknown[][], types: unknown[][], target: CellValue[][], first: number): number {
  const rowCount = values.length;
  // Two 2-D arrays: their brackets, and the commas between rows.
  let bytes = rowCount === 0 ? 4 : 2 * (rowCount + 1);
  for (let r = 0; r < rowCount; r++) {
    const row = values[r];
    const typeRow = types[r];
    const width = row.length;
    // Each row of both arrays: brackets and the commas between cells.
    bytes += width === 0 ? 4 : 2 * (width + 1);
    for (let c = 0; c < width; c++) {
      const value = row[c];
      const type = typeRow[c] as string;
      bytes += jsonValueBytes(value) + valueTypeBytes(type);
      row[c] = toCell(value, type);
    }
    target[first + r] = row as CellValue[];
  }
  return bytes;
}

/** A rectangle of a sheet being read. */
interface ReadBlock {
  sheet: Excel.Worksheet;
  data: SheetData;
  rowCount: number;
  colCount: number;
  nextRow: number;
  /** Some rows hidden and some not: each chunk also asks which (Range.rowHidden was null). */
  someRowsHidden: boolean;
}

interface ReadPiece {
  block: ReadBlock;
  startRow: number;
  rowCount: number;
  range: Excel.Range;
  /** Which rows of the chunk are hidden, for a block with some rows hidden. */
  rowProperties?: OfficeExtension.ClientResult<Excel.RowProperties[]>;
}

/** Response bytes of one cell of the block, counting its share of the hidden-row flags. */
function blockCellBytes(block: ReadBlock, bytesPerCell: number): number {
  return bytesPerCell + (block.someRowsHidden ? ROW_PROPERTIES_BYTES / block.colCount : 0);
}

/**
 * Chooses the rows of the next read sync: the first sync samples SAMPLE_CELLS cells of the first
 * block; later ones fill the byte budget from the blocks in order.
 */
function nextPieces(blocks: ReadBlock[], bytesPerCell: number | undefined, budgetBytes: number): Omit<ReadPiece, "range">[] {
  const open = blocks.filter((block) => block.nextRow < block.rowCount);
  if (open.length === 0) return [];
  if (bytesPerCell === undefined) {
    const block = open[0];
    const rows = Math.min(block.rowCount - block.nextRow, Math.max(1, Math.floor(SAMPLE_CELLS / block.colCount)));
    return [{ block, startRow: block.nextRow, rowCount: rows }];
  }
  const pieces: Omit<ReadPiece, "range">[] = [];
  let bytesLeft = budgetBytes;
  let cellsLeft = MAX_CELLS_PER_READ;
  for (const block of open) {
    const cellBytes = blockCellBytes(block, bytesPerCell);
    const rowBytes = block.colCount * cellBytes;
    if (pieces.length > 0 && (rowBytes > bytesLeft || block.colCount > cellsLeft)) break;
    const [chunk] = planChunks(block.rowCount - block.nextRow, block.colCount, cellBytes, { maxBytes: bytesLeft, maxCells: cellsLeft });
    pieces.push({ block, startRow: block.nextRow, rowCount: chunk.rowCount });
    bytesLeft -= chunk.rowCount * rowBytes;
    cellsLeft -= chunk.rowCount * block.colCount;
    if (block.nextRow + chunk.rowCount < block.rowCount) break;
  }
  return pieces;
}

/** A write unit: its request bytes and the calls it queues. */
interface PlanUnit extends WriteUnit {
  queue(): void;
}

function validatePlan(plan: SheetPlan): void {
  if (!plan.name || plan.name.length > 31 || /[[\]:*?/\\]/.test(plan.name) || plan.name.startsWith("'")) {
    throw new Error(`Invalid sheet name for a plan: "${plan.name}"`);
  }
  const width = plan.values[0]?.length ?? 0;
  if (plan.values.some((row) => row.length !== width)) throw new Error(`Plan "${plan.name}": rows have different lengths`);
}

/** A value input as written through Range.values. */
type CellInput = string | number | boolean;

/** How a plan's values are written: which columns hold dates to shift into a 1904 workbook. */
interface InputShape {
  /** `shifted[c]` is true for a date column of a 1904 workbook; null when nothing shifts. */
  shifted: boolean[] | null;
}

function inputShape(plan: SheetPlan, dateSystem: DateSystem): InputShape {
  const dateCols = dateSystem === "1904" ? (plan.dateCols ?? []) : [];
  if (dateCols.length === 0) return { shifted: null };
  const shifted: boolean[] = [];
  for (const col of dateCols) shifted[col] = true;
  return { shifted };
}

/** The value written for one plan cell: text protected, 1900-system dates shifted for a 1904 workbook. */
function inputOf(cell: PlanCell, row: number, col: number, shape: InputShape): CellInput {
  return shape.shifted !== null && row > 0 && shape.shifted[col] === true && typeof cell === "number" ? cell - DATE_1904_OFFSET : cellInput(cell);
}

/**
 * Request bytes of one row as written, exactly `JSON.stringify(inputs).length` in UTF-8, counted
 * from the plan's cells: "" for blanks, the quote prefix plus the escaped text for strings, numbers
 * as JSON writes them (after the 1904 shift).
 */
function inputRowBytes(row: PlanCell[], rowIndex: number, shape: InputShape): number {
  const width = row.length;
  let bytes = width === 0 ? 2 : width + 1;
  for (let c = 0; c < width; c++) {
    const cell = row[c];
    if (typeof cell === "string") bytes += cell === "" ? 2 : jsonStringBytes(cell) + 1;
    else if (typeof cell === "number") bytes += jsonNumberBytes(inputOf(cell, rowIndex, c, shape) as number);
    else if (cell === null) bytes += 2;
    else bytes += jsonValueBytes(inputOf(cell, rowIndex, c, shape));
  }
  return bytes;
}

/** A run of a plan's rows written in one Range.values op. */
interface ValueChunk {
  start: number;
  count: number;
  /** Request bytes of its rows (each row's JSON plus a comma). */
  bytes: number;
}

/** Splits a plan's rows into runs whose request bytes stay under the budget (a longer row gets a run of its own). */
function valueChunks(values: PlanCell[][], shape: InputShape, budget: number): ValueChunk[] {
  const chunks: ValueChunk[] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < values.length; r++) {
    const size = inputRowBytes(values[r], r, shape) + 1;
    if (r > start && bytes + size > budget) {
      chunks.push({ start, count: r - start, bytes });
      start = r;
      bytes = 0;
    }
    bytes += size;
  }
  if (values.length > start) chunks.push({ start, count: values.length - start, bytes });
  return chunks;
}

/** The inputs of one run of rows, built when its sync is queued (so only one run is held at a time). */
function inputRows(values: PlanCell[][], chunk: ValueChunk, shape: InputShape): CellInput[][] {
  const rows = new Array<CellInput[]>(chunk.count);
  for (let i = 0; i < chunk.count; i++) {
    const r = chunk.start + i;
    const row = values[r];
    const width = row.length;
    const inputs = new Array<CellInput>(width);
    for (let c = 0; c < width; c++) inputs[c] = inputOf(row[c], r, c, shape);
    rows[i] = inputs;
  }
  return rows;
}

/**
 * Number-format grids of one writePlans call, built once per distinct format, width and height:
 * every row of a grid is the same array (the request carries the full grid either way).
 */
class FormatGrids {
  private readonly grids = new Map<string, string[][]>();

  grid(numberFormat: string, rows: number, cols: number): string[][] {
    const key = `${rows}x${cols}:${numberFormat}`;
    let grid = this.grids.get(key);
    if (grid === undefined) {
      grid = new Array<string[]>(rows).fill(new Array<string>(cols).fill(numberFormat));
      this.grids.set(key, grid);
    }
    return grid;
  }
}

/**
 * Writes one plan as units: sheet setup, value chunks, number formats, styles, widths, freeze,
 * conditional formats, chart. Sizes are counted from the plan; the values of a chunk are built
 * when its unit is queued.
 */
function planUnits(
  target: PlanTarget,
  index: number,
  dateSystem: DateSystem,
  grids: FormatGrids,
  sheets: Excel.Worksheet[],
  workbook: () => Excel.Workbook,
): PlanUnit[] {
  const { plan } = target;
  const units: PlanUnit[] = [];
  const sheet = (): Excel.Worksheet => sheets[index];
  units.push({
    bytes: OP_OVERHEAD_BYTES * 4,
    queue: () => {
      const worksheets = workbook().worksheets;
      let old: Excel.Worksheet | undefined;
      if (target.replaces) {
        old = worksheets.getItem(target.replaces.id);
        old.name = scratchName("old").slice(0, 31);
      }
      const added = worksheets.add(target.name);
      if (old && target.replaces) {
        added.position = target.replaces.position;
        old.delete();
      }
      added.load("id");
      sheets[index] = added;
    },
  });
  const width = plan.values[0]?.length ?? 0;
  if (width > 0) {
    const shape = inputShape(plan, dateSystem);
    for (const chunk of valueChunks(plan.values, shape, CHUNK_BYTES)) {
      units.push({
        bytes: chunk.bytes + OP_OVERHEAD_BYTES,
        queue: () => {
          sheet().getRangeByIndexes(chunk.start, 0, chunk.count, width).values = inputRows(plan.values, chunk, shape);
        },
      });
    }
  }
  for (const format of plan.formats) units.push(...formatUnits(format, sheet, grids));
  const widths = plan.columnWidths;
  for (let col = 0; col < widths.length; ) {
    let end = col;
    while (end + 1 < widths.length && widths[end + 1] === widths[col]) end++;
    const first = col;
    const count = end - col + 1;
    units.push({
      bytes: OP_OVERHEAD_BYTES,
      queue: () => {
        sheet().getRangeByIndexes(0, first, 1, count).format.columnWidth = charsToPoints(widths[first]);
      },
    });
    col = end + 1;
  }
  if (plan.freezeRows > 0 || plan.freezeCols > 0) {
    units.push({
      bytes: OP_OVERHEAD_BYTES,
      queue: () => {
        const panes = sheet().freezePanes;
        if (plan.freezeRows > 0 && plan.freezeCols > 0) panes.freezeAt(sheet().getRangeByIndexes(0, 0, plan.freezeRows, plan.freezeCols));
        else if (plan.freezeRows > 0) panes.freezeRows(plan.freezeRows);
        else panes.freezeColumns(plan.freezeCols);
      },
    });
  }
  for (const rule of plan.conditionalFormats) {
    units.push({
      bytes: OP_OVERHEAD_BYTES * 3,
      queue: () => {
        const conditional = sheet().getRangeByIndexes(rule.row, rule.col, rule.rows, rule.cols).conditionalFormats.add("CellValue");
        conditional.cellValue.format.fill.color = MARK_COLORS[rule.mark];
        conditional.cellValue.rule = { formula1: String(rule.greaterThan), operator: "GreaterThan" };
      },
    });
  }
  const chart = plan.chart;
  if (chart) {
    units.push({
      bytes: OP_OVERHEAD_BYTES * 3,
      queue: () => {
        const source = sheet().getRangeByIndexes(chart.dataRow, chart.dataCol, chart.dataRows, chart.dataCols);
        const added = sheet().charts.add("BarStacked", source, "Columns");
        added.title.text = chart.title;
        added.setPosition(sheet().getRangeByIndexes(chart.anchorRow, chart.anchorCol, 1, 1));
      },
    });
  }
  return units;
}

/** Number formats of one rectangle (2-D arrays, chunked by rows), then its fill, bold and wrap in one op. */
function formatUnits(format: PlanFormat, sheet: () => Excel.Worksheet, grids: FormatGrids): PlanUnit[] {
  const units: PlanUnit[] = [];
  if (format.rows < 1 || format.cols < 1) return units;
  const numberFormat = format.numberFormat;
  if (numberFormat !== undefined) {
    const cellBytes = jsonValueBytes(numberFormat) + 1;
    for (const chunk of planChunks(format.rows, format.cols, cellBytes, { maxBytes: CHUNK_BYTES, maxCells: MAX_CELLS_PER_READ })) {
      units.push({
        bytes: chunk.rowCount * format.cols * cellBytes + OP_OVERHEAD_BYTES,
        queue: () => {
          const grid = grids.grid(numberFormat, chunk.rowCount, format.cols);
          sheet().getRangeByIndexes(format.row + chunk.startRow, format.col, chunk.rowCount, format.cols).numberFormat = grid;
        },
      });
    }
  }
  if (format.mark !== undefined || format.bold !== undefined || format.wrap !== undefined) {
    units.push({
      bytes: OP_OVERHEAD_BYTES * 3,
      queue: () => {
        const range = sheet().getRangeByIndexes(format.row, format.col, format.rows, format.cols);
        if (format.mark !== undefined) range.format.fill.color = MARK_COLORS[format.mark];
        if (format.bold !== undefined) range.format.font.bold = format.bold;
        if (format.wrap !== undefined) range.format.wrapText = format.wrap;
      },
    });
  }
  return units;
}

export type { ReplaceableSheet } from "../adapter-types";

/**
 * WorkbookAdapter over Office.js.
 *
 * @example
 * const adapter = new OfficeAdapter(); // uses the global Excel inside the add-in
 * const data = await adapter.read({ onProgress: (p) => console.info(p.fraction) });
 * const written = await adapter.writePlans(plans); // ["账龄 2026-03-31"]
 */
export class OfficeAdapter implements WorkbookAdapter {
  private dateSystem: DateSystem | undefined;

  /**
   * @param excel Where `run` comes from; the global `Excel` by default.
   */
  constructor(private readonly excel: ExcelRunner = globalExcel()) {}

  /**
   * Reads every user sheet's used range (values; errors as `{error}`), its hidden or filtered
   * rows, the tables, the add-in's settings and the date system. Sync 1 lists sheets, tables and
   * settings and probes the date system; sync 2 gets used ranges (with `rowHidden`: false, true,
   * or null when some rows are hidden) and table positions; then one sync per chunk of rows, where
   * a chunk of a sheet with some rows hidden also asks `getRowProperties({ rowHidden })` — one
   * operation per chunk, never one per row, and no extra sync.
   *
   * @param options Progress callback and abort signal (checked before each sync).
   * @returns The workbook as plain data.
   */
  async read(options: RunOptions = {}): Promise<WorkbookData> {
    const { signal, onProgress } = options;
    return this.excel.run(async (context) => {
      const workbook = context.workbook;
      const sheetList = workbook.worksheets.load("items/name,items/id,items/visibility");
      const tableList = workbook.tables.load("items/name");
      const settingList = workbook.settings.load("items/key,items/value");
      const probe = queueDateProbe(context);
      throwIfAborted(signal);
      await context.sync();
      const dateSystem = probe.result();
      this.dateSystem = dateSystem;
      probe.cleanup();

      const items = settingList.items.map((item) => ({ key: item.key, value: item.value as unknown }));
      const generatedIds = new Set(parseRegistry(settingValue(items, GENERATED_SETTING)).map((entry) => entry.id));
      const settings: Record<string, string> = {};
      for (const key of ADDIN_SETTING_KEYS) {
        const value = settingValue(items, key);
        if (value !== undefined && value !== null) settings[key] = typeof value === "string" ? value : JSON.stringify(value);
      }

      const sheets = sheetList.items.filter((sheet) => !isScratch(sheet.name));
      const used = sheets.map((sheet) =>
        generatedIds.has(sheet.id) ? null : sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount,rowHidden"),
      );
      const tableParts = tableList.items.map((table) => ({
        name: table.name,
        sheet: table.worksheet.load("name"),
        header: table.getHeaderRowRange().load("rowIndex,columnIndex,columnCount"),
        body: table.getDataBodyRange().load("rowCount"),
      }));
      throwIfAborted(signal);
      await context.sync();

      const blocks: ReadBlock[] = [];
      const sheetData: SheetData[] = sheets.map((sheet, index) => {
        const data: SheetData = { name: sheet.name, rows: [], firstRow: 0, firstCol: 0, generated: generatedIds.has(sheet.id) };
        const range = used[index];
        if (range && !range.isNullObject) {
          data.firstRow = range.rowIndex;
          data.firstCol = range.columnIndex;
          data.rows = new Array(range.rowCount);
          // rowHidden is true when every row is hidden, null when some are.
          if (range.rowHidden === true) data.hiddenRows = Array.from({ length: range.rowCount }, (_, r) => range.rowIndex + r);
          const someRowsHidden = range.rowHidden === null;
          if (someRowsHidden) data.hiddenRows = [];
          blocks.push({ sheet, data, rowCount: range.rowCount, colCount: range.columnCount, nextRow: 0, someRowsHidden });
        }
        return data;
      });
      const tables: TableInfo[] = tableParts.map((part) => ({
        name: part.name,
        sheet: part.sheet.name,
        headerRow: part.header.rowIndex,
        firstCol: part.header.columnIndex,
        rowCount: part.body.rowCount,
        columnCount: part.header.columnCount,
      }));

      await this.readBlocks(context, blocks, options);
      onProgress?.({ fraction: 1, message: "Read complete" });
      return { sheets: sheetData, tables, dateSystem, settings };
    });
  }

  private async readBlocks(context: Excel.RequestContext, blocks: ReadBlock[], { signal, onProgress }: RunOptions): Promise<void> {
    const totalCells = blocks.reduce((sum, block) => sum + block.rowCount * block.colCount, 0);
    let doneCells = 0;
    let bytesPerCell: number | undefined;
    for (;;) {
      const pieces: ReadPiece[] = nextPieces(blocks, bytesPerCell, PAYLOAD_BUDGET_BYTES).map((piece) => {
        const range = piece.block.sheet.getRangeByIndexes(piece.block.data.firstRow + piece.startRow, piece.block.data.firstCol, piece.rowCount, piece.block.colCount);
        range.load("values,valueTypes");
        return piece.block.someRowsHidden ? { ...piece, range, rowProperties: range.getRowProperties({ rowHidden: true }) } : { ...piece, range };
      });
      if (pieces.length === 0) return;
      throwIfAborted(signal);
      try {
        await context.sync();
      } catch (error) {
        const rows = pieces.reduce((sum, piece) => sum + piece.rowCount, 0);
        if (!isPayloadError(error) || rows <= 1) throw error;
        // The rows were denser than estimated: assume they filled twice the budget, so the retry reads half as many.
        const failedCells = pieces.reduce((sum, piece) => sum + piece.rowCount * piece.block.colCount, 0);
        bytesPerCell = Math.max(bytesPerCell ?? 0, (2 * PAYLOAD_BUDGET_BYTES) / failedCells);
        continue;
      }
      let bytes = 0;
      let cells = 0;
      for (const { block, startRow, rowCount, range, rowProperties } of pieces) {
        bytes += convertRows(range.values, range.valueTypes, block.data.rows, startRow);
        cells += rowCount * block.colCount;
        if (rowProperties) {
          const firstRow = block.data.firstRow + startRow;
          const rows = rowProperties.value;
          for (let r = 0; r < rows.length; r++) if (rows[r].rowHidden === true) block.data.hiddenRows?.push(firstRow + r);
        }
        block.nextRow = startRow + rowCount;
      }
      bytesPerCell = Math.max(bytesPerCell ?? 0, (bytes / cells) * ESTIMATE_SAFETY);
      doneCells += cells;
      onProgress?.({ fraction: totalCells === 0 ? 1 : doneCells / totalCells, message: `Read ${doneCells} of ${totalCells} cells` });
    }
  }

  /**
   * Lists the add-in's own sheets that writing these plans would replace, so the task pane can
   * ask first. User sheets are never replaced (their plans go to "name (2)").
   *
   * @param plans The plans about to be written.
   * @returns The generated sheets carrying the plans' target names.
   */
  async findReplaceableSheets(plans: SheetPlan[]): Promise<ReplaceableSheet[]> {
    return this.excel.run(async (context) => {
      const { existing, registry } = await this.loadTargetsState(context);
      return resolveTargets(plans, existing, new Set(registry.map((entry) => entry.id))).flatMap((target) =>
        target.replaces ? [{ planName: target.plan.name, sheetName: target.replaces.name, sheetId: target.replaces.id }] : [],
      );
    });
  }

  private async loadTargetsState(context: Excel.RequestContext, probe?: () => DateProbe): Promise<{ existing: ExistingSheet[]; registry: GeneratedEntry[]; probe?: DateProbe }> {
    const sheetList = context.workbook.worksheets.load("items/name,items/id,items/position");
    const setting = context.workbook.settings.getItemOrNullObject(GENERATED_SETTING);
    setting.load("value");
    const queued = probe?.();
    await context.sync();
    if (queued) this.dateSystem = queued.result();
    const existing = sheetList.items
      .filter((sheet) => !isScratch(sheet.name))
      .map((sheet) => ({ id: sheet.id, name: sheet.name, position: sheet.position }));
    const registry = setting.isNullObject ? [] : parseRegistry(setting.value);
    return { existing, registry, probe: queued };
  }

  /**
   * Writes each plan as a sheet (co-authoring safe: plain range writes, no table rows added).
   * Our own sheet of the same name is replaced; a user's sheet of that name is left alone and the
   * plan goes to "name (2)". Values go in row chunks of at most ~4 MB per sync; number formats one
   * op per rectangle (chunked the same way); then styles, widths, frozen panes, conditional
   * formats and the chart. Every string is written with Excel's quote prefix so it stays text.
   * Sync count: 1 (look-up) + packed chunks + 1 (registry and activation).
   *
   * @param plans Plans to write, in order; the first written sheet is activated.
   * @param options Progress callback and abort signal (checked before each sync).
   * @returns The sheet names written.
   */
  async writePlans(plans: SheetPlan[], options: RunOptions = {}): Promise<string[]> {
    const { signal, onProgress } = options;
    plans.forEach(validatePlan);
    if (plans.length === 0) return [];
    return this.excel.run(async (context) => {
      const workbook = context.workbook;
      const needsDateSystem = this.dateSystem === undefined && plans.some((plan) => (plan.dateCols ?? []).length > 0);
      throwIfAborted(signal);
      const state = await this.loadTargetsState(context, needsDateSystem ? () => queueDateProbe(context) : undefined);
      const dateSystem = this.dateSystem ?? "1900";
      const targets = resolveTargets(plans, state.existing, new Set(state.registry.map((entry) => entry.id)));
      const sheets: Excel.Worksheet[] = [];
      const grids = new FormatGrids();
      const units = targets.flatMap((target, index) => planUnits(target, index, dateSystem, grids, sheets, () => workbook));
      const batches = packUnits(units);

      const replacedIds = new Set(targets.flatMap((target) => (target.replaces ? [target.replaces.id] : [])));
      const liveIds = new Set(state.existing.map((sheet) => sheet.id));
      const kept = state.registry.filter((entry) => liveIds.has(entry.id) && !replacedIds.has(entry.id));
      const registryNow = (): GeneratedEntry[] => [
        ...kept,
        ...targets.flatMap((target, index) => {
          const id = loadedId(sheets[index]);
          return id === undefined ? [] : [{ id, name: target.name, kind: target.plan.kind }];
        }),
      ];
      let known = 0;
      for (const [batchIndex, batch] of batches.entries()) {
        throwIfAborted(signal);
        workbook.application.suspendApiCalculationUntilNextSync();
        if (batchIndex === 0) state.probe?.cleanup();
        const registered = sheets.filter((sheet) => loadedId(sheet) !== undefined).length;
        if (registered > known) {
          workbook.settings.add(GENERATED_SETTING, JSON.stringify(registryNow()));
          known = registered;
        }
        for (const unit of batch) unit.queue();
        await context.sync();
        onProgress?.({ fraction: (batchIndex + 1) / (batches.length + 1), message: `Wrote ${batchIndex + 1} of ${batches.length} parts` });
      }
      workbook.settings.add(GENERATED_SETTING, JSON.stringify(registryNow()));
      sheets[0].activate();
      await context.sync();
      onProgress?.({ fraction: 1, message: "Write complete" });
      return targets.map((target) => target.name);
    });
  }

  /**
   * Stores settings in the workbook (Excel.SettingCollection travels with the file and suits
   * co-authoring). One sync.
   *
   * @param settings Key → value, such as { "ar.policy": "{…}" }.
   */
  async writeSettings(settings: Record<string, string>): Promise<void> {
    await this.excel.run(async (context) => {
      for (const [key, value] of Object.entries(settings)) context.workbook.settings.add(key, value);
      await context.sync();
    });
  }

  /**
   * Reads some of the add-in's stored settings without reading the sheets. One sync.
   * @param keys settings keys, such as ["ar.mapping"]
   * @returns key → stored text, absent keys left out
   */
  async readStoredSettings(keys: string[]): Promise<Record<string, string>> {
    return this.excel.run(async (context) => {
      const items = keys.map((key) => {
        const item = context.workbook.settings.getItemOrNullObject(key);
        item.load("value");
        return { key, item };
      });
      await context.sync();
      const stored: Record<string, string> = {};
      for (const { key, item } of items) {
        if (item.isNullObject || item.value === undefined || item.value === null) continue;
        stored[key] = typeof item.value === "string" ? item.value : JSON.stringify(item.value);
      }
      return stored;
    });
  }

  /** Selects a cell or range on a sheet (see {@link selectCell}). */
  selectCell(sheet: string, address: string): Promise<void> {
    return selectCell(sheet, address, this.excel);
  }

  /** Activates a sheet (see {@link activateSheet}). */
  activateSheet(name: string): Promise<void> {
    return activateSheet(name, this.excel);
  }
}

/** The id of a sheet added earlier in the run, once the sync that added it has returned. */
function loadedId(sheet: Excel.Worksheet | undefined): string | undefined {
  if (!sheet) return undefined;
  try {
    return sheet.id;
  } catch {
    return undefined;
  }
}

/**
 * Selects a cell or range and activates its sheet — the task pane calls it when the user picks a
 * row error (its cell) or a customer (its row). One sync.
 *
 * @param sheet Sheet name.
 * @param address A1 address on that sheet, such as "C17" or "A5:H5".
 * @param excel Where `run` comes from; the global `Excel` by default.
 * @example
 * await selectCell("Invoices", "D12");
 */
export async function selectCell(sheet: string, address: string, excel: ExcelRunner = globalExcel()): Promise<void> {
  await excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await context.sync();
  });
}

/**
 * Activates a sheet by name. One sync.
 *
 * @param name Sheet name.
 * @param excel Where `run` comes from; the global `Excel` by default.
 * @example
 * await activateSheet("账龄 2026-03-31");
 */
export async function activateSheet(name: string, excel: ExcelRunner = globalExcel()): Promise<void> {
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem(name).activate();
    await context.sync();
  });
}
