/**
 * The collection jobs on the memory adapter: log a contact (checked, appended, read back), the
 * collection picture for the pane, letters with pre-due notices, statements of account.
 */
import { problemText } from "../../src/i18n/messages";
import { runCollection } from "../../src/jobs/collection";
import { JobError, runLetters } from "../../src/jobs/jobs";
import { runLogContact } from "../../src/jobs/log-contact";
import { MemoryAdapter } from "../../src/jobs/memory-adapter";
import { runStatements } from "../../src/jobs/statements";
import { accountKey } from "../../src/rules/accounts";
import { fromYmd } from "../../src/rules/dates";
import type { SheetData, WorkbookData } from "../../src/workbook/adapter-types";
import { gridOf, sheetOf } from "../support/grid";

/** A sheet of the adapter as a grid `width` wide (blanks null); [] when it has no such sheet. */
const grid = (sheet: SheetData | undefined, width: number) => (sheet === undefined ? [] : gridOf(sheet, width));

const AS_OF = fromYmd(2026, 11, 23); // serial 46349

/**
 * 甲公司: INV-1 20,000.00 due 2026-10-15 (39 days overdue: formal demand); INV-2 8,000.00 due 11-26 (in 3 days).
 * 乙公司: B-1 5,000.00 due 11-13 (10 days: phone), 2,000.00 received on 11-20.
 */
function workbook(extraSheets: WorkbookData["sheets"] = [], tables: WorkbookData["tables"] = []): WorkbookData {
  return {
    dateSystem: "1900",
    settings: {},
    tables,
    sheets: [
      sheetOf("应收台账", [
        ["客户", "发票号", "开票日期", "到期日", "金额"],
        ["甲公司", "INV-1", 46280, 46310, 20000],
        ["甲公司", "INV-2", 46322, 46352, 8000],
        ["乙公司", "B-1", 46309, 46339, 5000],
      ]),
      sheetOf("回款", [["收款日期", "客户", "收款金额"], [46346, "乙公司", 2000]]),
      ...extraSheets,
    ],
  };
}

describe("runLogContact", () => {
  test("first use: the log is created (催收记录, AR_CollectionLog) with the row; the reader reads it back as a promise", async () => {
    const adapter = new MemoryAdapter(workbook());
    const result = await runLogContact(
      adapter,
      { date: AS_OF - 21, customer: "甲公司 ", channel: "phone", outcome: "promised", promisedDate: fromYmd(2026, 11, 30), promisedAmount: "20,000.00", collector: "张三", nextAction: fromYmd(2026, 12, 1) },
      { lang: "zh-CN" },
    );
    expect(result.problems).toEqual([]);
    expect(result.appended).toEqual({ sheet: "催收记录", tableName: "AR_CollectionLog", created: true, firstRow: 2 });
    expect(grid(adapter.sheet("催收记录"), 11)).toEqual([
      ["联系日期", "客户", "发票号", "催收人", "方式", "联系人", "结果", "承诺日期", "承诺金额", "下次跟进日期", "备注"],
      [46328, "甲公司", null, "张三", "电话", null, "已承诺", 46356, 20000, 46357, null],
    ]);
    // The promise pauses the formal demand: only the pre-due notice for INV-2 remains for 甲公司.
    const letters = await runLetters(adapter, { asOf: AS_OF, lang: "zh-CN", write: false });
    expect(letters.letters.filter((l) => l.customer === "甲公司").map((l) => l.stage)).toEqual(["preDue"]);
  });

  test("a second contact goes below the first, in the language asked for; the first row is not rewritten", async () => {
    const adapter = new MemoryAdapter(workbook());
    await runLogContact(adapter, { date: AS_OF - 2, customer: "乙公司", channel: "email", outcome: "noAnswer" }, { lang: "zh-CN" });
    const second = await runLogContact(adapter, { date: AS_OF, customer: "乙公司", channel: "visit", outcome: "refused", note: "=SUM(A1)" }, { lang: "en" });
    expect(second.appended?.firstRow).toBe(3);
    expect(grid(adapter.sheet("催收记录"), 11).slice(1).map((row) => [row[0], row[4], row[6], row[10]])).toEqual([
      [46347, "邮件", "无人接听", null],
      [46349, "Visit", "Refused", "=SUM(A1)"],
    ]);
  });

  test("problems by field, nothing written", async () => {
    const adapter = new MemoryAdapter(workbook());
    const result = await runLogContact(adapter, { date: AS_OF, customer: "丙公司", channel: "fax", promisedAmount: "500" }, { lang: "zh-CN" });
    expect(result.appended).toBeNull();
    expect(result.problems.map((p) => p.field)).toEqual(["customer", "channel", "promisedDate"]);
    expect(problemText(result.problems[0], "zh-CN")).toBe("发票表中没有客户“丙公司”");
    expect(adapter.sheet("催收记录")).toBeUndefined();
  });

  test("a log typed by hand as a plain range is not appended to: the user is told to make it a table", async () => {
    const handLog = sheetOf("催收记录", [["日期", "客户", "方式"], [46340, "甲公司", "电话"]]);
    const result = await runLogContact(new MemoryAdapter(workbook([handLog])), { date: AS_OF, customer: "甲公司", channel: "phone" }, { lang: "en" });
    expect(result.problems.map((p) => problemText(p, "en"))).toEqual([
      'the collection log on sheet "催收记录" is not an Excel table: select it and press Ctrl+T (Insert > Table), then log the contact again',
    ]);
  });

  test("an existing log table of three columns: the row goes under its own headers; a value it has no column for is a problem", async () => {
    const log = sheetOf("Calls", [["Date", "Customer", "Channel"], [46340, "甲公司", "Phone"]]);
    const table = { name: "CallLog", sheet: "Calls", headerRow: 0, firstCol: 0, rowCount: 1, columnCount: 3 };
    const adapter = new MemoryAdapter(workbook([log], [table]));
    const ok = await runLogContact(adapter, { date: AS_OF, customer: "甲公司", channel: "sms" }, { lang: "en" });
    expect(ok.appended).toEqual({ sheet: "Calls", tableName: "CallLog", created: false, firstRow: 3 });
    expect(grid(adapter.sheet("Calls"), 3)[2]).toEqual([46349, "甲公司", "SMS"]);
    const missing = await runLogContact(adapter, { date: AS_OF, customer: "甲公司", channel: "sms", outcome: "paid" }, { lang: "zh-CN" });
    expect(missing.problems.map((p) => [p.field, problemText(p, "zh-CN")])).toEqual([["outcome", "催收记录没有“结果”列：请在记录表中添加此列，或不填此项"]]);
  });

  test("an adapter that cannot append is refused with a job error", async () => {
    const data = workbook();
    const readOnly = { read: async () => data, writePlans: async () => [], writeSettings: async () => undefined };
    await expect(runLogContact(readOnly, { date: AS_OF, customer: "甲公司", channel: "phone" }, { lang: "en" })).rejects.toEqual(
      new JobError("append.unsupported", "Rows cannot be appended to this workbook."),
    );
  });
});

describe("runCollection (the pane's customer view and today's work)", () => {
  test("promises, paused invoices, contacts newest first, pre-due notices, today's work", async () => {
    const adapter = new MemoryAdapter(workbook());
    await runLogContact(adapter, { date: fromYmd(2026, 11, 2), customer: "甲公司", channel: "phone", outcome: "promised", promisedDate: fromYmd(2026, 11, 30), promisedAmount: "20000" }, { lang: "zh-CN" });
    await runLogContact(adapter, { date: fromYmd(2026, 11, 16), customer: "乙公司", channel: "phone", outcome: "noAnswer", nextAction: fromYmd(2026, 11, 20) }, { lang: "zh-CN" });
    await runLogContact(adapter, { date: fromYmd(2026, 11, 18), customer: "甲公司", channel: "email" }, { lang: "zh-CN" });
    const result = await runCollection(adapter, { asOf: AS_OF, lang: "zh-CN" });
    expect(result.sheets).toEqual([]);
    const jia = result.collection.get(accountKey("甲公司", "CNY"));
    expect(jia?.promises.map((p) => [p.state, p.promise.promisedDate])).toEqual([["open", fromYmd(2026, 11, 30)]]);
    expect(jia?.paused.map((i) => i.state.invoice.invoiceNo)).toEqual(["INV-1"]);
    expect(jia?.contacts.map((c) => [c.date, c.channel])).toEqual([[fromYmd(2026, 11, 18), "email"], [fromYmd(2026, 11, 2), "phone"]]);
    expect(result.preDueNotices.map((n) => [n.item.state.invoice.invoiceNo, n.touch])).toEqual([["INV-2", 2]]);
    expect(result.today.nextActions.map((n) => [n.customer, n.daysLate])).toEqual([["乙公司", 3]]);
    expect(result.today.promises).toEqual([]);
  });
});

describe("runLetters: pre-due notices per invoice", () => {
  test("INV-2 due in 3 days gets a notice and a row on the pre-due sheet although 甲公司 is at the formal stage", async () => {
    const adapter = new MemoryAdapter(workbook());
    const result = await runLetters(adapter, { asOf: AS_OF, lang: "zh-CN" });
    // 乙公司 (10 days overdue) is at the phone stage: a call, no letter.
    expect(result.letters.map((l) => [l.customer, l.stage])).toEqual([
      ["甲公司", "formal"],
      ["甲公司", "preDue"],
    ]);
    expect(result.sheets).toEqual(["催款函 2026-11-23", "到期提醒 2026-11-23"]);
    expect(grid(adapter.sheet("到期提醒 2026-11-23"), 10)).toEqual([
      ["客户", "币种", "发票号", "开票日期", "到期日", "距到期天数", "未收余额", "提醒", "联系人", "业务员"],
      ["甲公司", "CNY", "INV-2", 46322, 46352, 3, 8000, "第2次(到期前3天)", null, null],
    ]);
  });
});

describe("runStatements", () => {
  test("November 2026 for 乙公司: opening 5,000.00, 2,000.00 received 11-20, closing 3,000.00; the sheet 对账单 2026-11-30", async () => {
    const adapter = new MemoryAdapter(workbook());
    const result = await runStatements(adapter, { from: fromYmd(2026, 11, 1), to: fromYmd(2026, 11, 30), lang: "zh-CN", customers: ["乙公司"] });
    expect(result.statements.map((s) => [s.customer, s.opening, s.lines.length, s.closing])).toEqual([["乙公司", 500000, 1, 300000]]);
    expect(result.sheets).toEqual(["对账单 2026-11-30"]);
    const rows = grid(adapter.sheet("对账单 2026-11-30"), 7);
    expect(rows[0][0]).toBe("对账单：乙公司");
    expect(rows[3]).toEqual([null, "期初余额(2026-10-31)", null, null, null, 5000, null]);
    expect(rows[4]).toEqual([46346, "收款", null, null, 2000, 3000, null]);
    expect(rows[5]).toEqual([null, "期末余额(2026-11-30)", null, null, null, 3000, null]);
    expect(rows[6]).toEqual(["期末余额账龄", "未到期", "1-30天", "31-60天", "61-90天", "90天以上", "未核销预收"]);
    expect(rows[7]).toEqual([null, 0, 3000, 0, 0, 0, 0]);
  });

  test("a period whose first day is after its last is refused", async () => {
    await expect(runStatements(new MemoryAdapter(workbook()), { from: fromYmd(2026, 12, 1), to: fromYmd(2026, 11, 30), lang: "en" })).rejects.toMatchObject({ code: "period.invalid" });
  });
});

describe("runLetters for some stages only", () => {
  test("formal letters only: no pre-due letter and no pre-due sheet; preDue asked for: the notices", async () => {
    const formal = await runLetters(new MemoryAdapter(workbook()), { asOf: AS_OF, lang: "zh-CN", stages: ["formal"] });
    expect(formal.letters.map((l) => l.stage)).toEqual(["formal"]);
    expect(formal.preDueNotices).toEqual([]);
    expect(formal.sheets).toEqual(["催款函 2026-11-23"]);
    const preDue = await runLetters(new MemoryAdapter(workbook()), { asOf: AS_OF, lang: "zh-CN", stages: ["preDue"] });
    expect(preDue.letters.map((l) => [l.customer, l.stage])).toEqual([["甲公司", "preDue"]]);
    expect(preDue.sheets).toEqual(["催款函 2026-11-23", "到期提醒 2026-11-23"]);
  });
});
