/**
 * The cases of issue 9 "tried as a new user", as of 2026-11-23, with figures a person can check.
 */
import { accountKey } from "../../../src/rules/accounts";
import { collectionOf } from "../../../src/rules/collection";
import { lettersForReport } from "../../../src/rules/letters";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { preDueNotices } from "../../../src/rules/pre-due";
import { buildReport } from "../../../src/rules/report";
import type { Ledger, LogEntry } from "../../../src/rules/types";
import { contact, day, invoice, payment } from "./fixtures";

const AS_OF = day("2026-11-23");

function lettersOf(ledger: Ledger, asOf = AS_OF, lang: "zh-CN" | "en" = "zh-CN") {
  const report = buildReport(ledger, asOf, DEFAULT_POLICY);
  const collection = collectionOf(ledger, report, DEFAULT_POLICY);
  const excluded = new Set([...collection.values()].flatMap((state) => state.paused));
  return lettersForReport(report, DEFAULT_POLICY, lang, [], { collection, preDueNotices: preDueNotices(report, DEFAULT_POLICY, excluded) });
}

describe("issue 9, as of 2026-11-23", () => {
  // 甲公司: one invoice of 20,000.00 due 2026-10-15: 39 days overdue, the formal-demand stage (31–60).
  const jia = (log: LogEntry[], payments: Ledger["payments"] = []): Ledger => ({
    scale: 2,
    invoices: [invoice("甲公司", "INV-1", "2026-09-15", "2026-10-15", "20000.00")],
    payments,
    customers: [],
    log,
  });

  test("a customer who promised 20,000 by 11-30 for its only invoice of 20,000 gets no formal demand letter", () => {
    expect(buildReport(jia([]), AS_OF, DEFAULT_POLICY).customers[0].stage).toBe("formal");
    expect(lettersOf(jia([])).map((letter) => letter.stage)).toEqual(["formal"]);
    const promised = jia([contact("甲公司", "2026-11-02", "phone", "promised", { promised: ["2026-11-30", "20000"] })]);
    expect(lettersOf(promised)).toEqual([]);
    const state = collectionOf(promised, buildReport(promised, AS_OF, DEFAULT_POLICY), DEFAULT_POLICY).get(accountKey("甲公司", "CNY"));
    expect(state?.paused.map((item) => item.state.invoice.invoiceNo)).toEqual(["INV-1"]);
    expect(state?.pausedUntil).toBe(day("2026-11-30"));
    expect(state?.stage.stage).toBeNull();
    expect(state?.promises.map((status) => status.state)).toEqual(["open"]);
  });

  test("the same promise in the promises table pauses the letter too", () => {
    const ledger: Ledger = { ...jia([]), promises: [{ customer: "甲公司", promisedDate: day("2026-11-30"), amount: 2000000, currency: "CNY", madeOn: day("2026-11-02") }] };
    expect(lettersOf(ledger)).toEqual([]);
  });

  test("a promise of 15,000 covers nothing of a 20,000 invoice: the letter still goes", () => {
    expect(lettersOf(jia([contact("甲公司", "2026-11-02", "phone", "promised", { promised: ["2026-11-30", "15000"] })])).map((l) => l.stage)).toEqual(["formal"]);
  });

  test("broken on 11-30 (nothing paid): on 12-01 the demand goes, one stage up — the lawyer's letter — and the grade counts a late payment", () => {
    const ledger = jia([contact("甲公司", "2026-11-02", "phone", "promised", { promised: ["2026-11-30", "20000"] })]);
    const asOf = day("2026-12-01");
    const report = buildReport(ledger, asOf, DEFAULT_POLICY);
    // 47 days overdue: formal (31–60) by the ladder; the promise broke on 11-30, after the formal stage began on 11-15.
    expect(report.customers[0].stage).toBe("formal");
    expect(report.customers[0].lateEvents.map((e) => e.kind)).toEqual(["brokenPromise", "openOverdue"]);
    const state = collectionOf(ledger, report, DEFAULT_POLICY).get(accountKey("甲公司", "CNY"));
    expect(state?.promises.map((status) => status.state)).toEqual(["broken"]);
    expect([state?.stage.ladderStage, state?.stage.stage, state?.stage.brokenPromise]).toEqual(["formal", "lawyer", true]);
    expect(lettersOf(ledger, asOf).map((l) => l.stage)).toEqual(["lawyer"]);
  });

  test("kept: 20,000 received on 11-28 settles the invoice; nothing to chase", () => {
    const ledger = jia([contact("甲公司", "2026-11-02", "phone", "promised", { promised: ["2026-11-30", "20000"] })], [payment("甲公司", "2026-11-28", "20000")]);
    const asOf = day("2026-12-01");
    const report = buildReport(ledger, asOf, DEFAULT_POLICY);
    expect(collectionOf(ledger, report, DEFAULT_POLICY).get(accountKey("甲公司", "CNY"))?.promises.map((s) => s.state)).toEqual(["kept"]);
    expect(lettersOf(ledger, asOf)).toEqual([]);
  });

  test("letters say nothing of earlier reminders when the log records none", () => {
    const [letter] = lettersOf(jia([]));
    expect(letter.body).not.toContain("多次提醒");
    expect(letter.body).not.toContain("已于");
    expect(letter.body).toContain("\n\n上述款项至今仍未支付。");
    expect(letter.missingValues).not.toContain("earlierReminders");
    const [english] = lettersOf(jia([]), AS_OF, "en");
    expect(english.body).not.toMatch(/earlier reminders|repeated/i);
  });

  test("letters state the reminders the log records, with their dates", () => {
    const log = [
      contact("甲公司", "2026-09-30", "phone", "noAnswer"), // before the invoice fell due: not a reminder of it
      contact("甲公司", "2026-10-15", "phone", "noAnswer"),
      contact("甲公司", "2026-11-02", "demandLetter"),
      contact("甲公司", "2026-11-24", "phone"), // after the letter's date
    ];
    const [letter] = lettersOf(jia(log));
    expect(letter.body).toContain("我司已于2026年10月15日电话提醒，于2026年11月2日发出催款函。上述款项至今仍未支付。");
    const [english] = lettersOf(jia(log), AS_OF, "en");
    expect(english.body).toContain("We reminded you by phone on 15 October 2026 and by a demand letter on 2 November 2026. These amounts remain unpaid.");
  });

  test("an invoice due in 3 days gets a notice although the customer's stage comes from an older invoice", () => {
    const ledger: Ledger = {
      scale: 2,
      invoices: [
        invoice("乙公司", "B-1", "2026-09-01", "2026-10-01", "50000.00"), // 53 days overdue: formal
        invoice("乙公司", "B-2", "2026-10-27", "2026-11-26", "8000.00"), // due in 3 days: second touch
        invoice("乙公司", "B-3", "2026-10-29", "2026-11-28", "6000.00"), // due in 5 days: first touch
        invoice("乙公司", "B-4", "2026-10-30", "2026-11-29", "4000.00"), // due in 6 days: not yet
      ],
      payments: [],
      customers: [],
    };
    const report = buildReport(ledger, AS_OF, DEFAULT_POLICY);
    expect(report.customers[0].stage).toBe("formal");
    expect(preDueNotices(report, DEFAULT_POLICY).map((n) => [n.item.state.invoice.invoiceNo, n.daysToDue, n.touch])).toEqual([
      ["B-2", 3, 2],
      ["B-3", 5, 1],
    ]);
    const letters = lettersOf(ledger);
    expect(letters.map((l) => l.stage)).toEqual(["formal", "preDue"]);
    expect(letters[0].table.rows.map((row) => row[0])).toEqual(["B-1"]);
    expect(letters[1].table.rows.map((row) => row[0])).toEqual(["B-2", "B-3"]);
    // 8,000 + 6,000 = 14,000.00 coming due, the first on 11-26.
    expect(letters[1].subject).toBe("到期付款提醒:2笔款项将于近日到期");
    expect(letters[1].body).toContain("合计14,000.00元");
    expect(letters[1].body).toContain("最早到期日为2026年11月26日");
  });
});
