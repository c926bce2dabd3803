import { problemText } from "../../src/i18n/messages";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import { policyFromJson, policyToJson, validatePolicy, type PolicyJson } from "../../src/rules/policy-json";
import type { Policy } from "../../src/rules/policy-types";

function fieldsOf(json: unknown): string[] {
  return policyFromJson(json).errors.map((e) => e.field);
}

describe("DEFAULT_POLICY carries POLICY.md's numbers", () => {
  test("buckets, grade, limit, stop shipping, interest", () => {
    const p = DEFAULT_POLICY;
    expect(p.currency).toBe("CNY");
    expect(p.buckets.edges).toEqual([0, 30, 60, 90]);
    expect(p.buckets.labels["zh-CN"]).toEqual(["未到期", "1-30天", "31-60天", "61-90天", "90天以上"]);
    expect(p.buckets.labels["zh-TW"]).toEqual(["未到期", "1-30天", "31-60天", "61-90天", "90天以上"]);
    expect(p.buckets.labels.en).toEqual(["Not due", "1-30 days", "31-60 days", "61-90 days", "Over 90 days"]);
    expect(p.agingBasis).toBe("due");
    expect(p.dateOrder).toBeNull();
    expect(p.grade).toEqual({ dMonths: 3, cMonths: 6, bMonths: 12, aMonths: 36 });
    expect(p.limit.temporaryMaxRatio.toString()).toBe("0.5");
    expect(p.limit.cuts.map((c) => [c.lateCount, c.cut.toString()])).toEqual([[1, "0.1"], [2, "0.3"], [3, "0.5"]]);
    expect(p.limit.consecutiveMonthsToZero).toBe(3);
    expect(p.limit.windowMonths).toBe(12);
    expect(p.stopShipping.overdueMonths).toBe(2);
    expect(p.preDueTouchDays).toEqual([5, 3]);
    expect(p.stopShipping.maxOverdueTotal.toString()).toBe("200000");
    expect(p.interest.dailyRate.toString()).toBe("0.0005");
    expect(p.interest.graceDays).toBe(0);
    expect(p.interest.capRatio).toBeNull();
    expect(p.replyDays).toBe(7);
    expect(p.company.name).toBe("");
  });

  test("escalation ladder and provision bands", () => {
    expect(DEFAULT_POLICY.escalation.map((s) => [s.id, s.fromDays, s.toDays, s.letter])).toEqual([
      ["preDue", -5, -1, true],
      ["reminder", 1, 7, true],
      ["phone", 8, 30, false],
      ["formal", 31, 60, true],
      ["lawyer", 61, 90, true],
      ["legal", 91, null, true],
    ]);
    expect(DEFAULT_POLICY.escalation.map((s) => s.labels["zh-CN"])).toEqual(["到期提醒", "友好提醒", "电话催收", "正式催款函", "律师函", "法律程序"]);
    expect(DEFAULT_POLICY.escalation.map((s) => s.labels["zh-TW"])).toEqual(["到期提醒", "友好提醒", "電話催收", "正式催款函", "律師函", "法律程序"]);
    expect(DEFAULT_POLICY.provision.method).toBe("aging");
    expect(DEFAULT_POLICY.provision.bands.map((b) => [b.upToDays, b.rate.toString()])).toEqual([
      [365, "0.05"], [730, "0.1"], [1095, "0.3"], [1460, "0.5"], [1825, "0.8"], [null, "1"],
    ]);
    expect(DEFAULT_POLICY.provision.flatRate.toString()).toBe("0.05");
    expect(DEFAULT_POLICY.provision.writeOffAfterDays).toBe(365);
  });

  test("is frozen and valid", () => {
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.buckets.edges)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.escalation[0].labels)).toBe(true);
    expect(validatePolicy(DEFAULT_POLICY)).toEqual([]);
  });
});

describe("policy JSON round trip", () => {
  test("toJson then fromJson gives the same policy, without errors", () => {
    const json = policyToJson(DEFAULT_POLICY);
    expect(json.interest.dailyRate).toBe("0.0005");
    const back = policyFromJson(JSON.parse(JSON.stringify(json)));
    expect(back.errors).toEqual([]);
    expect(policyToJson(back.policy)).toEqual(json);
  });

  test("empty, null and undefined give the default", () => {
    for (const input of [{}, null, undefined]) {
      const { policy, errors } = policyFromJson(input);
      expect(errors).toEqual([]);
      expect(policyToJson(policy)).toEqual(policyToJson(DEFAULT_POLICY));
    }
  });

  test("partial JSON merges over the defaults; decimals as numbers, percent and per mille text", () => {
    const { policy, errors } = policyFromJson({
      interest: { dailyRate: "0.5‰", capRatio: "20%" },
      stopShipping: { maxOverdueTotal: "300,000" },
      limit: { temporaryMaxRatio: 0.3 },
      dateOrder: "DMY",
      company: { name: "上海某某有限公司" },
    });
    expect(errors).toEqual([]);
    expect(policy.interest.dailyRate.toString()).toBe("0.0005");
    expect(policy.interest.capRatio?.toString()).toBe("0.2");
    expect(policy.interest.graceDays).toBe(0);
    expect(policy.stopShipping.maxOverdueTotal.toString()).toBe("300000");
    expect(policy.stopShipping.overdueMonths).toBe(2);
    expect(policy.limit.temporaryMaxRatio.toString()).toBe("0.3");
    expect(policy.limit.cuts).toBe(DEFAULT_POLICY.limit.cuts);
    expect(policy.dateOrder).toBe("DMY");
    expect(policy.company.name).toBe("上海某某有限公司");
    expect(policy.company.email).toBe("");
    expect(Object.isFrozen(policy.interest)).toBe(true);
  });

  test("new edges without labels get labels written from the edges", () => {
    const { policy, errors } = policyFromJson({ buckets: { edges: [0, 30, 90] } });
    expect(errors).toEqual([]);
    expect(policy.buckets.labels["zh-CN"]).toEqual(["未到期", "1-30天", "31-90天", "90天以上"]);
    expect(policy.buckets.labels.en).toEqual(["Not due", "1-30 days", "31-90 days", "Over 90 days"]);
  });

  test("new edges with matching labels keep them (seed 002: light / medium / heavy)", () => {
    const labels = { "zh-CN": ["未到期", "轻度", "中度", "重度"], "zh-TW": ["未到期", "輕度", "中度", "重度"], en: ["Not due", "Light", "Medium", "Heavy"] };
    const { policy, errors } = policyFromJson({ buckets: { edges: [0, 30, 90], labels } });
    expect(errors).toEqual([]);
    expect(policy.buckets.labels).toEqual(labels);
  });

  test("does not mutate its input", () => {
    const input = { buckets: { edges: [0, 30, 90] }, limit: { cuts: [{ lateCount: 1, cut: "0.2" }] } };
    const copy = JSON.parse(JSON.stringify(input));
    policyFromJson(input);
    expect(input).toEqual(copy);
  });
});

describe("every validation error names its field and keeps the default", () => {
  test.each<[string, unknown, string]>([
    ["unsorted edges", { buckets: { edges: [0, 60, 30] } }, "buckets.edges"],
    ["duplicate edges", { buckets: { edges: [0, 30, 30, 90] } }, "buckets.edges"],
    ["negative edge", { buckets: { edges: [-1, 30] } }, "buckets.edges"],
    ["empty edges", { buckets: { edges: [] } }, "buckets.edges"],
    ["edges not a list", { buckets: { edges: "0,30" } }, "buckets.edges"],
    ["label count mismatch", { buckets: { labels: { en: ["a", "b"] } } }, "buckets.labels.en"],
    ["temporary ratio > 0.5", { limit: { temporaryMaxRatio: "0.6" } }, "limit.temporaryMaxRatio"],
    ["temporary ratio < 0", { limit: { temporaryMaxRatio: -0.1 } }, "limit.temporaryMaxRatio"],
    ["negative daily rate", { interest: { dailyRate: "-0.0005" } }, "interest.dailyRate"],
    ["non-numeric rate", { interest: { dailyRate: "half a per mille" } }, "interest.dailyRate"],
    ["negative grace days", { interest: { graceDays: -1 } }, "interest.graceDays"],
    ["fractional grace days", { interest: { graceDays: 1.5 } }, "interest.graceDays"],
    ["negative cap", { interest: { capRatio: "-1" } }, "interest.capRatio"],
    ["cut ladder not ascending", { limit: { cuts: [{ lateCount: 2, cut: "0.3" }, { lateCount: 1, cut: "0.1" }] } }, "limit.cuts"],
    ["cut falling", { limit: { cuts: [{ lateCount: 1, cut: "0.3" }, { lateCount: 2, cut: "0.1" }] } }, "limit.cuts"],
    ["cut outside [0,1]", { limit: { cuts: [{ lateCount: 1, cut: "1.5" }] } }, "limit.cuts"],
    ["stages overlapping", { escalation: [{ id: "a", fromDays: 1, toDays: 10 }, { id: "b", fromDays: 10, toDays: 20 }] }, "escalation"],
    ["stages unordered", { escalation: [{ id: "a", fromDays: 31, toDays: 60 }, { id: "b", fromDays: 1, toDays: 30 }] }, "escalation"],
    ["stage ends before it starts", { escalation: [{ id: "a", fromDays: 10, toDays: 5 }] }, "escalation"],
    ["open stage not last", { escalation: [{ id: "a", fromDays: 1, toDays: null }, { id: "b", fromDays: 91, toDays: null }] }, "escalation"],
    ["grade months not increasing", { grade: { dMonths: 6, cMonths: 3 } }, "grade"],
    ["grade months text", { grade: { aMonths: "three years" } }, "grade.aMonths"],
    ["unknown aging basis", { agingBasis: "posting" }, "agingBasis"],
    ["unknown date order", { dateOrder: "DDMMYY" }, "dateOrder"],
    ["bad currency", { currency: "人民币" }, "currency"],
    ["bad provision method", { provision: { method: "guess" } }, "provision.method"],
    ["bands not ascending", { provision: { bands: [{ upToDays: 730, rate: "0.1" }, { upToDays: 365, rate: "0.05" }, { upToDays: null, rate: "1" }] } }, "provision.bands"],
    ["bands without an open end", { provision: { bands: [{ upToDays: 365, rate: "0.05" }] } }, "provision.bands"],
    ["flat rate > 1", { provision: { flatRate: "2" } }, "provision.flatRate"],
    ["negative reply days", { replyDays: -7 }, "replyDays"],
    ["company name not text", { company: { name: 42 } }, "company.name"],
    ["section not an object", { limit: "none" }, "limit"],
    ["negative stop-shipping total", { stopShipping: { maxOverdueTotal: "-5" } }, "stopShipping.maxOverdueTotal"],
    ["stop-shipping months 0", { stopShipping: { overdueMonths: 0 } }, "stopShipping.overdueMonths"],
    ["old maxDaysOverdue not a number", { stopShipping: { maxDaysOverdue: "sixty" } }, "stopShipping.maxDaysOverdue"],
    ["pre-due touches ascending", { preDueTouchDays: [3, 5] }, "preDueTouchDays"],
    ["pre-due touch of 0 days", { preDueTouchDays: [5, 0] }, "preDueTouchDays"],
    ["pre-due touches empty", { preDueTouchDays: [] }, "preDueTouchDays"],
  ])("%s → %s", (_name, json, field) => {
    const { policy, errors } = policyFromJson(json);
    expect(errors.map((e) => e.field)).toEqual([field]);
    expect(problemText(errors[0], "en").length).toBeGreaterThan(10);
    expect(policyToJson(policy)).toEqual(policyToJson(DEFAULT_POLICY));
  });

  test("an old policy's stopShipping.maxDaysOverdue: multiples of 30 read as months silently, others as the nearest month with a problem", () => {
    const read = (days: unknown) => policyFromJson({ stopShipping: { maxDaysOverdue: days, maxOverdueTotal: "300000" } });
    // The old default, 60 ("more than 60 days"), was written for POLICY's 2 months.
    expect(read(60).errors).toEqual([]);
    expect(read(60).policy.stopShipping.overdueMonths).toBe(2);
    expect(read(90).policy.stopShipping.overdueMonths).toBe(3);
    expect(read(90).policy.stopShipping.maxOverdueTotal.toString()).toBe("300000");
    const odd = read(45);
    expect(odd.policy.stopShipping.overdueMonths).toBe(2);
    expect(odd.errors.map((e) => [e.field, e.code])).toEqual([["stopShipping.maxDaysOverdue", "policy.daysAsMonths"]]);
    expect(problemText(odd.errors[0], "en")).toBe(
      "more than 45 days is no whole number of months: read as 2 month(s) or more; set stopShipping.overdueMonths to be sure",
    );
    expect(read(10).policy.stopShipping.overdueMonths).toBe(1);
    // Both written: overdueMonths wins, and the JSON written back has overdueMonths only.
    const both = policyFromJson({ stopShipping: { maxDaysOverdue: 90, overdueMonths: 1 } });
    expect(both.policy.stopShipping.overdueMonths).toBe(1);
    expect(policyToJson(both.policy).stopShipping).toEqual({ overdueMonths: 1, maxOverdueTotal: "200000" });
  });

  test("messages name the offending value", () => {
    const en = (json: unknown): string => problemText(policyFromJson(json).errors[0], "en");
    expect(en({ limit: { temporaryMaxRatio: "0.6" } })).toBe('"0.6" must be between 0 and 0.5');
    expect(en({ interest: { dailyRate: "abc" } })).toBe('"abc" is not a number');
    expect(en({ buckets: { labels: { en: ["a", "b"] } } })).toBe(
      "en has 2 bucket labels but the edges make 5 buckets",
    );
  });

  test("one bad field does not lose the good ones beside it", () => {
    const { policy, errors } = policyFromJson({ interest: { dailyRate: "-1", graceDays: 5 }, replyDays: 14 });
    expect(fieldsOf({ interest: { dailyRate: "-1", graceDays: 5 } })).toEqual(["interest.dailyRate"]);
    expect(errors).toHaveLength(1);
    expect(policy.interest.graceDays).toBe(5);
    expect(policy.interest.dailyRate.toString()).toBe("0.0005");
    expect(policy.replyDays).toBe(14);
  });

  test("several errors are all reported", () => {
    expect(fieldsOf({ agingBasis: "x", interest: { graceDays: -1 }, limit: { windowMonths: 0 } })).toEqual([
      "agingBasis",
      "limit.windowMonths",
      "interest.graceDays",
    ]);
  });

  test("a non-object policy is reported as such", () => {
    expect(fieldsOf("not a policy")).toEqual(["policy"]);
    expect(fieldsOf([1, 2])).toEqual(["policy"]);
  });

  test("validatePolicy checks a typed policy", () => {
    const broken: Policy = { ...DEFAULT_POLICY, buckets: { ...DEFAULT_POLICY.buckets, edges: [30, 0, 60, 90] } };
    expect(validatePolicy(broken).map((e) => e.field)).toEqual(["buckets.edges"]);
    const json: PolicyJson = policyToJson(DEFAULT_POLICY);
    expect(json.escalation[2].labels.en).toBe("Phone follow-up");
  });
});
