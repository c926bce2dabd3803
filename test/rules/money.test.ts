import { Dec, Rounding, ZERO, addMoney, formatFen, maxDecimal, minDecimal, roundFen, sum, toDecimal } from "../../src/rules/money";

describe("money rounding to the fen (half-up)", () => {
  test.each([
    ["1063.125", "1063.13"],
    ["2.675", "2.68"],
    ["1.005", "1.01"],
    ["-2.675", "-2.68"],
    ["0.004", "0.00"],
  ])("%s rounds to %s", (input, expected) => {
    expect(roundFen(toDecimal(input)).toFixed(2)).toBe(expected);
    expect(formatFen(toDecimal(input))).toBe(expected === "-0.00" ? "0.00" : expected);
  });

  test("numbers are taken by their shortest decimal spelling, so 2.675 and 1.005 round up where floats do not", () => {
    expect((2.675).toFixed(2)).toBe("2.67"); // the float defect this module avoids
    expect(formatFen(toDecimal(2.675))).toBe("2.68");
    expect(formatFen(toDecimal(1.005))).toBe("1.01");
    expect(formatFen(toDecimal(1063.125))).toBe("1063.13");
  });

  test("other rounding modes are a parameter", () => {
    expect(roundFen(toDecimal("2.675"), Rounding.halfEven).toFixed(2)).toBe("2.68");
    expect(roundFen(toDecimal("2.665"), Rounding.halfEven).toFixed(2)).toBe("2.66");
    expect(roundFen(toDecimal("2.679"), Rounding.down).toFixed(2)).toBe("2.67");
  });

  test("negative zero is shown as 0.00", () => {
    expect(formatFen(toDecimal("-0.001"))).toBe("0.00");
  });

  test("sums are exact: 0.1 + 0.2 = 0.3, ten thousand fen add to 100.00", () => {
    expect(sum([toDecimal(0.1), toDecimal(0.2)]).toString()).toBe("0.3");
    expect(sum(Array.from({ length: 10000 }, () => toDecimal("0.01"))).toFixed(2)).toBe("100.00");
    expect(sum([]).toString()).toBe("0");
  });

  test("non-finite numbers are refused", () => {
    expect(() => toDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => toDecimal(Number.POSITIVE_INFINITY)).toThrow(/not a finite amount/);
  });

  test("min and max", () => {
    expect(maxDecimal(toDecimal(3), toDecimal("3.01")).toString()).toBe("3.01");
    expect(minDecimal(toDecimal(3), toDecimal("3.01")).toString()).toBe("3");
    expect(ZERO.toString()).toBe("0");
    expect(new Dec("1").dividedBy(3).toSignificantDigits(5).toString()).toBe("0.33333");
  });
});

describe("currencies never mix", () => {
  test("same currency adds", () => {
    const total = addMoney({ amount: toDecimal("100.50"), currency: "CNY" }, { amount: toDecimal("0.50"), currency: "CNY" });
    expect(total.amount.toString()).toBe("101");
    expect(total.currency).toBe("CNY");
  });

  test("CNY + USD throws", () => {
    expect(() => addMoney({ amount: toDecimal(1), currency: "CNY" }, { amount: toDecimal(1), currency: "USD" })).toThrow(
      "cannot add CNY and USD: currencies are never mixed",
    );
  });

  test("adding does not mutate its inputs", () => {
    const a = { amount: toDecimal("1.5"), currency: "CNY" };
    const b = { amount: toDecimal("2.5"), currency: "CNY" };
    addMoney(a, b);
    expect(a.amount.toString()).toBe("1.5");
    expect(b.amount.toString()).toBe("2.5");
  });
});
