/**
 * The channel (方式) and outcome (结果) of a collection-log row, read from the words people type in
 * zh-CN, zh-TW or English: the words the add-in writes (i18n/collection.ts) and common synonyms,
 * whatever their width, spacing or case.
 */
import { COLLECTION_WORDS } from "../../i18n/collection";
import type { ContactChannel, ContactOutcome } from "../../rules/types";
import { normalizeText } from "../text";

const CHANNEL_SYNONYMS: Record<ContactChannel, readonly string[]> = {
  phone: ["电话催收", "電話催收", "致电", "致電", "打电话", "Call", "Telephone", "Tel", "Phone call"],
  email: ["电子邮件", "電子郵件", "邮箱", "電郵", "电邮", "E-mail", "Mail"],
  sms: ["短讯", "短訊", "简讯", "Text", "Text message"],
  visit: ["拜访", "上门拜访", "上門", "上門拜訪", "面谈", "面談", "On-site visit", "Meeting"],
  demandLetter: ["催款通知", "催收函", "催款通知书", "Demand", "Reminder letter"],
  lawyerLetter: ["律师信", "律師信", "Lawyer letter", "Legal letter", "Lawyers letter"],
  other: ["其它", "微信", "WeChat"],
};

const OUTCOME_SYNONYMS: Record<ContactOutcome, readonly string[]> = {
  promised: ["承诺", "承諾", "承诺付款", "承諾付款", "Promise", "Promised to pay"],
  refused: ["拒绝付款", "拒絕付款", "拒绝", "拒絕", "Refuse", "Refused to pay"],
  disputed: ["有争议", "有爭議", "Dispute"],
  noAnswer: ["未接通", "无人接", "無人接", "联系不上", "聯絡不上", "No reply", "Unanswered"],
  paid: ["已付", "已回款", "已付清", "Payment received"],
  other: ["其它"],
};

/** Each word (normalised) → its code, from the written words of every language and the synonyms. */
function index<K extends string>(written: (lang: (typeof COLLECTION_WORDS)["en"]) => Record<K, string>, synonyms: Record<K, readonly string[]>): Map<string, K> {
  const byWord = new Map<string, K>();
  for (const words of Object.values(COLLECTION_WORDS)) {
    for (const [code, word] of Object.entries(written(words)) as [K, string][]) byWord.set(normalizeText(word), code);
  }
  for (const [code, list] of Object.entries(synonyms) as [K, readonly string[]][]) for (const word of list) byWord.set(normalizeText(word), code);
  return byWord;
}

const CHANNELS = index((words) => words.channels, CHANNEL_SYNONYMS);
const OUTCOMES = index((words) => words.outcomes, OUTCOME_SYNONYMS);

/**
 * The channel a word names, or undefined.
 * @param text the cell's text or a command-line value
 * @returns the channel code
 * @example channelOf("電話") // "phone"; channelOf("e-mail") // "email"; channelOf("fax") // undefined
 */
export function channelOf(text: string): ContactChannel | undefined {
  return CHANNELS.get(normalizeText(text));
}

/**
 * The outcome a word names, or undefined.
 * @param text the cell's text or a command-line value
 * @returns the outcome code
 * @example outcomeOf("无人接听") // "noAnswer"; outcomeOf("No answer") // "noAnswer"
 */
export function outcomeOf(text: string): ContactOutcome | undefined {
  return OUTCOMES.get(normalizeText(text));
}
