import fc from "fast-check";
import { messageText } from "../../src/i18n/messages";
import { fromYmd } from "../../src/rules/dates";
import { Dec } from "../../src/rules/decimal";
import { formatExact, formatMoney, formatScaled, parseDecimal, rescale } from "../../src/rules/money";
import {
  parseAmount,
  parseAmountWithCurrency,
  parseCurrency,
  parseDateCell,
  parseFlag,
  parseGrade,
  parseInteger,
  parseText,
} from "../../src/workbook/parse";
import type { Parsed } from "../../src/workbook/parse";

/** A parse failure in English, as the old parsers wrote it; undefined when the cell was read. */
const english = (parsed: Parsed<unknown>): string | undefined => (parsed.error === undefined ? undefined : messageText(parsed.error.code, parsed.error.params, "en"));
/** An amount shown to the fen, as a cell shows it. */
const amountText = (cell: Parameters<typeof parseAmount>[0]): string | undefined => {
  const amount = parseAmount(cell).ok;
  return amount === undefined ? undefined : formatMoney(amount.units, amount.scale);
};
/** An amount written exactly. */
const exactText = (cell: Parameters<typeof parseAmount>[0]): string | undefined => {
  const amount = parseAmount(cell).ok;
  return amount === undefined ? undefined : formatExact(amount.units, amount.scale);
};

describe("parseAmount", () => {
  it.each([
    [1234.5, "1234.50"],
    [2.675, "2.68"],
    ["¥1,234.50", "1234.50"],
    ["￥1,234.50", "1234.50"],
    ["RMB 1,234.50", "1234.50"],
    ["1,234.50元", "1234.50"],
    ["CNY 1234.5", "1234.50"],
    ["$1,234.50", "1234.50"],
    ["(1,234.50)", "-1234.50"],
    ["（1,234.50）", "-1234.50"],
    ["-1,234.50", "-1234.50"],
    ["¥-1,234.50", "-1234.50"],
    ["１２３", "123.00"],
    ["１，２３４．５０", "1234.50"],
    [" 1234 ", "1234.00"],
    ["−99.5", "-99.50"],
    ["1234.", "1234.00"],
  ])("reads %p as %s", (cell, expected) => {
    expect(amountText(cell)).toBe(expected);
  });

  it("reads amounts as exact counts of their own decimals, never floats", () => {
    expect(parseAmount("¥1,234.50").ok).toEqual({ units: 12345, scale: 1 });
    expect(parseAmount(1234.5).ok).toEqual({ units: 123450, scale: 2 });
    expect(parseAmount(1063.12).ok).toEqual({ units: 106312, scale: 2 });
    expect(parseAmount(-0.05).ok).toEqual({ units: -5, scale: 2 });
    expect(parseAmount(2.675).ok).toEqual({ units: 2675, scale: 3 });
    expect(parseAmount(9999999999999.99).ok).toEqual({ units: 999999999999999, scale: 2 });
    expect(parseAmount("1063.125").ok).toEqual({ units: 1063125, scale: 3 });
    expect(parseAmount("1.5e3").ok).toEqual({ units: 1500, scale: 0 });
    expect(parseAmount("1.5e-7").ok).toEqual({ units: 15, scale: 8 });
    expect(parseAmount("999,999,999,999,999.99999").ok).toEqual({ units: 99999999999999999999n, scale: 5 });
  });

  it("keeps a number's shortest decimal spelling exactly", () => {
    expect(exactText(2.675)).toBe("2.675");
    expect(exactText(0.1 + 0.2)).toBe("0.30000000000000004");
  });

  it("reads -0 as 0", () => {
    expect(Object.is(parseAmount(-0).ok?.units, -0)).toBe(false);
    expect(parseAmount(-0).ok?.units).toBe(0);
    expect(exactText("-0")).toBe("0");
    expect(parseAmount("-0.00").ok?.units).toBe(0);
  });

  it("names the currency given by code", () => {
    expect(parseAmountWithCurrency("RMB 1,234.50").ok?.currency).toBe("CNY");
    expect(parseAmountWithCurrency("USD 10").ok?.currency).toBe("USD");
    expect(parseAmountWithCurrency("1,000.00元").ok?.currency).toBeUndefined();
  });

  it.each([
    ["$50", "50", "USD"],
    ["US$ 1,234.50", "1234.5", "USD"],
    ["-$50", "-50", "USD"],
    ["€50", "50", "EUR"],
    ["50 €", "50", "EUR"],
    ["£1,000", "1000", "GBP"],
    ["HK$ 2,000", "2000", "HKD"],
    ["hk$2000", "2000", "HKD"],
    ["NT$300", "300", "TWD"],
    ["¥10", "10", "CNY"],
    ["￥ 2,000", "2000", "CNY"],
    ["$50 USD", "50", "USD"],
  ])("reads the currency of %p from its sign: %s %s", (cell, amount, currency) => {
    const parsed = parseAmountWithCurrency(cell);
    const read = parsed.ok === undefined ? undefined : formatExact(parsed.ok.amount.units, parsed.ok.amount.scale);
    expect({ amount: read, currency: parsed.ok?.currency }).toEqual({ amount, currency });
  });

  it("lists the other currencies a bare $ or ¥ may stand for, and none for a code", () => {
    expect(parseAmountWithCurrency("$50").ok?.signCurrencies).toEqual(expect.arrayContaining(["USD", "HKD", "TWD"]));
    expect(parseAmountWithCurrency("¥50").ok?.signCurrencies).toEqual(["CNY", "JPY"]);
    expect(parseAmountWithCurrency("US$50").ok?.signCurrencies).toBeUndefined();
    expect(parseAmountWithCurrency("$50 USD").ok?.signCurrencies).toBeUndefined();
    expect(parseAmountWithCurrency("HK$50").ok?.signCurrencies).toBeUndefined();
    expect(parseAmountWithCurrency("¥1,234.50").ok).toEqual({ amount: { units: 12345, scale: 1 }, currency: "CNY", signCurrencies: ["CNY", "JPY"] });
  });

  it("refuses an amount written with two different currencies", () => {
    expect(english(parseAmountWithCurrency("$50 €"))).toBe('"$50 €" names two currencies');
    expect(english(parseAmountWithCurrency("¥50 USD"))).toBe('"¥50 USD" names two currencies');
  });

  it.each([
    ["1 234,50", "e.g. 1234.50"],
    ["1.234,50", "e.g. 1234.50"],
    ["1234,5", "e.g. 1234.5"],
  ])("refuses %p with a message about the decimal comma", (cell, suggestion) => {
    const result = parseAmount(cell);
    expect(english(result)).toContain(`"${cell}" uses a decimal comma`);
    expect(english(result)?.endsWith(suggestion)).toBe(true);
    expect(result.error?.code).toBe("amount.decimalComma");
  });

  it("refuses NaN, Infinity and absurd values", () => {
    expect(english(parseAmount(Number.NaN))).toBe("NaN is not an amount");
    expect(english(parseAmount(Number.POSITIVE_INFINITY))).toBe("Infinity is not an amount");
    expect(english(parseAmount("NaN"))).toBe('"NaN" is not an amount');
    expect(english(parseAmount("Infinity"))).toBe('"Infinity" is not an amount');
    expect(english(parseAmount(1e308))).toContain("too large");
    expect(english(parseAmount("1e308"))).toContain("too large");
    expect(english(parseAmount(1e16))).toContain("too large");
    expect(exactText(999999999999999)).toBe("999999999999999");
  });

  it("keeps the range check at 10^15 in either direction, for numbers and texts", () => {
    expect(english(parseAmount(2e15))).toBe('"2000000000000000" is too large to be an amount (over 1,000,000,000,000,000)');
    expect(parseAmount(2e15).error).toEqual({ code: "amount.outOfRange", params: { text: "2000000000000000", limit: 1e15 } });
    expect(exactText("1,000,000,000,000,000")).toBe("1000000000000000");
    expect(exactText(-1e15)).toBe("-1000000000000000");
    expect(parseAmount("1,000,000,000,000,000.01").error?.code).toBe("amount.outOfRange");
    expect(parseAmount("-1000000000000000.5").error?.code).toBe("amount.outOfRange");
    expect(parseAmount("10000000000000000").error?.code).toBe("amount.outOfRange");
    expect(parseAmount("1e99999999999").error?.code).toBe("amount.outOfRange");
  });

  it("refuses an amount needing more than 20 decimals, and takes one of 20", () => {
    expect(parseAmount("0.00000000000000000001").ok).toEqual({ units: 1, scale: 20 });
    expect(parseAmount("0.000000000000000000001").error).toEqual({ code: "amount.tooPrecise", params: { text: "0.000000000000000000001", limit: 20 } });
    expect(english(parseAmount("0.000000000000000000001"))).toBe('"0.000000000000000000001" has more than 20 decimals');
    expect(parseAmount("1.000000000000000000000").ok).toEqual({ units: 1, scale: 0 });
    expect(parseAmount("1e-21").error?.code).toBe("amount.tooPrecise");
    expect(parseAmount(1e-21).error?.code).toBe("amount.tooPrecise");
    expect(parseAmount(5e-324).error?.code).toBe("amount.tooPrecise");
    expect(parseAmount(1.5e-20).error?.code).toBe("amount.tooPrecise");
    expect(parseAmount(1e-20).ok).toEqual({ units: 1, scale: 20 });
  });

  it("reads no hexadecimal, octal or binary spelling as a number", () => {
    for (const cell of ["0x10", "0X10", "0b101", "0o17", "¥0x10", "1e", "1e+", ".e5", "5.e3", "1,234.", ",123", "1,2345", "."]) {
      expect(parseAmount(cell).error?.code).toBe("amount.invalid");
    }
    expect(english(parseAmount("0x10"))).toBe('"0x10" is not an amount');
    expect(parseAmount("1,23").error?.code).toBe("amount.decimalComma");
    expect(parseDecimal("0x10")).toBeNull();
  });

  it("refuses text that is no amount", () => {
    expect(english(parseAmount("abc"))).toBe('"abc" is not an amount');
    expect(english(parseAmount("12.3.4"))).toBe('"12.3.4" is not an amount');
    expect(english(parseAmount("(-5)"))).toBe('"(-5)" is not an amount');
    expect(english(parseAmount(true))).toBe("TRUE is not an amount");
  });

  it("says a blank amount is blank", () => {
    expect(english(parseAmount(null))).toBe("amount is blank");
    expect(english(parseAmount("  "))).toBe("amount is blank");
    expect(parseAmount(null).error?.code).toBe("amount.blank");
  });

  it("names an Excel error value", () => {
    expect(english(parseAmount({ error: "#N/A" }))).toBe("the cell shows the Excel error #N/A");
  });

  it("reads a number cell as its shortest decimal spelling, what Excel shows (property)", () => {
    const numbers = fc.oneof(
      fc.integer({ min: -(1e15 - 1), max: 1e15 - 1 }).map((fen) => fen / 100),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
      fc.double({ min: -1e15, max: 1e15, noNaN: true }),
      fc.constantFrom(0, -0, 2.675, 0.1 + 0.2, 1e13, 1e13 - 0.01, 9999999999999.99, 1e15, 0.005, 1e-7, 1e-20),
    );
    fc.assert(
      fc.property(numbers, (value) => {
        const parsed = parseAmount(value);
        if (value !== 0 && Math.abs(value) < 1e-20) return;
        if (parsed.error !== undefined) {
          expect(parsed.error.code).toBe("amount.tooPrecise");
          expect(new Dec(String(value)).decimalPlaces()).toBeGreaterThan(20);
          return;
        }
        const exact = formatExact(parsed.ok.units, parsed.ok.scale);
        expect(new Dec(exact).equals(new Dec(String(value)))).toBe(true);
        expect(Number(exact)).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads back every decimal of up to 20 places, grouped or not, signed or in parentheses (property)", () => {
    const amount = fc.record({
      units: fc.oneof(fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n })),
      scale: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(amount, fc.boolean(), fc.boolean(), ({ units, scale }, grouped, parenthesised) => {
        const text = formatScaled(typeof units === "bigint" ? units : BigInt(units), scale);
        const [whole, fraction] = text.replace("-", "").split(".");
        const negative = text.startsWith("-");
        const digits = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : whole;
        const body = fraction === undefined ? digits : `${digits}.${fraction}`;
        const typed = negative ? (parenthesised ? `(${body})` : `-${body}`) : body;
        const parsed = parseAmount(typed);
        const size = BigInt(units) < 0n ? -BigInt(units) : BigInt(units);
        if (size > 10n ** BigInt(15 + scale)) {
          expect(parsed.error?.code).toBe("amount.outOfRange");
        } else {
          expect(parsed.ok).toBeDefined();
          const read = parsed.ok ?? { units: 0, scale: 0 };
          expect(scale >= read.scale).toBe(true);
          expect(BigInt(rescale(read.units, read.scale, scale))).toBe(BigInt(units));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parseDateCell", () => {
  it("reads serials in both date systems and ignores the time of day", () => {
    expect(parseDateCell(46112, "1900", null).ok).toBe(fromYmd(2026, 3, 31));
    expect(parseDateCell(46112.75, "1900", null).ok).toBe(fromYmd(2026, 3, 31));
    expect(parseDateCell(46349.75, "1900", null).ok).toBe(46349);
    expect(parseDateCell(0, "1904", null).ok).toBe(fromYmd(1904, 1, 1));
    expect(parseDateCell(0, "1904", null).ok).toBe(1462);
  });

  it("reads text dates through the rules", () => {
    expect(parseDateCell("2026-03-31", "1900", null).ok).toBe(fromYmd(2026, 3, 31));
    expect(parseDateCell("2026-11-23", "1900", null).ok).toBe(fromYmd(2026, 11, 23));
    expect(parseDateCell("2026/3/15", "1900", null).ok).toBe(fromYmd(2026, 3, 15));
    expect(parseDateCell("2026年3月31日", "1900", null).ok).toBe(fromYmd(2026, 3, 31));
    expect(parseDateCell("03/04/2026", "1900", "DMY").ok).toBe(fromYmd(2026, 4, 3));
  });

  it("gives the rules' problem for a bad date", () => {
    expect(english(parseDateCell("2026-13-01", "1900", null))).toContain('"2026-13-01" is not a date');
    expect(parseDateCell("2026-13-01", "1900", null).error).toEqual({ code: "date.noSuchMonth", params: { text: "2026-13-01", month: 13 } });
    expect(parseDateCell("2026-02-29", "1900", null).error?.code).toBe("date.noSuchDay");
    expect(parseDateCell(60, "1900", null).error?.code).toBe("serial.fictitious");
    expect(english(parseDateCell("03/04/2026", "1900", null))).toContain("could be");
    expect(english(parseDateCell("03/04/2026", "1900", null))).toBe('"03/04/2026" could be 3 Apr 2026 or Mar 4 2026; write it as YYYY-MM-DD or set the date order (DMY or MDY)');
    expect(english(parseDateCell(true, "1900", null))).toBe("TRUE is not a date");
    expect(english(parseDateCell(null, "1900", null))).toBe("the date is blank");
    expect(english(parseDateCell({ error: "#VALUE!" }, "1900", null))).toBe("the cell shows the Excel error #VALUE!");
  });
});

describe("parseFlag", () => {
  it.each(["是", "Y", "yes", "TRUE", "true", "1", "✓", "争议", "爭議", 1, true])("reads %p as yes", (cell) => {
    expect(parseFlag(cell).ok).toBe(true);
  });
  it.each([null, "", "否", "N", "No", "FALSE", "0", 0, false])("reads %p as no", (cell) => {
    expect(parseFlag(cell).ok).toBe(false);
  });
  it("refuses anything else", () => {
    expect(english(parseFlag("maybe"))).toBe('"maybe" is not yes or no (use 是/否, Y/N, 1/0)');
    expect(english(parseFlag(2))).toContain("2 is not yes or no");
  });
});

describe("parseInteger", () => {
  it("reads whole days in several spellings", () => {
    expect(parseInteger(30).ok).toBe(30);
    expect(parseInteger("３０天").ok).toBe(30);
    expect(parseInteger("45 days").ok).toBe(45);
    expect(parseInteger("Net 60").ok).toBe(60);
  });
  it("refuses fractions, negatives and words", () => {
    expect(english(parseInteger(30.5))).toBe("30.5 is not a whole number of days");
    expect(english(parseInteger(-1))).toBe("-1 is not a whole number of days");
    expect(english(parseInteger("thirty"))).toBe('"thirty" is not a whole number of days');
  });
});

describe("parseGrade, parseCurrency, parseText", () => {
  it("reads grades A–D in any case and width", () => {
    expect(["a", "B", "ｃ", "Ｄ"].map((cell) => parseGrade(cell).ok)).toEqual(["A", "B", "C", "D"]);
    expect(english(parseGrade("E"))).toBe('"E" is not a credit grade (A, B, C or D)');
  });

  it("reads currencies by code or Chinese name, blank as the fallback", () => {
    expect(parseCurrency("人民币", "CNY").ok).toBe("CNY");
    expect(parseCurrency("usd", "CNY").ok).toBe("USD");
    expect(parseCurrency("港币", "CNY").ok).toBe("HKD");
    expect(parseCurrency(null, "CNY").ok).toBe("CNY");
    expect(english(parseCurrency("dollars", "CNY"))).toContain('"dollars" is not a currency code');
  });

  it("reads numbers as text in their shortest spelling", () => {
    expect(parseText(10023).ok).toBe("10023");
    expect(parseText("  INV-1 ").ok).toBe("INV-1");
    expect(parseText("").ok).toBeNull();
    expect(english(parseText({ error: "#REF!" }))).toContain("#REF!");
  });
});
