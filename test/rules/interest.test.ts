import { interestTerms, lateInterest, settledLateInterest, simpleInterest } from "../../src/rules/interest";
import { fromYmd } from "../../src/rules/dates";
import { toDecimal } from "../../src/rules/decimal";
import { subtract, type Minor } from "../../src/rules/money";
import { amount, shown } from "../support/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { Policy } from "../../src/rules/policy-types";
import type { Application, InvoiceState } from "../../src/rules/types";

const day = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number);
  return fromYmd(y, m, d);
};

/** Default terms spelled out, so the arithmetic in each test is visible: 0.0005 per day, no grace, no cap. */
const POLICY: Policy = { ...DEFAULT_POLICY, interest: { dailyRate: toDecimal("0.0005"), graceDays: 0, capRatio: null } };
const withInterest = (terms: Partial<Policy["interest"]>): Policy => ({ ...POLICY, interest: { ...POLICY.interest, ...terms } });

/** The rules at the fen scale (or `scale`), with the policy's terms read as a report reads them. */
const late = (s: InvoiceState, asOf: number, policy: Policy, scale = 2) => lateInterest(s, asOf, interestTerms(policy), scale);
const simple = (balance: Minor, days: number, policy: Policy) => simpleInterest(balance, days, interestTerms(policy), 2);
const settledInterest = (items: InvoiceState[], asOf: number, policy: Policy, scale = 2) =>
  settledLateInterest(items, asOf, interestTerms(policy), scale);

function state(total: string, due: string, applications: [string | null, string][] = [], disputed = false, scale = 2): InvoiceState {
  const apps: Application[] = applications.map(([date, paid]) => ({
    date: date === null ? null : day(date),
    amount: amount(paid, scale),
    kind: date === null ? "received" : "payment",
  }));
  const outstanding = apps.reduce((left, a) => subtract(left, a.amount), amount(total, scale));
  return {
    invoice: {
      customer: "甲",
      invoiceNo: "INV-1",
      invoiceDate: day(due) - 30,
      dueDate: day(due),
      amount: amount(total, scale),
      received: 0,
      currency: "CNY",
      disputed,
    },
    outstanding,
    applications: apps,
    settledOn: null,
  };
}

describe("simpleInterest", () => {
  test("100,000 × 0.0005 × 30 days = 1,500.00 (POLICY §6)", () => {
    expect(shown(simple(amount("100000"), 30, POLICY))).toBe("1500.00");
  });

  test("rounds half-up to the fen: 333.33 × 0.0005 × 1 = 0.166665 → 0.17", () => {
    expect(shown(simple(amount("333.33"), 1, POLICY))).toBe("0.17");
  });

  test("no days, negative days or no balance → 0", () => {
    expect(shown(simple(amount("100000"), 0, POLICY))).toBe("0.00");
    expect(shown(simple(amount("100000"), -5, POLICY))).toBe("0.00");
    expect(shown(simple(0, 30, POLICY))).toBe("0.00");
  });
});

describe("lateInterest", () => {
  test("open 100,000 due 2026-01-01, as of 2026-01-31: 30 days → 1,500.00", () => {
    expect(shown(late(state("100000", "2026-01-01"), day("2026-01-31"), POLICY))).toBe("1500.00");
  });

  test("due today or not yet due → 0", () => {
    expect(shown(late(state("100000", "2026-01-31"), day("2026-01-31"), POLICY))).toBe("0.00");
    expect(shown(late(state("100000", "2026-02-10"), day("2026-01-31"), POLICY))).toBe("0.00");
  });

  test("declining balance: 40,000 paid on 01-11 → 40,000×0.0005×10 + 60,000×0.0005×30 = 200 + 900 = 1,100.00", () => {
    const paidPart = state("100000", "2026-01-01", [["2026-01-11", "40000"]]);
    expect(shown(late(paidPart, day("2026-01-31"), POLICY))).toBe("1100.00");
  });

  test("interest accrued on a paid principal stays owed: 1,000 paid 20 days late → 10.00 long after", () => {
    const paidLate = state("1000", "2026-01-01", [["2026-01-21", "1000"]]);
    expect(shown(late(paidLate, day("2026-06-30"), POLICY))).toBe("10.00");
  });

  test("a payment on or before the due date, or undated, accrues nothing", () => {
    const early = state("100000", "2026-01-01", [["2025-12-20", "40000"]]);
    expect(shown(late(early, day("2026-01-31"), POLICY))).toBe("900.00");
    const undated = state("100000", "2026-01-01", [[null, "40000"]]);
    expect(shown(late(undated, day("2026-01-31"), POLICY))).toBe("900.00");
  });

  test("a payment dated after as-of still counts as unpaid on the as-of date", () => {
    const later = state("100000", "2026-01-01", [["2026-02-15", "40000"]]);
    expect(shown(late(later, day("2026-01-31"), POLICY))).toBe("1500.00");
  });

  test("grace days shift the start: 5 days' grace → 25 days → 1,250.00; with the 01-11 payment 100 + 750 = 850.00", () => {
    const grace = withInterest({ graceDays: 5 });
    expect(shown(late(state("100000", "2026-01-01"), day("2026-01-31"), grace))).toBe("1250.00");
    const paidPart = state("100000", "2026-01-01", [["2026-01-11", "40000"]]);
    expect(shown(late(paidPart, day("2026-01-31"), grace))).toBe("850.00");
    expect(shown(late(state("100000", "2026-01-01"), day("2026-01-06"), grace))).toBe("0.00");
  });

  test("a cap of 1 % of the invoice limits 1,500.00 to 1,000.00 and leaves 500.00 alone", () => {
    const capped = withInterest({ capRatio: toDecimal("0.01") });
    expect(shown(late(state("100000", "2026-01-01"), day("2026-01-31"), capped))).toBe("1000.00");
    expect(shown(late(state("100000", "2026-01-01"), day("2026-01-11"), capped))).toBe("500.00");
  });

  test("a disputed invoice accrues nothing", () => {
    expect(shown(late(state("100000", "2026-01-01", [], true), day("2026-01-31"), POLICY))).toBe("0.00");
  });

  test("rounded half-up per invoice: 333.33 for 1 day → 0.17", () => {
    expect(shown(late(state("333.33", "2026-01-01"), day("2026-01-02"), POLICY))).toBe("0.17");
  });

  test("does not mutate its input", () => {
    const input = state("100000", "2026-01-01", [["2026-01-11", "40000"]]);
    const before = JSON.stringify(input);
    late(input, day("2026-01-31"), withInterest({ capRatio: toDecimal("0.5"), graceDays: 2 }));
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe("settledLateInterest", () => {
  /** A state settled by its applications as applyLedger leaves it: outstanding 0, settledOn the last one's date. */
  const settled = (total: string, due: string, applications: [string | null, string][], disputed = false, scale = 2): InvoiceState => {
    const last = applications[applications.length - 1][0];
    return { ...state(total, due, applications, disputed, scale), outstanding: 0, settledOn: last === null ? null : day(last) };
  };

  test("10,000 due 2026-01-01 paid in full on 01-21, as of 02-28: 10,000 × 0.0005 × 20 = 100.00", () => {
    const paid = settled("10000", "2026-01-01", [["2026-01-21", "10000"]]);
    expect(shown(settledInterest([paid], day("2026-02-28"), POLICY))).toBe("100.00");
  });

  test("sums per-invoice rounded interest: 333.33 paid 1 day late → 0.17 each, twice → 0.34", () => {
    const a = settled("333.33", "2026-01-01", [["2026-01-02", "333.33"]]);
    const b = settled("333.33", "2026-01-01", [["2026-01-02", "333.33"]]);
    expect(shown(settledInterest([a, b], day("2026-02-28"), POLICY))).toBe("0.34");
  });

  test("declining balance on a settled invoice: 4,000 on 01-11 and 6,000 on 01-31 → 20.00 + 90.00 = 110.00", () => {
    const twoParts = settled("10000", "2026-01-01", [["2026-01-11", "4000"], ["2026-01-31", "6000"]]);
    expect(shown(settledInterest([twoParts], day("2026-06-30"), POLICY))).toBe("110.00");
  });

  test("a dated part paid late counts even when undated cash settled the rest: 4,000 × 0.0005 × 20 = 40.00", () => {
    const mixed = settled("10000", "2026-01-01", [["2026-01-21", "4000"], [null, "6000"]]);
    expect(mixed.settledOn).toBeNull();
    expect(shown(settledInterest([mixed], day("2026-02-28"), POLICY))).toBe("40.00");
  });

  test("nothing for invoices paid on time, by undated cash, disputed, or paid within the grace days", () => {
    const onTime = settled("10000", "2026-01-01", [["2026-01-01", "10000"]]);
    const undated = settled("10000", "2026-01-01", [[null, "10000"]]);
    const disputed = settled("10000", "2026-01-01", [["2026-01-21", "10000"]], true);
    const inGrace = settled("10000", "2026-01-01", [["2026-01-04", "10000"]]);
    const items = [onTime, undated, disputed, inGrace];
    expect(shown(settledInterest(items, day("2026-02-28"), withInterest({ graceDays: 3 })))).toBe("0.00");
    // Without grace only inGrace accrues: 10,000 × 0.0005 × 3 = 15.00.
    expect(shown(settledInterest(items, day("2026-02-28"), POLICY))).toBe("15.00");
  });

  test("open items are left to ageItems: an open invoice adds nothing here", () => {
    const open = state("10000", "2026-01-01", [["2026-01-21", "4000"]]);
    expect(shown(settledInterest([open], day("2026-02-28"), POLICY))).toBe("0.00");
  });

  test("the cap applies per invoice: 1 % of 10,000 caps 100.00 at 100.00 and 150.00 at 100.00", () => {
    const capped = withInterest({ capRatio: toDecimal("0.01") });
    const twenty = settled("10000", "2026-01-01", [["2026-01-21", "10000"]]);
    const thirty = settled("10000", "2026-01-01", [["2026-01-31", "10000"]]);
    expect(shown(settledInterest([twenty, thirty], day("2026-02-28"), capped))).toBe("200.00");
  });

  test("amounts with more than two decimals, at scale 3: 0.001 × 1,000 days × 0.0005 → 0.0005 → 0.00; 10.005 × 20 × 0.0005 = 0.10005 → 0.10", () => {
    const tiny = settled("0.001", "2023-01-01", [["2025-09-27", "0.001"]], false, 3);
    const odd = settled("10.005", "2026-01-01", [["2026-01-21", "10.005"]], false, 3);
    expect(shown(settledInterest([tiny, odd], day("2026-02-28"), POLICY, 3), 3)).toBe("0.10");
  });

  test("does not mutate its input", () => {
    const input = [settled("10000", "2026-01-01", [["2026-01-21", "10000"]])];
    const before = JSON.stringify(input);
    settledInterest(input, day("2026-02-28"), POLICY);
    expect(JSON.stringify(input)).toBe(before);
  });
});
