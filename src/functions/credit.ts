/**
 * AR.LIMIT and AR.GRADE: the credit limit and the credit grade of the workbook's policy from the
 * counts a finance user has at hand (late payments, months since the latest one), turned into the
 * late events the rules take.
 */
import { addMonths } from "../rules/dates";
import { creditGrade } from "../rules/grade";
import { checkTemporaryLimit, effectiveLimit, limitTerms } from "../rules/limit";
import { moneyNumber, rescale } from "../rules/money";
import type { Scaled } from "../rules/money";
import type { DayNumber, Grade, LateEvent } from "../rules/types";
import { exactText, NO_AMOUNT } from "./call";
import { argumentError, isBlank, mapCells, readAmount, readCount, shownCell, toGrid } from "./coerce";
import { functionLanguage, functionPolicy } from "./workbook-policy";

/* eslint-disable @typescript-eslint/no-explicit-any -- any[][] is how custom functions declare a range */

const GRADES: readonly Grade[] = ["A", "B", "C", "D"];

function readGrade(cell: unknown, name: string): Grade | null {
  const text = typeof cell === "string" ? cell.trim().toUpperCase() : "";
  if (text === "" && typeof cell === "string") return null;
  if (!(GRADES as readonly string[]).includes(text)) throw argumentError(name, "arg.notAGrade", { shown: shownCell(cell) });
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

/**
 * Effective credit limit: the fixed limit cut for late payments in the review period, as the
 * workbook's policy says (default 1: −10 %, 2: −30 %, 3 or more: −50 %; late in 3 consecutive
 * months or grade D: 0), plus the temporary limit, which may not exceed the policy's share of the
 * fixed limit (default 50 %). Rounded half-up to 0.01.
 * @customfunction LIMIT
 * @param {any[][]} fixed_limit Fixed credit limit in currency units, e.g. 1000000.
 * @param {any[][]} [late_payments] Number of late payments in the review period; default 0.
 * @param {any[][]} [grade] Credit grade A, B, C or D; blank means not graded (no grade cut).
 * @param {any[][]} [temporary_limit] Temporary limit in currency units; default 0; at most 50 % of the fixed limit by default.
 * @param {any[][]} [consecutive_months] Consecutive months with a late payment; default 0.
 * @returns {Promise<any[][]>} The effective limit, rounded half-up to 0.01.
 */
export async function limit(
  fixed_limit: any[][],
  late_payments?: any[][],
  grade?: any[][],
  temporary_limit?: any[][],
  consecutive_months?: any[][],
): Promise<any[][]> {
  const policy = await functionPolicy();
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
      if (fixedAmount.units < 0) throw argumentError("fixed_limit", "arg.negativeAmount", { value: exactText(fixedAmount) });
      if (temporaryAmount.units < 0) throw argumentError("temporary_limit", "arg.negativeAmount", { value: exactText(temporaryAmount) });
      // The rule takes both limits in one unit: the finer of the two.
      const scale = Math.max(fixedAmount.scale, temporaryAmount.scale);
      const fixed = rescale(fixedAmount.units, fixedAmount.scale, scale);
      const temporary = rescale(temporaryAmount.units, temporaryAmount.scale, scale);
      if (checkTemporaryLimit(fixed, temporary, terms, scale) !== null) {
        throw argumentError("temporary_limit", "arg.temporaryOverMax", {
          temporary: exactText(temporaryAmount),
          percent: maxPercent,
          fixed: exactText(fixedAmount),
        });
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
    functionLanguage(),
  );
}

const NEVER_LATE = Symbol("never late");

function readMonths(cell: unknown, name: string): number | null {
  return cell === NEVER_LATE ? null : readCount(cell, name);
}

function lateEventMonthsAgo(months: number): LateEvent {
  return { invoiceNo: "latest", invoiceCount: 1, date: addMonths(EVENT_AS_OF, -months), kind: "paidLate" };
}

/**
 * Credit grade from the whole months since the latest late payment, as the workbook's policy
 * says (default: fewer than 3 → D, fewer than 12 → C, fewer than 36 → B, 36 or more → A).
 * Blank means never late: A.
 * @customfunction GRADE
 * @param {any[][]} months_since_last_late Whole months since the latest late payment; blank if never late.
 * @returns {Promise<any[][]>} A, B, C or D.
 */
export async function grade(months_since_last_late: any[][]): Promise<any[][]> {
  const policy = await functionPolicy();
  const grid = toGrid(months_since_last_late);
  // Blank means "never late" here, so blanks are graded instead of left blank.
  const filled = grid.map((row) => row.map((cell) => (isBlank(cell) ? NEVER_LATE : cell)));
  return mapCells(
    { name: "months_since_last_late", value: filled, coerce: readMonths, fallback: null },
    [],
    (months) => creditGrade(months === null ? [] : [lateEventMonthsAgo(months)], EVENT_AS_OF, policy),
    functionLanguage(),
  );
}
