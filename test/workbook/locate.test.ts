import type { CellValue, SheetData, WorkbookData } from "../../src/workbook/adapter-types";
import { findTable, looksLikeInvoices, otherInvoiceTables } from "../../src/workbook/locate";
import { sheetOf } from "../support/grid";

function sheet(name: string, rows: CellValue[][], extra: Partial<Omit<SheetData, "rows">> = {}): SheetData {
  return sheetOf(name, rows, extra);
}

function workbook(sheets: SheetData[], extra: Partial<WorkbookData> = {}): WorkbookData {
  return { sheets, tables: [], dateSystem: "1900", settings: {}, ...extra };
}

const INVOICES: CellValue[] = ["Customer", "Invoice No", "Invoice date", "Due date", "Amount"];

describe("looksLikeInvoices", () => {
  it.each([
    [INVOICES, true],
    [["客户", "发票号", "到期日", "金额"], true],
    [["Customer", "Invoice No", "Invoice date", "Amount"], true],
    [["Date", "Customer", "Amount", "Invoice No"], false],
    [["回款日期", "客户", "回款金额", "发票号"], false],
    [["Customer", "Due date", "Amount"], false],
    [["Customer name", "Credit limit", "Grade"], false],
  ] as [CellValue[], boolean][])("%p → %p", (headers, expected) => {
    expect(looksLikeInvoices(headers)).toBe(expected);
  });
});

describe("findTable never takes an invoices header for another table", () => {
  const book = workbook([
    sheet("Invoices 2025", [INVOICES, ["Alpha Co", "A-1", 45962, 45992, 500]]),
    sheet("Invoices 2026", [INVOICES, ["Beta Co", "B-1", 46066, 46096, 700]]),
  ]);
  const exclude = [{ sheet: "Invoices 2025", fromRow: 0, toRow: 2 }];

  it("as payments, from the sheet scan or from an Excel table", () => {
    expect(findTable(book, "invoices")?.sheet).toBe("Invoices 2025");
    expect(findTable(book, "payments", { exclude })).toBeNull();
    const withTable = { ...book, tables: [{ name: "T2026", sheet: "Invoices 2026", headerRow: 0, firstCol: 0, rowCount: 1, columnCount: 5 }] };
    expect(findTable(withTable, "payments", { exclude })).toBeNull();
  });

  it("lists the invoices table not taken, one per sheet, at its header", () => {
    const titled = sheet("Invoices 2027", [["2027"], [], [null, ...INVOICES], [null, "Gamma Co", "G-1", 46400, 46430, 1]]);
    expect(otherInvoiceTables(workbook([...book.sheets, titled]), exclude)).toEqual([
      { sheet: "Invoices 2026", headerRow: 0, firstCol: 0 },
      { sheet: "Invoices 2027", headerRow: 2, firstCol: 1 },
    ]);
  });
});
