import { createExcelHost, type StandInRequestContext } from "../support/excel-standin";

async function run<T>(excel: ReturnType<typeof createExcelHost>["Excel"], batch: (context: StandInRequestContext) => Promise<T>): Promise<T> {
  return excel.run(batch);
}

describe("Excel stand-in strictness", () => {
  it("throws PropertyNotLoaded until the property is loaded and synced", async () => {
    const { Excel } = createExcelHost({ sheets: [{ name: "Data", cells: [[1, 2]] }] });
    await run(Excel, async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B1");
      expect(() => range.values).toThrow(
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([[1, 2]]);
      expect(() => range.numberFormat).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("applies writes only at sync", async () => {
    const { Excel, host } = createExcelHost({ sheets: [{ name: "Data" }] });
    await run(Excel, async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [[42]];
      expect(host.workbook.cell("Data", "A1").value).toBeNull();
      await context.sync();
      expect(host.workbook.cell("Data", "A1").value).toBe(42);
    });
    expect(host.writesBySheet.Data).toEqual([{ sheetId: host.workbook.sheet("Data").id, op: "Range.values", address: "Data!A1" }]);
  });

  it("rejects a sync whose request is over 5 MB and applies nothing", async () => {
    const { Excel, host } = createExcelHost({ sheets: [{ name: "Data" }] });
    const big = Array.from({ length: 6000 }, () => ["x".repeat(1000)]);
    await expect(
      run(Excel, async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:A6000").values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(host.workbook.values("Data")).toEqual([]);
    expect(host.syncs[0].requestBytes).toBeGreaterThan(6_000_000);
  });

  it("rejects a sync whose response is over 5 MB", async () => {
    const cells = Array.from({ length: 6000 }, () => ["y".repeat(1000)]);
    const { Excel } = createExcelHost({ sheets: [{ name: "Data", cells }] });
    await expect(
      run(Excel, async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:A6000").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("refuses to read more than 5,000,000 cells at once", async () => {
    const { Excel } = createExcelHost({ sheets: [{ name: "Data" }] });
    await expect(
      run(Excel, async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:E1000001").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("turns strings written through values into formulas, numbers and booleans as Excel does", async () => {
    const { Excel, host } = createExcelHost({ sheets: [{ name: "Data" }] });
    await run(Excel, async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:F1").values = [["=1+2", "-abc", "-5", "00123", "TRUE", "plain"]];
      await context.sync();
    });
    expect(host.workbook.cell("Data", "A1")).toEqual({ value: 3, formula: "=1+2" });
    expect(host.workbook.cell("Data", "B1")).toEqual({ value: { error: "#NAME?" }, formula: "=-abc" });
    expect(host.workbook.cell("Data", "C1").value).toBe(-5);
    expect(host.workbook.cell("Data", "D1").value).toBe(123);
    expect(host.workbook.cell("Data", "E1").value).toBe(true);
    expect(host.workbook.cell("Data", "F1").value).toBe("plain");
  });

  it("stores text after an apostrophe, and keeps any string as text in a cell formatted as text", async () => {
    const { Excel, host } = createExcelHost({ sheets: [{ name: "Data" }] });
    await run(Excel, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1").values = [["'=1+2"]];
      const b1 = sheet.getRange("B1");
      b1.numberFormat = [["@"]];
      b1.values = [["=1+2"]];
      const read = sheet.getRange("A1:B1").load("values,formulas");
      await context.sync();
      expect(read.values).toEqual([["=1+2", "=1+2"]]);
      expect(read.formulas).toEqual([["=1+2", "=1+2"]]);
    });
    expect(host.workbook.cell("Data", "A1")).toEqual({ value: "=1+2", quotePrefix: true });
    expect(host.workbook.cell("Data", "B1")).toEqual({ value: "=1+2", numberFormat: "@" });
  });

  it("throws InvalidArgument when the array does not match the range's shape", async () => {
    const { Excel } = createExcelHost({ sheets: [{ name: "Data" }] });
    await expect(
      run(Excel, async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("evaluates DATE by the workbook's date system", async () => {
    for (const [date1904, expected] of [[false, 1462], [true, 0]] as const) {
      const { Excel } = createExcelHost({ sheets: [{ name: "Data" }], date1904 });
      await run(Excel, async (context) => {
        const cell = context.workbook.worksheets.getItem("Data").getRange("A1");
        cell.formulas = [["=DATE(1904,1,1)"]];
        cell.load("values");
        await context.sync();
        expect(cell.values).toEqual([[expected]]);
      });
    }
  });

  it("reports a missing sheet at sync, and as a null object through getItemOrNullObject", async () => {
    const { Excel } = createExcelHost({ sheets: [{ name: "Data" }] });
    await run(Excel, async (context) => {
      const maybe = context.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => maybe.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(maybe.isNullObject).toBe(true);
    });
    await expect(
      run(Excel, async (context) => {
        context.workbook.worksheets.getItem("Nope").load("name");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("lists sheets and tables, exposes table parts, and keeps settings", async () => {
    const { Excel, host } = createExcelHost({
      sheets: [{ name: "Inv", cells: [["title"], [], [], ["No", "Amt"], ["A", 1], ["B", 2]], tables: [{ name: "T1", range: "A4:B6" }] }],
      settings: { "ar.policy": "{}" },
    });
    await run(Excel, async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/id");
      const tables = context.workbook.tables.load("items/name");
      const settings = context.workbook.settings.load();
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Inv"]);
      expect(tables.items.map((t) => t.name)).toEqual(["T1"]);
      expect(settings.items).toEqual([{ key: "ar.policy", value: "{}" }]);
      const header = tables.items[0].getHeaderRowRange().load("address,values");
      const body = tables.items[0].getDataBodyRange().load("rowCount");
      context.workbook.settings.add("ar.mapping", "x");
      await context.sync();
      expect(header.address).toBe("Inv!A4:B4");
      expect(header.values).toEqual([["No", "Amt"]]);
      expect(body.rowCount).toBe(2);
    });
    expect(host.workbook.settingsRecord()).toEqual({ "ar.policy": "{}", "ar.mapping": "x" });
    expect(host.syncs).toHaveLength(2);
  });

  it("rejects calls on objects after Excel.run has finished", async () => {
    const { Excel } = createExcelHost({ sheets: [{ name: "Data" }] });
    let stale: { load(p: string): unknown } | undefined;
    await run(Excel, async (context) => {
      stale = context.workbook.worksheets.getItem("Data");
    });
    expect(() => stale?.load("name")).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  it("gives rowHidden as Excel does: true when every row is hidden, false when none, null when some", async () => {
    const { Excel } = createExcelHost({ sheets: [{ name: "Data", cells: [[1], [2], [3], [4]], hiddenRows: [2, 3] }] });
    await run(Excel, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const all = sheet.getRange("A1:C4").load("rowHidden");
      const none = sheet.getRange("A4:B4").load("rowHidden");
      const every = sheet.getRange("A2:A3").load("rowHidden");
      const used = sheet.getUsedRange(true).load("rowHidden");
      expect(() => all.rowHidden).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect([all.rowHidden, none.rowHidden, every.rowHidden, used.rowHidden]).toEqual([null, false, true, null]);
    });
  });

  it("hides rows through rowHidden at sync, and lists them with getRowProperties in one operation", async () => {
    const { Excel, host } = createExcelHost({ sheets: [{ name: "Data", cells: [[1], [2], [3]] }] });
    await run(Excel, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A3").rowHidden = true;
      const rows = sheet.getRange("A1:B3").getRowProperties({ rowIndex: true, rowHidden: true });
      expect(() => rows.value).toThrow(expect.objectContaining({ code: "ValueNotLoaded" }));
      await context.sync();
      expect(rows.value).toEqual([
        { rowIndex: 0, rowHidden: false },
        { rowIndex: 1, rowHidden: false },
        { rowIndex: 2, rowHidden: true },
      ]);
    });
    expect(host.syncs[0].ops).toEqual(["Range.rowHidden=", "Range.getRowProperties"]);
    expect(host.workbook.sheet("Data").hiddenRows).toEqual(new Set([2]));
  });
});
