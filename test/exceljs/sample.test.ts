/**
 * The committed sample workbooks are what scripts/make-sample.ts generates (seeded: the same
 * cells on every run), and the Chinese sample has the documented shape.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { makeSamples, SAMPLE_INVOICES } from "../../scripts/make-sample";
import { ExcelJsAdapter } from "../../src/workbook/exceljs/adapter";
import { gridOf } from "../support/grid";

const EXAMPLES = path.resolve(__dirname, "..", "..", "examples");

describe("sample workbooks", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "ar-sample-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("regenerating gives the same cells as the committed files", async () => {
    const [chinese, english] = await makeSamples(dir);
    for (const [fresh, committed] of [
      [chinese, path.join(EXAMPLES, "sample-ledger.xlsx")],
      [english, path.join(EXAMPLES, "sample-ledger-en.xlsx")],
    ]) {
      const a = await new ExcelJsAdapter({ input: fresh }).read();
      const b = await new ExcelJsAdapter({ input: committed }).read();
      expect(a).toEqual(b);
    }
  });

  it("the Chinese sample: title, date row, header on row 4, 400 invoices, customers and payments sheets", async () => {
    const data = await new ExcelJsAdapter({ input: path.join(EXAMPLES, "sample-ledger.xlsx") }).read();
    expect(data.sheets.map((sheet) => sheet.name)).toEqual(["应收台账", "客户", "回款"]);
    const ledger = data.sheets[0];
    expect(gridOf(ledger)[0][0]).toBe("2026年应收账款台账");
    expect(gridOf(ledger)[1].slice(0, 2)).toEqual(["编制日期", 46349]);
    expect(gridOf(ledger)[3].slice(0, 10)).toEqual(["客户", "发票号", "开票日期", "到期日", "金额", "已收", "币种", "业务员", "区域", "争议"]);
    expect(gridOf(ledger).length - 4).toBe(SAMPLE_INVOICES);
    const invoices = gridOf(ledger).slice(4);
    expect(new Set(invoices.map((row) => row[0])).size).toBe(30);
    expect(invoices.some((row) => typeof row[4] === "number" && row[4] < 0)).toBe(true);
    expect(invoices.some((row) => row[9] === "是")).toBe(true);
    expect(invoices.some((row) => typeof row[5] === "number" && row[5] > 0)).toBe(true);
    // Amounts carry at most two decimals.
    expect(invoices.every((row) => Number.isInteger(Math.round((row[4] as number) * 100)) && Math.abs((row[4] as number) * 100 - Math.round((row[4] as number) * 100)) < 1e-6)).toBe(true);
    const customers = data.sheets[1];
    expect(gridOf(customers)[0].slice(0, 8)).toEqual(["客户名称", "信用额度", "临时额度", "账期", "信用等级", "联系人", "邮箱", "地址"]);
    expect(gridOf(customers)).toHaveLength(31);
    const payments = data.sheets[2];
    expect(gridOf(payments)[0].slice(0, 4)).toEqual(["回款日期", "客户", "回款金额", "发票号"]);
    expect(gridOf(payments).slice(1).some((row) => row[3] === null)).toBe(true);
    expect(gridOf(payments).slice(1).some((row) => typeof row[3] === "string")).toBe(true);
  });

  it("the English sample keeps its ledger in Excel tables", async () => {
    const data = await new ExcelJsAdapter({ input: path.join(EXAMPLES, "sample-ledger-en.xlsx") }).read();
    expect(data.tables.map((table) => [table.name, table.sheet])).toEqual([
      ["Invoices", "Ledger"],
      ["Customers", "Customers"],
      ["Payments", "Payments"],
    ]);
    expect(data.tables[0].rowCount).toBe(40);
  });
});
