/**
 * A plan whose rows are made as they are needed: the detail sheet of a million invoices need not
 * be made whole before its first rows are written. Whoever reads its `values` gets them whole —
 * made at that first reading — so that a plan made so is, to every reader, a plan like any other;
 * the writers of plans in pieces (write-values.ts `planValues`, for the pane) ask
 * `rowsLater(plan).upTo(end)` for the rows a batch takes instead, while the sync before it
 * travels, and a writer that reads each row once (sheet-xml.ts, for a file) asks `each()`, whose
 * rows no one keeps: they die young instead of a million of them living through the write.
 */
import type { PlanCell, SheetPlan } from "./plan-types";

/** The rows of a plan made later: how many there will be, how wide, and the rows made up to a point. */
export interface RowsLater {
  rowCount: number;
  width: number;
  /**
   * Makes the rows before `end` (at most every row) that are not yet made.
   * @returns the plan's rows: every one before `end` made, later ones perhaps not yet
   */
  upTo(end: number): PlanCell[][];
  /**
   * Every row in order, made afresh as it is asked for and kept by no one (the rows already made,
   * when all of them are).
   */
  each(): Iterable<PlanCell[]>;
}

/** Where a plan made later keeps its maker: not enumerable, so a copy of the plan is a plain plan. */
const LATER = Symbol("rows made later");

/** A row a maker gave, checked: there (the maker not done) and as wide as announced. */
function checkedRow(name: string, rowCount: number, width: number, made: number, next: IteratorResult<PlanCell[]>): PlanCell[] {
  if (next.done === true) throw new Error(`Plan "${name}": ${made} rows made, ${rowCount} announced`);
  if (next.value.length !== width) throw new Error(`Plan "${name}": rows have different lengths`);
  return next.value;
}

/** After the last row announced, the maker must be done. */
function checkDone(name: string, rowCount: number, rows: Iterator<PlanCell[]>): void {
  if (rows.next().done !== true) throw new Error(`Plan "${name}": more rows made than the ${rowCount} announced`);
}

/** The rows a maker gives, checked: each as wide as announced, as many as announced. */
function* checkedRows(name: string, rowCount: number, width: number, rows: Iterator<PlanCell[]>): Generator<PlanCell[]> {
  for (let made = 0; made < rowCount; made++) yield checkedRow(name, rowCount, width, made, rows.next());
  checkDone(name, rowCount, rows);
}

/**
 * A plan whose rows come from `rows` as they are needed.
 * @param plan the plan but its values
 * @param rowCount how many rows `rows` gives (the header included)
 * @param width how many cells each row has
 * @param rows makes the rows, in order, each time it is called
 * @returns the plan; its `values`, once read, holds every row
 * @throws Error, when a row is made, if `rows` gives a row of another width, or fewer or more rows than `rowCount`
 * @example
 * const plan = planWithRowsLater(layout, 3, 1, () => [["h"], ["a"], ["b"]].values());
 * rowsLater(plan)?.upTo(2)[1] // ["a"] (row 2 not yet made); plan.values // [["h"], ["a"], ["b"]]
 */
export function planWithRowsLater(plan: Omit<SheetPlan, "values">, rowCount: number, width: number, rows: () => Iterator<PlanCell[]>): SheetPlan {
  const values = new Array<PlanCell[]>(rowCount);
  let made = 0;
  let kept: Iterator<PlanCell[]> | null = null;
  // Not through checkedRows: the pane's writer takes a million rows through here, a generator's step each.
  const upTo = (end: number): PlanCell[][] => {
    const stop = Math.min(end, rowCount);
    if (made < stop) kept ??= rows();
    for (; made < stop; made++) {
      values[made] = checkedRow(plan.name, rowCount, width, made, kept!.next());
      if (made === rowCount - 1) checkDone(plan.name, rowCount, kept!);
    }
    return values;
  };
  const each = (): Iterable<PlanCell[]> => (made === rowCount ? values : { [Symbol.iterator]: () => checkedRows(plan.name, rowCount, width, rows()) });
  const later = { ...plan } as SheetPlan;
  Object.defineProperty(later, "values", {
    enumerable: true,
    configurable: true,
    get: () => {
      // Made whole at the first reading, then a plain property: readers index it row by row.
      const all = upTo(rowCount);
      Object.defineProperty(later, "values", { value: all, enumerable: true, writable: true, configurable: true });
      return all;
    },
  });
  const maker: RowsLater = { rowCount, width, upTo, each };
  Object.defineProperty(later, LATER, { value: maker });
  return later;
}

/**
 * The plan under another name, its rows made later still when they were.
 * @param plan a plan
 * @param name its new name
 * @returns a copy named `name`; a plan made later stays one, sharing the rows made
 * @example withName(detailPlan(report, policy, "zh-CN"), "明细 (2)").name // "明细 (2)"
 */
export function withName(plan: SheetPlan, name: string): SheetPlan {
  const later = rowsLater(plan);
  if (later === undefined) return { ...plan, name };
  const copy = { ...withoutValues(plan), name } as SheetPlan;
  Object.defineProperty(copy, "values", { enumerable: true, configurable: true, get: () => plan.values });
  Object.defineProperty(copy, LATER, { value: later });
  return copy;
}

/**
 * The maker of a plan's rows made later, if it is one.
 * @param plan a plan
 * @returns its maker, or undefined for a plan whose values are all there
 * @example rowsLater(detailPlan(report, policy, "zh-CN"))?.rowCount // 1 + open invoices
 */
export function rowsLater(plan: SheetPlan): RowsLater | undefined {
  return (plan as unknown as Record<symbol, RowsLater | undefined>)[LATER];
}

/**
 * A plan's fields but its values, without making rows made later.
 * @param plan a plan
 * @returns a copy of every field of the plan but `values`
 * @example withoutValues(plan) // { name, kind, formats, … } and no values
 */
export function withoutValues(plan: SheetPlan): Omit<SheetPlan, "values"> {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(plan)) if (key !== "values") fields[key] = (plan as unknown as Record<string, unknown>)[key];
  return fields as unknown as Omit<SheetPlan, "values">;
}
