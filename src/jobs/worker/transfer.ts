/**
 * What crosses between the pane and the jobs worker beyond what structured clone keeps: a Decimal
 * (a rate in the policy, a customer's % of limit used) loses its methods when cloned, so it
 * travels as its exact text; an error — thrown, or in a result — travels as its fields; and a
 * job's result reaches the pane without the rows it was computed from. bigint amounts, plain
 * objects, arrays and Maps clone as they are; the walks go into Maps too (the letters' collection
 * state is one).
 */
import { Dec } from "../../rules/decimal";
import { withoutValues } from "../../workbook/plan-rows";
import type { SheetPlan } from "../../workbook/plan-types";
import type { PlainError } from "./protocol";

/** The key that marks a Decimal's text. */
const DECIMAL_KEY = "$ar:decimal";
/** The key that marks an error's fields. */
const ERROR_KEY = "$ar:error";

/** Whether a value is an Error — of any realm. */
function isError(value: object): value is Error {
  return Object.prototype.toString.call(value) === "[object Error]";
}

/** Whether a value is a Map — of any realm, as a message's are made in the receiver's. */
function isMap(value: object): value is Map<unknown, unknown> {
  return Object.prototype.toString.call(value) === "[object Map]";
}

/**
 * Whether a value is an object literal (what the walks over a message go into): its prototype is
 * an Object.prototype — of any realm, as a message's objects are made in the receiver's — or null.
 * @example isPlainObject({ a: 1 }) // true; isPlainObject(new Map()) // false
 */
export function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/**
 * A copy of a value with every Decimal in it replaced by its exact text, ready for postMessage.
 * @param value options, an answer or a result
 * @returns the same data, Decimals as `{ "$ar:decimal": text }`
 * @example toPlain({ rate: toDecimal("0.0005") }) // { rate: { "$ar:decimal": "0.0005" } }
 */
export function toPlain(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Dec.isDecimal(value)) return { [DECIMAL_KEY]: (value as InstanceType<typeof Dec>).toString() };
  // An error in a result (a contact's problems): structured clone keeps only its message.
  if (isError(value)) return { [ERROR_KEY]: errorToPlain(value) };
  if (Array.isArray(value)) return value.map(toPlain);
  if (isMap(value)) return new Map([...value].map(([key, field]) => [key, toPlain(field)]));
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = toPlain(field);
  return copy;
}

/**
 * The value toPlain was given, Decimals made again from their text — in place: what arrived by
 * postMessage is the receiver's own copy, so only the objects that held a Decimal change.
 * @param value what arrived
 * @returns the data with its Decimals (the same object unless it was itself a Decimal's text)
 * @example fromPlain({ rate: { "$ar:decimal": "0.0005" } }).rate.equals(toDecimal("0.0005")) // true
 */
export function fromPlain(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== null && typeof item === "object") value[i] = fromPlain(item);
    }
    return value;
  }
  if (isMap(value)) {
    for (const [key, field] of value) if (field !== null && typeof field === "object") value.set(key, fromPlain(field));
    return value;
  }
  if (!isPlainObject(value)) return value;
  const fields = value as Record<string, unknown>;
  const text = fields[DECIMAL_KEY];
  if (typeof text === "string") return new Dec(text);
  const error = fields[ERROR_KEY];
  if (error !== null && typeof error === "object") return plainToError(error as PlainError);
  for (const key of Object.keys(fields)) {
    const field = fields[key];
    if (field !== null && typeof field === "object") fields[key] = fromPlain(field);
  }
  return value;
}

/**
 * An error as plain fields: its name, message and own fields (a job's code, the headers seen by
 * the ledger reader, Office's error code), each as plain data.
 * @param error anything thrown
 * @returns the fields
 * @example errorToPlain(new JobError("ledger.empty", "…")) // { name: "JobError", message: "…", code: "ledger.empty" }
 */
export function errorToPlain(error: unknown): PlainError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const fields: PlainError = { name: error.name, message: error.message };
  for (const [key, field] of Object.entries(error)) {
    if (typeof field !== "function") fields[key] = toPlain(field);
  }
  return fields;
}

/**
 * An Error carrying the fields again, so the pane tells problems apart as it does on its own
 * thread (by name and code).
 * @param plain the fields
 * @returns the error
 * @example plainToError({ name: "AbortError", message: "已取消" }).name // "AbortError"
 */
export function plainToError(plain: PlainError): Error {
  const { name, message, ...fields } = plain;
  const error = Object.assign(new Error(message), fromPlain(fields) as object);
  error.name = name;
  return error;
}

/** Plan kinds with one row per invoice row of the ledger: their cells stay in the worker. */
const ROWS_PER_INVOICE = new Set(["detail"]);

/** A customer's report as results hold it: its rows are what the copy for the pane leaves out. */
interface CustomerRows {
  items?: unknown[];
  lateEvents?: unknown[];
}

/** The parts of a result the copy for the pane changes. */
interface ResultParts {
  report?: { customers?: CustomerRows[] };
  plans?: SheetPlan[];
  /** Each account's collection state (letters): its customer, and its open items chased and paused. */
  collection?: Map<string, { customer?: CustomerRows; active?: unknown[]; paused?: unknown[] }>;
  /** Invoices coming due, each with its customer's report. */
  preDueNotices?: { customer?: CustomerRows }[];
  /** Statements of account, each with its lines (a movement each). */
  statements?: { lines?: unknown[] }[];
}

/** A customer's report without its rows. */
function withoutRows<C extends CustomerRows>(customer: C): C {
  return { ...customer, items: [], lateEvents: [] };
}

/**
 * A job's result as the pane gets it from the worker: everything but what has one entry per row
 * of the ledger — each customer's open invoices (`items`) and late payments (`lateEvents`, which
 * made its grade), wherever a customer's report is held (the report, the letters' collection
 * state, the pre-due notices), the collection state's items chased and paused, the cells of the
 * detail sheet, and statements' lines (their sheet's plan keeps them) — which the pane never
 * shows (customers, totals, letters and errors are what it shows; the sheets were written from
 * the worker) and which would hold the pane's thread for seconds at a million rows: copied by
 * value, each account's items crossed once per reference. Those arrays are empty in the copy.
 * @param result a job's result
 * @returns the copy to send
 * @example paneCopy(agingResult).plans.find((plan) => plan.kind === "detail").values // []
 */
export function paneCopy<R>(result: R): R {
  if (result === null || typeof result !== "object") return result;
  const parts = result as ResultParts;
  const copy: ResultParts = { ...parts };
  const customers = parts.report?.customers;
  if (parts.report && Array.isArray(customers)) copy.report = { ...parts.report, customers: customers.map(withoutRows) };
  // (Its rows may be made later, as written: withoutValues makes none of them.)
  if (Array.isArray(parts.plans)) copy.plans = parts.plans.map((plan) => (ROWS_PER_INVOICE.has(plan.kind) ? { ...withoutValues(plan), values: [] } : plan));
  // The collection state and the notices hold customers' reports too, and items by the account.
  if (parts.collection && isMap(parts.collection)) {
    copy.collection = new Map(
      [...parts.collection].map(([key, state]) => [key, { ...state, customer: state.customer && withoutRows(state.customer), active: [], paused: [] }]),
    );
  }
  if (Array.isArray(parts.preDueNotices)) copy.preDueNotices = parts.preDueNotices.map((notice) => ({ ...notice, customer: notice.customer && withoutRows(notice.customer) }));
  // A statement's lines are in its sheet's plan, which crosses (the pane writes it after asking).
  if (Array.isArray(parts.statements)) copy.statements = parts.statements.map((statement) => ({ ...statement, lines: [] }));
  return copy as R;
}
