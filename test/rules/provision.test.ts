import { amount, exact, shown } from "../support/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { Policy } from "../../src/rules/policy-types";
import { fromYmd } from "../../src/rules/dates";
import { isWriteOffCandidate, outstandingByBand, provisionFor, provisionRate, provisionTerms } from "../../src/rules/provision";
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

describe("outstandingByBand", () => {
  test("10,000.00 aged 100 days in the first band, 2,000.00 aged 800 days in the third; they add up to 12,000.00", () => {
    const bands = outstandingByBand([aged(100, "10000.00"), aged(800, "2000.00"), aged(365, "0.01")], provisionTerms(DEFAULT_POLICY));
    expect(bands.map((units) => shown(units))).toEqual(["10000.01", "0.00", "2000.00", "0.00", "0.00", "0.00"]);
  });

  test("flat method: one band holding everything", () => {
    expect(outstandingByBand([aged(100, "10000"), aged(800, "2000")], provisionTerms(flat)).map((units) => exact(units))).toEqual(["12000"]);
  });
});

describe("isWriteOffCandidate (seed 001 第五章: overdue over a year and no business for a year)", () => {
  const asOf = fromYmd(2026, 6, 30);
  test("overdue more than 365 days, with no dated invoice or payment at all", () => {
    expect(isWriteOffCandidate(365, undefined, asOf, DEFAULT_POLICY)).toBe(false);
    expect(isWriteOffCandidate(366, undefined, asOf, DEFAULT_POLICY)).toBe(true);
  });

  test("the last invoice or payment more than 365 days before the as-of date: 2025-06-29 is 366 days, 2025-06-30 is 365", () => {
    expect(isWriteOffCandidate(400, fromYmd(2025, 6, 29), asOf, DEFAULT_POLICY)).toBe(true);
    expect(isWriteOffCandidate(400, fromYmd(2025, 6, 30), asOf, DEFAULT_POLICY)).toBe(false);
  });

  test("a customer still doing business is no candidate however old its debt: a payment last month", () => {
    expect(isWriteOffCandidate(900, fromYmd(2026, 5, 31), asOf, DEFAULT_POLICY)).toBe(false);
  });
});
