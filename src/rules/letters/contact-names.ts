/**
 * The names of contact channels and outcomes (POLICY §12) in each language: what letters, sheets,
 * the pane and messages call them (i18n/collection.ts and the messages take them from here).
 */
import type { ContactChannel, ContactOutcome, Lang } from "../types";

/** Channel names by language. */
export const CHANNEL_NAMES: Readonly<Record<Lang, Readonly<Record<ContactChannel, string>>>> = {
  "zh-CN": { phone: "电话", email: "邮件", sms: "短信", visit: "上门", demandLetter: "催款函", lawyerLetter: "律师函", other: "其他" },
  "zh-TW": { phone: "電話", email: "郵件", sms: "簡訊", visit: "拜訪", demandLetter: "催款函", lawyerLetter: "律師函", other: "其他" },
  en: { phone: "Phone", email: "Email", sms: "SMS", visit: "Visit", demandLetter: "Demand letter", lawyerLetter: "Lawyer's letter", other: "Other" },
};

/** Outcome names by language. */
export const OUTCOME_NAMES: Readonly<Record<Lang, Readonly<Record<ContactOutcome, string>>>> = {
  "zh-CN": { promised: "已承诺", refused: "拒付", disputed: "争议", noAnswer: "无人接听", paid: "已付款", other: "其他" },
  "zh-TW": { promised: "已承諾", refused: "拒付", disputed: "爭議", noAnswer: "無人接聽", paid: "已付款", other: "其他" },
  en: { promised: "Promised", refused: "Refused", disputed: "Disputed", noAnswer: "No answer", paid: "Paid", other: "Other" },
};
