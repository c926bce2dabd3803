import { ageItems, bucketIndex, bucketTotals, daysOverdue } from "../../src/rules/aging";
import { fromYmd } from "../../src/rules/dates";
import { toDecimal } from "../../src/rules/decimal";
import { interestTerms } from "../../src/rules/interest";
import { amount, shown } from "../support/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { Policy } from "../../src/rules/policy-types";
import type { CustomerAccount, InvoiceState } from "../../src/rules/types";

const day = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number);
  return fromYmd(y, m, d);
};
const AS_OF = day("2026-06-30");
const EDGES = [0, 30, 60, 90];
const POLICY: Policy = {
  ...DEFAULT_POLICY,
  agingBasis: "due",
  buckets: { ...DEFAULT_POLICY.buckets, edges: EDGES },
  interest: { dailyRate: toDecimal("0.0005"), graceDays: 0, capRatio: null },
};
const TERMS = interestTerms(POLICY);

function open(no: string, invoiceDate: number | null, dueDate: number, outstanding: string, disputed = false): InvoiceState {
  return {
    invoice: { customer: "甲", invoiceNo: no, invoiceDate, dueDate, amount: amount(outstanding), received: 0, currency: "CNY", disputed },
    outstanding: amount(outstanding),
    applications: [],
    settledOn: null,
  };
}
const account = (items: InvoiceState[]): CustomerAccount => ({ customer: "甲", currency: "CNY", items, unappliedCredit: 0 });

describe("daysOverdue", () => {
  test("whole calendar days from due to as-of; due today is 0", () => {
    expect(daysOverdue(day("2026-01-01"), day("2026-01-31"))).toBe(30);
    expect(daysOverdue(day("2026-02-28"), day("2026-03-01"))).toBe(1);
    expect(daysOverdue(day("2026-06-30"), AS_OF)).toBe(0);
    expect(daysOverdue(day("2026-07-05"), AS_OF)).toBe(-5);
  });
});

describe("bucketIndex", () => {
  test.each([
    [-10, 0], [0, 0], [1, 1], [30, 1], [31, 2], [60, 2], [61, 3], [90, 3], [91, 4], [1000, 4],
  ])("%i days → bucket %i", (days, bucket) => {
    expect(bucketIndex(days, EDGES)).toBe(bucket);
  });

  test("other edges are just data: 1–30 light, 31–90 medium, over 90 heavy", () => {
    expect([0, 30, 31, 90, 91].map((d) => bucketIndex(d, [0, 30, 90]))).toEqual([0, 1, 2, 2, 3]);
  });
});

describe("ageItems", () => {
  test("items at 0, 1, 30, 31, 60, 61, 90, 91 days land in buckets 0,1,1,2,2,3,3,4 and sum exactly", () => {
    const days = [0, 1, 30, 31, 60, 61, 90, 91];
    const items = days.map((d, i) => open(`N-${d}`, AS_OF - d - 30, AS_OF - d, `${(i + 1) * 100}.01`));
    const aged = ageItems(account(items), AS_OF, POLICY, TERMS, 2);
    expect(aged.map((a) => a.daysOverdue)).toEqual(days);
    expect(aged.map((a) => a.bucket)).toEqual([0, 1, 1, 2, 2, 3, 3, 4]);
    // 100.01 | 200.01 + 300.01 | 400.01 + 500.01 | 600.01 + 700.01 | 800.01
    expect(bucketTotals(aged, 5).map((b) => shown(b))).toEqual(["100.01", "500.02", "900.02", "1300.02", "800.01"]);
    // The 1-day item: 200.01 × 0.0005 × 1 = 0.100005 → 0.10
    expect(shown(aged[1].interest)).toBe("0.10");
    expect(shown(aged[0].interest)).toBe("0.00");
  });

  test("only open items are aged, and a disputed item stays in the aging without interest", () => {
    const settled = { ...open("P-0", null, AS_OF - 40, "500"), outstanding: 0 };
    const disputed = open("P-1", null, AS_OF - 40, "1000", true);
    const aged = ageItems(account([settled, disputed]), AS_OF, POLICY, TERMS, 2);
    expect(aged.map((a) => [a.state.invoice.invoiceNo, a.bucket, shown(a.interest)])).toEqual([["P-1", 2, "0.00"]]);
  });

  test("invoice-date basis ages from the invoice date, falling back to the due date when it is missing", () => {
    const byInvoice: Policy = { ...POLICY, agingBasis: "invoice" };
    const notDueYet = open("Q-1", day("2026-05-16"), day("2026-07-15"), "1000");
    const undated = open("Q-2", null, day("2026-05-31"), "200");
    const aged = ageItems(account([notDueYet, undated]), AS_OF, byInvoice, TERMS, 2);
    // 45 days since 05-16 → 31–60 although not due (−15 days overdue); Q-2: 30 days from its due date → 1–30.
    expect(aged.map((a) => [a.ageDays, a.daysOverdue, a.bucket])).toEqual([[45, -15, 2], [30, 30, 1]]);
    expect(bucketTotals(aged, 5).map((b) => shown(b))).toEqual(["0.00", "200.00", "1000.00", "0.00", "0.00"]);
  });

  test("does not mutate its input", () => {
    const input = account([open("R-1", null, AS_OF - 10, "100"), open("R-2", null, AS_OF + 10, "50")]);
    const before = JSON.stringify(input);
    bucketTotals(ageItems(input, AS_OF, POLICY, TERMS, 2), 5);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe("bucketTotals", () => {
  test("an empty list gives zeros; a bucket index out of range is clamped, never lost", () => {
    expect(bucketTotals([], 3).map((b) => shown(b))).toEqual(["0.00", "0.00", "0.00"]);
    const item = { state: open("S", null, AS_OF, "7.5"), daysOverdue: 0, ageDays: 0, bucket: 9, interest: 0 };
    expect(bucketTotals([item], 3).map((b) => shown(b))).toEqual(["0.00", "0.00", "7.50"]);
  });
});
