/**
 * The order of a write's syncs on the stand-in: every plan's sheet set up, with the first half of
 * each of its large number-format rectangles, before any plan's values (write.ts planUnits), so
 * that the first write sync needs no cells from where they are held (the jobs worker).
 */
import { OfficeAdapter, type ExcelRunner } from "../../src/workbook/office/adapter";
import type { PlanCell, SheetPlan } from "../../src/workbook/plan-types";
import { createExcelHost } from "../support/excel-standin";

const ROWS = 100_000;

function detailPlan(): SheetPlan {
  const values: PlanCell[][] = [["Invoice", "Invoice date", "Due", "Amount", "Received", "Open"]];
  for (let i = 1; i <= ROWS; i++) values.push([`INV${i}`, 45900 + (i % 300), 46000 + (i % 300), 1000.25 + (i % 9000), 500.5, 499.75 + (i % 9000)]);
  return {
    name: "Detail",
    kind: "detail",
    values,
    formats: [
      { row: 1, col: 1, rows: ROWS, cols: 2, numberFormat: "yyyy-mm-dd" },
      { row: 1, col: 3, rows: ROWS, cols: 3, numberFormat: "#,##0.00" },
    ],
    conditionalFormats: [],
    columnWidths: [12, 12, 12, 14, 14, 14],
    freezeRows: 1,
    freezeCols: 0,
  };
}

const summary: SheetPlan = {
  name: "Summary",
  kind: "aging",
  values: [["Customer", "Amount"], ["甲", 100.5], ["乙", 200]],
  formats: [{ row: 1, col: 1, rows: 2, cols: 1, numberFormat: "#,##0.00" }],
  conditionalFormats: [],
  columnWidths: [20, 12],
  freezeRows: 1,
  freezeCols: 0,
};

describe("OfficeAdapter.writePlans, the order of its syncs", () => {
  it("sets up every sheet and writes the first half of each large number-format rectangle before any values", async () => {
    const { Excel, host } = createExcelHost({ sheets: [{ name: "Ledger", cells: [["x"]] }] });
    const adapter = new OfficeAdapter(Excel as unknown as ExcelRunner);
    await adapter.writePlans([summary, detailPlan()]);

    // Sync 0 looks up the sheets. The first write sync adds both sheets, each with its first number
    // formats (the summary's whole, the first halves of the detail's two rectangles), before any
    // values: only then the summary's few cells, which fit in what room is left.
    const firstWrite = host.syncs[1].ops;
    expect(firstWrite.filter((op) => op === "WorksheetCollection.add")).toHaveLength(2);
    const firstValues = firstWrite.indexOf("Range.values=");
    expect(firstValues).toBeGreaterThan(firstWrite.lastIndexOf("WorksheetCollection.add"));
    expect(firstWrite.slice(0, firstValues).filter((op) => op === "Range.numberFormat=")).toHaveLength(3);
    expect(firstWrite.filter((op) => op === "Range.values=")).toHaveLength(1);
    expect(host.writesBySheet.Summary.find((w) => w.op === "Range.values")?.address).toBe("Summary!A1:B3");
    // The detail's values start in the next sync, between the halves of its number formats.
    expect(host.syncs[2].ops).toContain("Range.values=");
    const detail = host.writesBySheet.Detail.filter((w) => w.op === "Range.numberFormat" || w.op === "Range.values").map((w) => `${w.op} ${w.address}`);
    expect(detail.slice(0, 2)).toEqual(["Range.numberFormat Detail!B2:C50001", "Range.numberFormat Detail!D2:F50001"]);
    expect(detail[2]).toMatch(/^Range\.values Detail!A1:F\d+$/);
    const afterValues = detail.slice(detail.map((w) => w.startsWith("Range.values")).lastIndexOf(true) + 1);
    expect(afterValues[0]).toBe("Range.numberFormat Detail!B50002:C100001");
    expect(afterValues.every((w) => w.startsWith("Range.numberFormat"))).toBe(true);
    for (const sync of host.syncs) expect(sync.requestBytes).toBeLessThan(4_000_000);
    // Every cell has its format in the end, top, middle and bottom.
    for (const row of [2, 50001, 50002, 100001]) {
      expect(host.workbook.cell("Detail", `C${row}`).numberFormat).toBe("yyyy-mm-dd");
      expect(host.workbook.cell("Detail", `F${row}`).numberFormat).toBe("#,##0.00");
    }
    expect(host.workbook.cell("Detail", "F100001").value).toBe(499.75 + (ROWS % 9000));
    expect(host.workbook.cell("Summary", "B2")).toMatchObject({ value: 100.5, numberFormat: "#,##0.00" });
  });
});
