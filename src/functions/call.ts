/**
 * What every worksheet function does around its rule: a whole-call step whose failure is the
 * #VALUE! of the formula cell, the common argument specs, amounts shown as typed. The policy and
 * the message language of a call come from workbook-policy.ts.
 */
import { FEN_SCALE, formatExact } from "../rules/money";
import type { Scaled } from "../rules/money";
import type { DayNumber, Lang } from "../rules/types";
import { readDate, toExcelError } from "./coerce";
import type { ArgSpec } from "./coerce";

/**
 * An omitted or blank amount.
 * @example NO_AMOUNT // { units: 0, scale: 2 }
 */
export const NO_AMOUNT: Scaled = { units: 0, scale: FEN_SCALE };

/**
 * An as-of argument: omitted or blank → today (when the sheet recalculates).
 * @param value what Excel passed
 * @param todayDay today's day number
 * @returns the argument's spec
 * @example asOfSpec(as_of, today())
 */
export function asOfSpec(value: unknown, todayDay: DayNumber): ArgSpec<unknown> {
  return { name: "as_of", value, coerce: readDate, fallback: todayDay };
}

/**
 * Runs a whole-call step; a failure becomes the thrown #VALUE! Excel shows in the formula cell.
 * @param argument the argument the step reads, named in the message
 * @param step what to run
 * @param lang the language of the message
 * @returns the step's result
 * @example const language = wholeCall("lang", () => readLang(lang), "en");
 */
export function wholeCall<T>(argument: string, step: () => T, lang: Lang): T {
  try {
    return step();
  } catch (error) {
    throw toExcelError(error, argument, lang);
  }
}

/**
 * An amount as the user typed it, for messages.
 * @param amount the amount
 * @returns its exact spelling
 * @example exactText({ units: 1063125, scale: 3 }) // "1063.125"
 */
export function exactText(amount: Scaled): string {
  return formatExact(amount.units, amount.scale);
}
