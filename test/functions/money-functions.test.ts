import "../support/custom-functions";
import { asError, rejected } from "../support/cf-helpers";
import fc from "fast-check";
import { limit, penalty, provision } from "../../src/functions/functions";

// 2026-01-01 = 46023, 2026-01-31 = 46053.

describe("AR.PENALTY", () => {
  it("charges 0.05 % a day: 100,000 thirty days late is 1,500", async () => {
    expect(await penalty([[100000]], [[46023]], [[46053]])).toEqual([[1500]]);
    expect(await penalty([[100000]], [["2026-01-01"]], [["2026-01-31"]])).toEqual([[1500]]);
  });

  it("takes a daily rate and grace days", async () => {
    expect(await penalty([[100000]], [[46023]], [[46053]], [[0.001]])).toEqual([[3000]]);
    // 10 grace days leave 20 days: 100,000 × 0.0005 × 20
    expect(await penalty([[100000]], [[46023]], [[46053]], undefined, [[10]])).toEqual([[1000]]);
    expect(await penalty([[100000]], [[46023]], [[46033]], undefined, [[10]])).toEqual([[0]]);
  });

  it("rounds half-up to the fen exactly, where binary floating point would not", async () => {
    // 10.70 × 0.0005 × 500 = 2.675 → 2.68 (10.7 * 0.0005 * 500 in floats is 2.67499…)
    expect(await penalty([[10.7]], [[46023]], [[46523]])).toEqual([[2.68]]);
    // 1 × 0.0005 × 10 = 0.005 → 0.01
    expect(await penalty([[1]], [[46023]], [[46033]])).toEqual([[0.01]]);
  });

  it("is 0 before and on the due date and for credit notes", async () => {
    expect(await penalty([[100000], [100000], [-500]], [[46053], [46023], [46000]], [[46023]])).toEqual([[0], [0], [0]]);
  });

  it("spills per row with blanks and one bad amount", async () => {
    const result = await penalty([[100000], [null], ["abc"], ["20,000"]], [[46023]], [[46053]]);
    expect(result[0][0]).toBe(1500);
    expect(result[1][0]).toBe("");
    expect(asError(result[2][0]).message).toBe('amount: "abc" is not a number');
    expect(result[3][0]).toBe(300);
  });

  it("pairs due dates row by row and reports a blank or bad one in its cell", async () => {
    const result = await penalty([[100000], [100000], [100000]], [[46023], [null], ["2026-02-30"]], [[46053]]);
    expect(result[0][0]).toBe(1500);
    expect(asError(result[1][0]).message).toBe("due_date: the due date is blank");
    expect(asError(result[2][0]).message).toMatch(/^due_date: "2026-02-30" is not a date/);
  });

  it("refuses a negative rate for the whole call", async () => {
    expect((await rejected(penalty([[1]], [[46023]], [[46053]], [[-0.001]]))).message).toMatch(/^daily_rate: -0.001 is negative/);
  });

  it("charges amounts with more than two decimals exactly", async () => {
    // 1,063.125 × 0.0005 × 30 = 15.946875 → 15.95; 10.705 × 0.0005 × 10 = 0.053525 → 0.05
    expect(await penalty([[1063.125], [10.705]], [[46023]], [[46053], [46033]])).toEqual([[15.95], [0.05]]);
  });

  it("charges amounts whose products leave 2^53 exactly", async () => {
    // 90,000,000,000,000 × 0.0005 × 9,000 = 405,000,000,000,000; in fen × rate units × days, 4.05e20
    expect(await penalty([[9e13]], [[46023]], [[46023 + 9000]])).toEqual([[405000000000000]]);
    // 100,000,000,000,000 × 0.0005 × 30 = 1,500,000,000,000
    expect(await penalty([[1e14]], [[46023]], [[46053]])).toEqual([[1500000000000]]);
  });

  it("takes rates with many decimals exactly", async () => {
    // 100,000 × 0.00033 × 30 = 990; 100,000,000,000,000 × 0.0000000001 × 30 = 300,000
    expect(await penalty([[100000], [1e14]], [[46023]], [[46053]], [[0.00033], [0.0000000001]])).toEqual([[990], [300000]]);
    // 1,063.125 × 0.000123456789 × 30 = 3.937499963… → 3.94
    expect(await penalty([[1063.125]], [[46023]], [[46053]], [[0.000123456789]])).toEqual([[3.94]]);
    // 100,000,000,000,000 × 0.000123456789 × 9,000 = 111,111,110,100,000
    expect(await penalty([[1e14]], [[46023]], [[46023 + 9000]], [[0.000123456789]])).toEqual([[111111110100000]]);
  });

  it("refuses, in its cell, an amount finer than 36 decimals", async () => {
    expect(asError((await penalty([[5e-324]], [[46023]], [[46053]]))[0][0]).message).toBe("amount: 5e-324 has more than 36 decimals");
  });

  it("equals amount × rate × days rounded half-up to the fen, for any amount, rate and days", async () => {
    /** Exact model: the amount's digits times the rate's times the days, rounded once. */
    const model = (amountText: string, rateText: string, days: number): number => {
      const [whole, decimals = ""] = amountText.split(".");
      const [rateWhole, rateDecimals = ""] = rateText.split(".");
      const product = BigInt(whole + decimals) * BigInt(rateWhole + rateDecimals) * BigInt(days);
      const divisor = 10n ** BigInt(decimals.length + rateDecimals.length - 2);
      const fen = (product * 2n + divisor) / (2n * divisor);
      return Number(`${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`);
    };
    const rates = ["0.0005", "0.0003", "0.00033", "0.001", "0.000125", "0.05", "0.000123456789"];
    await fc.assert(
      fc.asyncProperty(
        // At most 15 digits, so the amount text is exactly what the cell's number shows.
        fc.integer({ min: 1, max: 999_999_999_999_999 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 4000 }),
        fc.constantFrom(...rates),
        async (units, decimals, days, rate) => {
          const digits = String(units).padStart(decimals + 1, "0");
          const amountText = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
          const shown = (await penalty([[Number(amountText)]], [[46023]], [[46023 + days]], [[Number(rate)]]))[0][0];
          return shown === model(amountText, rate, days);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("AR.LIMIT", () => {
  it("cuts the fixed limit 10 / 30 / 50 % for 1 / 2 / 3+ late payments", async () => {
    expect(await limit([[1000000], [1000000], [1000000], [1000000], [1000000]], [[0], [1], [2], [3], [5]])).toEqual([
      [1000000],
      [900000],
      [700000],
      [500000],
      [500000],
    ]);
  });

  it("rounds the cut limit half-up to the fen, with cents or more decimals in the fixed limit", async () => {
    // 333.33 × 0.9 = 299.997 → 300.00; 1000.005 uncut → 1000.01; 0.1 + 0.2 read as 0.30000000000000004 → 0.30.
    expect(await limit([[333.33], [1000.005], [0.1 + 0.2], [12345.67]], [[1], [0], [0], [0]])).toEqual([[300], [1000.01], [0.3], [12345.67]]);
    // 1,063.125 × 0.9 = 956.8125 → 956.81; × 0.7 = 744.1875 → 744.19; × 0.5 = 531.5625 → 531.56
    expect(await limit([[1063.125], [1063.125], [1063.125]], [[1], [2], [3]])).toEqual([[956.81], [744.19], [531.56]]);
  });

  it("cuts limits beyond 2^53 fen exactly", async () => {
    expect(await limit([[1e20], [123456789012345.67]], [[1]])).toEqual([[9e19], [111111110111111.1]]);
  });

  it("adds a temporary limit with more decimals than the fixed one, rounding the sum once", async () => {
    // 1,000 cut 10 % = 900.00, + 0.005 = 900.005 → 900.01; 1,000.001 → 900.00 (900.0009), + 500.0005 → 1,400.00
    expect(await limit([[1000], [1000.001]], [[1]], undefined, [[0.005], [500.0005]])).toEqual([[900.01], [1400]]);
    // Exactly 50 %: 500.0005 of 1,000.001 is allowed; 1,500.0015 → 1,500.00
    expect(await limit([[1000.001]], undefined, undefined, [[500.0005]])).toEqual([[1500]]);
    expect(asError((await limit([[1000.001]], undefined, undefined, [[500.001]]))[0][0]).message).toBe(
      "temporary_limit: 500.001 is more than 50 % of the fixed limit 1000.001",
    );
  });

  it("is 0 for grade D and for late payments in 3 consecutive months", async () => {
    expect(await limit([[1000000]], undefined, [["D"]])).toEqual([[0]]);
    expect(await limit([[1000000]], [[3]], undefined, undefined, [[3]])).toEqual([[0]]);
    expect(await limit([[1000000]], [[2]], undefined, undefined, [[2]])).toEqual([[700000]]);
  });

  it("adds the temporary limit after the cut", async () => {
    expect(await limit([[1000000]], [[2]], [[""]], [[100000]])).toEqual([[800000]]);
    expect(await limit([[1000000]], undefined, [["c"]], [[500000]])).toEqual([[1500000]]);
  });

  it("refuses a temporary limit over 50 % of the fixed limit, in that cell only", async () => {
    const result = await limit([[1000000], [1000000]], undefined, undefined, [[600000], [500000]]);
    const error = asError(result[0][0]);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe("temporary_limit: 600000 is more than 50 % of the fixed limit 1000000");
    expect(result[1][0]).toBe(1500000);
  });

  it("refuses an unknown grade and a fractional count", async () => {
    // One cell for a whole column fails the call; a bad cell inside a range fails only its row.
    expect((await rejected(limit([[1000]], undefined, [["E"]]))).message).toBe('grade: "E" is not a grade; use A, B, C or D');
    expect(asError((await limit([[1000], [1000]], undefined, [["E"], ["B"]]))[0][0]).message).toBe(
      'grade: "E" is not a grade; use A, B, C or D',
    );
    expect(asError((await limit([[1000], [1000]], [[1.5], [1]]))[0][0]).message).toBe(
      "late_payments: 1.5 must be a whole number, 0 or more",
    );
  });
});

describe("AR.PROVISION", () => {
  it("applies the band of the age: 5 % within a year, 30 % at 2–3 years, 100 % over 5", async () => {
    expect(await provision([[10000], [2000], [1000]], [[100], [800], [2000]])).toEqual([[500], [600], [1000]]);
    expect(await provision([[10000]], [[365]])).toEqual([[500]]);
    expect(await provision([[10000]], [[366]])).toEqual([[1000]]);
  });

  it("rounds half-up to the fen: 333.33 × 5 % = 16.6665 → 16.67", async () => {
    expect(await provision([[333.33]], [[10]])).toEqual([[16.67]]);
    // 1,063.125 × 10 % = 106.3125 → 106.31; a credit note of −1,000 over 4 years: −800
    expect(await provision([[1063.125], [-1000]], [[400], [1500]])).toEqual([[106.31], [-800]]);
  });

  it("provides for amounts beyond 2^53 fen exactly", async () => {
    // 100,000,000,000,000 × 30 % and 100,000,000,000,000,000,000 × 50 %
    expect(await provision([[1e14], [1e20]], [[800], [1200]])).toEqual([[30000000000000], [50000000000000000000]]);
  });

  it("leaves a blank amount blank and reports a missing age", async () => {
    const result = await provision([[null], [100]], [[10], [null]]);
    expect(result[0][0]).toBe("");
    expect(asError(result[1][0]).message).toBe("age_days: the age is blank");
  });
});
