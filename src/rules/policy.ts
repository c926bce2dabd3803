/**
 * The default receivables policy: POLICY.md's numbers as data. A policy is data: a company edits
 * it in its workbook (policy-json.ts reads and checks that form); rules take it as an argument.
 * Policy objects are frozen and never mutated: a change builds a new policy.
 */
import { Dec, type Decimal } from "./decimal";
import type { EscalationStage, Policy } from "./policy-types";
import type { Lang } from "./types";

/** Every language the product speaks; zh-CN first (the default). */
export const LANGS: readonly Lang[] = ["zh-CN", "zh-TW", "en"];

/** Freezes a policy and everything in it (Decimals are immutable already). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !(value instanceof Dec) && !Object.isFrozen(value)) {
    for (const key of Object.keys(value as object)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

const d = (text: string): Decimal => new Dec(text);

function stage(id: string, fromDays: number, toDays: number | null, letter: boolean, labels: [string, string, string]): EscalationStage {
  return { id, fromDays, toDays, letter, labels: { "zh-CN": labels[0], "zh-TW": labels[1], en: labels[2] } };
}

/**
 * The default policy: buckets not due / 1–30 / 31–60 / 61–90 / over 90, grade by months since the
 * latest late payment (3 / 6 / 12 / 36), limit cuts 10 % / 30 % / 50 %, stop shipping from 2 months
 * or 200,000 overdue, 0.5 ‰ daily interest, a six-stage ladder with pre-due touches 5 and 3 days
 * before due, aging-based provision, write-off after a year overdue and a year without business,
 * red beyond 90 days overdue and amber beyond 30 (or from 80 % of the limit used), a 40 % cash-ratio
 * target, salesperson accountability off.
 * @example DEFAULT_POLICY.interest.dailyRate.toString() // "0.0005"
 */
export const DEFAULT_POLICY: Policy = deepFreeze<Policy>({
  currency: "CNY",
  buckets: {
    edges: [0, 30, 60, 90],
    labels: {
      "zh-CN": ["未到期", "1-30天", "31-60天", "61-90天", "90天以上"],
      "zh-TW": ["未到期", "1-30天", "31-60天", "61-90天", "90天以上"],
      en: ["Not due", "1-30 days", "31-60 days", "61-90 days", "Over 90 days"],
    },
  },
  agingBasis: "due",
  dateOrder: null,
  grade: { dMonths: 3, cMonths: 6, bMonths: 12, aMonths: 36 },
  limit: {
    temporaryMaxRatio: d("0.5"),
    cuts: [
      { lateCount: 1, cut: d("0.10") },
      { lateCount: 2, cut: d("0.30") },
      { lateCount: 3, cut: d("0.50") },
    ],
    consecutiveMonthsToZero: 3,
    windowMonths: 12,
  },
  stopShipping: { overdueMonths: 2, maxOverdueTotal: d("200000") },
  interest: { dailyRate: d("0.0005"), graceDays: 0, capRatio: null },
  escalation: [
    stage("preDue", -5, -1, true, ["到期提醒", "到期提醒", "Payment due soon"]),
    stage("reminder", 1, 7, true, ["友好提醒", "友好提醒", "Friendly reminder"]),
    stage("phone", 8, 30, false, ["电话催收", "電話催收", "Phone follow-up"]),
    stage("formal", 31, 60, true, ["正式催款函", "正式催款函", "Formal demand"]),
    stage("lawyer", 61, 90, true, ["律师函", "律師函", "Lawyer's letter"]),
    stage("legal", 91, null, true, ["法律程序", "法律程序", "Legal action"]),
  ],
  preDueTouchDays: [5, 3],
  provision: {
    method: "aging",
    bands: [
      { upToDays: 365, rate: d("0.05") },
      { upToDays: 730, rate: d("0.10") },
      { upToDays: 1095, rate: d("0.30") },
      { upToDays: 1460, rate: d("0.50") },
      { upToDays: 1825, rate: d("0.80") },
      { upToDays: null, rate: d("1") },
    ],
    flatRate: d("0.05"),
    writeOffAfterDays: 365,
    writeOffInactiveDays: 365,
  },
  rag: { redDaysOverdue: 90, amberDaysOverdue: 30, amberLimitUsed: d("0.8"), cashRatioTarget: d("0.4") },
  accountability: { enabled: false, dailyRate: d("0.0005"), badDebtShare: null },
  company: { name: "", financeContact: "", phone: "", email: "", bankName: "", bankAccount: "", address: "" },
  replyDays: 7,
});

