/**
 * The manager's policy data (POLICY §14): red / amber / green thresholds, salesperson
 * accountability and the write-off inactivity — defaults, JSON form, validation, and the settings
 * sheet of a workbook.
 */
import { sheetOf } from "../../support/grid";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { policyFromJson, policyToJson, validatePolicy } from "../../../src/rules/policy-json";
import type { WorkbookData } from "../../../src/workbook/adapter-types";
import { resolveSettings } from "../../../src/workbook/settings";

describe("defaults", () => {
  test("red beyond 90 days, amber beyond 30 or from 80 % used, cash target 40 %; accountability off at 0.5 ‰; write-off after 365 + 365 days", () => {
    const { rag, accountability, provision } = DEFAULT_POLICY;
    expect([rag.redDaysOverdue, rag.amberDaysOverdue, rag.amberLimitUsed.toString(), rag.cashRatioTarget.toString()]).toEqual([90, 30, "0.8", "0.4"]);
    expect([accountability.enabled, accountability.dailyRate.toString(), accountability.badDebtShare]).toEqual([false, "0.0005", null]);
    expect([provision.writeOffAfterDays, provision.writeOffInactiveDays]).toEqual([365, 365]);
    expect(validatePolicy(DEFAULT_POLICY)).toEqual([]);
  });
});

describe("JSON form", () => {
  test("round trip: decimals as strings, the share null", () => {
    const json = policyToJson(DEFAULT_POLICY);
    expect(json.rag).toEqual({ redDaysOverdue: 90, amberDaysOverdue: 30, amberLimitUsed: "0.8", cashRatioTarget: "0.4" });
    expect(json.accountability).toEqual({ enabled: false, dailyRate: "0.0005", badDebtShare: null });
    expect(policyToJson(policyFromJson(json).policy)).toEqual(json);
  });

  test("a company's own: accountability on at 1 ‰ with 30 % of bad debts; amber from 90 % used", () => {
    const { policy, errors } = policyFromJson({ accountability: { enabled: true, dailyRate: "1‰", badDebtShare: "30%" }, rag: { amberLimitUsed: "90%" } });
    expect(errors).toEqual([]);
    expect([policy.accountability.enabled, policy.accountability.dailyRate.toString(), policy.accountability.badDebtShare?.toString()]).toEqual([true, "0.001", "0.3"]);
    expect(policy.rag.amberLimitUsed.toString()).toBe("0.9");
  });

  test("bad fields are reported by path and keep the default", () => {
    const { policy, errors } = policyFromJson({
      accountability: { enabled: "yes", badDebtShare: "2" },
      rag: { amberDaysOverdue: 120 },
      provision: { writeOffInactiveDays: -1 },
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ["provision.writeOffInactiveDays", "policy.wholeAtLeast"],
      ["rag", "policy.ragOrder"],
      ["accountability.enabled", "policy.notTrueFalse"],
      ["accountability.badDebtShare", "policy.between"],
    ]);
    expect([policy.accountability.enabled, policy.accountability.badDebtShare, policy.rag.amberDaysOverdue, policy.provision.writeOffInactiveDays]).toEqual([false, null, 30, 365]);
  });
});

describe("the settings sheet of a workbook", () => {
  test("accountability.enabled 是, accountability.dailyRate 0.001, rag.redDaysOverdue 60 are read as the policy", () => {
    const workbook: WorkbookData = {
      dateSystem: "1900",
      settings: {},
      tables: [],
      sheets: [
        sheetOf("设置", [
          ["accountability.enabled", "是"],
          ["accountability.dailyRate", 0.001],
          ["accountability.badDebtShare", "无"],
          ["rag.redDaysOverdue", 60],
        ]),
      ],
    };
    const { policy, errors } = resolveSettings(workbook, DEFAULT_POLICY);
    expect(errors).toEqual([]);
    expect([policy.accountability.enabled, policy.accountability.dailyRate.toString(), policy.accountability.badDebtShare, policy.rag.redDaysOverdue]).toEqual([
      true, "0.001", null, 60,
    ]);
  });
});
