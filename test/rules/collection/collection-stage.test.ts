import { collectionStage } from "../../../src/rules/collection-stage";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { promiseStatus } from "../../../src/rules/promises";
import type { AgedItem } from "../../../src/rules/types";
import { amount } from "../../support/money";
import { contact, day, invoice, promise } from "./fixtures";

const AS_OF = day("2026-11-23");

function item(due: string, total = "10000"): AgedItem {
  const inv = invoice("丙公司", "C-1", "2026-10-01", due, total);
  return { state: { invoice: inv, outstanding: amount(total), applications: [], settledOn: null }, daysOverdue: AS_OF - inv.dueDate, ageDays: 0, bucket: 1, interest: 0 };
}

describe("collectionStage: three contacts without result move the customer up a stage (POLICY §7)", () => {
  // Due 11-03: 20 days overdue, phone stage (8–30), which began on 11-11 (due + 8).
  const phone = [item("2026-11-03")];

  test("no contacts: the ladder's stage, since 11-11", () => {
    expect(collectionStage(phone, [], [], AS_OF, DEFAULT_POLICY)).toEqual({
      ladderStage: "phone", stage: "phone", since: day("2026-11-11"), contactsWithoutResult: 0, brokenPromise: false, steps: 0,
    });
  });

  test("three without result since 11-11 (no answer, no answer, no outcome): formal", () => {
    const log = [contact("丙公司", "2026-11-12", "phone", "noAnswer"), contact("丙公司", "2026-11-16", "phone", "noAnswer"), contact("丙公司", "2026-11-20", "sms")];
    const result = collectionStage(phone, log, [], AS_OF, DEFAULT_POLICY);
    expect([result.stage, result.contactsWithoutResult, result.steps]).toEqual(["formal", 3, 1]);
  });

  test("contacts before the stage began, after the as-of date, or with a result do not count", () => {
    const log = [
      contact("丙公司", "2026-11-10", "phone", "noAnswer"), // reminder stage
      contact("丙公司", "2026-11-12", "phone", "noAnswer"),
      contact("丙公司", "2026-11-13", "phone", "paid"),
      contact("丙公司", "2026-11-14", "phone", "disputed"),
      contact("丙公司", "2026-11-15", "email", "refused"),
      contact("丙公司", "2026-11-24", "phone", "noAnswer"), // after the as-of date
    ];
    const result = collectionStage(phone, log, [], AS_OF, DEFAULT_POLICY);
    expect([result.stage, result.contactsWithoutResult]).toEqual(["phone", 2]);
  });

  test("six without result: two stages up (phone → formal → lawyer); capped at the last stage", () => {
    const six = ["12", "13", "14", "15", "16", "17"].map((d) => contact("丙公司", `2026-11-${d}`, "phone", "noAnswer"));
    expect(collectionStage(phone, six, [], AS_OF, DEFAULT_POLICY).stage).toBe("lawyer");
    // 100 days overdue: legal, the last stage; nothing above it.
    const legal = collectionStage([item("2026-08-15")], six, [], AS_OF, DEFAULT_POLICY);
    expect([legal.ladderStage, legal.stage, legal.steps]).toEqual(["legal", "legal", 0]);
  });

  test("a promise broken since the stage began escalates one stage; one broken before does not", () => {
    const brokenNow = promiseStatus(promise("丙公司", "2026-11-12", "2026-11-20", "10000"), [], AS_OF);
    const brokenBefore = promiseStatus(promise("丙公司", "2026-11-05", "2026-11-08", "10000"), [], AS_OF);
    expect(collectionStage(phone, [], [brokenNow], AS_OF, DEFAULT_POLICY).stage).toBe("formal");
    expect(collectionStage(phone, [], [brokenBefore], AS_OF, DEFAULT_POLICY).stage).toBe("phone");
  });

  test("pre-due notices are never escalated; nothing chased means no stage", () => {
    const preDue = collectionStage([item("2026-11-26")], ["1", "2", "3"].map((d) => contact("丙公司", `2026-11-2${d}`, "phone", "noAnswer")), [], AS_OF, DEFAULT_POLICY);
    expect([preDue.ladderStage, preDue.stage]).toEqual(["preDue", "preDue"]);
    expect(collectionStage([], [], [], AS_OF, DEFAULT_POLICY).stage).toBeNull();
  });
});
