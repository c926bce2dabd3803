import { customerStage, stageForDays } from "../../src/rules/escalation";
import { amount } from "../support/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { Policy } from "../../src/rules/policy-types";
import type { AgedItem } from "../../src/rules/types";

function aged(daysOverdue: number, outstanding = "1000", disputed = false): AgedItem {
  return {
    state: {
      invoice: {
        customer: "甲公司", invoiceNo: `INV${daysOverdue}`, invoiceDate: null, dueDate: 46000, amount: amount(outstanding),
        received: 0, currency: "CNY", disputed,
      },
      outstanding: amount(outstanding),
      applications: [],
      settledOn: null,
    },
    daysOverdue,
    ageDays: daysOverdue,
    bucket: 0,
    interest: 0,
  };
}

describe("stageForDays (default ladder)", () => {
  test.each<[number, string | null]>([
    [-6, null],
    [-5, "preDue"],
    [-3, "preDue"],
    [-1, "preDue"],
    [0, null],
    [1, "reminder"],
    [7, "reminder"],
    [8, "phone"],
    [30, "phone"],
    [31, "formal"],
    [60, "formal"],
    [61, "lawyer"],
    [90, "lawyer"],
    [91, "legal"],
    [10000, "legal"],
  ])("%i days → %s", (days, id) => {
    expect(stageForDays(days, DEFAULT_POLICY)?.id ?? null).toBe(id);
  });

  test("phone follow-up drafts no letter; the others do", () => {
    expect(stageForDays(15, DEFAULT_POLICY)?.letter).toBe(false);
    expect(stageForDays(45, DEFAULT_POLICY)?.labels["zh-CN"]).toBe("正式催款函");
  });

  test("a ladder with a stage covering day 0 returns it for due today", () => {
    const policy: Policy = {
      ...DEFAULT_POLICY,
      escalation: [{ id: "dueToday", fromDays: 0, toDays: 0, letter: true, labels: { "zh-CN": "今日到期", "zh-TW": "今日到期", en: "Due today" } }],
    };
    expect(stageForDays(0, policy)?.id).toBe("dueToday");
    expect(stageForDays(1, policy)).toBeNull();
  });
});

describe("customerStage", () => {
  test("the most overdue open, non-disputed item decides", () => {
    expect(customerStage([aged(12), aged(-3), aged(2)], DEFAULT_POLICY)).toBe("phone");
    expect(customerStage([aged(12), aged(100, "5000", true)], DEFAULT_POLICY)).toBe("phone");
    expect(customerStage([aged(12), aged(100, "0")], DEFAULT_POLICY)).toBe("phone");
  });

  test("items not yet due count: only due in 3 days → pre-due notice", () => {
    expect(customerStage([aged(-3), aged(-20)], DEFAULT_POLICY)).toBe("preDue");
  });

  test("null when nothing qualifies or the most overdue falls in no stage", () => {
    expect(customerStage([], DEFAULT_POLICY)).toBeNull();
    expect(customerStage([aged(40, "1000", true)], DEFAULT_POLICY)).toBeNull();
    expect(customerStage([aged(0), aged(-3)], DEFAULT_POLICY)).toBeNull();
    expect(customerStage([aged(-30)], DEFAULT_POLICY)).toBeNull();
  });

  test("does not mutate its input", () => {
    const items = Object.freeze([aged(95), aged(12)]);
    expect(customerStage(items, DEFAULT_POLICY)).toBe("legal");
    expect(items.map((i) => i.daysOverdue)).toEqual([95, 12]);
  });
});
