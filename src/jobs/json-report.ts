/**
 * The command line's `--json` form of a report: plain JSON, amounts as strings with two places
 * (half-up to the fen), reasons and stages as codes beside their localized labels. Currencies
 * are never added together: totals are per currency, the policy currency's in `totals`.
 */
import { rowErrorText } from "../i18n/messages";
import { formatIso } from "../rules/dates";
import { formatMoney, type Minor } from "../rules/money";
import type { Policy } from "../rules/policy-types";
import type { Lang, Report, RowError, StopReason } from "../rules/types";
import { currenciesOf, currencyTotals, gradeText, reasonLabels, stageLabel } from "../workbook/plans";

/** A cell problem: where, which (code and values, for machines) and what (words, for people). */
export interface JsonProblem {
  sheet: string;
  row: number;
  column: string;
  code: string;
  params: RowError["params"];
  message: string;
}

/** Totals of one currency. */
export interface JsonTotals {
  currency: string;
  customers: number;
  outstanding: string;
  overdue: string;
  interest: string;
  unappliedCredit: string;
  buckets: string[];
}

/** One customer in one currency. */
export interface JsonCustomer {
  customer: string;
  currency: string;
  buckets: string[];
  outstanding: string;
  overdue: string;
  interest: string;
  unappliedCredit: string;
  grade: string;
  computedGrade: string;
  /** The grade as a person reads it, e.g. "B (计算: D)". */
  gradeText: string;
  fixedLimit: string;
  temporaryLimit: string;
  effectiveLimit: string;
  overLimit: boolean;
  excess: string;
  /** Percent of the effective limit used, one place ("85.0"), null when the limit is 0. */
  limitUsedPct: string | null;
  maxDaysOverdue: number;
  stopShipping: boolean;
  reasons: StopReason[];
  reasonLabels: string[];
  stage: string | null;
  stageLabel: string;
}

/** The whole JSON report. */
export interface JsonReport {
  asOf: string;
  lang: Lang;
  currency: string;
  buckets: string[];
  customers: JsonCustomer[];
  /** Totals in the policy currency (or the only currency present). */
  totals: JsonTotals;
  totalsByCurrency: Record<string, JsonTotals>;
  errors: JsonProblem[];
  /** Not errors, but worth knowing (hidden rows included in the figures …). */
  notices: JsonProblem[];
}

/**
 * The JSON form of one cell problem: its place, its code and values, and its words in the report's language.
 * @param problem the problem
 * @param lang language of the words
 * @returns the problem as JSON
 * @example cellProblem({ sheet: "回款", row: 5, column: "D", code: "payment.method", params: { text: "支票" } }, "en").message // the words without the place: "\"支票\" is not a payment method (…)."
 */
export function cellProblem(problem: RowError, lang: Lang): JsonProblem {
  return {
    sheet: problem.sheet,
    row: problem.row,
    column: problem.column,
    code: problem.code,
    params: problem.params,
    message: rowErrorText(problem, lang, "none"),
  };
}

/**
 * Builds the `--json` report.
 * @param report the report
 * @param policy the policy (bucket labels, stage labels, thresholds, currency)
 * @param lang language of labels
 * @param notices things worth knowing that are not errors (from the ledger reader)
 * @returns plain JSON-ready data
 * @example toJsonReport(report, DEFAULT_POLICY, "zh-CN").totals.outstanding // "15000.00"
 */
export function toJsonReport(report: Report, policy: Policy, lang: Lang, notices: readonly RowError[] = []): JsonReport {
  const formatFen = (amount: Minor): string => formatMoney(amount, report.scale);
  const bucketCount = policy.buckets.labels[lang].length;
  const customers: JsonCustomer[] = report.customers.map((customer) => ({
    customer: customer.customer,
    currency: customer.currency,
    buckets: customer.buckets.map((amount) => formatFen(amount)),
    outstanding: formatFen(customer.outstanding),
    overdue: formatFen(customer.overdue),
    interest: formatFen(customer.interest),
    unappliedCredit: formatFen(customer.unappliedCredit),
    grade: customer.grade,
    computedGrade: customer.computedGrade,
    gradeText: gradeText(customer, lang),
    fixedLimit: formatFen(customer.fixedLimit),
    temporaryLimit: formatFen(customer.temporaryLimit),
    effectiveLimit: formatFen(customer.effectiveLimit),
    overLimit: customer.overLimit,
    excess: formatFen(customer.excess),
    limitUsedPct: customer.limitUsedPct === null ? null : customer.limitUsedPct.toFixed(1),
    maxDaysOverdue: customer.maxDaysOverdue,
    stopShipping: customer.stopShipping,
    reasons: [...customer.reasons],
    reasonLabels: reasonLabels(customer.reasons, policy, lang),
    stage: customer.stage,
    stageLabel: stageLabel(customer.stage, policy, lang),
  }));

  const currencies = currenciesOf(report.customers, policy);
  const totalsByCurrency: Record<string, JsonTotals> = {};
  for (const currency of currencies) {
    const totals = currencyTotals(report.customers, currency, bucketCount);
    totalsByCurrency[currency] = {
      currency,
      customers: report.customers.filter((customer) => customer.currency === currency).length,
      outstanding: formatFen(totals.outstanding),
      overdue: formatFen(totals.overdue),
      interest: formatFen(totals.interest),
      unappliedCredit: formatFen(totals.unappliedCredit),
      buckets: totals.buckets.map((amount) => formatFen(amount)),
    };
  }
  const mainCurrency = totalsByCurrency[policy.currency] !== undefined || currencies.length === 0 ? policy.currency : currencies[0];
  const emptyTotals: JsonTotals = {
    currency: mainCurrency,
    customers: 0,
    outstanding: "0.00",
    overdue: "0.00",
    interest: "0.00",
    unappliedCredit: "0.00",
    buckets: new Array<string>(bucketCount).fill("0.00"),
  };

  return {
    asOf: formatIso(report.asOf),
    lang,
    currency: policy.currency,
    buckets: [...policy.buckets.labels[lang]],
    customers,
    totals: totalsByCurrency[mainCurrency] ?? emptyTotals,
    totalsByCurrency,
    errors: report.errors.map((problem) => cellProblem(problem, lang)),
    notices: notices.map((problem) => cellProblem(problem, lang)),
  };
}
