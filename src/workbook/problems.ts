/**
 * The problems reading a workbook can find, as codes with the values each names: what the cell
 * parsers and the table readers return instead of sentences. The words are in src/i18n/messages.
 */
import type { RuleErrorCode, RuleErrorParams } from "../rules/errors";

/**
 * A value shown in a message: `text` is what the user typed (quoted when shown), `value` the
 * spelling of a cell that is not text (NaN, TRUE, 30.5: shown as is).
 */
export type CellShown = { text: string } | { value: string };

/** The values each reading problem names, by code. */
export interface ReadProblemParams {
  "amount.blank": Record<string, never>;
  "amount.invalid": CellShown;
  "amount.twoCurrencies": { text: string };
  /** `suggestion` is the same amount with a decimal point ("1234.50"). */
  "amount.decimalComma": { text: string; suggestion: string };
  /** `limit` is MAX_AMOUNT's digits. */
  "amount.outOfRange": { text: string; limit: number };
  /** More decimals than a ledger may have; `limit` is that most (MAX_SCALE). */
  "amount.tooPrecise": { text: string; limit: number };
  "amount.excelError": { error: string };
  "date.excelError": { error: string };
  "flag.invalid": CellShown;
  "flag.excelError": { error: string };
  "integer.blank": Record<string, never>;
  "integer.invalid": CellShown;
  "integer.excelError": { error: string };
  "grade.blank": Record<string, never>;
  "grade.invalid": { text: string };
  "currency.invalid": CellShown;
  "currency.excelError": { error: string };
  "text.invalid": { value: string };
  "text.excelError": { error: string };
  "customer.blank": Record<string, never>;
  "customer.duplicate": { name: string; firstRow: number };
  /** A temporary limit over its share (`ratio`, "50%") of the fixed limit: it counts as `counted` until corrected. Exact amounts. */
  "limit.temporaryCapped": { temporary: string; fixed: string; ratio: string; counted: string };
  "dueDate.missing": Record<string, never>;
  "dueDate.noTerm": Record<string, never>;
  /** `generated` is the number the row was given ("row 5"). */
  "invoice.noNumber": { generated: string };
  "invoice.duplicate": { invoiceNo: string; customer: string; firstRow: number };
  /** The currency written with the amount (`field` amount) or the received amount (`field` received) is not the row's. */
  "currency.mismatch": { field: "amount" | "received"; written: string; stated: string };
  /** `amount` is the exact amount read ("-500"). */
  "payment.negative": { amount: string };
  /** A payment method that is none of cash, wire, acceptance bill or e-bill (as typed). */
  "payment.method": { text: string };
  "received.negative": { amount: string };
  "payment.unknownCustomer": { customer: string };
  "promise.unknownCustomer": { customer: string };
  /** Collection log (催收记录): a contact of a customer the invoices table does not have; not read. */
  "log.unknownCustomer": { customer: string };
  /** A channel or outcome word the add-in does not know: read as 其他 (other). */
  "log.channelUnknown": { text: string };
  "log.outcomeUnknown": { text: string };
  /** A promised date without an amount or the reverse: the contact is read, without a promise. */
  "log.promiseIncomplete": { missing: "date" | "amount" };
  "log.promiseNotPositive": { amount: string };
  /** A further invoices table, not read; `sheet` and `headerRow` say where the invoices were read. */
  "table.secondInvoices": { sheet: string; headerRow: number };
  /** `rows` lists the first hidden rows (1-based), `count` all of them. */
  "rows.hidden": { count: number; rows: readonly number[] };
  "errors.truncated": { count: number };
  /** Settings (the store and the settings sheet): `key` is a setting's path as written. */
  "settings.unknownKey": { key: string };
  "settings.notJson": { key: string };
  /** Stored JSON nested deeper than `max` levels: read as not stored. */
  "settings.tooDeep": { key: string; max: number };
  /** A template longer than `max` characters (subject and body): the default is used. */
  "settings.templateTooLong": { key: string; length: number; max: number };
  /** A template placing the invoice table `count` times: the default is used. */
  "settings.templateTableRepeated": { key: string; count: number };
  "settings.notJsonList": { key: string; text: string };
  "settings.templatesNotList": { key: string };
  "settings.templateIncomplete": { key: string };
  "settings.mappingNotObject": { key: string };
  "settings.unknownTable": { table: string };
  "settings.unknownColumn": { table: string; column: string; known: readonly string[] };
  /** The list of generated sheets could not be read (`why`): sheets generated earlier are kept as the user's. */
  "settings.generatedUnreadable": { key: string; why: "notJson" | "notList" };
  "settings.generatedNoId": { key: string };
  "settings.excelError": { key: string; error: string };
  /** A group of settings set as one cell; `example` is one of its parts. */
  "settings.group": { key: string; example: string };
  "settings.notYesNo": { key: string; text: string };
  "settings.templateMissing": { stage: string; lang: string; part: "subject" | "body" };
  "settings.templateUnknownFields": { stage: string; lang: string; fields: readonly string[] };
  "settings.unknownStage": { stage: string; known: readonly string[] };
}

/** The code of a reading problem. */
export type ReadProblemCode = keyof ReadProblemParams;

/** Reading problems and the rule errors a reader passes on (dates through the rules' date parser). */
export type ProblemParams = ReadProblemParams & RuleErrorParams;

/** Any code a reader may return. */
export type ProblemCode = ReadProblemCode | RuleErrorCode;

/**
 * A problem as a code with the values its message names, typed together.
 * @example const blank: Problem = { code: "amount.blank", params: {} };
 */
export type Problem = { [C in ProblemCode]: { code: C; params: ProblemParams[C] } }[ProblemCode];

/**
 * A Problem from its code and values, checked against each other.
 * @param code the problem's code
 * @param params the values its message names
 * @returns the problem
 * @example problem("customer.duplicate", { name: "ACME", firstRow: 5 }) // { code: "customer.duplicate", params: { name: "ACME", firstRow: 5 } }
 */
export function problem<C extends ProblemCode>(code: C, params: ProblemParams[C]): Problem {
  return { code, params } as Problem;
}

/**
 * A parsed value, or the problem saying why the cell could not be read.
 * @example const parsed: Parsed<number> = { error: { code: "integer.invalid", params: { text: "x" } } };
 */
export type Parsed<T> = { ok: T; error?: undefined } | { ok?: undefined; error: Problem };

/**
 * A failed Parsed from a problem's code and values.
 * @param code the problem's code
 * @param params the values its message names
 * @returns the failure, assignable to any Parsed
 * @example failure("amount.blank", {}) // { error: { code: "amount.blank", params: {} } }
 */
export function failure<C extends ProblemCode>(code: C, params: ProblemParams[C]): { ok?: undefined; error: Problem } {
  return { error: problem(code, params) };
}

/**
 * The spelling of a boolean cell, as Excel shows it: what a `value` param holds for one.
 * @example booleanText(true) // "TRUE"
 */
export function booleanText(cell: boolean): string {
  return cell ? "TRUE" : "FALSE";
}
