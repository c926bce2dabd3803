/**
 * Writing plans as sheets through Office.js: each plan becomes units (sheet set-up, value runs,
 * number formats, styles, widths, frozen panes, conditional formats, chart) whose request bytes
 * are counted from the plan, packed into as few syncs as the ~4 MB request budget allows; the
 * list of generated sheets is updated as their ids become known.
 */
import type { DateSystem } from "../../rules/types";
import type { RunOptions } from "../adapter-types";
import { shiftedDateColumns } from "../plan-dates";
import type { PlanFormat, SheetPlan } from "../plan-types";
import { generatedAfterWrite, type GeneratedSheet } from "../settings-store";
import { CHART_OPERATIONS, chartFeatures, queueChart, type ChartFeatures } from "./charts";
import { MAX_CELLS_PER_READ, PAYLOAD_BUDGET_BYTES, jsonValueBytes, packUnits, planChunks, type WriteUnit } from "./chunks";
import { queueDateProbe, type KnownDateSystem } from "./date-system";
import { loadTargetsState, resolveTargets, type PlanTarget } from "./registry";
import { throwIfAborted } from "./runner";
import { scratchName } from "./scratch";
import { queueGeneratedListWrite } from "./settings";
import { inputRows, valueChunks } from "./write-values";

const OP_OVERHEAD_BYTES = 256;
/** Room left in a chunk-sized request for the small operations (sheet set-up, styles) packed with it. */
const SMALL_OPS_RESERVE_BYTES = 4096;
const CHUNK_BYTES = PAYLOAD_BUDGET_BYTES - SMALL_OPS_RESERVE_BYTES;

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
  features: ChartFeatures,
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
  const width = plan.values[0]?.length ?? 0;
  if (width > 0) {
    const shifted = shiftedDateColumns(plan, dateSystem);
    for (const chunk of valueChunks(plan.values, shifted, CHUNK_BYTES)) {
      units.push({
        bytes: chunk.bytes + OP_OVERHEAD_BYTES,
        queue: () => {
          sheet().getRangeByIndexes(chunk.start, 0, chunk.count, width).values = inputRows(plan.values, chunk, shifted);
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
  if (plan.chart) units.push({ bytes: OP_OVERHEAD_BYTES * CHART_OPERATIONS, queue: () => queueChart(sheet(), plan, features) });
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
 * Writes each plan as a sheet (co-authoring safe: plain range writes, no table rows added).
 * Our own sheet of the same name is replaced; a user's sheet of that name is left alone and the
 * plan goes to "name (2)". Values go in row chunks of at most ~4 MB per sync; number formats one
 * op per rectangle (chunked the same way); then styles, widths, frozen panes, conditional
 * formats and the chart. Every string is written with Excel's quote prefix so it stays text.
 * Sync count: 1 (look-up) + packed chunks + 1 (list of generated sheets and activation).
 *
 * @param context The batch's request context.
 * @param plans Plans to write, in order (at least one); the first written sheet is activated.
 * @param options Progress callback and abort signal (checked before each sync).
 * @param known The date system, probed with the look-up when a plan has dates and it is unknown.
 * @returns The sheet names written.
 * @example const names = await excel.run((context) => writeSheets(context, plans, {}, known)); // ["账龄 2026-03-31"]
 */
export async function writeSheets(context: Excel.RequestContext, plans: SheetPlan[], options: RunOptions, known: KnownDateSystem): Promise<string[]> {
  const { signal, onProgress } = options;
  const workbook = context.workbook;
  const needsDateSystem = known.value === undefined && plans.some((plan) => (plan.dateCols ?? []).length > 0);
  throwIfAborted(signal);
  const state = await loadTargetsState(context, needsDateSystem ? () => queueDateProbe(context) : undefined);
  if (state.probe) known.value = state.probe.result();
  const dateSystem = known.value ?? "1900";
  const targets = resolveTargets(plans, state.existing, new Set(state.generated.map((entry) => entry.id)));
  const sheets: Excel.Worksheet[] = [];
  const grids = new FormatGrids();
  const features = chartFeatures();
  const units = targets.flatMap((target, index) => planUnits(target, index, dateSystem, grids, sheets, () => workbook, features));
  const batches = packUnits(units);

  const replacedIds = new Set(targets.flatMap((target) => (target.replaces ? [target.replaces.id] : [])));
  const remainingIds = new Set(state.existing.flatMap((sheet) => (replacedIds.has(sheet.id) ? [] : [sheet.id])));
  const listNow = (): GeneratedSheet[] =>
    generatedAfterWrite(
      state.generated,
      remainingIds,
      targets.flatMap((target, index) => {
        const id = loadedId(sheets[index]);
        return id === undefined ? [] : [{ id, name: target.name, kind: target.plan.kind }];
      }),
    );
  let listed = 0;
  for (const [batchIndex, batch] of batches.entries()) {
    throwIfAborted(signal);
    workbook.application.suspendApiCalculationUntilNextSync();
    if (batchIndex === 0) state.probe?.cleanup();
    const registered = sheets.filter((sheet) => loadedId(sheet) !== undefined).length;
    if (registered > listed) {
      queueGeneratedListWrite(workbook, listNow());
      listed = registered;
    }
    for (const unit of batch) unit.queue();
    await context.sync();
    onProgress?.({ fraction: (batchIndex + 1) / (batches.length + 1), message: `Wrote ${batchIndex + 1} of ${batches.length} parts` });
  }
  queueGeneratedListWrite(workbook, listNow());
  sheets[0].activate();
  await context.sync();
  onProgress?.({ fraction: 1, message: "Write complete" });
  return targets.map((target) => target.name);
}
