import { fromYmd } from "../../src/rules/dates";
import { toDecimal } from "../../src/rules/decimal";
import { amount } from "../support/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import { stopShippingReasons, stopShippingTerms, type StopShippingInput } from "../../src/rules/stop-shipping";

const AS_OF = fromYmd(2026, 11, 23);
const calm: StopShippingInput = { maxDaysOverdue: 0, asOf: AS_OF, overdue: 0, overLimit: false, grade: "A", outstanding: amount(1000) };
/** Days from a due date to the as-of date 2026-11-23. */
const daysSince = (y: number, m: number, d: number): number => AS_OF - fromYmd(y, m, d);

describe("stopShippingReasons (POLICY §5: 以上 includes the number)", () => {
  test("nothing wrong → no reason", () => {
    expect(stopShippingReasons(calm, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual([]);
  });

  test("2 calendar months or more overdue: due 09-23 (61 days) stops on 11-23; due 09-24 (60 days) does not", () => {
    expect(daysSince(2026, 9, 23)).toBe(61);
    expect(stopShippingReasons({ ...calm, maxDaysOverdue: daysSince(2026, 9, 23) }, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual(["overdueMonths"]);
    expect(stopShippingReasons({ ...calm, maxDaysOverdue: daysSince(2026, 9, 24) }, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual([]);
  });

  test("calendar months, not 60 days: due 12-31 → 2 months later is 02-28 (59 days), so it stops on 02-28", () => {
    const asOf = fromYmd(2027, 2, 28);
    const days = asOf - fromYmd(2026, 12, 31);
    expect(days).toBe(59);
    expect(stopShippingReasons({ ...calm, asOf, maxDaysOverdue: days }, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual(["overdueMonths"]);
    expect(stopShippingReasons({ ...calm, asOf: asOf - 1, maxDaysOverdue: days - 1 }, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual([]);
  });

  test("overdue total 200,000 or more: 199,999.99 is not enough, 200,000.00 is", () => {
    expect(stopShippingReasons({ ...calm, overdue: amount("199999.99") }, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual([]);
    expect(stopShippingReasons({ ...calm, overdue: amount("200000.00") }, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual(["overdueTotal"]);
    expect(stopShippingReasons({ ...calm, overdue: amount("200000.001", 3) }, stopShippingTerms(DEFAULT_POLICY), 3)).toEqual(["overdueTotal"]);
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
    const input = { ...calm, maxDaysOverdue: 95, overdue: amount(350000), overLimit: true, grade: "D" as const, outstanding: amount(400000) };
    expect(stopShippingReasons(input, stopShippingTerms(DEFAULT_POLICY), 2)).toEqual(["overdueMonths", "overdueTotal", "overLimit", "gradeD"]);
  });

  test("thresholds come from the policy: 1 month, 50,000", () => {
    const policy = { ...DEFAULT_POLICY, stopShipping: { overdueMonths: 1, maxOverdueTotal: toDecimal(50000) } };
    // Due 10-23: one month later is 11-23, the as-of date.
    expect(stopShippingReasons({ ...calm, maxDaysOverdue: daysSince(2026, 10, 23), overdue: amount(50000) }, stopShippingTerms(policy), 2)).toEqual([
      "overdueMonths",
      "overdueTotal",
    ]);
  });

  test("does not mutate its input", () => {
    const input = Object.freeze({ ...calm, maxDaysOverdue: 61 });
    stopShippingReasons(input, stopShippingTerms(DEFAULT_POLICY), 2);
    expect(input.maxDaysOverdue).toBe(61);
  });
});
