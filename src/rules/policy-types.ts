/** The shape of a company's receivables policy. Defaults live in policy.ts; validation there too. */
import type { Decimal } from "./decimal";
import type { DateOrder, Lang, StageId } from "./types";

export interface BucketPolicy {
  /**
   * Inclusive upper edges in days overdue, ascending: [0, 30, 60, 90] gives
   * not due (≤ 0), 1–30, 31–60, 61–90 and over 90. The last bucket is open-ended.
   */
  edges: number[];
  /** One label per bucket (edges.length + 1), per language. */
  labels: Record<Lang, string[]>;
}

export interface EscalationStage {
  id: StageId;
  /** Inclusive range of days overdue (negative = days before due). toDays null = no upper end. */
  fromDays: number;
  toDays: number | null;
  /** Whether a letter is drafted at this stage (phone follow-up has a call script instead). */
  letter: boolean;
  labels: Record<Lang, string>;
}

export interface LimitCut {
  /** Applies when the number of late payments in the window is at least this. */
  lateCount: number;
  /** Fraction cut from the fixed limit, e.g. 0.10. */
  cut: Decimal;
}

export interface ProvisionBand {
  /** Inclusive upper edge in days of age; null for the last band. */
  upToDays: number | null;
  rate: Decimal;
}

/**
 * Red / amber / green (POLICY §14): red = stop shipping or more than redDaysOverdue days overdue;
 * amber = at least amberLimitUsed of the limit used or more than amberDaysOverdue days overdue;
 * green = the rest.
 */
export interface RagPolicy {
  /** Red beyond this many days overdue (90). */
  redDaysOverdue: number;
  /** Amber beyond this many days overdue (30); not more than redDaysOverdue. */
  amberDaysOverdue: number;
  /** Amber from this fraction of the effective limit used (0.8). */
  amberLimitUsed: Decimal;
  /** The cash ratio a period should reach (seed 004 3.1: 0.4); below it the measure is marked red. */
  cashRatioTarget: Decimal;
}

/** Salesperson accountability (seed 001 第四章, seed 002). */
export interface AccountabilityPolicy {
  /** Whether the deduction list is made (false). */
  enabled: boolean;
  /** Simple daily rate on the overdue amounts of the salesperson's customers (0.0005). */
  dailyRate: Decimal;
  /** Share of the write-off candidates' outstanding charged to the salesperson (seed 002: 20–50 %); null for none. */
  badDebtShare: Decimal | null;
}

export interface CompanyDetails {
  name: string;
  financeContact: string;
  phone: string;
  email: string;
  bankName: string;
  bankAccount: string;
  address: string;
}

export interface Policy {
  /** Currency of policy thresholds and of invoices that name none. */
  currency: string;
  buckets: BucketPolicy;
  agingBasis: "due" | "invoice";
  /** Order for ambiguous text dates like 03/04/2026; null refuses them. */
  dateOrder: DateOrder | null;
  grade: {
    /** Months since the latest late payment: within dMonths → D, cMonths → C, bMonths → C (resolved), aMonths → B, else A. */
    dMonths: number;
    cMonths: number;
    bMonths: number;
    aMonths: number;
  };
  limit: {
    /** Temporary limit at most this fraction of the fixed limit (0.5). */
    temporaryMaxRatio: Decimal;
    /** Ascending by lateCount. */
    cuts: LimitCut[];
    /** Late in this many consecutive calendar months → limit 0. */
    consecutiveMonthsToZero: number;
    /** Window for counting late payments, in months back from the as-of date. */
    windowMonths: number;
  };
  stopShipping: {
    /** Any invoice overdue this many calendar months or more (as-of ≥ due date + months). */
    overdueMonths: number;
    /** Overdue total of this amount or more (policy currency). */
    maxOverdueTotal: Decimal;
  };
  interest: {
    /** Simple daily rate, 0.0005 = 0.5 ‰ per day. */
    dailyRate: Decimal;
    graceDays: number;
    /** Cap as a fraction of the invoice amount; null = no cap. */
    capRatio: Decimal | null;
  };
  /** Ordered by fromDays. */
  escalation: EscalationStage[];
  /**
   * Pre-due notices per invoice (POLICY §7): days before the due date of each touch, descending
   * ([5, 3]: a first touch 5 or 4 days before, a second from 3 days before).
   */
  preDueTouchDays: number[];
  provision: {
    method: "aging" | "flat";
    bands: ProvisionBand[];
    flatRate: Decimal;
    /** Write-off candidate: overdue more than this many days (365) … */
    writeOffAfterDays: number;
    /** … and no invoice or payment for more than this many days (365; seed 001 第五章). */
    writeOffInactiveDays: number;
  };
  /** Red / amber / green marks of customers and salespeople (POLICY §14). */
  rag: RagPolicy;
  /** Late interest charged to the salesperson (seed 001 第四章; off by default). */
  accountability: AccountabilityPolicy;
  company: CompanyDetails;
  /** Days after the as-of date by which a letter asks for a reply. */
  replyDays: number;
}
