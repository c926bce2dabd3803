import { toDecimal, type Decimal } from "../../../src/rules/decimal";
import { JobError } from "../../../src/jobs/jobs";
import { errorToPlain, fromPlain, paneCopy, plainToError, toPlain } from "../../../src/jobs/worker/transfer";

describe("what crosses to and from the jobs worker", () => {
  it("carries Decimals as their exact text and makes them again, bigint amounts and the rest as they are", () => {
    const value = { rate: toDecimal("0.0005"), ladder: [{ cut: toDecimal("12345678901234567890.123456789") }], amount: 2n ** 60n, name: "甲公司", none: null };
    const plain = toPlain(value) as { rate: unknown };
    expect(plain.rate).toEqual({ "$ar:decimal": "0.0005" });
    const back = fromPlain(structuredClone(plain)) as typeof value;
    expect(back.rate.times(10000).toString()).toBe("5");
    expect(back.ladder[0].cut.toFixed()).toBe("12345678901234567890.123456789");
    expect(back.amount).toBe(1152921504606846976n);
    expect(back).toMatchObject({ name: "甲公司", none: null });
    // The original is untouched; what arrived is revived in place.
    expect(value.rate.toString()).toBe("0.0005");
    const arrived = { list: [[1, "a"], { rate: { "$ar:decimal": "1.5" } }] };
    expect(fromPlain(arrived)).toBe(arrived);
    expect((arrived.list[1] as unknown as { rate: Decimal }).rate.plus(1).toString()).toBe("2.5");
  });

  it("goes into Maps both ways: an account's Decimal inside a Map of accounts crosses as text and comes back a Decimal", () => {
    const value = { collection: new Map([["甲公司\u0000CNY", { usedOfLimit: toDecimal("1.25") }]]) };
    const plain = toPlain(value) as { collection: Map<string, { usedOfLimit: unknown }> };
    expect(plain.collection.get("甲公司\u0000CNY")?.usedOfLimit).toEqual({ "$ar:decimal": "1.25" });
    const back = fromPlain(structuredClone(plain)) as typeof value;
    expect(back.collection.get("甲公司\u0000CNY")?.usedOfLimit.times(4).toString()).toBe("5");
    expect(value.collection.get("甲公司\u0000CNY")?.usedOfLimit.toString()).toBe("1.25");
  });

  it("carries an error's name, message and fields, so the pane tells it apart as on its own thread", () => {
    const error = plainToError(structuredClone(errorToPlain(new JobError("ledger.empty", "账上没有发票"))));
    expect(error).toBeInstanceOf(Error);
    expect({ name: error.name, message: error.message, code: (error as JobError).code }).toEqual({ name: "JobError", message: "账上没有发票", code: "ledger.empty" });
    const found = Object.assign(new Error("no header"), { name: "LedgerNotFoundError", headersSeen: { sheet: "S", row: 1, headers: ["a"] } });
    expect(plainToError(errorToPlain(found))).toMatchObject({ name: "LedgerNotFoundError", headersSeen: { sheet: "S", row: 1, headers: ["a"] } });
    expect(errorToPlain("boom")).toEqual({ name: "Error", message: "boom" });
  });

  it("leaves each customer's open invoices, late payments and the detail sheet's cells in the worker", () => {
    const result = {
      summary: [{ currency: "CNY" }],
      report: { scale: 2, customers: [{ customer: "甲公司", items: [{ daysOverdue: 40 }, { daysOverdue: 5 }], lateEvents: [{ invoiceNo: "A-001" }] }] },
      plans: [
        { kind: "aging", values: [["客户"], ["甲公司"]] },
        { kind: "detail", values: [["发票号"], ["A-001"], ["A-002"]] },
      ],
    };
    const copy = paneCopy(result);
    expect(copy.report.customers).toEqual([{ customer: "甲公司", items: [], lateEvents: [] }]);
    expect(copy.plans.map((plan) => plan.values.length)).toEqual([2, 0]);
    expect(copy.summary).toBe(result.summary);
    expect(result.report.customers[0].items).toHaveLength(2);
    expect(paneCopy(undefined)).toBeUndefined();
  });

  it("leaves the rows of the customers held by the letters' collection state and pre-due notices in the worker too", () => {
    const customer = { customer: "甲公司", outstanding: 500, items: [{ daysOverdue: 40 }, { daysOverdue: -3 }], lateEvents: [{ invoiceNo: "A-001" }] };
    const result = {
      collection: new Map([["甲公司\u0000CNY", { customer, stage: "reminder", promises: [{ state: "open" }], active: [customer.items[0]], paused: [customer.items[1]], contacts: [] }]]),
      preDueNotices: [{ customer, item: customer.items[1], daysUntilDue: 3 }],
    };
    const copy = paneCopy(result);
    const state = copy.collection.get("甲公司\u0000CNY")!;
    expect(state).toEqual({ customer: { customer: "甲公司", outstanding: 500, items: [], lateEvents: [] }, stage: "reminder", promises: [{ state: "open" }], active: [], paused: [], contacts: [] });
    expect(copy.preDueNotices).toEqual([{ customer: { customer: "甲公司", outstanding: 500, items: [], lateEvents: [] }, item: { daysOverdue: -3 }, daysUntilDue: 3 }]);
    // The worker's own result is left as it was.
    expect(result.collection.get("甲公司\u0000CNY")!.active).toHaveLength(1);
    expect(customer.items).toHaveLength(2);
  });

  it("carries an error inside a result with its fields, as it carries a thrown one", () => {
    const problem = Object.assign(new Error("contact.unknownCustomer"), { name: "RuleError", code: "contact.unknownCustomer", params: { customer: "无此公司" }, field: "customer" });
    const crossed = fromPlain(structuredClone(toPlain({ problems: [problem], appended: null }))) as { problems: (Error & { code: string; field: string; params: unknown })[] };
    expect(crossed.problems[0]).toBeInstanceOf(Error);
    expect([crossed.problems[0].name, crossed.problems[0].message, crossed.problems[0].code, crossed.problems[0].field, crossed.problems[0].params]).toEqual([
      "RuleError",
      "contact.unknownCustomer",
      "contact.unknownCustomer",
      "customer",
      { customer: "无此公司" },
    ]);
  });
});
