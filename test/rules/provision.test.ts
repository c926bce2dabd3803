import { amount, exact, shown } from "../support/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { Policy } from "../../src/rules/policy-types";
import { isWriteOffCandidate, provisionFor, provisionRate, provisionTerms } from "../../src/rules/provision";
import type { AgedItem } from "../../src/rules/types";

function aged(ageDays: number, outstanding: string, disputed = false): AgedItem {
  return {
    state: {
      invoice: {
        customer: "甲公司", invoiceNo: `INV${ageDays}`, invoiceDate: null, dueDate: 46000, amount: amount(outstanding),
        received: 0, currency: "CNY", disputed,
      },
      outstanding: amount(outstanding),
      applications: [],
      settledOn: null,
    },
    daysOverdue: ageDays,
    ageDays,
    bucket: 0,
    interest: 0,
  };
}

const flat: Policy = { ...DEFAULT_POLICY, provision: { ...DEFAULT_POLICY.provision, method: "flat" } };

describe("provisionRate (aging method: 5 / 10 / 30 / 50 / 80 / 100 %)", () => {
  test.each<[number, string]>([
    [-10, "0.05"],
    [0, "0.05"],
    [365, "0.05"],
    [366, "0.1"],
    [730, "0.1"],
    [731, "0.3"],
    [1095, "0.3"],
    [1096, "0.5"],
    [1460, "0.5"],
    [1461, "0.8"],
    [1825, "0.8"],
    [1826, "1"],
    [9000, "1"],
  ])("age %i days → %s", (age, rate) => {
    expect(provisionRate(age, DEFAULT_POLICY).toString()).toBe(rate);
  });

  test("flat method: 5 % whatever the age", () => {
    expect(provisionRate(3000, flat).toString()).toBe("0.05");
  });
});

describe("provisionFor", () => {
  test("10,000.00 aged 100 days at 5 % + 2,000.00 aged 800 days at 30 % = 1,100.00", () => {
    expect(shown(provisionFor([aged(100, "10000.00"), aged(800, "2000.00")], provisionTerms(DEFAULT_POLICY), 2))).toBe("1100.00");
  });

  test("rounded once at the end: three items of 0.10 at 5 % = 0.015 → 0.02 (not 3 × 0.01)", () => {
    expect(shown(provisionFor([aged(1, "0.10"), aged(2, "0.10"), aged(3, "0.10")], provisionTerms(DEFAULT_POLICY), 2))).toBe("0.02");
  });

  test("flat method: 12,000 × 5 % = 600", () => {
    expect(exact(provisionFor([aged(100, "10000"), aged(800, "2000")], provisionTerms(flat), 2))).toBe("600");
  });

  test("no items → 0; disputed items are provided for too", () => {
    expect(exact(provisionFor([], provisionTerms(DEFAULT_POLICY), 2))).toBe("0");
    expect(shown(provisionFor([aged(2000, "333.33", true)], provisionTerms(DEFAULT_POLICY), 2))).toBe("333.33");
  });

  test("does not mutate its input", () => {
    const items = Object.freeze([aged(100, "10000")]);
    provisionFor(items, provisionTerms(DEFAULT_POLICY), 2);
    expect(exact(items[0].state.outstanding)).toBe("10000");
  });
});

describe("isWriteOffCandidate", () => {
  test("overdue more than 365 days", () => {
    expect(isWriteOffCandidate(365, DEFAULT_POLICY)).toBe(false);
    expect(isWriteOffCandidate(366, DEFAULT_POLICY)).toBe(true);
  });
});
