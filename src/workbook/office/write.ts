/**
 * Writing plans as sheets through Office.js: each plan's layout becomes units (sheet set-up,
 * value runs, number formats, styles, widths, frozen panes, conditional formats, chart) whose
 * request bytes are counted on the wire (chunks.ts), packed into as few syncs as the 4,000,000 B
 * budget allows; the cells of a run are fetched (PlanValues) while the sync before it travels, and
 * the list of generated sheets is updated as their ids become known.
 */
import type { DateSystem } from "../../rules/types";
import type { RunOptions } from "../adapter-types";
import type { PlanFormat } from "../plan-types";
import { generatedAfterWrite, generatedToText, type GeneratedSheet } from "../settings-store";
import { CHART_OPERATIONS, chartFeatures, queueChart, type ChartFeatures } from "./charts";
import { BatchPacker, MAX_CELLS_PER_READ, PAYLOAD_BUDGET_BYTES, wireStringBytes, wireValueBytes, type PackedUnit, type SplitUnit, type WriteUnit } from "./chunks";
import { queueDateProbe, type KnownDateSystem } from "./date-system";
import { loadTargetsState, resolveTargets, type PlanTarget, type TargetsState } from "./registry";
import { throwIfAborted } from "./runner";
import { scratchName } from "./scratch";
import { queueGeneratedListWrite } from "./settings";
import type { PlanLayout, PlanValues } from "./write-values";

/** What Office.js adds around an operation's values: its action and object-path descriptors. */
const OP_OVERHEAD_BYTES = 256;
/** Request bytes of a sheet's set-up: add it, (rename and delete the one it replaces), load its id. */
const SET_UP_BYTES = OP_OVERHEAD_BYTES * 4;
/**
 * Runs of values per sync: each run a quarter of a sync, so that a plan's last run leaves at most
 * a quarter of its sync for the number formats that follow to fill.
 */
const RUNS_PER_SYNC = 4;
/** Wire bytes allowed for a sheet's entry in the list of generated sheets (id, name, kind, JSON). */
const LIST_ENTRY_BYTES = 256;

/** Excel's fill colours for the plan marks (the "good/neutral/bad" cell styles' light fills). */
const MARK_COLORS: Record<string, string> = {
  red: "#FFC7CE",
  amber: "#FFEB9C",
  green: "#C6EFCE",
  header: "#D9E1F2",
  total: "#EDEDED",
};

/**
 * Excel's column width unit is points; a plan's is characters of the default font (7 px + 5 px padding).
 * @param chars width in characters
 * @returns width in points
 * @example charsToPoints(10) // 56.25
 */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** A write unit: its request bytes and the calls it queues. */
interface PlanUnit extends WriteUnit {
  queue(): void;
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

/** What the units of one plan share: where its cells come from and how runs are cut. */
interface PlanUnitsContext {
  values: PlanValues;
  dateSystem: DateSystem;
  /** Request bytes of a run's rows at most. */
  runBytes: number;
  grids: FormatGrids;
  sheets: Excel.Worksheet[];
  workbook: () => Excel.Workbook;
  features: ChartFeatures;
}

/**
 * Writes one plan as units, in two parts: first its sheet's setup and the first half of its number
 * formats; then its value runs, the other half, styles, widths, freeze, conditional formats and
 * chart. The writer queues every plan's first part before any plan's second (writeSheets), so that
 * the first sync needs no cells. The value runs are taken as batches are formed (their sizes
 * counted, their inputs built, where the cells are held); the other units are sized from the layout.
 */
function planUnits(target: PlanTarget<PlanLayout>, index: number, context: PlanUnitsContext): { first: PackedUnit<PlanUnit>[]; rest: PackedUnit<PlanUnit>[] } {
  const { plan } = target;
  const { grids, sheets, workbook, features } = context;
  const first: PackedUnit<PlanUnit>[] = [];
  const rest: PackedUnit<PlanUnit>[] = [];
  const sheet = (): Excel.Worksheet => sheets[index];
  first.push({
    bytes: SET_UP_BYTES,
    queue: () => {
      const worksheets = workbook().worksheets;
      let old: Excel.Worksheet | undefined;
      if (target.replaces) {
        old = worksheets.getItem(target.replaces.id);
        old.name = scratchName("old");
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
  // A rectangle of number formats bigger than a run is cut in two by rows (see below); a smaller one stays whole.
  const cut = plan.formats.map((format) => (numberFormatBytes(format) > context.runBytes ? Math.ceil(format.rows / 2) : format.rows));
  plan.formats.forEach((format, f) => first.push(...numberFormatUnits(format, 0, cut[f], sheet, grids)));
  // The values go between the two halves of the number formats. Forming a batch of formats takes
  // no cells: the first syncs travel while the worker makes the cells of the first runs, and the
  // last ones while the job's result crosses to the pane (onValuesTaken).
  const width = plan.width;
  if (width > 0 && plan.rowCount > 0) {
    rest.push({
      rows: plan.rowCount,
      take: async (start, room, mayBeEmpty) => {
        // A run adds the brackets of its 2-D array (+1 over its rows and their commas) and the op.
        const taken = await context.values.take({ plan: index, dateSystem: context.dateSystem, start, runBytes: context.runBytes, roomBytes: room, runOverhead: 1 + OP_OVERHEAD_BYTES, mayBeEmpty });
        const runUnits = taken.map(({ run, inputs }) => ({
          bytes: run.bytes + 1 + OP_OVERHEAD_BYTES,
          queue: () => {
            sheet().getRangeByIndexes(run.start, 0, run.count, width).values = inputs;
          },
        }));
        return { units: runUnits, rows: taken.reduce((rows, { run }) => rows + run.count, 0) };
      },
    });
  }
  plan.formats.forEach((format, f) => {
    rest.push(...numberFormatUnits(format, cut[f], format.rows, sheet, grids));
    rest.push(...styleUnits(format, sheet));
  });
  const widths = plan.columnWidths;
  for (let col = 0; col < widths.length; ) {
    let end = col;
    while (end + 1 < widths.length && widths[end + 1] === widths[col]) end++;
    const start = col;
    const count = end - col + 1;
    rest.push({
      bytes: OP_OVERHEAD_BYTES,
      queue: () => {
        sheet().getRangeByIndexes(0, start, 1, count).format.columnWidth = charsToPoints(widths[start]);
      },
    });
    col = end + 1;
  }
  if (plan.freezeRows > 0 || plan.freezeCols > 0) {
    rest.push({
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
    rest.push({
      bytes: OP_OVERHEAD_BYTES * 3,
      queue: () => {
        const conditional = sheet().getRangeByIndexes(rule.row, rule.col, rule.rows, rule.cols).conditionalFormats.add("CellValue");
        conditional.cellValue.format.fill.color = MARK_COLORS[rule.mark];
        conditional.cellValue.rule = { formula1: String(rule.greaterThan), operator: "GreaterThan" };
      },
    });
  }
  if (plan.chart) rest.push({ bytes: OP_OVERHEAD_BYTES * CHART_OPERATIONS, queue: () => queueChart(sheet(), plan, features) });
  return { first, rest };
}

/** Bytes of a row of a rectangle's number formats: its cells, the commas between them, its brackets and the comma after it. */
function numberFormatRowBytes(format: PlanFormat, numberFormat: string): number {
  return format.cols * (wireValueBytes(numberFormat) + 1) + 2;
}

/** Bytes of a rectangle's number formats on the wire, all its rows (0 without one). */
function numberFormatBytes(format: PlanFormat): number {
  return format.numberFormat === undefined || format.cols < 1 ? 0 : format.rows * numberFormatRowBytes(format, format.numberFormat);
}

/** Number formats of rows `from` … `to` − 1 of one rectangle (2-D arrays, chunked by rows). */
function numberFormatUnits(format: PlanFormat, from: number, to: number, sheet: () => Excel.Worksheet, grids: FormatGrids): SplitUnit<PlanUnit>[] {
  const numberFormat = format.numberFormat;
  if (numberFormat === undefined || to <= from || format.cols < 1) return [];
  return [
    {
      rows: to - from,
      rowBytes: numberFormatRowBytes(format, numberFormat),
      // The grid's brackets less the last row's comma, and the op.
      partBytes: 1 + OP_OVERHEAD_BYTES,
      maxRows: Math.floor(MAX_CELLS_PER_READ / format.cols),
      part: (start, count, bytes) => ({
        bytes,
        queue: () => {
          const grid = grids.grid(numberFormat, count, format.cols);
          sheet().getRangeByIndexes(format.row + from + start, format.col, count, format.cols).numberFormat = grid;
        },
      }),
    },
  ];
}

/** The fill, bold and wrap of one rectangle, in one op. */
function styleUnits(format: PlanFormat, sheet: () => Excel.Worksheet): PlanUnit[] {
  if (format.rows < 1 || format.cols < 1) return [];
  if (format.mark === undefined && format.bold === undefined && format.wrap === undefined) return [];
  return [
    {
      bytes: OP_OVERHEAD_BYTES * 3,
      queue: () => {
        const range = sheet().getRangeByIndexes(format.row, format.col, format.rows, format.cols);
        if (format.mark !== undefined) range.format.fill.color = MARK_COLORS[format.mark];
        if (format.bold !== undefined) range.format.font.bold = format.bold;
        if (format.wrap !== undefined) range.format.wrapText = format.wrap;
      },
    },
  ];
}

/**
 * Writes each plan as a sheet (co-authoring safe: plain range writes, no table rows added).
 * Our own sheet of the same name is replaced; a user's sheet of that name is left alone and the
 * plan goes to "name (2)". Every plan's sheet is set up and given the first half of each large
 * rectangle of number formats first; then, plan by plan, values in runs of rows of at most
 * 4,000,000 B per sync on the wire, the other half of the number formats (chunked the same way),
 * styles, widths, frozen panes, conditional formats and the chart. Every string is written with
 * Excel's quote prefix so it stays text. The cells of the next batch are fetched while a batch's
 * sync travels. Sync count: 1 (look-up; none when `lookedUp` is given) + packed batches + 1 (the
 * list of generated sheets and the activation; none when every sheet was added before the last
 * batch, which then carries the activation, the list having gone with an earlier one).
 *
 * @param context The batch's request context.
 * @param plans The plans' layouts, in order (at least one); the first written sheet is activated.
 * @param values The plans' cells (planValues, or the jobs worker's).
 * @param options Progress callback and abort signal (checked before each sync).
 * @param known The date system, probed with the look-up when a plan has dates and it is unknown.
 * @param lookedUp The sheets and the generated list as a look-up just before read them (the
 *   adapter's findReplaceableSheets): the write then makes no look-up of its own.
 * @returns The sheet names written.
 * @example const names = await excel.run((context) => writeSheets(context, plans.map(layoutOf), planValues(plans), {}, known)); // ["账龄 2026-03-31"]
 */
export async function writeSheets(context: Excel.RequestContext, plans: PlanLayout[], values: PlanValues, options: RunOptions, known: KnownDateSystem, lookedUp?: TargetsState): Promise<string[]> {
  const { signal, onProgress } = options;
  const workbook = context.workbook;
  const needsDateSystem = known.value === undefined && plans.some((plan) => (plan.dateCols ?? []).length > 0);
  throwIfAborted(signal);
  const state = lookedUp !== undefined && !needsDateSystem ? lookedUp : await loadTargetsState(context, needsDateSystem ? () => queueDateProbe(context) : undefined);
  if (state.probe) known.value = state.probe.result();
  const targets = resolveTargets(plans, state.existing, new Set(state.generated.map((entry) => entry.id)));
  // Each batch may also carry the list of generated sheets and the calculation switch, the last
  // one the activation of the first sheet.
  const listBytes = wireStringBytes(generatedToText(state.generated)) + targets.length * LIST_ENTRY_BYTES + 3 * OP_OVERHEAD_BYTES;
  const budget = PAYLOAD_BUDGET_BYTES - listBytes;
  // A run's unit adds the brackets of its 2-D array (+1 over its rows and their commas) and the op.
  const runBytes = Math.floor((budget - SET_UP_BYTES) / RUNS_PER_SYNC) - OP_OVERHEAD_BYTES - 1;
  const sheets: Excel.Worksheet[] = [];
  const unitsContext: PlanUnitsContext = { values, dateSystem: known.value ?? "1900", runBytes, grids: new FormatGrids(), sheets, workbook: () => workbook, features: chartFeatures() };
  const parts = targets.map((target, index) => planUnits(target, index, unitsContext));
  const units = [...parts.flatMap((part) => part.first), ...parts.flatMap((part) => part.rest)];
  const packer = new BatchPacker(units, budget);
  // A last sync of its own (the list of generated sheets, the activation) counts as one more unit.
  const written = (packed: number): number => (packed * units.length) / (units.length + 1);

  const replacedIds = new Set(targets.flatMap((target) => (target.replaces ? [target.replaces.id] : [])));
  const remainingIds = new Set(state.existing.flatMap((sheet) => (replacedIds.has(sheet.id) ? [] : [sheet.id])));
  // The id of each sheet added, read once the sync that added it has returned (before, reading
  // it throws, as in Excel: asking every sheet before each sync cost a thrown error each).
  const ids: (string | undefined)[] = [];
  const noteIds = (): void => {
    sheets.forEach((sheet, index) => {
      ids[index] ??= sheet.id;
    });
  };
  const listNow = (): GeneratedSheet[] =>
    generatedAfterWrite(
      state.generated,
      remainingIds,
      targets.flatMap((target, index) => {
        const id = ids[index];
        return id === undefined ? [] : [{ id, name: target.name, kind: target.plan.kind }];
      }),
    );
  const nextBatch = (): Promise<PlanUnit[] | null> => {
    const batch = packer.next();
    // Awaited before the next sync; a failure while a sync travels must not go unhandled meanwhile.
    batch.catch(() => undefined);
    return batch;
  };
  let formed = nextBatch();
  let listed = 0;
  let finished = false;
  for (let batchIndex = 0; ; batchIndex++) {
    const batch = await formed;
    if (batch === null) break;
    const packed = packer.fraction;
    throwIfAborted(signal);
    workbook.application.suspendApiCalculationUntilNextSync();
    if (batchIndex === 0) state.probe?.cleanup();
    const registered = ids.filter((id) => id !== undefined).length;
    if (registered > listed) {
      queueGeneratedListWrite(workbook, listNow());
      listed = registered;
    }
    for (const unit of batch) unit.queue();
    // The last batch, when every sheet was added by an earlier one (the list just written or
    // before holds them all), activates the first sheet too: no sync of its own for that.
    finished = packed === 1 && registered === targets.length;
    if (finished) sheets[0].activate();
    // The next batch's rows are taken (sized, their inputs built) while this one travels.
    formed = nextBatch();
    await context.sync();
    noteIds();
    onProgress?.({ fraction: finished ? 1 : written(packed), message: finished ? "Write complete" : `Wrote part ${batchIndex + 1}` });
  }
  if (!finished) {
    queueGeneratedListWrite(workbook, listNow());
    sheets[0].activate();
    await context.sync();
    onProgress?.({ fraction: 1, message: "Write complete" });
  }
  return targets.map((target) => target.name);
}
