import fc from "fast-check";
import { interestFast, scaleRate } from "../../src/functions/fast-interest";
import { simpleInterest } from "../../src/rules/interest";
import { Dec } from "../../src/rules/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";

const policyWithRate = (rate: string) => ({ ...DEFAULT_POLICY, interest: { ...DEFAULT_POLICY.interest, dailyRate: new Dec(rate) } });

describe("interestFast", () => {
  it("scales rates to integer units", () => {
    expect(scaleRate(new Dec("0.0005"))).toEqual({ units: 5, scale: 10000 });
    expect(scaleRate(new Dec("0.00033"))).toEqual({ units: 33, scale: 100000 });
    expect(scaleRate(new Dec("0.0000000001"))).toBeNull();
  });

  it("gives the worked examples", () => {
    expect(interestFast(100000, 30, { units: 5, scale: 10000 })).toBe(1500);
    expect(interestFast(10.7, 500, { units: 5, scale: 10000 })).toBe(2.68);
    expect(interestFast(1, 10, { units: 5, scale: 10000 })).toBe(0.01);
  });

  it("declines amounts with more than two decimals and products beyond safe integers", () => {
    expect(interestFast(10.705, 10, { units: 5, scale: 10000 })).toBeNull();
    expect(interestFast(9e13, 9000, { units: 5, scale: 10000 })).toBeNull();
  });

  it("equals simpleInterest to the fen whenever it answers", () => {
    const rates = ["0.0005", "0.0003", "0.00033", "0.001", "0.000125", "0.05"];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 4000 }),
        fc.constantFrom(...rates),
        (fen, days, rate) => {
          const amount = fen / 100;
          const fast = interestFast(amount, days, scaleRate(new Dec(rate))!);
          const exact = simpleInterest(new Dec(String(amount)), days, policyWithRate(rate));
          return fast === null || fast === Number(exact.toFixed(2));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
