/**
 * A plan's dates in a workbook of either date system: plans hold 1900-system serials in their
 * `dateCols`; a 1904-system workbook shows the same dates from serials 1,462 smaller. Every
 * adapter writes plan cells through these two functions. Pure.
 */
import type { DateSystem } from "../rules/types";
import { DAYS_1900_TO_1904 } from "./excel-limits";
import type { PlanCell, SheetPlan } from "./plan-types";

/**
 * Which columns of a plan shift when written into a workbook of this date system.
 * @param plan the plan
 * @param dateSystem the workbook's date system
 * @returns `shifted[c]` true for a date column of a 1904 workbook; null when nothing shifts
 * @example shiftedDateColumns({ ...plan, dateCols: [2] }, "1904") // [ , , true]
 */
export function shiftedDateColumns(plan: SheetPlan, dateSystem: DateSystem): boolean[] | null {
  const dateCols = dateSystem === "1904" ? (plan.dateCols ?? []) : [];
  if (dateCols.length === 0) return null;
  const shifted: boolean[] = [];
  for (const col of dateCols) shifted[col] = true;
  return shifted;
}

/**
 * A plan cell as stored: a number in a shifted column below the header row is a date, moved to
 * the workbook's date system; everything else is written as it is.
 * @param cell the plan's cell
 * @param row its row in the plan (row 0 is the header)
 * @param col its column
 * @param shifted from shiftedDateColumns
 * @returns the value to store
 * @example storedCell(46349, 1, 2, [, , true]) // 44887 — 2026-11-23 in the 1904 system
 */
export function storedCell(cell: PlanCell, row: number, col: number, shifted: boolean[] | null): PlanCell {
  return shifted !== null && row > 0 && shifted[col] === true && typeof cell === "number" ? cell - DAYS_1900_TO_1904 : cell;
}
