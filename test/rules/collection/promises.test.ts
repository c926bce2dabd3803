import { accountKey } from "../../../src/rules/accounts";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import { allPromises, ledgerPromiseStatuses, promiseOfLogEntry, promiseStatus } from "../../../src/rules/promises";
import type { Ledger } from "../../../src/rules/types";
import { shown } from "../../support/money";
import { contact, day, payment, promise } from "./fixtures";

describe("promises: open, kept, broken (POLICY §11)", () => {
  // 20,000.00 promised on 11-02 for 11-30.
  const promised = promise("甲公司", "2026-11-02", "2026-11-30", "20000");

  test("open until its date, then broken without the amount", () => {
    expect(promiseStatus(promised, [], day("2026-11-23")).state).toBe("open");
    expect(promiseStatus(promised, [], day("2026-11-30")).state).toBe("open");
    const broken = promiseStatus(promised, [payment("甲公司", "2026-11-20", "12000")], day("2026-12-01"));
    expect(broken.state).toBe("broken");
    expect(shown(broken.received)).toBe("12000.00");
    expect(shown(broken.remaining)).toBe("8000.00");
  });

  test("kept once the amount is received from the day made through its date, even before the date", () => {
    const receipts = [payment("甲公司", "2026-11-10", "12000"), payment("甲公司", "2026-11-20", "8000")];
    expect(promiseStatus(promised, receipts, day("2026-11-23")).state).toBe("kept");
    expect(shown(promiseStatus(promised, receipts, day("2026-11-15")).remaining)).toBe("8000.00");
  });

  test("receipts before it was made or after its date do not count; undated ones only without a day made", () => {
    const receipts = [payment("甲公司", "2026-11-01", "20000"), payment("甲公司", "2026-12-02", "20000"), payment("甲公司", null, "20000")];
    expect(promiseStatus(promised, receipts, day("2026-12-05")).state).toBe("broken");
    expect(promiseStatus(promise("甲公司", null, "2026-11-30", "20000"), [payment("甲公司", null, "20000")], day("2026-12-05")).state).toBe("kept");
  });

  test("a log row with a promised date and amount is a promise made on the row's date, naming its invoice", () => {
    const entry = contact("甲公司", "2026-11-02", "phone", "promised", { promised: ["2026-11-30", "20000"], invoiceNo: "INV-1", source: { sheet: "催收记录", row: 5 } });
    expect(promiseOfLogEntry(entry)).toEqual({
      customer: "甲公司", promisedDate: day("2026-11-30"), amount: 2000000, currency: "CNY", madeOn: day("2026-11-02"), invoiceNo: "INV-1", source: { sheet: "催收记录", row: 5 },
    });
    expect(promiseOfLogEntry(contact("甲公司", "2026-11-02", "phone", "noAnswer"))).toBeNull();
  });

  test("the ledger's promises: the table's, then the log's; by account, later-made ones left out", () => {
    const ledger: Ledger = {
      scale: 2,
      invoices: [],
      payments: [payment("乙公司", "2026-11-10", "5000")],
      customers: [],
      promises: [promise(" 乙公司 ", "2026-11-01", "2026-11-15", "5000", { currency: "" })],
      log: [contact("甲公司", "2026-11-02", "phone", "promised", { promised: ["2026-11-30", "20000"] }), contact("甲公司", "2026-11-25", "phone", "promised", { promised: ["2026-12-30", "1"] })],
    };
    expect(allPromises(ledger).map((p) => p.customer)).toEqual([" 乙公司 ", "甲公司", "甲公司"]);
    const statuses = ledgerPromiseStatuses(ledger, day("2026-11-23"), DEFAULT_POLICY);
    expect(statuses.get(accountKey("乙公司", "CNY"))?.map((s) => s.state)).toEqual(["kept"]);
    expect(statuses.get(accountKey("甲公司", "CNY"))?.map((s) => s.state)).toEqual(["open"]);
  });
});
