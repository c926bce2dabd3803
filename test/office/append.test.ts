/**
 * Appending rows below a named table through the Office adapter, on the Excel stand-in: the
 * collection log's first use, a co-author's row appended at the same time, cells under the table,
 * Excel's automatic expansion off, an empty table, and columns found by their headers.
 */
import type { AppendRowsRequest } from "../../src/workbook/adapter-types";
import { AppendRowsError } from "../../src/workbook/append-rows";
import { OfficeAdapter, type ExcelRunner } from "../../src/workbook/office/adapter";
import { readWorkbook } from "../../src/workbook/office/read";
import { createExcelHost, type WorkbookSpec } from "../support/excel-standin";

function setup(spec: WorkbookSpec) {
  const { Excel, host } = createExcelHost(spec);
  const excel = Excel as unknown as ExcelRunner;
  return { host, excel, adapter: () => new OfficeAdapter(excel) };
}

const HEADERS = ["联系日期", "客户", "方式", "结果", "承诺金额", "备注"];
/** 2026-11-23 as a 1900-system serial. */
const NOV_23 = 46349;

function request(rows: AppendRowsRequest["rows"], headers = HEADERS): AppendRowsRequest {
  return { tableName: "AR_CollectionLog", sheetName: "催收记录", headers, rows, dateCols: [0], amountCols: [4] };
}

const LEDGER: WorkbookSpec["sheets"][number] = { name: "应收台账", cells: [["客户", "发票号", "到期日", "金额"], ["甲公司", "INV-1", 46310, 20000]] };

/** A log table already holding one row, with a note beside the table that must stay where it is. */
function withLog(extra: Partial<WorkbookSpec["sheets"][number]> = {}): WorkbookSpec {
  return {
    sheets: [
      LEDGER,
      {
        name: "催收记录",
        cells: [HEADERS, [46330, "甲公司", "电话", "无人接听", null, null, null, "旁注"]],
        tables: [{ name: "AR_CollectionLog", range: "A1:F2" }],
        ...extra,
      },
    ],
  };
}

describe("OfficeAdapter.appendRows (co-authoring: range values under the table, never TableRowCollection.add)", () => {
  test("first use: a sheet 催收记录 with a table AR_CollectionLog; text stays text; dates and amounts formatted", async () => {
    const { host, adapter } = setup({ sheets: [LEDGER] });
    const result = await adapter().appendRows(request([[NOV_23, "甲公司", "电话", "已承诺", 20000, "=HYPERLINK(\"x\")"]]));
    expect(result).toEqual({ sheet: "催收记录", tableName: "AR_CollectionLog", created: true, firstRow: 2 });
    expect(host.workbook.values("催收记录")).toEqual([HEADERS, [NOV_23, "甲公司", "电话", "已承诺", 20000, "=HYPERLINK(\"x\")"]]);
    expect(host.workbook.cell("催收记录", "F2")).toMatchObject({ quotePrefix: true });
    expect(host.workbook.cell("催收记录", "F2").formula).toBeUndefined();
    expect(host.workbook.cell("催收记录", "A2").numberFormat).toBe("yyyy-mm-dd");
    expect(host.workbook.cell("催收记录", "E2").numberFormat).toBe("#,##0.00");
    expect(host.workbook.sheet("催收记录").tables.map((t) => [t.name, t.row, t.col, t.rows, t.cols])).toEqual([["AR_CollectionLog", 0, 0, 2, 6]]);
  });

  test("a user's sheet named 催收记录 is left alone: the table goes on 催收记录 (2)", async () => {
    const { host, adapter } = setup({ sheets: [LEDGER, { name: "催收记录", cells: [["my notes"]] }] });
    const before = host.workbook.snapshot("催收记录");
    expect((await adapter().appendRows(request([[NOV_23, "甲公司", "电话", null, null, null]]))).sheet).toBe("催收记录 (2)");
    expect(host.workbook.snapshot("催收记录")).toBe(before);
  });

  test("a row goes directly below the table, which takes it in; the rest of the sheet is untouched", async () => {
    const { host, adapter } = setup(withLog());
    const ledgerBefore = host.workbook.snapshot("应收台账");
    const result = await adapter().appendRows(request([[NOV_23, "甲公司", "邮件", null, null, "催款"]]));
    expect(result).toEqual({ sheet: "催收记录", tableName: "AR_CollectionLog", created: false, firstRow: 3 });
    expect(host.workbook.values("催收记录")).toEqual([
      [...HEADERS, null, null],
      [46330, "甲公司", "电话", "无人接听", null, null, null, "旁注"],
      [NOV_23, "甲公司", "邮件", null, null, "催款", null, null],
    ]);
    expect(host.workbook.sheet("催收记录").tables[0].rows).toBe(3);
    expect(host.workbook.snapshot("应收台账")).toBe(ledgerBefore);
    // No table row was added through the table API.
    expect(host.syncs.flatMap((sync) => sync.ops).filter((op) => op.startsWith("TableRow"))).toEqual([]);
  });

  test("two co-authors logging at once, their syncs interleaved: both rows are kept, nothing else touched", async () => {
    const { host, adapter } = setup(withLog());
    const ledgerBefore = host.workbook.snapshot("应收台账");
    const [first, second] = await Promise.all([
      adapter().appendRows(request([[NOV_23, "甲公司", "电话", "无人接听", null, "张三"]])),
      adapter().appendRows(request([[NOV_23, "甲公司", "上门", "已承诺", 5000, "李四"]])),
    ]);
    // The two runs alternated sync by sync: both looked at the table (and the cells below it)
    // before either wrote; each found the table's end again in the sync that wrote.
    const kinds = host.syncs.map((sync) => (sync.ops.includes("Range.values=") ? "write" : sync.ops.includes("Table.load") ? "find" : "read"));
    expect(kinds).toEqual(["find", "find", "read", "read", "write", "write"]);
    expect([first.firstRow, second.firstRow].sort()).toEqual([3, 4]);
    const rows = host.workbook.values("催收记录").slice(2).map((row) => row[5]);
    expect(rows.sort()).toEqual(["张三", "李四"]);
    expect(host.workbook.sheet("催收记录").tables[0].rows).toBe(4);
    expect(host.workbook.cell("催收记录", "H2").value).toBe("旁注");
    expect(host.workbook.snapshot("应收台账")).toBe(ledgerBefore);
  });

  test("cells under the table are moved down, never overwritten", async () => {
    const { host, adapter } = setup({
      sheets: [LEDGER, { name: "催收记录", cells: [HEADERS, [46330, "甲公司", "电话", null, null, null], [], ["合计说明", "不要覆盖"]], tables: [{ name: "AR_CollectionLog", range: "A1:F2" }] }],
    });
    await adapter().appendRows(request([[NOV_23, "甲公司", "电话", null, null, null], [NOV_23 + 1, "甲公司", "短信", null, null, null]]));
    const values = host.workbook.values("催收记录");
    expect(values.map((row) => row[1])).toEqual(["客户", "甲公司", "甲公司", "甲公司", null, "不要覆盖"]);
    expect(host.workbook.sheet("催收记录").tables[0].rows).toBe(4);
  });

  test("when Excel does not take the rows into the table (automatic expansion off), the table is resized over them", async () => {
    const { host, adapter } = setup(withLog());
    host.workbook.autoExpandTables = false;
    await adapter().appendRows(request([[NOV_23, "甲公司", "电话", null, null, null]]));
    expect(host.workbook.sheet("催收记录").tables[0].rows).toBe(3);
    expect(host.syncs.some((sync) => sync.ops.includes("Table.resize"))).toBe(true);
  });

  test("an empty table (Excel keeps one blank data row): the first row goes into it", async () => {
    const { host, adapter } = setup({ sheets: [LEDGER, { name: "催收记录", cells: [HEADERS, []], tables: [{ name: "AR_CollectionLog", range: "A1:F2" }] }] });
    const result = await adapter().appendRows(request([[NOV_23, "甲公司", "电话", null, null, null]]));
    expect(result.firstRow).toBe(2);
    expect(host.workbook.values("催收记录")).toEqual([HEADERS, [NOV_23, "甲公司", "电话", null, null, null]]);
    expect(host.workbook.sheet("催收记录").tables[0].rows).toBe(2);
  });

  test("values go under their headers in a table of another order; a missing column is refused before anything is written", async () => {
    const { host, adapter } = setup({
      sheets: [LEDGER, { name: "Log", cells: [["备注", "客户", "其他", "联系日期", "方式", "结果", "承诺金额"], ["x", "甲公司", null, 46330, "电话", null, null]], tables: [{ name: "MyLog", range: "A1:G2" }] }],
    });
    await adapter().appendRows({ ...request([[NOV_23, "甲公司", "电话", "拒付", null, "n"]]), tableName: "mylog" });
    expect(host.workbook.values("Log")[2]).toEqual(["n", "甲公司", null, NOV_23, "电话", "拒付", null]);
    const before = host.workbook.snapshot("Log");
    await expect(adapter().appendRows({ ...request([[NOV_23, "甲公司", "电话", null, null, null]], [...HEADERS.slice(0, 5), "下次跟进日期"]), tableName: "MyLog" })).rejects.toEqual(
      new AppendRowsError("append.noSuchColumn", "MyLog", "下次跟进日期"),
    );
    expect(host.workbook.snapshot("Log")).toBe(before);
  });

  test("a 1904-system workbook gets its own serials for the dates", async () => {
    const { host, adapter } = setup({ ...withLog(), date1904: true });
    await adapter().appendRows(request([[NOV_23, "甲公司", "电话", null, null, null]]));
    expect(host.workbook.values("催收记录")[2][0]).toBe(NOV_23 - 1462);
  });

  test("the appended rows are read back by the reader as table rows", async () => {
    const { excel, adapter } = setup(withLog());
    await adapter().appendRows(request([[NOV_23, "甲公司", "电话", null, null, null]]));
    const data = await excel.run((context) => readWorkbook(context, {}, {}));
    expect(data.tables.find((t) => t.name === "AR_CollectionLog")).toMatchObject({ sheet: "催收记录", headerRow: 0, rowCount: 2 });
    expect(data.sheets.find((s) => s.name === "催收记录")?.generated).toBe(false);
  });
});
