/**
 * Rule errors as codes with values: every problem a rule can raise, with the values its message
 * names. The words live in src/i18n/messages (zh-CN, zh-TW, en), chosen where they are shown;
 * rules carry no sentences. Values are raw (the text as typed, numbers as numbers): whoever shows
 * them quotes and cleans them (`cleanQuoted`), since workbook text is untrusted.
 */

/** The values each rule error names, by code. Texts are as typed; amounts are exact decimal texts. */
export interface RuleErrorParams {
  /** Text that is no date at all. */
  "date.notADate": { text: string };
  "date.noSuchMonth": { text: string; month: number };
  "date.noSuchDay": { text: string; year: number; month: number; daysInMonth: number };
  /** 03/04/2026: `first`/`second` are the two numbers before the year, either of which may be the day. */
  "date.ambiguous": { text: string; first: number; second: number; year: number };
  "date.twoDigitYear": { text: string };
  "date.outOfRange": { text: string };
  "date.blank": Record<string, never>;
  /** A boolean where a date belongs; `value` is TRUE or FALSE. */
  "date.wrongType": { value: string };
  /** A value of no kind a date can be read from (not text, number, boolean or blank). */
  "date.unreadable": Record<string, never>;
  "date.ymd": { year: number; month: number; day: number };
  "serial.fictitious": Record<string, never>;
  "serial.outOfRange": { serial: number; min: number; max: number };
  "serial.notANumber": { serial: string };
  /** `temporary` and `fixed` are exact amounts ("600000"), `ratio` a percentage ("50%"). */
  "limit.temporaryTooHigh": { temporary: string; fixed: string; ratio: string };
  "measure.months": { value: string };
  /** A payment naming an invoice the customer does not have; it was applied FIFO instead. */
  "payment.invoiceNotFound": { invoiceNo: string; customer: string; currency: string };
  "policy.notANumber": { value: string };
  "policy.notAnInteger": { value: string };
  "policy.atLeast": { value: string; min: string };
  "policy.between": { value: string; min: string; max: string };
  "policy.wholeAtLeast": { value: string; min: number };
  "policy.wholeBetween": { value: string; min: number; max: number };
  "policy.currencyCode": { value: string };
  "policy.notText": { value: string };
  "policy.notList": { value: string };
  /** `choices` are the allowed values themselves (YMD, DMY, MDY), not words. */
  "policy.choice": { value: string; choices: readonly string[] };
  "policy.edges": { value: string };
  /** More bucket edges than an aging sheet can show. */
  "policy.tooManyEdges": { count: number; max: number };
  /** JSON nested deeper than `max` levels (the field names where). */
  "policy.tooDeep": { max: number };
  "policy.labelCount": { lang: string; count: number; expected: number };
  "policy.cuts": { value: string };
  /** Escalation ladder problems; `stage` is 1-based, `id` the stage's id as typed. */
  "policy.stageNoId": { stage: number };
  "policy.stageTwice": { id: string };
  "policy.stageDays": { id: string };
  "policy.stageEndsBeforeStart": { id: string; fromDays: number; toDays: number };
  "policy.stageOverlaps": { id: string; fromDays: number; previous: string };
  "policy.stageLetter": { id: string };
  "policy.gradeOrder": { value: string };
  "policy.bands": { value: string };
  "policy.notObject": { value: string };
  /** An old `stopShipping.maxDaysOverdue` that is no whole number of 30-day months, read as `months`. */
  "policy.daysAsMonths": { days: number; months: number };
  "policy.touchDays": { value: string };
  /** A contact about to be logged (rules/contact.ts). */
  "contact.unknownCustomer": { customer: string };
  /** `choices` are the codes themselves (phone, email…), worded where shown. */
  "contact.channel": { value: string; choices: readonly string[] };
  "contact.outcome": { value: string; choices: readonly string[] };
  "contact.promiseIncomplete": { missing: "date" | "amount" };
  /** Not an exact amount a cell can hold as typed. */
  "contact.amount": { text: string };
  "contact.amountNotPositive": { text: string };
  /** A promised date or next action date before the contact's own date. */
  "contact.beforeContact": { field: "promisedDate" | "nextAction" };
  /** The collection log found is a plain range: rows are appended to Excel tables only. */
  "contact.logNotATable": { sheet: string };
  /** The collection log has no column for a value of the contact; `header` is the add-in's header for it. */
  "contact.logColumnMissing": { header: string };
  "contact.logTotalsRow": { table: string };
  /** In a file, cells under the log's table: they would be overwritten (Excel moves them down; a file is not Excel). */
  "contact.logRowsBelow": { table: string };
  "policy.notTrueFalse": { value: string };
  /** Red / amber / green: the amber threshold in days overdue is above the red one. */
  "policy.ragOrder": { amber: number; red: number };
}

/** The code of a rule error. */
export type RuleErrorCode = keyof RuleErrorParams;

/** The values a rule error of code C names. */
export type MessageParams<C extends RuleErrorCode> = RuleErrorParams[C];

/**
 * A rule's problem as plain data, for lists of problems that are values, not throws (policy
 * validation): its code, the values it names and the field at fault.
 * @example const problem: RuleProblem = { code: "policy.notANumber", params: { value: "abc" }, field: "interest.dailyRate" };
 */
export type RuleProblem = { [C in RuleErrorCode]: { code: C; params: RuleErrorParams[C]; field?: string } }[RuleErrorCode];

/**
 * An error raised by a rule: a code, the values it names and the input or policy path at fault.
 * Its `message` is the code, for logs and stack traces only; a user reads
 * `messageText(error.code, error.params, lang)` from src/i18n/messages.
 */
export class RuleError<C extends RuleErrorCode = RuleErrorCode> extends Error {
  readonly code: C;
  readonly params: RuleErrorParams[C];
  readonly field?: string;

  /**
   * @param code stable machine code, e.g. "date.noSuchMonth"
   * @param params the values the message names
   * @param field the argument or policy path at fault, when there is one
   * @example new RuleError("date.noSuchMonth", { text: "2026-13-01", month: 13 }).params.month // 13
   */
  constructor(code: C, params: RuleErrorParams[C], field?: string) {
    super(code);
    this.name = "RuleError";
    this.code = code;
    this.params = params;
    if (field !== undefined) this.field = field;
  }
}

/**
 * Builds a RuleError from its code and the values it names. Throw the result: `throw ruleError(...)`.
 * @param code a rule error code
 * @param params the values the message names
 * @param field the argument or policy path at fault
 * @returns the error, not thrown
 * @example ruleError("date.notADate", { text: "soon" }).params // { text: "soon" }
 */
export function ruleError<C extends RuleErrorCode>(code: C, params: RuleErrorParams[C], field?: string): RuleError<C> {
  return new RuleError(code, params, field);
}

/** Longest piece of untrusted text a message quotes. */
const MAX_QUOTED = 60;

/**
 * Untrusted text made safe to put inside a message: control characters become spaces, and more
 * than 60 characters are cut with "…". Quote marks are the caller's (they differ by language).
 * @param value any value taken from a workbook or a caller
 * @returns the cleaned text, without quote marks
 * @example cleanQuoted("a\u0000b") // "a b"; cleanQuoted("x".repeat(70)).length // 61
 */
export function cleanQuoted(value: unknown): string {
  const text = String(value).replace(/[\u0000-\u001f\u007f]/g, " ");
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}
