import { fromYmd } from "../../src/rules/dates";
import { creditGrade, lateEvents } from "../../src/rules/grade";
import { amount } from "../support/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { CustomerAccount, DayNumber, InvoiceState, LateEvent, Payment, PaymentPromise } from "../../src/rules/types";

const ASOF = fromYmd(2026, 6, 30);

function item(invoiceNo: string, due: DayNumber, total: string, outstanding: string, settledOn: DayNumber | null, disputed = false): InvoiceState {
  return {
    invoice: {
      customer: "甲公司", invoiceNo, invoiceDate: null, dueDate: due, amount: amount(total),
      received: 0, currency: "CNY", disputed,
    },
    outstanding: amount(outstanding),
    applications: [],
    settledOn,
  };
}

function account(items: InvoiceState[]): CustomerAccount {
  return { customer: "甲公司", currency: "CNY", items, unappliedCredit: 0 };
}

const event = (y: number, m: number, d: number): LateEvent => ({ invoiceNo: "X", invoiceCount: 1, date: fromYmd(y, m, d), kind: "paidLate" });

describe("lateEvents", () => {
  test("paid late, paid on time, open past due, disputed, credit note, not yet due", () => {
    const acct = account([
      item("INV-1", fromYmd(2026, 3, 31), "1000", "0", fromYmd(2026, 4, 10)),
      item("INV-2", fromYmd(2026, 5, 31), "1000", "0", fromYmd(2026, 5, 31)),
      item("INV-3", fromYmd(2026, 6, 15), "1000", "400", null),
      item("INV-4", fromYmd(2026, 1, 31), "1000", "1000", null, true),
      item("CN-1", fromYmd(2026, 1, 31), "-500", "0", null),
      item("INV-5", fromYmd(2026, 7, 31), "1000", "1000", null),
      item("INV-6", fromYmd(2026, 2, 28), "1000", "0", null),
      item("INV-7", ASOF, "1000", "1000", null),
    ]);
    expect(lateEvents(acct, ASOF)).toEqual([
      { invoiceNo: "INV-1", invoiceCount: 1, date: fromYmd(2026, 4, 10), kind: "paidLate" },
      { invoiceNo: "INV-3", invoiceCount: 1, date: ASOF, kind: "openOverdue" },
    ]);
  });

  test("POLICY §4: one remittance settling three overdue invoices is one late payment, not three", () => {
    // INV-1..3 due 2026-03-31, all settled on 2026-04-10 by one receipt; INV-4 due 2026-04-30 settled 2026-05-20.
    const acct = account([
      item("INV-1", fromYmd(2026, 3, 31), "1000", "0", fromYmd(2026, 4, 10)),
      item("INV-2", fromYmd(2026, 3, 31), "2000", "0", fromYmd(2026, 4, 10)),
      item("INV-3", fromYmd(2026, 3, 31), "3000", "0", fromYmd(2026, 4, 10)),
      item("INV-4", fromYmd(2026, 4, 30), "1000", "0", fromYmd(2026, 5, 20)),
    ]);
    expect(lateEvents(acct, ASOF)).toEqual([
      { invoiceNo: "INV-1", invoiceCount: 3, date: fromYmd(2026, 4, 10), kind: "paidLate" },
      { invoiceNo: "INV-4", invoiceCount: 1, date: fromYmd(2026, 5, 20), kind: "paidLate" },
    ]);
  });

  test("POLICY §4: the invoices still open past due count once together", () => {
    const acct = account([
      item("INV-1", fromYmd(2026, 5, 31), "1000", "1000", null),
      item("INV-2", fromYmd(2026, 6, 10), "1000", "500", null),
      item("INV-3", fromYmd(2026, 6, 20), "1000", "1000", null),
      item("INV-4", fromYmd(2026, 7, 20), "1000", "1000", null),
    ]);
    expect(lateEvents(acct, ASOF)).toEqual([{ invoiceNo: "INV-1", invoiceCount: 3, date: ASOF, kind: "openOverdue" }]);
  });

  test("late settlements on days out of FIFO order are one event per day, sorted by day", () => {
    const acct = account([
      item("INV-1", fromYmd(2026, 3, 1), "1000", "0", fromYmd(2026, 5, 1)),
      item("INV-2", fromYmd(2026, 3, 2), "1000", "0", fromYmd(2026, 4, 1)),
      item("INV-3", fromYmd(2026, 3, 3), "1000", "0", fromYmd(2026, 5, 1)),
    ]);
    expect(lateEvents(acct, ASOF).map((e) => [e.invoiceNo, e.invoiceCount, e.date])).toEqual([
      ["INV-2", 1, fromYmd(2026, 4, 1)],
      ["INV-1", 2, fromYmd(2026, 5, 1)],
    ]);
  });

  test("a broken promise is a late event on its promised date; kept and future promises are not", () => {
    const promises: PaymentPromise[] = [
      { customer: "甲公司", promisedDate: fromYmd(2026, 5, 20), amount: amount(10000), currency: "CNY", madeOn: fromYmd(2026, 5, 1) },
      { customer: "甲公司", promisedDate: fromYmd(2026, 6, 10), amount: amount(5000), currency: "CNY" },
      { customer: "甲公司", promisedDate: fromYmd(2026, 7, 5), amount: amount(5000), currency: "CNY" },
      { customer: "乙公司", promisedDate: fromYmd(2026, 5, 20), amount: amount(1), currency: "CNY" },
    ];
    const payments: Payment[] = [
      { customer: "甲公司", date: fromYmd(2026, 4, 30), amount: amount(9000), currency: "CNY" }, // before madeOn
      { customer: "甲公司", date: fromYmd(2026, 5, 10), amount: amount(4000), currency: "CNY" },
      { customer: "甲公司", date: fromYmd(2026, 5, 25), amount: amount(6000), currency: "CNY" }, // after the promise
      { customer: "甲公司", date: fromYmd(2026, 5, 12), amount: amount(9000), currency: "USD" },
      { customer: "乙公司", date: fromYmd(2026, 5, 12), amount: amount(9000), currency: "CNY" },
    ];
    // Promise 2: 9000 + 4000 + 6000 CNY by 2026-06-10 ≥ 5000, kept.
    expect(lateEvents(account([]), ASOF, promises, payments)).toEqual([
      { invoiceNo: "", invoiceCount: 0, date: fromYmd(2026, 5, 20), kind: "brokenPromise" },
    ]);
  });

  test("a promise paid in full on its date is kept", () => {
    const promises: PaymentPromise[] = [{ customer: "甲公司", promisedDate: fromYmd(2026, 6, 1), amount: amount("5000.00"), currency: "CNY" }];
    const payments: Payment[] = [{ customer: "甲公司", date: fromYmd(2026, 6, 1), amount: amount("5000"), currency: "CNY" }];
    expect(lateEvents(account([]), ASOF, promises, payments)).toEqual([]);
    expect(lateEvents(account([]), ASOF, promises, [])).toHaveLength(1);
  });

  test("does not mutate its inputs", () => {
    const acct = account([item("INV-1", fromYmd(2026, 3, 31), "1000", "1000", null)]);
    const before = JSON.stringify(acct);
    const promises = Object.freeze([{ customer: "甲公司", promisedDate: fromYmd(2026, 5, 20), amount: amount(1), currency: "CNY" }]);
    lateEvents(Object.freeze(acct), ASOF, promises, Object.freeze([]));
    expect(JSON.stringify(acct)).toBe(before);
  });
});

describe("creditGrade (as of 2026-06-30)", () => {
  test.each<[string, LateEvent[], string]>([
    ["no late payment", [], "A"],
    ["late on 2026-04-01 (within 3 months)", [event(2026, 4, 1)], "D"],
    ["late on 2026-03-30 (exactly 3 months back: not within)", [event(2026, 3, 30)], "C"],
    ["late on 2025-12-31 (within 6 months)", [event(2025, 12, 31)], "C"],
    ["late on 2025-12-30 (6 to 12 months: C, the resolved reading)", [event(2025, 12, 30)], "C"],
    ["late on 2025-07-01 (within 12 months)", [event(2025, 7, 1)], "C"],
    ["late on 2025-06-30 (12 to 36 months)", [event(2025, 6, 30)], "B"],
    ["late on 2023-07-01 (within 36 months)", [event(2023, 7, 1)], "B"],
    ["late on 2023-06-30 (36 months back)", [event(2023, 6, 30)], "A"],
    ["the latest event decides", [event(2023, 1, 1), event(2026, 5, 1), event(2025, 1, 1)], "D"],
    ["events after the as-of date are ignored", [event(2026, 7, 1)], "A"],
  ])("%s → %s", (_name, events, grade) => {
    expect(creditGrade(events, ASOF, DEFAULT_POLICY)).toBe(grade);
  });

  test("an invoice open past due on the as-of date makes grade D", () => {
    const events = lateEvents(account([item("INV-3", fromYmd(2026, 6, 29), "1000", "1", null)]), ASOF);
    expect(creditGrade(events, ASOF, DEFAULT_POLICY)).toBe("D");
  });

  test("month ends clamp: as of 2026-05-31, three months back is 2026-02-28", () => {
    const asOf = fromYmd(2026, 5, 31);
    expect(creditGrade([event(2026, 3, 1)], asOf, DEFAULT_POLICY)).toBe("D");
    expect(creditGrade([event(2026, 2, 28)], asOf, DEFAULT_POLICY)).toBe("C");
  });

  test("does not mutate its input", () => {
    const events = Object.freeze([event(2026, 1, 1), event(2024, 1, 1)]);
    expect(creditGrade(events, ASOF, DEFAULT_POLICY)).toBe("C");
    expect(events[0].date).toBe(fromYmd(2026, 1, 1));
  });
});
