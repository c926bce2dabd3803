/**
 * The plain-JSON form of a policy, as the workbook's settings store it (decimals as strings), and
 * reading it back: every field checked, each bad one reported by its path with the default kept.
 */
import type { Decimal } from "./decimal";
import type { RuleProblem } from "./errors";
import { MAX_JSON_DEPTH, tooDeepAt } from "./json-depth";
import { deepFreeze, DEFAULT_POLICY } from "./policy";
import { PolicyReader as Reader } from "./policy-reader";
import { readAccountability, readBands, readBuckets, readCompany, readGrade, readLimit, readRag, readStages, readStopShipping, readTouchDays } from "./policy-sections";
import type { CompanyDetails, Policy } from "./policy-types";
import type { DateOrder, Lang } from "./types";

export { MAX_BUCKET_EDGES } from "./policy-sections";

/** One problem in a policy: the path of the field, and what is wrong with it as a code with values. */
export type PolicyError = RuleProblem & { field: string };

/** A decimal in JSON: a string ("0.0005", "50%", "0.5‰", "200,000") or a number. */
export type JsonDecimal = string | number;

/** The plain-JSON form of a policy, as stored in the workbook's settings. Decimals are strings. */
export interface PolicyJson {
  currency: string;
  buckets: { edges: number[]; labels: Record<Lang, string[]> };
  agingBasis: "due" | "invoice";
  dateOrder: DateOrder | null;
  grade: { dMonths: number; cMonths: number; bMonths: number; aMonths: number };
  limit: {
    temporaryMaxRatio: JsonDecimal;
    cuts: { lateCount: number; cut: JsonDecimal }[];
    consecutiveMonthsToZero: number;
    windowMonths: number;
  };
  /** `maxDaysOverdue` (days, "more than") is the older form of `overdueMonths`, still read (see readStopShipping). */
  stopShipping: { overdueMonths: number; maxOverdueTotal: JsonDecimal; maxDaysOverdue?: number };
  interest: { dailyRate: JsonDecimal; graceDays: number; capRatio: JsonDecimal | null };
  escalation: { id: string; fromDays: number; toDays: number | null; letter: boolean; labels: Record<Lang, string> }[];
  preDueTouchDays: number[];
  provision: {
    method: "aging" | "flat";
    bands: { upToDays: number | null; rate: JsonDecimal }[];
    flatRate: JsonDecimal;
    writeOffAfterDays: number;
    writeOffInactiveDays: number;
  };
  rag: { redDaysOverdue: number; amberDaysOverdue: number; amberLimitUsed: JsonDecimal; cashRatioTarget: JsonDecimal };
  accountability: { enabled: boolean; dailyRate: JsonDecimal; badDebtShare: JsonDecimal | null };
  company: CompanyDetails;
  replyDays: number;
}

/**
 * The plain-JSON form of a policy (decimals as strings), for the workbook's settings.
 * @param policy the policy
 * @returns a new plain object; JSON.stringify-able
 * @example policyToJson(DEFAULT_POLICY).limit.cuts[1] // { lateCount: 2, cut: "0.3" }
 */
export function policyToJson(policy: Policy): PolicyJson {
  return {
    currency: policy.currency,
    buckets: {
      edges: [...policy.buckets.edges],
      labels: { "zh-CN": [...policy.buckets.labels["zh-CN"]], "zh-TW": [...policy.buckets.labels["zh-TW"]], en: [...policy.buckets.labels.en] },
    },
    agingBasis: policy.agingBasis,
    dateOrder: policy.dateOrder,
    grade: { ...policy.grade },
    limit: {
      temporaryMaxRatio: policy.limit.temporaryMaxRatio.toString(),
      cuts: policy.limit.cuts.map((c) => ({ lateCount: c.lateCount, cut: c.cut.toString() })),
      consecutiveMonthsToZero: policy.limit.consecutiveMonthsToZero,
      windowMonths: policy.limit.windowMonths,
    },
    stopShipping: {
      overdueMonths: policy.stopShipping.overdueMonths,
      maxOverdueTotal: policy.stopShipping.maxOverdueTotal.toString(),
    },
    interest: {
      dailyRate: policy.interest.dailyRate.toString(),
      graceDays: policy.interest.graceDays,
      capRatio: policy.interest.capRatio === null ? null : policy.interest.capRatio.toString(),
    },
    escalation: policy.escalation.map((s) => ({
      id: s.id, fromDays: s.fromDays, toDays: s.toDays, letter: s.letter, labels: { ...s.labels },
    })),
    preDueTouchDays: [...policy.preDueTouchDays],
    provision: {
      method: policy.provision.method,
      bands: policy.provision.bands.map((b) => ({ upToDays: b.upToDays, rate: b.rate.toString() })),
      flatRate: policy.provision.flatRate.toString(),
      writeOffAfterDays: policy.provision.writeOffAfterDays,
      writeOffInactiveDays: policy.provision.writeOffInactiveDays,
    },
    rag: {
      redDaysOverdue: policy.rag.redDaysOverdue,
      amberDaysOverdue: policy.rag.amberDaysOverdue,
      amberLimitUsed: policy.rag.amberLimitUsed.toString(),
      cashRatioTarget: policy.rag.cashRatioTarget.toString(),
    },
    accountability: {
      enabled: policy.accountability.enabled,
      dailyRate: policy.accountability.dailyRate.toString(),
      badDebtShare: policy.accountability.badDebtShare === null ? null : policy.accountability.badDebtShare.toString(),
    },
    company: { ...policy.company },
    replyDays: policy.replyDays,
  };
}

/**
 * A policy from its JSON form. Missing fields take the default; each invalid field is reported by
 * its path (e.g. "limit.temporaryMaxRatio") and keeps the default, so one typo never loses the rest.
 * @param json the parsed settings (any shape; untrusted)
 * @returns the policy (frozen) and the problems found
 * @example policyFromJson({ interest: { dailyRate: "-1" } }).errors[0].field // "interest.dailyRate"
 */
export function policyFromJson(json: unknown): { policy: Policy; errors: PolicyError[] } {
  const deep = tooDeepAt(json);
  if (deep !== null) return { policy: DEFAULT_POLICY, errors: [{ field: deep, code: "policy.tooDeep", params: { max: MAX_JSON_DEPTH } }] };
  const r = new Reader();
  const root = json === undefined || json === null ? {} : r.object(json, "policy") ?? {};
  const fallback = DEFAULT_POLICY;

  let currency = fallback.currency;
  const currencyText = r.text(root.currency, "currency", fallback.currency).trim();
  if (/^[A-Za-z]{3}$/.test(currencyText)) currency = currencyText.toUpperCase();
  else r.fail("currency", "policy.currencyCode", { value: currencyText });

  const interestObj = r.object(root.interest, "interest") ?? {};
  const provisionObj = r.object(root.provision, "provision") ?? {};
  const capRatio =
    interestObj.capRatio === null
      ? null
      : r.decimal(interestObj.capRatio, "interest.capRatio", fallback.interest.capRatio as Decimal, "0", null);

  const policy: Policy = {
    currency,
    buckets: readBuckets(r, root.buckets),
    agingBasis: r.choice(root.agingBasis, "agingBasis", fallback.agingBasis, ["due", "invoice"] as const),
    dateOrder: r.choice<DateOrder | null>(root.dateOrder, "dateOrder", fallback.dateOrder, ["YMD", "DMY", "MDY", null]),
    grade: readGrade(r, root.grade),
    limit: readLimit(r, root.limit),
    stopShipping: readStopShipping(r, root.stopShipping),
    interest: {
      dailyRate: r.decimal(interestObj.dailyRate, "interest.dailyRate", fallback.interest.dailyRate, "0", "1"),
      graceDays: r.integer(interestObj.graceDays, "interest.graceDays", fallback.interest.graceDays, 0),
      capRatio,
    },
    escalation: readStages(r, root.escalation),
    preDueTouchDays: readTouchDays(r, root.preDueTouchDays),
    provision: {
      method: r.choice(provisionObj.method, "provision.method", fallback.provision.method, ["aging", "flat"] as const),
      bands: readBands(r, provisionObj.bands),
      flatRate: r.decimal(provisionObj.flatRate, "provision.flatRate", fallback.provision.flatRate, "0", "1"),
      writeOffAfterDays: r.integer(provisionObj.writeOffAfterDays, "provision.writeOffAfterDays", fallback.provision.writeOffAfterDays, 0),
      writeOffInactiveDays: r.integer(provisionObj.writeOffInactiveDays, "provision.writeOffInactiveDays", fallback.provision.writeOffInactiveDays, 0),
    },
    rag: readRag(r, root.rag),
    accountability: readAccountability(r, root.accountability),
    company: readCompany(r, root.company),
    replyDays: r.integer(root.replyDays, "replyDays", fallback.replyDays, 0, 3650),
  };
  return { policy: deepFreeze(policy), errors: r.errors };
}

/**
 * Checks a typed policy (e.g. one built in code or edited in the task pane) with the same rules
 * as policyFromJson.
 * @param policy the policy
 * @returns the problems, empty when the policy is sound
 * @example validatePolicy(DEFAULT_POLICY) // []
 */
export function validatePolicy(policy: Policy): PolicyError[] {
  return policyFromJson(policyToJson(policy)).errors;
}
