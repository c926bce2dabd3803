/** The stand-in's tables behave as Excel's do: added over a range, named, grown by data typed right under them, moved by inserted cells, resized. */
import { createExcelHost } from "../support/excel-standin";

const spec = () => ({ sheets: [{ name: "S", cells: [["A", "B"], [1, 2], [], [], ["below", "x"]], tables: [{ name: "T", range: "A1:B2" }] }] });
const table = (host: ReturnType<typeof createExcelHost>["host"]) => host.workbook.sheet("S").tables[0];

describe("Excel stand-in tables", () => {
  it("a value written in the row right under a table is taken into it; two rows down is not", async () => {
    const { Excel, host } = createExcelHost(spec());
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A4").values = [[9]];
      await context.sync();
      expect(table(host).rows).toBe(2);
      context.workbook.worksheets.getItem("S").getRange("B3").values = [[3]];
      await context.sync();
    });
    // B3 is in the row right under the table: it grows to row 3; A4, written before, stays outside.
    expect(table(host).rows).toBe(3);
  });

  it("nothing is taken in when Excel's automatic expansion is off", async () => {
    const { Excel, host } = createExcelHost(spec());
    host.workbook.autoExpandTables = false;
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A3").values = [[9]];
      await context.sync();
    });
    expect(table(host).rows).toBe(2);
  });

  it("inserting cells under a table moves the cells below down; a table below moves too; part of a table cannot move", async () => {
    const { Excel, host } = createExcelHost(spec());
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A3:B4").insert("Down");
      await context.sync();
    });
    expect(host.workbook.values("S").map((row) => row[0])).toEqual(["A", 1, null, null, null, null, "below"]);
    expect(table(host).rows).toBe(2);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1:A2").insert("Down");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("adds a table over a range, names it (unique in the workbook) and resizes it with its header in place", async () => {
    const { Excel, host } = createExcelHost({ sheets: [{ name: "S", cells: [["H1", "H2"], [1, 2], [3, 4]], tables: [{ name: "Taken", range: "D1:E2" }] }] });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const added = sheet.tables.add(sheet.getRange("A1:B2"), true);
      added.name = "Log";
      await context.sync();
      added.resize(sheet.getRange("A1:B3"));
      await context.sync();
    });
    expect(host.workbook.sheet("S").tables.map((t) => [t.name, t.rows])).toEqual([["Taken", 2], ["Log", 3]]);
    await expect(
      Excel.run(async (context) => {
        context.workbook.tables.getItem("Log").name = "taken";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("S");
        sheet.tables.add(sheet.getRange("B2:C3"), true);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});
