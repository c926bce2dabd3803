import { problemText } from "../../src/i18n/messages";
import fc from "fast-check";
import { fromYmd } from "../../src/rules/dates";
import { checkTemporaryLimit, effectiveLimit, limitTerms } from "../../src/rules/limit";
import { amount, exact, shown } from "../support/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { Grade, LateEvent } from "../../src/rules/types";

const ASOF = fromYmd(2026, 6, 30);
const late = (y: number, m: number, d: number): LateEvent => ({ invoiceNo: `INV-${y}${m}${d}`, invoiceCount: 1, date: fromYmd(y, m, d), kind: "paidLate" });

function limitFor(fixed: string, temporary: string, events: LateEvent[], grade: Grade = "B") {
  return effectiveLimit({ fixed: amount(fixed), temporary: amount(temporary), grade, events, asOf: ASOF }, limitTerms(DEFAULT_POLICY), 2);
}

describe("effectiveLimit", () => {
  test("POLICY.md worked example: 1,000,000 with two late payments → 700,000", () => {
    const result = limitFor("1000000", "0", [late(2026, 1, 10), late(2026, 4, 10)]);
    expect(exact(result.effective)).toBe("700000");
    expect(exact(result.cutFixed)).toBe("700000");
    expect(result.cutRatio.toString()).toBe("0.3");
    expect(result.lateCount).toBe(2);
    expect(result.strictlyControlled).toBe(false);
    expect(result.zeroReason).toBeUndefined();
  });

  test.each<[number, string]>([
    [0, "1000000"],
    [1, "900000"],
    [2, "700000"],
    [3, "500000"],
    [5, "500000"],
  ])("%i late payments in non-consecutive months → %s", (count, expected) => {
    // Every other month, all inside the 12-month window back from 2026-06-30.
    const events = [late(2025, 8, 15), late(2025, 10, 15), late(2025, 12, 15), late(2026, 2, 15), late(2026, 4, 15)].slice(0, count);
    expect(events).toHaveLength(count);
    expect(exact(limitFor("1000000", "0", events).effective)).toBe(expected);
  });

  test("temporary limit adds to the cut fixed limit: 900,000 + 200,000 = 1,100,000", () => {
    expect(exact(limitFor("1000000", "200000", [late(2026, 2, 1)]).effective)).toBe("1100000");
  });

  test("POLICY §4: a temporary limit over 50 % counts as 50 %: fixed 200,000 + temporary 120,000 → 300,000, not 320,000", () => {
    const result = limitFor("200000", "120000", []);
    expect(exact(result.temporary)).toBe("100000");
    expect(exact(result.effective)).toBe("300000");
    // Exactly 50 % counts in full; the ceiling of 200,000.01 × 50 % = 100,000.005 is rounded down to 100,000.00.
    expect(exact(limitFor("200000", "100000", []).effective)).toBe("300000");
    expect(exact(limitFor("200000.01", "150000", []).temporary)).toBe("100000");
  });

  test("POLICY §4: one late-payment event (one remittance for three invoices) cuts 10 %, not 50 %", () => {
    const oneRemittance: LateEvent = { invoiceNo: "INV-1", invoiceCount: 3, date: fromYmd(2026, 4, 10), kind: "paidLate" };
    const result = limitFor("1000000", "0", [oneRemittance]);
    expect(result.lateCount).toBe(1);
    expect(exact(result.effective)).toBe("900000");
  });

  test("only the window counts: exactly 12 months back is outside", () => {
    const result = limitFor("1000000", "0", [late(2025, 6, 30), late(2025, 1, 1), late(2025, 7, 1), late(2026, 7, 1)]);
    expect(result.lateCount).toBe(1);
    expect(exact(result.effective)).toBe("900000");
  });

  test("late in 3 consecutive calendar months → 0", () => {
    const result = limitFor("1000000", "200000", [late(2026, 2, 28), late(2026, 3, 1), late(2026, 4, 30)]);
    expect(exact(result.effective)).toBe("0");
    expect(result.zeroReason).toBe("consecutive");
    expect(exact(result.cutFixed)).toBe("500000");
  });

  test("consecutive months across a year end (Nov, Dec, Jan) → 0; Nov, Dec, Feb → cut only", () => {
    expect(limitFor("1000000", "0", [late(2025, 11, 5), late(2025, 12, 5), late(2026, 1, 5)]).zeroReason).toBe("consecutive");
    const gap = limitFor("1000000", "0", [late(2025, 11, 5), late(2025, 12, 5), late(2026, 2, 5)]);
    expect(gap.zeroReason).toBeUndefined();
    expect(exact(gap.effective)).toBe("500000");
  });

  test("two late payments in the same month count twice but make no run of months", () => {
    const result = limitFor("1000000", "0", [late(2026, 5, 1), late(2026, 5, 20)]);
    expect(result.lateCount).toBe(2);
    expect(exact(result.effective)).toBe("700000");
  });

  test("grade D → 0 (cash on delivery); grade C → strictly controlled, limit as cut", () => {
    const d = limitFor("1000000", "200000", [late(2026, 6, 1)], "D");
    expect(exact(d.effective)).toBe("0");
    expect(d.zeroReason).toBe("gradeD");
    const c = limitFor("1000000", "0", [late(2026, 1, 1)], "C");
    expect(c.strictlyControlled).toBe(true);
    expect(exact(c.effective)).toBe("900000");
  });

  test("the cut limit is rounded to the fen: 1,000.05 × 0.9 = 900.045 → 900.05", () => {
    expect(shown(limitFor("1000.05", "0", [late(2026, 1, 1)]).effective)).toBe("900.05");
  });

  test("negative limits are read as 0", () => {
    expect(exact(limitFor("-100", "-5", []).effective)).toBe("0");
  });

  test("effective limit always within [0, fixed + temporary] (property)", () => {
    const grades: Grade[] = ["A", "B", "C", "D"];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_00 }),
        fc.integer({ min: 0, max: 5_000_000_00 }),
        fc.constantFrom(...grades),
        fc.array(fc.integer({ min: -800, max: 30 }), { maxLength: 8 }),
        (fixedFen, temporaryFen, grade, offsets) => {
          const fixed = fixedFen;
          const temporary = temporaryFen;
          const events = offsets.map((o) => ({ invoiceNo: "X", invoiceCount: 1, date: ASOF + o, kind: "paidLate" as const }));
          const { effective } = effectiveLimit({ fixed, temporary, grade, events, asOf: ASOF }, limitTerms(DEFAULT_POLICY), 2);
          // The temporary limit counts at most half the fixed limit.
          return effective >= 0 && effective <= fixed + Math.min(temporary, Math.floor(fixed / 2));
        },
      ),
      { numRuns: 500 },
    );
  });

  test("does not mutate its input", () => {
    const events = Object.freeze([Object.freeze(late(2026, 1, 10)), Object.freeze(late(2026, 4, 10))]);
    const input = Object.freeze({ fixed: amount(1000000), temporary: 0, grade: "B" as Grade, events, asOf: ASOF });
    effectiveLimit(input, limitTerms(DEFAULT_POLICY), 2);
    expect(exact(input.fixed)).toBe("1000000");
    expect(events.map((e) => e.date)).toEqual([fromYmd(2026, 1, 10), fromYmd(2026, 4, 10)]);
  });
});

describe("checkTemporaryLimit", () => {
  test("at most 50 % of the fixed limit", () => {
    expect(checkTemporaryLimit(amount(1000000), amount(500000), limitTerms(DEFAULT_POLICY), 2)).toBeNull();
    const error = checkTemporaryLimit(amount(1000000), amount("500000.01"), limitTerms(DEFAULT_POLICY), 2);
    expect(error?.code).toBe("limit.temporaryTooHigh");
    expect(error?.field).toBe("temporaryLimit");
    const tooHigh = checkTemporaryLimit(amount(1000000), amount(600000), limitTerms(DEFAULT_POLICY), 2);
    expect(tooHigh === null ? null : problemText(tooHigh, "en")).toBe("temporary limit 600000 is more than 50% of the fixed limit 1000000");
    expect(tooHigh === null ? null : problemText(tooHigh, "zh-CN")).toContain("600000");
  });
});
