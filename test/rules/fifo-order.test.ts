import fc from "fast-check";
import { compareFifo, compareInvoiceNumbers, sortFifo } from "../../src/rules/fifo-order";
import type { Invoice } from "../../src/rules/types";

const sorted = (numbers: string[]): string[] => [...numbers].sort(compareInvoiceNumbers);

describe("compareInvoiceNumbers: natural order (POLICY §1)", () => {
  test("runs of digits compare as numbers: INV-9 before INV-10 before INV-100", () => {
    expect(sorted(["INV-100", "INV-10", "INV-9", "INV-1"])).toEqual(["INV-1", "INV-9", "INV-10", "INV-100"]);
    expect(compareInvoiceNumbers("INV-9", "INV-10")).toBeLessThan(0);
  });

  test("fixed-width numbers keep their order: FP202500087 < FP202500100 < FP202600001", () => {
    expect(sorted(["FP202600001", "FP202500100", "FP202500087"])).toEqual(["FP202500087", "FP202500100", "FP202600001"]);
  });

  test("several runs: A2-B10 after A2-B9, before A10-B1", () => {
    expect(sorted(["A10-B1", "A2-B10", "A2-B9"])).toEqual(["A2-B9", "A2-B10", "A10-B1"]);
  });

  test("leading zeros: 007 and 7 are equal in value, told apart by text, so only equal strings compare 0", () => {
    expect(compareInvoiceNumbers("INV-7", "INV-007")).not.toBe(0);
    expect(Math.sign(compareInvoiceNumbers("INV-007", "INV-8"))).toBe(-1);
    expect(compareInvoiceNumbers("INV-7", "INV-7")).toBe(0);
  });

  test("a prefix comes first; text without digits compares by code unit", () => {
    expect(sorted(["INV-1", "INV", "inv"])).toEqual(["INV", "INV-1", "inv"]);
    expect(sorted(["发票2", "发票10", "发票1"])).toEqual(["发票1", "发票2", "发票10"]);
  });

  test("a total order: antisymmetric and transitive on random numbers (property)", () => {
    const number = fc.stringMatching(/^[A-C]{0,2}-?[0-9]{0,4}[A-C]?[0-9]{0,3}$/);
    fc.assert(
      fc.property(number, number, number, (a, b, c) => {
        expect(Math.sign(compareInvoiceNumbers(a, b)) + Math.sign(compareInvoiceNumbers(b, a))).toBe(0);
        if (compareInvoiceNumbers(a, b) === 0) expect(a).toBe(b);
        if (compareInvoiceNumbers(a, b) < 0 && compareInvoiceNumbers(b, c) < 0) expect(compareInvoiceNumbers(a, c)).toBeLessThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("compareFifo", () => {
  const invoice = (invoiceNo: string, dueDate: number, invoiceDate: number | null): Invoice => ({
    customer: "甲", invoiceNo, invoiceDate, dueDate, amount: 100, received: 0, currency: "CNY", disputed: false,
  });

  test("due date first, then invoice date (undated first), then the number in natural order", () => {
    const list = [invoice("INV-10", 100, 50), invoice("INV-9", 100, 50), invoice("INV-1", 100, 60), invoice("INV-2", 100, null), invoice("INV-3", 90, 80)];
    expect([...list].sort(compareFifo).map((i) => i.invoiceNo)).toEqual(["INV-3", "INV-2", "INV-9", "INV-10", "INV-1"]);
  });
});

describe("sortFifo", () => {
  const invoice = (invoiceNo: string, dueDate: number, invoiceDate: number | null): Invoice => ({
    customer: "甲", invoiceNo, invoiceDate, dueDate, amount: 100, received: 0, currency: "CNY", disputed: false,
  });

  test("due date first, then invoice date (undated first), then the number: the order compareFifo gives", () => {
    const list = [invoice("INV-10", 100, 50), invoice("INV-9", 100, 50), invoice("INV-1", 100, 60), invoice("INV-2", 100, null), invoice("INV-3", 90, 80)];
    sortFifo(list);
    expect(list.map((i) => i.invoiceNo)).toEqual(["INV-3", "INV-2", "INV-9", "INV-10", "INV-1"]);
  });

  test("stable: two rows of one number and dates keep their table order", () => {
    const first = invoice("INV-1", 100, 50);
    const second = invoice("INV-1", 100, 50);
    const list = [invoice("INV-2", 120, 50), first, second, invoice("INV-0", 90, 50)];
    sortFifo(list);
    expect(list[1]).toBe(first);
    expect(list[2]).toBe(second);
  });

  test("the same order as a stable sort by compareFifo, whole, fractional and far-apart due dates alike (property)", () => {
    // Near due dates share days often; far ones (years 1 to 9999) and fractional ones take the other ways.
    const dues = [fc.integer({ min: 45000, max: 45040 }), fc.integer({ min: -690_000, max: 2_958_465 }), fc.double({ min: 45000, max: 45002, noNaN: true })];
    const rows = fc.oneof(
      ...dues.map((due) =>
        fc.array(fc.record({ number: fc.stringMatching(/^INV-[0-9]{1,2}$/), due, issued: fc.option(fc.integer({ min: 44990, max: 45000 })) }), { maxLength: 40 }),
      ),
    );
    fc.assert(
      fc.property(rows, (generated) => {
        const list = generated.map((r) => invoice(r.number, r.due, r.issued));
        const expected = [...list].sort(compareFifo);
        sortFifo(list);
        expect(list).toEqual(expected);
        list.forEach((item, i) => expect(item).toBe(expected[i]));
      }),
      { numRuns: 1000 },
    );
  });
});
