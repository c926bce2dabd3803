/** Whose customer it is (owners.ts): the customers table, else the latest invoice naming one; the narrowed ledger. */
import { fromYmd } from "../../../src/rules/dates";
import { customerOwners, ledgerOfSalesperson, ownerLookup, salespeopleOf } from "../../../src/rules/owners";
import type { Invoice, Ledger } from "../../../src/rules/types";

function invoice(customer: string, no: string, issued: number | null, extra: Partial<Invoice> = {}): Invoice {
  return { customer, invoiceNo: no, invoiceDate: issued, dueDate: fromYmd(2026, 6, 30), amount: 100, received: 0, currency: "CNY", disputed: false, ...extra };
}

const ledger: Ledger = {
  scale: 2,
  invoices: [
    invoice("甲公司", "1", fromYmd(2026, 2, 10), { salesperson: "李四", region: "华南" }),
    invoice("甲公司 ", "2", fromYmd(2026, 1, 5), { salesperson: "张三", region: "华东" }),
    invoice("乙公司", "3", null, { salesperson: "王五" }),
    invoice("乙公司", "4", fromYmd(2026, 1, 1)),
    invoice("丙公司", "5", fromYmd(2026, 1, 1), { salesperson: "王五", region: "华北" }),
    invoice("丙公司", "6", fromYmd(2026, 1, 1), { salesperson: " 赵六 " }),
  ],
  payments: [{ customer: "丁公司", date: fromYmd(2026, 1, 1), amount: 100, currency: "CNY" }],
  customers: [{ name: "丙公司", region: "西南" }, { name: "丙公司", region: "东北" }],
};

describe("customerOwners", () => {
  test("the latest invoice naming one: 甲公司 李四 of 2026-02-10, not 张三 of 2026-01-05; a name and a region may come from different invoices", () => {
    expect(customerOwners(ledger).get("甲公司")).toEqual({ salesperson: "李四", region: "华南" });
  });

  test("an undated invoice counts as the oldest; an invoice naming nobody does not count", () => {
    expect(customerOwners(ledger).get("乙公司")).toEqual({ salesperson: "王五", region: "" });
  });

  test("same date: the later row wins (trimmed); the customers table's first row wins for what it names", () => {
    expect(customerOwners(ledger).get("丙公司")).toEqual({ salesperson: "赵六", region: "西南" });
  });

  test("a customer known only from a payment belongs to nobody", () => {
    expect(customerOwners(ledger).get("丁公司")).toEqual({ salesperson: "", region: "" });
  });

  test("the map holds every customer of invoices, payments and the table once, in that order, each as ownerLookup gives it", () => {
    const withTableOnly: Ledger = { ...ledger, customers: [...ledger.customers, { name: " 戊公司 ", salesperson: "孙七" }] };
    const owners = customerOwners(withTableOnly);
    expect([...owners.keys()]).toEqual(["甲公司", "乙公司", "丙公司", "丁公司", "戊公司"]);
    const ownerOf = ownerLookup(withTableOnly);
    for (const [customer, owner] of owners) expect(ownerOf(customer)).toEqual(owner);
    expect(owners.get("戊公司")).toEqual({ salesperson: "孙七", region: "" });
  });

  test("salespeopleOf lists each name once, sorted", () => {
    expect(salespeopleOf(customerOwners(ledger))).toEqual(["李四", "王五", "赵六"].sort());
  });
});

describe("ledgerOfSalesperson", () => {
  test("王五's customer is 乙公司 only; names compare without width or case", () => {
    const narrowed = ledgerOfSalesperson(ledger, customerOwners(ledger), "王五");
    expect(narrowed.invoices.map((i) => i.invoiceNo)).toEqual(["3", "4"]);
    expect([narrowed.payments, narrowed.customers]).toEqual([[], []]);
    const latin: Ledger = { ...ledger, invoices: [invoice("Acme", "9", null, { salesperson: "Ann Lee" })] };
    expect(ledgerOfSalesperson(latin, customerOwners(latin), "ＡＮＮ lee ").invoices).toHaveLength(1);
  });

  test("does not mutate its input", () => {
    const before = JSON.stringify(ledger);
    ledgerOfSalesperson(ledger, customerOwners(ledger), "李四");
    expect(JSON.stringify(ledger)).toBe(before);
  });
});
