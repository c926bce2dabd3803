import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { lettersPlan } from "../../../src/workbook/plans";
import { AS_OF, HOSTILE } from "./fixtures";

describe("lettersPlan", () => {
  it("writes one row per letter with notes on unknown fields and missing values", () => {
    const plan = lettersPlan(
      [
        { customer: HOSTILE, currency: "CNY", stage: "formal", subject: "催款函", body: "尊敬的客户：\n请付款。", unknownFields: ["foo"], missingValues: ["bankAccount"] },
      ],
      "zh-CN",
      AS_OF,
      DEFAULT_POLICY,
    );
    expect(plan.name).toBe("催款函 2026-11-23");
    expect(plan.values).toEqual([
      ["客户", "币种", "催收阶段", "主题", "正文", "备注"],
      [HOSTILE, "CNY", "正式催款函", "催款函", "尊敬的客户：\n请付款。", "未知字段: foo\n缺少数据: bankAccount"],
    ]);
    expect(plan.formats).toContainEqual({ row: 1, col: 3, rows: 1, cols: 3, wrap: true });
  });
});
