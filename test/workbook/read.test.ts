import { rowErrorText } from "../../src/i18n/messages";
import { fromYmd } from "../../src/rules/dates";
import { formatExact } from "../../src/rules/money";
import type { Minor } from "../../src/rules/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { RowError } from "../../src/rules/types";
import type { CellValue, SheetData, WorkbookData } from "../../src/workbook/adapter-types";
import { describeNotFound } from "../../src/workbook/locate";
import { LedgerNotFoundError, readLedger } from "../../src/workbook/read";
import { sheetOf } from "../support/grid";

function sheet(name: string, rows: CellValue[][], extra: Partial<Omit<SheetData, "rows">> = {}): SheetData {
  return sheetOf(name, rows, extra);
}

function workbook(sheets: SheetData[], extra: Partial<WorkbookData> = {}): WorkbookData {
  return { sheets, tables: [], dateSystem: "1900", settings: {}, ...extra };
}

/** Row errors with their English text in place of code values, as the reader wrote them before codes. */
function inEnglish(errors: RowError[]): { sheet: string; row: number; column: string; message: string; code: string }[] {
  return errors.map((error) => ({ sheet: error.sheet, row: error.row, column: error.column, message: rowErrorText(error, "en", "none"), code: error.code }));
}

const HEADERS: CellValue[] = ["客户", "发票号", "开票日期", "到期日", "金额", "已收金额", "币种", "争议"];

/** Sheet 应收台账: a title in row 1, the as-of line in row 2, headers in row 4, data from row 5. */
function ledgerSheet(data: CellValue[][], headers: CellValue[] = HEADERS): SheetData {
  return sheet("应收台账", [["应收账款台账"], ["截止日期: 2026-03-31"], [], headers, ...data]);
}

describe("readLedger: a clean ledger", () => {
  const data: CellValue[][] = [
    ["ACME Ltd", "INV-001", "2026-01-05", "2026-02-04", "¥1,234.50", 200, null, "否"],
    ["ＡＣＭＥ  ltd", "INV-002", 46027, 46057, 2.675, null, "USD", "是"],
    ["Beta 公司", 10023, null, "2026/03/01", "(100.00)", null, "", null],
  ];
  const result = readLedger(workbook([ledgerSheet(data)]), DEFAULT_POLICY);
  const exact = (amount: Minor): string => formatExact(amount, result.ledger.scale);

  it("reads every row as an invoice or credit note, exactly", () => {
    const invoices = result.ledger.invoices;
    expect(invoices).toHaveLength(3);
    expect(invoices.map((i) => exact(i.amount))).toEqual(["1234.5", "2.675", "-100"]);
    expect(invoices.map((i) => exact(i.received))).toEqual(["200", "0", "0"]);
    // 2.675 has three decimals, so every amount counts thousandths of a yuan.
    expect(result.ledger.scale).toBe(3);
    expect(invoices.map((i) => i.amount)).toEqual([1234500, 2675, -100000]);
    expect(invoices.map((i) => i.invoiceNo)).toEqual(["INV-001", "INV-002", "10023"]);
    expect(invoices[0].invoiceDate).toBe(fromYmd(2026, 1, 5));
    expect(invoices[0].dueDate).toBe(fromYmd(2026, 2, 4));
    expect(invoices[1].invoiceDate).toBe(fromYmd(2026, 1, 5));
    expect(invoices[1].dueDate).toBe(fromYmd(2026, 2, 4));
    expect(invoices[2].invoiceDate).toBeNull();
    expect(invoices.map((i) => i.currency)).toEqual(["CNY", "USD", "CNY"]);
    expect(invoices.map((i) => i.disputed)).toEqual([false, true, false]);
    expect(result.errors).toEqual([]);
  });

  it("shows customers differing only by spaces, width or case under the first spelling", () => {
    expect(result.ledger.invoices.map((i) => i.customer)).toEqual(["ACME Ltd", "ACME Ltd", "Beta 公司"]);
  });

  it("keeps the source row as Excel numbers it", () => {
    expect(result.ledger.invoices[2]).toMatchObject({ sheet: "应收台账", row: 7 });
  });

  it("reports the mapping and the counts", () => {
    expect(result.mapping.invoices.sheet).toBe("应收台账");
    expect(result.mapping.invoices.headerRow).toBe(4);
    expect(result.mapping.invoices.taken.map((t) => `${t.column}:${t.field}`)).toEqual([
      "A:customer", "B:invoiceNo", "C:invoiceDate", "D:dueDate", "E:amount", "F:received", "G:currency", "H:disputed",
    ]);
    expect(result.mapping.customers).toBeNull();
    expect(result.stats).toEqual({ invoiceRows: 3, skippedRows: 0, totalRows: 3 });
  });

  it("returns the policy unchanged when the workbook has no settings", () => {
    expect(result.settings.policy).toBe(DEFAULT_POLICY);
    expect(result.settings.templates).toBeUndefined();
  });
});

describe("readLedger: bad cells", () => {
  const data: CellValue[][] = [
    ["ACME", "INV-1", "2026-01-05", "2026-02-04", 100, null, null, null], // row 5: fine
    [null, "INV-2", "2026-01-05", "2026-02-04", 100, null, null, null], // row 6
    ["ACME", "INV-3", "2026-01-05", "2026-02-04", "abc", null, null, null], // row 7
    ["ACME", "INV-4", "2026-01-05", "2026-02-04", "1 234,50", null, null, null], // row 8
    ["ACME", "INV-5", "2026-01-05", "2026-02-04", 100, { error: "#N/A" }, null, null], // row 9
    ["ACME", "INV-6", "2026/02/30", "2026-03-04", 100, null, null, null], // row 10
    ["ACME", "INV-7", "2026-01-05", "2026-02-04", 100, null, null, "maybe"], // row 11
    ["ACME", "INV-8", "2026-01-05", "2026-13-01", 100, null, null, null], // row 12
    ["ACME", "INV-9", "2026-01-05", "2026-02-04", 100, null, "dollars", null], // row 13
    ["ACME", "INV-10", "2026-01-05", "2026-02-04", null, null, null, null], // row 14
    ["ACME", "INV-11", "2026-01-05", "2026-02-04", 1e308, null, null, null], // row 15
  ];
  const result = readLedger(workbook([ledgerSheet(data)]), DEFAULT_POLICY);
  const at = (row: number) => result.errors.filter((e) => e.row === row);

  it("keeps only the good row and counts the rest as skipped", () => {
    expect(result.ledger.invoices.map((i) => i.invoiceNo)).toEqual(["INV-1"]);
    expect(result.stats).toEqual({ invoiceRows: 1, skippedRows: 10, totalRows: 11 });
    expect(result.errors).toHaveLength(10);
    for (const error of result.errors) {
      expect(error.sheet).toBe("应收台账");
      expect(error.outcome).toBe("rowSkipped");
      expect(rowErrorText(error, "en", "none").endsWith("; row skipped.")).toBe(true);
    }
  });

  it.each([
    [6, "A", "customer is blank", "customer.blank"],
    [7, "E", '"abc" is not an amount', "amount.invalid"],
    [8, "E", '"1 234,50" uses a decimal comma', "amount.decimalComma"],
    [9, "F", "the cell shows the Excel error #N/A", "amount.excelError"],
    [10, "C", '"2026/02/30" is not a date: February 2026 has 28 days', "date.noSuchDay"],
    [11, "H", '"maybe" is not yes or no', "flag.invalid"],
    [12, "D", '"2026-13-01" is not a date', "date.noSuchMonth"],
    [13, "G", '"dollars" is not a currency code', "currency.invalid"],
    [14, "E", "amount is blank", "amount.blank"],
    [15, "E", "too large to be an amount", "amount.outOfRange"],
  ])("row %i column %s: %s", (row, column, text, code) => {
    const errors = at(row);
    expect(errors).toHaveLength(1);
    expect(errors[0].column).toBe(column);
    expect(rowErrorText(errors[0], "en", "none")).toContain(text);
    expect(errors[0].code).toBe(code);
  });
});

describe("readLedger: due dates from payment terms", () => {
  const headers: CellValue[] = ["客户", "发票号", "开票日期", "到期日", "金额", "账期"];
  const invoices = ledgerSheet(
    [
      ["ACME", "A-1", "2026-01-10", null, 100, 30], // row 5: the row's own term
      ["Beta", "B-1", "2026-01-10", null, 100, null], // row 6: the customer table's term (45)
      ["Gamma", "G-1", "2026-01-10", null, 100, null], // row 7: no term anywhere
      ["Gamma", "G-2", null, null, 100, 30], // row 8: no date at all
    ],
    headers,
  );
  const customers = sheet("客户资料", [
    ["客户名称", "信用额度", "账期"],
    ["Beta", 50000, "45天"],
  ]);
  const result = readLedger(workbook([invoices, customers]), DEFAULT_POLICY);

  it("adds the row's term, else the customer's term, to the invoice date", () => {
    expect(result.ledger.invoices.map((i) => [i.invoiceNo, i.dueDate])).toEqual([
      ["A-1", fromYmd(2026, 2, 9)],
      ["B-1", fromYmd(2026, 2, 24)],
    ]);
  });

  it("reports a row with neither a due date nor a term", () => {
    expect(inEnglish(result.errors)).toEqual([
      { sheet: "应收台账", row: 7, column: "D", message: "no due date and no payment term (add one to the row or the customers table); row skipped.", code: "dueDate.noTerm" },
      { sheet: "应收台账", row: 8, column: "D", message: "no due date and no invoice date; row skipped.", code: "dueDate.missing" },
    ]);
    expect(result.errors[0]).toEqual({ sheet: "应收台账", row: 7, column: "D", header: "到期日", code: "dueDate.noTerm", params: {}, outcome: "rowSkipped" });
  });
});

describe("readLedger: duplicates, totals, blanks and notes", () => {
  const data: CellValue[][] = [
    ["ACME", "INV-1", null, "2026-02-04", 100, null, null, null], // row 5
    [null, null, null, null, null, null, null, null], // row 6 blank
    ["acme", "inv-1", null, "2026-02-05", 300, null, null, null], // row 7 duplicate of row 5
    ["Beta", "INV-1", null, "2026-02-04", 200, null, null, null], // row 8: another customer, fine
    ["ACME 小计", null, null, null, 100, null, null, null], // row 9 subtotal
    ["合计", null, null, null, 300, null, null, null], // row 10 total
    [null, "Total", null, null, 300, null, null, null], // row 11 total
    ["Total Logistics Ltd", "T-1", null, "2026-02-04", 50, null, null, null], // row 12 a customer, not a total
    ["", "", "制表: 张三", "", "", "", "", ""], // row 13 a note
  ];
  const result = readLedger(workbook([ledgerSheet(data)]), DEFAULT_POLICY);

  it("skips the second occurrence of a customer's invoice number, naming the first row", () => {
    expect(inEnglish(result.errors)).toEqual([
      { sheet: "应收台账", row: 7, column: "B", message: 'invoice "inv-1" of ACME appears again; first on row 5; row skipped.', code: "invoice.duplicate" },
    ]);
    expect(result.errors[0].params).toEqual({ invoiceNo: "inv-1", customer: "ACME", firstRow: 5 });
  });

  it("skips blank, total and note rows without errors", () => {
    expect(result.ledger.invoices.map((i) => `${i.customer}/${i.invoiceNo}/${formatExact(i.amount, result.ledger.scale)}`)).toEqual([
      "ACME/INV-1/100",
      "Beta/INV-1/200",
      "Total Logistics Ltd/T-1/50",
    ]);
    expect(result.stats).toEqual({ invoiceRows: 3, skippedRows: 5, totalRows: 8 });
  });
});

describe("readLedger: invoice numbers", () => {
  it("gives a generated id when the column is missing", () => {
    const book = workbook([sheet("AR", [["Customer", "Due date", "Amount"], ["ACME", "2026-02-04", 10], ["ACME", "2026-02-05", 20]])]);
    const result = readLedger(book, DEFAULT_POLICY);
    expect(result.ledger.invoices.map((i) => i.invoiceNo)).toEqual(["row 2", "row 3"]);
    expect(result.mapping.invoices.warnings.join(" ")).toContain("No invoice-number column");
    expect(result.errors).toEqual([]);
  });

  it("gives a generated id with a note when one cell is blank", () => {
    const book = workbook([sheet("AR", [["Customer", "Invoice No", "Due date", "Amount"], ["ACME", null, "2026-02-04", 10]])]);
    const result = readLedger(book, DEFAULT_POLICY);
    expect(result.ledger.invoices[0].invoiceNo).toBe("row 2");
    expect(inEnglish(result.errors)).toEqual([
      { sheet: "AR", row: 2, column: "B", message: 'invoice number is blank; read as "row 2".', code: "invoice.noNumber" },
    ]);
    expect(result.errors[0].outcome).toBeUndefined();
  });
});

describe("readLedger: currencies", () => {
  it("takes the code written with the amount, and refuses a contradiction", () => {
    const book = workbook([
      sheet("AR", [
        ["Customer", "Invoice No", "Due date", "Amount", "Currency"],
        ["ACME", "A", "2026-02-04", "USD 10", null],
        ["ACME", "B", "2026-02-04", "USD 10", "CNY"],
        ["ACME", "C", "2026-02-04", "10", "港币"],
      ]),
    ]);
    const result = readLedger(book, DEFAULT_POLICY);
    expect(result.ledger.invoices.map((i) => `${i.invoiceNo}:${i.currency}`)).toEqual(["A:USD", "C:HKD"]);
    expect(inEnglish(result.errors)).toEqual([
      { sheet: "AR", row: 3, column: "D", message: "the amount is written in USD but the currency column says CNY; row skipped.", code: "currency.mismatch" },
    ]);
  });
});

describe("readLedger: currency signs", () => {
  const book = workbook([
    sheet("AR", [
      ["Customer", "Invoice No", "Due date", "Amount", "Currency", "Received"],
      ["ACME", "A", "2026-02-04", "$50", null, null],
      ["ACME", "B", "2026-02-04", "€20", "EUR", null],
      ["ACME", "C", "2026-02-04", "$30", "CNY", null],
      ["ACME", "D", "2026-02-04", "$40", "HKD", null],
      ["ACME", "E", "2026-02-04", "¥60", "JPY", null],
      ["ACME", "F", "2026-02-04", "HK$70", "USD", null],
      ["ACME", "G", "2026-02-04", "100", null, "£10"],
      ["ACME", "H", "2026-02-04", "¥100", null, "￥10"],
    ]),
  ]);
  const result = readLedger(book, DEFAULT_POLICY);

  it("takes the currency from the sign: $50 is 50 dollars, never 50 yuan", () => {
    expect(result.ledger.invoices.map((i) => `${i.invoiceNo}:${formatExact(i.amount, result.ledger.scale)} ${i.currency}`)).toEqual(["A:50 USD", "B:20 EUR", "D:40 HKD", "E:60 JPY", "H:100 CNY"]);
  });

  it("skips a row whose currency column contradicts the sign, naming both", () => {
    expect(inEnglish(result.errors)).toEqual([
      { sheet: "AR", row: 4, column: "D", message: "the amount is written in USD but the currency column says CNY; row skipped.", code: "currency.mismatch" },
      { sheet: "AR", row: 7, column: "D", message: "the amount is written in HKD but the currency column says USD; row skipped.", code: "currency.mismatch" },
      { sheet: "AR", row: 8, column: "F", message: "the amount received is written in GBP but the invoice is in CNY; row skipped.", code: "currency.mismatch" },
    ]);
  });
});

describe("readLedger: a second invoices table", () => {
  const head: CellValue[] = ["Customer", "Invoice No", "Invoice date", "Due date", "Amount"];
  const book = workbook([
    sheet("Invoices 2025", [head, ["Alpha Co", "A-1", "2025-11-01", "2025-12-01", 500]]),
    sheet("Invoices 2026", [head, ["Beta Co", "B-1", "2026-02-13", "2026-03-15", 700]]),
    sheet("Payments", [
      ["Date", "Customer", "Amount", "Invoice No"],
      ["2026-01-10", "Alpha Co", 200, "A-1"],
    ]),
  ]);
  const result = readLedger(book, DEFAULT_POLICY);

  it("reads the first, and never reads the second as payments", () => {
    expect(result.ledger.invoices.map((i) => i.invoiceNo)).toEqual(["A-1"]);
    expect(result.mapping.payments?.sheet).toBe("Payments");
    expect(result.ledger.payments.map((p) => `${p.customer} ${formatExact(p.amount, result.ledger.scale)}`)).toEqual(["Alpha Co 200"]);
  });

  it("says once, at the second table's header, that it was not read and which was", () => {
    expect(inEnglish(result.errors)).toEqual([
      {
        sheet: "Invoices 2026",
        row: 1,
        column: "A",
        message: 'a second invoices table was found here and not read; the invoices were read from sheet "Invoices 2025" (header on row 1). Move these rows into that table to include them.',
        code: "table.secondInvoices",
      },
    ]);
  });

  it("finds no payments table when the only other table is a second invoices table", () => {
    const alone = readLedger(workbook([book.sheets[0], book.sheets[1]]), DEFAULT_POLICY);
    expect(alone.mapping.payments).toBeNull();
    expect(alone.ledger.payments).toEqual([]);
    expect(alone.errors.map((e) => `${e.sheet}!${e.column}${e.row} ${e.code}`)).toEqual(["Invoices 2026!A1 table.secondInvoices"]);
  });
});

describe("readLedger: hidden and filtered rows", () => {
  const rows: CellValue[][] = [
    ["Customer", "Invoice No", "Due date", "Amount"],
    ...Array.from({ length: 14 }, (_, i): CellValue[] => ["ACME", `A-${i + 1}`, "2026-02-04", 10]),
    ["Total", null, null, 140],
  ];
  // 0-based rows: 0 is the header, 1–14 invoices, 15 the total row, 16 beyond the used range.
  const hidden = [15, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16];
  const result = readLedger(workbook([sheet("AR", rows, { hiddenRows: hidden })]), DEFAULT_POLICY);

  it("reads them like any other row", () => {
    expect(result.ledger.invoices).toHaveLength(14);
    expect(result.errors).toEqual([]);
  });

  it("tells the user in one notice per sheet, at the first hidden data row, listing ten rows", () => {
    expect(inEnglish(result.notices)).toEqual([
      {
        sheet: "AR",
        row: 3,
        column: "A",
        message: "11 hidden or filtered rows were included in the figures (rows 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, …).",
        code: "rows.hidden",
      },
    ]);
    expect(result.notices[0].params).toEqual({ count: 11, rows: [3, 5, 6, 7, 8, 9, 10, 11, 12, 13] });
  });

  it("counts hidden rows of every table read, one notice per sheet, and none for a sheet without", () => {
    const book = workbook([
      sheet("Invoices", [["Customer", "Invoice No", "Due date", "Amount"], ["ACME", "A-1", "2026-02-04", 100]], { hiddenRows: [1] }),
      sheet("Payments", [["Payment date", "Customer", "Amount"], ["2026-02-10", "ACME", 30], [null, null, null]], { hiddenRows: [2] }),
      sheet("Notes", [["hidden note"]], { hiddenRows: [0] }),
    ]);
    const read = readLedger(book, DEFAULT_POLICY);
    expect(read.ledger.payments).toHaveLength(1);
    expect(read.notices.map((n) => `${n.sheet}!${n.column}${n.row}: ${rowErrorText(n, "en", "none")}`)).toEqual(["Invoices!A2: 1 hidden or filtered row was included in the figures (row 2)."]);
  });

  it("gives no notice when nothing is hidden", () => {
    expect(readLedger(workbook([sheet("AR", rows)]), DEFAULT_POLICY).notices).toEqual([]);
  });
});

describe("readLedger: customers and payments tables", () => {
  const invoices = sheet("Invoices", [
    ["Customer", "Invoice No", "Due date", "Amount"],
    ["ACME Ltd", "A-1", "2026-02-04", 1000],
    ["Beta", "B-1", "2026-02-04", 500],
  ]);
  const customers = sheet("Customers", [
    ["Customer name", "Credit limit", "Temporary limit", "Grade", "Terms", "Contact", "Email"],
    ["ＡＣＭＥ ltd", "¥50,000", 10000, "b", 30, "Ms Li", "li@acme.example"],
    ["Beta", "lots", null, null, null, null, null],
    ["Gamma", 20000, null, "Z", null, null, null],
    ["acme LTD", 1, null, null, null, null, null],
  ]);
  const payments = sheet("Payments", [
    ["Payment date", "Customer", "Amount", "Invoice ref"],
    ["2026-02-10", "acme ltd", "600", "A-1"],
    [null, "Beta", 100, null],
    ["2026-02-11", "Unknown Co", 50, null],
    ["2026-02-31", "Beta", 50, null],
  ]);
  const result = readLedger(workbook([invoices, customers, payments]), DEFAULT_POLICY);

  it("reads the customers table, keeping its spelling only for customers first seen there", () => {
    expect(result.ledger.customers).toHaveLength(1);
    const acme = result.ledger.customers[0];
    expect(acme.name).toBe("ＡＣＭＥ ltd");
    expect(acme.fixedLimit).toBe(5000000);
    expect(acme.temporaryLimit).toBe(1000000);
    expect(result.ledger.scale).toBe(2);
    expect(acme.gradeOverride).toBe("B");
    expect(acme.paymentTermDays).toBe(30);
    expect(acme.contact).toBe("Ms Li");
    expect(acme.email).toBe("li@acme.example");
    expect(result.ledger.invoices[0].customer).toBe("ＡＣＭＥ ltd");
  });

  it("reads payments of known customers, dated or not", () => {
    expect(result.ledger.payments.map((p) => [p.customer, p.date, formatExact(p.amount, result.ledger.scale), p.invoiceRef ?? null])).toEqual([
      ["ＡＣＭＥ ltd", fromYmd(2026, 2, 10), "600", "A-1"],
      ["Beta", null, "100", null],
    ]);
  });

  it("reports bad customer rows and payments of unknown customers on their cells", () => {
    expect(result.errors.map((e) => `${e.sheet}!${e.column}${e.row} ${e.code}`)).toEqual([
      "Customers!B3 amount.invalid",
      "Customers!D4 grade.invalid",
      "Customers!A5 customer.duplicate",
      "Payments!B4 payment.unknownCustomer",
      "Payments!A5 date.noSuchDay",
    ]);
    const unknown = result.errors.find((e) => e.code === "payment.unknownCustomer");
    expect(unknown && rowErrorText(unknown, "en", "none")).toBe('customer "Unknown Co" is not in the invoices table; payment not read.');
    const duplicate = result.errors.find((e) => e.code === "customer.duplicate");
    expect(duplicate && rowErrorText(duplicate, "en", "none")).toBe('customer "acme LTD" appears again; first on row 2; row skipped.');
  });

  it("reports where each table was found", () => {
    expect(result.mapping.customers?.sheet).toBe("Customers");
    expect(result.mapping.payments?.sheet).toBe("Payments");
    expect(result.mapping.payments?.headerRow).toBe(1);
    expect(result.mapping.promises).toBeNull();
  });
});

describe("readLedger: limits and input", () => {
  it("lists at most maxErrors errors and counts the rest", () => {
    const data: CellValue[][] = [1, 2, 3, 4, 5].map((n) => ["ACME", `INV-${n}`, null, "2026-02-04", "bad", null, null, null]);
    const result = readLedger(workbook([ledgerSheet(data)]), DEFAULT_POLICY, { maxErrors: 2 });
    expect(result.errors).toHaveLength(3);
    expect(result.errors[2]).toEqual({ sheet: "应收台账", row: 4, column: "A", code: "errors.truncated", params: { count: 3 } });
    expect(rowErrorText(result.errors[2], "en", "none")).toBe("3 more problems not listed.");
  });

  it("does not mutate the workbook", () => {
    const book = workbook([ledgerSheet([["ＡＣＭＥ ", "INV-1", null, "2026-02-04", " ¥1,000 ", null, null, null]])]);
    const before = JSON.stringify(book);
    readLedger(book, DEFAULT_POLICY);
    expect(JSON.stringify(book)).toBe(before);
  });

  it("never reads a generated sheet as data", () => {
    const generated = sheet("账龄分析 2026-03-31", [["客户", "发票号", "到期日", "金额"], ["X", "1", "2026-01-01", 1]], { generated: true });
    const user = sheet("Sheet2", [["客户", "发票号", "到期日", "金额"], ["Y", "2", "2026-01-01", 2]]);
    expect(readLedger(workbook([generated, user]), DEFAULT_POLICY).ledger.invoices.map((i) => i.customer)).toEqual(["Y"]);
    expect(() => readLedger(workbook([generated]), DEFAULT_POLICY)).toThrow(LedgerNotFoundError);
  });
});

describe("readLedger: no invoices table", () => {
  const book = workbook([sheet("Sheet1", [["产品清单"], ["名称", "数量", "单价"], ["螺丝", 100, 0.5]])]);

  it("throws LedgerNotFoundError naming the headers seen and the ones looked for", () => {
    let thrown: unknown;
    try {
      readLedger(book, DEFAULT_POLICY);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LedgerNotFoundError);
    const error = thrown as LedgerNotFoundError;
    expect(error.message).toBe(describeNotFound(book, "invoices"));
    expect(error.message).toContain('sheet "Sheet1" row 2 with headers 名称, 数量, 单价');
    expect(error.message).toContain("customer (客户 / Customer)");
    expect(error.message).toContain("amount (金额 / Amount)");
    expect(error.message).toContain("dueDate or invoiceDate");
    expect(error.message.includes("\n")).toBe(false);
    expect(error.headersSeen).toEqual({ sheet: "Sheet1", row: 2, headers: ["名称", "数量", "单价"] });
  });

  it("names the partial header row when one came close", () => {
    const close = workbook([sheet("Data", [["title"], ["客户", "备注", "金额"]])]);
    expect(describeNotFound(close, "invoices")).toContain('sheet "Data" row 2 with headers 客户, 备注, 金额');
  });
});

describe("readLedger: the ledger's scale", () => {
  const invoices = sheet("Invoices", [
    ["Customer", "Invoice No", "Due date", "Amount", "Received"],
    ["ACME", "A-1", "2026-02-04", "1,000.00", 250.5],
    ["ACME", "A-2", "2026-02-04", "1063.125", null],
    ["Beta", "B-1", "2026-02-04", 12, "0.1"],
  ]);
  const customers = sheet("Customers", [
    ["Customer name", "Credit limit", "Temporary limit"],
    ["ACME", "¥50,000", 10000.5],
  ]);
  const payments = sheet("Payments", [
    ["Payment date", "Customer", "Amount"],
    ["2026-02-10", "ACME", 300.25],
  ]);
  const promises = sheet("Promises", [
    ["Customer", "Promised date", "Promised amount"],
    ["Beta", "2026-04-15", "600"],
  ]);
  const result = readLedger(workbook([invoices, customers, payments, promises]), DEFAULT_POLICY);

  it("reads at the scale of its finest amount, every other amount rescaled exactly", () => {
    expect(result.errors).toEqual([]);
    expect(result.ledger.scale).toBe(3);
    expect(result.ledger.invoices.map((i) => [i.invoiceNo, i.amount, i.received])).toEqual([
      ["A-1", 1000000, 250500],
      ["A-2", 1063125, 0],
      ["B-1", 12000, 100],
    ]);
    expect(result.ledger.customers.map((c) => [c.fixedLimit, c.temporaryLimit])).toEqual([[50000000, 10000500]]);
    expect(result.ledger.payments.map((p) => p.amount)).toEqual([300250]);
    expect(result.ledger.promises?.map((p) => p.amount)).toEqual([600000]);
  });

  it("reads at scale 2 when no amount has more than two decimals", () => {
    const fen = readLedger(workbook([sheet("AR", [["Customer", "Due date", "Amount"], ["ACME", "2026-02-04", "1,000.00"], ["ACME", "2026-02-04", 0.5]])]), DEFAULT_POLICY);
    expect(fen.ledger.scale).toBe(2);
    expect(fen.ledger.invoices.map((i) => i.amount)).toEqual([100000, 50]);
  });

  it("takes no scale from an amount on a row that is not read", () => {
    const book = workbook([sheet("AR", [["Customer", "Due date", "Amount"], ["ACME", "2026-02-04", "1,000.00"], ["ACME", "2026-02-30", "0.001"]])]);
    const read = readLedger(book, DEFAULT_POLICY);
    expect(read.ledger.scale).toBe(2);
    expect(read.ledger.invoices.map((i) => i.amount)).toEqual([100000]);
    expect(read.errors.map((e) => `${e.column}${e.row} ${e.code}`)).toEqual(["B3 date.noSuchDay"]);
  });

  it("reports an amount needing more than 20 decimals on its cell, and keeps the ledger at 2", () => {
    const book = workbook([sheet("AR", [["Customer", "Due date", "Amount"], ["ACME", "2026-02-04", 100], ["ACME", "2026-02-04", "0.000000000000000000001"]])]);
    const read = readLedger(book, DEFAULT_POLICY);
    expect(read.ledger.scale).toBe(2);
    expect(read.ledger.invoices.map((i) => i.amount)).toEqual([10000]);
    expect(read.errors).toEqual([
      { sheet: "AR", row: 3, column: "C", header: "Amount", code: "amount.tooPrecise", params: { text: "0.000000000000000000001", limit: 20 }, outcome: "rowSkipped" },
    ]);
    expect(rowErrorText(read.errors[0], "en")).toBe('Row 3, column "Amount": "0.000000000000000000001" has more than 20 decimals; row skipped.');
  });

  it("reads 20 decimals exactly", () => {
    const book = workbook([sheet("AR", [["Customer", "Due date", "Amount"], ["ACME", "2026-02-04", "1"], ["ACME", "2026-02-04", "0.00000000000000000001"]])]);
    const read = readLedger(book, DEFAULT_POLICY);
    expect(read.ledger.scale).toBe(20);
    expect(read.ledger.invoices.map((i) => i.amount)).toEqual([10n ** 20n, 1]);
  });
});

describe("readLedger: negative cash is a row problem (a refund is a credit note)", () => {
  const invoices = sheet("发票", [
    ["客户", "发票号", "到期日", "金额", "已收金额"],
    ["甲公司", "F-1", "2026-02-04", 1000, 200],
    ["甲公司", "F-2", "2026-02-04", 500, -50],
    ["甲公司", "F-3", "2026-02-04", -300, null],
  ]);
  const payments = sheet("回款", [
    ["收款日期", "客户", "收款金额"],
    ["2026-02-10", "甲公司", 400],
    ["2026-02-11", "甲公司", "(120.50)"],
  ]);
  const result = readLedger(workbook([invoices, payments]), DEFAULT_POLICY);

  it("reports a negative received amount on its cell and does not read the row", () => {
    expect(result.ledger.invoices.map((i) => [i.invoiceNo, i.amount, i.received])).toEqual([
      ["F-1", 100000, 20000],
      ["F-3", -30000, 0],
    ]);
    expect(result.errors[0]).toEqual({ sheet: "发票", row: 3, column: "E", header: "已收金额", code: "received.negative", params: { amount: "-50" }, outcome: "rowSkipped" });
  });

  it("reports a negative payment on its cell and does not read it as negative credit", () => {
    expect(result.ledger.payments.map((p) => p.amount)).toEqual([40000]);
    expect(result.errors[1]).toEqual({ sheet: "回款", row: 3, column: "C", header: "收款金额", code: "payment.negative", params: { amount: "-120.5" }, outcome: "rowSkipped" });
    expect(result.errors).toHaveLength(2);
  });

  it("says so in the clerk's words", () => {
    expect(rowErrorText(result.errors[1], "zh-CN", "sheet")).toBe(
      "工作表 “回款” 第3行 “收款金额” 列：回款金额 -120.5 为负数；退款请录为红字发票（负数金额的发票），不要录为负数收款；此行已跳过。",
    );
    expect(rowErrorText(result.errors[0], "en")).toBe(
      'Row 3, column "已收金额": the amount received -50 is negative: a refund is entered as a credit note (an invoice with a negative amount), not as negative cash; row skipped.',
    );
  });
});

describe("readLedger: text that only looks like a number", () => {
  it("reads no \"0x10\" as sixteen", () => {
    const book = workbook([sheet("AR", [["Customer", "Due date", "Amount"], ["ACME", "2026-02-04", "0x10"], ["ACME", "2026-02-04", 16]])]);
    const read = readLedger(book, DEFAULT_POLICY);
    expect(read.ledger.invoices.map((i) => i.amount)).toEqual([1600]);
    expect(read.errors).toEqual([{ sheet: "AR", row: 2, column: "C", header: "Amount", code: "amount.invalid", params: { text: "0x10" }, outcome: "rowSkipped" }]);
  });
});
