import { rowErrorText } from "../../src/i18n/messages";
import { fromYmd } from "../../src/rules/dates";
import { formatExact } from "../../src/rules/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { CellValue, SheetData, WorkbookData } from "../../src/workbook/adapter-types";
import { describeNotFound, findTable } from "../../src/workbook/locate";
import { readLedger } from "../../src/workbook/read";
import { sheetOf } from "../support/grid";

function sheet(name: string, rows: CellValue[][], extra: Partial<Omit<SheetData, "rows">> = {}): SheetData {
  return sheetOf(name, rows, extra);
}

function workbook(sheets: SheetData[], extra: Partial<WorkbookData> = {}): WorkbookData {
  return { sheets, tables: [], dateSystem: "1900", settings: {}, ...extra };
}

describe("header rows below titles", () => {
  // Row 1 a title, row 3 a date, rows 2, 4–6 blank, headers in row 7, data from row 8.
  const rows: CellValue[][] = [
    ["XX贸易有限公司 应收账款明细表"],
    [],
    ["截止日期", "2026-03-31"],
    [],
    [null, null],
    [],
    ["序号", "客户名称", "发票号码", "开票日期", "到期日期", "价税合计", "已收金额", "备注"],
    [1, "甲公司", "00012345", "2026-01-05", "2026-02-04", 11300, 0, null],
    [2, "乙公司", "00012346", "2026-01-06", "2026-03-07", "5,650.00", "1,000.00", "部分回款"],
    [null, "合计", null, null, null, 16950, 1000, null],
  ];
  const book = workbook([sheet("应收台账", rows)]);

  it("finds the header in row 7", () => {
    const table = findTable(book, "invoices");
    expect(table?.headerRow).toBe(6);
    expect(table?.dataRows).toEqual({ start: 7, end: 10 });
  });

  it("reads the rows below it and reports the unknown headers", () => {
    const result = readLedger(book, DEFAULT_POLICY);
    expect(result.mapping.invoices.headerRow).toBe(7);
    expect(result.mapping.invoices.unknownHeaders).toEqual(["序号", "备注"]);
    expect(result.ledger.invoices.map((i) => [i.customer, i.invoiceNo, formatExact(i.amount, result.ledger.scale), formatExact(i.received, result.ledger.scale)])).toEqual([
      ["甲公司", "00012345", "11300", "0"],
      ["乙公司", "00012346", "5650", "1000"],
    ]);
    expect(result.stats).toEqual({ invoiceRows: 2, skippedRows: 1, totalRows: 3 });
    expect(result.errors).toEqual([]);
  });

  it("reports errors at the sheet's own row numbers", () => {
    const bad = rows.map((row) => [...row]);
    bad[8][4] = "2026-13-01";
    const result = readLedger(workbook([sheet("应收台账", bad)]), DEFAULT_POLICY);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ sheet: "应收台账", row: 9, column: "E", code: "date.noSuchMonth" });
    expect(rowErrorText(result.errors[0], "en", "none")).toContain('"2026-13-01" is not a date');
    expect(result.errors[0].header).toBe("到期日期");
    expect(rowErrorText(result.errors[0], "zh-CN")).toBe("第9行 “到期日期” 列：“2026-13-01” 不是有效日期（没有13月）；此行已跳过。");
  });
});

describe("a used range that does not start at A1", () => {
  // The values start at C3: rows[0][0] is C3.
  const book = workbook([
    sheet(
      "AR",
      [
        ["Customer", "Invoice No", "Due date", "Amount"],
        ["ACME", "A-1", "2026-02-04", 100],
        ["ACME", "A-2", "2026-02-04", "oops"],
      ],
      { firstRow: 2, firstCol: 2 },
    ),
  ]);

  it("reports sheet rows and column letters", () => {
    const result = readLedger(book, DEFAULT_POLICY);
    expect(result.mapping.invoices.headerRow).toBe(3);
    expect(result.mapping.invoices.taken.map((t) => t.column)).toEqual(["C", "D", "E", "F"]);
    expect(result.ledger.invoices[0]).toMatchObject({ sheet: "AR", row: 4 });
    expect(result.errors.map((e) => `${e.column}${e.row}`)).toEqual(["F5"]);
  });
});

describe("tables on different sheets", () => {
  const invoices = sheet("应收", [
    ["客户", "单据编号", "单据日期", "应收金额"],
    ["甲公司", "D-1", "2026-01-10", 1000],
  ]);
  const customers = sheet("客户资料", [
    ["客户资料表"],
    ["客户名称", "信用额度", "帳期", "聯絡人"],
    ["甲公司", 100000, 60, "王经理"],
  ]);
  const payments = sheet("回款记录", [
    ["收款日期", "往来单位", "收款金额"],
    ["2026-02-01", "甲公司", 400],
  ]);
  const promises = sheet("承诺", [
    ["客户", "承诺日期", "承诺金额"],
    ["甲公司", "2026-04-15", 600],
  ]);
  const result = readLedger(workbook([customers, payments, invoices, promises]), DEFAULT_POLICY);

  it("finds each table on its own sheet", () => {
    expect(result.mapping.invoices.sheet).toBe("应收");
    expect(result.mapping.customers).toMatchObject({ sheet: "客户资料", headerRow: 2 });
    expect(result.mapping.payments?.sheet).toBe("回款记录");
    expect(result.mapping.promises?.sheet).toBe("承诺");
  });

  it("takes the due date from the customer's term on the other sheet", () => {
    expect(result.ledger.invoices[0].dueDate).toBe(fromYmd(2026, 3, 11));
    expect(result.ledger.customers[0].contact).toBe("王经理");
    expect(formatExact(result.ledger.payments[0].amount, result.ledger.scale)).toBe("400");
    expect(result.ledger.promises?.[0]).toMatchObject({ customer: "甲公司", promisedDate: fromYmd(2026, 4, 15), currency: "CNY" });
    expect(result.errors).toEqual([]);
  });

  it("does not take the invoices sheet for the customers table", () => {
    const only = readLedger(workbook([invoices]), DEFAULT_POLICY);
    expect(only.mapping.customers).toBeNull();
    expect(only.mapping.payments).toBeNull();
  });
});

describe("choosing between candidates", () => {
  const headers: CellValue[] = ["Customer", "Invoice No", "Due date", "Amount"];

  it("prefers an Excel table whose headers match", () => {
    const rows: CellValue[][] = [headers, ["Loose", "L-1", "2026-02-04", 1], [], [], headers, ["InTable", "T-1", "2026-02-04", 2]];
    const book = workbook([sheet("Data", rows)], {
      tables: [{ name: "tblAR", sheet: "Data", headerRow: 4, firstCol: 0, rowCount: 1, columnCount: 4 }],
    });
    const table = findTable(book, "invoices");
    expect(table?.tableName).toBe("tblAR");
    expect(readLedger(book, DEFAULT_POLICY).ledger.invoices.map((i) => i.customer)).toEqual(["InTable"]);
  });

  it("lets a sheet name like AR or 应收 break a tie", () => {
    const book = workbook([sheet("Sheet1", [headers]), sheet("AR 2026", [headers])]);
    expect(findTable(book, "invoices")?.sheet).toBe("AR 2026");
  });

  it("prefers the header row that matches more fields", () => {
    const book = workbook([sheet("Sheet1", [["Customer", "Due date", "Amount"]]), sheet("Sheet2", [[...headers, "Currency"]])]);
    expect(findTable(book, "invoices")?.sheet).toBe("Sheet2");
  });

  it("returns null and explains when nothing matches", () => {
    const book = workbook([sheet("Sheet1", [["名称", "数量"]])]);
    expect(findTable(book, "invoices")).toBeNull();
    expect(describeNotFound(book, "invoices")).toMatch(/^No invoices table found\. Best candidate: sheet "Sheet1" row 1 with headers 名称, 数量\. Looked for: /);
  });

  it("uses a remembered mapping for headers no synonym knows", () => {
    const book = workbook([sheet("Sheet1", [["往来户", "票号", "到期", "本币金额"], ["甲", "1", "2026-02-04", 5]])]);
    expect(findTable(book, "invoices")).toBeNull();
    const result = readLedger(book, DEFAULT_POLICY, {
      mapping: { invoices: { customer: "往来户", invoiceNo: "票号", dueDate: "到期", amount: "本币金额" } },
    });
    expect(result.ledger.invoices.map((i) => [i.customer, i.invoiceNo, formatExact(i.amount, result.ledger.scale)])).toEqual([["甲", "1", "5"]]);
  });
});

describe("ledgers in three languages", () => {
  it("reads a Traditional Chinese ledger", () => {
    const book = workbook([
      sheet("應收帳款", [
        ["客戶名稱", "發票號碼", "發票日期", "應收日期", "發票金額", "實收", "幣別", "業務員", "區域", "爭議"],
        ["台灣甲公司", "TW-1", "2026/01/05", "2026/02/04", "NT$12,000", "2,000", "TWD", "陳小姐", "北區", "爭議"],
      ]),
    ]);
    const { ledger } = readLedger(book, DEFAULT_POLICY);
    const invoice = ledger.invoices[0];
    expect(invoice).toMatchObject({ customer: "台灣甲公司", currency: "TWD", salesperson: "陳小姐", region: "北區", disputed: true });
    expect(formatExact(invoice.amount, ledger.scale)).toBe("12000");
    expect(formatExact(invoice.received, ledger.scale)).toBe("2000");
  });

  it("reads an English ledger with a typo in a header, and warns", () => {
    const book = workbook([
      sheet("Invoices", [
        ["Custmer", "Invoice number", "Date", "Due", "Total", "Paid", "Dispute"],
        ["ACME", "INV-9", "5 Jan 2026", "Feb 4, 2026", "$1,200.00", 0, "No"],
      ]),
    ]);
    const result = readLedger(book, DEFAULT_POLICY);
    expect(result.ledger.invoices[0]).toMatchObject({ customer: "ACME", invoiceDate: fromYmd(2026, 1, 5), dueDate: fromYmd(2026, 2, 4), disputed: false });
    expect(result.mapping.invoices.warnings).toHaveLength(1);
    expect(result.mapping.invoices.warnings[0]).toContain('Column A header "Custmer"');
  });

  it("reads hidden rows like any other", () => {
    const book = workbook([sheet("AR", [["客户", "到期日", "金额"], ["甲", "2026-02-04", 1], ["乙", "2026-02-04", 2]], { hiddenRows: [2] })]);
    expect(readLedger(book, DEFAULT_POLICY).ledger.invoices.map((i) => i.customer)).toEqual(["甲", "乙"]);
  });
});

describe("the settings sheet travels with the workbook", () => {
  it("is never read as data, and its date order applies to the ledger", () => {
    const book = workbook([
      sheet("设置", [["项目", "值"], ["dateOrder", "DMY"], ["currency", "HKD"]]),
      sheet("AR", [["客户", "到期日", "金额"], ["甲", "03/04/2026", 1]]),
    ]);
    const result = readLedger(book, DEFAULT_POLICY);
    expect(result.settings.policy.dateOrder).toBe("DMY");
    expect(result.ledger.invoices[0]).toMatchObject({ dueDate: fromYmd(2026, 4, 3), currency: "HKD" });
    expect(result.settings.errors).toEqual([]);
  });
});
