import { toJsonReport } from "../../src/jobs/json-report";
import { fromYmd } from "../../src/rules/dates";
import { amount as units } from "../support/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import { buildReport } from "../../src/rules/report";
import type { Invoice, Ledger, Report } from "../../src/rules/types";

const AS_OF = fromYmd(2026, 11, 23);

function invoice(customer: string, invoiceNo: string, dueDate: number, amount: string, received = "0", currency = "CNY"): Invoice {
  return {
    customer,
    invoiceNo,
    invoiceDate: dueDate - 30,
    dueDate,
    amount: units(amount, 3),
    received: units(received, 3),
    currency,
    disputed: false,
  };
}

// 甲公司: 1,000.00 due in 3 days; 2,500.00 due 10 days ago with 500.00 received → 2,000.00 overdue,
//   interest 2,000 × 0.0005 × 10 = 10.00; open past due → grade D → limit 0 → over limit by 3,000.00.
// 乙公司: 1,063.125 due in 5 days (shown 1,063.13), limit 5,000.00, grade A.
// Beta: 50.00 USD due in 10 days.
// 1,063.125 has three decimals: the ledger counts tenths of a fen (scale 3).
const LEDGER: Ledger = {
  scale: 3,
  invoices: [
    invoice("甲公司", "INV-1", AS_OF + 3, "1000"),
    invoice("甲公司", "INV-2", AS_OF - 10, "2500", "500"),
    invoice("乙公司", "INV-3", AS_OF + 5, "1063.125"),
    invoice("Beta", "B-1", AS_OF + 10, "50", "0", "USD"),
  ],
  payments: [],
  customers: [
    { name: "甲公司", fixedLimit: units("3000", 3) },
    { name: "乙公司", fixedLimit: units("5000", 3) },
    { name: "Beta", fixedLimit: units("1000", 3) },
  ],
};

const REPORT: Report = {
  ...buildReport(LEDGER, AS_OF, DEFAULT_POLICY),
  errors: [{ sheet: "发票", row: 7, column: "C", code: "date.noSuchMonth", params: { text: "2026-13-01", month: 13 }, outcome: "rowSkipped" }],
};

describe("toJsonReport", () => {
  const json = toJsonReport(REPORT, DEFAULT_POLICY, "zh-CN");
  const byName = (name: string) => json.customers.find((customer) => customer.customer === name)!;

  it("gives the as-of date, the bucket labels and amounts as two-place strings", () => {
    expect(json.asOf).toBe("2026-11-23");
    expect(json.buckets).toEqual(["未到期", "1-30天", "31-60天", "61-90天", "90天以上"]);
    const jia = byName("甲公司");
    expect(jia).toMatchObject({
      currency: "CNY",
      buckets: ["1000.00", "2000.00", "0.00", "0.00", "0.00"],
      outstanding: "3000.00",
      overdue: "2000.00",
      interest: "10.00",
      unappliedCredit: "0.00",
      grade: "D",
      effectiveLimit: "0.00",
      overLimit: true,
      excess: "3000.00",
      stopShipping: true,
      stage: "phone",
      stageLabel: "电话催收",
    });
    expect(byName("乙公司").outstanding).toBe("1063.13");
  });

  it("gives reasons as codes with localized labels in the same order", () => {
    const jia = byName("甲公司");
    expect([...jia.reasons].sort()).toEqual(["gradeD", "overLimit"]);
    const labelOf = { gradeD: "D级客户前帐未清", overLimit: "超出信用额度" } as Record<string, string>;
    expect(jia.reasonLabels).toEqual(jia.reasons.map((reason) => labelOf[reason]));
    const beta = toJsonReport(REPORT, DEFAULT_POLICY, "en").customers.find((customer) => customer.customer === "Beta")!;
    expect(beta).toMatchObject({ overLimit: false, stopShipping: false, reasons: [], reasonLabels: [], stage: null, stageLabel: "" });
  });

  it("totals per currency, rounding the exact sum only when shown; the policy currency in totals", () => {
    // CNY: 3,000.00 + 1,063.125 = 4,063.125 → "4063.13"; not due 1,000 + 1,063.125 = 2,063.125 → "2063.13"
    expect(json.totals).toMatchObject({
      currency: "CNY",
      customers: 2,
      outstanding: "4063.13",
      overdue: "2000.00",
      interest: "10.00",
      buckets: ["2063.13", "2000.00", "0.00", "0.00", "0.00"],
    });
    expect(Object.keys(json.totalsByCurrency).sort()).toEqual(["CNY", "USD"]);
    expect(json.totalsByCurrency.USD).toMatchObject({ outstanding: "50.00", overdue: "0.00", buckets: ["50.00", "0.00", "0.00", "0.00", "0.00"] });
  });

  it("lists the errors with sheet, row, column and message", () => {
    expect(json.errors).toEqual([
      {
        sheet: "发票",
        row: 7,
        column: "C",
        code: "date.noSuchMonth",
        params: { text: "2026-13-01", month: 13 },
        message: "“2026-13-01” 不是有效日期（没有13月）；此行已跳过。",
      },
    ]);
  });

  it("lists notices apart from the errors, and none when the reader gave none", () => {
    const notice = { sheet: "发票", row: 3, column: "A", code: "rows.hidden", params: { count: 2, rows: [3, 5] } };
    const withNotice = toJsonReport(REPORT, DEFAULT_POLICY, "en", [notice]);
    expect(withNotice.notices).toEqual([{ ...notice, message: "2 hidden or filtered rows were included in the figures (rows 3, 5)." }]);
    expect(withNotice.errors.map(({ message, ...place }) => [place, message.length > 0])).toEqual(json.errors.map(({ message, ...place }) => [place, message.length > 0]));
    expect(json.notices).toEqual([]);
  });

  it("uses the only currency present for totals when the policy currency is absent", () => {
    const usdOnly: Report = { ...REPORT, customers: REPORT.customers.filter((customer) => customer.currency === "USD") };
    expect(toJsonReport(usdOnly, DEFAULT_POLICY, "en").totals).toMatchObject({ currency: "USD", outstanding: "50.00" });
  });

  it("survives JSON.stringify unchanged", () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
