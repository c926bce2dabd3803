import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { todaysWork } from "../../../src/rules/today";
import type { Ledger } from "../../../src/rules/types";
import { contact, day, payment, promise } from "./fixtures";

const AS_OF = day("2026-11-23");

describe("todaysWork (今日待办)", () => {
  const ledger: Ledger = {
    scale: 2,
    invoices: [],
    payments: [payment("丙公司", "2026-11-19", "3000")], // keeps its promise of 11-20
    customers: [],
    promises: [promise("丙公司", "2026-11-10", "2026-11-20", "3000")],
    log: [
      contact("甲公司", "2026-11-10", "phone", "noAnswer", { nextAction: day("2026-11-20") }),
      contact("乙公司", "2026-11-01", "phone", "noAnswer", { nextAction: day("2026-11-05") }),
      contact("乙公司", "2026-11-18", "email", "paid"), // the latest contact sets no next action: nothing due
      contact("丁公司", "2026-11-22", "visit", "promised", { nextAction: day("2026-11-23"), promised: ["2026-11-25", "8000"] }),
      contact("戊公司", "2026-11-01", "phone", "promised", { promised: ["2026-11-15", "1000"] }), // broken, not followed up
      contact("己公司", "2026-11-01", "phone", "promised", { promised: ["2026-11-15", "1000"] }),
      contact("己公司", "2026-11-17", "phone", "noAnswer"), // followed up after the broken promise
      contact("庚公司", "2026-11-20", "phone", "promised", { promised: ["2026-12-10", "1000"] }), // not yet due
      contact("辛公司", "2026-11-24", "phone", "noAnswer", { nextAction: day("2026-11-24") }), // after the day
    ],
  };

  test("next actions due today or earlier, from each customer's latest contact, the latest first", () => {
    const work = todaysWork(ledger, AS_OF, DEFAULT_POLICY);
    expect(work.nextActions.map((n) => [n.customer, n.daysLate])).toEqual([
      ["甲公司", 3],
      ["丁公司", 0],
    ]);
  });

  test("promises: broken and not followed up first, then open ones due within 3 days; kept ones and later ones left out", () => {
    const work = todaysWork(ledger, AS_OF, DEFAULT_POLICY);
    expect(work.promises.map((p) => [p.status.promise.customer, p.status.state, p.daysToDate])).toEqual([
      ["戊公司", "broken", -8],
      ["丁公司", "open", 2],
    ]);
    expect(todaysWork(ledger, AS_OF, DEFAULT_POLICY, 20).promises.map((p) => p.status.promise.customer)).toEqual(["戊公司", "丁公司", "庚公司"]);
  });
});
