/**
 * A plan's chart read back as series: the management scenario's three blocks, a blank value as
 * null, the block's number format, and the axis format without decimals.
 */
import { runManagementReport } from "../../../src/jobs/management-job";
import { MemoryAdapter } from "../../../src/jobs/memory-adapter";
import { axisNumberFormat, cellNumberFormat, chartData } from "../../../src/workbook/plans/chart-data";
import type { SheetPlan } from "../../../src/workbook/plan-types";
import { SCENARIO_AS_OF, scenarioWorkbook } from "../../support/management-scenario";

async function plans(): Promise<SheetPlan[]> {
  return (await runManagementReport(new MemoryAdapter(scenarioWorkbook()), { asOf: SCENARIO_AS_OF, lang: "en", write: false })).plans;
}

describe("chartData", () => {
  test("the summary's block: one category per currency, one series per bucket, amounts formatted #,##0.00", async () => {
    const [summary] = await plans();
    expect(chartData(summary)).toEqual({
      type: "barStacked",
      title: "Aging by currency",
      categories: ["CNY", "USD"],
      series: [
        { name: "Not due", values: [8000, 1000] },
        { name: "1-30 days", values: [30000, 0] },
        { name: "31-60 days", values: [32000, 0] },
        { name: "61-90 days", values: [30000, 0] },
        { name: "Over 90 days", values: [5000, 0] },
      ],
      numberFormat: "#,##0.00",
    });
  });

  test("the DSO block: twelve month ends as labels, a line per currency in days (0.0)", async () => {
    const dso = chartData((await plans())[2])!;
    expect([dso.type, dso.categories.length, dso.categories[11], dso.numberFormat]).toEqual(["line", 12, "2026-03-31", "0.0"]);
    expect(dso.series.map((series) => [series.name, series.values[11]])).toEqual([["CNY", 100.2], ["USD", 30]]);
  });

  test("a blank or text value cell is null; no chart is null", () => {
    const plan: SheetPlan = {
      name: "T", kind: "management", conditionalFormats: [], columnWidths: [], freezeRows: 0, freezeCols: 0, formats: [],
      values: [["Month", "CNY"], ["2026-01-31", null], ["2026-02-28", "n/a"], ["2026-03-31", 12.5]],
      chart: { type: "line", title: "t", dataRow: 0, dataCol: 0, dataRows: 4, dataCols: 2, anchorRow: 5, anchorCol: 0 },
    };
    expect(chartData(plan)?.series).toEqual([{ name: "CNY", values: [null, null, 12.5] }]);
    expect(chartData(plan)?.numberFormat).toBeUndefined();
    expect(chartData({ ...plan, chart: undefined })).toBeNull();
  });
});

describe("cellNumberFormat and axisNumberFormat", () => {
  test("the last format covering a cell wins; the axis drops the decimals", () => {
    const plan = { formats: [{ row: 1, col: 1, rows: 2, cols: 2, numberFormat: "0.00" }, { row: 2, col: 2, rows: 1, cols: 1, numberFormat: "#,##0.00" }, { row: 2, col: 2, rows: 1, cols: 1, bold: true }] } as unknown as SheetPlan;
    expect([cellNumberFormat(plan, 1, 1), cellNumberFormat(plan, 2, 2), cellNumberFormat(plan, 0, 0)]).toEqual(["0.00", "#,##0.00", undefined]);
    expect([axisNumberFormat("#,##0.00"), axisNumberFormat("0.0"), axisNumberFormat("0.0%"), axisNumberFormat(undefined)]).toEqual(["#,##0", "0", "0%", "General"]);
  });
});
