/**
 * The fast paths of the workbook layer give exactly what the general paths give: amounts, dates,
 * total rows, duplicate invoice numbers (read.ts, parse.ts) and the amounts of the sheet plans
 * (plans.ts). Each property compares a fast path with the reference it replaces, on the common
 * values it is built for and on the odd ones around its edges.
 */
import fc from "fast-check";
import { labelsFor } from "../../src/i18n/labels";
import { fromYmd, toSerial } from "../../src/rules/dates";
import { decimalFromFen, fenOf, fenOfGeneral, fenOfNumber, shownAmount } from "../../src/rules/fen";
import { Dec, toDecimal, type Decimal } from "../../src/rules/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import { buildReport } from "../../src/rules/report";
import type { Policy } from "../../src/rules/policy-types";
import type { AgedItem, CustomerReport, Lang, Report, StageId, StopReason } from "../../src/rules/types";
import type { CellValue } from "../../src/workbook/adapter-types";
import {
  isoDay,
  parseAmountGeneral,
  parseAmountWithCurrency,
  parseDateCell,
  parseDateGeneral,
  serialDay,
} from "../../src/workbook/parse";
import { agingPlan, currenciesOf, currencyTotals, detailPlan, reasonsText, stageLabel } from "../../src/workbook/plans";
import { CJK_TOTAL, ENGLISH_TOTAL, InvoiceRows, isTotalText } from "../../src/workbook/read";
import { normalizeText } from "../../src/workbook/text";

/** Internal digits, exponent and sign: the same value in the same normalised form. */
const shape = (d: Decimal): [number[] | null, number, number] => [d.d, d.e, d.s];

/** A parse result in comparable form: Decimals as value and shape. */
function plain(parsed: { ok?: unknown; error?: string; code?: string }): unknown {
  return JSON.parse(
    JSON.stringify(parsed, function (key, value) {
      const raw = (this as Record<string, unknown>)[key];
      if (raw instanceof Dec) return { decimal: raw.toString(), shape: shape(raw) };
      return value;
    }),
  );
}

/** Whole fen, small and up to the edge of the fast paths (|fen| < 1e15). */
const fenArb = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  fc.integer({ min: -(1e15 - 1), max: 1e15 - 1 }),
  fc.constantFrom(0, 1, -1, 99, 100, 101, 1e7 - 1, 1e7, 1e9, 1e9 + 1, 1e14, 1e15 - 1, -(1e15 - 1), 1e15, 1e15 + 1, 2 ** 53),
);

/** Numbers a cell may hold: amounts of up to two decimals, others, and doubles of every kind. */
const numberArb = fc.oneof(
  fenArb.map((fen) => fen / 100),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
  fc.double(),
  fc.double({ min: -1e14, max: 1e14 }),
  fenArb.map((fen) => {
    // The doubles next to an amount: never amounts of two decimals themselves.
    const value = fen / 100;
    return value + (value === 0 ? Number.MIN_VALUE : Math.abs(value) * Number.EPSILON);
  }),
  fc.constantFrom(0, -0, 2.675, 0.1 + 0.2, 1e13, 1e13 - 0.01, -1e13, 9999999999999.99, 1e15, 1e16, 0.005, 1e-7, 5e-324, NaN, Infinity, -Infinity),
);

describe("amounts", () => {
  test("worked examples of the number fast path", () => {
    expect(fenOfNumber(1063.12)).toBe(106312);
    expect(fenOfNumber(-0.05)).toBe(-5);
    expect(fenOfNumber(2.675)).toBeNaN();
    expect(fenOfNumber(0.1 + 0.2)).toBeNaN();
    expect(fenOfNumber(9999999999999.99)).toBe(999999999999999);
    expect(fenOfNumber(1e13)).toBeNaN();
    expect(fenOfNumber(NaN)).toBeNaN();
    expect(fenOfNumber(Infinity)).toBeNaN();
    expect(Object.is(fenOfNumber(-0), 0)).toBe(true);
  });

  test("every amount of two decimals below 1e13 takes the number fast path (property)", () => {
    fc.assert(
      fc.property(fenArb.filter((fen) => Math.abs(fen) < 1e15), (fen) => {
        expect(fenOfNumber(fen / 100)).toBe(fen + 0);
      }),
      { numRuns: 3000 },
    );
  });

  test("the number fast path is the shortest decimal spelling, as toDecimal reads it (property)", () => {
    fc.assert(
      fc.property(numberArb, (value) => {
        const fen = fenOfNumber(value);
        if (Number.isNaN(fen)) return;
        const fast = decimalFromFen(fen);
        const general = toDecimal(value);
        expect(fast.toString()).toBe(general.toString());
        expect(shape(fast)).toEqual(shape(general));
      }),
      { numRuns: 5000 },
    );
  });

  test("parseAmountWithCurrency = parseAmountGeneral for number cells (property)", () => {
    fc.assert(
      fc.property(numberArb, (value) => {
        expect(plain(parseAmountWithCurrency(value))).toEqual(plain(parseAmountGeneral(value)));
      }),
      { numRuns: 5000 },
    );
  });

  const digits = fc.stringMatching(/^[0-9]{0,16}$/);
  const amountTextArb = fc.oneof(
    // Typed plainly, as the fast path reads it: sign, ¥, digits grouped or not, decimals.
    fc
      .tuple(fc.constantFrom("", "-", "+"), fc.constantFrom("", "¥"), fenArb, fc.boolean(), fc.integer({ min: 0, max: 3 }))
      .map(([sign, yen, fen, grouped, places]) => {
        const size = Math.abs(fen);
        const units = Math.floor(size / 100).toLocaleString("en-US", { useGrouping: grouped });
        const fraction = String(size % 100).padStart(2, "0");
        const decimals = places === 0 ? "" : places === 1 ? `.${fraction[0]}` : places === 2 ? `.${fraction}` : ".";
        return `${sign}${yen}${units}${decimals}`;
      }),
    // Near misses: wrong grouping, more decimals, signs in odd places, leading zeros, spaces.
    fc
      .tuple(fc.constantFrom("", "-", "+", "¥", "-¥", "+¥", "¥-", "¥+", "--", "¥¥", " ", "(", "$", "￥", "−"), digits, fc.constantFrom("", ",", ".", ",,", ".."), digits, fc.constantFrom("", ")", " ", "元", ".", ","))
      .map(([a, b, c, d, e]) => `${a}${b}${c}${d}${e}`),
    fc.stringMatching(/^[-+¥]?[0-9,.]{0,20}$/),
    fc.constantFrom("", ".", ",", "-", "+", "¥", "1,234.", "0,123", "1,23", ",123", "123,", "1,2345", "12,345,678", "9999999999999.99", "10000000000000", "1e5",
      "-0", "-0.00", "¥.5", "-.5", ".5", "5.", "0001234.50", "1234.5.6", "1,234.567", "１２", "1 234,50", "1.234,50", "nan", "Infinity"),
  );

  test("parseAmountWithCurrency = parseAmountGeneral for amount texts (property)", () => {
    fc.assert(
      fc.property(amountTextArb, (text) => {
        expect(plain(parseAmountWithCurrency(text))).toEqual(plain(parseAmountGeneral(text)));
      }),
      { numRuns: 5000 },
    );
  });

  test("plain amount texts do take the fast path: same Decimal as parsing the digits", () => {
    expect(plain(parseAmountWithCurrency("¥1,234.50"))).toEqual(plain(parseAmountGeneral("¥1,234.50")));
    expect(parseAmountWithCurrency("¥1,234.50").ok).toEqual({ amount: new Dec("1234.5"), currency: "CNY", signCurrencies: ["CNY", "JPY"] });
    expect(parseAmountWithCurrency("-1,234.5").ok?.amount.toString()).toBe("-1234.5");
    expect(parseAmountWithCurrency("-0.00").ok?.amount.isNegative()).toBe(false);
  });
});

describe("dates", () => {
  const serialArb = fc.oneof(
    fc.integer({ min: -5, max: 3_000_000 }),
    fc.double({ min: -5, max: 3_000_000 }),
    fc.double(),
    fc.constantFrom(0, -0, 1, 59, 59.99, 60, 60.5, 61, 1462, 2957003, 2957003.99, 2957004, 2958465, 2958465.99, 2958466, NaN, Infinity),
  );
  const dateTextArb = fc.oneof(
    fc
      .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 }), fc.constantFrom("-", "/", ".", " ", "x"), fc.constantFrom("-", "/", ".", " "), fc.boolean())
      .map(([year, month, day, first, second, padded]) => {
        const two = (n: number): string => (padded ? String(n).padStart(2, "0") : String(n));
        return `${String(year).padStart(4, "0")}${first}${two(month)}${second}${two(day)}`;
      }),
    fc.stringMatching(/^[0-9]{4}[-/.][0-9]{2}[-/.][0-9]{2}$/),
    fc.constantFrom("2026-03-15", " 2026-03-15", "2026-03-15 ", "２０２６-03-15", "2026年3月15日", "1899-12-31", "1900-01-01", "1900-02-29", "2024-02-29", "2100-02-29", "9999-12-31", "2026-3-15", "20260315", "abcd-ef-gh"),
  );

  test("worked examples of the date fast paths", () => {
    expect(serialDay(46349.75, "1900")).toBe(46349);
    expect(serialDay(60, "1900")).toBeNaN();
    expect(serialDay(0, "1904")).toBe(1462);
    expect(isoDay("2026-11-23")).toBe(fromYmd(2026, 11, 23));
    expect(isoDay("2026-02-29")).toBeNaN();
    expect(isoDay("2026/3/15")).toBeNaN();
  });

  test("parseDateCell = parseDateGeneral for numbers and texts, both date systems (property)", () => {
    fc.assert(
      fc.property(fc.oneof(serialArb as fc.Arbitrary<CellValue>, dateTextArb), fc.constantFrom("1900" as const, "1904" as const), fc.constantFrom(null, "DMY" as const, "MDY" as const), (cell, system, order) => {
        expect(parseDateCell(cell, system, order)).toEqual(parseDateGeneral(cell, system, order));
      }),
      { numRuns: 8000 },
    );
  });
});

describe("total rows", () => {
  const spaces = [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2000, 0x2005, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff].map((code) => String.fromCharCode(code));
  const pieces = [...spaces, "g", "G", "s", "S", "t", "T", "total", "TOTAL", "Total", "totals", "sub", "sub-", "grand ", "amount", " amount", ":", "：", "(", ")", "（", "）", "CNY",
    "合", "小", "总", "總", "共", "计", "計", "合计", "小 计", "總\u3000計", "客户", "ſ", "\u212a", "x", "1", "Ltd", "\u200b"];
  const textArb = fc.oneof(
    fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }).map((parts) => parts.join("")),
    fc.string({ minLength: 1 }),
    fc.string({ unit: "grapheme", minLength: 1 }),
  );

  test("isTotalText = the total-row patterns (property)", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(isTotalText(text)).toBe(CJK_TOTAL.test(text) || (text.length <= 30 && ENGLISH_TOTAL.test(text)));
      }),
      { numRuns: 10000 },
    );
  });

  test("examples", () => {
    for (const text of ["合计", "小 计", "總計", "Total", "  Grand total:", "Subtotal (CNY)", "\u3000total", "sub-total"]) expect(isTotalText(text)).toBe(true);
    for (const text of ["Total Logistics Ltd", "客户", "ſubtotal", "totally"]) expect(isTotalText(text)).toBe(false);
  });
});

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

describe("sheet plans", () => {
  /** Amounts as the rules make them: parsed, summed, divided, in every shape decimal.js has. */
  const decimalArb: fc.Arbitrary<Decimal> = fc.oneof(
    fenArb.filter((fen) => Number.isSafeInteger(fen)).map((fen) => decimalFromFen(fen)),
    fenArb.map((fen) => new Dec(fen).dividedBy(100)),
    fc.integer({ min: -1e9, max: 1e9 }).map((n) => new Dec(n).dividedBy(1000)),
    fc.integer({ min: 1, max: 1e6 }).map((n) => new Dec(n).dividedBy(7)),
    fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }).map((n) => new Dec(n.toString()).dividedBy(100)),
    fc.constantFrom("0", "-0", "0.001", "0.005", "-0.005", "1e13", "9999999.99", "10000000", "10000000.01", "0.1", "0.12", "1e-9", "123456789012.345").map((text) => new Dec(text)),
    fc.tuple(fenArb, fenArb).map(([a, b]) => new Dec(a).plus(b).minus(a).dividedBy(100)),
  );

  test("fenOf (quick case for one or two words) = fenOfGeneral for every Decimal (property)", () => {
    fc.assert(
      fc.property(decimalArb, (amount) => {
        expect(Object.is(fenOf(amount), fenOfGeneral(amount))).toBe(true);
      }),
      { numRuns: 10000 },
    );
  });

  const AS_OF = fromYmd(2026, 11, 23);
  const itemArb: fc.Arbitrary<AgedItem> = fc
    .tuple(
      decimalArb,
      fc.option(decimalArb),
      decimalArb,
      fc.integer({ min: -60, max: 400 }),
      fc.boolean(),
      fc.integer({ min: 0, max: 5 }),
      fc.option(fc.oneof(fc.integer({ min: 30000, max: 80000 }), fc.constantFrom(1, 2, 60, 61, 2958465, 2958466, 0.5))),
    )
    .map(([amount, outstanding, interest, daysOverdue, disputed, bucket, invoiceDate]) => ({
      state: {
        invoice: { customer: "", invoiceNo: "INV", invoiceDate: invoiceDate ?? null, dueDate: AS_OF - daysOverdue, amount, received: new Dec(0), currency: "CNY", disputed },
        // None: nothing applied, the outstanding is the amount itself.
        outstanding: outstanding ?? amount,
        applications: [],
        settledOn: null,
      },
      daysOverdue,
      ageDays: daysOverdue,
      bucket,
      interest,
    }));
  const reasonsArb = fc.subarray(["overdueDays", "overdueTotal", "overLimit", "gradeD"] as StopReason[]);
  const customerArb: fc.Arbitrary<CustomerReport> = fc
    .tuple(fc.constantFrom("甲", "乙", "ACME"), fc.constantFrom("CNY", "USD"), fc.array(itemArb, { maxLength: 6 }), fc.array(decimalArb, { minLength: 11, maxLength: 11 }), reasonsArb, fc.option(decimalArb))
    .map(([name, currency, items, [b0, b1, b2, b3, b4, outstanding, overdue, interest, unapplied, excess, limit], reasons, pct]) => ({
      customer: name,
      currency,
      items,
      buckets: [b0, b1, b2, b3, b4],
      outstanding,
      overdue,
      unappliedCredit: unapplied,
      interest,
      maxDaysOverdue: 0,
      computedGrade: "A",
      grade: "A",
      lateEvents: [],
      fixedLimit: limit,
      temporaryLimit: new Dec(0),
      effectiveLimit: limit,
      overLimit: false,
      excess,
      limitUsedPct: pct,
      strictlyControlled: false,
      stopShipping: reasons.length > 0,
      reasons,
      stage: null,
      provision: new Dec(0),
      writeOffCandidate: false,
    }));
  const reportArb: fc.Arbitrary<Report> = fc.array(customerArb, { maxLength: 6 }).map((customers) => ({ asOf: AS_OF, customers, errors: [] }));
  const langArb = fc.constantFrom<Lang>("zh-CN", "zh-TW", "en");

  /** The detail rows as detailPlan wrote them before its fast path: shownAmount of each Decimal. */
  function referenceDetailRows(report: Report, policy: Policy, lang: Lang, yes: string, no: string): unknown[][] {
    const invoiceStage = (days: number, disputed: boolean): StageId | null => {
      if (disputed) return null;
      const stage = policy.escalation.find((candidate) => days >= candidate.fromDays && (candidate.toDays === null || days <= candidate.toDays));
      return stage ? stage.id : null;
    };
    const rows: unknown[][] = [];
    for (const currency of currenciesOf(report.customers, policy)) {
      for (const customer of report.customers.filter((candidate) => candidate.currency === currency)) {
        for (const item of customer.items) {
          const invoice = item.state.invoice;
          rows.push([
            customer.customer,
            customer.currency,
            invoice.invoiceNo,
            invoice.invoiceDate === null ? null : toSerial(invoice.invoiceDate, "1900"),
            toSerial(invoice.dueDate, "1900"),
            shownAmount(invoice.amount),
            shownAmount(invoice.amount.minus(item.state.outstanding)),
            shownAmount(item.state.outstanding),
            item.daysOverdue,
            policy.buckets.labels[lang][item.bucket] ?? "",
            shownAmount(item.interest),
            invoice.disputed ? yes : no,
            stageLabel(invoiceStage(item.daysOverdue, invoice.disputed), policy, lang),
          ]);
        }
      }
    }
    return rows;
  }

  /** -0 and 0 told apart. */
  const exact = (rows: unknown[][]): unknown[][] => rows.map((row) => row.map((cell) => (Object.is(cell, -0) ? "-0" : cell)));

  test("detailPlan shows every amount, date and stage as the reference does (property)", () => {
    fc.assert(
      fc.property(reportArb, langArb, (report, lang) => {
        const words = labelsFor(lang);
        // A day Excel cannot show throws, the same way.
        const outcome = (rows: () => unknown[][]): unknown => {
          try {
            return exact(rows());
          } catch (error) {
            return { threw: String(error) };
          }
        };
        const plan = outcome(() => detailPlan(report, DEFAULT_POLICY, lang).values.slice(1));
        expect(plan).toEqual(outcome(() => referenceDetailRows(report, DEFAULT_POLICY, lang, words.yes, words.no)));
      }),
      { numRuns: 1500 },
    );
  });

  /** Ledgers as read: invoices of up to two decimals (some not), part received, some credit notes. */
  const invoiceArb = fc
    .tuple(
      fc.constantFrom("甲", "乙"),
      fc.oneof(fc.integer({ min: -5_000_00, max: 10_000_000_00 }).map((fen) => decimalFromFen(fen)), decimalArb),
      fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 })),
      fc.integer({ min: -90, max: 400 }),
      fc.boolean(),
    )
    .map(([customer, amount, receivedPercent, daysOverdue, disputed]) => ({
      customer,
      invoiceNo: "",
      invoiceDate: AS_OF - daysOverdue - 30,
      dueDate: AS_OF - daysOverdue,
      amount,
      received: receivedPercent === 0 ? new Dec(0) : amount.times(receivedPercent).dividedBy(100).toDecimalPlaces(2),
      currency: "CNY",
      disputed,
    }));

  test("detailPlan of the rules' own report (items that keep amounts in fen) shows them as the reference does (property)", () => {
    fc.assert(
      fc.property(fc.array(invoiceArb, { maxLength: 30 }), langArb, (invoices, lang) => {
        const ledger = { invoices: invoices.map((invoice, index) => ({ ...invoice, invoiceNo: `INV-${index}` })), payments: [], customers: [] };
        const report = buildReport(ledger, AS_OF, DEFAULT_POLICY);
        const words = labelsFor(lang);
        // The plan first, while the rules' items may still hold their amounts in fen; the reference makes them.
        const plan = detailPlan(report, DEFAULT_POLICY, lang).values.slice(1);
        expect(exact(plan)).toEqual(exact(referenceDetailRows(report, DEFAULT_POLICY, lang, words.yes, words.no)));
      }),
      { numRuns: 500 },
    );
  });

  test("agingPlan shows customer amounts, reasons and totals rows as before (property)", () => {
    fc.assert(
      fc.property(reportArb, langArb, (report, lang) => {
        const plan = agingPlan(report, DEFAULT_POLICY, lang);
        const currencies = currenciesOf(report.customers, DEFAULT_POLICY);
        const bucketCount = DEFAULT_POLICY.buckets.labels[lang].length;
        const ordered = currencies.flatMap((currency) => report.customers.filter((customer) => customer.currency === currency));
        ordered.forEach((customer, index) => {
          const row = plan.values[1 + index];
          const amounts = [customer.effectiveLimit, customer.outstanding, ...customer.buckets, customer.overdue];
          expect(exact([row.slice(4, 4 + amounts.length)])).toEqual(exact([amounts.map((amount) => shownAmount(amount))]));
          const after = 4 + amounts.length + 1;
          expect(exact([row.slice(after, after + 3)])).toEqual(exact([[customer.interest, customer.unappliedCredit, customer.excess].map((amount) => shownAmount(amount))]));
          expect(row[after + 5]).toBe(reasonsText(customer.reasons, DEFAULT_POLICY, lang));
        });
        const first = 1 + report.customers.length;
        currencies.forEach((currency, index) => {
          const totals = currencyTotals(report.customers, currency, bucketCount);
          const fraction = totals.outstanding.isZero() ? null : Number(totals.overdue.div(totals.outstanding).toDecimalPlaces(6).toString());
          const expected = [
            shownAmount(totals.outstanding),
            ...totals.buckets.map((bucket) => shownAmount(bucket)),
            shownAmount(totals.overdue),
            fraction,
            shownAmount(totals.interest),
            shownAmount(totals.unappliedCredit),
            shownAmount(totals.excess),
          ];
          expect(exact([plan.values[first + index].slice(5, 5 + expected.length)])).toEqual(exact([expected]));
        });
      }),
      { numRuns: 800 },
    );
  });
});
