import "../support/custom-functions";
import { asError, rejected } from "../support/cf-helpers";
import { cei, dso, dsoCountback } from "../../src/functions/functions";

/** A measure shown to one decimal, as POLICY §11 writes them. */
const oneDecimal = (cell: unknown): string => (cell as number).toFixed(1);

describe("AR.DSO (POLICY §11)", () => {
  it("is receivables ÷ credit sales × days: 200,000 ÷ 2,000,000 × 365 = 36.5", () => {
    expect(dso([[200000]], [[2000000]])).toEqual([[36.5]]);
    expect(dso([[200000]], [[2000000]], [[360]])).toEqual([[36]]);
  });

  it("spills per row, #DIV/0! without sales, #VALUE! for a blank sale or a period of no days", () => {
    const result = dso([[200000], [1000], [1000], [null]], [[2000000], [0], [null], [5]]);
    expect(result[0][0]).toBe(36.5);
    expect(asError(result[1][0]).code).toBe("#DIV/0!");
    expect(asError(result[2][0]).message).toBe("credit_sales: the cell is blank");
    expect(result[3][0]).toBe("");
    expect(() => dso([[1]], [[1]], [[0]])).toThrow();
  });
});

describe("AR.DSO.COUNTBACK (POLICY §11)", () => {
  it("walks back month by month: 212,000 against 100,000, 80,000, 70,000 → 30 + 30 + 32/70 × 30 = 73.7", () => {
    expect(oneDecimal(dsoCountback([[212000]], [[100000], [80000], [70000]])[0][0])).toBe("73.7");
    expect(oneDecimal(dsoCountback([[212000]], [[100000, 80000, 70000, null, null]])[0][0])).toBe("73.7");
  });

  it("counts every month in full when the sales run out first, and takes the days of a month", () => {
    expect(dsoCountback([[500000]], [[100000, 80000]])).toEqual([[60]]);
    expect(dsoCountback([[150000]], [[100000, 100000]], [[31]])).toEqual([[46.5]]);
  });

  it("gives one row of months per receivables figure, and names a blank month", () => {
    const result = dsoCountback([[212000], [50000], [1]], [[100000, 80000, 70000], [100000, null, null], [null, 5, null]]);
    expect(oneDecimal(result[0][0])).toBe("73.7");
    expect(result[1][0]).toBe(15);
    expect(asError(result[2][0]).message).toBe("monthly_sales: month 1 is blank; enter 0 for a month without sales");
  });
});

describe("AR.CEI (POLICY §11)", () => {
  it("is 55.9 % for opening 6,200, three months' sales 10,890, closing 6,340, closing current 3,590", () => {
    expect(oneDecimal(cei([[6200]], [[10890]], [[6340]], [[3590]], [[3]])[0][0])).toBe("55.9");
  });

  it("is 79.6 % with the same figures over one month, the default", () => {
    expect(oneDecimal(cei([[6200]], [[10890]], [[6340]], [[3590]])[0][0])).toBe("79.6");
  });

  it("gives #DIV/0! when the denominator is 0, and refuses 0 months", async () => {
    expect(asError(cei([[100]], [[0]], [[50]], [[100]])[0][0]).code).toBe("#DIV/0!");
    expect(asError(cei([[100], [100]], [[0]], [[50]], [[100]], [[0], [-1]])[1][0]).message).toBe("months: -1 must be more than 0");
    expect((await rejected(Promise.resolve().then(() => cei([[1]], [[1]], [[1]], [[1]], [["x"]])))).message).toBe('months: "x" is not a number');
  });
});
