/**
 * The vocabulary of the sales manager's view (POLICY §9, §11, §14): colours, subtotals by
 * salesperson and region, the measures of a period, the DSO trend, provision and write-off, the
 * salesperson's deductions and the month-over-month changes. Plain data; amounts are Minor in the
 * report's scale, rates and days exact Decimals (percent where a measure is a percentage).
 */
import type { Decimal } from "./decimal";
import type { Minor } from "./money";
import type { AgingSnapshot } from "./aging-snapshot";
import type { CustomerReport, DayNumber, PaymentMethod, Report } from "./types";

/** Red / amber / green (POLICY §14). */
export type Colour = "red" | "amber" | "green";

/** Why a customer has its colour: stop shipping, days overdue past the red or amber edge, limit use. */
export type ColourReason = "stopShipping" | "overdueRed" | "overdueAmber" | "limitUsed";

/** Whose customer an account is: the names as written, "" when the ledger names nobody. */
export interface Owner {
  salesperson: string;
  region: string;
}

/** Money that moved in the period [from, asOf] for one account. */
export interface PeriodFlows {
  /** Receipts dated in the period (the payments table; undated cash cannot be placed in a period). */
  collected: Minor;
  /** Invoice amounts falling due in the period. */
  dueInPeriod: Minor;
  /** Invoice amounts issued in the period (credit sales). */
  creditSales: Minor;
  /** Receipts of the period by method; "unstated" when the payments table gives none. */
  byMethod: Record<PaymentMethod | "unstated", Minor>;
}

/** One customer in one currency as the manager sees it. */
export interface ManagedCustomer {
  /** The customer's report as of the as-of date. */
  report: CustomerReport;
  salesperson: string;
  region: string;
  colour: Colour;
  colourReasons: ColourReason[];
  flows: PeriodFlows;
  /** Collected ÷ due in the period × 100; null when nothing fell due. */
  collectionRate: Decimal | null;
  /** Outstanding per provision band (policy.provision.bands; one band for the flat method). */
  provisionByBand: Minor[];
}

/** Customers counted by colour. */
export type ColourCounts = Record<Colour, number>;

/** The totals of a group of customers (a salesperson's, a region's, or all) in one currency. */
export interface Subtotal {
  /** The salesperson or region ("" when not named); "" for the grand total. */
  key: string;
  currency: string;
  customers: number;
  outstanding: Minor;
  /** One amount per policy bucket; they add up to `outstanding`. */
  buckets: Minor[];
  overdue: Minor;
  /** Overdue ÷ outstanding × 100; null when nothing is outstanding. */
  overduePct: Decimal | null;
  collected: Minor;
  dueInPeriod: Minor;
  /** Collected ÷ due in the period × 100; null when nothing fell due. */
  collectionRate: Decimal | null;
  /** Customers over their limit or to stop shipping. */
  flagged: number;
  /** The worst colour of its customers (green when it has none). */
  colour: Colour;
  colours: ColourCounts;
  provision: Minor;
}

/** The measures of the period [from, asOf] in one currency (POLICY §11). */
export interface PeriodMeasures {
  currency: string;
  /** Receivables at from − 1 (the opening as-of rebuild). */
  openingReceivables: Minor;
  closingReceivables: Minor;
  /** Receivables not yet due at the as-of date. */
  closingCurrent: Minor;
  closingOverdue: Minor;
  creditSales: Minor;
  periodDays: number;
  /** The period in months (whole months exact; a part month by its share of days). */
  periodMonths: Decimal;
  /** Closing receivables ÷ credit sales of the period × its days; null without sales. */
  dsoSimple: Decimal | null;
  /** Count-back over the twelve months ending at the as-of date (30-day months). */
  dsoCountBack: Decimal | null;
  /** Collection effectiveness index, percent. */
  cei: Decimal | null;
  collected: Minor;
  dueInPeriod: Minor;
  collectionRate: Decimal | null;
  /** Overdue at the period's start (the opening as-of rebuild). */
  overdueAtStart: Minor;
  /** How much of the amounts overdue at the start was settled by the as-of date. */
  recovered: Minor;
  /** Recovered ÷ overdue at the start × 100 (逾期账款回收率). */
  overdueRecoveryRate: Decimal | null;
  /** Cash and wire received in the period. */
  cashReceived: Minor;
  /** Acceptance bills and electronic bank bills received in the period. */
  billsReceived: Minor;
  /** Receipts of the period without a method; left out of the cash ratio. */
  unstatedReceived: Minor;
  /** Cash ÷ (cash + bills) × 100; null when no receipt of the period states its method. */
  cashRatio: Decimal | null;
  /** Whether the cash ratio reaches policy.rag.cashRatioTarget; null without a cash ratio. */
  cashRatioMet: boolean | null;
  provision: Minor;
  writeOffCandidates: number;
  writeOffOutstanding: Minor;
}

/** One point of the DSO trend: an as-of rebuild at a month end. */
export interface DsoPoint {
  date: DayNumber;
  /** Receivables (outstanding) at the date. */
  receivables: Minor;
  /** Credit sales of the month ending at the date. */
  sales: Minor;
  /** Credit sales of the twelve months ending at the date. */
  sales12: Minor;
  /** Receivables ÷ the twelve months' sales × their days. */
  dsoSimple: Decimal | null;
  /** Count-back over the twelve months ending at the date. */
  dsoCountBack: Decimal | null;
}

/** The twelve-month DSO trend of one currency, oldest point first. */
export interface DsoSeries {
  currency: string;
  points: DsoPoint[];
}

/** What one customer's overdue costs its salesperson (seed 001 第四章; seed 002 for bad debts). */
export interface Deduction {
  salesperson: string;
  customer: string;
  currency: string;
  /** Non-disputed overdue outstanding at the as-of date. */
  overdue: Minor;
  /** Σ overdue balance × daily rate × its overdue days within the period, rounded per invoice. */
  interest: Minor;
  /** The write-off candidate's outstanding × policy.accountability.badDebtShare (0 when none). */
  badDebtCharge: Minor;
  total: Minor;
}

/** One customer at the two as-of dates, side by side. */
export interface MonthChange {
  customer: string;
  currency: string;
  salesperson: string;
  openingOutstanding: Minor;
  closingOutstanding: Minor;
  openingOverdue: Minor;
  closingOverdue: Minor;
  /** Index of the oldest bucket holding an amount; null when nothing is outstanding. */
  openingWorstBucket: number | null;
  closingWorstBucket: number | null;
  overdueGrew: boolean;
  worseBucket: boolean;
}

/** The sales manager's view as of a date, for a period ending on it. */
export interface ManagementReport {
  asOf: DayNumber;
  /** First day of the period of the measures. */
  from: DayNumber;
  /** The earlier as-of date of the comparison: from − 1. */
  openingDate: DayNumber;
  /** The report's scale: every amount counts units of 10^−scale. */
  scale: number;
  /** The salesperson the view is narrowed to, or null for everyone. */
  salesperson: string | null;
  /** Every salesperson the whole ledger names, sorted. */
  salespeople: string[];
  /** Currencies present, the policy currency first. */
  currencies: string[];
  /** The report as of the as-of date. */
  closing: Report;
  /** The aging as of the day before the period. */
  opening: AgingSnapshot;
  customers: ManagedCustomer[];
  bySalesperson: Subtotal[];
  byRegion: Subtotal[];
  /** Grand totals, one per currency. */
  totals: Subtotal[];
  measures: PeriodMeasures[];
  dso: DsoSeries[];
  /** Write-off candidates, largest outstanding first. */
  writeOff: ManagedCustomer[];
  /** The deduction list when policy.accountability.enabled, else null. */
  deductions: Deduction[] | null;
  /** Every customer at both dates, those whose overdue grew or moved to a worse bucket first. */
  changes: MonthChange[];
}
