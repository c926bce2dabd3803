/**
 * The AR.* worksheet functions. The JSDoc of each `@customfunction` is the metadata Excel shows
 * (functions.json is generated from it): written for a finance user, with units and defaults.
 *
 * Every argument is declared as a range, so each function takes one cell or a whole column and
 * spills a result of the main argument's shape. Each is a thin wrapper over one rule in src/rules.
 * Dates are 1900-system serial numbers or date text such as "2026-10-01"; a workbook in the 1904
 * date system cannot be detected from inside a function: pass its dates as text there.
 */
import { problemText } from "../i18n/messages";
import { bucketIndex, daysOverdue } from "../rules/aging";
import { addMonths } from "../rules/dates";
import { creditGrade } from "../rules/grade";
import { interestTerms, simpleInterest } from "../rules/interest";
import type { InterestTerms } from "../rules/interest";
import { checkTemporaryLimit, effectiveLimit, limitTerms } from "../rules/limit";
import { FEN_SCALE, formatExact, moneyNumber, rescale } from "../rules/money";
import type { Minor, Scaled } from "../rules/money";
import { DEFAULT_POLICY } from "../rules/policy";
import { policyFromJson } from "../rules/policy-json";
import type { BucketPolicy } from "../rules/policy-types";
import { provisionBand, provisionOfBands, provisionTerms } from "../rules/provision";
import { stageForDays } from "../rules/escalation";
import type { DayNumber, Grade, LateEvent } from "../rules/types";
import {
  amountOfNumber,
  ArgumentError,
  isBlank,
  mapCells,
  readAmount,
  readCount,
  readDailyRate,
  readDate,
  readDays,
  readLang,
  readNumber,
  toExcelError,
  toGrid,
  today,
} from "./coerce";
import type { ArgSpec } from "./coerce";

/* eslint-disable @typescript-eslint/no-explicit-any -- any[][] is how custom functions declare a range */

/** Bucket edges and labels: the default policy's, or the edges the user typed (labels written from them). */
function readBuckets(value: unknown): BucketPolicy {
  const cells = toGrid(value).flat().filter((cell) => !isBlank(cell));
  if (cells.length === 0) return DEFAULT_POLICY.buckets;
  const parts =
    cells.length === 1 && typeof cells[0] === "string" ? cells[0].split(/[,;，；\s]+/).filter((p) => p !== "") : cells;
  const edges = parts.map((part) => readNumber(part, "basis_edges"));
  const { policy, errors } = policyFromJson({ buckets: { edges } });
  const problem = errors.find((error) => error.field.startsWith("buckets"));
  if (problem) throw new ArgumentError("basis_edges", `${problemText(problem, "en")} (e.g. 0,30,60,90)`);
  return policy.buckets;
}

/** An as-of argument: omitted or blank → today (when the sheet recalculates). */
function asOfSpec(value: unknown, todayDay: DayNumber): ArgSpec<unknown> {
  return { name: "as_of", value, coerce: readDate, fallback: todayDay };
}

/** Runs a whole-call step; a failure becomes the thrown #VALUE! Excel shows in the formula cell. */
function wholeCall<T>(argument: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw toExcelError(error, argument);
  }
}

/**
 * Aging bucket (账龄区间) of an invoice from its due date: "未到期", "1-30天", "31-60天", "61-90天" or
 * "90天以上". Without as_of, today is used and the result changes only when the sheet recalculates
 * (F9); for a fixed report pass the date, or =TODAY().
 * @customfunction AGING
 * @param {any[][]} due_date Due date (到期日): a date cell, a date text like "2026-10-01", or a column of them.
 * @param {any[][]} [as_of] As-of date (截止日期); default today. One date, or a column beside due_date.
 * @param {any[][]} [basis_edges] Bucket upper edges in days overdue, e.g. 0,30,60,90 (default). Text "0,30,60,90" or a range of numbers.
 * @param {string} [lang] Label language: "zh-CN" (default), "zh-TW" or "en".
 * @returns {any[][]} The bucket label for each due date.
 */
export function aging(due_date: any[][], as_of?: any[][], basis_edges?: any[][], lang?: string): any[][] {
  const language = wholeCall("lang", () => readLang(lang));
  const buckets = wholeCall("basis_edges", () => readBuckets(basis_edges));
  const labels = buckets.labels[language];
  return mapCells(
    { name: "due_date", value: due_date, coerce: readDate, fallback: 0 },
    [asOfSpec(as_of, today())],
    (due, [asOf]) => labels[bucketIndex(daysOverdue(due, asOf as DayNumber), buckets.edges)],
  );
}

/**
 * Days overdue (逾期天数): as-of date minus due date, in whole calendar days; 0 on the due date,
 * negative before it. Without as_of, today is used (updates when the sheet recalculates, F9).
 * @customfunction DAYSOVERDUE
 * @param {any[][]} due_date Due date (到期日): a date cell, a date text like "2026-10-01", or a column of them.
 * @param {any[][]} [as_of] As-of date (截止日期); default today.
 * @returns {any[][]} Whole days overdue for each due date.
 */
export function daysoverdue(due_date: any[][], as_of?: any[][]): any[][] {
  return mapCells(
    { name: "due_date", value: due_date, coerce: readDate, fallback: 0 },
    [asOfSpec(as_of, today())],
    (due, [asOf]) => daysOverdue(due, asOf as DayNumber),
  );
}

/**
 * The default policy's interest terms with the caller's daily rate, made again only when the rate
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
 * Late interest (逾期罚息) on an overdue amount: amount × daily rate × days, counting from the day
 * after due date + grace days through the as-of date, rounded half-up to 0.01. 0 when not overdue.
 * Without as_of, today is used (updates when the sheet recalculates, F9).
 * @customfunction PENALTY
 * @param {any[][]} amount Overdue amount (逾期金额) in currency units, e.g. 100000.
 * @param {any[][]} due_date Due date (到期日): a date cell or a date text like "2026-01-01".
 * @param {any[][]} [as_of] As-of or payment date (截止日期); default today.
 * @param {any[][]} [daily_rate] Daily rate (日利率) as a fraction; default 0.0005 (0.5 ‰ per day).
 * @param {any[][]} [grace_days] Grace days (宽限天数) after the due date without interest; default 0.
 * @returns {any[][]} The late interest, to the fen.
 */
export function penalty(
  amount: any[][],
  due_date: any[][],
  as_of?: any[][],
  daily_rate?: any[][],
  grace_days?: any[][],
): any[][] {
  const defaults = interestTerms(DEFAULT_POLICY);
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
      if (due === null) throw new ArgumentError("due_date", "the due date is blank");
      const days = daysOverdue(due as DayNumber, asOf as DayNumber) - (grace as number);
      if (days <= 0 || overdue <= 0) return 0;
      const balance = amountOfNumber(overdue, "amount");
      return moneyNumber(simpleInterest(balance.units, days, termsFor(rate as Scaled), balance.scale), balance.scale);
    },
  );
}

const GRADES: readonly Grade[] = ["A", "B", "C", "D"];

function readGrade(cell: unknown, name: string): Grade | null {
  const text = typeof cell === "string" ? cell.trim().toUpperCase() : "";
  if (text === "") {
    if (typeof cell === "string") return null;
    throw new ArgumentError(name, `${typeof cell === "number" ? cell : "this value"} is not a grade; use A, B, C or D`);
  }
  if (!(GRADES as readonly string[]).includes(text)) {
    throw new ArgumentError(name, `${JSON.stringify(cell)} is not a grade; use A, B, C or D`);
  }
  return text as Grade;
}

/** A fixed as-of day for synthetic late events: only the months between them matter. */
const EVENT_AS_OF: DayNumber = 46371; // 2026-12-15

/**
 * Late events standing for "n late payments in the window, the latest run of c consecutive
 * months": c events in c consecutive months ending this month, the rest in this month.
 */
function syntheticEvents(latePayments: number, consecutiveMonths: number): LateEvent[] {
  const count = Math.max(latePayments, consecutiveMonths);
  const events: LateEvent[] = [];
  for (let i = 0; i < count; i++) {
    const monthsBack = i < consecutiveMonths ? i : 0;
    events.push({ invoiceNo: `late-${i + 1}`, invoiceCount: 1, date: addMonths(EVENT_AS_OF, -monthsBack) - 1, kind: "paidLate" });
  }
  return events;
}

/** syntheticEvents memoised per (late payments, consecutive months) within a call. */
function eventsCache(): (latePayments: number, consecutiveMonths: number) => LateEvent[] {
  const cache = new Map<string, LateEvent[]>();
  return (latePayments, consecutiveMonths) => {
    const key = `${latePayments}|${consecutiveMonths}`;
    let events = cache.get(key);
    if (events === undefined) {
      events = syntheticEvents(latePayments, consecutiveMonths);
      cache.set(key, events);
    }
    return events;
  };
}

/** An omitted or blank amount. */
const NO_AMOUNT: Scaled = { units: 0, scale: FEN_SCALE };

/** An amount as the user typed it, for messages: "600000", "1063.125". */
function exactText(amount: Scaled): string {
  return formatExact(amount.units, amount.scale);
}

/**
 * Effective credit limit (有效信用额度): the fixed limit cut for late payments in the review period
 * (1: −10 %, 2: −30 %, 3 or more: −50 %; late in 3 consecutive months or grade D: 0) plus the
 * temporary limit, which may not exceed 50 % of the fixed limit.
 * @customfunction LIMIT
 * @param {any[][]} fixed_limit Fixed limit (固定额度) in currency units, e.g. 1000000.
 * @param {any[][]} [late_payments] Late payments (逾期次数) in the review period; default 0.
 * @param {any[][]} [grade] Credit grade (信用等级) A, B, C or D; blank = not graded (no grade cut).
 * @param {any[][]} [temporary_limit] Temporary limit (临时额度) in currency units; default 0; at most 50 % of the fixed limit.
 * @param {any[][]} [consecutive_months] Consecutive months with a late payment (连续逾期月数); default 0.
 * @returns {any[][]} The effective limit, rounded half-up to 0.01.
 */
export function limit(
  fixed_limit: any[][],
  late_payments?: any[][],
  grade?: any[][],
  temporary_limit?: any[][],
  consecutive_months?: any[][],
): any[][] {
  const policy = DEFAULT_POLICY;
  const terms = limitTerms(policy);
  const maxPercent = policy.limit.temporaryMaxRatio.times(100).toString();
  const eventsFor = eventsCache();
  return mapCells(
    { name: "fixed_limit", value: fixed_limit, coerce: readAmount, fallback: NO_AMOUNT },
    [
      { name: "late_payments", value: late_payments, coerce: readCount, fallback: 0 },
      { name: "grade", value: grade, coerce: readGrade, fallback: null },
      { name: "temporary_limit", value: temporary_limit, coerce: readAmount, fallback: NO_AMOUNT },
      { name: "consecutive_months", value: consecutive_months, coerce: readCount, fallback: 0 },
    ],
    (fixedAmount, [late, creditGradeValue, temporaryValue, consecutive]) => {
      const temporaryAmount = temporaryValue as Scaled;
      if (fixedAmount.units < 0) throw new ArgumentError("fixed_limit", `${exactText(fixedAmount)} is negative`);
      if (temporaryAmount.units < 0) throw new ArgumentError("temporary_limit", `${exactText(temporaryAmount)} is negative`);
      // The rule takes both limits in one unit: the finer of the two.
      const scale = Math.max(fixedAmount.scale, temporaryAmount.scale);
      const fixed = rescale(fixedAmount.units, fixedAmount.scale, scale);
      const temporary = rescale(temporaryAmount.units, temporaryAmount.scale, scale);
      if (checkTemporaryLimit(fixed, temporary, terms, scale) !== null) {
        throw new ArgumentError(
          "temporary_limit",
          `${exactText(temporaryAmount)} is more than ${maxPercent} % of the fixed limit ${exactText(fixedAmount)}`,
        );
      }
      const result = effectiveLimit(
        {
          fixed,
          temporary,
          grade: (creditGradeValue as Grade | null) ?? "A",
          events: eventsFor(late as number, consecutive as number),
          asOf: EVENT_AS_OF,
        },
        terms,
        scale,
      );
      return moneyNumber(result.effective, scale);
    },
  );
}

/**
 * Escalation stage (催收阶段) for a number of days overdue: pre-due notice (5 to 1 days before due),
 * reminder (1–7), phone follow-up (8–30), formal demand (31–60), lawyer's letter (61–90),
 * legal action (over 90). Blank when no stage applies.
 * @customfunction STAGE
 * @param {any[][]} days_overdue Days overdue (逾期天数), negative before the due date, e.g. =AR.DAYSOVERDUE(B2).
 * @param {string} [lang] Label language: "zh-CN" (default), "zh-TW" or "en".
 * @returns {any[][]} The stage label for each number of days.
 */
export function stage(days_overdue: any[][], lang?: string): any[][] {
  const language = wholeCall("lang", () => readLang(lang));
  return mapCells(
    { name: "days_overdue", value: days_overdue, coerce: readDays, fallback: 0 },
    [],
    (days) => stageForDays(days, DEFAULT_POLICY)?.labels[language] ?? "",
  );
}

const NEVER_LATE = Symbol("never late");

/**
 * Credit grade (信用等级) from the whole months since the latest late payment: fewer than 3 → D,
 * fewer than 12 → C, fewer than 36 → B, 36 or more → A. Blank = never late = A.
 * @customfunction GRADE
 * @param {any[][]} months_since_last_late Whole months since the latest late payment (距最近逾期月数); blank if never late.
 * @returns {any[][]} A, B, C or D.
 */
export function grade(months_since_last_late: any[][]): any[][] {
  const grid = toGrid(months_since_last_late);
  // Blank means "never late" here, so blanks are graded instead of left blank.
  const filled = grid.map((row) => row.map((cell) => (isBlank(cell) ? NEVER_LATE : cell)));
  return mapCells(
    { name: "months_since_last_late", value: filled, coerce: readMonths, fallback: null },
    [],
    (months) => creditGrade(months === null ? [] : [lateEventMonthsAgo(months)], EVENT_AS_OF, DEFAULT_POLICY),
  );
}

function readMonths(cell: unknown, name: string): number | null {
  return cell === NEVER_LATE ? null : readCount(cell, name);
}

function lateEventMonthsAgo(months: number): LateEvent {
  return { invoiceNo: "latest", invoiceCount: 1, date: addMonths(EVENT_AS_OF, -months), kind: "paidLate" };
}

/**
 * Bad-debt provision (坏账准备) for an amount by its age: within 1 year 5 %, 1–2 years 10 %,
 * 2–3 years 30 %, 3–4 years 50 %, 4–5 years 80 %, over 5 years 100 %; rounded half-up to 0.01.
 * @customfunction PROVISION
 * @param {any[][]} amount Receivable amount (应收余额) in currency units.
 * @param {any[][]} age_days Age (账龄) in days, e.g. =AR.DAYSOVERDUE(B2) or days since the invoice date.
 * @returns {any[][]} The provision amount.
 */
export function provision(amount: any[][], age_days: any[][]): any[][] {
  const terms = provisionTerms(DEFAULT_POLICY);
  return mapCells(
    { name: "amount", value: amount, coerce: readAmount, fallback: NO_AMOUNT },
    [{ name: "age_days", value: age_days, coerce: readDays, fallback: null }],
    (balance, [age]) => {
      if (age === null) throw new ArgumentError("age_days", "the age is blank");
      const amountsByBand: Minor[] = [];
      amountsByBand[provisionBand(age as number, terms.upToDays)] = balance.units;
      return moneyNumber(provisionOfBands(amountsByBand, terms, balance.scale), balance.scale);
    },
  );
}
