import { pauseByPromises } from "../../../src/rules/promise-pause";
import { promiseStatus } from "../../../src/rules/promises";
import type { AgedItem } from "../../../src/rules/types";
import { amount } from "../../support/money";
import { day, invoice, promise } from "./fixtures";

const AS_OF = day("2026-11-23");

function item(invoiceNo: string, due: string, outstanding: string, disputed = false): AgedItem {
  const inv = invoice("甲公司", invoiceNo, "2026-09-01", due, outstanding, { disputed });
  return { state: { invoice: inv, outstanding: amount(outstanding), applications: [], settledOn: null }, daysOverdue: AS_OF - inv.dueDate, ageDays: AS_OF - inv.dueDate, bucket: 1, interest: 0 };
}
const open = (made: string, due: string, promised: string, invoiceNo?: string) =>
  promiseStatus(promise("甲公司", made, due, promised, invoiceNo === undefined ? {} : { invoiceNo }), [], AS_OF);
const numbers = (items: AgedItem[]): string[] => items.map((i) => i.state.invoice.invoiceNo);

describe("pauseByPromises: an open promise pauses the amount it covers (POLICY §7, §11)", () => {
  const items = [item("A", "2026-10-01", "10000"), item("B", "2026-10-15", "20000"), item("C", "2026-11-30", "5000")];

  test("FIFO: 30,000 promised covers A (10,000) and B (20,000); C is chased", () => {
    const result = pauseByPromises(items, [open("2026-11-02", "2026-11-30", "30000")]);
    expect(numbers(result.paused)).toEqual(["A", "B"]);
    expect(numbers(result.active)).toEqual(["C"]);
    expect(result.pausedUntil).toBe(day("2026-11-30"));
  });

  test("whole invoices only: 25,000 covers A, not B (B is chased in full)", () => {
    expect(numbers(pauseByPromises(items, [open("2026-11-02", "2026-11-30", "25000")]).paused)).toEqual(["A"]);
  });

  test("a promise naming an invoice covers it first: 20,000 for B", () => {
    expect(numbers(pauseByPromises(items, [open("2026-11-02", "2026-11-30", "20000", "B")]).paused)).toEqual(["B"]);
  });

  test("two promises, by date: 10,000 for 11-25 covers A, 5,000 for 12-05 covers nothing more (B is 20,000)", () => {
    const result = pauseByPromises(items, [open("2026-11-02", "2026-12-05", "5000"), open("2026-11-02", "2026-11-25", "10000")]);
    expect(numbers(result.paused)).toEqual(["A"]);
    expect(result.pausedUntil).toBe(day("2026-11-25"));
  });

  test("kept and broken promises pause nothing; disputed invoices are never covered", () => {
    const broken = promiseStatus(promise("甲公司", "2026-10-01", "2026-11-01", "50000"), [], AS_OF);
    expect(broken.state).toBe("broken");
    expect(pauseByPromises(items, [broken]).paused).toEqual([]);
    const disputed = [item("D", "2026-10-01", "10000", true), item("E", "2026-10-02", "10000")];
    expect(numbers(pauseByPromises(disputed, [open("2026-11-02", "2026-11-30", "10000")]).paused)).toEqual(["E"]);
  });

  test("does not mutate its inputs", () => {
    const frozen = Object.freeze([...items]);
    const statuses = Object.freeze([open("2026-11-02", "2026-11-30", "30000")]);
    pauseByPromises(frozen, statuses);
    expect(numbers([...frozen])).toEqual(["A", "B", "C"]);
  });
});
