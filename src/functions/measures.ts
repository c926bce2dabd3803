/**
 * AR.DSO, AR.DSO.COUNTBACK and AR.CEI: the receivables measures of POLICY §11 over cells, through
 * src/rules/measures.ts. A zero denominator is Excel's #DIV/0!.
 */
import { cei as collectionEffectiveness, dsoCountBack, dsoSimple } from "../rules/measures";
import type { Decimal } from "../rules/decimal";
import { wholeCall } from "./call";
import { ArgumentError, argumentError, isBlank, mapCells, readNumber, shownCell, toGrid } from "./coerce";
import type { CellOutput } from "./coerce";
import { functionLanguage } from "./workbook-policy";

/* eslint-disable @typescript-eslint/no-explicit-any -- any[][] is how custom functions declare a range */

/** A measure as the cell shows it: the number, or #DIV/0! where the denominator is 0. */
function measureCell(value: Decimal | null): CellOutput {
  return value === null ? new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero) : value.toNumber();
}

/** A number that must be more than 0 (days in a period, days per month, months). */
function readPositive(cell: unknown, name: string): number {
  const value = readNumber(cell, name);
  if (!(value > 0)) throw argumentError(name, "arg.notPositive", { shown: shownCell(cell) });
  return value;
}

/** Stands for a blank cell of an amount the measure needs: a blank is not 0. */
const REQUIRED = Symbol("required");

function present(value: unknown, name: string): number {
  if (value === REQUIRED) throw argumentError(name, "arg.blank", {});
  return value as number;
}

/**
 * Days sales outstanding, simple: receivables ÷ credit sales of the period × days in the period.
 * E.g. 200,000 ÷ 2,000,000 × 365 = 36.5 days.
 * @customfunction DSO
 * @param {any[][]} receivables Receivables at the end of the period, in currency units.
 * @param {any[][]} credit_sales Credit sales of the period, in currency units.
 * @param {any[][]} [days] Days in the period; default 365.
 * @returns {any[][]} Days, unrounded; #DIV/0! when the sales are 0.
 */
export function dso(receivables: any[][], credit_sales: any[][], days?: any[][]): any[][] {
  return mapCells(
    { name: "receivables", value: receivables, coerce: readNumber, fallback: 0 },
    [
      { name: "credit_sales", value: credit_sales, coerce: readNumber, fallback: REQUIRED },
      { name: "days", value: days, coerce: readPositive, fallback: 365 },
    ],
    (owed, [sales, period]) => measureCell(dsoSimple(owed, present(sales, "credit_sales"), period as number)),
    functionLanguage(),
  );
}

/** The months of each row (all cells for one receivables figure), latest first; trailing blanks dropped. */
function monthRows(value: unknown, figures: number): (number[] | ArgumentError)[] {
  const grid = toGrid(value);
  const rows = figures === 1 ? [grid.flat()] : grid;
  if (rows.length !== figures) throw argumentError("monthly_sales", "arg.rowsPerMain", { rows: rows.length, mainRows: figures });
  return rows.map((cells) => {
    let last = cells.length;
    while (last > 0 && isBlank(cells[last - 1])) last--;
    try {
      if (last === 0) throw argumentError("monthly_sales", "arg.monthBlank", { month: 1 });
      return cells.slice(0, last).map((cell, month) => {
        if (isBlank(cell)) throw argumentError("monthly_sales", "arg.monthBlank", { month: month + 1 });
        return readNumber(cell, "monthly_sales");
      });
    } catch (error) {
      if (error instanceof ArgumentError) return error;
      throw error;
    }
  });
}

function monthsOrFailure(cell: unknown): number[] {
  if (cell instanceof ArgumentError) throw cell;
  return cell as number[];
}

/**
 * Days sales outstanding, count-back: walks back month by month from the latest, taking each
 * month's credit sales off the receivables until they run out; full months count days_per_month,
 * the last one its fraction. E.g. 212,000 against 100,000, 80,000, 70,000 → 30 + 30 + 32/70 × 30 = 73.7 days.
 * @customfunction DSO.COUNTBACK
 * @param {any[][]} receivables Receivables at the end of the latest month, in currency units; a column for several customers.
 * @param {any[][]} monthly_sales Credit sales per month, latest month first: a row or column for one figure, one row per figure for several.
 * @param {any[][]} [days_per_month] Days counted for a whole month; default 30.
 * @returns {any[][]} Days, unrounded.
 */
export function dsoCountback(receivables: any[][], monthly_sales: any[][], days_per_month?: any[][]): any[][] {
  const lang = functionLanguage();
  const grid = toGrid(receivables);
  const months = wholeCall("monthly_sales", () => monthRows(monthly_sales, grid.length), lang);
  const monthsByCell = grid.map((cells, r) => cells.map(() => months[grid.length === 1 ? 0 : r]));
  return mapCells(
    { name: "receivables", value: grid, coerce: readNumber, fallback: 0 },
    [
      { name: "monthly_sales", value: monthsByCell, coerce: monthsOrFailure, fallback: [] },
      { name: "days_per_month", value: days_per_month, coerce: readPositive, fallback: 30 },
    ],
    (owed, [sales, perMonth]) => measureCell(dsoCountBack(owed, sales as number[], perMonth as number)),
    lang,
  );
}

/**
 * Collection effectiveness index, in percent: (opening + credit sales ÷ months − closing) ÷
 * (opening + credit sales ÷ months − closing current) × 100. E.g. opening 6,200, three months'
 * sales 10,890, closing 6,340, closing current 3,590, months 3 → 55.9 %.
 * @customfunction CEI
 * @param {any[][]} opening Receivables at the start of the period.
 * @param {any[][]} sales Credit sales of the whole period.
 * @param {any[][]} closing Receivables at the end of the period.
 * @param {any[][]} closing_current Receivables not yet due at the end of the period.
 * @param {any[][]} [months] Months in the period; default 1.
 * @returns {any[][]} Percent, unrounded; #DIV/0! when the denominator is 0.
 */
export function cei(opening: any[][], sales: any[][], closing: any[][], closing_current: any[][], months?: any[][]): any[][] {
  return mapCells(
    { name: "opening", value: opening, coerce: readNumber, fallback: 0 },
    [
      { name: "sales", value: sales, coerce: readNumber, fallback: REQUIRED },
      { name: "closing", value: closing, coerce: readNumber, fallback: REQUIRED },
      { name: "closing_current", value: closing_current, coerce: readNumber, fallback: REQUIRED },
      { name: "months", value: months, coerce: readPositive, fallback: 1 },
    ],
    (start, [sold, end, current, period]) =>
      measureCell(
        collectionEffectiveness(start, present(sold, "sales"), present(end, "closing"), present(current, "closing_current"), period as number),
      ),
    functionLanguage(),
  );
}
