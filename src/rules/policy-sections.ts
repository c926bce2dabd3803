/**
 * Reading each section of a policy's JSON form — buckets, grade, limit, escalation, stop shipping,
 * pre-due touches, provision bands, red-amber-green, accountability, company — each field checked
 * against the default, each bad one reported by its path through the policy reader.
 */
import { ZERO_RATE, type Decimal } from "./decimal";
import type { RuleErrorCode, RuleErrorParams } from "./errors";
import { DEFAULT_POLICY, LANGS } from "./policy";
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
import type { Lang } from "./types";

/**
 * Most bucket edges a policy may set (an aging sheet shows one column per bucket).
 * @example MAX_BUCKET_EDGES // 50
 */
export const MAX_BUCKET_EDGES = 50;

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

/**
 * The aging buckets (edges and their labels in three languages; labels made from the edges when only edges are given) of a policy's JSON form; each bad field is reported through the reader and keeps its default.
 * @param r the reader collecting problems
 * @param json the section as found (untrusted)
 * @returns the section
 * @example readBuckets(new PolicyReader(), { edges: [0, 30, 90] }).edges // [0, 30, 90]
 */
export function readBuckets(r: Reader, json: unknown): BucketPolicy {
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

/**
 * The credit-grade months of a policy's JSON form; each bad field is reported through the reader and keeps its default.
 * @param r the reader collecting problems
 * @param json the section as found (untrusted)
 * @returns the section
 * @example readGrade(new PolicyReader(), { dMonths: 6 }).dMonths // 6, the other months as DEFAULT_POLICY
 */
export function readGrade(r: Reader, json: unknown): Policy["grade"] {
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

/**
 * The credit-limit rules (temporary limit share, cuts after late payments) of a policy's JSON form; each bad field is reported through the reader and keeps its default.
 * @param r the reader collecting problems
 * @param json the section as found (untrusted)
 * @returns the section
 * @example readLimit(new PolicyReader(), undefined) // DEFAULT_POLICY.limit
 */
export function readLimit(r: Reader, json: unknown): Policy["limit"] {
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

/**
 * The escalation ladder of a policy's JSON form; each bad field is reported through the reader and keeps its default.
 * @param r the reader collecting problems
 * @param json the section as found (untrusted)
 * @returns the section
 * @example readStages(new PolicyReader(), undefined).length // DEFAULT_POLICY.escalation.length
 */
export function readStages(r: Reader, json: unknown): EscalationStage[] {
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
 * @param r the reader collecting problems
 * @param json the section as found (untrusted)
 * @returns the section
 * @example readStopShipping(new PolicyReader(), { maxDaysOverdue: 90 }).overdueMonths // 3
 */
export function readStopShipping(r: Reader, json: unknown): Policy["stopShipping"] {
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
/**
 * The pre-due touch days of a policy's JSON form; each bad field is reported through the reader and keeps its default.
 * @param r the reader collecting problems
 * @param json the section as found (untrusted)
 * @returns the section
 * @example readTouchDays(new PolicyReader(), [5, 3]) // [5, 3]
 */
export function readTouchDays(r: Reader, json: unknown): number[] {
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

/**
 * The provision bands (up to N days, rate) of a policy's JSON form; each bad field is reported through the reader and keeps its default.
 * @param r the reader collecting problems
 * @param json the section as found (untrusted)
 * @returns the section
 * @example readBands(new PolicyReader(), [{ upToDays: null, rate: "0.5" }])[0].rate.toString() // "0.5"
 */
export function readBands(r: Reader, json: unknown): ProvisionBand[] {
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

/**
 * The red-amber-green thresholds of a policy's JSON form; each bad field is reported through the reader and keeps its default.
 * @param r the reader collecting problems
 * @param json the section as found (untrusted)
 * @returns the section
 * @example readRag(new PolicyReader(), { redDaysOverdue: 60 }).redDaysOverdue // 60
 */
export function readRag(r: Reader, json: unknown): RagPolicy {
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

/**
 * The salesperson accountability switch and rates of a policy's JSON form; each bad field is reported through the reader and keeps its default.
 * @param r the reader collecting problems
 * @param json the section as found (untrusted)
 * @returns the section
 * @example readAccountability(new PolicyReader(), { enabled: true }).enabled // true
 */
export function readAccountability(r: Reader, json: unknown): AccountabilityPolicy {
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

/**
 * The company details the letters sign with of a policy's JSON form; each bad field is reported through the reader and keeps its default.
 * @param r the reader collecting problems
 * @param json the section as found (untrusted)
 * @returns the section
 * @example readCompany(new PolicyReader(), { name: "甲公司" }).name // "甲公司"
 */
export function readCompany(r: Reader, json: unknown): CompanyDetails {
  const fallback = DEFAULT_POLICY.company;
  const obj = r.object(json, "company");
  if (!obj) return fallback;
  const company = { ...fallback };
  for (const key of Object.keys(fallback) as (keyof CompanyDetails)[]) {
    company[key] = r.text(obj[key], `company.${key}`, fallback[key]);
  }
  return company;
}

