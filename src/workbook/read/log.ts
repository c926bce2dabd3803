/**
 * Reading the collection log (催收记录, POLICY §12): one contact per row — date, customer, invoice,
 * collector, channel, person contacted, outcome, promised date and amount, next action date, note.
 * A row with a promised date and amount is a promise to pay; one with only one of the two is
 * reported and read without a promise. The contact is never lost over an optional cell: a bad
 * channel or outcome reads as 其他, a bad optional date as blank, each reported on its cell.
 */
import { formatExact } from "../../rules/money";
import type { DayNumber, LogEntry } from "../../rules/types";
import type { Field } from "../headers";
import type { LocatedTable } from "../locate";
import { parseAmountWithCurrency, parseCurrency, parseDateCell } from "../parse";
import { problem } from "../problems";
import type { ReadContext } from "./context";
import { agrees } from "./currency";
import { channelOf, outcomeOf } from "./log-values";
import { isEmpty, RowReader } from "./row-reader";

const TEXT_FIELDS = ["invoiceNo", "collector", "contact", "note"] as const;

/** An optional date: undefined when blank, or after reporting a bad one (the row is kept). */
function optionalDate(reader: RowReader, field: Field, context: ReadContext): DayNumber | undefined {
  const cell = reader.cell(field);
  if (isEmpty(cell)) return undefined;
  const parsed = parseDateCell(cell, context.workbook.dateSystem, context.policy.dateOrder);
  if (parsed.error !== undefined) {
    reader.report(field, parsed.error, "readAsBlank");
    return undefined;
  }
  return parsed.ok;
}

/** A channel or outcome cell: its code, "other" for a word the add-in does not know (reported). */
function readChoice<T extends string>(reader: RowReader, field: "channel" | "outcome", parse: (text: string) => T | undefined): T | "other" | undefined {
  const text = reader.optionalText(field);
  if (text === undefined) return undefined;
  const code = parse(text);
  if (code !== undefined) return code;
  reader.report(field, problem(field === "channel" ? "log.channelUnknown" : "log.outcomeUnknown", { text }), null);
  return "other";
}

/**
 * Reads every contact of customers the invoices table knows; blank and total rows are passed over,
 * a contact of an unknown customer is reported and not read. A promise's currency is the row's
 * currency column, else the one currency of the customer's invoices, else the policy's.
 * @param table the located log table
 * @param context the reading's shared state
 * @param known customer keys of the invoices read
 * @param currencies customer key → the one currency of its invoices (absent when it has several)
 * @returns the contacts, in table order
 * @example
 * // 联系日期 | 客户 | 方式 | 结果 | 承诺日期 | 承诺金额 ; 2026-11-02 | 甲公司 | 电话 | 已承诺 | 2026-11-30 | 20000
 * readLog(table, context, known, currencies)
 * // [{ date: 46328, customer: "甲公司", channel: "phone", outcome: "promised", promisedDate: 46356, promisedAmount: 2000000, currency: "CNY", source: { sheet: "催收记录", row: 2 } }]
 */
export function readLog(table: LocatedTable, context: ReadContext, known: ReadonlySet<string>, currencies: ReadonlyMap<string, string>): LogEntry[] {
  const { workbook, policy, names } = context;
  const sheet = workbook.sheets[table.sheetIndex];
  const reader = new RowReader(sheet, table, context.errors);
  const entries: LogEntry[] = [];
  for (let row = table.dataRows.start; row < table.dataRows.end; row++) {
    reader.at(row);
    if (reader.isBlank() || reader.isTotal()) continue;
    const customer = reader.text("customer");
    if (customer === null) reader.report("customer", problem("customer.blank", {}));
    const date = reader.date("date", workbook.dateSystem, policy.dateOrder);
    if (reader.failed || !customer || date === undefined) continue;
    const key = names.key(customer);
    if (!known.has(key)) {
      reader.report("customer", problem("log.unknownCustomer", { customer }), null);
      continue;
    }
    const entry: LogEntry = {
      date,
      customer: names.displayName(customer),
      channel: readChoice(reader, "channel", channelOf) ?? "other",
      currency: currencies.get(key) ?? policy.currency,
      source: { sheet: sheet.name, row: row + 1 },
    };
    const outcome = readChoice(reader, "outcome", outcomeOf);
    if (outcome !== undefined) entry.outcome = outcome;
    for (const field of TEXT_FIELDS) {
      const text = reader.optionalText(field);
      if (text !== undefined) entry[field] = text;
    }
    const nextAction = optionalDate(reader, "nextAction", context);
    if (nextAction !== undefined) entry.nextAction = nextAction;
    readPromise(reader, context, entry);
    entries.push(entry);
  }
  return entries;
}

/** The row's promise, when it has both a promised date and a positive amount; else reported and left out. */
function readPromise(reader: RowReader, context: ReadContext, entry: LogEntry): void {
  const hasDate = !isEmpty(reader.cell("promisedDate"));
  const hasAmount = !isEmpty(reader.cell("promisedAmount"));
  if (!hasDate && !hasAmount) return;
  if (hasDate !== hasAmount) {
    reader.report(hasDate ? "promisedAmount" : "promisedDate", problem("log.promiseIncomplete", { missing: hasDate ? "amount" : "date" }), null);
    return;
  }
  const promisedDate = optionalDate(reader, "promisedDate", context);
  const amount = parseAmountWithCurrency(reader.cell("promisedAmount"));
  if (amount.error !== undefined) reader.report("promisedAmount", amount.error, "readAsBlank");
  const parsed = amount.ok;
  if (promisedDate === undefined || parsed === undefined) return;
  if (!(parsed.amount.units > 0)) {
    reader.report("promisedAmount", problem("log.promiseNotPositive", { amount: formatExact(parsed.amount.units, parsed.amount.scale) }), null);
    return;
  }
  let currency = entry.currency;
  const column = reader.cell("currency");
  if (!isEmpty(column)) {
    const stated = parseCurrency(column, context.policy.currency);
    if (stated.error !== undefined) reader.report("currency", stated.error, "readAsBlank");
    else currency = stated.ok;
  } else if (parsed.currency !== undefined) {
    currency = parsed.currency;
  }
  if (!agrees(parsed, currency)) {
    reader.report("promisedAmount", problem("currency.mismatch", { field: "amount", written: parsed.currency ?? "", stated: currency }), null);
    return;
  }
  entry.currency = currency;
  entry.promisedDate = promisedDate;
  entry.promisedAmount = context.amounts.units(parsed.amount);
}
