/**
 * The plain-JSON form of a policy, as the workbook's settings store it (decimals as strings), and
 * reading it back: every field checked, each bad one reported by its path with the default kept.
 */
import { ZERO_RATE, type Decimal } from "./decimal";
import type { RuleErrorCode, RuleErrorParams, RuleProblem } from "./errors";
import { MAX_JSON_DEPTH, tooDeepAt } from "./json-depth";
import { deepFreeze, DEFAULT_POLICY, LANGS } from "./policy";
import { parseInteger, parseNumber, PolicyReader as Reader, show } from "./policy-reader";
import type {
  AccountabilityPolicy,
  BucketPolicy,
  CompanyDetails,
  EscalationStage,
  LimitCut,
  Policy,
  ProvisionBand,
  RagPolicy,
} from "./policy-types";
import type { DateOrder, Lang } from "./types";

/** One problem in a policy: the path of the field, and what is wrong with it as a code with values. */
export type PolicyError = RuleProblem & { field: string };

/**
 * Most bucket edges a policy may set (an aging sheet shows one column per bucket).
 * @example MAX_BUCKET_EDGES // 50
 */
export const MAX_BUCKET_EDGES = 50;

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

/** Labels for buckets made from edges alone, when a company changes edges without labels. */
function generatedLabels(edges: number[]): Record<Lang, string[]> {
  const build = (notDue: string, upTo: (n: number) => string, range: (a: number, b: number) => string, over: (n: number) => string): string[] => {
    const labels = [edges[0] === 0 ? notDue : upTo(edges[0])];
    for (let i = 1; i < edges.length; i++) labels.push(range(edges[i - 1] + 1, edges[i]));
    labels.push(over(edges[edges.length - 1]));
    return labels;
  };
  return {
    "zh-CN": build("未到期", (n) => `${n}天以内`, (a, b) => `${a}-${b}天`, (n) => `${n}天以上`),
    "zh-TW": build("未到期", (n) => `${n}天以內`, (a, b) => `${a}-${b}天`, (n) => `${n}天以上`),
    en: build("Not due", (n) => `Up to ${n} days`, (a, b) => `${a}-${b} days`, (n) => `Over ${n} days`),
  };
}

function readBuckets(r: Reader, json: unknown): BucketPolicy {
  const fallback = DEFAULT_POLICY.buckets;
  const obj = r.object(json, "buckets");
  if (!obj) return fallback;
  let edges = fallback.edges;
  const edgeList = r.list(obj.edges, "buckets.edges");
  if (edgeList && edgeList.length > MAX_BUCKET_EDGES) r.fail("buckets.edges", "policy.tooManyEdges", { count: edgeList.length, max: MAX_BUCKET_EDGES });
  else if (edgeList) {
    const parsed = edgeList.map(parseInteger);
    const valid = parsed.length > 0 && parsed.every((e, i) => e !== undefined && e >= 0 && (i === 0 || e > (parsed[i - 1] as number)));
    if (valid) edges = parsed as number[];
    else r.fail("buckets.edges", "policy.edges", { value: show(edgeList) });
  }
  const expected = edges.length + 1;
  // New edges get labels written from them, so a label never names days its bucket does not hold.
  const labels = { ...(edges === fallback.edges ? fallback.labels : generatedLabels(edges)) };
  const labelsObj = r.object(obj.labels, "buckets.labels");
  for (const lang of LANGS) {
    const given = labelsObj ? r.list(labelsObj[lang], `buckets.labels.${lang}`) : undefined;
    if (given !== undefined) {
      if (!given.every((l) => typeof l === "string")) {
        r.fail(`buckets.labels.${lang}`, "policy.notText", { value: show(given) });
      } else if (given.length !== expected) {
        r.fail(`buckets.labels.${lang}`, "policy.labelCount", { lang, count: given.length, expected });
      } else {
        labels[lang] = given as string[];
      }
    }
  }
  return { edges, labels };
}

function readGrade(r: Reader, json: unknown): Policy["grade"] {
  const fallback = DEFAULT_POLICY.grade;
  const obj = r.object(json, "grade");
  if (!obj) return fallback;
  const grade = {
    dMonths: r.integer(obj.dMonths, "grade.dMonths", fallback.dMonths, 0, 1200),
    cMonths: r.integer(obj.cMonths, "grade.cMonths", fallback.cMonths, 0, 1200),
    bMonths: r.integer(obj.bMonths, "grade.bMonths", fallback.bMonths, 0, 1200),
    aMonths: r.integer(obj.aMonths, "grade.aMonths", fallback.aMonths, 0, 1200),
  };
  if (!(grade.dMonths <= grade.cMonths && grade.cMonths <= grade.bMonths && grade.bMonths <= grade.aMonths)) {
    r.fail("grade", "policy.gradeOrder", { value: [grade.dMonths, grade.cMonths, grade.bMonths, grade.aMonths].join(" / ") });
    return fallback;
  }
  return grade;
}

function readCuts(r: Reader, json: unknown): LimitCut[] {
  const list = r.list(json, "limit.cuts");
  if (!list) return DEFAULT_POLICY.limit.cuts;
  const cuts: LimitCut[] = [];
  for (const item of list) {
    const entry = item !== null && typeof item === "object" ? (item as Record<string, unknown>) : {};
    const lateCount = parseInteger(entry.lateCount);
    const cut = parseNumber(entry.cut);
    const previous = cuts[cuts.length - 1];
    const ok =
      lateCount !== undefined && lateCount >= 1 && cut !== undefined && cut.greaterThanOrEqualTo(0) && cut.lessThanOrEqualTo(1) &&
      (previous === undefined || (lateCount > previous.lateCount && cut.greaterThanOrEqualTo(previous.cut)));
    if (!ok) {
      r.fail("limit.cuts", "policy.cuts", { value: show(list) });
      return DEFAULT_POLICY.limit.cuts;
    }
    cuts.push({ lateCount, cut });
  }
  return cuts;
}

function readLimit(r: Reader, json: unknown): Policy["limit"] {
  const fallback = DEFAULT_POLICY.limit;
  const obj = r.object(json, "limit");
  if (!obj) return fallback;
  return {
    temporaryMaxRatio: r.decimal(obj.temporaryMaxRatio, "limit.temporaryMaxRatio", fallback.temporaryMaxRatio, "0", "0.5"),
    cuts: readCuts(r, obj.cuts),
    consecutiveMonthsToZero: r.integer(obj.consecutiveMonthsToZero, "limit.consecutiveMonthsToZero", fallback.consecutiveMonthsToZero, 0, 1200),
    windowMonths: r.integer(obj.windowMonths, "limit.windowMonths", fallback.windowMonths, 1, 1200),
  };
}

function readStages(r: Reader, json: unknown): EscalationStage[] {
  const list = r.list(json, "escalation");
  if (!list) return DEFAULT_POLICY.escalation;
  const stages: EscalationStage[] = [];
  const refuse = <C extends RuleErrorCode>(code: C, params: RuleErrorParams[C]): EscalationStage[] => {
    r.fail("escalation", code, params);
    return DEFAULT_POLICY.escalation;
  };
  for (const [index, item] of list.entries()) {
    const entry = item !== null && typeof item === "object" ? (item as Record<string, unknown>) : {};
    const id = typeof entry.id === "string" ? entry.id.trim() : "";
    if (id === "") return refuse("policy.stageNoId", { stage: index + 1 });
    if (stages.some((s) => s.id === id)) return refuse("policy.stageTwice", { id });
    const fromDays = parseInteger(entry.fromDays);
    const toDays = entry.toDays === null || entry.toDays === undefined ? null : parseInteger(entry.toDays);
    if (fromDays === undefined || toDays === undefined) return refuse("policy.stageDays", { id });
    if (toDays !== null && toDays < fromDays) return refuse("policy.stageEndsBeforeStart", { id, fromDays, toDays });
    const previous = stages[stages.length - 1];
    if (previous && (previous.toDays === null || fromDays <= previous.toDays)) {
      return refuse("policy.stageOverlaps", { id, fromDays, previous: previous.id });
    }
    if (entry.letter !== undefined && typeof entry.letter !== "boolean") return refuse("policy.stageLetter", { id });
    const labelsIn = entry.labels !== null && typeof entry.labels === "object" ? (entry.labels as Record<string, unknown>) : {};
    const known = DEFAULT_POLICY.escalation.find((s) => s.id === id);
    const labels = {} as Record<Lang, string>;
    for (const lang of LANGS) {
      const given = labelsIn[lang];
      labels[lang] = typeof given === "string" && given.trim() !== "" ? given : known?.labels[lang] ?? id;
    }
    stages.push({ id, fromDays, toDays, letter: entry.letter === undefined ? true : (entry.letter as boolean), labels });
  }
  return stages;
}

/** Days of the old `maxDaysOverdue` ("more than N days") that make whole months of 30 days. */
const DAYS_PER_MONTH = 30;

/**
 * The stop-shipping thresholds. A policy written before POLICY §5 said "2 months or more" holds
 * `maxDaysOverdue` (more than N days) instead of `overdueMonths`: N a multiple of 30 reads as N ÷ 30
 * months (the old default 60 was written for 2 months); any other N reads as the nearest whole
 * number of months, at least 1, and is reported so the company can check it.
 */
function readStopShipping(r: Reader, json: unknown): Policy["stopShipping"] {
  const fallback = DEFAULT_POLICY.stopShipping;
  const obj = r.object(json, "stopShipping") ?? {};
  const maxOverdueTotal = r.decimal(obj.maxOverdueTotal, "stopShipping.maxOverdueTotal", fallback.maxOverdueTotal, "0", null);
  if (obj.overdueMonths !== undefined || obj.maxDaysOverdue === undefined) {
    return { overdueMonths: r.integer(obj.overdueMonths, "stopShipping.overdueMonths", fallback.overdueMonths, 1, 1200), maxOverdueTotal };
  }
  const days = r.integer(obj.maxDaysOverdue, "stopShipping.maxDaysOverdue", -1, 0, 36500);
  if (days < 0) return { overdueMonths: fallback.overdueMonths, maxOverdueTotal };
  if (days > 0 && days % DAYS_PER_MONTH === 0) return { overdueMonths: days / DAYS_PER_MONTH, maxOverdueTotal };
  const months = Math.max(1, Math.round(days / DAYS_PER_MONTH));
  r.fail("stopShipping.maxDaysOverdue", "policy.daysAsMonths", { days, months });
  return { overdueMonths: months, maxOverdueTotal };
}

/** Pre-due touches: whole days before due, at least 1, strictly descending. */
function readTouchDays(r: Reader, json: unknown): number[] {
  const list = r.list(json, "preDueTouchDays");
  if (!list) return DEFAULT_POLICY.preDueTouchDays;
  const days = list.map(parseInteger);
  const valid = days.length > 0 && days.every((d, i) => d !== undefined && d >= 1 && d <= 366 && (i === 0 || d < (days[i - 1] as number)));
  if (!valid) {
    r.fail("preDueTouchDays", "policy.touchDays", { value: show(list) });
    return DEFAULT_POLICY.preDueTouchDays;
  }
  return days as number[];
}

function readBands(r: Reader, json: unknown): ProvisionBand[] {
  const list = r.list(json, "provision.bands");
  if (!list) return DEFAULT_POLICY.provision.bands;
  const bands: ProvisionBand[] = [];
  for (const [index, item] of list.entries()) {
    const entry = item !== null && typeof item === "object" ? (item as Record<string, unknown>) : {};
    const upToDays = entry.upToDays === null ? null : parseInteger(entry.upToDays);
    const rate = parseNumber(entry.rate);
    const previous = bands[bands.length - 1];
    const isLast = index === list.length - 1;
    const ok =
      upToDays !== undefined && rate !== undefined && rate.greaterThanOrEqualTo(0) && rate.lessThanOrEqualTo(1) &&
      (upToDays === null) === isLast && (upToDays === null || previous === undefined || upToDays > (previous.upToDays as number));
    if (!ok) {
      r.fail("provision.bands", "policy.bands", { value: show(list) });
      return DEFAULT_POLICY.provision.bands;
    }
    bands.push({ upToDays, rate });
  }
  if (bands.length === 0) {
    r.fail("provision.bands", "policy.bands", { value: show(list) });
    return DEFAULT_POLICY.provision.bands;
  }
  return bands;
}

function readRag(r: Reader, json: unknown): RagPolicy {
  const fallback = DEFAULT_POLICY.rag;
  const obj = r.object(json, "rag");
  if (!obj) return fallback;
  const rag: RagPolicy = {
    redDaysOverdue: r.integer(obj.redDaysOverdue, "rag.redDaysOverdue", fallback.redDaysOverdue, 0),
    amberDaysOverdue: r.integer(obj.amberDaysOverdue, "rag.amberDaysOverdue", fallback.amberDaysOverdue, 0),
    amberLimitUsed: r.decimal(obj.amberLimitUsed, "rag.amberLimitUsed", fallback.amberLimitUsed, "0", null),
    cashRatioTarget: r.decimal(obj.cashRatioTarget, "rag.cashRatioTarget", fallback.cashRatioTarget, "0", "1"),
  };
  if (rag.amberDaysOverdue > rag.redDaysOverdue) {
    r.fail("rag", "policy.ragOrder", { amber: rag.amberDaysOverdue, red: rag.redDaysOverdue });
    return { ...rag, redDaysOverdue: fallback.redDaysOverdue, amberDaysOverdue: fallback.amberDaysOverdue };
  }
  return rag;
}

function readAccountability(r: Reader, json: unknown): AccountabilityPolicy {
  const fallback = DEFAULT_POLICY.accountability;
  const obj = r.object(json, "accountability");
  if (!obj) return fallback;
  return {
    enabled: r.boolean(obj.enabled, "accountability.enabled", fallback.enabled),
    dailyRate: r.decimal(obj.dailyRate, "accountability.dailyRate", fallback.dailyRate, "0", "1"),
    badDebtShare: readShare(r, obj.badDebtShare, fallback.badDebtShare),
  };
}

/** A share that may be null (none); a bad one is reported and the default kept. */
function readShare(r: Reader, value: unknown, fallback: Decimal | null): Decimal | null {
  if (value === null) return null;
  const problems = r.errors.length;
  const share = r.decimal(value, "accountability.badDebtShare", fallback ?? ZERO_RATE, "0", "1");
  return r.errors.length > problems || value === undefined ? fallback : share;
}

function readCompany(r: Reader, json: unknown): CompanyDetails {
  const fallback = DEFAULT_POLICY.company;
  const obj = r.object(json, "company");
  if (!obj) return fallback;
  const company = { ...fallback };
  for (const key of Object.keys(fallback) as (keyof CompanyDetails)[]) {
    company[key] = r.text(obj[key], `company.${key}`, fallback[key]);
  }
  return company;
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
