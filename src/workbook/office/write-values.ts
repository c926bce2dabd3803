/**
 * What a plan's rows become in `Range.values`: text protected from being read as a formula,
 * dates moved to the workbook's date system, and the rows split into runs whose request bytes
 * are counted from the plan, so each run fits one sync. The writer takes a plan's cells through
 * `PlanValues`: made here from the plans on the thread that writes, or served by the jobs worker,
 * which keeps the cells and builds each run's inputs when the writer asks (src/jobs/worker).
 */
import type { DateSystem } from "../../rules/types";
import { checkSheetSize } from "../excel-limits";
import type { PlanCell, SheetPlan } from "../plan-types";
import { shiftedDateColumns, storedCell } from "../plan-dates";
import { rowsLater, withoutValues } from "../plan-rows";
import { jsonNumberBytes, wireStringBytes, wireValueBytes } from "./chunks";

/** A value input as written through Range.values. */
export type CellInput = string | number | boolean;

/**
 * Turns a plan cell into what is written through Range.values so that text stays text.
 * Excel parses strings written through `values` as if typed: "=…", "+…", "-…", "@…" become
 * formulas, "00123" a number, "2026-03-31" a date, "TRUE" a boolean. A leading apostrophe is
 * Excel's quote prefix: the rest is stored as text and the apostrophe is not part of the value
 * (`values` reads it back without it). So every non-empty string gets one; blanks are "".
 *
 * @param cell The plan's cell.
 * @returns The value to write.
 * @example
 * cellInput("=HYPERLINK(\"x\")"); // "'=HYPERLINK(\"x\")"
 * cellInput(12.5); // 12.5
 * cellInput(null); // ""
 */
export function cellInput(cell: PlanCell): CellInput {
  if (cell === null) return "";
  if (typeof cell === "string") return cell === "" ? "" : `'${cell}`;
  return cell;
}

/** The value written for one plan cell: its date moved to the workbook's system, then text protected. */
function inputOf(cell: PlanCell, row: number, col: number, shifted: boolean[] | null): CellInput {
  return cellInput(storedCell(cell, row, col, shifted));
}

/** Wire bytes of "" (its quotes, escaped again). */
const EMPTY_STRING_BYTES = 4;

/** Request bytes of one cell as written, on the wire (chunks.ts), counted from the plan's cell. */
function inputCellBytes(cell: PlanCell, rowIndex: number, col: number, shifted: boolean[] | null): number {
  if (typeof cell === "string") return cell === "" ? EMPTY_STRING_BYTES : wireStringBytes(cell) + 1;
  if (typeof cell === "number") return jsonNumberBytes(storedCell(cell, rowIndex, col, shifted) as number);
  if (cell === null) return EMPTY_STRING_BYTES;
  return wireValueBytes(inputOf(cell, rowIndex, col, shifted));
}

/**
 * Request bytes of one row as written, on the wire (chunks.ts), counted from the plan's cells:
 * "" for blanks, the quote prefix plus the escaped text for strings, numbers as JSON writes them
 * (after the 1904 shift). A cell equal to the one above it in its column (a customer's name row
 * after row, a bucket's label) has the same bytes: `above` keeps the row above and its cells' bytes.
 */
function inputRowBytes(row: PlanCell[], rowIndex: number, shifted: boolean[] | null, above: { row: PlanCell[]; bytes: number[] }): number {
  const width = row.length;
  let bytes = width === 0 ? 2 : width + 1;
  const { row: last, bytes: lastBytes } = above;
  for (let c = 0; c < width; c++) {
    const cell = row[c];
    let cellBytes: number;
    if (cell === last[c] && c < last.length) cellBytes = lastBytes[c];
    else lastBytes[c] = cellBytes = inputCellBytes(cell, rowIndex, c, shifted);
    bytes += cellBytes;
  }
  // The header row is never moved to 1904: its cells are no guide to the rows below.
  above.row = rowIndex === 0 ? [] : row;
  return bytes;
}

/** A run of a plan's rows written in one Range.values op. */
export interface ValueChunk {
  start: number;
  count: number;
  /** Request bytes of its rows on the wire (each row plus a comma). */
  bytes: number;
}

/** Where runs are cut and how many are taken: see `runsFrom`. */
export interface RunsTake {
  /** The first row. */
  start: number;
  /** Request bytes of a run's rows at most (a longer row gets a run of its own). */
  runBytes: number;
  /** Request bytes the runs may take together, each counted with `runOverhead` more. */
  roomBytes: number;
  /** Bytes a run adds besides its rows (its op, the brackets of its array). */
  runOverhead: number;
  /** Whether no run may be taken (when even the first does not fit); else the first is taken whatever its size. */
  mayBeEmpty: boolean;
}

/** Rows made at a time, as the runs reach rows made later. */
export const MAKE_STEP = 1024;

/**
 * A plan's rows cut into runs from a start, one run at a time: each run's request bytes stay
 * under `runBytes` (a row longer than that is a run of its own). Each row is measured once; rows
 * made later (plan-rows.ts) are made a step at a time as the cutting reaches them.
 */
class RunCutter {
  /** The first row of the next run. */
  private start: number;
  /** The next row to measure. */
  private row: number;
  /** Bytes of the rows measured for the next run. */
  private bytes = 0;
  /** Rows before this one are made. */
  private ready: number;
  private readonly above = { row: [] as PlanCell[], bytes: [] as number[] };

  constructor(
    private readonly values: PlanCell[][],
    private readonly shifted: boolean[] | null,
    start: number,
    private readonly runBytes: number,
    private readonly more?: (end: number) => void,
  ) {
    this.start = this.row = start;
    this.ready = more === undefined ? values.length : start;
  }

  /** The next run, or undefined after the last row. */
  next(): ValueChunk | undefined {
    const { values } = this;
    for (; this.row < values.length; this.row++) {
      const r = this.row;
      if (r >= this.ready) {
        this.ready = Math.min(values.length, r + MAKE_STEP);
        this.more?.(this.ready);
      }
      const size = inputRowBytes(values[r], r, this.shifted, this.above) + 1;
      if (r > this.start && this.bytes + size > this.runBytes) {
        const run = { start: this.start, count: r - this.start, bytes: this.bytes };
        this.start = r;
        this.bytes = size;
        this.row = r + 1;
        return run;
      }
      this.bytes += size;
    }
    if (this.start >= values.length) return undefined;
    const run = { start: this.start, count: values.length - this.start, bytes: this.bytes };
    this.start = values.length;
    this.bytes = 0;
    return run;
  }
}

/**
 * A plan's runs from where the last take ended: cut as they are needed, or ahead of a take
 * (`ahead`), and taken while the next fits in a take's room.
 */
class RunQueue {
  /** Runs cut and not yet taken, from `first`. */
  private readonly cut: ValueChunk[] = [];
  private first = 0;
  /** The row the next take starts at. */
  position: number;

  constructor(
    private readonly cutter: RunCutter,
    start: number,
    readonly runBytes: number,
    readonly dateSystem: DateSystem | null,
  ) {
    this.position = start;
  }

  /** Whether takes like `like` cut the plan as this queue does (the same run size and date system). */
  cutsLike(like: Pick<ValuesTake, "runBytes" | "dateSystem">): boolean {
    return this.runBytes === like.runBytes && this.dateSystem === like.dateSystem;
  }

  /** The runs a take with this room takes: while the next fits (see `runsFrom`). */
  take({ roomBytes, runOverhead, mayBeEmpty }: Pick<RunsTake, "roomBytes" | "runOverhead" | "mayBeEmpty">): ValueChunk[] {
    const taken: ValueChunk[] = [];
    let room = roomBytes;
    for (let run = this.peek(); run !== undefined; run = this.peek()) {
      if (run.bytes + runOverhead > room && (taken.length > 0 || mayBeEmpty)) break;
      taken.push(run);
      room -= run.bytes + runOverhead;
      this.first++;
      this.position = run.start + run.count;
    }
    if (this.first === this.cut.length) {
      this.cut.length = 0;
      this.first = 0;
    }
    return taken;
  }

  /** The runs after the last taken that hold `bytes` (or all to the last row), cut as needed, not taken. */
  ahead(bytes: number): ValueChunk[] {
    let held = 0;
    let at = this.first;
    for (; held < bytes; at++) {
      if (at === this.cut.length) {
        const run = this.cutter.next();
        if (run === undefined) break;
        this.cut.push(run);
      }
      held += this.cut[at].bytes;
    }
    return this.cut.slice(this.first, at);
  }

  private peek(): ValueChunk | undefined {
    if (this.first === this.cut.length) {
      const run = this.cutter.next();
      if (run === undefined) return undefined;
      this.cut.push(run);
    }
    return this.cut[this.first];
  }
}

/**
 * The runs of a plan's rows from `start` that fit in the room: the rows are cut into runs whose
 * request bytes stay under `runBytes` (a longer row gets a run of its own) — when every take starts
 * where the one before ended, the same cuts as one take of the whole plan with unbounded room —
 * and taken while the next fits.
 * @param values the plan's rows
 * @param shifted the plan's date columns to shift (plan-dates.ts), or null
 * @param take where to start, the run size, the room
 * @param more makes the rows before a row (a plan's rows made later; `values` then holds only
 *   those before `take.start`, the others as `more` makes them)
 * @returns the runs taken, in order
 * @example runsFrom([["a"], ["b"], ["c"]], null, { start: 1, runBytes: 9, roomBytes: 100, runOverhead: 0, mayBeEmpty: false }) // [{ start: 1, count: 1, bytes: 9 }, { start: 2, count: 1, bytes: 9 }]
 */
export function runsFrom(values: PlanCell[][], shifted: boolean[] | null, take: RunsTake, more?: (end: number) => void): ValueChunk[] {
  return new RunQueue(new RunCutter(values, shifted, take.start, take.runBytes, more), take.start, take.runBytes, null).take(take);
}

/**
 * The inputs of one run of rows, built when its sync is queued (so only one run is held at a time).
 * @param values the plan's rows
 * @param chunk the run
 * @param shifted the plan's date columns to shift, or null
 * @returns the 2-D array for Range.values
 * @example inputRows([["=1"], [2]], { start: 0, count: 2, bytes: 14 }, null) // [["'=1"], [2]]
 */
export function inputRows(values: PlanCell[][], chunk: ValueChunk, shifted: boolean[] | null): CellInput[][] {
  const rows = new Array<CellInput[]>(chunk.count);
  for (let i = 0; i < chunk.count; i++) {
    const r = chunk.start + i;
    const row = values[r];
    const width = row.length;
    const inputs = new Array<CellInput>(width);
    for (let c = 0; c < width; c++) inputs[c] = inputOf(row[c], r, c, shifted);
    rows[i] = inputs;
  }
  return rows;
}

/** A plan without its cells: everything the writer needs besides them, and their extent. */
export type PlanLayout = Omit<SheetPlan, "values"> & {
  /** Rows of cells (the header included). */
  rowCount: number;
  /** Cells per row. */
  width: number;
};

/**
 * A plan's layout, for the writer and for sending to the thread that talks to Excel.
 * @param plan the plan
 * @returns the plan without its cells
 * @example layoutOf({ ...plan, values: [["a", "b"], [1, 2]] }) // { ...plan without values, rowCount: 2, width: 2 }
 */
export function layoutOf(plan: SheetPlan): PlanLayout {
  const later = rowsLater(plan);
  if (later !== undefined) return { ...withoutValues(plan), rowCount: later.rowCount, width: later.width };
  const { values, ...layout } = plan;
  return { ...layout, rowCount: values.length, width: values[0]?.length ?? 0 };
}

/**
 * Refuses a layout that cannot be a sheet (the cells themselves are checked where they are, by
 * checkPlanFitsSheet).
 * @param layout the plan's layout
 * @throws Error with more rows or columns than Excel's grid
 * @example checkLayoutFitsSheet({ ...layout, rowCount: 2_000_000 }) // throws "… more than Excel's 1048576"
 */
export function checkLayoutFitsSheet(layout: PlanLayout): void {
  checkSheetSize(layout.name, layout.rowCount, layout.width);
}

/** What the writer asks of a plan's cells: the runs of one plan that fit (see `runsFrom`), in a workbook of this date system. */
export interface ValuesTake extends RunsTake {
  plan: number;
  dateSystem: DateSystem;
}

/** A run of rows taken, with the inputs that write it. */
export interface TakenRun {
  run: ValueChunk;
  inputs: CellInput[][];
}

/** The cells of the plans being written, as the writer takes them. */
export interface PlanValues {
  /** The runs of a plan's rows that fit in the room, with their inputs (`runsFrom`). */
  take(ask: ValuesTake): Promise<TakenRun[]>;
}

/** The cells of plans held where they are: their inputs built whole, or taken cell by cell. */
export interface HeldPlanValues extends PlanValues {
  /** The runs `take` would take, without their inputs. */
  runsOf(ask: ValuesTake): ValueChunk[];
  /**
   * The runs a plan's next takes will take, cut as takes like `like` cut them (its run size and
   * date system), from where the last take of the plan ended (from its first row when none has):
   * as many as hold `bytes`, or to the last row. They stay to be taken.
   */
  upcoming(plan: number, like: Pick<ValuesTake, "runBytes" | "dateSystem">, bytes: number): ValueChunk[];
  /**
   * One run's rows as the plan holds them (not copies) and each cell's input (row within the
   * run, column), for a packer that converts as it goes (the jobs worker's cell blocks) instead
   * of building the inputs first. The input of a string depends on the string alone.
   */
  cellsOf(plan: number, run: ValueChunk, dateSystem: DateSystem): { rows: PlanCell[][]; input: (cell: PlanCell, row: number, col: number) => CellInput };
}

/**
 * The cells of these plans, held where they are.
 * @param plans the plans, in writing order
 * @returns their runs and inputs on demand
 * @example
 * const values = planValues(plans);
 * await values.take({ plan: 0, dateSystem: "1900", start: 0, runBytes: 1_000_000, roomBytes: 4_000_000, runOverhead: 257, mayBeEmpty: false });
 */
export function planValues(plans: SheetPlan[]): HeldPlanValues {
  const shiftedOf = (plan: number, dateSystem: DateSystem): boolean[] | null => shiftedDateColumns(plans[plan], dateSystem);
  /** A plan's rows, every one before `end` there (a plan's rows made later are made so far, plan-rows.ts). */
  const rowsTo = (plan: number, end: number): PlanCell[][] => rowsLater(plans[plan])?.upTo(end) ?? plans[plan].values;
  // Each plan's runs are cut once, where the last take ended: a take that starts anywhere else
  // (or cuts otherwise) begins a new cut there.
  const queues: (RunQueue | undefined)[] = [];
  const queueFor = (plan: number, at: Pick<ValuesTake, "start" | "runBytes" | "dateSystem">): RunQueue => {
    const kept = queues[plan];
    if (kept !== undefined && kept.position === at.start && kept.cutsLike(at)) return kept;
    const later = rowsLater(plans[plan]);
    const shifted = shiftedOf(plan, at.dateSystem);
    const cutter = later === undefined ? new RunCutter(plans[plan].values, shifted, at.start, at.runBytes) : new RunCutter(later.upTo(at.start), shifted, at.start, at.runBytes, later.upTo);
    return (queues[plan] = new RunQueue(cutter, at.start, at.runBytes, at.dateSystem));
  };
  const runsOf = (ask: ValuesTake): ValueChunk[] => queueFor(ask.plan, ask).take(ask);
  return {
    runsOf,
    upcoming: (plan, like, bytes) => {
      const kept = queues[plan];
      const start = kept?.cutsLike(like) ? kept.position : 0;
      return queueFor(plan, { start, runBytes: like.runBytes, dateSystem: like.dateSystem }).ahead(bytes);
    },
    take: async (ask) => {
      const shifted = shiftedOf(ask.plan, ask.dateSystem);
      return runsOf(ask).map((run) => ({ run, inputs: inputRows(rowsTo(ask.plan, run.start + run.count), run, shifted) }));
    },
    cellsOf: (plan, run, dateSystem) => {
      const shifted = shiftedOf(plan, dateSystem);
      return {
        rows: rowsTo(plan, run.start + run.count).slice(run.start, run.start + run.count),
        input: (cell, row, col) => inputOf(cell, run.start + row, col, shifted),
      };
    },
  };
}
