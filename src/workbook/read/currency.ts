/**
 * A row's currency: from its currency column, else from the code or sign written with the amount,
 * else the policy's; "$50" in a row whose column says CNY is never 50 yuan.
 */
import type { CellValue } from "../adapter-types";
import { parseCurrency } from "../parse";
import type { ParsedAmount } from "../parse";
import { problem } from "../problems";
import { isEmpty } from "./row-reader";
import type { RowReader } from "./row-reader";

/**
 * Whether an amount's written currency allows the row's currency: none written, the same, or a
 * bare $ or ¥ that also stands for it.
 * @param amount the parsed amount, if any
 * @param currency the row's currency code
 * @returns true when they agree
 * @example agrees({ amount: { units: 50, scale: 0 }, currency: "USD", signCurrencies: ["USD", "HKD"] }, "HKD") // true
 */
export function agrees(amount: ParsedAmount | undefined, currency: string): boolean {
  return amount?.currency === undefined || amount.currency === currency || (amount.signCurrencies?.includes(currency) ?? false);
}

/**
 * The row's currency: the currency column, else the code or sign written with the amount, else
 * the fallback. A column that disagrees with the amount's code or sign drops the row (reported on
 * the amount's cell).
 * @param reader the reader, at the row
 * @param amount the row's parsed amount, if it could be read
 * @param fallback the policy's currency
 * @param cell the row's currency cell
 * @returns the currency code
 * @example readCurrency(reader, { amount: { units: 10, scale: 0 }, currency: "USD" }, "CNY") // "USD" when the row has no currency cell
 */
export function readCurrency(reader: RowReader, amount: ParsedAmount | undefined, fallback: string, cell: CellValue = reader.cell("currency")): string {
  const fromAmount = amount?.currency;
  if (isEmpty(cell)) return fromAmount ?? fallback;
  const currency = reader.take("currency", parseCurrency(cell, fallback));
  if (currency !== undefined && fromAmount !== undefined && !agrees(amount, currency)) {
    reader.report("amount", problem("currency.mismatch", { field: "amount", written: fromAmount, stated: currency }));
  }
  return currency ?? fallback;
}
