/** The shape of the words of the sales manager's view: its sheets, measures, colours, charts and job messages. */
import type { Colour, ColourReason } from "../../rules/management-types";

/** Rows of the measures table of the summary sheet (POLICY §11), in the order shown. */
export type MeasureRow =
  | "openingReceivables"
  | "closingReceivables"
  | "closingCurrent"
  | "closingOverdue"
  | "overduePct"
  | "creditSales"
  | "dsoSimple"
  | "dsoCountBack"
  | "cei"
  | "collected"
  | "dueInPeriod"
  | "collectionRate"
  | "overdueAtStart"
  | "recovered"
  | "overdueRecoveryRate"
  | "cashReceived"
  | "billsReceived"
  | "unstatedReceived"
  | "cashRatio"
  | "provision"
  | "writeOffCandidates"
  | "writeOffOutstanding"
  | "red"
  | "amber"
  | "green";

/** The words of the manager's view in one language. `{name}` marks a value filled in with `fillPlaceholders`. */
export interface ManagementWords {
  /** Sheet words (the summary's is `labelsFor(lang).sheetWords.management`). */
  sheets: { customers: string; dso: string; provision: string; changes: string; deductions: string };
  /** A sheet word narrowed to a salesperson: `{word}`, `{salesperson}`. */
  sheetOfSalesperson: string;
  colours: Record<Colour, string>;
  /** `{days}` the policy's edge, `{pct}` the share of the limit ("80%"). */
  colourReasons: Record<ColourReason, string>;
  /** Between joined reasons. */
  separator: string;
  /** The group of customers whose salesperson or region nobody named. */
  nobody: string;
  summary: {
    /** `{from}`, `{asOf}`; `{who}` is "" or the salesperson narrowed to, with its brackets. */
    title: string;
    /** `{salesperson}` */
    who: string;
    measure: string;
    /** `{opening}`, `{asOf}` fill the rows that name a date; `{target}` the cash-ratio target. */
    measures: Record<MeasureRow, string>;
    bySalesperson: string;
    byRegion: string;
    salesperson: string;
    region: string;
    currency: string;
    colour: string;
    customers: string;
    outstanding: string;
    overdue: string;
    overduePct: string;
    collected: string;
    dueInPeriod: string;
    collectionRate: string;
    flagged: string;
    provision: string;
    /** Chart of the buckets stacked per currency. */
    chartTitle: string;
  };
  customers: {
    customer: string;
    currency: string;
    salesperson: string;
    region: string;
    colour: string;
    reasons: string;
    outstanding: string;
    overdue: string;
    overduePct: string;
    maxDaysOverdue: string;
    limitUsedPct: string;
    stopShipping: string;
    collected: string;
    dueInPeriod: string;
    collectionRate: string;
    provision: string;
    /** Chart of the top overdue customers: `{count}`, `{currency}`. */
    chartTitle: string;
  };
  dso: {
    date: string;
    /** Each with `{currency}`. */
    receivables: string;
    sales: string;
    sales12: string;
    dsoSimple: string;
    dsoCountBack: string;
    /** The line chart of the count-back DSO per currency. */
    chartTitle: string;
  };
  provision: {
    customer: string;
    currency: string;
    salesperson: string;
    outstanding: string;
    provision: string;
    writeOff: string;
    /** Band headers: `{n}`, `{from}`, `{to}` in years or days, then `{rate}`. */
    withinYears: string;
    betweenYears: string;
    overYears: string;
    withinDays: string;
    betweenDays: string;
    overDays: string;
    /** The flat method's one band: `{rate}`. */
    flat: string;
    /** `{band}`, `{rate}` */
    bandWithRate: string;
    /** `{days}` overdue and `{inactive}` days without business. */
    writeOffTitle: string;
    lastActivity: string;
    maxDaysOverdue: string;
  };
  changes: {
    customer: string;
    currency: string;
    salesperson: string;
    /** Each with `{date}`. */
    outstanding: string;
    overdue: string;
    worstBucket: string;
    overdueChange: string;
    overdueGrew: string;
    worseBucket: string;
  };
  deductions: {
    /** `{rate}` per day, `{from}`, `{asOf}`, `{share}` ("" or the bad-debt share clause). */
    title: string;
    /** `{share}` */
    shareClause: string;
    salesperson: string;
    customer: string;
    currency: string;
    overdue: string;
    interest: string;
    badDebtCharge: string;
    total: string;
    /** `{salesperson}`, `{currency}` */
    subtotal: string;
  };
  /** What the job says when it cannot run. */
  jobErrors: {
    /** `{from}`, `{asOf}` */
    periodAfterAsOf: string;
    /** `{name}`, `{list}` */
    unknownSalesperson: string;
  };
  /** Progress of the job's own phase. */
  progress: { history: string };
}
