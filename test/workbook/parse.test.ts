import { fromYmd } from "../../src/rules/dates";
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

const amountText = (cell: Parameters<typeof parseAmount>[0]): string | undefined => parseAmount(cell).ok?.toFixed(2);

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

  it("keeps a number's shortest decimal spelling exactly", () => {
    expect(parseAmount(2.675).ok?.toString()).toBe("2.675");
    expect(parseAmount(0.1 + 0.2).ok?.toString()).toBe("0.30000000000000004");
  });

  it("reads -0 as 0", () => {
    expect(parseAmount(-0).ok?.isNegative()).toBe(false);
    expect(parseAmount("-0").ok?.toString()).toBe("0");
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
    expect({ amount: parsed.ok?.amount.toString(), currency: parsed.ok?.currency }).toEqual({ amount, currency });
  });

  it("lists the other currencies a bare $ or ¥ may stand for, and none for a code", () => {
    expect(parseAmountWithCurrency("$50").ok?.signCurrencies).toEqual(expect.arrayContaining(["USD", "HKD", "TWD"]));
    expect(parseAmountWithCurrency("¥50").ok?.signCurrencies).toEqual(["CNY", "JPY"]);
    expect(parseAmountWithCurrency("US$50").ok?.signCurrencies).toBeUndefined();
    expect(parseAmountWithCurrency("$50 USD").ok?.signCurrencies).toBeUndefined();
    expect(parseAmountWithCurrency("HK$50").ok?.signCurrencies).toBeUndefined();
  });

  it("refuses an amount written with two different currencies", () => {
    expect(parseAmountWithCurrency("$50 €").error).toBe('"$50 €" names two currencies');
    expect(parseAmountWithCurrency("¥50 USD").error).toBe('"¥50 USD" names two currencies');
  });

  it.each([
    ["1 234,50", "e.g. 1234.50"],
    ["1.234,50", "e.g. 1234.50"],
    ["1234,5", "e.g. 1234.5"],
  ])("refuses %p with a message about the decimal comma", (cell, suggestion) => {
    const result = parseAmount(cell);
    expect(result.error).toContain(`"${cell}" uses a decimal comma`);
    expect(result.error?.endsWith(suggestion)).toBe(true);
    expect(result.code).toBe("amount.decimalComma");
  });

  it("refuses NaN, Infinity and absurd values", () => {
    expect(parseAmount(Number.NaN).error).toBe("NaN is not an amount");
    expect(parseAmount(Number.POSITIVE_INFINITY).error).toBe("Infinity is not an amount");
    expect(parseAmount("NaN").error).toBe('"NaN" is not an amount');
    expect(parseAmount("Infinity").error).toBe('"Infinity" is not an amount');
    expect(parseAmount(1e308).error).toContain("too large");
    expect(parseAmount("1e308").error).toContain("too large");
    expect(parseAmount(1e16).error).toContain("too large");
    expect(parseAmount(999999999999999).ok?.toString()).toBe("999999999999999");
  });

  it("refuses text that is no amount", () => {
    expect(parseAmount("abc").error).toBe('"abc" is not an amount');
    expect(parseAmount("12.3.4").error).toBe('"12.3.4" is not an amount');
    expect(parseAmount("(-5)").error).toBe('"(-5)" is not an amount');
    expect(parseAmount(true).error).toBe("TRUE is not an amount");
  });

  it("says a blank amount is blank", () => {
    expect(parseAmount(null).error).toBe("amount is blank");
    expect(parseAmount("  ").error).toBe("amount is blank");
    expect(parseAmount(null).code).toBe("amount.blank");
  });

  it("names an Excel error value", () => {
    expect(parseAmount({ error: "#N/A" }).error).toBe("the cell shows the Excel error #N/A");
  });
});

describe("parseDateCell", () => {
  it("reads serials in both date systems and ignores the time of day", () => {
    expect(parseDateCell(46112, "1900", null).ok).toBe(fromYmd(2026, 3, 31));
    expect(parseDateCell(46112.75, "1900", null).ok).toBe(fromYmd(2026, 3, 31));
    expect(parseDateCell(0, "1904", null).ok).toBe(fromYmd(1904, 1, 1));
  });

  it("reads text dates through the rules", () => {
    expect(parseDateCell("2026-03-31", "1900", null).ok).toBe(fromYmd(2026, 3, 31));
    expect(parseDateCell("2026年3月31日", "1900", null).ok).toBe(fromYmd(2026, 3, 31));
    expect(parseDateCell("03/04/2026", "1900", "DMY").ok).toBe(fromYmd(2026, 4, 3));
  });

  it("gives the rules' message for a bad date", () => {
    expect(parseDateCell("2026-13-01", "1900", null).error).toContain('"2026-13-01" is not a date');
    expect(parseDateCell("03/04/2026", "1900", null).error).toContain("could be");
    expect(parseDateCell(true, "1900", null).error).toBe("TRUE is not a date");
    expect(parseDateCell(null, "1900", null).error).toBe("the date is blank");
    expect(parseDateCell({ error: "#VALUE!" }, "1900", null).error).toBe("the cell shows the Excel error #VALUE!");
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
    expect(parseFlag("maybe").error).toBe('"maybe" is not yes or no (use 是/否, Y/N, 1/0)');
    expect(parseFlag(2).error).toContain("2 is not yes or no");
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
    expect(parseInteger(30.5).error).toBe("30.5 is not a whole number of days");
    expect(parseInteger(-1).error).toBe("-1 is not a whole number of days");
    expect(parseInteger("thirty").error).toBe('"thirty" is not a whole number of days');
  });
});

describe("parseGrade, parseCurrency, parseText", () => {
  it("reads grades A–D in any case and width", () => {
    expect(["a", "B", "ｃ", "Ｄ"].map((cell) => parseGrade(cell).ok)).toEqual(["A", "B", "C", "D"]);
    expect(parseGrade("E").error).toBe('"E" is not a credit grade (A, B, C or D)');
  });

  it("reads currencies by code or Chinese name, blank as the fallback", () => {
    expect(parseCurrency("人民币", "CNY").ok).toBe("CNY");
    expect(parseCurrency("usd", "CNY").ok).toBe("USD");
    expect(parseCurrency("港币", "CNY").ok).toBe("HKD");
    expect(parseCurrency(null, "CNY").ok).toBe("CNY");
    expect(parseCurrency("dollars", "CNY").error).toContain('"dollars" is not a currency code');
  });

  it("reads numbers as text in their shortest spelling", () => {
    expect(parseText(10023).ok).toBe("10023");
    expect(parseText("  INV-1 ").ok).toBe("INV-1");
    expect(parseText("").ok).toBeNull();
    expect(parseText({ error: "#REF!" }).error).toContain("#REF!");
  });
});
