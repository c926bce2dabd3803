/**
 * AR.BUCKETSUM and AR.INTEREST: the sums finance staff build by hand — the outstanding per aging
 * bucket (a SUMIFS per bucket), and late interest on an invoice paid in parts — through the same
 * rules as the aging job, so a formula and the generated sheet agree to the fen.
 */
import { bucketIndex, daysOverdue } from "../rules/aging";
import { accruedInterest, interestTerms } from "../rules/interest";
import { add, FEN_SCALE, moneyNumber, rescale, subtract } from "../rules/money";
import type { Minor, Scaled } from "../rules/money";
import type { BucketPolicy } from "../rules/policy-types";
import type { Application, DayNumber, Lang } from "../rules/types";
import { asOfSpec, exactText, wholeCall } from "./call";
import { ArgumentError, argumentError, isBlank, mapCells, readAmount, readDate, shownCell, toGrid, today } from "./coerce";
import { functionLanguage, functionPolicy } from "./workbook-policy";

/* eslint-disable @typescript-eslint/no-explicit-any -- any[][] is how custom functions declare a range */

/** A failure at a row of a range: the row is named, the problem kept in its own words. */
function atRow(row: number, error: unknown): unknown {
  if (error instanceof ArgumentError) return argumentError(error.argument, "arg.atRow", { row, inner: error.problem });
  return error;
}

/** Outstanding per bucket, exact, in units of 10^−scale. */
interface BucketTotals {
  totals: Minor[];
  scale: number;
}

/** The amounts summed per bucket of their due dates' days overdue; blank amounts left out. */
function sumByBucket(amounts: unknown, dueDates: unknown, asOf: DayNumber, edges: readonly number[]): BucketTotals {
  const amountGrid = toGrid(amounts);
  const dueGrid = toGrid(dueDates);
  const rows = amountGrid.length;
  const cols = amountGrid[0].length;
  const oneDate = dueGrid.length === 1 && dueGrid[0].length === 1;
  if (!oneDate && (dueGrid.length !== rows || dueGrid[0].length !== cols)) {
    throw argumentError("due_dates", "arg.shape", { rows: dueGrid.length, cols: dueGrid[0].length, mainRows: rows, mainCols: cols });
  }
  const read: { amount: Scaled; bucket: number }[] = [];
  let scale = FEN_SCALE;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cell = amountGrid[r][c];
      if (isBlank(cell)) continue;
      let amount: Scaled;
      let due: DayNumber;
      try {
        amount = readAmount(cell, "amounts");
        const dueCell = oneDate ? dueGrid[0][0] : dueGrid[r][c];
        if (isBlank(dueCell)) throw argumentError("due_dates", "arg.dueDateBlank", {});
        due = readDate(dueCell, "due_dates");
      } catch (error) {
        throw atRow(r + 1, error);
      }
      if (amount.scale > scale) scale = amount.scale;
      read.push({ amount, bucket: bucketIndex(daysOverdue(due, asOf), edges) });
    }
  }
  const totals: Minor[] = new Array<Minor>(edges.length + 1).fill(0);
  for (const { amount, bucket } of read) {
    const units = amount.scale === scale ? amount.units : rescale(amount.units, amount.scale, scale);
    totals[bucket] = add(totals[bucket], units);
  }
  return { totals, scale };
}

/** A bucket named by its label in any language, or by its number 1 to n. */
function bucketReader(buckets: BucketPolicy, lang: Lang): (cell: unknown, name: string) => number {
  const count = buckets.edges.length + 1;
  const byLabel = new Map<string, number>();
  for (const labels of Object.values(buckets.labels)) labels.forEach((label, index) => byLabel.set(label.trim().toLowerCase(), index));
  return (cell, name) => {
    if (typeof cell === "number" && Number.isInteger(cell) && cell >= 1 && cell <= count) return cell - 1;
    const index = typeof cell === "string" ? byLabel.get(cell.trim().toLowerCase()) : undefined;
    if (index === undefined) throw argumentError(name, "arg.unknownBucket", { shown: shownCell(cell), labels: buckets.labels[lang] });
    return index;
  };
}

/**
 * Outstanding per aging bucket: the amounts summed by the bucket their due dates fall in as of a
 * date, with the buckets of the workbook's policy — the SUMIFS per bucket, exact to the fen. Without
 * bucket, one row with every bucket, not due first; with bucket, that bucket's sum (a column of
 * buckets spills a column of sums). Amounts are taken as given, credit notes included.
 * @customfunction BUCKETSUM
 * @param {any[][]} amounts Outstanding amounts in currency units, e.g. a column of open balances.
 * @param {any[][]} due_dates Due dates beside the amounts: date cells or texts like "2026-10-01"; one date serves every amount.
 * @param {any[][]} [bucket] A bucket name as AR.AGING writes it, e.g. "31-60 days", or its number (1 = not due); default every bucket.
 * @param {any[][]} [as_of] As-of date; default today.
 * @returns {Promise<any[][]>} The sum per bucket, to the fen.
 */
export async function bucketsum(amounts: any[][], due_dates: any[][], bucket?: any[][], as_of?: any[][]): Promise<any[][]> {
  const buckets = (await functionPolicy()).buckets;
  const lang = functionLanguage();
  const asOf = wholeCall("as_of", () => readAsOf(as_of), lang);
  const { totals, scale } = wholeCall("amounts", () => sumByBucket(amounts, due_dates, asOf, buckets.edges), lang);
  const sums = totals.map((total) => moneyNumber(total, scale));
  if (toGrid(bucket).every((row) => row.every(isBlank))) return [sums];
  return mapCells({ name: "bucket", value: bucket, coerce: bucketReader(buckets, lang), fallback: 0 }, [], (index) => sums[index], lang);
}

/** One as-of date for the whole call: omitted or blank → today. */
function readAsOf(value: unknown): DayNumber {
  const cell = toGrid(value)[0][0];
  return isBlank(cell) ? today() : readDate(cell, "as_of");
}

/** A dated part payment. */
interface Payment {
  date: DayNumber;
  amount: Scaled;
}

/** The payments of each row of the payment ranges (all cells for one invoice), or the row's failure. */
function paymentRows(dates: unknown, amounts: unknown, invoices: number): (Payment[] | ArgumentError)[] {
  const dateGrid = toGrid(dates);
  const amountGrid = toGrid(amounts);
  if (amountGrid.length !== dateGrid.length || amountGrid[0].length !== dateGrid[0].length) {
    throw argumentError("payment_amounts", "arg.shape", { rows: amountGrid.length, cols: amountGrid[0].length, mainRows: dateGrid.length, mainCols: dateGrid[0].length });
  }
  // No payments at all, for any number of invoices.
  if (dateGrid.every((row, r) => row.every((cell, c) => isBlank(cell) && isBlank(amountGrid[r][c])))) return new Array<Payment[]>(invoices).fill([]);
  // One invoice owns every cell; several own a row each.
  const rows = invoices === 1 ? [dateGrid.flat()] : dateGrid;
  const amountRows = invoices === 1 ? [amountGrid.flat()] : amountGrid;
  if (rows.length !== invoices) throw argumentError("payment_dates", "arg.rowsPerMain", { rows: rows.length, mainRows: invoices });
  return rows.map((row, r) => {
    const payments: Payment[] = [];
    try {
      row.forEach((dateCell, position) => {
        const amountCell = amountRows[r][position];
        if (isBlank(dateCell) && isBlank(amountCell)) return;
        if (isBlank(dateCell)) throw argumentError("payment_dates", "arg.paymentDateBlank", { position: position + 1 });
        if (isBlank(amountCell)) throw argumentError("payment_amounts", "arg.paymentAmountBlank", { position: position + 1 });
        const amount = readAmount(amountCell, "payment_amounts");
        if (amount.units < 0) throw argumentError("payment_amounts", "arg.negativeAmount", { value: exactText(amount) });
        payments.push({ date: readDate(dateCell, "payment_dates"), amount });
      });
    } catch (error) {
      if (error instanceof ArgumentError) return error;
      throw error;
    }
    return payments.sort((a, b) => a.date - b.date);
  });
}

/**
 * Late interest on one invoice paid in parts, declining as the payments arrive: each payment
 * dated by the as-of date settles the balance in date order (never more than is open), and
 * interest runs from the day after due date + grace days on what was open each day — the aging
 * job's interest on the same invoice, with the rate, grace days and cap of the workbook's policy.
 * E.g. 100,000 due 2026-01-01, 40,000 paid 2026-01-11, as of 2026-01-31, 0.05 % a day: 1,100.00.
 * @customfunction INTEREST
 * @param {any[][]} amount Invoice amount in currency units; a column for several invoices.
 * @param {any[][]} due_date Due date: a date cell or a date text like "2026-01-01".
 * @param {any[][]} payment_dates Dates of the part payments: a row or column for one invoice, one row per invoice for several; blank cells for none.
 * @param {any[][]} payment_amounts Amounts of the part payments, beside their dates.
 * @param {any[][]} [as_of] As-of date; default today. Payments after it are left out.
 * @returns {Promise<any[][]>} The late interest, to the fen.
 */
export async function interest(
  amount: any[][],
  due_date: any[][],
  payment_dates: any[][],
  payment_amounts: any[][],
  as_of?: any[][],
): Promise<any[][]> {
  const terms = interestTerms(await functionPolicy());
  const lang = functionLanguage();
  const amountGrid = toGrid(amount);
  const invoices = amountGrid.length;
  const payments = wholeCall("payment_dates", () => paymentRows(payment_dates, payment_amounts, invoices), lang);
  // Each invoice cell gets its row's payments, so that mapCells pairs them like any other argument.
  const paymentsByCell = amountGrid.map((cells, r) => cells.map(() => payments[invoices === 1 ? 0 : r]));
  return mapCells(
    { name: "amount", value: amountGrid, coerce: readAmount, fallback: { units: 0, scale: FEN_SCALE } },
    [
      { name: "due_date", value: due_date, coerce: readDate, fallback: null },
      asOfSpec(as_of, today()),
      { name: "payment_dates", value: paymentsByCell, coerce: paymentsOrFailure, fallback: [] },
    ],
    (invoice, [due, asOf, paid]) => {
      if (due === null) throw argumentError("due_date", "arg.dueDateBlank", {});
      return invoiceInterest(invoice, paid as Payment[], due as DayNumber, asOf as DayNumber, terms);
    },
    lang,
  );
}

/** A row's payments, or its failure thrown where the invoice's cell shows it. */
function paymentsOrFailure(cell: unknown): Payment[] {
  if (cell instanceof ArgumentError) throw cell;
  return cell as Payment[];
}

/** The accrued interest of one invoice and its payments, to the fen. */
function invoiceInterest(invoice: Scaled, payments: readonly Payment[], due: DayNumber, asOf: DayNumber, terms: ReturnType<typeof interestTerms>): number {
  if (invoice.units <= 0) return 0;
  const counted = payments.filter((payment) => payment.date <= asOf);
  const scale = Math.max(invoice.scale, ...counted.map((payment) => payment.amount.scale));
  const amount = rescale(invoice.units, invoice.scale, scale);
  let open: Minor = amount;
  const applications: Application[] = [];
  for (const payment of counted) {
    if (open <= 0) break;
    const units = rescale(payment.amount.units, payment.amount.scale, scale);
    const applied = units < open ? units : open;
    applications.push({ date: payment.date, amount: applied, kind: "payment" });
    open = subtract(open, applied);
  }
  return moneyNumber(accruedInterest(applications, open, amount, due + terms.graceDays, asOf, terms, scale), scale);
}
