/**
 * Duplicate invoice numbers: InvoiceRows finds the first row of each (customer, invoice number)
 * exactly as one map over the joined keys would (the model below, kept inside the test).
 */
import fc from "fast-check";
import { InvoiceRows } from "../../../src/workbook/read/duplicates";
import { normalizeText } from "../../../src/workbook/text";

describe("duplicate invoice numbers", () => {
  /** The key the reader used to build: printable ASCII lower-cased, the rest normalised. */
  const invoiceKey = (text: string): string => (/^[\x21-\x7e]*$/.test(text) ? text.toLowerCase() : normalizeText(text));

  /** The reference: one map over the joined customer and invoice keys. */
  class JoinedRows {
    private readonly rows = new Map<string, number>();
    firstOr(customerKey: string, invoiceNo: string, row: number): number | undefined {
      const key = `${customerKey}\u0000${invoiceKey(invoiceNo)}`;
      const first = this.rows.get(key);
      if (first === undefined) this.rows.set(key, row);
      return first;
    }
  }

  // "a~" and "b_" have the same hash; full-width, case and \u0000 variants map onto each other.
  const customerArb = fc.constantFrom("acme", "b", "a\u0000", "a", "\u0000", "客户a", "");
  const numberArb = fc.oneof(
    fc.constantFrom("INV-1", "inv-1", "ＩＮＶ-1", "ｉｎｖ-1", "INV 1", "INV  1", "a~", "b_", "xa~", "xb_", "A~", "B_", "\u0000", "b\u0000", "\u0000inv-1", "é", "É", "1", "INV-2"),
    fc.stringMatching(/^[a-cA-C~_0-9 \u0000\uff41]{1,4}$/),
    fc.string({ minLength: 1, maxLength: 6 }),
  );

  test("InvoiceRows finds the first row exactly as the joined keys did (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(customerArb, numberArb), { maxLength: 200 }), (rows) => {
        const fast = new InvoiceRows();
        const reference = new JoinedRows();
        rows.forEach(([customer, number], index) => {
          expect(fast.firstOr(customer, customer.includes("\u0000"), number, index + 1)).toBe(reference.firstOr(customer, number, index + 1));
        });
      }),
      { numRuns: 2000 },
    );
  });

  test("InvoiceRows keeps every row when the table grows", () => {
    const fast = new InvoiceRows();
    const reference = new JoinedRows();
    const numbers = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? `INV-${i % 1700}` : i % 3 === 1 ? `inv-${i % 2300}` : `ＩＮＶ-${i % 900}`));
    numbers.forEach((number, index) => {
      const customer = index % 7 === 0 ? "b" : "acme";
      expect(fast.firstOr(customer, false, number, index + 1)).toBe(reference.firstOr(customer, number, index + 1));
    });
  });
});
