import { toDecimal } from "../../src/rules/decimal";
import { addMoney, decimalOfNumber, formatMoney, max, min, parseDecimal, roundToFen, sum } from "../../src/rules/money";
import { amount, exact } from "../support/money";

/** An amount typed as text, at its own scale. */
const typed = (text: string): [number | bigint, number] => {
  const parsed = parseDecimal(text);
  if (parsed === null) throw new Error(text);
  return [parsed.units, Math.max(parsed.scale, 2)];
};

describe("money rounding to the fen (half-up)", () => {
  test.each([
    ["1063.125", "1063.13"],
    ["2.675", "2.68"],
    ["1.005", "1.01"],
    ["-2.675", "-2.68"],
    ["0.004", "0.00"],
  ])("%s rounds to %s", (input, expected) => {
    const [units, scale] = typed(input);
    expect(formatMoney(amount(input, scale), scale)).toBe(expected);
    expect(exact(roundToFen(units, scale), scale)).toBe(expected.replace(/\.?0+$/, "") || "0");
  });

  test("numbers are taken by their shortest decimal spelling, so 2.675 and 1.005 round up where floats do not", () => {
    expect((2.675).toFixed(2)).toBe("2.67"); // the float defect this module avoids
    for (const [value, expected] of [[2.675, "2.68"], [1.005, "1.01"], [1063.125, "1063.13"]] as const) {
      const parsed = decimalOfNumber(value);
      expect(parsed === null ? null : formatMoney(parsed.units, parsed.scale)).toBe(expected);
    }
  });

  test("other rounding modes are a parameter", () => {
    expect(formatMoney(2675, 3, "halfEven")).toBe("2.68");
    expect(formatMoney(2665, 3, "halfEven")).toBe("2.66");
    expect(formatMoney(2679, 3, "down")).toBe("2.67");
  });

  test("negative zero is shown as 0.00", () => {
    expect(formatMoney(-1, 3)).toBe("0.00");
  });

  test("sums are exact: 0.1 + 0.2 = 0.3, ten thousand fen add to 100.00, beyond 2^53 too", () => {
    expect(exact(sum([amount(0.1), amount(0.2)]))).toBe("0.3");
    expect(formatMoney(sum(Array.from({ length: 10000 }, () => amount("0.01"))), 2)).toBe("100.00");
    expect(sum([])).toBe(0);
    expect(sum([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 2])).toBe(18014398509481984n);
  });

  test("non-finite numbers are refused", () => {
    expect(() => decimalOfNumber(Number.NaN)).toThrow(RangeError);
    expect(() => decimalOfNumber(Number.POSITIVE_INFINITY)).toThrow(/not a finite amount/);
  });

  test("min and max", () => {
    expect(exact(max(amount(3), amount("3.01")))).toBe("3.01");
    expect(exact(min(amount(3), amount("3.01")))).toBe("3");
    expect(max(2n ** 60n, 5)).toBe(2n ** 60n);
    expect(toDecimal(1).dividedBy(3).toSignificantDigits(5).toString()).toBe("0.33333");
  });
});

describe("currencies never mix", () => {
  test("same currency adds", () => {
    const total = addMoney({ amount: amount("100.50"), currency: "CNY" }, { amount: amount("0.50"), currency: "CNY" });
    expect(exact(total.amount)).toBe("101");
    expect(total.currency).toBe("CNY");
  });

  test("CNY + USD throws", () => {
    expect(() => addMoney({ amount: amount(1), currency: "CNY" }, { amount: amount(1), currency: "USD" })).toThrow(
      "cannot add CNY and USD: currencies are never mixed",
    );
  });

  test("adding does not mutate its inputs", () => {
    const a = { amount: amount("1.5"), currency: "CNY" };
    const b = { amount: amount("2.5"), currency: "CNY" };
    addMoney(a, b);
    expect(exact(a.amount)).toBe("1.5");
    expect(exact(b.amount)).toBe("2.5");
  });
});
