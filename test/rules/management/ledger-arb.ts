/**
 * Random ledgers for the properties of the manager's view: a few customers in two currencies over
 * about fifteen months, invoices and credit notes (some undated, some received by their own
 * column), payments (dated or not, naming an invoice or not, with a method or not), salespeople and
 * regions on invoices and in a customers table. Amounts up to past 2^53 minor units at times.
 */
import fc from "fast-check";
import { fromYmd } from "../../../src/rules/dates";
import type { Minor } from "../../../src/rules/money";
import type { CustomerInfo, Invoice, Ledger, Payment, PaymentMethod } from "../../../src/rules/types";

/** The first day invoices and payments are dated from. */
export const BASE = fromYmd(2025, 1, 1);
const CUSTOMERS = ["甲", "乙", " 甲 ", "丙", "丁"];
const CURRENCIES = ["CNY", "", "USD"];
const NUMBERS = ["N-1", "N-2", "N-3", "N-4", " N-1", "N-2 ", "N-10"];
const PEOPLE = ["张三", "李四", "王五", undefined];
const REGIONS = ["华东", "华南", undefined];
const METHODS: (PaymentMethod | undefined)[] = ["cash", "wire", "acceptanceBill", "eBill", undefined];
const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const minor = (value: bigint): Minor => (value <= MAX && value >= -MAX ? Number(value) : value);

const amountArb = (min: number, max: number): fc.Arbitrary<bigint> =>
  fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min, max }).map(BigInt) },
    { weight: 1, arbitrary: fc.bigInt({ min: 10n ** 15n, max: 10n ** 17n }).map((v) => (min < 0 && v % 2n === 1n ? -v : v)) },
  );

/** A random ledger at scale 2 (or 3), dated from BASE over about 450 days. */
export const managementLedgerArb: fc.Arbitrary<Ledger> = fc
  .record({
    scale: fc.constantFrom(2, 2, 3),
    invoices: fc.array(
      fc.record({
        customer: fc.constantFrom(...CUSTOMERS),
        no: fc.constantFrom(...NUMBERS),
        offset: fc.option(fc.integer({ min: 0, max: 450 }), { nil: null, freq: 10 }),
        term: fc.integer({ min: 0, max: 90 }),
        amount: amountArb(-50_000, 5_000_000),
        received: fc.oneof(fc.constantFrom("none", "none", "all", "more"), amountArb(0, 6_000_000)),
        currency: fc.constantFrom(...CURRENCIES),
        disputed: fc.boolean(),
        salesperson: fc.constantFrom(...PEOPLE),
        region: fc.constantFrom(...REGIONS),
      }),
      { maxLength: 30 },
    ),
    payments: fc.array(
      fc.record({
        customer: fc.constantFrom(...CUSTOMERS),
        offset: fc.option(fc.integer({ min: 0, max: 460 }), { nil: null, freq: 8 }),
        amount: amountArb(-20_000, 5_000_000),
        ref: fc.option(fc.constantFrom(...NUMBERS, "X-9"), { nil: undefined }),
        currency: fc.constantFrom(...CURRENCIES),
        method: fc.constantFrom(...METHODS),
      }),
      { maxLength: 20 },
    ),
    table: fc.array(fc.record({ customer: fc.constantFrom(...CUSTOMERS), salesperson: fc.constantFrom(...PEOPLE), region: fc.constantFrom(...REGIONS) }), {
      maxLength: 3,
    }),
  })
  .map(({ scale, invoices, payments, table }): Ledger => ({
    scale,
    invoices: invoices.map((r): Invoice => {
      const invoiceDate = r.offset === null ? null : BASE + r.offset;
      const received = r.received === "none" ? 0n : r.received === "all" ? r.amount : r.received === "more" ? (r.amount < 0n ? -r.amount : r.amount) + 1234n : r.received;
      const invoice: Invoice = {
        customer: r.customer,
        invoiceNo: r.no,
        invoiceDate,
        dueDate: (invoiceDate ?? BASE + 30) + r.term,
        amount: minor(r.amount),
        received: minor(received < 0n ? 0n : received),
        currency: r.currency,
        disputed: r.disputed,
      };
      if (r.salesperson !== undefined) invoice.salesperson = r.salesperson;
      if (r.region !== undefined) invoice.region = r.region;
      return invoice;
    }),
    payments: payments.map((r): Payment => {
      const payment: Payment = { customer: r.customer, date: r.offset === null ? null : BASE + r.offset, amount: minor(r.amount), currency: r.currency };
      if (r.ref !== undefined) payment.invoiceRef = r.ref;
      if (r.method !== undefined) payment.method = r.method;
      return payment;
    }),
    customers: table.map((r): CustomerInfo => {
      const info: CustomerInfo = { name: r.customer };
      if (r.salesperson !== undefined) info.salesperson = r.salesperson;
      if (r.region !== undefined) info.region = r.region;
      return info;
    }),
  }));
