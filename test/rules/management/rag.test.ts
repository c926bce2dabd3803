/** Red / amber / green (POLICY §14) with the default thresholds and with a company's own. */
import { Dec } from "../../../src/rules/decimal";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import type { Policy } from "../../../src/rules/policy-types";
import { customerColour, worstColour } from "../../../src/rules/rag";
import type { CustomerReport } from "../../../src/rules/types";

function customer(maxDaysOverdue: number, limitUsedPct: string | null, stopShipping = false): CustomerReport {
  return { maxDaysOverdue, limitUsedPct: limitUsedPct === null ? null : new Dec(limitUsedPct), stopShipping } as CustomerReport;
}

describe("customerColour (defaults: red beyond 90 days or stop shipping; amber beyond 30 days or from 80 % used)", () => {
  test.each([
    [0, null, false, "green", []],
    [30, "79.99", false, "green", []],
    [31, null, false, "amber", ["overdueAmber"]],
    [0, "80", false, "amber", ["limitUsed"]],
    [45, "85", false, "amber", ["overdueAmber", "limitUsed"]],
    [90, "120", false, "amber", ["overdueAmber", "limitUsed"]],
    [91, null, false, "red", ["overdueRed"]],
    [0, null, true, "red", ["stopShipping"]],
    [120, "50", true, "red", ["stopShipping", "overdueRed"]],
  ])("%i days overdue, %s %% used, stop shipping %s → %s", (days, used, stop, colour, reasons) => {
    expect(customerColour(customer(days, used, stop), DEFAULT_POLICY)).toEqual({ colour, reasons });
  });

  test("thresholds are policy data: red beyond 60 days, amber beyond 15 or from 90 % used", () => {
    const policy: Policy = { ...DEFAULT_POLICY, rag: { ...DEFAULT_POLICY.rag, redDaysOverdue: 60, amberDaysOverdue: 15, amberLimitUsed: new Dec("0.9") } };
    expect(customerColour(customer(61, null), policy).colour).toBe("red");
    expect(customerColour(customer(16, null), policy).colour).toBe("amber");
    expect(customerColour(customer(0, "85"), policy).colour).toBe("green");
  });
});

describe("worstColour", () => {
  test("red over amber over green; none → green", () => {
    expect(worstColour(["green", "amber", "green"])).toBe("amber");
    expect(worstColour(["amber", "red", "green"])).toBe("red");
    expect(worstColour([])).toBe("green");
  });
});
