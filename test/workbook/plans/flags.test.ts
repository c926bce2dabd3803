import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { flagsPlan } from "../../../src/workbook/plans";
import { BETA, BING, column, customer, HOSTILE_CUSTOMER, JIA, reportOf } from "./fixtures";

describe("flagsPlan", () => {
  it("lists customers over limit or to stop shipping, stop shipping first, then excess, then overdue", () => {
    const plan = flagsPlan(reportOf([BETA, HOSTILE_CUSTOMER, BING, JIA]), DEFAULT_POLICY, "en");
    // JIA: stop, excess 500; BETA: stop, excess 10; BING: not stop, excess 100. HOSTILE not flagged.
    expect(column(plan, 0)).toEqual(["Customer", "甲公司", "Beta Ltd", "丙公司"]);
    expect(plan.values[1]).toEqual([
      "甲公司", "CNY", "B (computed: D)", "Yes", 3000, 3500, 500, expect.closeTo(3500 / 3000, 6), 2500, 120,
      "Invoice overdue 2 months or more; Over credit limit", "Legal action", "张三", "甲公司 联系人",
    ]);
    expect(plan.name).toBe("Flags 2026-11-23");
  });

  it("orders by overdue when stop shipping and excess tie", () => {
    const a = customer({ customer: "A", buckets: [0, 10000, 0, 0, 0], overdue: 10000, limit: 0, reasons: ["overLimit"] });
    const b = customer({ customer: "B", buckets: [0, 0, 0, 0, 10000], overdue: 20000, limit: 0, reasons: ["overLimit"] });
    const plan = flagsPlan(reportOf([a, b]), DEFAULT_POLICY, "en");
    expect(column(plan, 0)).toEqual(["Customer", "B", "A"]);
    expect(plan.values[1][7]).toBeNull(); // limit 0: no % used
  });
});
