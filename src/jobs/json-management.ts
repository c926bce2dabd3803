/**
 * The `--json` form of the management report (`ar-addin report … --json`): plain JSON, amounts as
 * strings with two places (half-up to the fen), percentages as strings with two places, days with
 * one, dates as YYYY-MM-DD, colours and reasons as codes beside their words. Currencies are never
 * added together.
 */
import { managementWords } from "../i18n/management";
import { formatIso } from "../rules/dates";
import type { Decimal } from "../rules/decimal";
import type { ColourCounts, ManagementReport, Subtotal } from "../rules/management-types";
import { formatMoney, type Minor } from "../rules/money";
import type { Policy } from "../rules/policy-types";
import type { Lang, RowError } from "../rules/types";
import { bandHeaders, colourReasonsText } from "../workbook/plans/management";
import { cellProblem, type JsonProblem } from "./json-report";

/** A subtotal (by salesperson, by region, or the grand total of a currency). */
export interface JsonSubtotal {
  /** The salesperson or region; "" for none named (and for grand totals). */
  key: string;
  currency: string;
  customers: number;
  outstanding: string;
  buckets: string[];
  overdue: string;
  /** Percent, two places ("88.24"); null when nothing is outstanding. */
  overduePct: string | null;
  collected: string;
  dueInPeriod: string;
  collectionRate: string | null;
  flagged: number;
  colour: string;
  colours: ColourCounts;
  provision: string;
}

/** The measures of the period in one currency. */
export interface JsonMeasures {
  currency: string;
  openingReceivables: string;
  closingReceivables: string;
  closingCurrent: string;
  closingOverdue: string;
  creditSales: string;
  periodDays: number;
  /** Months of the period, up to six places ("1", "0.535714"). */
  periodMonths: string;
  /** Days, one place. */
  dsoSimple: string | null;
  dsoCountBack: string | null;
  /** Percentages, two places. */
  cei: string | null;
  collected: string;
  dueInPeriod: string;
  collectionRate: string | null;
  overdueAtStart: string;
  recovered: string;
  overdueRecoveryRate: string | null;
  cashReceived: string;
  billsReceived: string;
  unstatedReceived: string;
  cashRatio: string | null;
  cashRatioMet: boolean | null;
  provision: string;
  writeOffCandidates: number;
  writeOffOutstanding: string;
}

/** The whole management report as JSON. */
export interface JsonManagement {
  asOf: string;
  from: string;
  openingDate: string;
  lang: Lang;
  /** The policy currency. */
  currency: string;
  salesperson: string | null;
  salespeople: string[];
  currencies: string[];
  buckets: string[];
  provisionBands: string[];
  measures: JsonMeasures[];
  totals: JsonSubtotal[];
  bySalesperson: JsonSubtotal[];
  byRegion: JsonSubtotal[];
  customers: {
    customer: string;
    currency: string;
    salesperson: string;
    region: string;
    colour: string;
    colourLabel: string;
    colourReasons: string[];
    colourReasonsText: string;
    outstanding: string;
    buckets: string[];
    overdue: string;
    maxDaysOverdue: number;
    /** Percent of the limit used, one place; null without a limit. */
    limitUsedPct: string | null;
    stopShipping: boolean;
    overLimit: boolean;
    collected: string;
    dueInPeriod: string;
    collectionRate: string | null;
    provision: string;
    provisionByBand: string[];
    writeOffCandidate: boolean;
    lastActivity: string | null;
  }[];
  dso: { currency: string; points: { date: string; receivables: string; sales: string; sales12: string; dsoSimple: string | null; dsoCountBack: string | null }[] }[];
  writeOff: { customer: string; currency: string; salesperson: string; outstanding: string; maxDaysOverdue: number; lastActivity: string | null; provision: string }[];
  /** null when the policy's salesperson accountability is off. */
  deductions: { salesperson: string; customer: string; currency: string; overdue: string; interest: string; badDebtCharge: string; total: string }[] | null;
  changes: {
    customer: string;
    currency: string;
    salesperson: string;
    openingOutstanding: string;
    closingOutstanding: string;
    openingOverdue: string;
    closingOverdue: string;
    /** Bucket labels; null when nothing was outstanding. */
    openingWorstBucket: string | null;
    closingWorstBucket: string | null;
    overdueGrew: boolean;
    worseBucket: boolean;
  }[];
  errors: JsonProblem[];
  notices: JsonProblem[];
}

/** A figure to some places, half-up, or null. */
function places(value: Decimal | null, count: number): string | null {
  return value === null ? null : value.toFixed(count);
}

/**
 * Builds the `--json` management report.
 * @param view the manager's view
 * @param policy bucket labels, bands, thresholds
 * @param lang language of the words beside the codes
 * @param problems the job's errors and notices
 * @returns plain JSON-ready data
 * @example toJsonManagement(view, DEFAULT_POLICY, "zh-CN", { errors: [], notices: [] }).measures[0].collectionRate // "82.50"
 */
export function toJsonManagement(view: ManagementReport, policy: Policy, lang: Lang, problems: { errors: readonly RowError[]; notices: readonly RowError[] }): JsonManagement {
  const words = managementWords(lang);
  const money = (units: Minor): string => formatMoney(units, view.scale);
  const bucketLabels = policy.buckets.labels[lang];
  const bucket = (index: number | null): string | null => (index === null ? null : (bucketLabels[index] ?? String(index)));
  const subtotal = (s: Subtotal): JsonSubtotal => ({
    key: s.key,
    currency: s.currency,
    customers: s.customers,
    outstanding: money(s.outstanding),
    buckets: s.buckets.map(money),
    overdue: money(s.overdue),
    overduePct: places(s.overduePct, 2),
    collected: money(s.collected),
    dueInPeriod: money(s.dueInPeriod),
    collectionRate: places(s.collectionRate, 2),
    flagged: s.flagged,
    colour: s.colour,
    colours: { ...s.colours },
    provision: money(s.provision),
  });
  return {
    asOf: formatIso(view.asOf),
    from: formatIso(view.from),
    openingDate: formatIso(view.openingDate),
    lang,
    currency: policy.currency,
    salesperson: view.salesperson,
    salespeople: [...view.salespeople],
    currencies: [...view.currencies],
    buckets: [...bucketLabels],
    provisionBands: bandHeaders(policy, lang),
    measures: view.measures.map((m) => ({
      currency: m.currency,
      openingReceivables: money(m.openingReceivables),
      closingReceivables: money(m.closingReceivables),
      closingCurrent: money(m.closingCurrent),
      closingOverdue: money(m.closingOverdue),
      creditSales: money(m.creditSales),
      periodDays: m.periodDays,
      periodMonths: m.periodMonths.toDecimalPlaces(6).toString(),
      dsoSimple: places(m.dsoSimple, 1),
      dsoCountBack: places(m.dsoCountBack, 1),
      cei: places(m.cei, 2),
      collected: money(m.collected),
      dueInPeriod: money(m.dueInPeriod),
      collectionRate: places(m.collectionRate, 2),
      overdueAtStart: money(m.overdueAtStart),
      recovered: money(m.recovered),
      overdueRecoveryRate: places(m.overdueRecoveryRate, 2),
      cashReceived: money(m.cashReceived),
      billsReceived: money(m.billsReceived),
      unstatedReceived: money(m.unstatedReceived),
      cashRatio: places(m.cashRatio, 2),
      cashRatioMet: m.cashRatioMet,
      provision: money(m.provision),
      writeOffCandidates: m.writeOffCandidates,
      writeOffOutstanding: money(m.writeOffOutstanding),
    })),
    totals: view.totals.map(subtotal),
    bySalesperson: view.bySalesperson.map(subtotal),
    byRegion: view.byRegion.map(subtotal),
    customers: view.customers.map((c) => ({
      customer: c.report.customer,
      currency: c.report.currency,
      salesperson: c.salesperson,
      region: c.region,
      colour: c.colour,
      colourLabel: words.colours[c.colour],
      colourReasons: [...c.colourReasons],
      colourReasonsText: colourReasonsText(c.colourReasons, policy, lang),
      outstanding: money(c.report.outstanding),
      buckets: c.report.buckets.map(money),
      overdue: money(c.report.overdue),
      maxDaysOverdue: c.report.maxDaysOverdue,
      limitUsedPct: places(c.report.limitUsedPct, 1),
      stopShipping: c.report.stopShipping,
      overLimit: c.report.overLimit,
      collected: money(c.flows.collected),
      dueInPeriod: money(c.flows.dueInPeriod),
      collectionRate: places(c.collectionRate, 2),
      provision: money(c.report.provision),
      provisionByBand: c.provisionByBand.map(money),
      writeOffCandidate: c.report.writeOffCandidate,
      lastActivity: c.report.lastActivity === undefined ? null : formatIso(c.report.lastActivity),
    })),
    dso: view.dso.map((series) => ({
      currency: series.currency,
      points: series.points.map((p) => ({
        date: formatIso(p.date),
        receivables: money(p.receivables),
        sales: money(p.sales),
        sales12: money(p.sales12),
        dsoSimple: places(p.dsoSimple, 1),
        dsoCountBack: places(p.dsoCountBack, 1),
      })),
    })),
    writeOff: view.writeOff.map((c) => ({
      customer: c.report.customer,
      currency: c.report.currency,
      salesperson: c.salesperson,
      outstanding: money(c.report.outstanding),
      maxDaysOverdue: c.report.maxDaysOverdue,
      lastActivity: c.report.lastActivity === undefined ? null : formatIso(c.report.lastActivity),
      provision: money(c.report.provision),
    })),
    deductions:
      view.deductions === null
        ? null
        : view.deductions.map((d) => ({
            salesperson: d.salesperson,
            customer: d.customer,
            currency: d.currency,
            overdue: money(d.overdue),
            interest: money(d.interest),
            badDebtCharge: money(d.badDebtCharge),
            total: money(d.total),
          })),
    changes: view.changes.map((c) => ({
      customer: c.customer,
      currency: c.currency,
      salesperson: c.salesperson,
      openingOutstanding: money(c.openingOutstanding),
      closingOutstanding: money(c.closingOutstanding),
      openingOverdue: money(c.openingOverdue),
      closingOverdue: money(c.closingOverdue),
      openingWorstBucket: bucket(c.openingWorstBucket),
      closingWorstBucket: bucket(c.closingWorstBucket),
      overdueGrew: c.overdueGrew,
      worseBucket: c.worseBucket,
    })),
    errors: problems.errors.map((problem) => cellProblem(problem, lang)),
    notices: problems.notices.map((problem) => cellProblem(problem, lang)),
  };
}
