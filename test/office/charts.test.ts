/**
 * Native charts through the Office adapter on the Excel stand-in: the management report's three
 * charts (buckets stacked per currency, the top overdue customers, the DSO trend) exist on their
 * sheets with Excel's type, the data block as source split into series by columns (first row the
 * names, first column the categories), the title, the position below the block and the value
 * axis's number format — in the syncs the sheets take anyway.
 */
import { runManagementReport } from "../../src/jobs/management-job";
import { MemoryAdapter } from "../../src/jobs/memory-adapter";
import { OfficeAdapter, type ExcelRunner } from "../../src/workbook/office/adapter";
import { chartFeatures, chartSize } from "../../src/workbook/office/charts";
import type { PlanChart, SheetPlan } from "../../src/workbook/plan-types";
import { createExcelHost, type StandInRequestContext } from "../support/excel-standin";
import { SCENARIO_AS_OF, scenarioWorkbook } from "../support/management-scenario";
import { scenarioSpec } from "../support/management-standin";

async function managementOnStandIn(): Promise<{ host: ReturnType<typeof createExcelHost>["host"]; Excel: ReturnType<typeof createExcelHost>["Excel"]; sheets: string[] }> {
  const { Excel, host } = createExcelHost(scenarioSpec());
  const result = await runManagementReport(new OfficeAdapter(Excel as unknown as ExcelRunner), { asOf: SCENARIO_AS_OF, lang: "en" });
  return { host, Excel, sheets: result.sheets };
}

describe("the management report's charts on the stand-in", () => {
  test("three charts: the buckets per currency, the top overdue customers, the DSO trend", async () => {
    const { host, sheets } = await managementOnStandIn();
    const [summary, customers, dso] = sheets;
    expect(sheets.slice(0, 3)).toEqual(["Management report 2026-03-31", "Customer RAG 2026-03-31", "DSO trend 2026-03-31"]);
    expect(sheets.slice(3).map((name) => host.workbook.charts(name))).toEqual([[], []]);

    // Summary: the subtotal tables are 17 columns wide (A:Q), a blank R, the block S1:X3 — currency and 5 buckets.
    const bucketNames = ["Not due", "1-30 days", "31-60 days", "61-90 days", "Over 90 days"];
    const [bars] = host.workbook.charts(summary);
    expect(bars).toMatchObject({ type: "BarStacked", sourceAddress: `'${summary}'!S1:X3`, seriesBy: "Columns", title: "Aging by currency", position: "S5" });
    expect(bars.series.map((s) => s.name)).toEqual(bucketNames);
    expect(bars.series[0]).toEqual({ name: "Not due", values: `'${summary}'!T2:T3`, categories: `'${summary}'!S2:S3` });
    expect(host.workbook.values(summary).slice(1, 3).map((row) => row.slice(18, 24))).toEqual([
      ["CNY", 8000, 30000, 32000, 30000, 5000],
      ["USD", 1000, 0, 0, 0, 0],
    ]);
    expect([bars.valueAxis.numberFormat, bars.categoryAxis.reversePlotOrder, bars.legend.position]).toEqual(["#,##0", true, "Bottom"]);
    // Two categories: 180 + 2 × 18 = 216 points high.
    expect([bars.width, bars.height]).toEqual([480, 216]);

    // Customers: 21 columns (A:U), blank V, the block W1:AA4 — customer and the 4 overdue buckets of 甲公司, 丙公司, 戊公司.
    const [top] = host.workbook.charts(customers);
    expect(top).toMatchObject({ type: "BarStacked", sourceAddress: `'${customers}'!W1:AA4`, title: "Top 3 customers by overdue (CNY)", position: "W6" });
    expect(top.series.map((s) => [s.name, s.values, s.categories])).toEqual(
      bucketNames.slice(1).map((name, index) => [name, `'${customers}'!${"XYZ"[index] ?? "AA"}2:${"XYZ"[index] ?? "AA"}4`, `'${customers}'!W2:W4`]),
    );
    expect(host.workbook.values(customers).slice(1, 4).map((row) => row.slice(22, 27))).toEqual([
      ["甲公司", 30000, 0, 30000, 0],
      ["丙公司", 0, 32000, 0, 0],
      ["戊公司", 0, 0, 0, 5000],
    ]);

    // DSO: 11 columns (A:K), blank L, the block M1:O13 — month end, CNY, USD; a line per currency.
    const [line] = host.workbook.charts(dso);
    expect(line).toMatchObject({ type: "LineMarkers", sourceAddress: `'${dso}'!M1:O13`, title: "DSO trend (count-back, days)", position: "M15" });
    expect(line.series).toEqual([
      { name: "CNY", values: `'${dso}'!N2:N13`, categories: `'${dso}'!M2:M13` },
      { name: "USD", values: `'${dso}'!O2:O13`, categories: `'${dso}'!M2:M13` },
    ]);
    expect(host.workbook.values(dso)[12].slice(12, 15)).toEqual(["2026-03-31", 100.2, 30]);
    expect([line.valueAxis.numberFormat, line.categoryAxis.reversePlotOrder, line.width, line.height]).toEqual(["0", false, 480, 288]);
  });

  test("the charts read back through the API; a property not loaded throws", async () => {
    const { Excel, sheets } = await managementOnStandIn();
    await Excel.run(async (context: StandInRequestContext) => {
      const charts = context.workbook.worksheets.getItem(sheets[2]).charts.load("items/name,items/chartType");
      await context.sync();
      expect(charts.items.map((chart) => [chart.name, chart.chartType])).toEqual([["Chart 1", "LineMarkers"]]);
      const chart = charts.items[0];
      expect(() => chart.title.text).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => chart.width).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      chart.title.load("text");
      chart.axes.valueAxis.load("numberFormat");
      const series = chart.series.load("items/name");
      await context.sync();
      expect([chart.title.text, chart.axes.valueAxis.numberFormat, series.items.map((item) => item.name)]).toEqual(["DSO trend (count-back, days)", "0", ["CNY", "USD"]]);
    });
  });

  test("the charts travel in the syncs the sheets take anyway", async () => {
    const plans = (await runManagementReport(new MemoryAdapter(scenarioWorkbook()), { asOf: SCENARIO_AS_OF, lang: "en", write: false })).plans;
    const syncsOf = async (list: SheetPlan[]): Promise<number> => {
      const { Excel, host } = createExcelHost(scenarioSpec());
      await new OfficeAdapter(Excel as unknown as ExcelRunner).writePlans(list);
      return host.syncs.length;
    };
    const withCharts = await syncsOf(plans);
    const withoutCharts = await syncsOf(plans.map(({ chart: _chart, ...plan }) => plan));
    expect(withCharts).toBe(withoutCharts);
    expect(withCharts).toBeLessThanOrEqual(4);
  });

  test("an Excel without ExcelApi 1.8 gets no axis number format, without 1.7 no reversed categories", async () => {
    const office = (globalThis as { Office?: unknown }).Office;
    (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: (_name: string, version = "1.1") => Number(version.split(".")[1]) <= 7 } } };
    try {
      const { host, sheets } = await managementOnStandIn();
      const [bars] = host.workbook.charts(sheets[0]);
      expect([bars.valueAxis.numberFormat, bars.categoryAxis.reversePlotOrder, bars.title]).toEqual(["General", true, "Aging by currency"]);
    } finally {
      (globalThis as { Office?: unknown }).Office = office;
    }
  });
});

describe("chartFeatures", () => {
  test("asks Office for ExcelApi 1.8 and 1.7; everything when nothing can be asked", () => {
    const upTo = (max: number) => ({ context: { requirements: { isSetSupported: (_name: string, version = "1.1") => Number(version.split(".")[1]) <= max } } });
    expect(chartFeatures(upTo(6))).toEqual({ axisNumberFormat: false, reverseCategories: false });
    expect(chartFeatures(upTo(7))).toEqual({ axisNumberFormat: false, reverseCategories: true });
    expect(chartFeatures(upTo(8))).toEqual({ axisNumberFormat: true, reverseCategories: true });
    expect(chartFeatures(undefined)).toEqual({ axisNumberFormat: true, reverseCategories: true });
  });
});

describe("chartSize", () => {
  const chart = (type: PlanChart["type"], dataRows: number): PlanChart => ({ type, title: "", dataRow: 0, dataCol: 0, dataRows, dataCols: 2, anchorRow: 0, anchorCol: 0 });
  test("a bar chart grows 18 points a category from 180, between 216 and 432; a line is 288 high", () => {
    expect(chartSize(chart("barStacked", 3))).toEqual({ width: 480, height: 216 }); // 180 + 36 = 216
    expect(chartSize(chart("barStacked", 11))).toEqual({ width: 480, height: 360 }); // 180 + 180
    expect(chartSize(chart("barStacked", 30))).toEqual({ width: 480, height: 432 }); // 180 + 522, capped
    expect(chartSize(chart("line", 13))).toEqual({ width: 480, height: 288 });
  });
});
