/** The payments table's method column (付款方式, POLICY §11 cash ratio) in zh-CN, zh-TW and English. */
import { sheetOf } from "../../support/grid";
import { rowErrorText } from "../../../src/i18n/messages";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import type { CellValue, SheetData, WorkbookData } from "../../../src/workbook/adapter-types";
import { readLedger } from "../../../src/workbook/read";
import { paymentMethodOf } from "../../../src/workbook/read/payment-method";

const sheet = (name: string, rows: CellValue[][]): SheetData => sheetOf(name, rows);

describe("paymentMethodOf", () => {
  test.each([
    ["现金", "cash"], ["現金", "cash"], ["Cash", "cash"],
    ["电汇", "wire"], ["電匯", "wire"], ["WIRE TRANSFER", "wire"], ["Ｔ／Ｔ", "wire"],
    ["承兑汇票", "acceptanceBill"], ["銀行承兌匯票", "acceptanceBill"], ["bank acceptance", "acceptanceBill"],
    ["电子银行票据", "eBill"], ["電子銀行票據", "eBill"], ["E-bill", "eBill"], [" 电子承兑汇票 ", "eBill"],
  ])("%s → %s", (text, method) => {
    expect(paymentMethodOf(text)).toBe(method);
  });

  test("anything else names no method: 支票, blank", () => {
    expect([paymentMethodOf("支票"), paymentMethodOf("")]).toEqual([undefined, undefined]);
  });
});

describe("readLedger: a payments table with a method column", () => {
  const book: WorkbookData = {
    dateSystem: "1900",
    settings: {},
    tables: [],
    sheets: [
      sheet("应收台账", [["客户", "发票号", "到期日", "金额"], ["甲公司", "A-1", "2026-03-31", 1000]]),
      sheet("收款", [
        ["收款日期", "客户", "收款金额", "結算方式"],
        ["2026-03-01", "甲公司", 100, "電匯"],
        ["2026-03-02", "甲公司", 200, "承兌匯票"],
        ["2026-03-03", "甲公司", 300, null],
        ["2026-03-04", "甲公司", 400, "支票"],
      ]),
    ],
  };
  const result = readLedger(book, DEFAULT_POLICY);

  test("each payment keeps its method; a blank one has none", () => {
    expect(result.ledger.payments.map((p) => [p.amount, p.method ?? null])).toEqual([
      [10000, "wire"], [20000, "acceptanceBill"], [30000, null], [40000, null],
    ]);
  });

  test("an unknown method is reported on its cell and the payment is read without one", () => {
    expect(result.errors.map((e) => [`${e.sheet}!${e.column}${e.row}`, e.code, e.outcome])).toEqual([["收款!D5", "payment.method", "readAsBlank"]]);
    expect(rowErrorText(result.errors[0], "zh-CN", "none")).toBe("“支票” 不是付款方式（现金、电汇、承兑汇票、电子银行票据）；按空白处理。");
  });
});
