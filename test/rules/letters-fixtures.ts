/** Hand-built customers for the letter tests: no dependency on report.ts. */
import { fromYmd } from "../../src/rules/dates";
import { sum } from "../../src/rules/money";
import { amount as amountOf } from "../support/money";
import type { Policy } from "../../src/rules/policy-types";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { AgedItem, CustomerInfo, CustomerReport, DayNumber, StageId } from "../../src/rules/types";

/** 2026-03-31. */
export const AS_OF: DayNumber = fromYmd(2026, 3, 31);

export const POLICY: Policy = {
  ...DEFAULT_POLICY,
  company: {
    name: "华南精密制造有限公司",
    financeContact: "王会计",
    phone: "020-12345678",
    email: "ar@example.com",
    bankName: "中国工商银行广州分行",
    bankAccount: "3602 0000 1234 5678 901",
    address: "广州市",
  },
};

export interface ItemSpec {
  no: string;
  invoiceDate: DayNumber | null;
  due: DayNumber;
  outstanding: string;
  interest: string;
  disputed?: boolean;
}

export function item(spec: ItemSpec, customer = "甲公司"): AgedItem {
  const amount = amountOf(spec.outstanding);
  const daysOverdue = AS_OF - spec.due;
  return {
    state: {
      invoice: {
        customer,
        invoiceNo: spec.no,
        invoiceDate: spec.invoiceDate,
        dueDate: spec.due,
        amount,
        received: 0,
        currency: "CNY",
        disputed: spec.disputed ?? false,
      },
      outstanding: amount,
      applications: [],
      settledOn: null,
    },
    daysOverdue,
    ageDays: daysOverdue,
    bucket: daysOverdue <= 0 ? 0 : daysOverdue <= 30 ? 1 : daysOverdue <= 60 ? 2 : daysOverdue <= 90 ? 3 : 4,
    interest: amountOf(spec.interest),
  };
}

export function customerReport(
  name: string,
  items: AgedItem[],
  stage: StageId | null,
  info?: CustomerInfo,
  currency = "CNY",
): CustomerReport {
  const outstanding = sum(items.map((i) => i.state.outstanding));
  const overdue = sum(items.filter((i) => i.daysOverdue > 0).map((i) => i.state.outstanding));
  return {
    customer: name,
    currency,
    info,
    items,
    buckets: [0, 0, 0, 0, 0],
    outstanding,
    overdue,
    unappliedCredit: 0,
    interest: sum(items.map((i) => i.interest)),
    settledInterest: 0,
    maxDaysOverdue: Math.max(0, ...items.map((i) => i.daysOverdue)),
    computedGrade: "C",
    grade: "C",
    lateEvents: [],
    fixedLimit: 0,
    temporaryLimit: 0,
    effectiveLimit: 0,
    limitSet: false,
    overLimit: false,
    excess: 0,
    limitUsedPct: null,
    strictlyControlled: false,
    stopShipping: false,
    reasons: [],
    stage,
    provision: 0,
    writeOffCandidate: false,
  };
}

/**
 * 甲公司 as of 2026-03-31, stage formal:
 * INV-001 1,000,000.00 due 2026-01-30 → 60 days, interest 1,000,000 × 0.0005 × 60 = 30,000.00
 * INV-002   234,567.80 due 2026-03-01 → 30 days, interest 234,567.80 × 0.0005 × 30 = 3,518.517 → 3,518.52
 * INV-003    50,000.00 due 2026-02-15, disputed → excluded (interest deliberately non-zero)
 * INV-004    10,000.00 due 2026-04-20 → not due
 * Overdue 1,234,567.80 (123.46 万), interest 33,518.52, outstanding 1,294,567.80.
 */
export function formalCustomer(name = "甲公司", contact: string | null = "李经理"): CustomerReport {
  return customerReport(
    name,
    [
      item({ no: "INV-001", invoiceDate: fromYmd(2025, 12, 31), due: fromYmd(2026, 1, 30), outstanding: "1000000.00", interest: "30000.00" }, name),
      item({ no: "INV-003", invoiceDate: fromYmd(2026, 1, 16), due: fromYmd(2026, 2, 15), outstanding: "50000.00", interest: "1100.00", disputed: true }, name),
      item({ no: "INV-002", invoiceDate: fromYmd(2026, 1, 30), due: fromYmd(2026, 3, 1), outstanding: "234567.80", interest: "3518.52" }, name),
      item({ no: "INV-004", invoiceDate: fromYmd(2026, 3, 21), due: fromYmd(2026, 4, 20), outstanding: "10000.00", interest: "0" }, name),
    ],
    "formal",
    contact === null ? undefined : { name, contact },
  );
}
