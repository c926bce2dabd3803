/**
 * Reading the promises table (回款承诺): who promised to pay how much by when, for customers the
 * invoices table knows.
 */
import type { DayNumber, PaymentPromise } from "../../rules/types";
import type { LocatedTable } from "../locate";
import { problem } from "../problems";
import type { ReadContext } from "./context";
import { readCurrency } from "./currency";
import { isEmpty, RowReader } from "./row-reader";

/**
 * Reads every promise row of customers the invoices table knows; blank and total rows are passed
 * over, a promise of an unknown customer is reported and not read.
 * @param table the located promises table
 * @param context the reading's shared state
 * @param known customer keys of the invoices read
 * @returns the promises, in table order
 * @example
 * // 客户 | 承诺日期 | 承诺金额 ; 甲公司 | 2026-04-15 | 600
 * readPromises(table, context, known) // [{ customer: "甲公司", promisedDate: 46127, amount: 60000, currency: "CNY" }]
 */
export function readPromises(table: LocatedTable, context: ReadContext, known: ReadonlySet<string>): PaymentPromise[] {
  const { workbook, policy, names } = context;
  const sheet = workbook.sheets[table.sheetIndex];
  const reader = new RowReader(sheet, table, context.errors);
  const promises: PaymentPromise[] = [];
  for (let row = table.dataRows.start; row < table.dataRows.end; row++) {
    reader.at(row);
    if (reader.isBlank() || reader.isTotal()) continue;
    const customer = reader.text("customer");
    if (customer === null) reader.report("customer", problem("customer.blank", {}));
    const promisedDate = reader.date("promisedDate", workbook.dateSystem, policy.dateOrder);
    const parsed = reader.amount("amount");
    const currency = readCurrency(reader, parsed, policy.currency);
    let madeOn: DayNumber | undefined;
    if (!isEmpty(reader.cell("madeOn"))) madeOn = reader.date("madeOn", workbook.dateSystem, policy.dateOrder);
    if (reader.failed || !customer || !parsed || promisedDate === undefined) continue;
    if (!known.has(names.key(customer))) {
      reader.report("customer", problem("promise.unknownCustomer", { customer }), null);
      continue;
    }
    const promise: PaymentPromise = { customer: names.displayName(customer), promisedDate, amount: context.amounts.units(parsed.amount), currency };
    if (madeOn !== undefined) promise.madeOn = madeOn;
    promises.push(promise);
  }
  return promises;
}
