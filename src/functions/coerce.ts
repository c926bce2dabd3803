/**
 * Turning Excel arguments into rule inputs, and rule failures into Excel errors.
 *
 * Every custom function declares its arguments as ranges (`any[][]`), so Excel passes a single
 * cell as [[value]] and a range as rows of values; blanks arrive as null or "". `mapCells` runs a
 * computation once per cell of the main argument, broadcasting the other arguments, and turns a
 * failure in one cell into that cell's #VALUE! without stopping the others.
 */
import { functionProblemText, type ArgumentShown, type FunctionMessageCode, type FunctionMessageParams, type NestedProblem } from "../i18n/functions";
import { RuleError } from "../rules/errors";
import { coerceDate, fromLocalDate } from "../rules/dates";
import { decimalOfNumber, FEN_SCALE, formatExact, rescale } from "../rules/money";
import type { Scaled } from "../rules/money";
import type { DateOrder, DayNumber, Lang } from "../rules/types";

/** What one output cell can hold: a number, text ("" shows blank) or an Excel error. */
export type CellOutput = number | string | CustomFunctions.Error;

/**
 * A failure naming the argument at fault; becomes `#VALUE!` with "name: message", the message in
 * the user's language. Its own message (for a debugger) is the English one.
 */
export class ArgumentError extends Error {
  /** The argument's name as the user sees it in the function's help (e.g. "due_date"). */
  readonly argument: string;
  /** What is wrong, as a code with the values it names (a function message or a rule's problem). */
  readonly problem: NestedProblem;

  /**
   * @param argument - the argument's name, e.g. "due_date"
   * @param problem - what is wrong with it, naming the value
   */
  constructor(argument: string, problem: NestedProblem) {
    super(functionProblemText(problem, "en"));
    this.name = "ArgumentError";
    this.argument = argument;
    this.problem = problem;
  }
}

/**
 * An ArgumentError from a function message's code and values (checked against the catalogue's types).
 * @param argument - the argument's name
 * @param code - the message's code
 * @param params - the values it names
 * @returns the error to throw
 * @example throw argumentError("amount", "arg.notANumber", { shown: shownCell("abc") });
 */
export function argumentError<C extends FunctionMessageCode>(argument: string, code: C, params: FunctionMessageParams[C]): ArgumentError {
  return new ArgumentError(argument, { code, params });
}

/** One argument of a call: its name, what Excel passed, and how to read one cell of it. */
export interface ArgSpec<T> {
  /** The argument's name in the function's help, used in messages. */
  name: string;
  /** What Excel passed: a 2-D array, a bare scalar, or undefined/null when omitted. */
  value: unknown;
  /** Reads one non-blank cell; throws ArgumentError or RuleError when the cell is invalid. */
  coerce: (cell: unknown, name: string) => T;
  /** Used for an omitted argument and for blank cells. */
  fallback: T;
}

/** The clock used for an omitted as-of date; tests replace `now`. */
export const clock = { now: (): Date => new Date() };

/**
 * Today's date in the local time zone as a DayNumber (what =TODAY() gives): the custom functions
 * read the clock here, once per call, and nowhere else.
 * @returns the day number of `clock.now()`'s local date
 * @example today() // 46349 on 2026-11-23
 */
export function today(): DayNumber {
  return fromLocalDate(clock.now());
}

/**
 * Whether Excel passed nothing for a cell: null, undefined or empty text.
 * @param cell - the raw value
 * @returns true for a blank cell
 */
export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "";
}

/**
 * A value as a 2-D array: Excel's [[v]] for one cell, the array itself for a range.
 * @param value - what Excel passed
 * @returns the rows
 */
export function toGrid(value: unknown): unknown[][] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [[null]];
    return Array.isArray(value[0]) ? (value as unknown[][]) : [value as unknown[]];
  }
  return [[value]];
}

/**
 * How a cell reads in a message: text quoted, a number or TRUE/FALSE as Excel shows it.
 * @param cell - the raw cell
 * @returns the value as a message shows it
 * @example shownCell(true) // { value: "TRUE" }
 */
export function shownCell(cell: unknown): ArgumentShown {
  if (typeof cell === "string") return { text: cell };
  if (typeof cell === "boolean") return { value: cell ? "TRUE" : "FALSE" };
  if (typeof cell === "number") return { value: String(cell) };
  if (cell !== null && typeof cell === "object" && "code" in cell) return { value: String((cell as { code: unknown }).code) };
  return { other: true };
}

/**
 * Builds a #VALUE! error with "argument: message" in the reader's language.
 * @param argument - the argument's name
 * @param problem - what is wrong
 * @param lang - the reader's language
 * @returns the error to put in a cell or to throw
 */
export function valueError(argument: string, problem: NestedProblem, lang: Lang): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `${argument}: ${functionProblemText(problem, lang)}`);
}

/**
 * Any failure as an Excel error: ArgumentError and RuleError as #VALUE! with their message in
 * the reader's language; anything else (a defect) as #VALUE! with its message rather than a crash
 * of the whole call.
 * @param error - what was thrown
 * @param argument - the argument being read when it was thrown (used for a RuleError)
 * @param lang - the reader's language ("en" where the host does not say)
 * @returns the Excel error
 */
export function toExcelError(error: unknown, argument: string, lang: Lang = "en"): CustomFunctions.Error {
  if (error instanceof ArgumentError) return valueError(error.argument, error.problem, lang);
  if (error instanceof RuleError) return valueError(error.field ?? argument, error, lang);
  if (error instanceof CustomFunctions.Error) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return valueError(argument, { code: "arg.defect", params: { detail } }, lang);
}

/** Date order for text dates typed in a formula: only unambiguous forms (YYYY-MM-DD, 2026年1月5日). */
const FORMULA_DATE_ORDER: DateOrder | null = null;

/**
 * Reads a date cell: a 1900-system serial number or a date text such as "2026-10-01".
 * @param cell - the raw cell
 * @param name - the argument's name for messages
 * @returns the day number
 * @example readDate(46296, "due_date") // 46296 (2026-10-01)
 */
export function readDate(cell: unknown, name: string): DayNumber {
  if (typeof cell !== "number" && typeof cell !== "string") throw argumentError(name, "arg.notADate", { shown: shownCell(cell) });
  try {
    return coerceDate(cell, "1900", FORMULA_DATE_ORDER);
  } catch (error) {
    if (error instanceof RuleError) throw new ArgumentError(name, error);
    throw error;
  }
}

const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[+-]?\.\d+$/;

/**
 * Reads a number cell: a number, or text like "100,000.50" (thousands separators allowed).
 * @param cell - the raw cell
 * @param name - the argument's name for messages
 * @returns the number
 * @example readNumber("1,000", "amount") // 1000
 */
export function readNumber(cell: unknown, name: string): number {
  if (typeof cell === "number") {
    if (Number.isFinite(cell)) return cell;
  } else if (typeof cell === "string") {
    const text = cell.trim();
    if (NUMBER_TEXT.test(text)) return Number(text.replace(/,/g, ""));
  }
  throw argumentError(name, "arg.notANumber", { shown: shownCell(cell) });
}

/**
 * Decimals an amount may need: every amount of 1e-20 or more, float residue such as =0.1+0.2-0.3
 * included; with RATE_DECIMALS, a product stays within 10^60, the finest unit money.ts computes in.
 */
const AMOUNT_DECIMALS = 36;

/** Decimals a rate may need: any rate of 1e-10 or more, whatever its digits. */
const RATE_DECIMALS = 26;

/** A number as an exact decimal of at most `maxDecimals` decimals, by its shortest spelling. */
function exactDecimal(value: number, name: string, maxDecimals: number): Scaled {
  // decimalOfNumber answers null (its type says otherwise) for a number that needs more than 60 decimals.
  const exact = decimalOfNumber(value) as Scaled | null;
  if (exact === null || exact.scale > maxDecimals) {
    throw argumentError(name, "arg.tooManyDecimals", { shown: shownCell(value), max: maxDecimals });
  }
  return exact;
}

/**
 * A number read as an amount: exact by its shortest decimal spelling (what Excel shows), in
 * units of the fen or of a finer unit when it has more decimals.
 * @param value - a finite number, e.g. from readNumber
 * @param name - the argument's name for messages
 * @returns the amount as units of 10^−scale, scale 2 or more
 * @example amountOfNumber(2.675, "amount") // { units: 2675, scale: 3 }
 */
export function amountOfNumber(value: number, name: string): Scaled {
  const exact = exactDecimal(value, name, AMOUNT_DECIMALS);
  // The rules round to the fen in the amount's own unit, so it is never coarser than the fen.
  return exact.scale >= FEN_SCALE ? exact : { units: rescale(exact.units, exact.scale, FEN_SCALE), scale: FEN_SCALE };
}

/**
 * Reads an amount exactly (by its shortest decimal spelling, as Excel shows it).
 * @param cell - the raw cell
 * @param name - the argument's name for messages
 * @returns the amount as units of 10^−scale, scale 2 or more
 * @example readAmount(2.675, "amount") // { units: 2675, scale: 3 }; readAmount("1,000", "amount") // { units: 100000, scale: 2 }
 */
export function readAmount(cell: unknown, name: string): Scaled {
  return amountOfNumber(readNumber(cell, name), name);
}

/**
 * Reads a daily interest rate exactly (a fraction, by its shortest decimal spelling); it may not be negative.
 * @param cell - the raw cell
 * @param name - the argument's name for messages
 * @returns the rate as units of 10^−scale
 * @example readDailyRate(0.0005, "daily_rate") // { units: 5, scale: 4 }
 */
export function readDailyRate(cell: unknown, name: string): Scaled {
  const rate = exactDecimal(readNumber(cell, name), name, RATE_DECIMALS);
  if (rate.units < 0) throw argumentError(name, "arg.negativeRate", { value: formatExact(rate.units, rate.scale) });
  return rate;
}

/**
 * Reads a whole number that may not be negative (days, months, counts).
 * @param cell - the raw cell
 * @param name - the argument's name for messages
 * @returns the whole number
 * @example readCount(2, "late_payments") // 2
 */
export function readCount(cell: unknown, name: string): number {
  const value = readNumber(cell, name);
  if (!Number.isInteger(value) || value < 0) {
    throw argumentError(name, "arg.notACount", { shown: shownCell(cell) });
  }
  return value;
}

/**
 * Reads a whole number of days, negative allowed (days before the due date).
 * @param cell - the raw cell
 * @param name - the argument's name for messages
 * @returns the whole number
 * @example readDays(-3, "days_overdue") // -3
 */
export function readDays(cell: unknown, name: string): number {
  const value = readNumber(cell, name);
  if (!Number.isInteger(value)) throw argumentError(name, "arg.notWholeDays", { shown: shownCell(cell) });
  return value;
}

/**
 * Reads an output language: zh-CN (also zh, zh-Hans), zh-TW (zh-HK, zh-Hant) or en (en-US, …).
 * Omitted or blank → zh-CN.
 * @param value - what Excel passed (a scalar or [[scalar]])
 * @param name - the argument's name for messages
 * @returns the language
 * @example readLang("en-US", "lang") // "en"
 */
export function readLang(value: unknown, name = "lang"): Lang {
  const cell = Array.isArray(value) ? toGrid(value)[0][0] : value;
  if (isBlank(cell)) return "zh-CN";
  const text = typeof cell === "string" ? cell.trim().toLowerCase() : "";
  if (text === "zh-cn" || text === "zh" || text === "zh-hans" || text === "zh-sg") return "zh-CN";
  if (text === "zh-tw" || text === "zh-hk" || text === "zh-hant" || text === "zh-mo") return "zh-TW";
  if (text === "en" || text.startsWith("en-")) return "en";
  throw argumentError(name, "arg.notALanguage", { shown: shownCell(cell) });
}

/** How an argument is laid out against the main argument. */
interface Prepared {
  grid: unknown[][] | null;
  scalar: unknown;
}

/**
 * Runs `compute` once per cell of the main argument and returns a 2-D array of the same shape.
 *
 * - A blank main cell gives "" (blank output).
 * - Every other argument may be omitted (its fallback), one cell (used for every row), or a range
 *   of exactly the main argument's shape (cell by cell); blank cells take the fallback.
 * - Any other shape → the whole call fails with #VALUE! naming the argument and both shapes.
 * - A bad cell gives #VALUE! "argument: message" in that cell only.
 *
 * The loop has one try/catch per failure, not per cell: after a failure it resumes at the next cell.
 * @param main - the argument that decides the output shape
 * @param others - the other arguments, in the order `compute` receives them
 * @param compute - the result for one cell; gets the main value and the other values (a reused array: read, don't keep)
 * @param lang - the language of the #VALUE! messages ("en" where the host does not say)
 * @returns the spilled result
 * @example mapCells(dueSpec, [asOfSpec], (due, [asOf]) => asOf - due) // [[52], [""], [#VALUE!]]
 */
export function mapCells<M>(
  main: ArgSpec<M>,
  others: ArgSpec<unknown>[],
  compute: (mainValue: M, otherValues: unknown[]) => CellOutput,
  lang: Lang = "en",
): CellOutput[][] {
  const mainGrid = toGrid(main.value);
  const rows = mainGrid.length;
  const cols = mainGrid[0].length;
  const prepared = others.map((spec) => prepare(spec, rows, cols, lang));
  const values: unknown[] = new Array(others.length);
  const output: CellOutput[][] = new Array(rows);
  for (let r = 0; r < rows; r++) output[r] = new Array(cols);

  const total = rows * cols;
  let index = 0;
  let argument = main.name;
  while (index < total) {
    try {
      for (; index < total; index++) {
        const r = (index / cols) | 0;
        const c = index - r * cols;
        const raw = mainGrid[r][c];
        if (raw === null || raw === undefined || raw === "") {
          output[r][c] = "";
          continue;
        }
        argument = main.name;
        const mainValue = main.coerce(raw, main.name);
        for (let k = 0; k < prepared.length; k++) {
          const slot = prepared[k];
          if (slot.grid === null) {
            values[k] = slot.scalar;
          } else {
            const spec = others[k];
            const cell = slot.grid[r][c];
            argument = spec.name;
            values[k] = cell === null || cell === undefined || cell === "" ? spec.fallback : spec.coerce(cell, spec.name);
          }
        }
        argument = main.name;
        output[r][c] = compute(mainValue, values);
      }
    } catch (error) {
      const r = (index / cols) | 0;
      output[r][index - r * cols] = toExcelError(error, argument, lang);
      index++;
    }
  }
  return output;
}

/** Scalars are read once up front (a bad one fails the whole call); same-shape ranges per cell. */
function prepare(spec: ArgSpec<unknown>, rows: number, cols: number, lang: Lang): Prepared {
  if (spec.value === undefined || spec.value === null) return { grid: null, scalar: spec.fallback };
  const grid = toGrid(spec.value);
  if (grid.length === 1 && grid[0].length === 1) {
    const cell = grid[0][0];
    if (isBlank(cell)) return { grid: null, scalar: spec.fallback };
    try {
      return { grid: null, scalar: spec.coerce(cell, spec.name) };
    } catch (error) {
      throw toExcelError(error, spec.name, lang);
    }
  }
  if (grid.length !== rows || grid[0].length !== cols) {
    throw valueError(spec.name, { code: "arg.shape", params: { rows: grid.length, cols: grid[0].length, mainRows: rows, mainCols: cols } }, lang);
  }
  return { grid, scalar: undefined };
}
