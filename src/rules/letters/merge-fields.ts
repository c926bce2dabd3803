/**
 * The merge fields of reminder-letter templates (`{{field}}`), each described in every language
 * for the template editor. Any other `{{name}}` in a template is reported as unknown.
 */
import type { Lang } from "../types";

/** One merge field and what it holds, described in each language for the template editor. */
export interface MergeField {
  name: string;
  description: Record<Lang, string>;
}

/**
 * Every merge field a template may use. Any other `{{name}}` is reported as unknown.
 * Amounts are shown with thousands separators and two decimals (1,234,567.80); …Wan fields in
 * units of ten thousand (万), two decimals (123.46).
 * @example MERGE_FIELDS.find((f) => f.name === "overdueTotalWan")?.description.en
 * // "Overdue principal in ten thousands (万), 2 decimals: 123.46"
 */
export const MERGE_FIELDS: readonly MergeField[] = [
  { name: "customer", description: { "zh-CN": "客户名称", "zh-TW": "客戶名稱", en: "Customer name" } },
  { name: "contact", description: { "zh-CN": "客户联系人", "zh-TW": "客戶聯絡人", en: "Customer contact person" } },
  { name: "asOf", description: { "zh-CN": "截止日期(报表日)", "zh-TW": "截止日期(報表日)", en: "As-of date of the figures" } },
  { name: "stageName", description: { "zh-CN": "催收阶段名称", "zh-TW": "催收階段名稱", en: "Name of the collection stage" } },
  { name: "currency", description: { "zh-CN": "币种代码,如 CNY", "zh-TW": "幣別代碼,如 CNY", en: "Currency code, e.g. CNY" } },
  {
    name: "currencyUnit",
    description: {
      "zh-CN": "金额单位,如 元、美元(英文为币种代码)",
      "zh-TW": "金額單位,如 元、美元(英文為幣別代碼)",
      en: "Unit written after an amount: 元 in Chinese, the currency code in English",
    },
  },
  { name: "overdueCount", description: { "zh-CN": "逾期笔数(不含争议发票)", "zh-TW": "逾期筆數(不含爭議發票)", en: "Number of overdue invoices (disputed excluded)" } },
  {
    name: "overdueTotal",
    description: {
      "zh-CN": "逾期本金合计(元),千分位两位小数:1,234,567.80",
      "zh-TW": "逾期本金合計(元),千分位兩位小數:1,234,567.80",
      en: "Overdue principal, thousands separators, 2 decimals: 1,234,567.80",
    },
  },
  {
    name: "overdueTotalWan",
    description: {
      "zh-CN": "逾期本金合计(万元),两位小数:123.46",
      "zh-TW": "逾期本金合計(萬元),兩位小數:123.46",
      en: "Overdue principal in ten thousands (万), 2 decimals: 123.46",
    },
  },
  { name: "maxDaysOverdue", description: { "zh-CN": "最长逾期天数", "zh-TW": "最長逾期天數", en: "Days overdue of the oldest overdue invoice" } },
  { name: "outstandingTotal", description: { "zh-CN": "应收余额合计(含未到期)", "zh-TW": "應收餘額合計(含未到期)", en: "Total outstanding balance, due or not" } },
  { name: "interestTotal", description: { "zh-CN": "逾期利息合计(表中各行之和)", "zh-TW": "逾期利息合計(表中各行之和)", en: "Late interest total (sum of the table rows)" } },
  {
    name: "settledInterest",
    description: {
      "zh-CN": "已付清发票上尚欠的逾期利息(不在表中,未计入逾期利息合计)",
      "zh-TW": "已付清發票上尚欠的逾期利息(不在表中,未計入逾期利息合計)",
      en: "Late interest still owed on invoices already paid (not in the table nor in the interest total)",
    },
  },
  { name: "interestRate", description: { "zh-CN": "日利率,如 0.05%", "zh-TW": "日利率,如 0.05%", en: "Daily late-interest rate, e.g. 0.05%" } },
  {
    name: "invoiceTable",
    description: {
      "zh-CN": "发票明细表:发票号、开票日期、到期日、未付金额、逾期天数、逾期利息",
      "zh-TW": "發票明細表:發票號碼、開票日期、到期日、未付金額、逾期天數、逾期利息",
      en: "Invoice table: number, invoice date, due date, outstanding, days overdue, late interest",
    },
  },
  { name: "dueSoonCount", description: { "zh-CN": "即将到期笔数", "zh-TW": "即將到期筆數", en: "Number of invoices coming due" } },
  { name: "dueSoonTotal", description: { "zh-CN": "即将到期金额合计(元)", "zh-TW": "即將到期金額合計(元)", en: "Total coming due" } },
  { name: "dueSoonTotalWan", description: { "zh-CN": "即将到期金额合计(万元)", "zh-TW": "即將到期金額合計(萬元)", en: "Total coming due in ten thousands (万)" } },
  { name: "nextDueDate", description: { "zh-CN": "最早到期日", "zh-TW": "最早到期日", en: "Earliest due date among invoices coming due" } },
  { name: "company", description: { "zh-CN": "我司名称", "zh-TW": "本公司名稱", en: "Our company name" } },
  { name: "financeContact", description: { "zh-CN": "我司财务联系人", "zh-TW": "本公司財務聯絡人", en: "Our finance contact" } },
  { name: "phone", description: { "zh-CN": "我司联系电话", "zh-TW": "本公司聯絡電話", en: "Our phone number" } },
  { name: "email", description: { "zh-CN": "我司电子邮箱", "zh-TW": "本公司電子郵件", en: "Our email address" } },
  { name: "bankName", description: { "zh-CN": "收款开户银行", "zh-TW": "收款開戶銀行", en: "Our bank" } },
  { name: "bankAccount", description: { "zh-CN": "收款银行账号", "zh-TW": "收款銀行帳號", en: "Our bank account number" } },
  { name: "replyBy", description: { "zh-CN": "回复/付款截止日(截止日期 + 回复天数)", "zh-TW": "回覆/付款截止日(截止日期 + 回覆天數)", en: "Reply-by date (as-of date + reply days)" } },
  {
    name: "earlierReminders",
    description: {
      "zh-CN": "催收记录中此前的提醒及其日期，如“我司已于2026年10月15日电话提醒。”；无记录时为空",
      "zh-TW": "催收記錄中此前的提醒及其日期，如「本公司已於2026年10月15日電話提醒。」；無記錄時為空",
      en: "Earlier reminders the collection log records, with their dates (\"We reminded you by phone on 15 October 2026. \"); empty when it records none",
    },
  },
  {
    name: "contactHistory",
    description: {
      "zh-CN": "催收记录:日期、方式、催收人、结果(供内部摘要)；无记录时为空",
      "zh-TW": "催收記錄:日期、方式、催收人、結果(供內部摘要)；無記錄時為空",
      en: "The recorded contacts: date, channel, collector, outcome (for internal summaries); empty when none",
    },
  },
];

/** Names of MERGE_FIELDS, for quick membership tests. */
export const MERGE_FIELD_NAMES: ReadonlySet<string> = new Set(MERGE_FIELDS.map((field) => field.name));
