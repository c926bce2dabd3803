import { isMessageCode, MESSAGES, messageText, rowErrorText } from "../../src/i18n/messages";
import type { MessageCode, MessageParamsByCode } from "../../src/i18n/messages";
import type { Lang, RowError } from "../../src/rules/types";

const LANGS: Lang[] = ["zh-CN", "zh-TW", "en"];

/**
 * Values for every code, typed so that a code added to the rules or the readers without an example
 * here does not compile; codes whose values take several shapes have one example of each.
 */
const EXAMPLES: { [C in MessageCode]: MessageParamsByCode[C][] } = {
  "date.notADate": [{ text: "soon" }],
  "date.noSuchMonth": [{ text: "2026-13-01", month: 13 }],
  "date.noSuchDay": [{ text: "2026-02-30", year: 2026, month: 2, daysInMonth: 28 }],
  "date.ambiguous": [{ text: "03/04/2026", first: 3, second: 4, year: 2026 }],
  "date.twoDigitYear": [{ text: "1/2/26" }],
  "date.outOfRange": [{ text: "1899-12-31" }],
  "date.blank": [{}],
  "date.wrongType": [{ value: "TRUE" }],
  "date.unreadable": [{}],
  "date.ymd": [{ year: 2026, month: 2, day: 29 }],
  "serial.fictitious": [{}],
  "serial.outOfRange": [{ serial: 2958466, min: 1, max: 2958465 }],
  "serial.notANumber": [{ serial: "Infinity" }],
  "limit.temporaryTooHigh": [{ temporary: "600000", fixed: "1000000", ratio: "50%" }],
  "measure.months": [{ value: "0" }],
  "payment.invoiceNotFound": [{ invoiceNo: "B-404", customer: "丙公司", currency: "CNY" }],
  "policy.notANumber": [{ value: "abc" }],
  "policy.notAnInteger": [{ value: "1.5" }],
  "policy.atLeast": [{ value: "-1", min: "0" }],
  "policy.between": [{ value: "0.6", min: "0", max: "0.5" }],
  "policy.wholeAtLeast": [{ value: "-7", min: 0 }],
  "policy.wholeBetween": [{ value: "2000", min: 1, max: 1200 }],
  "policy.currencyCode": [{ value: "yuan" }],
  "policy.notText": [{ value: "42" }],
  "policy.notList": [{ value: "{}" }],
  "policy.choice": [{ value: "XYZ", choices: ["YMD", "DMY", "MDY"] }],
  "policy.edges": [{ value: "[30,0]" }],
  "policy.tooManyEdges": [{ count: 20000, max: 50 }],
  "policy.tooDeep": [{ max: 32 }],
  "policy.labelCount": [{ lang: "en", count: 2, expected: 5 }],
  "policy.cuts": [{ value: "[[2,0.1],[1,0.3]]" }],
  "policy.stageNoId": [{ stage: 2 }],
  "policy.stageTwice": [{ id: "reminder" }],
  "policy.stageDays": [{ id: "reminder" }],
  "policy.stageEndsBeforeStart": [{ id: "reminder", fromDays: 30, toDays: 10 }],
  "policy.stageOverlaps": [{ id: "demand", fromDays: 20, previous: "reminder" }],
  "policy.stageLetter": [{ id: "reminder" }],
  "policy.gradeOrder": [{ value: "3 / 6 / 12 / 6" }],
  "policy.bands": [{ value: "[[365,0.5],[90,0.1]]" }],
  "policy.notObject": [{ value: "none" }],
  "policy.daysAsMonths": [{ days: 45, months: 2 }],
  "policy.touchDays": [{ value: "[3,5]" }],
  "contact.unknownCustomer": [{ customer: "某公司" }],
  "contact.channel": [{ value: "fax", choices: ["phone", "email"] }],
  "contact.outcome": [{ value: "maybe", choices: ["promised", "paid"] }],
  "contact.promiseIncomplete": [{ missing: "date" }, { missing: "amount" }],
  "contact.amount": [{ text: "2万" }],
  "contact.amountNotPositive": [{ text: "-5" }],
  "contact.beforeContact": [{ field: "promisedDate" }, { field: "nextAction" }],
  "contact.logNotATable": [{ sheet: "催收记录" }],
  "contact.logColumnMissing": [{ header: "下次跟进日期" }],
  "contact.logTotalsRow": [{ table: "AR_CollectionLog" }],
  "contact.logRowsBelow": [{ table: "AR_CollectionLog" }],
  "policy.notTrueFalse": [{ value: "yes" }],
  "policy.ragOrder": [{ amber: 120, red: 90 }],
  "amount.blank": [{}],
  "amount.invalid": [{ text: "abc" }, { value: "Infinity" }],
  "amount.twoCurrencies": [{ text: "$50 €" }],
  "amount.decimalComma": [{ text: "1 234,50", suggestion: "1234.50" }],
  "amount.outOfRange": [{ text: "2e15", limit: 1e15 }],
  "amount.tooPrecise": [{ text: "0.000000000000000000001", limit: 20 }],
  "amount.excelError": [{ error: "#N/A" }],
  "date.excelError": [{ error: "#VALUE!" }],
  "flag.invalid": [{ text: "maybe" }, { value: "2" }],
  "flag.excelError": [{ error: "#REF!" }],
  "integer.blank": [{}],
  "integer.invalid": [{ text: "thirty" }, { value: "30.5" }],
  "integer.excelError": [{ error: "#DIV/0!" }],
  "grade.blank": [{}],
  "grade.invalid": [{ text: "E" }],
  "currency.invalid": [{ text: "dollars" }, { value: "5" }],
  "currency.excelError": [{ error: "#N/A" }],
  "text.invalid": [{ value: "Infinity" }],
  "text.excelError": [{ error: "#REF!" }],
  "customer.blank": [{}],
  "customer.duplicate": [{ name: "acme LTD", firstRow: 2 }],
  "limit.temporaryCapped": [{ temporary: "120000", fixed: "200000", ratio: "50%", counted: "100000" }],
  "dueDate.missing": [{}],
  "dueDate.noTerm": [{}],
  "invoice.noNumber": [{ generated: "row 2" }],
  "invoice.duplicate": [{ invoiceNo: "inv-1", customer: "ACME", firstRow: 5 }],
  "currency.mismatch": [
    { field: "amount", written: "USD", stated: "CNY" },
    { field: "received", written: "GBP", stated: "CNY" },
  ],
  "payment.negative": [{ amount: "-120.5" }],
  "payment.method": [{ text: "支票" }],
  "received.negative": [{ amount: "-50" }],
  "log.unknownCustomer": [{ customer: "某公司" }],
  "log.channelUnknown": [{ text: "传真" }],
  "log.outcomeUnknown": [{ text: "再说" }],
  "log.promiseIncomplete": [{ missing: "date" }, { missing: "amount" }],
  "log.promiseNotPositive": [{ amount: "-5" }],
  "payment.unknownCustomer": [{ customer: "Ghost Co" }],
  "promise.unknownCustomer": [{ customer: "Ghost Co" }],
  "table.secondInvoices": [{ sheet: "Invoices 2025", headerRow: 1 }],
  "rows.hidden": [
    { count: 1, rows: [2] },
    { count: 11, rows: [3, 5, 6, 7, 8, 9, 10, 11, 12, 13] },
  ],
  "errors.truncated": [{ count: 3 }],
  "settings.unknownKey": [{ key: "interest.rate" }],
  "settings.notJson": [{ key: "ar.policy" }],
  "settings.notJsonList": [{ key: "escalation", text: "[not json" }],
  "settings.templatesNotList": [{ key: "ar.templates" }],
  "settings.templateIncomplete": [{ key: "ar.templates[0]" }],
  "settings.tooDeep": [{ key: "ar.policy", max: 32 }],
  "settings.templateTooLong": [{ key: "ar.templates[0]", length: 25000, max: 20000 }],
  "settings.templateTableRepeated": [{ key: "ar.templates[0]", count: 3 }],
  "settings.mappingNotObject": [{ key: "ar.mapping" }],
  "settings.unknownTable": [{ table: "ledger" }],
  "settings.unknownColumn": [{ table: "invoices", column: "colour", known: ["customer", "invoiceNo"] }],
  "settings.generatedUnreadable": [{ key: "ar.generated", why: "notJson" }, { key: "ar.generated", why: "notList" }],
  "settings.generatedNoId": [{ key: "ar.generated[1]" }],
  "settings.excelError": [{ key: "replyDays", error: "#REF!" }],
  "settings.group": [{ key: "company", example: "name" }],
  "settings.notYesNo": [{ key: "escalation[0].letter", text: "maybe" }],
  "settings.templateMissing": [{ stage: "vip", lang: "en", part: "body" }, { stage: "vip", lang: "zh-CN", part: "subject" }],
  "settings.templateUnknownFields": [{ stage: "formal", lang: "en", fields: ["customr"] }],
  "settings.unknownStage": [{ stage: "vip", known: ["formal", "legal"] }],
};
const CODES = Object.keys(EXAMPLES) as MessageCode[];
const CHINESE = /[\u4e00-\u9fff]/;

describe("the message catalogue", () => {
  it("has every code in every language, and nothing else", () => {
    for (const lang of LANGS) expect(Object.keys(MESSAGES[lang].texts).sort()).toEqual([...CODES].sort());
    expect(CODES.length).toBeGreaterThan(70);
  });

  it.each(LANGS)("renders every code in %s without a gap", (lang) => {
    for (const code of CODES) {
      for (const params of EXAMPLES[code]) {
        const text = messageText(code, params, lang);
        expect(text.length).toBeGreaterThanOrEqual(4);
        expect(text).not.toMatch(/undefined|null|NaN|\[object|\$\{/);
        if (lang !== "en") expect(text).toMatch(CHINESE);
        // No full stop of its own: rowErrorText adds one.
        expect(text).not.toMatch(/[。.]$/);
      }
    }
  });

  it("names the values: every text and number of the example appears in the message", () => {
    for (const lang of LANGS) {
      expect(messageText("invoice.duplicate", { invoiceNo: "inv-1", customer: "ACME", firstRow: 5 }, lang)).toMatch(/inv-1[^]*ACME|ACME[^]*inv-1/);
      expect(messageText("invoice.duplicate", { invoiceNo: "inv-1", customer: "ACME", firstRow: 5 }, lang)).toContain("5");
      expect(messageText("date.noSuchDay", { text: "2026-02-30", year: 2026, month: 2, daysInMonth: 28 }, lang)).toContain("28");
      expect(messageText("payment.negative", { amount: "-120.5" }, lang)).toContain("-120.5");
    }
  });

  it("quotes untrusted text in each language's marks, without control characters, cut to 60 characters", () => {
    const typed = `a\u0000b\u001bc${"x".repeat(100)}`;
    const quoted = `a b c${"x".repeat(55)}…`;
    expect(messageText("amount.invalid", { text: typed }, "zh-CN")).toBe(`“${quoted}” 不是金额`);
    expect(messageText("amount.invalid", { text: typed }, "zh-TW")).toBe(`「${quoted}」不是金額`);
    expect(messageText("amount.invalid", { text: typed }, "en")).toBe(`"${quoted}" is not an amount`);
    expect(messageText("amount.invalid", { value: "NaN" }, "en")).toBe("NaN is not an amount");
  });

  it("tells a code it has from one it has not", () => {
    expect(isMessageCode("date.noSuchMonth")).toBe(true);
    expect(isMessageCode("toString")).toBe(false);
    expect(isMessageCode("settings.invalid")).toBe(false);
  });
});

describe("rowErrorText", () => {
  const error: RowError = {
    sheet: "应收台账",
    row: 12,
    column: "D",
    header: "到期日",
    code: "date.noSuchMonth",
    params: { text: "2026-13-01", month: 13 },
    outcome: "rowSkipped",
  };

  it("writes one row problem in each language, place first, outcome last", () => {
    expect(rowErrorText(error, "zh-CN")).toBe("第12行 “到期日” 列：“2026-13-01” 不是有效日期（没有13月）；此行已跳过。");
    expect(rowErrorText(error, "zh-TW")).toBe("第12列「到期日」欄：「2026-13-01」不是有效日期（沒有13月）；此列已略過。");
    expect(rowErrorText(error, "en")).toBe('Row 12, column "到期日": "2026-13-01" is not a date: there is no month 13; row skipped.');
  });

  it("adds the sheet, or leaves the place to the caller's own columns", () => {
    expect(rowErrorText(error, "zh-CN", "sheet")).toBe("工作表 “应收台账” 第12行 “到期日” 列：“2026-13-01” 不是有效日期（没有13月）；此行已跳过。");
    expect(rowErrorText(error, "zh-TW", "sheet")).toBe("工作表「应收台账」第12列「到期日」欄：「2026-13-01」不是有效日期（沒有13月）；此列已略過。");
    expect(rowErrorText(error, "en", "sheet")).toBe('Sheet "应收台账", row 12, column "到期日": "2026-13-01" is not a date: there is no month 13; row skipped.');
    expect(rowErrorText(error, "zh-CN", "none")).toBe("“2026-13-01” 不是有效日期（没有13月）；此行已跳过。");
  });

  it("names the column by its letter when it has no header, and the row alone when it has no column", () => {
    const notice: RowError = { sheet: "AR", row: 3, column: "A", code: "rows.hidden", params: { count: 1, rows: [3] } };
    expect(rowErrorText(notice, "zh-CN")).toBe("第3行 A 列：1 行隐藏或被筛选掉的数据已计入金额（第3行）。");
    expect(rowErrorText({ ...notice, column: "" }, "en")).toBe("Row 3: 1 hidden or filtered row was included in the figures (row 3).");
  });

  it("writes what became of a cell read as blank", () => {
    const blank: RowError = { sheet: "AR", row: 4, column: "F", header: "业务员", code: "text.excelError", params: { error: "#REF!" }, outcome: "readAsBlank" };
    expect(rowErrorText(blank, "zh-CN")).toBe("第4行 “业务员” 列：单元格显示 Excel 错误 #REF!；按空白处理。");
    expect(rowErrorText(blank, "en", "none")).toBe("the cell shows the Excel error #REF!; read as blank.");
  });

  it("shows a code the catalogue does not have as the code, never as undefined", () => {
    const foreign: RowError = { sheet: "设置", row: 2, column: "B", code: "settings.invalid", params: {} };
    expect(rowErrorText(foreign, "zh-CN")).toBe("第2行 B 列：settings.invalid。");
  });
});
