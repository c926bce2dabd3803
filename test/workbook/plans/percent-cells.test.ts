import { Dec } from "../../../src/rules/decimal";
import { percentCell, shareCell } from "../../../src/workbook/plans/percent-cells";

describe("shareCell", () => {
  it("is part ÷ whole to six decimals, half-up, blank when whole is 0", () => {
    expect(shareCell(250000, 350000)).toBe(0.714286); // 0.7142857…
    expect(shareCell(1, 3)).toBe(0.333333);
    expect(shareCell(2, 3)).toBe(0.666667);
    expect(shareCell(350000, 350000)).toBe(1);
    expect(shareCell(0, 5)).toBe(0);
    expect(shareCell(0, 0)).toBeNull();
    expect(shareCell(7, 0)).toBeNull();
  });

  it("rounds a half at the sixth decimal away from zero, once, from the exact quotient", () => {
    expect(shareCell(1, 2000000)).toBe(0.000001); // 0.0000005
    expect(shareCell(-1, 2000000)).toBe(-0.000001);
    expect(shareCell(1, 2000001)).toBe(0); // 0.00000049999975…
    expect(Object.is(shareCell(-1, 1000000000), 0)).toBe(true); // −0.000000001 rounds to 0, not −0
    expect(shareCell(-150000, 200000)).toBe(-0.75);
  });

  it("takes amounts beyond 2^53 (bigint) exactly", () => {
    const whole = 3n * 10n ** 20n;
    expect(shareCell(10n ** 20n, whole)).toBe(0.333333);
    expect(shareCell(2n * 10n ** 20n, whole)).toBe(0.666667);
    expect(shareCell(10n ** 20n + 5n * 10n ** 13n, 10n ** 20n)).toBe(1.000001); // 1.0000005
  });
});

describe("percentCell", () => {
  it("is the percentage ÷ 100 to six decimals, blank for none", () => {
    expect(percentCell(new Dec("116.66666666"))).toBe(1.166667);
    expect(percentCell(new Dec("50"))).toBe(0.5);
    expect(percentCell(null)).toBeNull();
  });
});
