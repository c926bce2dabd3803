import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { detailPlan } from "../../../src/workbook/plans";
import { HOSTILE, REPORT } from "./fixtures";

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
});
