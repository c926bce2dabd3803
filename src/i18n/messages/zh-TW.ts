/** Problem messages in Traditional Chinese (Taiwan usage: 列 is a row, 欄 a column), for the bookkeeper. */
import { cleanQuoted } from "../../rules/errors";
import type { CellShown } from "../../workbook/problems";
import { CHANNEL_NAMES, OUTCOME_NAMES } from "../../rules/letters/contact-names";
import type { MessageLanguage } from "./types";

/** Untrusted text between corner brackets, cleaned. */
const q = (value: unknown): string => `「${cleanQuoted(value)}」`;
/** The words of a list of choices, as the add-in writes them. */
const list = (words: Readonly<Record<string, string>>): string => Object.values(words).join("、");
/** Corner brackets read well around a number or TRUE too, so every shown cell is bracketed. */
const shown = (cell: CellShown): string => q("text" in cell ? cell.text : cell.value);
const excelError = (p: { error: string }): string => `儲存格顯示 Excel 錯誤 ${cleanQuoted(p.error)}`;
/** A refund is a credit note (POLICY §1). */
const REFUND = "退款請以折讓單（負數金額的發票）登錄，不要登錄為負數收款";

/**
 * Problem messages in Traditional Chinese.
 * @example MESSAGES_ZH_TW.texts["date.noSuchMonth"]({ text: "2026-13-01", month: 13 }) // "「2026-13-01」不是有效日期（沒有13月）"
 */
export const MESSAGES_ZH_TW: MessageLanguage = {
  texts: {
    "date.notADate": (p) => `${q(p.text)}不是有效日期`,
    "date.noSuchMonth": (p) => `${q(p.text)}不是有效日期（沒有${p.month}月）`,
    "date.noSuchDay": (p) => `${q(p.text)}不是有效日期（${p.year}年${p.month}月只有${p.daysInMonth}天）`,
    "date.ambiguous": (p) =>
      `${q(p.text)}可能是${p.year}年${p.second}月${p.first}日，也可能是${p.year}年${p.first}月${p.second}日；請寫成 YYYY-MM-DD（如 2026-04-03），或在設定中指定日期順序（DMY 日/月/年 或 MDY 月/日/年）`,
    "date.twoDigitYear": (p) => `${q(p.text)}的年份只有兩位數；請寫完整的四位數年份，如 2026`,
    "date.outOfRange": (p) => `${q(p.text)}超出 Excel 支援的日期範圍（1900-01-01 至 9999-12-31）`,
    "date.blank": () => "日期空白",
    "date.wrongType": (p) => `${q(p.value)}不是日期`,
    "date.unreadable": () => "此值不是日期",
    "date.ymd": (p) => `${p.year}-${p.month}-${p.day} 不是有效日期`,
    "serial.fictitious": () => "日期序列值 60 是 1900-02-29，這一天並不存在（Excel 1900 日期系統的閏年錯誤）",
    "serial.outOfRange": (p) => `日期序列值 ${p.serial} 超出 Excel 的日期範圍（${p.min} 至 ${p.max}，最晚為 9999-12-31）`,
    "serial.notANumber": (p) => `日期序列值 ${cleanQuoted(p.serial)} 不是數字`,
    "limit.temporaryTooHigh": (p) => `臨時額度 ${p.temporary} 超過固定額度 ${p.fixed} 的 ${p.ratio}`,
    "measure.months": (p) => `${q(p.value)}不是有效的月數（至少為 1）`,
    "payment.invoiceNotFound": (p) =>
      `找不到客戶${q(p.customer)}（${p.currency}）的發票${q(p.invoiceNo)}；這筆收款已依先進先出沖銷該客戶最早的未結發票`,
    "policy.notANumber": (p) => `${q(p.value)}不是數字`,
    "policy.notAnInteger": (p) => `${q(p.value)}不是整數`,
    "policy.atLeast": (p) => `${q(p.value)}不可小於 ${p.min}`,
    "policy.between": (p) => `${q(p.value)}必須介於 ${p.min} 與 ${p.max} 之間`,
    "policy.wholeAtLeast": (p) => `${q(p.value)}必須是不小於 ${p.min} 的整數`,
    "policy.wholeBetween": (p) => `${q(p.value)}必須是介於 ${p.min} 與 ${p.max} 之間的整數`,
    "policy.currencyCode": (p) => `${q(p.value)}不是三個字母的幣別代碼（如 TWD）`,
    "policy.notText": (p) => `${q(p.value)}不是文字`,
    "policy.notList": (p) => `${q(p.value)}不是清單`,
    "policy.choice": (p) => `${q(p.value)}必須是下列之一：${p.choices.map(cleanQuoted).join("、")}`,
    "policy.edges": (p) => `帳齡區間${q(p.value)}必須是整數天數，不可為負，由小到大且不重複`,
    "policy.tooManyEdges": (p) => `帳齡區間有 ${p.count} 個分界點，最多 ${p.max} 個`,
    "policy.tooDeep": (p) => `巢狀超過 ${p.max} 層`,
    "policy.labelCount": (p) => `${cleanQuoted(p.lang)} 的帳齡區間名稱有 ${p.count} 個，但區間共有 ${p.expected} 段`,
    "policy.cuts": (p) => `額度調降${q(p.value)}的逾期次數必須從 1 起由小到大，調降比例介於 0 與 1 之間且不可變小`,
    "policy.stageNoId": (p) => `催收階段：第 ${p.stage} 個階段沒有代號`,
    "policy.stageTwice": (p) => `催收階段：代號${q(p.id)}出現了兩次`,
    "policy.stageDays": (p) => `催收階段：階段${q(p.id)}的天數必須是整數`,
    "policy.stageEndsBeforeStart": (p) => `催收階段：階段${q(p.id)}的結束天數（${p.toDays}）早於開始天數（${p.fromDays}）`,
    "policy.stageOverlaps": (p) => `催收階段：階段${q(p.id)}（從第 ${p.fromDays} 天起）與階段${q(p.previous)}重疊或排在其前`,
    "policy.stageLetter": (p) => `催收階段：階段${q(p.id)}的「是否發函」只能是 true 或 false`,
    "policy.gradeOrder": (p) => `信用等級月數${q(p.value)}必須依 D、C、B、A 逐級增加`,
    "policy.bands": (p) => `備抵呆帳級距${q(p.value)}的天數上限必須由小到大，提列比率介於 0 與 1 之間，最後一級不設上限`,
    "policy.notObject": (p) => `${q(p.value)}不是一組設定`,
    "policy.daysAsMonths": (p) => `「超過${p.days}天」不是整月數，已按逾期${p.months}個月以上計；請改設 stopShipping.overdueMonths`,
    "policy.touchDays": (p) => `到期提醒天數 ${cleanQuoted(p.value)} 須為到期前的整數天（至少1天），由大到小排列（如 5, 3）`,
    "contact.unknownCustomer": (p) => `發票表中沒有客戶${q(p.customer)}`,
    "contact.channel": (p) => `${q(p.value)} 不是催收方式：請用${list(CHANNEL_NAMES["zh-TW"])}`,
    "contact.outcome": (p) => `${q(p.value)} 不是催收結果：請用${list(OUTCOME_NAMES["zh-TW"])}`,
    "contact.promiseIncomplete": (p) => `還款承諾須同時有承諾日期與承諾金額：缺少${p.missing === "date" ? "承諾日期" : "承諾金額"}`,
    "contact.amount": (p) => `${q(p.text)} 不是金額（請用數字與小數點，如 20000.00）`,
    "contact.amountNotPositive": (p) => `承諾金額 ${q(p.text)} 須大於0`,
    "contact.beforeContact": (p) => `${p.field === "promisedDate" ? "承諾日期" : "下次跟進日期"}早於聯絡日期`,
    "contact.logNotATable": (p) => `工作表${q(p.sheet)}上的催收記錄不是 Excel 表格：請選取後按 Ctrl+T（插入 > 表格），再登記`,
    "contact.logColumnMissing": (p) => `催收記錄沒有${q(p.header)}欄：請在記錄表中新增此欄，或不填此項`,
    "contact.logTotalsRow": (p) => `催收記錄表${q(p.table)}顯示了合計列：請關閉（表格設計 > 合計列）後再登記`,
    "contact.logRowsBelow": (p) => `催收記錄表${q(p.table)}下方的列中有內容：請將其移開後再登記`,
    "policy.notTrueFalse": (p) => `${q(p.value)}必須是 true 或 false`,
    "policy.ragOrder": (p) => `紅黃綠預警：黃色的逾期天數（${p.amber}天）不能大於紅色的（${p.red}天）`,
    "amount.blank": () => "金額空白",
    "amount.invalid": (p) => `${shown(p)}不是金額`,
    "amount.twoCurrencies": (p) => `${q(p.text)}寫了兩種幣別`,
    "amount.decimalComma": (p) => `${q(p.text)}以逗號作小數點；請用小數點書寫金額，如 ${cleanQuoted(p.suggestion)}`,
    "amount.outOfRange": (p) => `${q(p.text)}數額過大，不像是金額（超過 ${p.limit.toLocaleString("en-US")}）`,
    "amount.tooPrecise": (p) => `${q(p.text)}的小數超過 ${p.limit} 位`,
    "amount.excelError": excelError,
    "date.excelError": excelError,
    "flag.invalid": (p) => `${shown(p)}不是「是／否」（請填 是/否、Y/N 或 1/0）`,
    "flag.excelError": excelError,
    "integer.blank": () => "數字空白",
    "integer.invalid": (p) => `${shown(p)}不是整數天數`,
    "integer.excelError": excelError,
    "grade.blank": () => "信用等級空白",
    "grade.invalid": (p) => `${q(p.text)}不是信用等級（A、B、C 或 D）`,
    "currency.invalid": (p) => `${shown(p)}不是幣別代碼（如 TWD、USD）`,
    "currency.excelError": excelError,
    "text.invalid": (p) => `${q(p.value)}不是文字`,
    "text.excelError": excelError,
    "customer.blank": () => "客戶空白",
    "customer.duplicate": (p) => `客戶${q(p.name)}重複，第${p.firstRow}列已有此客戶`,
    "limit.temporaryCapped": (p) =>
      `臨時額度 ${cleanQuoted(p.temporary)} 超過固定額度 ${cleanQuoted(p.fixed)} 的 ${p.ratio}：更正前按 ${cleanQuoted(p.counted)} 計`,
    "dueDate.missing": () => "既沒有到期日，也沒有發票日期",
    "dueDate.noTerm": () => "沒有到期日，也沒有帳期（請在本列或客戶資料表中填寫帳期）",
    "invoice.noNumber": (p) => `發票號碼空白；已記為${q(p.generated)}`,
    "invoice.duplicate": (p) => `客戶${q(p.customer)}的發票${q(p.invoiceNo)}重複，第${p.firstRow}列已有此發票`,
    "currency.mismatch": (p) =>
      p.field === "amount"
        ? `金額以 ${cleanQuoted(p.written)} 書寫，但幣別欄為 ${cleanQuoted(p.stated)}`
        : `已收金額以 ${cleanQuoted(p.written)} 書寫，但發票幣別為 ${cleanQuoted(p.stated)}`,
    "payment.negative": (p) => `收款金額 ${cleanQuoted(p.amount)} 為負數；${REFUND}`,
    "payment.method": (p) => `${q(p.text)}不是付款方式（現金、電匯、承兌匯票、電子銀行票據）`,
    "received.negative": (p) => `已收金額 ${cleanQuoted(p.amount)} 為負數；${REFUND}`,
    "payment.unknownCustomer": (p) => `客戶${q(p.customer)}不在發票表中；這筆收款未讀入`,
    "promise.unknownCustomer": (p) => `客戶${q(p.customer)}不在發票表中；這項付款承諾未讀入`,
    "log.unknownCustomer": (p) => `發票表中沒有客戶${q(p.customer)}；此聯絡記錄未讀取`,
    "log.channelUnknown": (p) => `${q(p.text)} 不是催收方式（${list(CHANNEL_NAMES["zh-TW"])}）；按「其他」讀取`,
    "log.outcomeUnknown": (p) => `${q(p.text)} 不是催收結果（${list(OUTCOME_NAMES["zh-TW"])}）；按「其他」讀取`,
    "log.promiseIncomplete": (p) => `還款承諾須同時有承諾日期與承諾金額，缺少${p.missing === "date" ? "承諾日期" : "承諾金額"}；此聯絡記錄按無承諾讀取`,
    "log.promiseNotPositive": (p) => `承諾金額 ${cleanQuoted(p.amount)} 不大於0；此聯絡記錄按無承諾讀取`,
    "table.secondInvoices": (p) =>
      `這裡還有一張發票表，未讀入；發票已從工作表${q(p.sheet)}（標題在第${p.headerRow}列）讀入。如需計入，請將這些列移到那張表中`,
    "rows.hidden": (p) => `${p.count} 列隱藏或被篩選掉的資料已計入金額（第${p.rows.join("、")}${p.count > p.rows.length ? "等" : ""}列）`,
    "errors.truncated": (p) => `另有 ${p.count} 個問題未列出`,
    "settings.unknownKey": (p) => `未知的設定項 ${q(p.key)}`,
    "settings.notJson": (p) => `${p.key} 不是有效的 JSON`,
    "settings.tooDeep": (p) => `${p.key} 巢狀超過 ${p.max} 層，已使用預設值`,
    "settings.templateTooLong": (p) => `${p.key}：範本有 ${p.length} 個字元，最多 ${p.max} 個，已使用預設範本`,
    "settings.templateTableRepeated": (p) => `${p.key}：範本放了 ${p.count} 次 {{invoiceTable}}，最多一次，已使用預設範本`,
    "settings.notJsonList": (p) => `${p.key}：${q(p.text)} 不是 JSON 清單`,
    "settings.templatesNotList": (p) => `${p.key} 不是範本清單`,
    "settings.templateIncomplete": () => `範本需要語言（zh-CN、zh-TW 或 en）、階段、主旨和內文`,
    "settings.mappingNotObject": (p) => `${p.key} 不是表格的欄位對應關係`,
    "settings.unknownTable": (p) => `欄位對應關係中有未知的表格 ${q(p.table)}`,
    "settings.unknownColumn": (p) => `${p.table} 表沒有欄位 ${q(p.column)}；可用的有：${p.known.join("、")}`,
    "settings.generatedUnreadable": (p) =>
      `${p.key} ${p.why === "notJson" ? "不是有效的 JSON" : "不是工作表清單"}：先前產生的工作表將視為使用者的工作表並保留`,
    "settings.generatedNoId": (p) => `${p.key}：產生的工作表缺少編號，此表將視為使用者的工作表`,
    "settings.excelError": (p) => `${p.key}：儲存格顯示 Excel 錯誤 ${cleanQuoted(p.error)}`,
    "settings.group": (p) => `${p.key} 是一組設定，請設定其中一項，例如 ${p.key}.${p.example}`,
    "settings.notYesNo": (p) => `${p.key}：${q(p.text)} 不是「是」或「否」`,
    "settings.templateMissing": (p) =>
      `範本 ${q(p.stage)} ${p.lang} 缺少${p.part === "subject" ? "主旨" : "內文"}：請新增 template.${cleanQuoted(p.stage)}.${p.lang}.${p.part}`,
    "settings.templateUnknownFields": (p) =>
      `範本 ${q(p.stage)} ${p.lang} 使用了未知的合併欄位 ${p.fields.map((name) => `{{${cleanQuoted(name)}}}`).join("、")}`,
    "settings.unknownStage": (p) => `政策中沒有催收階段 ${q(p.stage)}；已有：${p.known.join("、")}`,
  },
  place: ({ sheet, row, column, header }) =>
    `${sheet === undefined ? "" : `工作表${q(sheet)}`}第${row}列${header !== undefined ? `${q(header)}欄` : column !== "" ? ` ${column} 欄` : ""}`,
  afterPlace: "：",
  outcomes: { rowSkipped: "此列已略過", readAsBlank: "視為空白" },
  beforeOutcome: "；",
  end: "。",
};
