/**
 * The management report job on the hand-worked scenario (test/support/management-scenario.ts),
 * read from workbook cells: the sheets written, their key cells, the chart descriptions, the
 * narrowed view, the errors it refuses with, and its --json form.
 */
import { gridOf } from "../support/grid";
import { MANAGEMENT_WORDS } from "../../src/i18n/management";
import { toJsonManagement } from "../../src/jobs/json-management";
import { JobError } from "../../src/jobs/jobs";
import { runManagementReport } from "../../src/jobs/management-job";
import { MemoryAdapter } from "../../src/jobs/memory-adapter";
import { fromYmd } from "../../src/rules/dates";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import { checkPlanFitsSheet } from "../../src/workbook/excel-limits";
import { SCENARIO_AS_OF, scenarioWorkbook } from "../support/management-scenario";

const SHEETS = ["管理报表 2026-03-31", "客户预警 2026-03-31", "DSO趋势 2026-03-31", "坏账准备 2026-03-31", "月度对比 2026-03-31"];

describe("runManagementReport", () => {
  test("writes five sheets read from the workbook's cells, the payment methods included; no data problems", async () => {
    const adapter = new MemoryAdapter(scenarioWorkbook());
    const result = await runManagementReport(adapter, { asOf: SCENARIO_AS_OF, lang: "zh-CN" });
    expect(result.errors).toEqual([]);
    expect(result.sheets).toEqual(SHEETS);
    result.plans.forEach(checkPlanFitsSheet);
    expect(result.plans.every((plan) => plan.kind === "management" && plan.name.length <= 31)).toBe(true);
    const cny = result.management.measures[0];
    expect([cny.cashRatio?.toFixed(2), cny.collectionRate?.toString(), cny.dsoCountBack?.toString()]).toEqual(["69.70", "82.5", "100.2"]);
  });

  test("the summary sheet: measures by currency, subtotals with their colour words, the bucket chart beside them", async () => {
    const adapter = new MemoryAdapter(scenarioWorkbook());
    await runManagementReport(adapter, { asOf: SCENARIO_AS_OF, lang: "zh-CN" });
    const rows = gridOf(adapter.sheet("管理报表 2026-03-31")!);
    expect(rows[0][0]).toBe("管理报表：2026-03-01 至 2026-03-31");
    const row = (label: string) => rows.find((cells) => cells[0] === label)!;
    expect(row("期末应收余额（2026-03-31）").slice(0, 3)).toEqual(["期末应收余额（2026-03-31）", 105000, 1000]);
    expect(row("回款率").slice(1, 3)).toEqual([0.825, 0]);
    expect(row("DSO 倒推法（天，近12个月）").slice(1, 3)).toEqual([100.2, 30]);
    expect(row("张三").slice(0, 5)).toEqual(["张三", "CNY", "红", 2, 68000]);
    expect(row("华南").slice(0, 5)).toEqual(["华南", "CNY", "绿", 1, 8000]);
    const plan = adapter.plans.get("管理报表 2026-03-31")!;
    expect(plan.chart).toMatchObject({ type: "barStacked", title: "各币种账龄分布", dataRow: 0, dataRows: 3, dataCols: 6 });
    const block = rows.slice(0, 3).map((cells) => cells.slice(plan.chart!.dataCol));
    expect(block).toEqual([
      ["币种", "未到期", "1-30天", "31-60天", "61-90天", "90天以上"],
      ["CNY", 8000, 30000, 32000, 30000, 5000],
      ["USD", 1000, 0, 0, 0, 0],
    ]);
  });

  test("red, amber and green are fills on the customers sheet (red first) and the DSO trend is a line chart", async () => {
    const adapter = new MemoryAdapter(scenarioWorkbook());
    const result = await runManagementReport(adapter, { asOf: SCENARIO_AS_OF, lang: "en" });
    const customers = result.plans[1];
    expect(customers.values.slice(1).map((cells) => [cells[0], cells[4]])).toEqual([
      ["甲公司", "Red"], ["戊公司", "Red"], ["丙公司", "Amber"], ["Delta", "Amber"], ["乙公司", "Green"],
    ]);
    expect(customers.formats.filter((format) => format.col === 4 && format.mark !== "header")).toEqual([
      { row: 1, col: 4, rows: 2, cols: 1, mark: "red" },
      { row: 3, col: 4, rows: 2, cols: 1, mark: "amber" },
      { row: 5, col: 4, rows: 1, cols: 1, mark: "green" },
    ]);
    expect(customers.chart).toMatchObject({ type: "barStacked", title: "Top 3 customers by overdue (CNY)", dataRows: 4, dataCols: 5 });
    const dso = result.plans[2];
    expect(dso.chart).toMatchObject({ type: "line", title: "DSO trend (count-back, days)", dataRow: 0, dataRows: 13, dataCols: 3 });
    const block = dso.values.map((cells) => cells.slice(dso.chart!.dataCol));
    expect([block[0], block[12]]).toEqual([["Month end", "CNY", "USD"], ["2026-03-31", 100.2, 30]]);
    expect(dso.dateCols).toEqual([0]);
    expect(dso.values[12][0]).toBe(SCENARIO_AS_OF);
  });

  test("provision by band with its totals, the write-off candidate with its last business day; month over month marks the worse", async () => {
    const adapter = new MemoryAdapter(scenarioWorkbook());
    const result = await runManagementReport(adapter, { asOf: SCENARIO_AS_OF, lang: "zh-CN" });
    const provision = result.plans[3].values;
    expect(provision[0].slice(3, 6)).toEqual(["应收余额", "1年以内 (5%)", "1-2年 (10%)"]);
    expect(provision.find((cells) => cells[0] === "合计 (CNY)")!.slice(3, 11)).toEqual([105000, 100000, 5000, 0, 0, 0, 0, 5500]);
    expect(provision.find((cells) => cells[0] === "戊公司" && cells[2] === fromYmd(2024, 10, 1))!.slice(0, 6)).toEqual(["戊公司", "CNY", fromYmd(2024, 10, 1), 5000, 516, 500]);
    const changes = result.plans[4];
    expect(changes.values.slice(1, 3).map((cells) => [cells[0], cells[7], cells[10], cells[11]])).toEqual([["甲公司", 10000, "是", "是"], ["丙公司", -3000, "否", "是"]]);
    expect(changes.formats).toContainEqual({ row: 1, col: 0, rows: 2, cols: 12, mark: "amber" });
  });

  test("salesperson charges are a sixth sheet when the policy switches them on", async () => {
    const adapter = new MemoryAdapter(scenarioWorkbook());
    const policy = { ...DEFAULT_POLICY, accountability: { ...DEFAULT_POLICY.accountability, enabled: true } };
    const result = await runManagementReport(adapter, { asOf: SCENARIO_AS_OF, lang: "zh-CN", policy });
    expect(result.sheets[5]).toBe("业务员罚息 2026-03-31");
    expect(gridOf(adapter.sheet("业务员罚息 2026-03-31")!).slice(2)).toEqual([
      ["张三", "甲公司", "CNY", 60000, 750, 0, 750],
      ["小计 张三 (CNY)", null, "CNY", 60000, 750, 0, 750],
      ["李四", "丙公司", "CNY", 32000, 496, 0, 496],
      ["小计 李四 (CNY)", null, "CNY", 32000, 496, 0, 496],
    ]);
  });

  test("narrowed to 张三: the sheets carry the name, the figures only 张三's customers", async () => {
    const adapter = new MemoryAdapter(scenarioWorkbook());
    const result = await runManagementReport(adapter, { asOf: SCENARIO_AS_OF, lang: "zh-CN", salesperson: "张三" });
    expect(result.sheets[0]).toBe("管理报表 张三 2026-03-31");
    expect(result.report.customers.map((c) => c.customer)).toEqual(["乙公司", "甲公司"]);
    expect(gridOf(adapter.sheet("管理报表 张三 2026-03-31")!)[0][0]).toBe("管理报表（张三）：2026-03-01 至 2026-03-31");
  });

  test("refuses a salesperson nobody has, naming those the ledger has, and a period that starts after the as-of date", async () => {
    const adapter = new MemoryAdapter(scenarioWorkbook());
    await expect(runManagementReport(adapter, { asOf: SCENARIO_AS_OF, lang: "zh-CN", salesperson: "赵六" })).rejects.toThrow(
      new JobError("salesperson.unknown", "台账中没有业务员“赵六”的客户。台账中的业务员：张三；李四。"),
    );
    await expect(runManagementReport(adapter, { asOf: SCENARIO_AS_OF, lang: "en", from: fromYmd(2026, 4, 1) })).rejects.toThrow(
      MANAGEMENT_WORDS.en.jobErrors.periodAfterAsOf.replace("{from}", "2026-04-01").replace("{asOf}", "2026-03-31"),
    );
    expect(adapter.data.sheets).toHaveLength(3);
  });

  test("an explicit period: the first quarter; opening rebuild as of 2025-12-31", async () => {
    const adapter = new MemoryAdapter(scenarioWorkbook());
    const result = await runManagementReport(adapter, { asOf: SCENARIO_AS_OF, lang: "zh-CN", from: fromYmd(2026, 1, 1), write: false });
    const cny = result.management.measures[0];
    // Opening 55,000.00 (J1, E1); sales J2 + B1 + B2 + C1 = 88,000.00; collected 38,000.00 (02-20 cash included)
    expect([cny.periodMonths.toString(), cny.openingReceivables, cny.creditSales, cny.collected]).toEqual(["3", 5500000, 8800000, 3800000]);
    expect(result.sheets).toEqual([]);
  });
});

describe("toJsonManagement", () => {
  test("amounts with two places, percentages with two, days with one; codes beside words", async () => {
    const result = await runManagementReport(new MemoryAdapter(scenarioWorkbook()), { asOf: SCENARIO_AS_OF, lang: "zh-CN", write: false });
    const json = toJsonManagement(result.management, result.policy, "zh-CN", { errors: result.errors, notices: result.notices });
    expect([json.asOf, json.from, json.openingDate, json.currencies, json.salespeople]).toEqual(["2026-03-31", "2026-03-01", "2026-02-28", ["CNY", "USD"], ["张三", "李四"]]);
    expect(json.measures[0]).toMatchObject({
      closingReceivables: "105000.00", dsoSimple: "406.9", dsoCountBack: "100.2", cei: "25.38", collectionRate: "82.50",
      overdueRecoveryRate: "25.56", cashRatio: "69.70", cashRatioMet: true, provision: "5500.00", writeOffCandidates: 1,
    });
    expect(json.customers.find((c) => c.customer === "Delta")).toMatchObject({ colour: "amber", colourLabel: "黄", colourReasons: ["limitUsed"], limitUsedPct: "83.3" });
    expect(json.bySalesperson[0]).toMatchObject({ key: "张三", currency: "CNY", outstanding: "68000.00", overduePct: "88.24", colour: "red" });
    expect(json.dso[0].points[11]).toEqual({ date: "2026-03-31", receivables: "105000.00", sales: "8000.00", sales12: "138000.00", dsoSimple: "277.7", dsoCountBack: "100.2" });
    expect(json.writeOff).toEqual([{ customer: "戊公司", currency: "CNY", salesperson: "", outstanding: "5000.00", maxDaysOverdue: 516, lastActivity: "2024-10-01", provision: "500.00" }]);
    expect(json.changes[0]).toMatchObject({ customer: "甲公司", openingWorstBucket: "31-60天", closingWorstBucket: "61-90天", overdueGrew: true });
    expect(json.deductions).toBeNull();
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
