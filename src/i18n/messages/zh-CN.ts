/** Problem messages in Simplified Chinese, worded for the finance clerk who keeps the ledger. */
import { cleanQuoted } from "../../rules/errors";
import type { CellShown } from "../../workbook/problems";
import { CHANNEL_NAMES, OUTCOME_NAMES } from "../../rules/letters/contact-names";
import type { MessageLanguage } from "./types";

/** Untrusted text between Chinese quotation marks, cleaned. */
const q = (value: unknown): string => `“${cleanQuoted(value)}”`;
/** The words of a list of choices, as the add-in writes them. */
const list = (words: Readonly<Record<string, string>>): string => Object.values(words).join("、");
/** What the user typed is quoted; the spelling of a number or TRUE/FALSE is shown as is. */
const shown = (cell: CellShown): string => ("text" in cell ? q(cell.text) : cleanQuoted(cell.value));
const excelError = (p: { error: string }): string => `单元格显示 Excel 错误 ${cleanQuoted(p.error)}`;
/** A refund is a credit note (POLICY §1). */
const REFUND = "退款请录为红字发票（负数金额的发票），不要录为负数收款";

/**
 * Problem messages in Simplified Chinese.
 * @example MESSAGES_ZH_CN.texts["date.noSuchMonth"]({ text: "2026-13-01", month: 13 }) // "“2026-13-01” 不是有效日期（没有13月）"
 */
export const MESSAGES_ZH_CN: MessageLanguage = {
  texts: {
    "date.notADate": (p) => `${q(p.text)} 不是有效日期`,
    "date.noSuchMonth": (p) => `${q(p.text)} 不是有效日期（没有${p.month}月）`,
    "date.noSuchDay": (p) => `${q(p.text)} 不是有效日期（${p.year}年${p.month}月只有${p.daysInMonth}天）`,
    "date.ambiguous": (p) =>
      `${q(p.text)} 既可能是${p.year}年${p.second}月${p.first}日，也可能是${p.year}年${p.first}月${p.second}日；请写成 YYYY-MM-DD（如 2026-04-03），或在设置中指定日期顺序（DMY 日/月/年 或 MDY 月/日/年）`,
    "date.twoDigitYear": (p) => `${q(p.text)} 的年份只有两位；请写完整的四位年份，如 2026`,
    "date.outOfRange": (p) => `${q(p.text)} 超出 Excel 支持的日期范围（1900-01-01 至 9999-12-31）`,
    "date.blank": () => "日期为空",
    "date.wrongType": (p) => `${cleanQuoted(p.value)} 不是日期`,
    "date.unreadable": () => "该值不是日期",
    "date.ymd": (p) => `${p.year}-${p.month}-${p.day} 不是有效日期`,
    "serial.fictitious": () => "日期序列号 60 对应 1900-02-29，这一天并不存在（Excel 1900 日期系统的闰年错误）",
    "serial.outOfRange": (p) => `日期序列号 ${p.serial} 超出 Excel 的日期范围（${p.min} 至 ${p.max}，最晚为 9999-12-31）`,
    "serial.notANumber": (p) => `日期序列号 ${cleanQuoted(p.serial)} 不是数字`,
    "limit.temporaryTooHigh": (p) => `临时额度 ${p.temporary} 超过了固定额度 ${p.fixed} 的 ${p.ratio}`,
    "measure.months": (p) => `${q(p.value)} 不是有效的月数（至少为 1）`,
    "payment.invoiceNotFound": (p) =>
      `找不到客户 ${q(p.customer)}（${p.currency}）的发票 ${q(p.invoiceNo)}；这笔回款已按先进先出冲抵该客户最早的未结发票`,
    "policy.notANumber": (p) => `${q(p.value)} 不是数字`,
    "policy.notAnInteger": (p) => `${q(p.value)} 不是整数`,
    "policy.atLeast": (p) => `${q(p.value)} 不能小于 ${p.min}`,
    "policy.between": (p) => `${q(p.value)} 必须在 ${p.min} 到 ${p.max} 之间`,
    "policy.wholeAtLeast": (p) => `${q(p.value)} 必须是不小于 ${p.min} 的整数`,
    "policy.wholeBetween": (p) => `${q(p.value)} 必须是 ${p.min} 到 ${p.max} 之间的整数`,
    "policy.currencyCode": (p) => `${q(p.value)} 不是三个字母的币种代码（如 CNY）`,
    "policy.notText": (p) => `${q(p.value)} 不是文字`,
    "policy.notList": (p) => `${q(p.value)} 不是列表`,
    "policy.choice": (p) => `${q(p.value)} 必须是以下之一：${p.choices.map(cleanQuoted).join("、")}`,
    "policy.edges": (p) => `账龄分段 ${q(p.value)} 必须是整数天数，不能为负，由小到大且不重复`,
    "policy.tooManyEdges": (p) => `账龄分段有 ${p.count} 个分界点，最多 ${p.max} 个`,
    "policy.tooDeep": (p) => `嵌套超过 ${p.max} 层`,
    "policy.labelCount": (p) => `${cleanQuoted(p.lang)} 的账龄段名称有 ${p.count} 个，但分段共有 ${p.expected} 段`,
    "policy.cuts": (p) => `额度扣减 ${q(p.value)} 的逾期次数必须从 1 起由小到大，扣减比例在 0 到 1 之间且不能变小`,
    "policy.stageNoId": (p) => `催收阶段：第 ${p.stage} 个阶段没有编号`,
    "policy.stageTwice": (p) => `催收阶段：编号 ${q(p.id)} 出现了两次`,
    "policy.stageDays": (p) => `催收阶段：阶段 ${q(p.id)} 的天数必须是整数`,
    "policy.stageEndsBeforeStart": (p) => `催收阶段：阶段 ${q(p.id)} 的结束天数（${p.toDays}）早于开始天数（${p.fromDays}）`,
    "policy.stageOverlaps": (p) => `催收阶段：阶段 ${q(p.id)}（从第 ${p.fromDays} 天起）与阶段 ${q(p.previous)} 重叠或排在其前`,
    "policy.stageLetter": (p) => `催收阶段：阶段 ${q(p.id)} 的“是否发函”只能是 true 或 false`,
    "policy.gradeOrder": (p) => `信用等级月数 ${q(p.value)} 必须按 D、C、B、A 依次增大`,
    "policy.bands": (p) => `坏账准备档次 ${q(p.value)} 的天数上限必须由小到大，计提比例在 0 到 1 之间，最后一档不设上限`,
    "policy.notObject": (p) => `${q(p.value)} 不是一组设置`,
    "policy.daysAsMonths": (p) => `“超过${p.days}天”不是整月数，已按逾期${p.months}个月以上计；请改设 stopShipping.overdueMonths`,
    "policy.touchDays": (p) => `到期提醒天数 ${cleanQuoted(p.value)} 须为到期前的整数天（至少1天），从大到小排列（如 5, 3）`,
    "contact.unknownCustomer": (p) => `发票表中没有客户${q(p.customer)}`,
    "contact.channel": (p) => `${q(p.value)} 不是催收方式：请用${list(CHANNEL_NAMES["zh-CN"])}`,
    "contact.outcome": (p) => `${q(p.value)} 不是催收结果：请用${list(OUTCOME_NAMES["zh-CN"])}`,
    "contact.promiseIncomplete": (p) => `还款承诺须同时有承诺日期和承诺金额：缺少${p.missing === "date" ? "承诺日期" : "承诺金额"}`,
    "contact.amount": (p) => `${q(p.text)} 不是金额（请用数字和小数点，如 20000.00）`,
    "contact.amountNotPositive": (p) => `承诺金额 ${q(p.text)} 须大于0`,
    "contact.beforeContact": (p) => `${p.field === "promisedDate" ? "承诺日期" : "下次跟进日期"}早于联系日期`,
    "contact.logNotATable": (p) => `工作表${q(p.sheet)}上的催收记录不是 Excel 表格：请选中后按 Ctrl+T（插入 > 表格），再登记`,
    "contact.logColumnMissing": (p) => `催收记录没有${q(p.header)}列：请在记录表中添加此列，或不填此项`,
    "contact.logTotalsRow": (p) => `催收记录表${q(p.table)}显示了汇总行：请关闭（表设计 > 汇总行）后再登记`,
    "contact.logRowsBelow": (p) => `催收记录表${q(p.table)}下方的行中有内容：请把它们移开后再登记`,
    "policy.notTrueFalse": (p) => `${q(p.value)} 必须是 true 或 false`,
    "policy.ragOrder": (p) => `红黄绿预警：黄色的逾期天数（${p.amber}天）不能大于红色的（${p.red}天）`,
    "amount.blank": () => "金额为空",
    "amount.invalid": (p) => `${shown(p)} 不是金额`,
    "amount.twoCurrencies": (p) => `${q(p.text)} 写了两种币种`,
    "amount.decimalComma": (p) => `${q(p.text)} 用逗号作小数点；请用小数点书写金额，如 ${cleanQuoted(p.suggestion)}`,
    "amount.outOfRange": (p) => `${q(p.text)} 数额过大，不像是金额（超过 ${p.limit.toLocaleString("en-US")}）`,
    "amount.tooPrecise": (p) => `${q(p.text)} 的小数超过 ${p.limit} 位`,
    "amount.excelError": excelError,
    "date.excelError": excelError,
    "flag.invalid": (p) => `${shown(p)} 不是“是/否”（请填 是/否、Y/N 或 1/0）`,
    "flag.excelError": excelError,
    "integer.blank": () => "数字为空",
    "integer.invalid": (p) => `${shown(p)} 不是整数天数`,
    "integer.excelError": excelError,
    "grade.blank": () => "信用等级为空",
    "grade.invalid": (p) => `${q(p.text)} 不是信用等级（A、B、C 或 D）`,
    "currency.invalid": (p) => `${shown(p)} 不是币种代码（如 CNY、USD）`,
    "currency.excelError": excelError,
    "text.invalid": (p) => `${cleanQuoted(p.value)} 不是文字`,
    "text.excelError": excelError,
    "customer.blank": () => "客户为空",
    "customer.duplicate": (p) => `客户 ${q(p.name)} 重复，第${p.firstRow}行已有该客户`,
    "limit.temporaryCapped": (p) =>
      `临时额度 ${cleanQuoted(p.temporary)} 超过固定额度 ${cleanQuoted(p.fixed)} 的 ${p.ratio}：更正前按 ${cleanQuoted(p.counted)} 计`,
    "dueDate.missing": () => "既没有到期日，也没有开票日期",
    "dueDate.noTerm": () => "没有到期日，也没有账期（请在本行或客户资料表中填写账期）",
    "invoice.noNumber": (p) => `发票号为空；已记为 ${q(p.generated)}`,
    "invoice.duplicate": (p) => `客户 ${q(p.customer)} 的发票 ${q(p.invoiceNo)} 重复，第${p.firstRow}行已有该发票`,
    "currency.mismatch": (p) =>
      p.field === "amount"
        ? `金额按 ${cleanQuoted(p.written)} 书写，但币种列为 ${cleanQuoted(p.stated)}`
        : `已收金额按 ${cleanQuoted(p.written)} 书写，但发票币种为 ${cleanQuoted(p.stated)}`,
    "payment.negative": (p) => `回款金额 ${cleanQuoted(p.amount)} 为负数；${REFUND}`,
    "payment.method": (p) => `${q(p.text)} 不是付款方式（现金、电汇、承兑汇票、电子银行票据）`,
    "received.negative": (p) => `已收金额 ${cleanQuoted(p.amount)} 为负数；${REFUND}`,
    "payment.unknownCustomer": (p) => `客户 ${q(p.customer)} 不在发票表中；这笔回款未读入`,
    "promise.unknownCustomer": (p) => `客户 ${q(p.customer)} 不在发票表中；这项付款承诺未读入`,
    "log.unknownCustomer": (p) => `发票表中没有客户${q(p.customer)}；此联系记录未读取`,
    "log.channelUnknown": (p) => `${q(p.text)} 不是催收方式（${list(CHANNEL_NAMES["zh-CN"])}）；按“其他”读取`,
    "log.outcomeUnknown": (p) => `${q(p.text)} 不是催收结果（${list(OUTCOME_NAMES["zh-CN"])}）；按“其他”读取`,
    "log.promiseIncomplete": (p) => `还款承诺须同时有承诺日期和承诺金额，缺少${p.missing === "date" ? "承诺日期" : "承诺金额"}；此联系记录按无承诺读取`,
    "log.promiseNotPositive": (p) => `承诺金额 ${cleanQuoted(p.amount)} 不大于0；此联系记录按无承诺读取`,
    "table.secondInvoices": (p) =>
      `这里还有一张发票表，未读入；发票已从工作表 ${q(p.sheet)}（表头在第${p.headerRow}行）读入。如需计入，请把这些行移到那张表中`,
    "rows.hidden": (p) => `${p.count} 行隐藏或被筛选掉的数据已计入金额（第${p.rows.join("、")}${p.count > p.rows.length ? "等" : ""}行）`,
    "errors.truncated": (p) => `另有 ${p.count} 个问题未列出`,
    "settings.unknownKey": (p) => `未知的设置项 ${q(p.key)}`,
    "settings.notJson": (p) => `${p.key} 不是有效的 JSON`,
    "settings.tooDeep": (p) => `${p.key} 嵌套超过 ${p.max} 层，已使用默认值`,
    "settings.templateTooLong": (p) => `${p.key}：模板有 ${p.length} 个字符，最多 ${p.max} 个，已使用默认模板`,
    "settings.templateTableRepeated": (p) => `${p.key}：模板放了 ${p.count} 次 {{invoiceTable}}，最多一次，已使用默认模板`,
    "settings.notJsonList": (p) => `${p.key}：${q(p.text)} 不是 JSON 列表`,
    "settings.templatesNotList": (p) => `${p.key} 不是模板列表`,
    "settings.templateIncomplete": () => `模板需要语言（zh-CN、zh-TW 或 en）、阶段、主题和正文`,
    "settings.mappingNotObject": (p) => `${p.key} 不是表格的列对应关系`,
    "settings.unknownTable": (p) => `列对应关系中有未知的表格 ${q(p.table)}`,
    "settings.unknownColumn": (p) => `${p.table} 表没有列 ${q(p.column)}；可用的有：${p.known.join("、")}`,
    "settings.generatedUnreadable": (p) =>
      `${p.key} ${p.why === "notJson" ? "不是有效的 JSON" : "不是工作表列表"}：之前生成的工作表将视为用户的工作表并保留`,
    "settings.generatedNoId": (p) => `${p.key}：生成的工作表缺少编号，此表将视为用户的工作表`,
    "settings.excelError": (p) => `${p.key}：单元格显示 Excel 错误 ${cleanQuoted(p.error)}`,
    "settings.group": (p) => `${p.key} 是一组设置，请设置其中一项，例如 ${p.key}.${p.example}`,
    "settings.notYesNo": (p) => `${p.key}：${q(p.text)} 不是“是”或“否”`,
    "settings.templateMissing": (p) =>
      `模板 ${q(p.stage)} ${p.lang} 缺少${p.part === "subject" ? "主题" : "正文"}：请添加 template.${cleanQuoted(p.stage)}.${p.lang}.${p.part}`,
    "settings.templateUnknownFields": (p) =>
      `模板 ${q(p.stage)} ${p.lang} 使用了未知的合并字段 ${p.fields.map((name) => `{{${cleanQuoted(name)}}}`).join("、")}`,
    "settings.unknownStage": (p) => `政策中没有催收阶段 ${q(p.stage)}；已有：${p.known.join("、")}`,
  },
  place: ({ sheet, row, column, header }) =>
    `${sheet === undefined ? "" : `工作表 ${q(sheet)} `}第${row}行${header !== undefined ? ` ${q(header)} 列` : column !== "" ? ` ${column} 列` : ""}`,
  afterPlace: "：",
  outcomes: { rowSkipped: "此行已跳过", readAsBlank: "按空白处理" },
  beforeOutcome: "；",
  end: "。",
};
