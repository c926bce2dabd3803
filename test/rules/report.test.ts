import { rowErrorText } from "../../src/i18n/messages";
import { buildReport } from "../../src/rules/report";
import * as rules from "../../src/rules";
import { fromYmd } from "../../src/rules/dates";
import type { Minor } from "../../src/rules/money";
import { amount, shown } from "../support/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { CustomerReport, Invoice, Ledger, Payment } from "../../src/rules/types";

const day = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number);
  return fromYmd(y, m, d);
};
const AS_OF = day("2026-06-30");

function invoice(customer: string, invoiceNo: string, date: string, due: string, total: string, extra: Partial<Invoice> = {}): Invoice {
  return { customer, invoiceNo, invoiceDate: day(date), dueDate: day(due), amount: amount(total), received: 0, currency: "CNY", disputed: false, ...extra };
}
function payment(customer: string, date: string | null, paid: string, extra: Partial<Payment> = {}): Payment {
  return { customer, date: date === null ? null : day(date), amount: amount(paid), currency: "CNY", ...extra };
}

/**
 * 甲公司 (CNY): J-0 10,000 fully received; J-1 50,000 due 04-01 (90 days), 10,000 paid 04-11 FIFO;
 * J-2 30,000 due 05-31 (30 days); J-3 20,000 due 07-15 (not due). Limit 100,000 + 10,000, grade B typed.
 * 乙公司 (USD): K-1 1,000 due 01-31, disputed, 200 paid by name; a 1,500 payment after the as-of date.
 * 乙公司 (CNY): only a payment of 300 naming an invoice that does not exist.
 */
function smallLedger(): Ledger {
  return {
    scale: 2,
    invoices: [
      invoice("甲公司", "J-0", "2026-01-01", "2026-01-31", "10000.00", { received: amount("10000.00") }),
      invoice("甲公司", "J-1", "2026-03-02", "2026-04-01", "50000.00"),
      invoice("甲公司", "J-2", "2026-05-01", "2026-05-31", "30000.00"),
      invoice("甲公司", "J-3", "2026-06-15", "2026-07-15", "20000.00"),
      invoice("乙公司", "K-1", "2026-01-01", "2026-01-31", "1000.00", { currency: "USD", disputed: true }),
    ],
    payments: [
      payment("甲公司", "2026-04-11", "10000.00"),
      payment("乙公司", null, "200.00", { currency: "USD", invoiceRef: "K-1" }),
      payment("乙公司", "2026-07-05", "1500.00", { currency: "USD" }),
      payment("乙公司", "2026-05-01", "300.00", { invoiceRef: "Z-9", source: { sheet: "回款", row: 5, column: "D" } }),
    ],
    customers: [{ name: "甲公司", fixedLimit: amount("100000"), temporaryLimit: amount("10000"), gradeOverride: "B" }],
  };
}

const fen = (amounts: Minor[]): string[] => amounts.map((a) => shown(a));

describe("buildReport", () => {
  const report = buildReport(smallLedger(), AS_OF, DEFAULT_POLICY);
  const find = (customer: string, currency: string): CustomerReport => {
    const found = report.customers.find((c) => c.customer === customer && c.currency === currency);
    if (!found) throw new Error(`no report for ${customer} ${currency}`);
    return found;
  };

  test("one report per customer and currency, sorted by customer then currency", () => {
    // 乙 (U+4E59) sorts before 甲 (U+7532).
    expect(report.customers.map((c) => [c.customer, c.currency])).toEqual([
      ["乙公司", "CNY"],
      ["乙公司", "USD"],
      ["甲公司", "CNY"],
    ]);
    expect(report.asOf).toBe(AS_OF);
  });

  test("the ledger's row errors are carried into the report", () => {
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ sheet: "回款", row: 5, column: "D" });
    expect(rowErrorText(report.errors[0], "en")).toContain("Z-9");
  });

  test("甲公司: aging, interest, grade, limit, flags, stage and provision, all by hand", () => {
    const c = find("甲公司", "CNY");
    expect(c.items.map((i) => [i.state.invoice.invoiceNo, i.daysOverdue, i.bucket])).toEqual([
      ["J-1", 90, 3],
      ["J-2", 30, 1],
      ["J-3", -15, 0],
    ]);
    // J-1: 50,000 − 10,000 = 40,000 (61–90); J-2 30,000 (1–30); J-3 20,000 (not due).
    expect(fen(c.buckets)).toEqual(["20000.00", "30000.00", "0.00", "40000.00", "0.00"]);
    expect(shown(c.outstanding)).toBe("90000.00");
    expect(shown(c.overdue)).toBe("70000.00");
    expect(shown(c.unappliedCredit)).toBe("0.00");
    // J-1: 10,000 × 0.0005 × 10 + 40,000 × 0.0005 × 90 = 50 + 1,800; J-2: 30,000 × 0.0005 × 30 = 450.
    expect(c.items.map((i) => shown(i.interest))).toEqual(["1850.00", "450.00", "0.00"]);
    expect(shown(c.interest)).toBe("2300.00");
    expect(c.maxDaysOverdue).toBe(90);
    // J-1 and J-2 are open past due on the as-of date: one late payment together (POLICY §4, the
    // customer is late now); J-0 was settled by the undated received column.
    expect(c.lateEvents.map((e) => [e.invoiceNo, e.invoiceCount, e.kind, e.date])).toEqual([["J-1", 2, "openOverdue", AS_OF]]);
    expect(c.computedGrade).toBe("D");
    expect(c.grade).toBe("B");
    // One late payment → cut 10 %: 100,000 × 0.9 + 10,000 temporary = 100,000 (two invoices counted
    // as two late payments cut 30 % before POLICY §4 said a late payment is an event).
    expect(shown(c.fixedLimit)).toBe("100000.00");
    expect(shown(c.temporaryLimit)).toBe("10000.00");
    expect(shown(c.effectiveLimit)).toBe("100000.00");
    expect(c.overLimit).toBe(false);
    expect(shown(c.excess)).toBe("0.00");
    expect(c.limitUsedPct?.toFixed(2)).toBe("90.00");
    expect(c.strictlyControlled).toBe(false);
    // J-1 is 90 days overdue: more than 2 calendar months.
    expect(c.reasons).toEqual(["overdueMonths"]);
    expect(c.stopShipping).toBe(true);
    expect(c.stage).toBe("lawyer");
    // All ages within a year: 5 % of 90,000.
    expect(shown(c.provision)).toBe("4500.00");
    expect(c.writeOffCandidate).toBe(false);
    expect(c.info?.name).toBe("甲公司");
  });

  test("乙公司 USD: a disputed item stays in the aging but has no interest, stage or days overdue", () => {
    const c = find("乙公司", "USD");
    // 1,000 − 200 named; the 1,500 of 07-05 is after the as-of date. 150 days overdue → over 90.
    expect(c.items.map((i) => [i.state.invoice.invoiceNo, i.daysOverdue, i.bucket, shown(i.state.outstanding)])).toEqual([
      ["K-1", 150, 4, "800.00"],
    ]);
    expect(fen(c.buckets)).toEqual(["0.00", "0.00", "0.00", "0.00", "800.00"]);
    expect(shown(c.outstanding)).toBe("800.00");
    expect(shown(c.overdue)).toBe("800.00");
    expect(shown(c.interest)).toBe("0.00");
    expect(c.maxDaysOverdue).toBe(0);
    expect(c.lateEvents).toEqual([]);
    expect([c.computedGrade, c.grade]).toEqual(["A", "A"]);
    // No customer row: no limit is set (limits shown as 0), so it is not over a limit of 0 and
    // nothing else stops shipping (the disputed item counts for no days overdue).
    expect(fen([c.fixedLimit, c.temporaryLimit, c.effectiveLimit])).toEqual(["0.00", "0.00", "0.00"]);
    expect(c.limitSet).toBe(false);
    expect(c.overLimit).toBe(false);
    expect(shown(c.excess)).toBe("0.00");
    expect(c.limitUsedPct).toBeNull();
    expect(c.reasons).toEqual([]);
    expect(c.stopShipping).toBe(false);
    expect(c.stage).toBeNull();
    expect(shown(c.provision)).toBe("40.00");
    expect(c.writeOffCandidate).toBe(false);
    expect(c.info).toBeUndefined();
  });

  test("乙公司 CNY: cash with no invoice is unapplied credit, which never counts as over the limit", () => {
    const c = find("乙公司", "CNY");
    expect(c.items).toEqual([]);
    expect(fen(c.buckets)).toEqual(["0.00", "0.00", "0.00", "0.00", "0.00"]);
    expect(shown(c.outstanding)).toBe("0.00");
    expect(shown(c.unappliedCredit)).toBe("300.00");
    expect(c.overLimit).toBe(false);
    expect(shown(c.excess)).toBe("0.00");
    expect(c.stopShipping).toBe(false);
    expect(c.reasons).toEqual([]);
    expect(c.stage).toBeNull();
    expect(shown(c.provision)).toBe("0.00");
  });

  test("the overdue-total threshold (policy currency) is not applied to another currency", () => {
    const ledger: Ledger = {
      scale: 2,
      invoices: [
        invoice("丙", "U-1", "2026-05-01", "2026-05-31", "250000.00", { currency: "USD" }),
        invoice("丙", "C-1", "2026-05-01", "2026-05-31", "250000.00"),
      ],
      payments: [],
      customers: [{ name: "丙", fixedLimit: amount("1000000"), gradeOverride: "A" }],
    };
    const [cny, usd] = buildReport(ledger, AS_OF, DEFAULT_POLICY).customers;
    expect(cny.currency).toBe("CNY");
    expect(cny.reasons).toEqual(["overdueTotal"]);
    expect(shown(usd.overdue)).toBe("250000.00");
    expect(usd.reasons).toEqual([]);
  });

  test("on the invoice-date basis the buckets follow invoice age, while overdue still follows the due date", () => {
    const byInvoice = buildReport(smallLedger(), AS_OF, { ...DEFAULT_POLICY, agingBasis: "invoice" });
    const c = byInvoice.customers.find((r) => r.customer === "甲公司");
    // J-1 03-02 → 120 days (over 90), J-2 05-01 → 60 days (31–60), J-3 06-15 → 15 days (1–30).
    expect(c?.items.map((i) => i.ageDays)).toEqual([120, 60, 15]);
    expect(fen(c?.buckets ?? [])).toEqual(["0.00", "20000.00", "30000.00", "0.00", "40000.00"]);
    expect(shown(c?.outstanding ?? NaN)).toBe("90000.00");
    expect(shown(c?.overdue ?? NaN)).toBe("70000.00");
  });

  test("the barrel re-exports the engine and the modules it orchestrates", () => {
    expect(rules.buildReport).toBe(buildReport);
    expect(typeof rules.applyLedger).toBe("function");
    expect(typeof rules.lateInterest).toBe("function");
    expect(typeof rules.creditGrade).toBe("function");
    expect(typeof rules.renderLetter).toBe("function");
    expect(rules.DEFAULT_POLICY).toBe(DEFAULT_POLICY);
  });

  test("does not mutate its input", () => {
    const ledger = smallLedger();
    const before = JSON.stringify(ledger);
    buildReport(ledger, AS_OF, DEFAULT_POLICY);
    expect(JSON.stringify(ledger)).toBe(before);
  });
});

describe("buildReport: a credit limit is set only by a fixed limit in the customers table", () => {
  // One open invoice of 5,000.00 due 2026-06-20: 10 days overdue on 2026-06-30.
  const reportFor = (customers: Ledger["customers"], due = "2026-06-20"): CustomerReport =>
    buildReport(
      { scale: 2, invoices: [invoice("丁", "D-1", "2026-05-21", due, "5000.00")], payments: [], customers },
      AS_OF,
      DEFAULT_POLICY,
    ).customers[0];

  test("a customer row without a fixed limit sets none: not over a limit of 0, no excess, no % used", () => {
    const c = reportFor([{ name: "丁", gradeOverride: "A" }]);
    expect(c.limitSet).toBe(false);
    expect(shown(c.effectiveLimit)).toBe("0.00");
    expect(c.overLimit).toBe(false);
    expect(shown(c.excess)).toBe("0.00");
    expect(c.limitUsedPct).toBeNull();
    expect(c.reasons).toEqual([]);
    expect(c.stopShipping).toBe(false);
  });

  test("a fixed limit of 0 typed by finance is a limit (cash only): 5,000 outstanding is 5,000 over", () => {
    const c = reportFor([{ name: "丁", fixedLimit: amount("0"), gradeOverride: "A" }]);
    expect(c.limitSet).toBe(true);
    expect(c.overLimit).toBe(true);
    expect(shown(c.excess)).toBe("5000.00");
    expect(c.limitUsedPct).toBeNull();
    expect(c.reasons).toEqual(["overLimit"]);
  });

  test("grade D still zeroes a set limit: 100,000 becomes 0 and 5,000 is over it", () => {
    const c = reportFor([{ name: "丁", fixedLimit: amount("100000"), gradeOverride: "D" }]);
    expect(c.limitSet).toBe(true);
    expect(shown(c.effectiveLimit)).toBe("0.00");
    expect(c.overLimit).toBe(true);
    expect(shown(c.excess)).toBe("5000.00");
    expect(c.reasons).toEqual(["overLimit", "gradeD"]);
  });

  test("a set limit not exceeded shows the % used: 5,000 not yet due of 100,000 is 5 %", () => {
    const c = reportFor([{ name: "丁", fixedLimit: amount("100000"), gradeOverride: "A" }], "2026-07-20");
    expect(c.limitSet).toBe(true);
    expect(c.overLimit).toBe(false);
    expect(c.limitUsedPct?.toFixed(2)).toBe("5.00");
  });

  test("without a limit, the other reasons to stop shipping still apply", () => {
    const gradeD = reportFor([{ name: "丁", gradeOverride: "D" }]);
    expect(gradeD.overLimit).toBe(false);
    expect(gradeD.reasons).toEqual(["gradeD"]);
    // Due 2026-04-20: 2026-06-20 is 2 calendar months later, on or before the as-of date; grade A typed, no fixed limit.
    const late = reportFor([{ name: "丁", gradeOverride: "A" }], "2026-04-20");
    expect(late.limitSet).toBe(false);
    expect(late.overLimit).toBe(false);
    expect(late.reasons).toEqual(["overdueMonths"]);
  });
});

describe("buildReport: the policy corrections of issue 9 (POLICY §1, §4, §5), figures by hand", () => {
  /** Grade typed as A, so that the computed grade D of an open overdue invoice adds no reason of its own. */
  const A_GRADE = { name: "丁", gradeOverride: "A" as const };

  test("§4: fixed 200,000 with a temporary 120,000 typed → the temporary counts as 100,000, effective 300,000 (not 320,000)", () => {
    const c = buildReport(
      { scale: 2, invoices: [invoice("丁", "D-1", "2026-06-01", "2026-07-01", "310000.00")], payments: [], customers: [{ name: "丁", fixedLimit: amount("200000"), temporaryLimit: amount("120000"), gradeOverride: "A" }] },
      AS_OF,
      DEFAULT_POLICY,
    ).customers[0];
    expect(shown(c.temporaryLimit)).toBe("100000.00");
    expect(shown(c.effectiveLimit)).toBe("300000.00");
    // 310,000 outstanding is 10,000 over 300,000 (it would fit 320,000).
    expect(c.overLimit).toBe(true);
    expect(shown(c.excess)).toBe("10000.00");
  });

  test("§4: one remittance on 05-20 settling three invoices overdue since 04-30 is one late payment: the limit is cut 10 %", () => {
    const c = buildReport(
      {
        scale: 2,
        invoices: [
          invoice("丁", "D-1", "2026-03-31", "2026-04-30", "10000.00"),
          invoice("丁", "D-2", "2026-03-31", "2026-04-30", "20000.00"),
          invoice("丁", "D-3", "2026-03-31", "2026-04-30", "30000.00"),
        ],
        payments: [payment("丁", "2026-05-20", "60000.00")],
        // Grade typed as A: the computed D (late within 3 months) would zero the limit.
        customers: [{ name: "丁", fixedLimit: amount("1000000"), gradeOverride: "A" }],
      },
      AS_OF,
      DEFAULT_POLICY,
    ).customers[0];
    expect(c.lateEvents.map((e) => [e.kind, e.invoiceCount, e.date])).toEqual([["paidLate", 3, day("2026-05-20")]]);
    // 1,000,000 × 0.9 (it was × 0.5 when each invoice counted as a late payment).
    expect(shown(c.effectiveLimit)).toBe("900000.00");
  });

  test("§5: an overdue total of exactly 200,000.00 stops shipping; 199,999.99 does not", () => {
    const reasonsFor = (total: string): string[] =>
      buildReport({ scale: 2, invoices: [invoice("丁", "D-1", "2026-05-01", "2026-06-20", total)], payments: [], customers: [A_GRADE] }, AS_OF, DEFAULT_POLICY).customers[0]
        .reasons;
    expect(reasonsFor("200000.00")).toEqual(["overdueTotal"]);
    expect(reasonsFor("199999.99")).toEqual([]);
  });

  test("§5: 2 calendar months or more — due 04-30 stops shipping on 06-30 (61 days), due 05-01 does not (60 days)", () => {
    const reasonsFor = (due: string): string[] =>
      buildReport({ scale: 2, invoices: [invoice("丁", "D-1", "2026-04-01", due, "1000.00")], payments: [], customers: [A_GRADE] }, AS_OF, DEFAULT_POLICY).customers[0].reasons;
    expect(reasonsFor("2026-04-30")).toEqual(["overdueMonths"]);
    expect(reasonsFor("2026-05-01")).toEqual([]);
  });

  test("§1: unapplied cash settles INV-9 before INV-10 (natural order of invoice numbers)", () => {
    const c = buildReport(
      {
        scale: 2,
        invoices: [invoice("丁", "INV-10", "2026-06-01", "2026-07-01", "100.00"), invoice("丁", "INV-9", "2026-06-01", "2026-07-01", "100.00")],
        payments: [payment("丁", "2026-06-10", "100.00")],
        customers: [],
      },
      AS_OF,
      DEFAULT_POLICY,
    ).customers[0];
    expect(c.items.map((i) => i.state.invoice.invoiceNo)).toEqual(["INV-10"]);
  });
});

describe("buildReport: interest accrued before an invoice was settled stays owed (POLICY §6)", () => {
  const reportOf = (invoices: Invoice[], payments: Payment[], asOf: string): CustomerReport =>
    buildReport({ scale: 2, invoices, payments, customers: [] }, day(asOf), DEFAULT_POLICY).customers[0];

  test("10,000 due 2026-01-01 paid in full on 01-21, as of 02-28: 10,000 × 0.0005 × 20 = 100.00 stays; outstanding 0", () => {
    const c = reportOf(
      [invoice("戊", "E-1", "2025-12-02", "2026-01-01", "10000.00")],
      [payment("戊", "2026-01-21", "10000.00", { invoiceRef: "E-1" })],
      "2026-02-28",
    );
    expect(shown(c.outstanding)).toBe("0.00");
    expect(c.items).toEqual([]);
    expect(shown(c.interest)).toBe("100.00");
    expect(shown(c.settledInterest)).toBe("100.00");
  });

  test("a credit note settling late, plus an open item: 5,000 × 10 days = 25.00 settled + 2,000 × 27 days = 27.00 open = 52.00", () => {
    const c = reportOf(
      [
        invoice("戊", "E-1", "2025-12-02", "2026-01-01", "5000.00"),
        invoice("戊", "E-2", "2026-01-02", "2026-02-01", "2000.00"),
        invoice("戊", "CN-1", "2026-01-11", "2026-01-11", "-5000.00"),
      ],
      [],
      "2026-02-28",
    );
    expect(c.items.map((i) => [i.state.invoice.invoiceNo, shown(i.interest)])).toEqual([["E-2", "27.00"]]);
    expect(shown(c.settledInterest)).toBe("25.00");
    expect(shown(c.interest)).toBe("52.00");
    expect(shown(c.outstanding)).toBe("2000.00");
  });

  test("a named payment 20 days late, the rest by undated cash: 4,000 × 0.0005 × 20 = 40.00 stays", () => {
    const c = reportOf(
      [invoice("戊", "E-1", "2025-12-02", "2026-01-01", "10000.00")],
      [payment("戊", "2026-01-21", "4000.00", { invoiceRef: "E-1" }), payment("戊", null, "6000.00")],
      "2026-02-28",
    );
    expect(shown(c.outstanding)).toBe("0.00");
    expect(shown(c.settledInterest)).toBe("40.00");
    expect(shown(c.interest)).toBe("40.00");
  });

  test("nothing for an invoice settled by the undated received column, on time, or while disputed", () => {
    const c = reportOf(
      [
        invoice("戊", "E-1", "2025-12-02", "2026-01-01", "10000.00", { received: amount("10000.00") }),
        invoice("戊", "E-2", "2025-12-02", "2026-01-01", "10000.00"),
        invoice("戊", "E-3", "2025-12-02", "2026-01-01", "10000.00", { disputed: true }),
      ],
      [payment("戊", "2026-01-01", "10000.00", { invoiceRef: "E-2" }), payment("戊", "2026-01-21", "10000.00", { invoiceRef: "E-3" })],
      "2026-02-28",
    );
    expect(shown(c.outstanding)).toBe("0.00");
    expect(shown(c.interest)).toBe("0.00");
    expect(shown(c.settledInterest)).toBe("0.00");
  });

  test("as of a day before the payment the invoice is open: 14 days → 70.00 on the item, none settled", () => {
    const c = reportOf(
      [invoice("戊", "E-1", "2025-12-02", "2026-01-01", "10000.00")],
      [payment("戊", "2026-01-21", "10000.00", { invoiceRef: "E-1" })],
      "2026-01-15",
    );
    expect(c.items.map((i) => shown(i.interest))).toEqual(["70.00"]);
    expect(shown(c.settledInterest)).toBe("0.00");
    expect(shown(c.interest)).toBe("70.00");
  });
});
