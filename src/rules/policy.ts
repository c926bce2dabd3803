/**
 * The default receivables policy (POLICY.md's numbers) and its plain-JSON form, validated in one
 * place. A policy is data: a company edits it in its workbook; rules take it as an argument.
 * Policy objects are frozen and never mutated: a change builds a new policy.
 */
import type { RuleErrorCode, RuleErrorParams, RuleProblem } from "./errors";
import { Dec, type Decimal } from "./decimal";
import type {
  BucketPolicy,
  CompanyDetails,
  EscalationStage,
  LimitCut,
  Policy,
  ProvisionBand,
} from "./policy-types";
import type { DateOrder, Lang } from "./types";

/** Every language the product speaks; zh-CN first (the default). */
export const LANGS: readonly Lang[] = ["zh-CN", "zh-TW", "en"];

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
  stopShipping: { maxDaysOverdue: number; maxOverdueTotal: JsonDecimal };
  interest: { dailyRate: JsonDecimal; graceDays: number; capRatio: JsonDecimal | null };
  escalation: { id: string; fromDays: number; toDays: number | null; letter: boolean; labels: Record<Lang, string> }[];
  provision: {
    method: "aging" | "flat";
    bands: { upToDays: number | null; rate: JsonDecimal }[];
    flatRate: JsonDecimal;
    writeOffAfterDays: number;
  };
  company: CompanyDetails;
  replyDays: number;
}

function deepFreeze<T>(value: T): T {
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
 * latest late payment (3 / 6 / 12 / 36), limit cuts 10 % / 30 % / 50 %, stop shipping beyond 60 days
 * or 200,000 overdue, 0.5 ‰ daily interest, a six-stage ladder, aging-based provision.
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
  stopShipping: { maxDaysOverdue: 60, maxOverdueTotal: d("200000") },
  interest: { dailyRate: d("0.0005"), graceDays: 0, capRatio: null },
  escalation: [
    stage("preDue", -5, -1, true, ["到期提醒", "到期提醒", "Payment due soon"]),
    stage("reminder", 1, 7, true, ["友好提醒", "友好提醒", "Friendly reminder"]),
    stage("phone", 8, 30, false, ["电话催收", "電話催收", "Phone follow-up"]),
    stage("formal", 31, 60, true, ["正式催款函", "正式催款函", "Formal demand"]),
    stage("lawyer", 61, 90, true, ["律师函", "律師函", "Lawyer's letter"]),
    stage("legal", 91, null, true, ["法律程序", "法律程序", "Legal action"]),
  ],
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
  },
  company: { name: "", financeContact: "", phone: "", email: "", bankName: "", bankAccount: "", address: "" },
  replyDays: 7,
});

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
      maxDaysOverdue: policy.stopShipping.maxDaysOverdue,
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
    provision: {
      method: policy.provision.method,
      bands: policy.provision.bands.map((b) => ({ upToDays: b.upToDays, rate: b.rate.toString() })),
      flatRate: policy.provision.flatRate.toString(),
      writeOffAfterDays: policy.provision.writeOffAfterDays,
    },
    company: { ...policy.company },
    replyDays: policy.replyDays,
  };
}

/** Reads fields of a JSON object, recording each bad one with its path; the default stays for it. */
class Reader {
  readonly errors: PolicyError[] = [];

  fail<C extends RuleErrorCode>(field: string, code: C, params: RuleErrorParams[C]): undefined {
    this.errors.push({ field, code, params } as PolicyError);
    return undefined;
  }

  /** The sub-object at `field`, undefined (and an error) when it is not an object. */
  object(value: unknown, field: string): Record<string, unknown> | undefined {
    if (value === undefined) return undefined;
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      return this.fail(field, "policy.notObject", { value: show(value) });
    }
    return value as Record<string, unknown>;
  }

  integer(value: unknown, field: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
    if (value === undefined) return fallback;
    const parsed = parseInteger(value);
    if (parsed === undefined) {
      this.fail(field, parseNumber(value) === undefined ? "policy.notANumber" : "policy.notAnInteger", { value: show(value) });
      return fallback;
    }
    if (parsed < min || parsed > max) {
      if (max === Number.MAX_SAFE_INTEGER) this.fail(field, "policy.wholeAtLeast", { value: show(value), min });
      else this.fail(field, "policy.wholeBetween", { value: show(value), min, max });
      return fallback;
    }
    return parsed;
  }

  decimal(value: unknown, field: string, fallback: Decimal, min: string, max: string | null): Decimal {
    if (value === undefined) return fallback;
    const parsed = parseNumber(value);
    if (parsed === undefined) {
      this.fail(field, "policy.notANumber", { value: show(value) });
      return fallback;
    }
    if (parsed.lessThan(min) || (max !== null && parsed.greaterThan(max))) {
      if (max === null) this.fail(field, "policy.atLeast", { value: show(value), min });
      else this.fail(field, "policy.between", { value: show(value), min, max });
      return fallback;
    }
    return parsed;
  }

  choice<T extends string | null>(value: unknown, field: string, fallback: T, choices: readonly T[]): T {
    if (value === undefined) return fallback;
    const found = choices.find((c) => c === value);
    if (found === undefined) {
      this.fail(field, "policy.choice", { value: show(value), choices: choices.map(String) });
      return fallback;
    }
    return found;
  }

  text(value: unknown, field: string, fallback: string): string {
    if (value === undefined) return fallback;
    if (typeof value !== "string") {
      this.fail(field, "policy.notText", { value: show(value) });
      return fallback;
    }
    return value;
  }

  list(value: unknown, field: string): unknown[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return this.fail(field, "policy.notList", { value: show(value) });
    return value;
  }
}

function show(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}


const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_TEXT = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** A decimal from JSON: a finite number, or text such as "0.0005", "50%", "0.5‰", "200,000". */
function parseNumber(value: unknown): Decimal | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? new Dec(String(value)) : undefined;
  if (typeof value !== "string") return undefined;
  let text = value.trim();
  let scale = 1;
  if (text.endsWith("%")) [text, scale] = [text.slice(0, -1).trim(), 100];
  else if (text.endsWith("‰")) [text, scale] = [text.slice(0, -1).trim(), 1000];
  if (GROUPED_TEXT.test(text)) text = text.replace(/,/g, "");
  if (!NUMBER_TEXT.test(text)) return undefined;
  return new Dec(text).dividedBy(scale);
}

function parseInteger(value: unknown): number | undefined {
  const parsed = parseNumber(value);
  if (parsed === undefined || !parsed.isInteger() || parsed.abs().greaterThan(Number.MAX_SAFE_INTEGER)) return undefined;
  return parsed.toNumber();
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
  if (edgeList) {
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
  const r = new Reader();
  const root = json === undefined || json === null ? {} : r.object(json, "policy") ?? {};
  const fallback = DEFAULT_POLICY;

  let currency = fallback.currency;
  const currencyText = r.text(root.currency, "currency", fallback.currency).trim();
  if (/^[A-Za-z]{3}$/.test(currencyText)) currency = currencyText.toUpperCase();
  else r.fail("currency", "policy.currencyCode", { value: currencyText });

  const stopObj = r.object(root.stopShipping, "stopShipping") ?? {};
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
    stopShipping: {
      maxDaysOverdue: r.integer(stopObj.maxDaysOverdue, "stopShipping.maxDaysOverdue", fallback.stopShipping.maxDaysOverdue, 0),
      maxOverdueTotal: r.decimal(stopObj.maxOverdueTotal, "stopShipping.maxOverdueTotal", fallback.stopShipping.maxOverdueTotal, "0", null),
    },
    interest: {
      dailyRate: r.decimal(interestObj.dailyRate, "interest.dailyRate", fallback.interest.dailyRate, "0", "1"),
      graceDays: r.integer(interestObj.graceDays, "interest.graceDays", fallback.interest.graceDays, 0),
      capRatio,
    },
    escalation: readStages(r, root.escalation),
    provision: {
      method: r.choice(provisionObj.method, "provision.method", fallback.provision.method, ["aging", "flat"] as const),
      bands: readBands(r, provisionObj.bands),
      flatRate: r.decimal(provisionObj.flatRate, "provision.flatRate", fallback.provision.flatRate, "0", "1"),
      writeOffAfterDays: r.integer(provisionObj.writeOffAfterDays, "provision.writeOffAfterDays", fallback.provision.writeOffAfterDays, 0),
    },
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
