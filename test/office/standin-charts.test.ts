/**
 * The stand-in's charts behave like Excel's: the source split into series as Excel splits it
 * (text labels become names and categories, numbers in those places become data), Excel's
 * refusals (unknown type, legend position, a size of 0), position from the column widths, and
 * PropertyNotLoaded for what was not loaded.
 */
import { createExcelHost, type SpecCell, type StandInRequestContext } from "../support/excel-standin";

async function chartOver(cells: SpecCell[][], address: string, seriesBy = "Columns") {
  const { Excel, host } = createExcelHost({ sheets: [{ name: "S", cells }] });
  await Excel.run(async (context: StandInRequestContext) => {
    context.workbook.worksheets.getItem("S").charts.add("ColumnClustered", context.workbook.worksheets.getItem("S").getRange(address), seriesBy);
    await context.sync();
  });
  return host.workbook.charts("S")[0];
}

describe("stand-in charts: series as Excel makes them", () => {
  test("text over the data names the series, a text first column gives the categories", async () => {
    const chart = await chartOver([["Customer", "0-30", "31-60"], ["甲", 10, 20], ["乙", 30, 40]], "A1:C3");
    expect(chart.series).toEqual([
      { name: "0-30", values: "S!B2:B3", categories: "S!A2:A3" },
      { name: "31-60", values: "S!C2:C3", categories: "S!A2:A3" },
    ]);
  });

  test("years in the first column are data: Excel makes them a series of their own", async () => {
    const chart = await chartOver([["Year", "Sales"], [2025, 10], [2026, 20]], "A1:B3");
    expect(chart.series).toEqual([
      { name: "Year", values: "S!A2:A3" },
      { name: "Sales", values: "S!B2:B3" },
    ]);
  });

  test("a blank top-left cell makes the first row and column labels, numbers or not", async () => {
    const chart = await chartOver([[null, "Q1"], [2025, 10], [2026, 20]], "A1:B3");
    expect(chart.series).toEqual([{ name: "Q1", values: "S!B2:B3", categories: "S!A2:A3" }]);
  });

  test("numbers only: Series1, Series2 and no category labels; by rows the series run across", async () => {
    expect((await chartOver([[1, 2], [3, 4], [5, 6]], "A1:B3")).series).toEqual([
      { name: "Series1", values: "S!A1:A3" },
      { name: "Series2", values: "S!B1:B3" },
    ]);
    const byRows = await chartOver([["Customer", "0-30", "31-60"], ["甲", 10, 20], ["乙", 30, 40]], "A1:C3", "Rows");
    expect(byRows.series).toEqual([
      { name: "甲", values: "S!B2:C2", categories: "S!B1:C1" },
      { name: "乙", values: "S!B3:C3", categories: "S!B1:C1" },
    ]);
    // Auto: 3 rows × 2 columns has more rows than columns → by columns.
    expect((await chartOver([[1, 2], [3, 4], [5, 6]], "A1:B3", "Auto")).seriesBy).toBe("Columns");
  });
});

describe("stand-in charts: what Excel refuses and what it remembers", () => {
  test("an unknown chart type, legend position or a zero width fails the sync", async () => {
    const { Excel } = createExcelHost({ sheets: [{ name: "S", cells: [["a", 1]] }] });
    const attempt = (change: (context: StandInRequestContext) => void) =>
      Excel.run(async (context: StandInRequestContext) => {
        change(context);
        await context.sync();
      });
    const sheet = (context: StandInRequestContext) => context.workbook.worksheets.getItem("S");
    await expect(attempt((context) => sheet(context).charts.add("Bar3DFancy", sheet(context).getRange("A1:B1"), "Columns"))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((context) => (sheet(context).charts.add("Line", sheet(context).getRange("A1:B1"), "Columns").legend.position = "Middle"))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((context) => (sheet(context).charts.add("Line", sheet(context).getRange("A1:B1"), "Columns").width = 0))).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("setPosition puts the corner at the cell from the column widths; with an end cell it sizes the chart", async () => {
    const { Excel, host } = createExcelHost({ sheets: [{ name: "S", cells: [["a", 1]] }] });
    await Excel.run(async (context: StandInRequestContext) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("A1").format.columnWidth = 100;
      const chart = sheet.charts.add("Line", sheet.getRange("A1:B1"), "Columns");
      chart.setPosition("B3", "C6");
      chart.load("top,left,width,height");
      expect(() => chart.top).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      // left of B = A's 100 points; top of row 3 = 2 × 15; to the far corner of C6: B and C (48 each), rows 3–6 (4 × 15).
      expect([chart.left, chart.top, chart.width, chart.height]).toEqual([100, 30, 96, 60]);
    });
    expect(host.workbook.charts("S")[0].position).toBe("B3");
  });

  test("getItemAt finds a chart; past the last one is ItemNotFound; delete removes it", async () => {
    const { Excel, host } = createExcelHost({ sheets: [{ name: "S", cells: [["a", 1]] }] });
    await Excel.run(async (context: StandInRequestContext) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.charts.add("Line", sheet.getRange("A1:B1"), "Columns").title.text = "One";
      await context.sync();
      const first = sheet.charts.getItemAt(0).load("name");
      const count = sheet.charts.load("count");
      await context.sync();
      expect([first.name, count.count]).toEqual(["Chart 1", 1]);
      sheet.charts.getItemAt(1).load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    await Excel.run(async (context: StandInRequestContext) => {
      context.workbook.worksheets.getItem("S").charts.getItem("Chart 1").delete();
      await context.sync();
    });
    expect(host.workbook.charts("S")).toEqual([]);
  });
});
