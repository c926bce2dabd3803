/**
 * The AR.* worksheet functions. The JSDoc of each `@customfunction` is the English metadata Excel
 * shows (functions.json is generated from it; the Chinese metadata is in src/i18n/function-metadata):
 * written for a finance user, with units and defaults. This file is the bundle's entry: it holds
 * the aging and interest functions and brings in the others.
 *
 * Every argument is declared as a range, so each function takes one cell or a whole column and
 * spills a result of the main argument's shape. Each is a thin wrapper over one rule in src/rules,
 * with the workbook's policy (its settings sheet and the settings the pane saves) — an argument
 * given in the formula wins over the policy. Dates are 1900-system serial numbers or date text such
 * as "2026-10-01"; a workbook in the 1904 date system cannot be detected from inside a function:
 * pass its dates as text there.
 */
import { bucketIndex, daysOverdue } from "../rules/aging";
import { stageForDays } from "../rules/escalation";
import { interestTerms, simpleInterest } from "../rules/interest";
import type { InterestTerms } from "../rules/interest";
import { moneyNumber } from "../rules/money";
import type { Minor, Scaled } from "../rules/money";
import { policyFromJson } from "../rules/policy-json";
import type { BucketPolicy, Policy } from "../rules/policy-types";
import { provisionBand, provisionOfBands, provisionTerms } from "../rules/provision";
import type { DayNumber } from "../rules/types";
import { globalFunctionHost } from "../workbook/office/function-host";
import { asOfSpec, NO_AMOUNT, wholeCall } from "./call";
import {
  amountOfNumber,
  argumentError,
  isBlank,
  mapCells,
  readAmount,
  readCount,
  readDailyRate,
  readDate,
  readDays,
  readLang,
  readNumber,
  toGrid,
  today,
} from "./coerce";
import { followWorkbook, functionLanguage, functionPolicy } from "./workbook-policy";

export { grade, limit } from "./credit";
export { cei, dso, dsoCountback } from "./measures";
export { bucketsum, interest } from "./sums";

/* eslint-disable @typescript-eslint/no-explicit-any -- any[][] is how custom functions declare a range */

/** The policy's buckets, or the edges the user typed (labels written from them). */
function readBuckets(value: unknown, policy: Policy): BucketPolicy {
  const cells = toGrid(value).flat().filter((cell) => !isBlank(cell));
  if (cells.length === 0) return policy.buckets;
  const parts =
    cells.length === 1 && typeof cells[0] === "string" ? cells[0].split(/[,;，；\s]+/).filter((p) => p !== "") : cells;
  const edges = parts.map((part) => readNumber(part, "basis_edges"));
  const { policy: withEdges, errors } = policyFromJson({ buckets: { edges } });
  const problem = errors.find((error) => error.field.startsWith("buckets"));
  if (problem) throw argumentError("basis_edges", "arg.bucketEdges", { inner: problem });
  return withEdges.buckets;
}

/**
 * Aging bucket of an invoice from its due date, named as the workbook's policy names its buckets
 * (default: not due, 1-30, 31-60, 61-90 and over 90 days, in the language of lang). Without as_of,
 * today is used and the result changes only when the sheet recalculates (F9); for a fixed report
 * pass the date, or =TODAY().
 * @customfunction AGING
 * @param {any[][]} due_date Due date: a date cell, a date text like "2026-10-01", or a column of them.
 * @param {any[][]} [as_of] As-of date; default today. One date, or a column beside due_date.
 * @param {any[][]} [basis_edges] Bucket upper edges in days overdue, e.g. 0,30,60,90; default the workbook's buckets. Text "0,30,60,90" or a range of numbers.
 * @param {string} [lang] Label language: "zh-CN" (default), "zh-TW" or "en".
 * @returns {Promise<any[][]>} The bucket name for each due date.
 */
export async function aging(due_date: any[][], as_of?: any[][], basis_edges?: any[][], lang?: string): Promise<any[][]> {
  const policy = await functionPolicy();
  const messages = functionLanguage();
  const language = wholeCall("lang", () => readLang(lang), messages);
  const buckets = wholeCall("basis_edges", () => readBuckets(basis_edges, policy), messages);
  const labels = buckets.labels[language];
  return mapCells(
    { name: "due_date", value: due_date, coerce: readDate, fallback: 0 },
    [asOfSpec(as_of, today())],
    (due, [asOf]) => labels[bucketIndex(daysOverdue(due, asOf as DayNumber), buckets.edges)],
    messages,
  );
}

/**
 * Days overdue: as-of date minus due date, in whole calendar days; 0 on the due date, negative
 * before it. Without as_of, today is used (updates when the sheet recalculates, F9).
 * @customfunction DAYSOVERDUE
 * @param {any[][]} due_date Due date: a date cell, a date text like "2026-10-01", or a column of them.
 * @param {any[][]} [as_of] As-of date; default today.
 * @returns {any[][]} Whole days overdue for each due date.
 */
export function daysoverdue(due_date: any[][], as_of?: any[][]): any[][] {
  return mapCells(
    { name: "due_date", value: due_date, coerce: readDate, fallback: 0 },
    [asOfSpec(as_of, today())],
    (due, [asOf]) => daysOverdue(due, asOf as DayNumber),
    functionLanguage(),
  );
}

/**
 * The policy's interest terms with the caller's daily rate, made again only when the rate
 * changes from one row to the next (a rate given once serves every row).
 */
function termsWithRate(defaults: InterestTerms): (dailyRate: Scaled) => InterestTerms {
  let terms = defaults;
  return (dailyRate) => {
    if (dailyRate !== terms.dailyRate) terms = { ...defaults, dailyRate };
    return terms;
  };
}

/**
 * Late interest on an overdue amount: amount × daily rate × days, counting from the day after due
 * date + grace days through the as-of date, rounded half-up to 0.01; 0 when not overdue. The rate,
 * grace days and cap are the workbook's policy unless given here. Without as_of, today is used
 * (updates when the sheet recalculates, F9).
 * @customfunction PENALTY
 * @param {any[][]} amount Overdue amount in currency units, e.g. 100000.
 * @param {any[][]} due_date Due date: a date cell or a date text like "2026-01-01".
 * @param {any[][]} [as_of] As-of or payment date; default today.
 * @param {any[][]} [daily_rate] Daily rate as a fraction; default the workbook's (0.0005, 0.5 ‰ a day, unless its settings say otherwise).
 * @param {any[][]} [grace_days] Grace days after the due date without interest; default the workbook's (0).
 * @returns {Promise<any[][]>} The late interest, to the fen.
 */
export async function penalty(
  amount: any[][],
  due_date: any[][],
  as_of?: any[][],
  daily_rate?: any[][],
  grace_days?: any[][],
): Promise<any[][]> {
  const defaults = interestTerms(await functionPolicy());
  const termsFor = termsWithRate(defaults);
  return mapCells(
    // The amount is read as a number and made exact only for rows that accrue interest.
    { name: "amount", value: amount, coerce: readNumber, fallback: 0 },
    [
      { name: "due_date", value: due_date, coerce: readDate, fallback: null },
      asOfSpec(as_of, today()),
      { name: "daily_rate", value: daily_rate, coerce: readDailyRate, fallback: defaults.dailyRate },
      { name: "grace_days", value: grace_days, coerce: readCount, fallback: defaults.graceDays },
    ],
    (overdue, [due, asOf, rate, grace]) => {
      if (due === null) throw argumentError("due_date", "arg.dueDateBlank", {});
      const days = daysOverdue(due as DayNumber, asOf as DayNumber) - (grace as number);
      if (days <= 0 || overdue <= 0) return 0;
      const balance = amountOfNumber(overdue, "amount");
      return moneyNumber(simpleInterest(balance.units, days, termsFor(rate as Scaled), balance.scale), balance.scale);
    },
    functionLanguage(),
  );
}

/**
 * Collection stage for a number of days overdue, with the stages of the workbook's policy (default:
 * pre-due notice 5 to 1 days before due, reminder 1–7, phone follow-up 8–30, formal demand 31–60,
 * lawyer's letter 61–90, legal action over 90). Blank when no stage applies.
 * @customfunction STAGE
 * @param {any[][]} days_overdue Days overdue, negative before the due date, e.g. =AR.DAYSOVERDUE(B2).
 * @param {string} [lang] Label language: "zh-CN" (default), "zh-TW" or "en".
 * @returns {Promise<any[][]>} The stage name for each number of days.
 */
export async function stage(days_overdue: any[][], lang?: string): Promise<any[][]> {
  const policy = await functionPolicy();
  const messages = functionLanguage();
  const language = wholeCall("lang", () => readLang(lang), messages);
  return mapCells(
    { name: "days_overdue", value: days_overdue, coerce: readDays, fallback: 0 },
    [],
    (days) => stageForDays(days, policy)?.labels[language] ?? "",
    messages,
  );
}

/**
 * Bad-debt provision for an amount by its age, at the rates of the workbook's policy (default:
 * within 1 year 5 %, 1–2 years 10 %, 2–3 years 30 %, 3–4 years 50 %, 4–5 years 80 %, over 5 years
 * 100 %); rounded half-up to 0.01.
 * @customfunction PROVISION
 * @param {any[][]} amount Receivable balance in currency units.
 * @param {any[][]} age_days Age in days, e.g. =AR.DAYSOVERDUE(B2) or days since the invoice date.
 * @returns {Promise<any[][]>} The provision amount.
 */
export async function provision(amount: any[][], age_days: any[][]): Promise<any[][]> {
  const terms = provisionTerms(await functionPolicy());
  return mapCells(
    { name: "amount", value: amount, coerce: readAmount, fallback: NO_AMOUNT },
    [{ name: "age_days", value: age_days, coerce: readDays, fallback: null }],
    (balance, [age]) => {
      if (age === null) throw argumentError("age_days", "arg.ageBlank", {});
      const amountsByBand: Minor[] = [];
      amountsByBand[provisionBand(age as number, terms.upToDays)] = balance.units;
      return moneyNumber(provisionOfBands(amountsByBand, terms, balance.scale), balance.scale);
    },
    functionLanguage(),
  );
}

followWorkbook(globalFunctionHost());
