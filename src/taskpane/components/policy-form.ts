/**
 * The Settings tab's policy form as a model: each field as typed, from a policy and back to the
 * policy's JSON form (policy-json.ts validates it), and which field shows a validation problem.
 * Pure: the tab (SettingsTab.tsx) renders it.
 */
import { policyToJson, type PolicyJson } from "../../rules/policy-json";
import type { Policy } from "../../rules/policy-types";

/** The policy fields as typed in the form. */
export interface PolicyForm {
  edges: string;
  dailyRate: string;
  graceDays: string;
  stages: { id: string; from: string; to: string }[];
  temporaryRatio: string;
  cuts: string;
  /** Red beyond this many days overdue. */
  ragRedDays: string;
  /** Amber beyond this many days overdue. */
  ragAmberDays: string;
  /** Amber from this share of the limit used. */
  ragAmberLimitUsed: string;
  /** Stop shipping at this many months overdue… */
  stopOverdueMonths: string;
  /** …or this much overdue in all. */
  stopMaxTotal: string;
  /** Days before due of each pre-due notice, comma-separated, descending. */
  preDueDays: string;
  /** "aging" (by age band) or "flat". */
  provisionMethod: string;
  /** Bands as `up to days:rate`, comma-separated, the last open-ended (`:1`). */
  provisionBands: string;
  provisionFlatRate: string;
  writeOffAfterDays: string;
  writeOffInactiveDays: string;
  /** "true" or "false": whether the salesperson deduction list is made. */
  accountabilityEnabled: string;
  accountabilityDailyRate: string;
  /** Blank for none. */
  badDebtShare: string;
  companyName: string;
  financeContact: string;
  phone: string;
  bankName: string;
  bankAccount: string;
}

/**
 * The form's text for a policy.
 * @param policy the policy
 * @returns the fields as text
 * @example policyToForm(DEFAULT_POLICY).edges // "0, 30, 60, 90"
 */
export function policyToForm(policy: Policy): PolicyForm {
  return {
    edges: policy.buckets.edges.join(", "),
    dailyRate: policy.interest.dailyRate.toString(),
    graceDays: String(policy.interest.graceDays),
    stages: policy.escalation.map((stage) => ({ id: stage.id, from: String(stage.fromDays), to: stage.toDays === null ? "" : String(stage.toDays) })),
    temporaryRatio: policy.limit.temporaryMaxRatio.toString(),
    cuts: policy.limit.cuts.map((cut) => `${cut.lateCount}:${cut.cut.toString()}`).join(", "),
    ragRedDays: String(policy.rag.redDaysOverdue),
    ragAmberDays: String(policy.rag.amberDaysOverdue),
    ragAmberLimitUsed: policy.rag.amberLimitUsed.toString(),
    stopOverdueMonths: String(policy.stopShipping.overdueMonths),
    stopMaxTotal: policy.stopShipping.maxOverdueTotal.toString(),
    preDueDays: policy.preDueTouchDays.join(", "),
    provisionMethod: policy.provision.method,
    provisionBands: policy.provision.bands.map((band) => `${band.upToDays ?? ""}:${band.rate.toString()}`).join(", "),
    provisionFlatRate: policy.provision.flatRate.toString(),
    writeOffAfterDays: String(policy.provision.writeOffAfterDays),
    writeOffInactiveDays: String(policy.provision.writeOffInactiveDays),
    accountabilityEnabled: String(policy.accountability.enabled),
    accountabilityDailyRate: policy.accountability.dailyRate.toString(),
    badDebtShare: policy.accountability.badDebtShare === null ? "" : policy.accountability.badDebtShare.toString(),
    companyName: policy.company.name,
    financeContact: policy.company.financeContact,
    phone: policy.company.phone,
    bankName: policy.company.bankName,
    bankAccount: policy.company.bankAccount,
  };
}

/** A whole number typed as text becomes a number; anything else stays text so validation names it. */
function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * The `key:value` entries of a comma-separated field, each side trimmed ("" where a side is missing).
 * @example entriesOf("1:0.1， 2：0.3") // [["1", "0.1"], ["2", "0.3"]]
 */
function entriesOf(text: string): [string, string][] {
  return text
    .split(/[,，;；]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => {
      const [key, value = ""] = entry.split(/[:：]/);
      return [key.trim(), value.trim()];
    });
}

/**
 * The policy JSON for a form over a base policy; policyFromJson then validates it.
 * @param base the policy the form started from
 * @param form the typed fields
 * @returns the JSON to validate and store
 * @example formToJson(DEFAULT_POLICY, { ...policyToForm(DEFAULT_POLICY), dailyRate: "0.001" }).interest.dailyRate // "0.001"
 */
export function formToJson(base: Policy, form: PolicyForm): PolicyJson {
  const json = policyToJson(base);
  const edges = form.edges.split(/[\s,，、;；]+/).filter((edge) => edge !== "").map(numberOrText);
  const sameEdges = edges.length === base.buckets.edges.length && edges.every((edge, index) => edge === base.buckets.edges[index]);
  const buckets = sameEdges ? json.buckets : ({ edges } as unknown as PolicyJson["buckets"]);
  const cuts = entriesOf(form.cuts).map(([count, cut]) => ({ lateCount: numberOrText(count) as number, cut }));
  return {
    ...json,
    buckets,
    interest: { ...json.interest, dailyRate: form.dailyRate.trim(), graceDays: numberOrText(form.graceDays) as number },
    escalation: json.escalation.map((stage, index) => {
      const typed = form.stages[index];
      if (!typed) return stage;
      return { ...stage, fromDays: numberOrText(typed.from) as number, toDays: typed.to.trim() === "" ? null : (numberOrText(typed.to) as number) };
    }),
    limit: { ...json.limit, temporaryMaxRatio: form.temporaryRatio.trim(), cuts },
    rag: {
      ...json.rag,
      redDaysOverdue: numberOrText(form.ragRedDays) as number,
      amberDaysOverdue: numberOrText(form.ragAmberDays) as number,
      amberLimitUsed: form.ragAmberLimitUsed.trim(),
    },
    stopShipping: { overdueMonths: numberOrText(form.stopOverdueMonths) as number, maxOverdueTotal: form.stopMaxTotal.trim() },
    preDueTouchDays: form.preDueDays
      .split(/[\s,，、;；]+/)
      .filter((day) => day !== "")
      .map((day) => numberOrText(day) as number),
    provision: {
      method: form.provisionMethod as PolicyJson["provision"]["method"],
      bands: entriesOf(form.provisionBands).map(([upTo, rate]) => ({ upToDays: upTo === "" ? null : (numberOrText(upTo) as number), rate })),
      flatRate: form.provisionFlatRate.trim(),
      writeOffAfterDays: numberOrText(form.writeOffAfterDays) as number,
      writeOffInactiveDays: numberOrText(form.writeOffInactiveDays) as number,
    },
    accountability: {
      enabled: form.accountabilityEnabled === "true",
      dailyRate: form.accountabilityDailyRate.trim(),
      badDebtShare: form.badDebtShare.trim() === "" ? null : form.badDebtShare.trim(),
    },
    company: {
      ...json.company,
      name: form.companyName,
      financeContact: form.financeContact,
      phone: form.phone,
      bankName: form.bankName,
      bankAccount: form.bankAccount,
    },
  };
}

/**
 * Which form field shows a policy error, by the error's path.
 * @param path the error's path in the policy, e.g. "rag.redDaysOverdue"
 * @returns the field's key in PolicyForm, "escalation", or "other"
 * @example fieldOf("interest.dailyRate") // "dailyRate"
 */
export function fieldOf(path: string): string {
  if (path.startsWith("buckets")) return "edges";
  if (path.startsWith("escalation")) return "escalation";
  const known: Record<string, string> = {
    "interest.dailyRate": "dailyRate",
    "interest.graceDays": "graceDays",
    "limit.temporaryMaxRatio": "temporaryRatio",
    "limit.cuts": "cuts",
    "rag.redDaysOverdue": "ragRedDays",
    // Amber beyond red: shown at the amber field, the one to change.
    rag: "ragAmberDays",
    "rag.amberDaysOverdue": "ragAmberDays",
    "rag.amberLimitUsed": "ragAmberLimitUsed",
    "stopShipping.overdueMonths": "stopOverdueMonths",
    "stopShipping.maxOverdueTotal": "stopMaxTotal",
    preDueTouchDays: "preDueDays",
    "provision.method": "provisionMethod",
    "provision.bands": "provisionBands",
    "provision.flatRate": "provisionFlatRate",
    "provision.writeOffAfterDays": "writeOffAfterDays",
    "provision.writeOffInactiveDays": "writeOffInactiveDays",
    "accountability.enabled": "accountabilityEnabled",
    "accountability.dailyRate": "accountabilityDailyRate",
    "accountability.badDebtShare": "badDebtShare",
    "company.name": "companyName",
    "company.financeContact": "financeContact",
    "company.phone": "phone",
    "company.bankName": "bankName",
    "company.bankAccount": "bankAccount",
  };
  return known[path] ?? "other";
}
