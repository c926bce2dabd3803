import { toDecimal } from "../../src/rules/decimal";
import { amount } from "../support/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import { stopShippingReasons, stopShippingTerms, type StopShippingInput } from "../../src/rules/stop-shipping";

const calm: StopShippingInput = { maxDaysOverdue: 0, overdue: 0, overLimit: false, grade: "A", outstanding: amount(1000) };

describe("stopShippingReasons", () => {
  test("nothing wrong → no reason", () => {
    expect(stopShippingReasons(calm, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual([]);
  });

  test("more than 60 days overdue: 60 is not enough, 61 is", () => {
    expect(stopShippingReasons({ ...calm, maxDaysOverdue: 60 }, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual([]);
    expect(stopShippingReasons({ ...calm, maxDaysOverdue: 61 }, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual(["overdueDays"]);
  });

  test("overdue total more than 200,000: 200,000.00 is not enough, 200,000.01 is", () => {
    expect(stopShippingReasons({ ...calm, overdue: amount("200000.00") }, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual([]);
    expect(stopShippingReasons({ ...calm, overdue: amount("200000.01") }, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual(["overdueTotal"]);
  });

  test("over limit", () => {
    expect(stopShippingReasons({ ...calm, overLimit: true }, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual(["overLimit"]);
  });

  test("grade D only with something outstanding (前帐未清)", () => {
    expect(stopShippingReasons({ ...calm, grade: "D" }, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual(["gradeD"]);
    expect(stopShippingReasons({ ...calm, grade: "D", outstanding: 0 }, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual([]);
    expect(stopShippingReasons({ ...calm, grade: "C" }, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual([]);
  });

  test("all four reasons, always in the same order", () => {
    const input = { maxDaysOverdue: 95, overdue: amount(350000), overLimit: true, grade: "D" as const, outstanding: amount(400000) };
    expect(stopShippingReasons(input, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual(["overdueDays", "overdueTotal", "overLimit", "gradeD"]);
  });

  test("thresholds come from the policy", () => {
    const policy = { ...DEFAULT_POLICY, stopShipping: { maxDaysOverdue: 30, maxOverdueTotal: toDecimal(50000) } };
    expect(stopShippingReasons({ ...calm, maxDaysOverdue: 31, overdue: amount(50001) }, stopShippingTerms(policy), 2)).toEqual(["overdueDays", "overdueTotal"]);
  });

  test("does not mutate its input", () => {
    const input = Object.freeze({ ...calm, maxDaysOverdue: 61 });
    stopShippingReasons(input, stopShippingTerms(DEFAULT_POLICY), 2);
    expect(input.maxDaysOverdue).toBe(61);
  });
});
