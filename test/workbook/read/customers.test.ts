import { rowErrorText } from "../../../src/i18n/messages";
import { buildReport } from "../../../src/rules/report";
import { fromYmd } from "../../../src/rules/dates";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { shown } from "../../support/money";
import type { CellValue, WorkbookData } from "../../../src/workbook/adapter-types";
import { readLedger } from "../../../src/workbook/read";
import { sheetOf } from "../../support/grid";

function workbook(customers: CellValue[][]): WorkbookData {
  return {
    sheets: [
      sheetOf("应收台账", [["客户", "发票号", "到期日", "金额"], ["丁公司", "D-1", "2026-11-30", 310000]]),
      sheetOf("客户资料", [["客户名称", "信用额度", "临时额度", "信用等级"], ...customers]),
    ],
    tables: [],
    dateSystem: "1900",
    settings: {},
  };
}

describe("readCustomers: a temporary limit over 50 % of the fixed limit (POLICY §4)", () => {
  test("fixed 200,000 and temporary 120,000: a problem on the 临时额度 cell, the row kept, the report counts 100,000", () => {
    const read = readLedger(workbook([["丁公司", 200000, 120000, "A"]]), DEFAULT_POLICY);
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]).toMatchObject({ sheet: "客户资料", row: 2, column: "C", header: "临时额度", code: "limit.temporaryCapped" });
    expect(read.errors[0].outcome).toBeUndefined();
    expect(rowErrorText(read.errors[0], "zh-CN")).toBe("第2行 “临时额度” 列：临时额度 120000 超过固定额度 200000 的 50%：更正前按 100000 计。");
    expect(rowErrorText(read.errors[0], "en", "none")).toBe("temporary limit 120000 is more than 50% of the fixed limit 200000: it counts as 100000 until corrected.");
    // Typed as read; the report counts 100,000: 200,000 + 100,000 = 300,000 (not 320,000), so 310,000 is over.
    expect(read.ledger.customers[0].temporaryLimit).toBe(12000000);
    const customer = buildReport(read.ledger, fromYmd(2026, 11, 23), DEFAULT_POLICY).customers[0];
    expect(shown(customer.temporaryLimit)).toBe("100000.00");
    expect(shown(customer.effectiveLimit)).toBe("300000.00");
    expect(shown(customer.excess)).toBe("10000.00");
  });

  test("exactly 50 % is allowed: no problem", () => {
    expect(readLedger(workbook([["丁公司", 200000, 100000, "A"]]), DEFAULT_POLICY).errors).toEqual([]);
  });
});
