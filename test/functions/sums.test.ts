import "../support/custom-functions";
import { asError, rejected } from "../support/cf-helpers";
import { clock } from "../../src/functions/coerce";
import { bucketsum, interest } from "../../src/functions/functions";

// Serials (1900 system): 2026-01-01 = 46023, 2026-01-11 = 46033, 2026-01-21 = 46043,
// 2026-01-31 = 46053, 2026-11-23 = 46349.

describe("AR.BUCKETSUM", () => {
  // As of 2026-11-23: due in 5 days (not due), 10 days overdue (1–30), 45 (31–60), 75 (61–90), 120 (over 90).
  const amounts = [[1000], [250.5], [333.33], [0.01], [2000], [null], [99]];
  const dueDates = [[46354], [46339], [46304], [46304], [46274], [46000], [46229]];

  it("spills one row with every bucket of the policy, not due first", async () => {
    // 31–60: 333.33 + 0.01 = 333.34; over 90: 99 (the blank amount is left out)
    expect(await bucketsum(amounts, dueDates, undefined, [[46349]])).toEqual([[1000, 250.5, 333.34, 2000, 99]]);
  });

  it("gives one bucket by its name in any language or by its number, a column of buckets spilling a column", async () => {
    expect(await bucketsum(amounts, dueDates, [["31-60天"]], [[46349]])).toEqual([[333.34]]);
    expect(await bucketsum(amounts, dueDates, [["61-90 days"], ["未到期"], [5], [""]], [[46349]])).toEqual([[2000], [1000], [99], [""]]);
    const result = await bucketsum(amounts, dueDates, [["31-60天"], ["soon"], [6]], [[46349]]);
    expect(result[0][0]).toBe(333.34);
    expect(asError(result[1][0]).message).toBe(
      'bucket: "soon" is not a bucket of the policy; use one of 未到期, 1-30天, 31-60天, 61-90天, 90天以上, or its number 1 to 5'.replace(
        "未到期, 1-30天, 31-60天, 61-90天, 90天以上",
        "Not due, 1-30 days, 31-60 days, 61-90 days, Over 90 days",
      ),
    );
    expect(asError(result[2][0]).code).toBe("#VALUE!");
  });

  it("adds up exactly: 0.1 + 0.2 and amounts with more decimals, shown to the fen; one due date serves every amount", async () => {
    expect(await bucketsum([[0.1], [0.2], [1063.125], [0.005]], [[46339]], [[2]], [[46349]])).toEqual([[1063.43]]);
  });

  it("names the row of a bad amount or a missing due date, failing the call", async () => {
    expect((await rejected(bucketsum([[1], ["abc"]], [[46339], [46339]], undefined, [[46349]]))).message).toBe('amounts: row 2: "abc" is not a number');
    expect((await rejected(bucketsum([[1], [2]], [[46339], [null]], undefined, [[46349]]))).message).toBe("due_dates: row 2: the due date is blank");
    expect((await rejected(bucketsum([[1], [2], [3]], [[46339], [46339]]))).message).toMatch(/^due_dates: a range of 2×1 cells does not match the 3×1 cells/);
  });

  it("ages as of today when as_of is omitted", async () => {
    const spy = jest.spyOn(clock, "now").mockReturnValue(new Date(2026, 10, 23, 9, 0));
    expect(await bucketsum([[100]], [[46304]], [["31-60 days"]])).toEqual([[100]]);
    spy.mockRestore();
  });
});

describe("AR.INTEREST", () => {
  it("declines with dated part payments: 100,000 due 2026-01-01, 40,000 paid 2026-01-11, as of 2026-01-31 → 1,100.00", async () => {
    // 40,000 × 10 days + 60,000 × 30 days = 2,200,000 yuan-days × 0.0005
    expect(await interest([[100000]], [[46023]], [[46033]], [[40000]], [[46053]])).toEqual([[1100]]);
  });

  it("takes payments in date order whatever their order, never more than is open, and leaves out those after as_of", async () => {
    // Paid 60,000 on 01-21 and 60,000 on 01-11: 01-11 settles 60,000, 01-21 the remaining 40,000 (20,000 is credit).
    // 60,000 × 10 + 40,000 × 20 = 1,400,000 × 0.0005 = 700.00; a payment on 02-15 is after as_of
    expect(await interest([[100000]], [[46023]], [[46043, 46033, 46068]], [[60000, 60000, 100000]], [[46053]])).toEqual([[700]]);
  });

  it("gives one row per invoice with one row of payments each", async () => {
    const result = await interest(
      [[100000], [10000], [5000]],
      [[46023]],
      [[46033, null], [null, null], [46053, 46000]],
      [[40000, null], [null, null], [1, null]],
      [[46053]],
    );
    // 10,000 unpaid 30 days: 150.00; the third row pairs a date with no amount
    expect(result[0][0]).toBe(1100);
    expect(result[1][0]).toBe(150);
    expect(asError(result[2][0]).message).toBe("payment_amounts: payment 2 has a date but no amount");
  });

  it("refuses payment rows that do not match the invoices, and negative payments", async () => {
    expect((await rejected(interest([[1], [2]], [[46023]], [[46033]], [[1]], [[46053]]))).message).toBe(
      "payment_dates: a range of 1 rows does not match the 2 rows of the first argument; give one row per row of it",
    );
    expect((await rejected(interest([[1000]], [[46023]], [[46033]], [[-5]], [[46053]]))).message).toBe("payment_amounts: -5 is negative");
  });

  it("is 0 for a credit note and before the due date", async () => {
    expect(await interest([[-500], [1000]], [[46023], [46060]], [[null]], [[null]], [[46053]])).toEqual([[0], [0]]);
  });
});
