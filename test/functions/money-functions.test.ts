import "../support/custom-functions";
import { asError, thrown } from "../support/cf-helpers";
import { limit, penalty, provision } from "../../src/functions/functions";

// 2026-01-01 = 46023, 2026-01-31 = 46053.

describe("AR.PENALTY", () => {
  it("charges 0.05 % a day: 100,000 thirty days late is 1,500", () => {
    expect(penalty([[100000]], [[46023]], [[46053]])).toEqual([[1500]]);
    expect(penalty([[100000]], [["2026-01-01"]], [["2026-01-31"]])).toEqual([[1500]]);
  });

  it("takes a daily rate and grace days", () => {
    expect(penalty([[100000]], [[46023]], [[46053]], [[0.001]])).toEqual([[3000]]);
    // 10 grace days leave 20 days: 100,000 × 0.0005 × 20
    expect(penalty([[100000]], [[46023]], [[46053]], undefined, [[10]])).toEqual([[1000]]);
    expect(penalty([[100000]], [[46023]], [[46033]], undefined, [[10]])).toEqual([[0]]);
  });

  it("rounds half-up to the fen exactly, where binary floating point would not", () => {
    // 10.70 × 0.0005 × 500 = 2.675 → 2.68 (10.7 * 0.0005 * 500 in floats is 2.67499…)
    expect(penalty([[10.7]], [[46023]], [[46523]])).toEqual([[2.68]]);
    // 1 × 0.0005 × 10 = 0.005 → 0.01
    expect(penalty([[1]], [[46023]], [[46033]])).toEqual([[0.01]]);
  });

  it("is 0 before and on the due date and for credit notes", () => {
    expect(penalty([[100000], [100000], [-500]], [[46053], [46023], [46000]], [[46023]])).toEqual([[0], [0], [0]]);
  });

  it("spills per row with blanks and one bad amount", () => {
    const result = penalty([[100000], [null], ["abc"], ["20,000"]], [[46023]], [[46053]]);
    expect(result[0][0]).toBe(1500);
    expect(result[1][0]).toBe("");
    expect(asError(result[2][0]).message).toBe('amount: "abc" is not a number');
    expect(result[3][0]).toBe(300);
  });

  it("pairs due dates row by row and reports a blank or bad one in its cell", () => {
    const result = penalty([[100000], [100000], [100000]], [[46023], [null], ["2026-02-30"]], [[46053]]);
    expect(result[0][0]).toBe(1500);
    expect(asError(result[1][0]).message).toBe("due_date: the due date is blank");
    expect(asError(result[2][0]).message).toMatch(/^due_date: "2026-02-30" is not a date/);
  });

  it("refuses a negative rate for the whole call", () => {
    expect(thrown(() => penalty([[1]], [[46023]], [[46053]], [[-0.001]])).message).toMatch(/^daily_rate: -0.001 is negative/);
  });
});

describe("AR.LIMIT", () => {
  it("cuts the fixed limit 10 / 30 / 50 % for 1 / 2 / 3+ late payments", () => {
    expect(limit([[1000000], [1000000], [1000000], [1000000], [1000000]], [[0], [1], [2], [3], [5]])).toEqual([
      [1000000],
      [900000],
      [700000],
      [500000],
      [500000],
    ]);
  });

  it("rounds the cut limit half-up to the fen, with cents or more decimals in the fixed limit", () => {
    // 333.33 × 0.9 = 299.997 → 300.00; 1000.005 uncut → 1000.01; 0.1 + 0.2 read as 0.30000000000000004 → 0.30.
    expect(limit([[333.33], [1000.005], [0.1 + 0.2], [12345.67]], [[1], [0], [0], [0]])).toEqual([[300], [1000.01], [0.3], [12345.67]]);
  });

  it("is 0 for grade D and for late payments in 3 consecutive months", () => {
    expect(limit([[1000000]], undefined, [["D"]])).toEqual([[0]]);
    expect(limit([[1000000]], [[3]], undefined, undefined, [[3]])).toEqual([[0]]);
    expect(limit([[1000000]], [[2]], undefined, undefined, [[2]])).toEqual([[700000]]);
  });

  it("adds the temporary limit after the cut", () => {
    expect(limit([[1000000]], [[2]], [[""]], [[100000]])).toEqual([[800000]]);
    expect(limit([[1000000]], undefined, [["c"]], [[500000]])).toEqual([[1500000]]);
  });

  it("refuses a temporary limit over 50 % of the fixed limit, in that cell only", () => {
    const result = limit([[1000000], [1000000]], undefined, undefined, [[600000], [500000]]);
    const error = asError(result[0][0]);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe("temporary_limit: 600000 is more than 50 % of the fixed limit 1000000");
    expect(result[1][0]).toBe(1500000);
  });

  it("refuses an unknown grade and a fractional count", () => {
    // One cell for a whole column fails the call; a bad cell inside a range fails only its row.
    expect(thrown(() => limit([[1000]], undefined, [["E"]])).message).toBe('grade: "E" is not a grade; use A, B, C or D');
    expect(asError(limit([[1000], [1000]], undefined, [["E"], ["B"]])[0][0]).message).toBe(
      'grade: "E" is not a grade; use A, B, C or D',
    );
    expect(asError(limit([[1000], [1000]], [[1.5], [1]])[0][0]).message).toBe(
      "late_payments: 1.5 must be a whole number, 0 or more",
    );
  });
});

describe("AR.PROVISION", () => {
  it("applies the band of the age: 5 % within a year, 30 % at 2–3 years, 100 % over 5", () => {
    expect(provision([[10000], [2000], [1000]], [[100], [800], [2000]])).toEqual([[500], [600], [1000]]);
    expect(provision([[10000]], [[365]])).toEqual([[500]]);
    expect(provision([[10000]], [[366]])).toEqual([[1000]]);
  });

  it("rounds half-up to the fen: 333.33 × 5 % = 16.6665 → 16.67", () => {
    expect(provision([[333.33]], [[10]])).toEqual([[16.67]]);
  });

  it("leaves a blank amount blank and reports a missing age", () => {
    const result = provision([[null], [100]], [[10], [null]]);
    expect(result[0][0]).toBe("");
    expect(asError(result[1][0]).message).toBe("age_days: the age is blank");
  });
});
