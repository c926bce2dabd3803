import { applyLedger } from "../../../src/rules/ledger";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { onTimeSettlementDays, promiseRequirement } from "../../../src/rules/promise-required";
import type { LateEvent } from "../../../src/rules/types";
import { day, invoice, payment, promise } from "./fixtures";

const AS_OF = day("2026-11-23");
const late = (date: string, kind: LateEvent["kind"] = "paidLate"): LateEvent => ({ invoiceNo: "X", invoiceCount: 1, date: day(date), kind });

describe("promiseRequirement: 2 late payments in a row or 3 within a year (POLICY §11)", () => {
  test("paid late 09-10 and again 10-12, nothing on time between: required since 10-12", () => {
    expect(promiseRequirement([late("2026-09-10"), late("2026-10-12")], null, [], [], AS_OF, DEFAULT_POLICY)).toEqual({ required: true, since: day("2026-10-12"), reason: "twoInARow" });
  });

  test("an on-time payment between the two late ones breaks the row; three within a year still count", () => {
    expect(promiseRequirement([late("2026-09-10"), late("2026-10-12")], null, [day("2026-09-30")], [], AS_OF, DEFAULT_POLICY).required).toBe(false);
    const three = promiseRequirement([late("2026-01-10"), late("2026-05-10"), late("2026-10-12")], null, [day("2026-02-28"), day("2026-06-30")], [], AS_OF, DEFAULT_POLICY);
    expect(three).toEqual({ required: true, since: day("2026-10-12"), reason: "threeInAYear" });
  });

  test("three late payments more than a year apart are not three within a year", () => {
    const spread = promiseRequirement([late("2025-10-01"), late("2026-03-01"), late("2026-10-12")], null, [day("2025-12-01"), day("2026-05-01")], [], AS_OF, DEFAULT_POLICY);
    expect(spread.required).toBe(false);
  });

  test("late now counts from the day the oldest open invoice fell overdue: paid late 09-10, open overdue since 11-01", () => {
    const events = [late("2026-09-10"), late("2026-11-23", "openOverdue")];
    expect(promiseRequirement(events, day("2026-11-01"), [], [], AS_OF, DEFAULT_POLICY).since).toBe(day("2026-11-01"));
    // A promise recorded on 11-02 answers it; one recorded on 10-20 does not.
    expect(promiseRequirement(events, day("2026-11-01"), [], [promise("丁公司", "2026-11-02", "2026-11-30", "1")], AS_OF, DEFAULT_POLICY).required).toBe(false);
    expect(promiseRequirement(events, day("2026-11-01"), [], [promise("丁公司", "2026-10-20", "2026-10-31", "1")], AS_OF, DEFAULT_POLICY).required).toBe(true);
  });

  test("a broken promise is a late payment too", () => {
    expect(promiseRequirement([late("2026-09-10"), late("2026-10-30", "brokenPromise")], null, [], [], AS_OF, DEFAULT_POLICY).reason).toBe("twoInARow");
  });

  test("a trigger outside the review window (12 months) does not count", () => {
    expect(promiseRequirement([late("2025-09-10"), late("2025-10-12")], null, [], [], AS_OF, DEFAULT_POLICY).required).toBe(false);
  });

  test("onTimeSettlementDays: invoices settled on or before their due dates, each day once", () => {
    const ledger = {
      scale: 2,
      invoices: [
        invoice("丁公司", "D-1", "2026-08-01", "2026-08-31", "1000"),
        invoice("丁公司", "D-2", "2026-08-01", "2026-08-31", "1000"),
        invoice("丁公司", "D-3", "2026-09-01", "2026-09-30", "1000"),
      ],
      payments: [payment("丁公司", "2026-08-30", "2000"), payment("丁公司", "2026-10-05", "1000")],
      customers: [],
    };
    expect(onTimeSettlementDays(applyLedger(ledger, AS_OF, DEFAULT_POLICY).accounts[0], AS_OF)).toEqual([day("2026-08-30")]);
  });
});
