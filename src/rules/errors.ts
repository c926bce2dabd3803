/**
 * Rule errors: every message a rule can raise, in one object, built through one helper.
 * Messages are English, short, for a finance user, and always name the offending value.
 * Workbook text is untrusted, so a value quoted in a message is cut short and stripped of
 * control characters; escaping for HTML or cells is the job of whoever displays it.
 */

/** An error raised by a rule. `code` is stable for machines; `field` names the input or policy path. */
export class RuleError extends Error {
  readonly code: string;
  readonly field?: string;

  /**
   * @param code stable machine code, e.g. "date.invalid"
   * @param message the user-facing text
   * @param field the argument or policy path at fault, when there is one
   * @example new RuleError("date.blank", "the date is blank").code // "date.blank"
   */
  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = "RuleError";
    this.code = code;
    if (field !== undefined) this.field = field;
  }
}

const MAX_QUOTED = 60;

/**
 * Quotes a piece of untrusted text for a message: control characters removed, cut to 60 characters.
 * @param value any value taken from a workbook or a caller
 * @returns the value between double quotes
 * @example quote("2026-13-01") // "\"2026-13-01\""
 */
export function quote(value: unknown): string {
  // eslint-disable-next-line no-control-regex
  const text = String(value).replace(/[\u0000-\u001f\u007f]/g, " ");
  return `"${text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text}"`;
}

const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/** Every message a rule can produce, keyed by code. Parameters are the values to name. */
export const MESSAGES = {
  "date.notADate": (p: { text: string }) => `${quote(p.text)} is not a date`,
  "date.noSuchMonth": (p: { text: string; month: number }) =>
    `${quote(p.text)} is not a date: there is no month ${p.month}`,
  "date.noSuchDay": (p: { text: string; year: number; month: number; daysInMonth: number }) =>
    `${quote(p.text)} is not a date: ${MONTH_NAMES[p.month - 1]} ${p.year} has ${p.daysInMonth} days`,
  "date.ambiguous": (p: { text: string; dayFirst: string; monthFirst: string }) =>
    `${quote(p.text)} could be ${p.dayFirst} or ${p.monthFirst}; write it as YYYY-MM-DD or set the date order (DMY or MDY)`,
  "date.twoDigitYear": (p: { text: string }) =>
    `${quote(p.text)} has a two-digit year; write the year in full, e.g. 2026`,
  "date.outOfRange": (p: { text: string }) =>
    `${quote(p.text)} is outside the dates Excel supports (1900-01-01 to 9999-12-31)`,
  "date.blank": (_p: Record<string, never>) => "the date is blank",
  "date.wrongType": (p: { value: string }) => `${p.value} is not a date`,
  "date.ymd": (p: { year: number; month: number; day: number }) =>
    `${p.year}-${p.month}-${p.day} is not a date`,
  "serial.fictitious": (_p: Record<string, never>) =>
    "serial 60 is 1900-02-29, a day that does not exist (Excel 1900 leap-year bug)",
  "serial.outOfRange": (p: { serial: number; min: number; max: number }) =>
    `serial ${p.serial} is outside Excel's dates (${p.min} to ${p.max}, up to 9999-12-31)`,
  "serial.notANumber": (p: { serial: string }) => `serial ${p.serial} is not a number`,
  "limit.temporaryTooHigh": (p: { temporary: string; fixed: string; ratio: string }) =>
    `temporary limit ${p.temporary} is more than ${p.ratio} of the fixed limit ${p.fixed}`,
  "measure.months": (p: { value: string }) => `${quote(p.value)} is not a number of months (1 or more)`,
  "policy.notANumber": (p: { value: string }) => `${quote(p.value)} is not a number`,
  "policy.notAnInteger": (p: { value: string }) => `${quote(p.value)} is not a whole number`,
  "policy.range": (p: { value: string; range: string }) => `${quote(p.value)} must be ${p.range}`,
  "policy.notText": (p: { value: string }) => `${quote(p.value)} is not text`,
  "policy.notList": (p: { value: string }) => `${quote(p.value)} is not a list`,
  "policy.choice": (p: { value: string; choices: string }) => `${quote(p.value)} must be one of ${p.choices}`,
  "policy.edges": (p: { value: string }) =>
    `bucket edges ${p.value} must be whole numbers of days, not negative, ascending, without duplicates`,
  "policy.labelCount": (p: { lang: string; count: number; expected: number }) =>
    `${p.lang} has ${p.count} bucket labels but the edges make ${p.expected} buckets`,
  "policy.cuts": (p: { value: string }) =>
    `limit cuts ${p.value} must have ascending late counts (1 or more) and cuts between 0 and 1 that never fall`,
  "policy.stages": (p: { detail: string }) => `escalation ladder: ${p.detail}`,
  "policy.gradeOrder": (p: { value: string }) =>
    `grade months ${p.value} must increase from D to C to B to A`,
  "policy.bands": (p: { value: string }) =>
    `provision bands ${p.value} must have ascending day limits, rates between 0 and 1, and end with an open band`,
  "policy.notObject": (p: { value: string }) => `${quote(p.value)} is not a group of settings`,
} as const;

/** The code of a known rule error. */
export type RuleErrorCode = keyof typeof MESSAGES;

/** The parameters a message needs. */
export type MessageParams<C extends RuleErrorCode> = Parameters<(typeof MESSAGES)[C]>[0];

/**
 * Builds a RuleError from its code and the values it names. Throw the result: `throw ruleError(...)`.
 * @param code a key of MESSAGES
 * @param params the values the message names
 * @param field the argument or policy path at fault
 * @returns the error, not thrown
 * @example ruleError("date.notADate", { text: "2026-13-01" }).message // "\"2026-13-01\" is not a date"
 */
export function ruleError<C extends RuleErrorCode>(code: C, params: MessageParams<C>, field?: string): RuleError {
  const build = MESSAGES[code] as (p: MessageParams<C>) => string;
  return new RuleError(code, build(params), field);
}

/**
 * The text of a message without building an error (for error lists that are values, not throws).
 * @param code a key of MESSAGES
 * @param params the values the message names
 * @returns the message
 * @example messageFor("policy.notANumber", { value: "abc" }) // "\"abc\" is not a number"
 */
export function messageFor<C extends RuleErrorCode>(code: C, params: MessageParams<C>): string {
  const build = MESSAGES[code] as (p: MessageParams<C>) => string;
  return build(params);
}
