/**
 * Words of the collection process in zh-CN, zh-TW and en: contact channels and outcomes, the
 * collection log's sheet and headers (written when the log is created), promise states, and the
 * pre-due notice list and statement-of-account sheets.
 */
import { CHANNEL_NAMES, OUTCOME_NAMES } from "../rules/letters/contact-names";
import type { PromiseState } from "../rules/promises";
import type { ContactChannel, ContactOutcome, Lang } from "../rules/types";
import type { LogField } from "../workbook/headers";

/** The words of one language. `{name}` marks a value filled with `fillPlaceholders`. */
export interface CollectionWords {
  /** The same names letters use (rules/letters/contact-names.ts). */
  channels: Readonly<Record<ContactChannel, string>>;
  outcomes: Readonly<Record<ContactOutcome, string>>;
  promiseStates: Record<PromiseState, string>;
  /** The collection log as the add-in creates it: its sheet and its column headers. */
  log: { sheet: string; headers: Record<LogField, string> };
  /** The list of pre-due notices (到期提醒), one row per invoice. */
  preDue: {
    headers: {
      customer: string;
      currency: string;
      invoiceNo: string;
      invoiceDate: string;
      dueDate: string;
      daysToDue: string;
      outstanding: string;
      touch: string;
      contact: string;
      salesperson: string;
    };
    /** `{touch}` is 1 or 2, `{days}` the touch's days before due. */
    touch: string;
  };
  /** The statement of account (对账单). */
  statement: {
    /** `{customer}` */
    title: string;
    /** `{from}`, `{to}`, `{currency}` */
    period: string;
    headers: { date: string; kind: string; reference: string; debit: string; credit: string; balance: string };
    kinds: { invoice: string; creditNote: string; received: string; payment: string };
    /** `{date}` */
    opening: string;
    /** `{date}` */
    closing: string;
    /** Before the closing balance's aging. */
    aging: string;
    unappliedCredit: string;
    /** The confirmation slip: `{company}`, `{customer}`, `{to}`, `{currency}`, `{balance}`. */
    slip: string[];
  };
}

const ZH_CN: CollectionWords = {
  channels: CHANNEL_NAMES["zh-CN"],
  outcomes: OUTCOME_NAMES["zh-CN"],
  promiseStates: { open: "未到期", kept: "已兑现", broken: "已违约" },
  log: {
    sheet: "催收记录",
    headers: {
      date: "联系日期", customer: "客户", invoiceNo: "发票号", collector: "催收人", channel: "方式", contact: "联系人", outcome: "结果",
      promisedDate: "承诺日期", promisedAmount: "承诺金额", currency: "币种", nextAction: "下次跟进日期", note: "备注",
    },
  },
  preDue: {
    headers: {
      customer: "客户", currency: "币种", invoiceNo: "发票号", invoiceDate: "开票日期", dueDate: "到期日", daysToDue: "距到期天数",
      outstanding: "未收余额", touch: "提醒", contact: "联系人", salesperson: "业务员",
    },
    touch: "第{touch}次(到期前{days}天)",
  },
  statement: {
    title: "对账单：{customer}",
    period: "对账期间：{from} 至 {to}　币种：{currency}",
    headers: { date: "日期", kind: "类型", reference: "单据号", debit: "应收增加", credit: "收款/冲减", balance: "余额" },
    kinds: { invoice: "发票", creditNote: "红字发票", received: "已收(发票已收栏)", payment: "收款" },
    opening: "期初余额({date})",
    closing: "期末余额({date})",
    aging: "期末余额账龄",
    unappliedCredit: "未核销预收",
    slip: [
      "—— 对账确认回执 ——",
      "致{company}：经核对，截至{to}，本公司({customer})欠贵司{currency} {balance}。",
      "□ 余额确认无误",
      "□ 余额不符，差异如下：______________________________",
      "客户(盖章)：__________  经办人签字：__________  日期：__________",
    ],
  },
};

const ZH_TW: CollectionWords = {
  channels: CHANNEL_NAMES["zh-TW"],
  outcomes: OUTCOME_NAMES["zh-TW"],
  promiseStates: { open: "未到期", kept: "已兌現", broken: "已違約" },
  log: {
    sheet: "催收記錄",
    headers: {
      date: "聯絡日期", customer: "客戶", invoiceNo: "發票號碼", collector: "催收人", channel: "方式", contact: "聯絡人", outcome: "結果",
      promisedDate: "承諾日期", promisedAmount: "承諾金額", currency: "幣別", nextAction: "下次跟進日期", note: "備註",
    },
  },
  preDue: {
    headers: {
      customer: "客戶", currency: "幣別", invoiceNo: "發票號碼", invoiceDate: "開票日期", dueDate: "到期日", daysToDue: "距到期天數",
      outstanding: "未收餘額", touch: "提醒", contact: "聯絡人", salesperson: "業務員",
    },
    touch: "第{touch}次(到期前{days}天)",
  },
  statement: {
    title: "對帳單：{customer}",
    period: "對帳期間：{from} 至 {to}　幣別：{currency}",
    headers: { date: "日期", kind: "類型", reference: "單據號碼", debit: "應收增加", credit: "收款/沖減", balance: "餘額" },
    kinds: { invoice: "發票", creditNote: "折讓單", received: "已收(發票已收欄)", payment: "收款" },
    opening: "期初餘額({date})",
    closing: "期末餘額({date})",
    aging: "期末餘額帳齡",
    unappliedCredit: "未沖銷預收",
    slip: [
      "—— 對帳確認回執 ——",
      "致{company}：經核對，截至{to}，本公司({customer})欠貴公司{currency} {balance}。",
      "□ 餘額確認無誤",
      "□ 餘額不符，差異如下：______________________________",
      "客戶(蓋章)：__________  經辦人簽字：__________  日期：__________",
    ],
  },
};

const EN: CollectionWords = {
  channels: CHANNEL_NAMES.en,
  outcomes: OUTCOME_NAMES.en,
  promiseStates: { open: "Open", kept: "Kept", broken: "Broken" },
  log: {
    sheet: "Collection log",
    headers: {
      date: "Contact date", customer: "Customer", invoiceNo: "Invoice No", collector: "Collector", channel: "Channel", contact: "Person contacted",
      outcome: "Outcome", promisedDate: "Promised date", promisedAmount: "Promised amount", currency: "Currency", nextAction: "Next action date", note: "Note",
    },
  },
  preDue: {
    headers: {
      customer: "Customer", currency: "Currency", invoiceNo: "Invoice no.", invoiceDate: "Invoice date", dueDate: "Due date", daysToDue: "Days to due",
      outstanding: "Outstanding", touch: "Notice", contact: "Contact", salesperson: "Salesperson",
    },
    touch: "Touch {touch} ({days} days before due)",
  },
  statement: {
    title: "Statement of account: {customer}",
    period: "Period: {from} to {to}   Currency: {currency}",
    headers: { date: "Date", kind: "Type", reference: "Reference", debit: "Charges", credit: "Payments/credits", balance: "Balance" },
    kinds: { invoice: "Invoice", creditNote: "Credit note", received: "Received (on the invoice)", payment: "Payment" },
    opening: "Opening balance ({date})",
    closing: "Closing balance ({date})",
    aging: "Aging of the closing balance",
    unappliedCredit: "Unapplied credit",
    slip: [
      "--- Balance confirmation ---",
      "To {company}: we have checked our records and confirm that as of {to} we ({customer}) owe you {currency} {balance}.",
      "[ ] Balance confirmed",
      "[ ] Balance differs; the differences are: ______________________________",
      "Customer (stamp): __________  Signature: __________  Date: __________",
    ],
  },
};

/** The words by language. */
export const COLLECTION_WORDS: Readonly<Record<Lang, CollectionWords>> = { "zh-CN": ZH_CN, "zh-TW": ZH_TW, en: EN };

/**
 * The collection words of a language, Simplified Chinese for an unknown one.
 * @param lang language
 * @returns its words
 * @example collectionWords("zh-TW").channels.phone // "電話"
 */
export function collectionWords(lang: Lang): CollectionWords {
  return COLLECTION_WORDS[lang] ?? ZH_CN;
}
