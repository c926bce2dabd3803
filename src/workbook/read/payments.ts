/**
 * Reading the payments table (回款记录): dated or undated receipts of known customers, naming the
 * invoice they settle or not, with their method (现金 / 电汇 / 承兑汇票 / 电子银行票据) when given. A negative payment is a row problem: a refund is a credit note (a
 * negative invoice), never negative cash (POLICY §1).
 */
import { formatExact } from "../../rules/money";
import type { DayNumber, Payment } from "../../rules/types";
import type { LocatedTable } from "../locate";
import { problem } from "../problems";
import type { ReadContext } from "./context";
import { readCurrency } from "./currency";
import { paymentMethodOf } from "./payment-method";
import { isEmpty, RowReader } from "./row-reader";

/**
 * Reads every payment row of customers the invoices table knows; blank and total rows are passed
 * over, a payment of an unknown customer is reported and not read.
 * @param table the located payments table
 * @param context the reading's shared state
 * @param known customer keys of the invoices read
 * @returns the payments, in table order
 * @example
 * // 收款日期 | 往来单位 | 收款金额 ; 2026-02-01 | 甲公司 | 400
 * readPayments(table, context, known) // [{ customer: "甲公司", date: 46054, amount: 40000, currency: "CNY", source: { sheet: "回款记录", row: 2 } }]
 */
export function readPayments(table: LocatedTable, context: ReadContext, known: ReadonlySet<string>): Payment[] {
  const { workbook, policy, names } = context;
  const sheet = workbook.sheets[table.sheetIndex];
  const reader = new RowReader(sheet, table, context.errors);
  const payments: Payment[] = [];
  for (let row = table.dataRows.start; row < table.dataRows.end; row++) {
    reader.at(row);
    if (reader.isBlank() || reader.isTotal()) continue;
    const customer = reader.text("customer");
    if (customer === null) reader.report("customer", problem("customer.blank", {}));
    const parsed = reader.amount("amount");
    if (parsed !== undefined && parsed.amount.units < 0) {
      reader.report("amount", problem("payment.negative", { amount: formatExact(parsed.amount.units, parsed.amount.scale) }));
    }
    const currency = readCurrency(reader, parsed, policy.currency);
    let date: DayNumber | null = null;
    if (!isEmpty(reader.cell("date"))) date = reader.date("date", workbook.dateSystem, policy.dateOrder) ?? null;
    const invoiceRef = reader.text("invoiceRef");
    const methodText = reader.has("method") ? reader.optionalText("method") : undefined;
    const method = methodText === undefined ? undefined : paymentMethodOf(methodText);
    if (methodText !== undefined && method === undefined) reader.report("method", problem("payment.method", { text: methodText }), "readAsBlank");
    if (reader.failed || !customer || !parsed) continue;
    if (!known.has(names.key(customer))) {
      reader.report("customer", problem("payment.unknownCustomer", { customer }), null);
      continue;
    }
    const payment: Payment = { customer: names.displayName(customer), date, amount: context.amounts.units(parsed.amount), currency, source: { sheet: sheet.name, row: row + 1 } };
    if (invoiceRef) payment.invoiceRef = invoiceRef;
    if (method !== undefined) payment.method = method;
    payments.push(payment);
  }
  return payments;
}
