import { buildReport } from "../../../src/rules/report";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { detailPlan } from "../../../src/workbook/plans";
import { AS_OF, HOSTILE, invoice, REPORT } from "./fixtures";

describe("detailPlan", () => {
  const plan = detailPlan(REPORT, DEFAULT_POLICY, "zh-CN");

  it("lists each open invoice with dates as 1900 serials and amounts to the fen", () => {
    expect(plan.values[0]).toEqual([
      "客户", "币种", "发票号", "开票日期", "到期日", "发票金额", "已收/核销", "未收余额", "逾期天数", "账龄区间", "罚息", "争议", "催收阶段",
    ]);
    expect(plan.values).toHaveLength(5);
    const inv2 = plan.values[2];
    // due 2026-11-13 = serial 46339, invoiced 30 days earlier
    expect(inv2).toEqual(["甲公司", "CNY", "INV-2", 46309, 46339, 2500, 500, 2000, 10, "1-30天", 10, "否", "电话催收"]);
    expect(plan.values[1][12]).toBe("到期提醒"); // due in 3 days
    expect(plan.values[3].slice(9, 13)).toEqual(["90天以上", 2.34, "是", ""]); // disputed: no stage
    expect(plan.values[4].slice(0, 3)).toEqual([HOSTILE, "CNY", "=1+1"]);
    expect(plan.dateCols).toEqual([3, 4]);
    expect(plan.formats.filter((format) => format.numberFormat === "yyyy-mm-dd").map((format) => format.col)).toEqual([3, 4]);
  });

  it("shows amounts of a ledger in tenths of a fen rounded half-up to the fen", () => {
    // 1,063.125 invoiced, 500.000 received on the row: 563.125 open → shown 1063.13, 500, 563.13.
    const ledger = { scale: 3, invoices: [invoice("甲公司", "INV-1", 1063125, 10, 500000)], payments: [], customers: [] };
    const row = detailPlan(buildReport(ledger, AS_OF, DEFAULT_POLICY), DEFAULT_POLICY, "en").values[1];
    expect(row.slice(5, 8)).toEqual([1063.13, 500, 563.13]);
  });

  it("shows an amount beyond 2^53 fen as the nearest double, and its interest to the fen", () => {
    // 87,654,321,098,765,432.09 due 10 days ago: interest 10 × 0.05% = 438,271,605,493,827.16045 → …827.16.
    const ledger = { scale: 2, invoices: [invoice("乙公司", "INV-9", 8765432109876543209n, -10)], payments: [], customers: [] };
    const row = detailPlan(buildReport(ledger, AS_OF, DEFAULT_POLICY), DEFAULT_POLICY, "en").values[1];
    expect(row[5]).toBe(Number("87654321098765432.09"));
    expect(row[6]).toBe(0);
    expect(row[7]).toBe(Number("87654321098765432.09"));
    expect(row[10]).toBe(Number("438271605493827.16"));
  });
});
