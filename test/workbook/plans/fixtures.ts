/**
 * Reports for the plan tests. Hand-made customer reports (amounts in fen, scale 2) shaped as
 * buildReport makes them, for sheets whose rows need a grade override or a stage the ledger would
 * not give; and small ledgers for buildReport where the rules' own report is what is shown.
 */
import { Dec } from "../../../src/rules/decimal";
import { fromYmd } from "../../../src/rules/dates";
import { subtract, sum, type Minor } from "../../../src/rules/money";
import type { AgedItem, CustomerReport, Grade, Invoice, Report, StopReason } from "../../../src/rules/types";
import type { SheetPlan } from "../../../src/workbook/plan-types";

export const AS_OF = fromYmd(2026, 11, 23);
export const HOSTILE = '=HYPERLINK("http://x","y")';

/** An open invoice of `outstanding` fen, `daysOverdue` days past its due date. */
export function item(invoiceNo: string, amount: Minor, outstanding: Minor, daysOverdue: number, bucket: number, interest: Minor = 0, disputed = false): AgedItem {
  return {
    state: {
      invoice: {
        customer: "",
        invoiceNo,
        invoiceDate: AS_OF - daysOverdue - 30,
        dueDate: AS_OF - daysOverdue,
        amount,
        received: 0,
        currency: "CNY",
        disputed,
      },
      outstanding,
      applications: [],
      settledOn: null,
    },
    daysOverdue,
    ageDays: daysOverdue,
    bucket,
    interest,
  };
}

interface CustomerSpec {
  customer: string;
  currency?: string;
  /** Fen per bucket. */
  buckets: Minor[];
  overdue: Minor;
  interest?: Minor;
  limit: Minor;
  grade?: Grade;
  computedGrade?: Grade;
  reasons?: StopReason[];
  stage?: string | null;
  maxDaysOverdue?: number;
  items?: AgedItem[];
  salesperson?: string;
}

/** A customer report (scale 2) whose totals follow from its buckets and limit, as buildReport makes them. */
export function customer(spec: CustomerSpec): CustomerReport {
  const outstanding = sum(spec.buckets);
  const limit = spec.limit;
  const overLimit = outstanding > limit;
  const reasons = spec.reasons ?? [];
  return {
    customer: spec.customer,
    currency: spec.currency ?? "CNY",
    ...(spec.salesperson === undefined ? {} : { salesperson: spec.salesperson }),
    info: { name: spec.customer, salesperson: spec.salesperson, contact: `${spec.customer} 联系人` },
    items: spec.items ?? [],
    buckets: spec.buckets,
    outstanding,
    overdue: spec.overdue,
    unappliedCredit: 0,
    interest: spec.interest ?? 0,
    settledInterest: 0,
    maxDaysOverdue: spec.maxDaysOverdue ?? 0,
    computedGrade: spec.computedGrade ?? spec.grade ?? "A",
    grade: spec.grade ?? "A",
    lateEvents: [],
    fixedLimit: limit,
    temporaryLimit: 0,
    effectiveLimit: limit,
    limitSet: true,
    overLimit,
    excess: overLimit ? subtract(outstanding, limit) : 0,
    limitUsedPct: limit === 0 ? null : new Dec(outstanding.toString()).div(limit.toString()).times(100),
    strictlyControlled: false,
    stopShipping: reasons.length > 0,
    reasons,
    stage: spec.stage ?? null,
    provision: 0,
    writeOffCandidate: false,
  };
}

// 甲公司: 3,500.00 outstanding against a 3,000.00 limit, 500.00 over 90 days → stop shipping.
export const JIA = customer({
  customer: "甲公司",
  buckets: [100000, 200000, 0, 0, 50000],
  overdue: 250000,
  interest: 1234,
  limit: 300000,
  grade: "B",
  computedGrade: "D",
  reasons: ["overdueMonths", "overLimit"],
  stage: "legal",
  maxDaysOverdue: 120,
  salesperson: "张三",
  items: [item("INV-1", 100000, 100000, -3, 0), item("INV-2", 250000, 200000, 10, 1, 1000), item("INV-3", 50000, 50000, 120, 4, 234, true)],
});
// The hostile name: 500.50 outstanding (300.50 in 1–30, 200.00 in 31–60), limit 10,000.00.
export const HOSTILE_CUSTOMER = customer({
  customer: HOSTILE,
  buckets: [0, 30050, 20000, 0, 0],
  overdue: 50050,
  interest: 120,
  limit: 1000000,
  stage: "formal",
  maxDaysOverdue: 40,
  items: [item("=1+1", 30050, 30050, 20, 1, 120)],
});
// Beta Ltd in USD: 50.00 not due, over its 40.00 limit by 10.00 → stop shipping (over limit).
export const BETA = customer({
  customer: "Beta Ltd",
  currency: "USD",
  buckets: [5000, 0, 0, 0, 0],
  overdue: 0,
  limit: 4000,
  reasons: ["overLimit"],
});
// 丙公司: over limit by 100.00 but marked not stop shipping (to test the sort).
export const BING: CustomerReport = { ...customer({ customer: "丙公司", buckets: [0, 110000, 0, 0, 0], overdue: 110000, limit: 100000 }), stopShipping: false };

/** A scale-2 report of some customers as of AS_OF. */
export function reportOf(customers: CustomerReport[]): Report {
  return { asOf: AS_OF, scale: 2, customers, errors: [] };
}

export const REPORT: Report = reportOf([JIA, HOSTILE_CUSTOMER, BETA]);

/** An invoice for a buildReport ledger: `amount` in the ledger's minor unit, due `dueIn` days after AS_OF. */
export function invoice(customerName: string, invoiceNo: string, amount: Minor, dueIn: number, received: Minor = 0): Invoice {
  return {
    customer: customerName,
    invoiceNo,
    invoiceDate: AS_OF + dueIn - 30,
    dueDate: AS_OF + dueIn,
    amount,
    received,
    currency: "CNY",
    disputed: false,
  };
}

/** One column of a plan, header included. */
export function column(plan: SheetPlan, col: number): unknown[] {
  return plan.values.map((row) => row[col]);
}
