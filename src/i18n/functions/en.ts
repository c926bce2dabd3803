/** The worksheet functions' #VALUE! messages in English: short, naming the offending value. */
import { cleanQuoted } from "../../rules/errors";
import type { ArgumentShown, FunctionTexts } from "./types";

const q = (value: unknown): string => `"${cleanQuoted(value)}"`;
const shown = (cell: ArgumentShown): string => ("text" in cell ? q(cell.text) : "value" in cell ? cleanQuoted(cell.value) : "this value");

/**
 * Function messages in English.
 * @example FUNCTION_TEXTS_EN["arg.notANumber"]({ shown: { text: "abc" } }) // "\"abc\" is not a number"
 */
export const FUNCTION_TEXTS_EN: FunctionTexts = {
  "arg.notADate": (p) => `${shown(p.shown)} is not a date`,
  "arg.notANumber": (p) => `${shown(p.shown)} is not a number`,
  "arg.tooManyDecimals": (p) => `${shown(p.shown)} has more than ${p.max} decimals`,
  "arg.negativeRate": (p) => `${cleanQuoted(p.value)} is negative; a daily rate is 0 or more, e.g. 0.0005`,
  "arg.notACount": (p) => `${shown(p.shown)} must be a whole number, 0 or more`,
  "arg.notWholeDays": (p) => `${shown(p.shown)} is not a whole number of days`,
  "arg.notPositive": (p) => `${shown(p.shown)} must be more than 0`,
  "arg.notALanguage": (p) => `${shown(p.shown)} is not a language; use "zh-CN", "zh-TW" or "en"`,
  "arg.shape": (p) =>
    `a range of ${p.rows}×${p.cols} cells does not match the ${p.mainRows}×${p.mainCols} cells of the first argument; give one cell or a range of the same size`,
  "arg.rowsPerMain": (p) => `a range of ${p.rows} rows does not match the ${p.mainRows} rows of the first argument; give one row per row of it`,
  "arg.bucketEdges": (_, inner) => `${inner} (e.g. 0,30,60,90)`,
  "arg.blank": () => "the cell is blank",
  "arg.dueDateBlank": () => "the due date is blank",
  "arg.ageBlank": () => "the age is blank",
  "arg.notAGrade": (p) => `${shown(p.shown)} is not a grade; use A, B, C or D`,
  "arg.negativeAmount": (p) => `${cleanQuoted(p.value)} is negative`,
  "arg.temporaryOverMax": (p) =>
    `${cleanQuoted(p.temporary)} is more than ${cleanQuoted(p.percent)} % of the fixed limit ${cleanQuoted(p.fixed)}`,
  "arg.unknownBucket": (p) =>
    `${shown(p.shown)} is not a bucket of the policy; use one of ${p.labels.map((label) => cleanQuoted(label)).join(", ")}, or its number 1 to ${p.labels.length}`,
  "arg.paymentDateBlank": (p) => `payment ${p.position} has an amount but no date`,
  "arg.paymentAmountBlank": (p) => `payment ${p.position} has a date but no amount`,
  "arg.monthBlank": (p) => `month ${p.month} is blank; enter 0 for a month without sales`,
  "arg.atRow": (p, inner) => `row ${p.row}: ${inner}`,
  "arg.defect": (p) => cleanQuoted(p.detail),
};
