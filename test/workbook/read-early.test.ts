import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { CellValue, RowCells, RowSource, SheetData, TableInfo, WorkbookData } from "../../src/workbook/adapter-types";
import { LedgerNotFoundError, readLedger } from "../../src/workbook/read";
import { EarlyReading } from "../../src/workbook/read-early";
import { rowAt, rowCount } from "../../src/workbook/sheet-cells";
import { sheetOf } from "../support/grid";

/**
 * A sheet's rows arriving block by block, as the jobs worker receives them: its length is the
 * sheet's from the start, and reading a row that has not arrived fails the test.
 */
class ArrivingRows implements RowSource {
  readonly length: number;
  arrived = 0;

  constructor(private readonly sheet: SheetData) {
    this.length = rowCount(sheet);
  }

  row(index: number): RowCells | undefined {
    if (index >= this.arrived) throw new Error(`row ${index} read before it arrived (${this.arrived} have)`);
    return rowAt(this.sheet, index);
  }

  cellCount(): number {
    throw new Error("not asked for by a reading");
  }
}

/** A seeded generator of block sizes (xorshift). */
function sizes(seed: number, most: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return 1 + ((state >>> 0) % most);
  };
}

/**
 * Reads a workbook as the worker does: every sheet but `pending` complete, that one's rows
 * arriving in blocks of random sizes, `arrived` called after each; then finished.
 */
function readArriving(workbook: WorkbookData, pending: number, seed: number, most = 40): { early: EarlyReading; read: ReturnType<EarlyReading["finish"]> } {
  const rows = new ArrivingRows(workbook.sheets[pending]);
  const sofar: WorkbookData = { ...workbook, sheets: workbook.sheets.map((sheet, index) => (index === pending ? { ...sheet, rows } : sheet)) };
  const arrived = (sheet: number): number => (sheet === pending ? sofar.sheets[sheet].firstRow + rows.arrived : Infinity);
  const early = new EarlyReading(DEFAULT_POLICY, { lang: "zh-CN" });
  const next = sizes(seed, most);
  early.arrived(sofar, arrived);
  while (rows.arrived < rows.length) {
    rows.arrived = Math.min(rows.length, rows.arrived + next());
    early.arrived(sofar, arrived);
  }
  return { early, read: early.finish(sofar) };
}

const HEADERS: CellValue[] = ["客户", "发票号", "开票日期", "到期日", "金额", "已收金额"];

/** A ledger with what a reading reports: blank, total and bad rows, a duplicate, due dates from the customers' terms. */
function ledgerRows(count: number, amount: (row: number) => CellValue = (row) => 100 + row): CellValue[][] {
  const rows: CellValue[][] = [["应收账款台账"], [], HEADERS];
  for (let row = 0; row < count; row++) {
    const customer = `客户${row % 7}`;
    if (row % 97 === 5) rows.push([]);
    else if (row % 89 === 7) rows.push(["合计", null, null, null, 999999]);
    else if (row % 83 === 3) rows.push([customer, `INV-${row}`, "2026-01-01", "不是日期", amount(row)]);
    else if (row % 79 === 2) rows.push([customer, `INV-${row - 1}`, "2026-01-01", "2026-02-01", amount(row)]);
    else if (row % 11 === 4) rows.push([customer, `INV-${row}`, "2026-01-05", null, amount(row), 10]);
    else rows.push([customer, `INV-${row}`, "2026-01-01", "2026-02-01", amount(row), row % 3 === 0 ? 50 : null]);
  }
  return rows;
}

const customers = sheetOf("客户", [
  ["客户名称", "信用额度", "账期"],
  ["客户1", 50000, 30],
  ["客户4", 10000, 45],
]);
const payments = sheetOf("回款", [
  ["回款日期", "客户", "金额"],
  ["2026-02-10", "客户2", 600],
  ["2026-02-11", "不认识的客户", 50],
]);
const settings = sheetOf("设置", [
  ["项目", "值"],
  ["interest.dailyRate", 0.0003],
]);

function workbook(sheets: SheetData[], tables: TableInfo[] = []): WorkbookData {
  return { sheets, tables, dateSystem: "1900", settings: {} };
}

describe("EarlyReading: the ledger read while its rows arrive", () => {
  const book = workbook([settings, customers, sheetOf("应收台账", ledgerRows(2000)), payments]);
  const whole = readLedger(book, DEFAULT_POLICY, { lang: "zh-CN" });

  it("begins once the rows that decide are there and gives what readLedger gives", () => {
    expect(whole.ledger.invoices.length).toBeGreaterThan(1500);
    expect(whole.errors.length).toBeGreaterThan(20);
    expect(whole.ledger.payments.length).toBe(1);
    for (const seed of [1, 7, 42, 2026]) {
      const { early, read } = readArriving(book, 2, seed);
      expect(early.begun).toBe(true);
      expect(read).toEqual(whole);
    }
  });

  it("gives the same in one block, and in blocks of one row", () => {
    expect(readArriving(book, 2, 3, 1).read).toEqual(whole);
    expect(readArriving(book, 2, 3, 100_000).read).toEqual(whole);
  });

  it("waits while a sheet besides the one arriving is incomplete, or the settings sheet arrives", () => {
    const early = new EarlyReading(DEFAULT_POLICY, { lang: "zh-CN" });
    const arrived = (sheet: number): number => (sheet === 0 ? 1 : sheet === 2 ? 40 : Infinity);
    early.arrived(book, arrived);
    expect(early.begun).toBe(false);
    const fewRows = (sheet: number): number => (sheet === 2 ? 10 : Infinity);
    early.arrived(book, fewRows);
    expect(early.begun).toBe(false);
    expect(early.finish(book)).toEqual(whole);
  });

  it("re-reads at the finer scale when an amount has more decimals", () => {
    const fine = workbook([customers, sheetOf("应收台账", ledgerRows(300, (row) => (row === 250 ? 12.345 : 100 + row)))]);
    const expected = readLedger(fine, DEFAULT_POLICY, { lang: "zh-CN" });
    expect(expected.ledger.scale).toBe(3);
    const { early, read } = readArriving(fine, 1, 5);
    expect(early.begun).toBe(true);
    expect(read).toEqual(expected);
  });

  it("reports a second invoices table as readLedger does", () => {
    const second = sheetOf("发票2025", [HEADERS, ["客户1", "OLD-1", "2025-01-01", "2025-02-01", 5]]);
    const withSecond = workbook([second, customers, sheetOf("应收台账", ledgerRows(200))]);
    const expected = readLedger(withSecond, DEFAULT_POLICY, { lang: "zh-CN" });
    expect(expected.errors.some((error) => error.code === "table.secondInvoices")).toBe(true);
    expect(readArriving(withSecond, 2, 9).read).toEqual(expected);
  });

  it("waits for the last row when another table lies on the sheet still arriving", () => {
    // An Excel table of customers below the invoices, on the ledger's sheet.
    const rows = [...ledgerRows(200), [], ["客户名称", "账期"], ["客户1", 60]];
    const ledger = sheetOf("应收台账", rows);
    const tables: TableInfo[] = [
      { name: "Invoices", sheet: "应收台账", headerRow: 2, firstCol: 0, rowCount: 200, columnCount: HEADERS.length },
      { name: "Customers", sheet: "应收台账", headerRow: rows.length - 2, firstCol: 0, rowCount: 1, columnCount: 2 },
    ];
    const book2 = workbook([ledger], tables);
    const expected = readLedger(book2, DEFAULT_POLICY, { lang: "zh-CN" });
    expect(expected.mapping.customers?.sheet).toBe("应收台账");
    expect(readArriving(book2, 0, 11).read).toEqual(expected);
    // Not before the customers' header has arrived; not at all when it came without the table's rows.
    const rowsIn = new ArrivingRows(ledger);
    const sofar = workbook([{ ...ledger, rows: rowsIn }], tables);
    const early = new EarlyReading(DEFAULT_POLICY, { lang: "zh-CN" });
    for (const upTo of [100, rows.length - 1, rows.length]) {
      rowsIn.arrived = upTo;
      early.arrived(sofar, () => upTo);
      expect(early.begun).toBe(false);
    }
    expect(early.finish(sofar)).toEqual(expected);
  });

  it("throws what readLedger throws when there is no invoices table", () => {
    const none = workbook([sheetOf("Notes", [["just", "text"], ["more", "text"]])]);
    expect(() => readLedger(none, DEFAULT_POLICY, { lang: "zh-CN" })).toThrow(LedgerNotFoundError);
    expect(() => readArriving(none, 0, 1).read).toThrow(LedgerNotFoundError);
  });
});
