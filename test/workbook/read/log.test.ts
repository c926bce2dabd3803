import { rowErrorText } from "../../../src/i18n/messages";
import { fromYmd } from "../../../src/rules/dates";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import type { CellValue, SheetData, WorkbookData } from "../../../src/workbook/adapter-types";
import { looksLikeLog } from "../../../src/workbook/locate";
import { readLedger } from "../../../src/workbook/read";
import { sheetOf } from "../../support/grid";

const d = (y: number, m: number, day: number): number => fromYmd(y, m, day);

function sheet(name: string, rows: CellValue[][]): SheetData {
  return sheetOf(name, rows);
}

const INVOICES = sheet("应收台账", [
  ["客户", "发票号", "开票日期", "到期日", "金额", "币种"],
  ["甲公司", "INV-1", "2026-09-15", "2026-10-15", 20000, "CNY"],
  ["乙公司", "INV-2", "2026-09-15", "2026-10-15", 5000, "USD"],
]);

function workbook(...sheets: SheetData[]): WorkbookData {
  return { sheets: [INVOICES, ...sheets], tables: [], dateSystem: "1900", settings: {} };
}

const ZH_CN_HEADERS = ["联系日期", "客户", "发票号", "催收人", "方式", "联系人", "结果", "承诺日期", "承诺金额", "下次跟进日期", "备注"];

describe("readLog: the collection log (POLICY §12)", () => {
  test("the headers the add-in writes, zh-CN: every column read; a row with a promised date and amount is a promise", () => {
    const read = readLedger(
      workbook(
        sheet("催收记录", [
          ZH_CN_HEADERS,
          ["2026-10-15", "甲公司", "INV-1", "张三", "电话", "王经理", "无人接听", null, null, "2026-10-20", "=HYPERLINK(1)"],
          ["2026-11-02", " 甲公司 ", null, "张三", "电话", "王经理", "已承诺", "2026-11-30", "20,000.00", "2026-12-01", null],
          ["2026-11-05", "乙公司", null, "李四", "邮件", null, "拒付", null, null, null, null],
        ]),
      ),
      DEFAULT_POLICY,
    );
    expect(read.errors).toEqual([]);
    expect(read.mapping.log).toMatchObject({ sheet: "催收记录", headerRow: 1, missing: [] });
    expect(read.mapping.payments).toBeNull();
    expect(read.mapping.promises).toBeNull();
    expect(read.mapping.customers).toBeNull();
    const log = read.ledger.log ?? [];
    expect(log).toHaveLength(3);
    expect(log[0]).toEqual({
      date: d(2026, 10, 15), customer: "甲公司", invoiceNo: "INV-1", collector: "张三", channel: "phone", contact: "王经理", outcome: "noAnswer",
      nextAction: d(2026, 10, 20), note: "=HYPERLINK(1)", currency: "CNY", source: { sheet: "催收记录", row: 2 },
    });
    expect(log[1]).toMatchObject({ outcome: "promised", promisedDate: d(2026, 11, 30), promisedAmount: 2000000, currency: "CNY" });
    // 乙公司 has USD invoices only, so its contact's currency is USD.
    expect(log[2]).toMatchObject({ customer: "乙公司", channel: "email", outcome: "refused", currency: "USD" });
    expect(log[2].promisedAmount).toBeUndefined();
  });

  test("zh-TW and English headers with synonyms", () => {
    const tw = readLedger(
      workbook(sheet("催收記錄", [["聯絡日期", "客戶", "方式", "結果", "承諾日期", "承諾金額"], ["2026-11-02", "甲公司", "電話", "已承諾", "2026-11-30", 20000]])),
      DEFAULT_POLICY,
    );
    expect(tw.ledger.log?.[0]).toMatchObject({ channel: "phone", outcome: "promised", promisedAmount: 2000000 });
    const en = readLedger(
      workbook(sheet("Calls", [["Date", "Customer", "Channel", "Result", "Next follow-up", "Notes"], ["2026-11-02", "甲公司", "e-mail", "No answer", "2026-11-09", "left a message"]])),
      DEFAULT_POLICY,
    );
    expect(en.ledger.log?.[0]).toMatchObject({ channel: "email", outcome: "noAnswer", nextAction: d(2026, 11, 9), note: "left a message" });
  });

  test("problems on their cells; the contact is kept when only an optional cell is wrong", () => {
    const read = readLedger(
      workbook(
        sheet("催收记录", [
          ZH_CN_HEADERS,
          ["2026-11-01", "甲公司", null, null, "传真", null, "再说", null, null, null, null],
          ["2026-11-02", "甲公司", null, null, "电话", null, "已承诺", "2026-11-30", null, "2026-13-01", null],
          ["2026-11-03", "丙公司", null, null, "电话", null, null, null, null, null, null],
          [null, "甲公司", null, null, "电话", null, null, null, null, null, null],
        ]),
      ),
      DEFAULT_POLICY,
    );
    expect(read.errors.map((e) => [e.row, e.column, e.code, e.outcome ?? null])).toEqual([
      [2, "E", "log.channelUnknown", null],
      [2, "G", "log.outcomeUnknown", null],
      [3, "J", "date.noSuchMonth", "readAsBlank"],
      [3, "I", "log.promiseIncomplete", null],
      [4, "B", "log.unknownCustomer", null],
      [5, "A", "date.blank", "rowSkipped"],
    ]);
    expect(rowErrorText(read.errors[0], "zh-CN")).toBe("第2行 “方式” 列：“传真” 不是催收方式（电话、邮件、短信、上门、催款函、律师函、其他）；按“其他”读取。");
    expect(rowErrorText(read.errors[3], "en", "none")).toBe(
      "a promise needs both a promised date and a promised amount; the amount is missing, so the contact is read without a promise.",
    );
    expect(read.ledger.log?.map((e) => [e.date, e.channel, e.outcome, e.promisedDate ?? null, e.nextAction ?? null])).toEqual([
      [d(2026, 11, 1), "other", "other", null, null],
      [d(2026, 11, 2), "phone", "promised", null, null],
    ]);
  });

  test("a log is never read as payments, promises, customers or invoices, and no other table as a log", () => {
    expect(looksLikeLog(ZH_CN_HEADERS)).toBe(true);
    expect(looksLikeLog(["Contact date", "Customer", "Invoice No", "Collector", "Channel", "Person contacted", "Outcome", "Promised date", "Promised amount", "Next action date", "Note"])).toBe(true);
    expect(looksLikeLog(["日期", "客户", "金额", "付款方式"])).toBe(false);
    expect(looksLikeLog(["客户", "发票号", "开票日期", "到期日", "金额", "收款方式"])).toBe(false);
    expect(looksLikeLog(["客户", "承诺日期", "承诺金额"])).toBe(false);
    // The log as an Excel table beside a payments table and a promises table: each read from its own.
    const withAll = readLedger(
      {
        ...workbook(
          sheet("催收记录", [ZH_CN_HEADERS, ["2026-11-02", "甲公司", null, null, "电话", null, "已承诺", "2026-11-30", 20000, null, null]]),
          sheet("回款记录", [["收款日期", "客户", "收款金额", "付款方式"], ["2026-11-10", "甲公司", 5000, "电汇"]]),
          sheet("承诺", [["客户", "承诺日期", "承诺金额"], ["甲公司", "2026-12-15", 1000]]),
        ),
        tables: [{ name: "AR_CollectionLog", sheet: "催收记录", headerRow: 0, firstCol: 0, rowCount: 1, columnCount: 11 }],
      },
      DEFAULT_POLICY,
    );
    expect(withAll.errors).toEqual([]);
    expect([withAll.mapping.log?.tableName, withAll.mapping.payments?.sheet, withAll.mapping.promises?.sheet]).toEqual(["AR_CollectionLog", "回款记录", "承诺"]);
    expect(withAll.ledger.payments).toHaveLength(1);
    expect(withAll.ledger.promises).toHaveLength(1);
    expect(withAll.ledger.log).toHaveLength(1);
  });
});
