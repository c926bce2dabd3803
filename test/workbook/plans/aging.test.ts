import { customerOwners } from "../../../src/rules/owners";
import { buildReport } from "../../../src/rules/report";
import type { Invoice, Ledger } from "../../../src/rules/types";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { agingColumns, agingPlan, currencyTotals } from "../../../src/workbook/plans";
import { AS_OF, column, customer, HOSTILE, invoice, REPORT, reportOf } from "./fixtures";

describe("agingPlan", () => {
  const plan = agingPlan(REPORT, DEFAULT_POLICY, "zh-CN");
  const cols = agingColumns(5);

  it("has localized headers with the policy's bucket labels, in each language", () => {
    expect(plan.values[0].slice(0, cols.count)).toEqual([
      "客户", "币种", "业务员", "信用等级", "有效额度", "应收余额",
      "未到期", "1-30天", "31-60天", "61-90天", "90天以上",
      "逾期金额", "逾期占比", "罚息", "未核销预收", "超额度金额", "额度使用率", "停止供货", "停货原因", "催收阶段",
    ]);
    const tw = agingPlan(REPORT, DEFAULT_POLICY, "zh-TW");
    expect(tw.values[0].slice(0, 6)).toEqual(["客戶", "幣別", "業務員", "信用等級", "有效額度", "應收餘額"]);
    expect(tw.values[0][cols.stage]).toBe("催收階段");
    expect(tw.name).toBe("帳齡分析 2026-11-23");
    const en = agingPlan(REPORT, DEFAULT_POLICY, "en");
    expect(en.values[0].slice(0, 7)).toEqual(["Customer", "Currency", "Salesperson", "Grade", "Effective limit", "Outstanding", "Not due"]);
    expect(en.values[1][cols.stopShipping]).toBe("Yes");
  });

  it("writes one row per customer with amounts as numbers rounded to the fen", () => {
    const jia = plan.values[1];
    expect(jia[cols.customer]).toBe("甲公司");
    expect(jia[cols.salesperson]).toBe("张三");
    expect(jia[cols.grade]).toBe("B (计算: D)");
    expect(jia[cols.effectiveLimit]).toBe(3000);
    expect(jia[cols.outstanding]).toBe(3500);
    expect(jia.slice(cols.buckets, cols.buckets + 5)).toEqual([1000, 2000, 0, 0, 500]);
    expect(jia[cols.overdue]).toBe(2500);
    expect(jia[cols.overduePct]).toBeCloseTo(2500 / 3500, 6);
    expect(jia[cols.interest]).toBe(12.34);
    expect(jia[cols.excess]).toBe(500);
    expect(jia[cols.limitUsedPct]).toBeCloseTo(3500 / 3000, 6);
    expect(jia[cols.stopShipping]).toBe("是");
    expect(jia[cols.reasons]).toBe("有发票逾期2个月以上；超出信用额度");
    expect(jia[cols.stage]).toBe("法律程序");
  });

  it("keeps a hostile customer name as the same plain string", () => {
    expect(plan.values[2][cols.customer]).toBe(HOSTILE);
    expect(plan.values[2][cols.grade]).toBe("A");
    expect(plan.values[2][cols.stopShipping]).toBe("否");
  });

  it("adds one totals row per currency, equal to the sum of the rows, never across currencies", () => {
    // rows: header, 甲, hostile (CNY), Beta (USD), 合计 (CNY), 合计 (USD)
    expect(column(plan, cols.customer).slice(0, 6)).toEqual(["客户", "甲公司", HOSTILE, "Beta Ltd", "合计 (CNY)", "合计 (USD)"]);
    const cny = plan.values[4];
    expect(cny[cols.currency]).toBe("CNY");
    expect(cny[cols.outstanding]).toBe(4000.5); // 3500 + 500.50
    expect(cny.slice(cols.buckets, cols.buckets + 5)).toEqual([1000, 2300.5, 200, 0, 500]);
    expect(cny[cols.overdue]).toBe(3000.5); // 2500 + 500.50
    expect(cny[cols.interest]).toBe(13.54); // 12.34 + 1.20
    const usd = plan.values[5];
    expect(usd[cols.outstanding]).toBe(50);
    expect(usd[cols.overdue]).toBe(0);
    for (const col of [cols.outstanding, ...[0, 1, 2, 3, 4].map((i) => cols.buckets + i), cols.overdue, cols.interest, cols.excess]) {
      const cnyRows = [plan.values[1], plan.values[2]].map((row) => row[col] as number);
      expect(cny[col]).toBeCloseTo(cnyRows[0] + cnyRows[1], 2);
      expect(usd[col]).toBe(plan.values[3][col]);
    }
    const totalFormat = plan.formats.find((format) => format.mark === "total");
    expect(totalFormat).toMatchObject({ row: 4, rows: 2, col: 0, cols: cols.count, bold: true });
  });

  it("formats header, amounts and percents", () => {
    expect(plan.formats[0]).toMatchObject({ row: 0, col: 0, rows: 1, cols: cols.count, mark: "header", bold: true });
    const formatOf = (col: number) => plan.formats.find((format) => format.col === col && format.row === 1 && format.numberFormat);
    expect(formatOf(cols.outstanding)).toMatchObject({ numberFormat: "#,##0.00", rows: 5 });
    expect(formatOf(cols.buckets + 4)).toMatchObject({ numberFormat: "#,##0.00" });
    expect(formatOf(cols.overduePct)).toMatchObject({ numberFormat: "0.0%" });
    expect(formatOf(cols.limitUsedPct)).toMatchObject({ numberFormat: "0.0%" });
    expect(plan.freezeRows).toBe(1);
    expect(plan.freezeCols).toBe(1);
    expect(plan.columnWidths.length).toBe(plan.values[0].length);
    const width = plan.values[0].length;
    expect(plan.values.every((row) => row.length === width)).toBe(true);
  });

  it("colours the bucket columns: not due green, 1–60 amber, 61–90 and over 90 red, for values > 0", () => {
    expect(plan.conditionalFormats.map((format) => [format.col, format.mark, format.greaterThan])).toEqual([
      [6, "green", 0],
      [7, "amber", 0],
      [8, "amber", 0],
      [9, "red", 0],
      [10, "red", 0],
    ]);
    expect(plan.conditionalFormats.every((format) => format.row === 1 && format.rows === 3)).toBe(true);
  });

  it("points the stacked bar chart at a data block of the top customers in the policy currency", () => {
    const chart = plan.chart!;
    expect(chart.type).toBe("barStacked");
    expect(chart.dataCol).toBe(cols.count + 1); // one blank column after the table
    expect(chart.dataRow).toBe(0);
    expect(chart.dataRows).toBe(3); // header + 2 CNY customers
    expect(chart.dataCols).toBe(6); // customer + 5 buckets
    const block = plan.values.slice(0, 3).map((row) => row.slice(chart.dataCol, chart.dataCol + chart.dataCols));
    expect(block).toEqual([
      ["客户", "未到期", "1-30天", "31-60天", "61-90天", "90天以上"],
      ["甲公司", 1000, 2000, 0, 0, 500],
      [HOSTILE, 0, 300.5, 200, 0, 0],
    ]);
    expect(column(plan, cols.count).every((cell) => cell === null)).toBe(true);
    expect(chart.title).toContain("CNY");
  });

  it("limits the chart to 10 customers, largest outstanding first", () => {
    const many = Array.from({ length: 12 }, (_, index) =>
      customer({ customer: `C${index + 1}`, buckets: [(index + 1) * 100, 0, 0, 0, 0], overdue: 0, limit: 100000 }),
    );
    const big = agingPlan(reportOf(many), DEFAULT_POLICY, "en");
    const chart = big.chart!;
    expect(chart.dataRows).toBe(11);
    expect(big.values[1][chart.dataCol]).toBe("C12");
    expect(big.values[10][chart.dataCol]).toBe("C3");
  });

  it("does not mutate the report", () => {
    const before = JSON.stringify(REPORT);
    agingPlan(REPORT, DEFAULT_POLICY, "en");
    expect(JSON.stringify(REPORT)).toBe(before);
  });
});

describe("agingPlan at other scales", () => {
  const cols = agingColumns(5);

  it("shows amounts in tenths of a fen rounded to the fen, and each total as the exact total rounded once", () => {
    // Two customers (Alpha Co, Beta Co) owing 1,063.125 each, not yet due: rows show 1063.13; the total is
    // 2,126.250 → 2126.25, not the 2126.26 the two shown figures would add up to.
    const ledger = {
      scale: 3,
      invoices: [invoice("Alpha Co", "INV-1", 1063125, 10), invoice("Beta Co", "INV-2", 1063125, 10)],
      payments: [],
      customers: [],
    };
    const plan = agingPlan(buildReport(ledger, AS_OF, DEFAULT_POLICY), DEFAULT_POLICY, "en");
    expect(column(plan, cols.customer).slice(1, 4)).toEqual(["Alpha Co", "Beta Co", "Total (CNY)"]);
    for (const row of [plan.values[1], plan.values[2]]) {
      expect(row[cols.outstanding]).toBe(1063.13);
      expect(row[cols.buckets]).toBe(1063.13);
    }
    expect(plan.values[3][cols.outstanding]).toBe(2126.25);
    expect(plan.values[3][cols.buckets]).toBe(2126.25);
    expect(plan.values[1].slice(plan.chart!.dataCol, plan.chart!.dataCol + 2)).toEqual(["Alpha Co", 1063.13]);
  });

  it("shows amounts beyond 2^53 fen as the nearest double, and a total of the exact sum", () => {
    // 123,456,789,012,345,678.91 not due + 87,654,321,098,765,432.09 not due = 211,111,110,111,111,111.00.
    const ledger = {
      scale: 2,
      invoices: [invoice("Alpha Co", "INV-1", 12345678901234567891n, 10), invoice("Beta Co", "INV-2", 8765432109876543209n, 10)],
      payments: [],
      customers: [],
    };
    const report = buildReport(ledger, AS_OF, DEFAULT_POLICY);
    const plan = agingPlan(report, DEFAULT_POLICY, "en");
    expect(plan.values[1][cols.outstanding]).toBe(Number("123456789012345678.91"));
    expect(plan.values[2][cols.outstanding]).toBe(Number("87654321098765432.09"));
    expect(currencyTotals(report.customers, "CNY", 5).outstanding).toBe(21111111011111111100n);
    expect(plan.values[3][cols.outstanding]).toBe(Number("211111110111111111.00"));
    expect(plan.values[3][cols.buckets]).toBe(Number("211111110111111111.00"));
    expect(plan.values[3][cols.overduePct]).toBe(0);
  });

  it("names each customer's salesperson as the management view does: the customers table's, else the latest invoice's", () => {
    const withSalesperson = (row: Invoice, salesperson: string, invoiceDate: number): Invoice => ({ ...row, salesperson, invoiceDate });
    const ledger: Ledger = {
      scale: 2,
      invoices: [
        // Alpha's open invoice names 张三, its later (settled) one 李四: the latest naming wins.
        withSalesperson(invoice("Alpha Co", "INV-1", 10000, 10), "张三", AS_OF - 40),
        withSalesperson(invoice("Alpha Co", "INV-2", 5000, 10, 5000), "李四", AS_OF - 5),
        withSalesperson(invoice("Beta Co", "INV-3", 10000, 10), "王五", AS_OF - 40),
        invoice("Gamma Co", "INV-4", 10000, 10),
      ],
      payments: [],
      customers: [{ name: "Beta Co", salesperson: "赵六" }],
    };
    const plan = agingPlan(buildReport(ledger, AS_OF, DEFAULT_POLICY), DEFAULT_POLICY, "en");
    const owners = customerOwners(ledger);
    expect(column(plan, cols.salesperson).slice(1, 4)).toEqual(["李四", "赵六", ""]);
    expect(["Alpha Co", "Beta Co", "Gamma Co"].map((name) => owners.get(name)?.salesperson)).toEqual(["李四", "赵六", ""]);
  });
});
