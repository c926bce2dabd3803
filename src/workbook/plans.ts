/**
 * Layouts of the generated sheets as plain data (`SheetPlan`): aging summary, open-invoice
 * detail, over-limit / stop-shipping flags, drafted letters and data errors. Pure: no Excel, no
 * exceljs. Customer-supplied text is placed as plain strings (adapters write strings as text),
 * and no formula is ever built from data. Amounts are written as numbers rounded to the fen
 * (the named point "shown") with the format `#,##0.00`; percents as fractions with `0.0%`.
 */
import { decimalFromFen, fenOf, shownAmount } from "../rules/fen";
import { fillLabel, labelsFor, reasonLabel, type SheetKind } from "../i18n/labels";
import { formatIso, LAST_EXCEL_DAY, toSerial } from "../rules/dates";
import { LedgerState, outstandingFenOf } from "../rules/ledger";
import { formatFen, sum, ZERO, type Decimal } from "../rules/money";
import type { Policy } from "../rules/policy-types";
import type { AgedItem, CustomerReport, DayNumber, InvoiceState, Lang, Report, RowError, StageId, StopReason } from "../rules/types";
import type { Mark, PlanCell, PlanChart, PlanConditionalFormat, PlanFormat, SheetPlan } from "./plan-types";
import { MAX_SHEET_NAME_LENGTH, sanitizeSheetName, shortenSheetName } from "./excel-limits";

/** Number format of amount cells. */
export const AMOUNT_FORMAT = "#,##0.00";
/** Number format of percent cells (values are fractions). */
export const PERCENT_FORMAT = "0.0%";
/** Number format of date cells (values are 1900-system serials). */
export const DATE_FORMAT = "yyyy-mm-dd";
/** How many customers the aging chart shows. */
export const CHART_TOP = 10;

/**
 * The localized, dated name of a generated sheet, at most 31 characters.
 * @param kind which generated sheet
 * @param asOf the report date
 * @param lang language of the sheet word
 * @returns the sheet name
 * @example sheetName("aging", fromYmd(2026, 11, 23), "zh-CN") // "账龄分析 2026-11-23"
 */
export function sheetName(kind: SheetKind, asOf: DayNumber, lang: Lang): string {
  const date = formatIso(asOf);
  const room = MAX_SHEET_NAME_LENGTH - date.length - 1;
  const word = shortenSheetName(labelsFor(lang).sheetWords[kind], room);
  return sanitizeSheetName(`${word} ${date}`);
}



/**
 * An item's outstanding in whole fen: for the rules' own states outstandingFenOf (rules/ledger.ts),
 * which makes no Decimal the rules kept in fen; for others fenOf, without reading the digits
 * again when the outstanding is the amount itself (nothing was applied).
 * @param state the item's state
 * @param amountFen fenOf(state.invoice.amount)
 * @returns 100 × outstanding, or NaN when it is not whole fen
 */
function outstandingFen(state: InvoiceState, amountFen: number): number {
  if (!(state instanceof LedgerState)) {
    const outstanding = state.outstanding;
    return outstanding === state.invoice.amount ? amountFen : fenOf(outstanding);
  }
  return outstandingFenOf(state);
}

/**
 * An item's interest in whole fen (fenOf(item.interest)).
 * @param item an aged item
 * @returns 100 × interest, or NaN when it is not whole fen
 */
function interestFen(item: AgedItem): number {
  const interest = item.interest;
  return interest === ZERO ? 0 : fenOf(interest);
}

/**
 * The number an amount cell shows, as `shownAmount` (rules/fen.ts): half-up to the fen.
 * @param amount any Decimal
 * @returns the shown number
 * @example amountCell(toDecimal("1063.125")) // 1063.13
 */
function amountCell(amount: Decimal): number {
  const fen = fenOf(amount);
  return fen === fen ? fen / 100 : shownAmount(amount);
}

/** A fraction for a `0.0%` cell, or blank when the denominator is zero. */
function fractionCell(part: Decimal, whole: Decimal): number | null {
  if (whole.isZero()) return null;
  return Number(part.div(whole).toDecimalPlaces(6).toString());
}

/** "1234567.8" → "1,234,567.80", for thresholds quoted in labels. */
function groupedAmount(amount: Decimal): string {
  const [whole, fraction] = formatFen(amount).split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
}

/**
 * The localized label of an escalation stage, or "" for none; an id missing from the policy is
 * shown as itself.
 * @param stage stage id or null
 * @param policy policy holding the ladder
 * @param lang language
 * @returns the label
 * @example stageLabel("formal", DEFAULT_POLICY, "zh-CN") // "正式催款函"
 */
export function stageLabel(stage: StageId | null, policy: Policy | undefined, lang: Lang): string {
  if (stage === null) return "";
  const found = policy?.escalation.find((candidate) => candidate.id === stage);
  return found ? found.labels[lang] : stage;
}

/**
 * The localized labels of stop-shipping reasons, thresholds filled from the policy.
 * @param reasons reason codes
 * @param policy policy with the thresholds
 * @param lang language
 * @returns one label per reason
 * @example reasonLabels(["overdueDays"], DEFAULT_POLICY, "zh-CN") // ["有发票逾期超过60天"]
 */
export function reasonLabels(reasons: StopReason[], policy: Policy, lang: Lang): string[] {
  const thresholds = {
    days: policy.stopShipping.maxDaysOverdue,
    amount: groupedAmount(policy.stopShipping.maxOverdueTotal),
  };
  return reasons.map((reason) => reasonLabel(reason, lang, thresholds));
}

/**
 * The localized stop-shipping reasons of a customer joined into one cell.
 * @param reasons reason codes
 * @param policy policy with the thresholds
 * @param lang language
 * @returns labels joined with the language's separator
 * @example reasonsText(["overLimit", "gradeD"], DEFAULT_POLICY, "en") // "Over credit limit; Grade D with a balance outstanding"
 */
export function reasonsText(reasons: StopReason[], policy: Policy, lang: Lang): string {
  return reasonLabels(reasons, policy, lang).join(labelsFor(lang).reasonSeparator);
}

/**
 * The grade as shown: the effective grade, with the computed one beside it when finance typed
 * an override that differs.
 * @param customer customer report
 * @param lang language
 * @returns e.g. "B (计算: D)"
 * @example gradeText({ grade: "B", computedGrade: "D", … }, "zh-CN") // "B (计算: D)"
 */
export function gradeText(customer: Pick<CustomerReport, "grade" | "computedGrade">, lang: Lang): string {
  if (customer.grade === customer.computedGrade) return customer.grade;
  return fillLabel(labelsFor(lang).gradeOverridden, { grade: customer.grade, computed: customer.computedGrade });
}

/** The salesperson from the customer table, else from the first invoice naming one. */
function salespersonOf(customer: CustomerReport): string {
  if (customer.info?.salesperson) return customer.info.salesperson;
  const named = customer.items.find((item) => item.state.invoice.salesperson);
  return named?.state.invoice.salesperson ?? "";
}

/**
 * The currencies present in a report's customers: the policy currency first, then alphabetical.
 * @param customers customer reports
 * @param policy the policy (its currency goes first)
 * @returns currency codes, each once
 * @example currenciesOf([usdCustomer, cnyCustomer], DEFAULT_POLICY) // ["CNY", "USD"]
 */
export function currenciesOf(customers: CustomerReport[], policy: Policy): string[] {
  const present = Array.from(new Set(customers.map((customer) => customer.currency)));
  return present.sort((a, b) => {
    if (a === policy.currency) return -1;
    if (b === policy.currency) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/**
 * Colour of a bucket column: the first (not due) green, the last two red, the ones between amber.
 * @param index bucket index from the policy
 * @param bucketCount number of policy buckets
 * @returns the mark for its conditional format
 * @example [0, 1, 2, 3, 4].map((i) => bucketMark(i, 5)) // ["green", "amber", "amber", "red", "red"]
 */
export function bucketMark(index: number, bucketCount: number): Mark {
  if (index === 0) return "green";
  if (index >= bucketCount - 2) return "red";
  return "amber";
}

/** Pads every row to the same width with blanks. */
function rectangular(rows: PlanCell[][]): PlanCell[][] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return rows.map((row) => (row.length < width ? [...row, ...new Array<PlanCell>(width - row.length).fill(null)] : row));
}

/** A header-row format over `cols` columns. */
function headerFormat(cols: number): PlanFormat {
  return { row: 0, col: 0, rows: 1, cols, mark: "header", bold: true };
}

/** Number formats over runs of columns, for `rows` data rows below the header. */
function columnFormats(columns: number[], numberFormat: string, rows: number): PlanFormat[] {
  if (rows === 0) return [];
  return columns.map((col) => ({ row: 1, col, rows, cols: 1, numberFormat }));
}

/**
 * Column positions of the aging summary for a policy with `bucketCount` buckets.
 * @param bucketCount number of policy buckets
 * @returns column indexes (0-based) by field, `buckets` being the first bucket column
 * @example agingColumns(5).overdue // 11
 */
export function agingColumns(bucketCount: number) {
  const after = 6 + bucketCount;
  return {
    customer: 0,
    currency: 1,
    salesperson: 2,
    grade: 3,
    effectiveLimit: 4,
    outstanding: 5,
    buckets: 6,
    overdue: after,
    overduePct: after + 1,
    interest: after + 2,
    unappliedCredit: after + 3,
    excess: after + 4,
    limitUsedPct: after + 5,
    stopShipping: after + 6,
    reasons: after + 7,
    stage: after + 8,
    count: after + 9,
  };
}

/** Totals of one currency, exact until shown. */
interface CurrencyTotals {
  outstanding: Decimal;
  buckets: Decimal[];
  overdue: Decimal;
  interest: Decimal;
  unappliedCredit: Decimal;
  excess: Decimal;
}

/**
 * Exact totals of the customers of one currency (never across currencies).
 * @param customers customer reports, all of `currency` or mixed (others are skipped)
 * @param currency currency to total
 * @param bucketCount number of policy buckets
 * @returns sums of outstanding, buckets, overdue, interest, unapplied credit and excess
 * @example currencyTotals(report.customers, "CNY", 5).outstanding.toString() // "1500"
 */
export function currencyTotals(customers: CustomerReport[], currency: string, bucketCount: number): CurrencyTotals {
  const mine = customers.filter((customer) => customer.currency === currency);
  return {
    outstanding: sum(mine.map((customer) => customer.outstanding)),
    buckets: Array.from({ length: bucketCount }, (_, index) => sum(mine.map((customer) => customer.buckets[index] ?? ZERO))),
    overdue: sum(mine.map((customer) => customer.overdue)),
    interest: sum(mine.map((customer) => customer.interest)),
    unappliedCredit: sum(mine.map((customer) => customer.unappliedCredit)),
    excess: sum(mine.map((customer) => customer.excess)),
  };
}

/**
 * The exact sum of some amounts in fen, when every one is whole fen (fenOf) and no partial
 * sum can leave the integers doubles hold exactly (the sum of their sizes stays below 2^53).
 * @param amounts the amounts
 * @returns the sum × 100, or NaN when it must be summed as Decimals
 */
function fenTotal(amounts: readonly Decimal[]): number {
  let total = 0;
  let size = 0;
  for (const amount of amounts) {
    const fen = fenOf(amount);
    if (fen !== fen) return NaN;
    total += fen;
    size += fen < 0 ? -fen : fen;
  }
  return size <= Number.MAX_SAFE_INTEGER ? total : NaN;
}

/** The totals row of one currency as shown, with the exact totals a percentage needs. */
function shownTotals(customers: CustomerReport[], currency: string, bucketCount: number) {
  const mine = customers.filter((customer) => customer.currency === currency);
  const shown = (amounts: Decimal[]): number => {
    const fen = fenTotal(amounts);
    return fen === fen ? fen / 100 : amountCell(sum(amounts));
  };
  const exact = (amounts: Decimal[]): Decimal => {
    const fen = fenTotal(amounts);
    return fen === fen ? decimalFromFen(fen) : sum(amounts);
  };
  const outstanding = mine.map((customer) => customer.outstanding);
  const overdue = mine.map((customer) => customer.overdue);
  return {
    outstanding: shown(outstanding),
    buckets: Array.from({ length: bucketCount }, (_, index) => shown(mine.map((customer) => customer.buckets[index] ?? ZERO))),
    overdue: shown(overdue),
    overduePct: fractionCell(exact(overdue), exact(outstanding)),
    interest: shown(mine.map((customer) => customer.interest)),
    unappliedCredit: shown(mine.map((customer) => customer.unappliedCredit)),
    excess: shown(mine.map((customer) => customer.excess)),
  };
}

/**
 * The localized stop-shipping reasons joined into one cell (reasonsText), remembered per list of
 * reasons: a summary of thousands of customers has a handful of different lists.
 * @param policy policy with the thresholds
 * @param lang language
 * @returns reasons → their text
 */
function reasonTexts(policy: Policy, lang: Lang): (reasons: StopReason[]) => string {
  const texts = new Map<string, string>();
  return (reasons) => {
    if (reasons.length === 0) return "";
    const key = reasons.join("\u0000");
    let text = texts.get(key);
    if (text === undefined) {
      text = reasonsText(reasons, policy, lang);
      texts.set(key, text);
    }
    return text;
  };
}

/**
 * The aging summary: one row per customer and currency, then one totals row per currency
 * (currencies are never added together), bucket colours as conditional formats, and a stacked
 * bar chart of the buckets of the top 10 customers (policy currency first) whose data block
 * sits to the right of the table after one blank column.
 * @param report the report
 * @param policy the policy (bucket and stage labels, thresholds)
 * @param lang language of headers and words
 * @returns the sheet plan
 * @example agingPlan(report, DEFAULT_POLICY, "zh-CN").values[0][0] // "客户"
 */
export function agingPlan(report: Report, policy: Policy, lang: Lang): SheetPlan {
  const words = labelsFor(lang);
  const bucketLabels = policy.buckets.labels[lang];
  const bucketCount = bucketLabels.length;
  const columns = agingColumns(bucketCount);
  const currencies = currenciesOf(report.customers, policy);
  const ordered = currencies.flatMap((currency) => report.customers.filter((customer) => customer.currency === currency));

  const header: PlanCell[] = [
    words.aging.customer,
    words.aging.currency,
    words.aging.salesperson,
    words.aging.grade,
    words.aging.effectiveLimit,
    words.aging.outstanding,
    ...bucketLabels,
    words.aging.overdue,
    words.aging.overduePct,
    words.aging.interest,
    words.aging.unappliedCredit,
    words.aging.excess,
    words.aging.limitUsedPct,
    words.aging.stopShipping,
    words.aging.reasons,
    words.aging.stage,
  ];
  const reasonsOf = reasonTexts(policy, lang);
  const customerRows: PlanCell[][] = ordered.map((customer) => [
    customer.customer,
    customer.currency,
    salespersonOf(customer),
    gradeText(customer, lang),
    amountCell(customer.effectiveLimit),
    amountCell(customer.outstanding),
    ...customer.buckets.map(amountCell),
    amountCell(customer.overdue),
    fractionCell(customer.overdue, customer.outstanding),
    amountCell(customer.interest),
    amountCell(customer.unappliedCredit),
    amountCell(customer.excess),
    customer.limitUsedPct === null ? null : Number(customer.limitUsedPct.div(100).toDecimalPlaces(6).toString()),
    customer.stopShipping ? words.yes : words.no,
    reasonsOf(customer.reasons),
    stageLabel(customer.stage, policy, lang),
  ]);
  const totalRows: PlanCell[][] = currencies.map((currency) => {
    const totals = shownTotals(report.customers, currency, bucketCount);
    return [
      fillLabel(words.totalRow, { currency }),
      currency,
      null,
      null,
      null,
      totals.outstanding,
      ...totals.buckets,
      totals.overdue,
      totals.overduePct,
      totals.interest,
      totals.unappliedCredit,
      totals.excess,
      null,
      null,
      null,
      null,
    ];
  });

  const tableRows = [header, ...customerRows, ...totalRows];
  const dataRows = customerRows.length + totalRows.length;
  const amountColumns = [
    columns.effectiveLimit,
    columns.outstanding,
    ...bucketLabels.map((_, index) => columns.buckets + index),
    columns.overdue,
    columns.interest,
    columns.unappliedCredit,
    columns.excess,
  ];
  const formats: PlanFormat[] = [
    headerFormat(columns.count),
    ...columnFormats(amountColumns, AMOUNT_FORMAT, dataRows),
    ...columnFormats([columns.overduePct, columns.limitUsedPct], PERCENT_FORMAT, dataRows),
  ];
  if (totalRows.length > 0) {
    formats.push({ row: 1 + customerRows.length, col: 0, rows: totalRows.length, cols: columns.count, mark: "total", bold: true });
  }
  const conditionalFormats: PlanConditionalFormat[] =
    customerRows.length === 0
      ? []
      : bucketLabels.map((_, index) => ({
          row: 1,
          col: columns.buckets + index,
          rows: customerRows.length,
          cols: 1,
          mark: bucketMark(index, bucketCount),
          greaterThan: 0,
        }));

  const columnWidths = [24, 8, 12, 14, 14, 14, ...bucketLabels.map(() => 13), 14, 10, 12, 14, 14, 12, 10, 36, 16];
  const plan: SheetPlan = {
    name: sheetName("aging", report.asOf, lang),
    kind: "aging",
    values: tableRows,
    formats,
    conditionalFormats,
    columnWidths,
    freezeRows: 1,
    freezeCols: 1,
  };
  if (currencies.length > 0) addChart(plan, report.customers, currencies[0], bucketLabels, lang);
  plan.values = rectangular(plan.values);
  return plan;
}

/** Adds the chart data block right of the table (after one blank column) and the chart over it. */
function addChart(plan: SheetPlan, customers: CustomerReport[], currency: string, bucketLabels: string[], lang: Lang): void {
  const words = labelsFor(lang);
  const top = customers
    .filter((customer) => customer.currency === currency && customer.outstanding.greaterThan(0))
    .sort((a, b) => b.outstanding.comparedTo(a.outstanding))
    .slice(0, CHART_TOP);
  if (top.length === 0) return;
  const dataCol = plan.values[0].length + 1;
  const block: PlanCell[][] = [
    [words.aging.customer, ...bucketLabels],
    ...top.map((customer) => [customer.customer, ...customer.buckets.map(amountCell)] as PlanCell[]),
  ];
  const width = dataCol + block[0].length;
  const height = Math.max(plan.values.length, block.length);
  const values: PlanCell[][] = [];
  for (let row = 0; row < height; row += 1) {
    const left = plan.values[row] ?? [];
    const padded = [...left, ...new Array<PlanCell>(dataCol - left.length).fill(null)];
    values.push(row < block.length ? [...padded, ...block[row]] : [...padded, ...new Array<PlanCell>(width - dataCol).fill(null)]);
  }
  plan.values = values;
  plan.formats.push(
    { row: 0, col: dataCol, rows: 1, cols: block[0].length, mark: "header", bold: true },
    { row: 1, col: dataCol + 1, rows: top.length, cols: bucketLabels.length, numberFormat: AMOUNT_FORMAT },
  );
  while (plan.columnWidths.length < dataCol) plan.columnWidths.push(3);
  plan.columnWidths.push(24, ...bucketLabels.map(() => 12));
  const chart: PlanChart = {
    type: "barStacked",
    title: fillLabel(words.chartTitle, { count: top.length, currency }),
    dataRow: 0,
    dataCol,
    dataRows: block.length,
    dataCols: block[0].length,
    anchorRow: block.length + 1,
    anchorCol: dataCol,
  };
  plan.chart = chart;
}

/** The stage an invoice's own days overdue fall in (disputed invoices have none). */
function invoiceStage(daysOverdue: number, disputed: boolean, policy: Policy): StageId | null {
  if (disputed) return null;
  const stage = policy.escalation.find(
    (candidate) => daysOverdue >= candidate.fromDays && (candidate.toDays === null || daysOverdue <= candidate.toDays),
  );
  return stage ? stage.id : null;
}

/**
 * The stage label of a non-disputed invoice by its days overdue, remembered per number of days:
 * a detail sheet of 100,000 invoices asks about a few hundred distinct days.
 * @param policy the policy holding the ladder
 * @param lang language
 * @returns days overdue → `stageLabel(invoiceStage(days, false, policy), policy, lang)`
 */
function stageLabels(policy: Policy, lang: Lang): (daysOverdue: number) => string {
  const labels = new Map<number, string>();
  return (daysOverdue) => {
    let label = labels.get(daysOverdue);
    if (label === undefined) {
      label = stageLabel(invoiceStage(daysOverdue, false, policy), policy, lang);
      labels.set(daysOverdue, label);
    }
    return label;
  };
}

/** `toSerial(day, "1900")`, without the detour for the days from 1900-03-01 on (where serial = day). */
function serial1900(day: DayNumber): number {
  return day > 60 && day <= LAST_EXCEL_DAY && Number.isInteger(day) ? day : toSerial(day, "1900");
}

/**
 * The open-invoice detail: one row per open invoice of every customer. Dates are 1900-system
 * serials formatted `yyyy-mm-dd`, listed in `dateCols` so an adapter can shift them for a
 * 1904-system workbook.
 * @param report the report
 * @param policy the policy (bucket and stage labels)
 * @param lang language
 * @returns the sheet plan
 * @example detailPlan(report, DEFAULT_POLICY, "en").values[0][2] // "Invoice no."
 */
export function detailPlan(report: Report, policy: Policy, lang: Lang): SheetPlan {
  const words = labelsFor(lang);
  const headers = words.detail;
  const bucketLabels = policy.buckets.labels[lang];
  const header: PlanCell[] = [
    headers.customer,
    headers.currency,
    headers.invoiceNo,
    headers.invoiceDate,
    headers.dueDate,
    headers.amount,
    headers.applied,
    headers.outstanding,
    headers.daysOverdue,
    headers.bucket,
    headers.interest,
    headers.disputed,
    headers.stage,
  ];
  const currencies = currenciesOf(report.customers, policy);
  const stageOf = stageLabels(policy, lang);
  const values: PlanCell[][] = [header];
  for (const currency of currencies) {
    for (const customer of report.customers) {
      if (customer.currency !== currency) continue;
      for (const item of customer.items) {
        const state = item.state;
        const invoice = state.invoice;
        // Amounts as shown (shownAmount): whole fen ÷ 100 is the shown number (fen.ts), also for
        // applied = amount − outstanding when both are whole fen (the difference stays exact).
        const amountFen = fenOf(invoice.amount);
        const openFen = outstandingFen(state, amountFen);
        const chargedFen = interestFen(item);
        const appliedFen = amountFen - openFen;
        const applied = Number.isSafeInteger(appliedFen) ? appliedFen / 100 : shownAmount(invoice.amount.minus(state.outstanding));
        values.push([
          customer.customer,
          customer.currency,
          invoice.invoiceNo,
          invoice.invoiceDate === null ? null : serial1900(invoice.invoiceDate),
          serial1900(invoice.dueDate),
          amountFen === amountFen ? amountFen / 100 : shownAmount(invoice.amount),
          applied,
          Number.isSafeInteger(openFen) ? openFen / 100 : shownAmount(state.outstanding),
          item.daysOverdue,
          bucketLabels[item.bucket] ?? "",
          chargedFen === chargedFen ? chargedFen / 100 : shownAmount(item.interest),
          invoice.disputed ? words.yes : words.no,
          invoice.disputed ? stageLabel(null, policy, lang) : stageOf(item.daysOverdue),
        ]);
      }
    }
  }
  const rows = values.length - 1;
  return {
    name: sheetName("detail", report.asOf, lang),
    kind: "detail",
    values,
    formats: [
      headerFormat(header.length),
      ...columnFormats([3, 4], DATE_FORMAT, rows),
      ...columnFormats([5, 6, 7, 10], AMOUNT_FORMAT, rows),
    ],
    conditionalFormats: [],
    columnWidths: [24, 8, 16, 12, 12, 14, 14, 14, 10, 12, 12, 8, 16],
    freezeRows: 1,
    freezeCols: 1,
    dateCols: [3, 4],
  };
}

/**
 * Most at risk first: stop shipping before not, then larger excess, then larger overdue.
 * @param a customer report
 * @param b customer report
 * @returns negative when `a` comes first
 * @example [low, high].sort(compareRisk) // [high, low]
 */
export function compareRisk(a: CustomerReport, b: CustomerReport): number {
  if (a.stopShipping !== b.stopShipping) return a.stopShipping ? -1 : 1;
  const byExcess = b.excess.comparedTo(a.excess);
  if (byExcess !== 0) return byExcess;
  return b.overdue.comparedTo(a.overdue);
}

/**
 * Customers over their limit or to stop shipping, most at risk first.
 * @param report the report
 * @returns flagged customer reports, sorted by `compareRisk`
 * @example flaggedCustomers(report).map((c) => c.customer) // ["乙公司", "甲公司"]
 */
export function flaggedCustomers(report: Report): CustomerReport[] {
  return report.customers.filter((customer) => customer.overLimit || customer.stopShipping).sort(compareRisk);
}

/**
 * The over-limit / stop-shipping list, most at risk first.
 * @param report the report
 * @param policy the policy (stage labels, thresholds)
 * @param lang language
 * @returns the sheet plan (header only when no customer is flagged)
 * @example flagsPlan(report, DEFAULT_POLICY, "zh-CN").name // "超额度停货 2026-11-23"
 */
export function flagsPlan(report: Report, policy: Policy, lang: Lang): SheetPlan {
  const words = labelsFor(lang);
  const headers = words.flags;
  const header: PlanCell[] = [
    headers.customer,
    headers.currency,
    headers.grade,
    headers.stopShipping,
    headers.effectiveLimit,
    headers.outstanding,
    headers.excess,
    headers.limitUsedPct,
    headers.overdue,
    headers.maxDaysOverdue,
    headers.reasons,
    headers.stage,
    headers.salesperson,
    headers.contact,
  ];
  const rows: PlanCell[][] = flaggedCustomers(report).map((customer) => [
    customer.customer,
    customer.currency,
    gradeText(customer, lang),
    customer.stopShipping ? words.yes : words.no,
    amountCell(customer.effectiveLimit),
    amountCell(customer.outstanding),
    amountCell(customer.excess),
    customer.limitUsedPct === null ? null : Number(customer.limitUsedPct.div(100).toDecimalPlaces(6).toString()),
    amountCell(customer.overdue),
    customer.maxDaysOverdue,
    reasonsText(customer.reasons, policy, lang),
    stageLabel(customer.stage, policy, lang),
    salespersonOf(customer),
    customer.info?.contact ?? "",
  ]);
  return {
    name: sheetName("flags", report.asOf, lang),
    kind: "flags",
    values: [header, ...rows],
    formats: [
      headerFormat(header.length),
      ...columnFormats([4, 5, 6, 8], AMOUNT_FORMAT, rows.length),
      ...columnFormats([7], PERCENT_FORMAT, rows.length),
    ],
    conditionalFormats:
      rows.length === 0 ? [] : [{ row: 1, col: 6, rows: rows.length, cols: 1, mark: "red", greaterThan: 0 }],
    columnWidths: [24, 8, 14, 10, 14, 14, 14, 12, 14, 12, 36, 16, 12, 16],
    freezeRows: 1,
    freezeCols: 1,
  };
}

/** What the letters sheet needs of a drafted letter (a `RenderedLetter` fits). */
export interface LetterRow {
  customer: string;
  currency: string;
  stage: StageId;
  subject: string;
  body: string;
  unknownFields: string[];
  missingValues: string[];
}

/**
 * The drafted letters, one row per letter, body wrapped, with notes on unknown merge fields
 * and missing values.
 * @param letters rendered letters
 * @param lang language of headers and notes
 * @param asOf report date, for the sheet name
 * @param policy optional policy to show stage labels instead of stage ids
 * @returns the sheet plan
 * @example lettersPlan(letters, "en", asOf, DEFAULT_POLICY).values[0] // ["Customer", "Currency", "Stage", "Subject", "Body", "Notes"]
 */
export function lettersPlan(letters: LetterRow[], lang: Lang, asOf: DayNumber, policy?: Policy): SheetPlan {
  const words = labelsFor(lang);
  const headers = words.letters;
  const header: PlanCell[] = [headers.customer, headers.currency, headers.stage, headers.subject, headers.body, headers.notes];
  const rows: PlanCell[][] = letters.map((letter) => {
    const notes: string[] = [];
    if (letter.unknownFields.length > 0) notes.push(fillLabel(words.unknownFields, { list: letter.unknownFields.join(", ") }));
    if (letter.missingValues.length > 0) notes.push(fillLabel(words.missingValues, { list: letter.missingValues.join(", ") }));
    return [letter.customer, letter.currency, stageLabel(letter.stage, policy, lang), letter.subject, letter.body, notes.join("\n")];
  });
  const formats: PlanFormat[] = [headerFormat(header.length)];
  if (rows.length > 0) formats.push({ row: 1, col: 3, rows: rows.length, cols: 3, wrap: true });
  return {
    name: sheetName("letters", asOf, lang),
    kind: "letters",
    values: [header, ...rows],
    formats,
    conditionalFormats: [],
    columnWidths: [24, 8, 16, 36, 80, 30],
    freezeRows: 1,
    freezeCols: 1,
  };
}

/**
 * The data-errors sheet: where each problem is and what it is. Jobs write it only when there
 * are errors.
 * @param errors row errors
 * @param lang language of headers
 * @param asOf report date, for the sheet name
 * @returns the sheet plan
 * @example errorsPlan([{ sheet: "发票", row: 3, column: "D", message: "日期无效" }], "zh-CN", asOf).values[1] // ["发票", 3, "D", "日期无效"]
 */
export function errorsPlan(errors: RowError[], lang: Lang, asOf: DayNumber): SheetPlan {
  const headers = labelsFor(lang).errors;
  const header: PlanCell[] = [headers.sheet, headers.row, headers.column, headers.message];
  const rows: PlanCell[][] = errors.map((error) => [error.sheet, error.row, error.column, error.message]);
  return {
    name: sheetName("errors", asOf, lang),
    kind: "errors",
    values: [header, ...rows],
    formats: [headerFormat(header.length), ...(rows.length > 0 ? [{ row: 1, col: 3, rows: rows.length, cols: 1, wrap: true }] : [])],
    conditionalFormats: [],
    columnWidths: [20, 8, 8, 60],
    freezeRows: 1,
    freezeCols: 0,
  };
}
