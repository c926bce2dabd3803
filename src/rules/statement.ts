/**
 * Statements of account (对账单, POLICY §13): per customer and currency and a period, the balance
 * the day before it, every invoice, credit note and receipt in it in date order with a running
 * balance, and the balance at its end. The balance on a day is what the ledger applied as of that
 * day owes: invoices and credit notes dated on or before it (undated ones always) less the received
 * column of invoices, less the receipts dated on or before it (undated ones always) — so the closing
 * balance is the aging's outstanding less the unapplied credit as of the period's end, to the fen.
 */
import { accountKey, groupByAccount } from "./accounts";
import { compareInvoiceNumbers } from "./fifo-order";
import { add, negate, type Minor } from "./money";
import type { Policy } from "./policy-types";
import type { CustomerInfo, CustomerReport, DayNumber, Invoice, Ledger, Payment, Report, SourceRef } from "./types";

/** What a statement line is. */
export type StatementLineKind = "invoice" | "creditNote" | "received" | "payment";

/** One line of a statement. */
export interface StatementLine {
  date: DayNumber;
  kind: StatementLineKind;
  /** The invoice number, or the one a receipt names ("" when none). */
  reference: string;
  /** What the line adds to the balance (an invoice); 0 otherwise. */
  debit: Minor;
  /** What the line takes off (a credit note, cash); 0 otherwise. */
  credit: Minor;
  /** The balance after the line. */
  balance: Minor;
  source?: SourceRef;
}

/** A statement of one account for one period; amounts in the ledger's scale. */
export interface Statement {
  customer: string;
  currency: string;
  info?: CustomerInfo;
  from: DayNumber;
  to: DayNumber;
  /** The balance at the end of the day before `from`. */
  opening: Minor;
  lines: StatementLine[];
  /** The balance at the end of `to`: opening + Σ debit − Σ credit. */
  closing: Minor;
  /** The aging of the closing balance: the report's buckets as of `to` (they add up to `outstanding`). */
  buckets: Minor[];
  outstanding: Minor;
  /** Cash and credit not applied to any invoice as of `to`; closing = outstanding − unappliedCredit. */
  unappliedCredit: Minor;
}

const KIND_ORDER: Record<StatementLineKind, number> = { invoice: 0, creditNote: 1, received: 2, payment: 3 };

interface Movement {
  date: DayNumber | null;
  kind: StatementLineKind;
  reference: string;
  /** + adds to the balance, − takes off. */
  amount: Minor;
  source?: SourceRef;
}

/**
 * The movements of an invoice row: the invoice or credit note, and its received column (the ledger
 * applies the received column of invoices and of zero-amount rows, never of a credit note).
 */
function invoiceMovements(invoice: Invoice, out: Movement[]): void {
  const source = invoice.row === undefined ? undefined : { sheet: invoice.sheet ?? "", row: invoice.row };
  const base = { date: invoice.invoiceDate, reference: invoice.invoiceNo, source };
  if (invoice.amount !== 0) out.push({ ...base, kind: invoice.amount > 0 ? "invoice" : "creditNote", amount: invoice.amount });
  if (invoice.received !== 0 && invoice.amount >= 0) out.push({ ...base, kind: "received", amount: negate(invoice.received) });
}

function paymentMovement(payment: Payment): Movement {
  return { date: payment.date, kind: "payment", reference: payment.invoiceRef?.trim() ?? "", amount: negate(payment.amount), source: payment.source };
}

function byDate(a: Movement, b: Movement): number {
  return (a.date as DayNumber) - (b.date as DayNumber) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareInvoiceNumbers(a.reference, b.reference);
}

/**
 * The statement of one account from the report as of the period's end.
 * @param customer the account's report as of `to` (its buckets are the closing balance's aging)
 * @param movements every movement of the account
 * @param from the period's first day
 * @param to the period's last day (the report's as-of date)
 * @returns the statement
 */
function statementOf(customer: CustomerReport, movements: readonly Movement[], from: DayNumber, to: DayNumber): Statement {
  let opening: Minor = 0;
  const inPeriod: Movement[] = [];
  for (const movement of movements) {
    if (movement.date === null || movement.date < from) opening = add(opening, movement.amount);
    else if (movement.date <= to) inPeriod.push(movement);
  }
  inPeriod.sort(byDate);
  let balance = opening;
  const lines = inPeriod.map((movement): StatementLine => {
    balance = add(balance, movement.amount);
    const line: StatementLine = {
      date: movement.date as DayNumber,
      kind: movement.kind,
      reference: movement.reference,
      debit: movement.amount > 0 ? movement.amount : 0,
      credit: movement.amount < 0 ? negate(movement.amount) : 0,
      balance,
    };
    if (movement.source !== undefined) line.source = movement.source;
    return line;
  });
  const statement: Statement = {
    customer: customer.customer,
    currency: customer.currency,
    from,
    to,
    opening,
    lines,
    closing: balance,
    buckets: customer.buckets,
    outstanding: customer.outstanding,
    unappliedCredit: customer.unappliedCredit,
  };
  if (customer.info !== undefined) statement.info = customer.info;
  return statement;
}

/** Options of `statementsFor`. */
export interface StatementOptions {
  /** Only these customers (names as the report shows them); all by default. */
  customers?: readonly string[];
}

/**
 * The statements of every account of a report for a period: each account with a line in the
 * period or a balance at either end.
 * @param ledger the ledger the report was built from
 * @param report the report as of the period's last day (`to` = report.asOf)
 * @param from the period's first day (on or before `to`)
 * @param policy the policy the report was built with
 * @param options only some customers
 * @returns one statement per account, in the report's order
 * @example
 * // 甲公司: INV-1 20,000.00 of 2026-10-10 before the period; INV-2 5,000.00 on 11-05; 12,000.00 received 11-20
 * statementsFor(ledger, buildReport(ledger, fromYmd(2026, 11, 30), DEFAULT_POLICY), fromYmd(2026, 11, 1), DEFAULT_POLICY)[0]
 * // opening 2000000, lines [+500000 → 2500000, −1200000 → 1300000], closing 1300000 (= outstanding 13,000.00)
 */
export function statementsFor(ledger: Ledger, report: Report, from: DayNumber, policy: Policy, options: StatementOptions = {}): Statement[] {
  const to = report.asOf;
  const wanted = options.customers === undefined ? null : new Set(options.customers.map((name) => name.trim()));
  const invoices = groupByAccount(ledger.invoices, policy, () => true);
  const payments = groupByAccount(ledger.payments, policy, () => true);
  const statements: Statement[] = [];
  for (const customer of report.customers) {
    if (wanted !== null && !wanted.has(customer.customer)) continue;
    const key = accountKey(customer.customer, customer.currency);
    const movements: Movement[] = [];
    for (const invoice of invoices.get(key) ?? []) invoiceMovements(invoice, movements);
    for (const payment of payments.get(key) ?? []) if (payment.amount !== 0) movements.push(paymentMovement(payment));
    const statement = statementOf(customer, movements, from, to);
    if (statement.lines.length > 0 || statement.opening !== 0 || statement.closing !== 0) statements.push(statement);
  }
  return statements;
}

