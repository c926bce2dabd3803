import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { preDueNotices, preDueTouch } from "../../../src/rules/pre-due";
import { buildReport } from "../../../src/rules/report";
import { day, invoice } from "./fixtures";

const AS_OF = day("2026-11-23");

describe("pre-due notices per invoice (POLICY §7)", () => {
  test.each<[number, { touch: number; touchDays: number } | null]>([
    [6, null],
    [5, { touch: 1, touchDays: 5 }],
    [4, { touch: 1, touchDays: 5 }],
    [3, { touch: 2, touchDays: 3 }],
    [1, { touch: 2, touchDays: 3 }],
    [0, null],
    [-1, null],
  ])("due in %i days → %j", (daysToDue, expected) => {
    expect(preDueTouch(daysToDue, DEFAULT_POLICY.preDueTouchDays)).toEqual(expected);
  });

  test("every open invoice within 5 days, whatever the customer's stage; not disputed ones, not excluded ones", () => {
    const report = buildReport(
      {
        scale: 2,
        invoices: [
          invoice("甲公司", "A-1", "2026-08-01", "2026-09-01", "1000"), // 83 days overdue: lawyer's letter stage
          invoice("甲公司", "A-2", "2026-10-26", "2026-11-25", "2000"), // 2 days
          invoice("甲公司", "A-3", "2026-10-26", "2026-11-25", "3000", { disputed: true }),
          invoice("乙公司", "B-1", "2026-10-28", "2026-11-27", "4000"), // 4 days
          invoice("乙公司", "B-2", "2026-10-23", "2026-11-23", "5000"), // due today: no longer coming due
        invoice("乙公司", "B-3", "2026-10-23", "2026-11-24", "5000"), // tomorrow
        ],
        payments: [],
        customers: [],
      },
      AS_OF,
      DEFAULT_POLICY,
    );
    const notices = preDueNotices(report, DEFAULT_POLICY);
    expect(notices.map((n) => [n.customer.customer, n.item.state.invoice.invoiceNo, n.daysToDue, n.touch, n.touchDays])).toEqual([
      ["乙公司", "B-3", 1, 2, 3],
      ["乙公司", "B-1", 4, 1, 5],
      ["甲公司", "A-2", 2, 2, 3],
    ]);
    expect(preDueNotices(report, DEFAULT_POLICY, new Set([notices[0].item])).map((n) => n.item.state.invoice.invoiceNo)).toEqual(["B-1", "A-2"]);
    // Touches are policy data: one touch 7 days before due lists B-3, B-1 and A-2 at touch 1.
    expect(preDueNotices(report, { ...DEFAULT_POLICY, preDueTouchDays: [7] }).map((n) => n.touch)).toEqual([1, 1, 1]);
  });
});
