import { fromYmd } from "../../src/rules/dates";
import { Dec, type Decimal } from "../../src/rules/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { AgedItem, CustomerReport, Grade, Report, StopReason } from "../../src/rules/types";
import {
  agingColumns,
  agingPlan,
  detailPlan,
  errorsPlan,
  flagsPlan,
  lettersPlan,
  sheetName,
} from "../../src/workbook/plans";
import type { SheetPlan } from "../../src/workbook/plan-types";

const AS_OF = fromYmd(2026, 11, 23);
const HOSTILE = '=HYPERLINK("http://x","y")';
const d = (text: string): Decimal => new Dec(text);

/** An open invoice of `outstanding`, `daysOverdue` days past its due date. */
function item(invoiceNo: string, amount: string, outstanding: string, daysOverdue: number, bucket: number, interest = "0", disputed = false): AgedItem {
  return {
    state: {
      invoice: {
        customer: "",
        invoiceNo,
        invoiceDate: AS_OF - daysOverdue - 30,
        dueDate: AS_OF - daysOverdue,
        amount: d(amount),
        received: d("0"),
        currency: "CNY",
        disputed,
      },
      outstanding: d(outstanding),
      applications: [],
      settledOn: null,
    },
    daysOverdue,
    ageDays: daysOverdue,
    bucket,
    interest: d(interest),
  };
}

interface CustomerSpec {
  customer: string;
  currency?: string;
  buckets: string[];
  overdue: string;
  interest?: string;
  limit: string;
  grade?: Grade;
  computedGrade?: Grade;
  reasons?: StopReason[];
  stage?: string | null;
  maxDaysOverdue?: number;
  items?: AgedItem[];
  salesperson?: string;
}

/** A customer report whose totals follow from its buckets and limit, as buildReport makes them. */
function customer(spec: CustomerSpec): CustomerReport {
  const buckets = spec.buckets.map(d);
  const outstanding = buckets.reduce((a, b) => a.plus(b), d("0"));
  const limit = d(spec.limit);
  const overLimit = outstanding.greaterThan(limit);
  const reasons = spec.reasons ?? [];
  return {
    customer: spec.customer,
    currency: spec.currency ?? "CNY",
    info: { name: spec.customer, salesperson: spec.salesperson, contact: `${spec.customer} 联系人` },
    items: spec.items ?? [],
    buckets,
    outstanding,
    overdue: d(spec.overdue),
    unappliedCredit: d("0"),
    interest: d(spec.interest ?? "0"),
    maxDaysOverdue: spec.maxDaysOverdue ?? 0,
    computedGrade: spec.computedGrade ?? spec.grade ?? "A",
    grade: spec.grade ?? "A",
    lateEvents: [],
    fixedLimit: limit,
    temporaryLimit: d("0"),
    effectiveLimit: limit,
    overLimit,
    excess: overLimit ? outstanding.minus(limit) : d("0"),
    limitUsedPct: limit.isZero() ? null : outstanding.div(limit).times(100),
    strictlyControlled: false,
    stopShipping: reasons.length > 0,
    reasons,
    stage: spec.stage ?? null,
    provision: d("0"),
    writeOffCandidate: false,
  };
}

// 甲公司: 3,500.00 outstanding against a 3,000.00 limit, 500.00 over 90 days → stop shipping.
const JIA = customer({
  customer: "甲公司",
  buckets: ["1000", "2000", "0", "0", "500"],
  overdue: "2500",
  interest: "12.34",
  limit: "3000",
  grade: "B",
  computedGrade: "D",
  reasons: ["overdueDays", "overLimit"],
  stage: "legal",
  maxDaysOverdue: 120,
  salesperson: "张三",
  items: [item("INV-1", "1000", "1000", -3, 0), item("INV-2", "2500", "2000", 10, 1, "10.00"), item("INV-3", "500", "500", 120, 4, "2.34", true)],
});
// The hostile name: 500.50 outstanding (300.50 in 1–30, 200.00 in 31–60), limit 10,000.00.
const HOSTILE_CUSTOMER = customer({
  customer: HOSTILE,
  buckets: ["0", "300.5", "200", "0", "0"],
  overdue: "500.5",
  interest: "1.20",
  limit: "10000",
  stage: "formal",
  maxDaysOverdue: 40,
  items: [item("=1+1", "300.50", "300.50", 20, 1, "1.20")],
});
// Beta Ltd in USD: 50.00 not due, over its 40.00 limit by 10.00 → stop shipping (over limit).
const BETA = customer({
  customer: "Beta Ltd",
  currency: "USD",
  buckets: ["50", "0", "0", "0", "0"],
  overdue: "0",
  limit: "40",
  reasons: ["overLimit"],
});
// 丙公司: over limit by 100.00 but marked not stop shipping (to test the sort).
const BING: CustomerReport = { ...customer({ customer: "丙公司", buckets: ["0", "1100", "0", "0", "0"], overdue: "1100", limit: "1000" }), stopShipping: false };

const REPORT: Report = { asOf: AS_OF, customers: [JIA, HOSTILE_CUSTOMER, BETA], errors: [] };

function column(plan: SheetPlan, col: number): unknown[] {
  return plan.values.map((row) => row[col]);
}

describe("sheetName", () => {
  it("is localized, dated and at most 31 characters", () => {
    expect(sheetName("aging", AS_OF, "zh-CN")).toBe("账龄分析 2026-11-23");
    expect(sheetName("detail", AS_OF, "zh-CN")).toBe("账龄明细 2026-11-23");
    expect(sheetName("flags", AS_OF, "zh-CN")).toBe("超额度停货 2026-11-23");
    expect(sheetName("letters", AS_OF, "zh-CN")).toBe("催款函 2026-11-23");
    expect(sheetName("aging", AS_OF, "zh-TW")).toBe("帳齡分析 2026-11-23");
    expect(sheetName("errors", AS_OF, "zh-TW")).toBe("資料錯誤 2026-11-23");
    expect(sheetName("aging", AS_OF, "en")).toBe("Aging 2026-11-23");
    expect(sheetName("detail", AS_OF, "en")).toBe("Aging detail 2026-11-23");
    expect(sheetName("errors", AS_OF, "en")).toBe("Data errors 2026-11-23");
    for (const lang of ["zh-CN", "zh-TW", "en"] as const) {
      for (const kind of ["aging", "detail", "flags", "letters", "errors"] as const) {
        expect(sheetName(kind, AS_OF, lang).length).toBeLessThanOrEqual(31);
      }
    }
  });
});

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
    expect(jia[cols.reasons]).toBe("有发票逾期超过60天；超出信用额度");
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
      customer({ customer: `C${index + 1}`, buckets: [String(index + 1), "0", "0", "0", "0"], overdue: "0", limit: "1000" }),
    );
    const big = agingPlan({ asOf: AS_OF, customers: many, errors: [] }, DEFAULT_POLICY, "en");
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

describe("flagsPlan", () => {
  it("lists customers over limit or to stop shipping, stop shipping first, then excess, then overdue", () => {
    const report: Report = { asOf: AS_OF, customers: [BETA, HOSTILE_CUSTOMER, BING, JIA], errors: [] };
    const plan = flagsPlan(report, DEFAULT_POLICY, "en");
    // JIA: stop, excess 500; BETA: stop, excess 10; BING: not stop, excess 100. HOSTILE not flagged.
    expect(column(plan, 0)).toEqual(["Customer", "甲公司", "Beta Ltd", "丙公司"]);
    expect(plan.values[1]).toEqual([
      "甲公司", "CNY", "B (computed: D)", "Yes", 3000, 3500, 500, expect.closeTo(3500 / 3000, 6), 2500, 120,
      "Invoice over 60 days overdue; Over credit limit", "Legal action", "张三", "甲公司 联系人",
    ]);
    expect(plan.name).toBe("Flags 2026-11-23");
  });

  it("orders by overdue when stop shipping and excess tie", () => {
    const a = customer({ customer: "A", buckets: ["0", "100", "0", "0", "0"], overdue: "100", limit: "0", reasons: ["overLimit"] });
    const b = customer({ customer: "B", buckets: ["0", "0", "0", "0", "100"], overdue: "200", limit: "0", reasons: ["overLimit"] });
    const plan = flagsPlan({ asOf: AS_OF, customers: [a, b], errors: [] }, DEFAULT_POLICY, "en");
    expect(column(plan, 0)).toEqual(["Customer", "B", "A"]);
    expect(plan.values[1][7]).toBeNull(); // limit 0: no % used
  });
});

describe("lettersPlan and errorsPlan", () => {
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

  it("lists errors with sheet, row, column and message", () => {
    const plan = errorsPlan([{ sheet: "发票", row: 3, column: "D", message: "日期无效" }], "en", AS_OF);
    expect(plan.name).toBe("Data errors 2026-11-23");
    expect(plan.values).toEqual([
      ["Sheet", "Row", "Column", "Problem"],
      ["发票", 3, "D", "日期无效"],
    ]);
  });
});
