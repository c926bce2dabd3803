/**
 * Reading the customers table (客户资料): limits, grade override, payment term and contact details
 * per customer; a customer listed twice is read once, the second row reported. A temporary limit
 * above the policy's share of the fixed limit (50 %, POLICY §4) is reported on its cell; it is kept
 * as typed and counts as that share in the report (rules/limit.ts).
 */
import { limitTerms, temporaryCeiling } from "../../rules/limit";
import { formatExact, type Minor, type Scaled } from "../../rules/money";
import type { CustomerInfo } from "../../rules/types";
import type { Field } from "../headers";
import type { LocatedTable } from "../locate";
import { parseGrade, parseInteger } from "../parse";
import { problem } from "../problems";
import type { ReadContext } from "./context";
import { isEmpty, RowReader } from "./row-reader";

const CONTACT_FIELDS = ["contact", "email", "address", "salesperson", "region"] as const;

/** An optional limit: undefined when blank or after reporting a bad amount. */
function optionalLimit(reader: RowReader, field: Field): Scaled | undefined {
  return isEmpty(reader.cell(field)) ? undefined : reader.amount(field)?.amount;
}

/**
 * Reads every customer row; blank and total rows are passed over. A customer's first spelling is
 * kept in `context.names`, so invoices show the customers table's spelling.
 * @param table the located customers table
 * @param context the reading's shared state
 * @returns the customers, in table order
 * @example
 * // 客户名称 | 信用额度 | 临时额度 ; 丁 | 200000 | 120000 → one problem on the 临时额度 cell: counts as 100000
 * // 客户名称 | 信用额度 | 账期 ; Beta | 50000 | 45天
 * readCustomers(table, context) // [{ name: "Beta", fixedLimit: 5000000, paymentTermDays: 45, source: { sheet: "客户资料", row: 2 } }]
 */
export function readCustomers(table: LocatedTable, context: ReadContext): CustomerInfo[] {
  const terms = limitTerms(context.policy);
  const ratio = `${terms.temporaryMaxRatio.times(100).toString()}%`;
  const sheet = context.workbook.sheets[table.sheetIndex];
  const reader = new RowReader(sheet, table, context.errors);
  const customers: CustomerInfo[] = [];
  const firstRowOf = new Map<string, number>();
  for (let row = table.dataRows.start; row < table.dataRows.end; row++) {
    reader.at(row);
    if (reader.isBlank() || reader.isTotal()) continue;
    const name = reader.text("name");
    if (name === null) reader.report("name", problem("customer.blank", {}));
    const info: CustomerInfo = { name: "", source: { sheet: sheet.name, row: row + 1 } };
    const fixedLimit = optionalLimit(reader, "fixedLimit");
    const temporaryLimit = optionalLimit(reader, "temporaryLimit");
    if (!isEmpty(reader.cell("gradeOverride"))) {
      const grade = reader.take("gradeOverride", parseGrade(reader.cell("gradeOverride")));
      if (grade) info.gradeOverride = grade;
    }
    if (!isEmpty(reader.cell("paymentTermDays"))) {
      const term = reader.take("paymentTermDays", parseInteger(reader.cell("paymentTermDays")));
      if (term !== undefined) info.paymentTermDays = term;
    }
    for (const field of CONTACT_FIELDS) {
      const text = reader.optionalText(field);
      if (text !== undefined) info[field] = text;
    }
    if (reader.failed || name === undefined || name === null) continue;
    const key = context.names.key(name);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      reader.report("name", problem("customer.duplicate", { name, firstRow: first }));
      continue;
    }
    firstRowOf.set(key, row + 1);
    info.name = context.names.displayName(name);
    if (fixedLimit !== undefined) info.fixedLimit = context.amounts.units(fixedLimit);
    if (temporaryLimit !== undefined) info.temporaryLimit = context.amounts.units(temporaryLimit);
    if (info.fixedLimit !== undefined && info.temporaryLimit !== undefined) {
      const ceiling: Minor = temporaryCeiling(info.fixedLimit > 0 ? info.fixedLimit : 0, terms);
      if (info.temporaryLimit > ceiling) {
        const scale = context.amounts.scale;
        const values = { temporary: formatExact(info.temporaryLimit, scale), fixed: formatExact(info.fixedLimit, scale), ratio, counted: formatExact(ceiling, scale) };
        reader.report("temporaryLimit", problem("limit.temporaryCapped", values), null);
      }
    }
    customers.push(info);
  }
  return customers;
}
