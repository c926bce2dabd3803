import { cei, collectionRate, dsoCountBack, dsoSimple } from "../../src/rules/measures";
import { RuleError } from "../../src/rules/errors";
import { Dec, toDecimal } from "../../src/rules/decimal";

describe("DSO", () => {
  test("simple: 200,000 ÷ 2,000,000 × 365 = 36.5", () => {
    expect(dsoSimple(200000, 2000000, 365)?.toString()).toBe("36.5");
    expect(dsoSimple(toDecimal("200000"), "2000000", 365)?.toString()).toBe("36.5");
  });

  test("simple: no sales → null", () => {
    expect(dsoSimple(200000, 0, 365)).toBeNull();
  });

  test("count-back: 212,000 against 100,000, 80,000, 70,000 → 30 + 30 + 32/70 × 30 = 73.7", () => {
    const days = dsoCountBack(212000, [100000, 80000, 70000]);
    expect(days?.toFixed(1)).toBe("73.7");
    expect(days?.toFixed(6)).toBe("73.714286");
  });

  test("count-back: exactly one month of sales → 30; a month without sales counts in full", () => {
    expect(dsoCountBack(100000, [100000, 50000])?.toString()).toBe("30");
    expect(dsoCountBack(150000, [0, 100000, 100000])?.toString()).toBe("75");
  });

  test("count-back: sales run out before the receivables → every month in full", () => {
    expect(dsoCountBack(300000, [100000, 80000])?.toString()).toBe("60");
    expect(dsoCountBack(300000, [100000, 80000], 31)?.toString()).toBe("62");
  });

  test("count-back: nothing owed → 0; no months → null", () => {
    expect(dsoCountBack(0, [100000])?.toString()).toBe("0");
    expect(dsoCountBack(1000, [])).toBeNull();
  });

  test("does not mutate its input", () => {
    const sales = Object.freeze([100000, 80000, 70000]);
    dsoCountBack(212000, sales);
    expect(sales).toEqual([100000, 80000, 70000]);
  });
});

describe("CEI", () => {
  test("opening 6,200, sales 10,890 over 3 months, closing 6,340, current 3,590 → 55.9 %", () => {
    // (6200 + 3630 − 6340) ÷ (6200 + 3630 − 3590) × 100 = 3490 ÷ 6240 × 100 = 55.93
    expect(cei(6200, 10890, 6340, 3590, 3)?.toFixed(1)).toBe("55.9");
  });

  test("the same figures as one period → 10,750 ÷ 13,500 = 79.6 %", () => {
    expect(cei(6200, 10890, 6340, 3590)?.toFixed(1)).toBe("79.6");
  });

  test("months as an exact Decimal, for a part month: 3 gives 55.9 % again; 15/28 of a month (2026-03-01 to 03-15)", () => {
    expect(cei(6200, 10890, 6340, 3590, new Dec(3))?.toFixed(1)).toBe("55.9");
    // 6,200 + 10,890 × 28/15 = 26,528; (26,528 − 6,340) ÷ (26,528 − 3,590) = 88.0 %
    expect(cei(6200, 10890, 6340, 3590, new Dec(15).dividedBy(28))?.toFixed(1)).toBe("88.0");
    expect(() => cei(1, 1, 1, 1, new Dec(0))).toThrow("measure.months");
  });

  test("zero denominator → null; months must be positive", () => {
    expect(cei(100, 0, 50, 100)).toBeNull();
    expect(() => cei(100, 0, 50, 0, 0)).toThrow(RuleError);
  });
});

describe("collection rate", () => {
  test("850,000 collected of 1,000,000 due → 85 %", () => {
    expect(collectionRate(850000, 1000000)?.toString()).toBe("85");
    expect(collectionRate("1", "3")?.toFixed(2)).toBe("33.33");
  });

  test("nothing due → null", () => {
    expect(collectionRate(5, 0)).toBeNull();
  });
});
