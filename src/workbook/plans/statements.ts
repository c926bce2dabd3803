/**
 * The statements of account (对账单, POLICY §13) as one sheet: per customer and currency a block —
 * title, period, the opening balance, every invoice, credit note and receipt in date order with a
 * running balance, the closing balance, its aging, and the confirmation slip — blocks one under
 * another with a blank row between.
 */
import { collectionWords } from "../../i18n/collection";
import { fillPlaceholders } from "../../i18n/fill";
import { formatAmount } from "../../rules/letters/format";
import { formatIso, toSerial } from "../../rules/dates";
import { moneyNumber, type Minor } from "../../rules/money";
import type { Policy } from "../../rules/policy-types";
import type { Statement } from "../../rules/statement";
import type { DayNumber, Lang } from "../../rules/types";
import type { PlanCell, PlanFormat, SheetPlan } from "../plan-types";
import { AMOUNT_FORMAT, DATE_FORMAT } from "./formats";
import { sheetName } from "./sheet-names";

/** Columns: date, type, reference, debit, credit, balance (then more when the aging has more buckets). */
const DEBIT = 3;
const BALANCE = 5;

/**
 * The statements as one sheet. Dates are 1900-system serials in column A only (listed in
 * `dateCols`); the aging's amounts start in column B.
 * @param statements from statementsFor, all of one period
 * @param policy bucket labels and the company's name (for the slip)
 * @param scale the report's scale
 * @param lang language of the words
 * @param to the period's last day, for the sheet name
 * @returns the sheet plan
 * @example statementsPlan(statements, DEFAULT_POLICY, 2, "zh-CN", fromYmd(2026, 11, 30)).values[0][0] // "对账单：甲公司"
 */
export function statementsPlan(statements: readonly Statement[], policy: Policy, scale: number, lang: Lang, to: DayNumber): SheetPlan {
  const words = collectionWords(lang).statement;
  const labels = policy.buckets.labels[lang];
  const width = Math.max(BALANCE + 1, labels.length + 2);
  const values: PlanCell[][] = [];
  const formats: PlanFormat[] = [];
  const row = (cells: PlanCell[]): number => {
    values.push([...cells, ...new Array<PlanCell>(width - cells.length).fill(null)]);
    return values.length - 1;
  };
  const money = (amount: Minor): number => moneyNumber(amount, scale);
  const amounts = (at: number, col: number, cols: number): void => {
    formats.push({ row: at, col, rows: 1, cols, numberFormat: AMOUNT_FORMAT });
  };
  for (const statement of statements) {
    if (values.length > 0) row([]);
    formats.push({ row: row([fillPlaceholders(words.title, { customer: statement.customer })]), col: 0, rows: 1, cols: width, bold: true });
    row([fillPlaceholders(words.period, { from: formatIso(statement.from), to: formatIso(statement.to), currency: statement.currency })]);
    const h = words.headers;
    formats.push({ row: row([h.date, h.kind, h.reference, h.debit, h.credit, h.balance]), col: 0, rows: 1, cols: width, mark: "header", bold: true });
    amounts(row(["", fillPlaceholders(words.opening, { date: formatIso(statement.from - 1) }), "", null, null, money(statement.opening)]), BALANCE, 1);
    const firstLine = values.length;
    for (const line of statement.lines) {
      row([toSerial(line.date, "1900"), words.kinds[line.kind], line.reference, line.debit === 0 ? null : money(line.debit), line.credit === 0 ? null : money(line.credit), money(line.balance)]);
    }
    if (statement.lines.length > 0) {
      formats.push({ row: firstLine, col: 0, rows: statement.lines.length, cols: 1, numberFormat: DATE_FORMAT });
      formats.push({ row: firstLine, col: DEBIT, rows: statement.lines.length, cols: 3, numberFormat: AMOUNT_FORMAT });
    }
    const closing = row(["", fillPlaceholders(words.closing, { date: formatIso(statement.to) }), "", null, null, money(statement.closing)]);
    amounts(closing, BALANCE, 1);
    formats.push({ row: closing, col: 0, rows: 1, cols: width, mark: "total", bold: true });
    formats.push({ row: row([words.aging, ...labels, words.unappliedCredit]), col: 0, rows: 1, cols: labels.length + 2, mark: "header", bold: true });
    amounts(row(["", ...statement.buckets.map(money), money(statement.unappliedCredit)]), 1, labels.length + 1);
    row([]);
    const slip = { company: policy.company.name, customer: statement.customer, to: formatIso(statement.to), currency: statement.currency, balance: formatAmount(statement.closing, scale) };
    for (const line of words.slip) row([fillPlaceholders(line, slip)]);
  }
  return {
    name: sheetName("statements", to, lang),
    kind: "statements",
    values: values.length > 0 ? values : [new Array<PlanCell>(width).fill(null)],
    formats,
    conditionalFormats: [],
    columnWidths: [12, 16, 16, 14, 14, 14, ...new Array<number>(width - 6).fill(14)],
    freezeRows: 0,
    freezeCols: 0,
    dateCols: [0],
  };
}
