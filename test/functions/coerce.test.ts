import "../support/custom-functions";
import { asError, thrown } from "../support/cf-helpers";
import fc from "fast-check";
import { clock, mapCells, readAmount, readDailyRate, readDate, readLang, readNumber, toGrid, today } from "../../src/functions/coerce";
import { Dec } from "../../src/rules/decimal";
import { formatExact } from "../../src/rules/money";
import type { ArgSpec } from "../../src/functions/coerce";

const numberSpec = (name: string, value: unknown, fallback: unknown = 0): ArgSpec<unknown> => ({
  name,
  value,
  coerce: readNumber,
  fallback,
});

describe("toGrid", () => {
  it("wraps a scalar as one cell and keeps a 2-D range", () => {
    expect(toGrid(5)).toEqual([[5]]);
    expect(toGrid([[1], [2]])).toEqual([[1], [2]]);
    expect(toGrid([1, 2])).toEqual([[1, 2]]);
  });
});

describe("mapCells", () => {
  const add = (main: unknown, [other]: unknown[]) => (main as number) + (other as number);

  it("gives the main argument's shape and broadcasts a one-cell argument", () => {
    const result = mapCells(numberSpec("a", [[1, 2], [3, 4]]) as ArgSpec<number>, [numberSpec("b", [[10]])], add);
    expect(result).toEqual([[11, 12], [13, 14]]);
  });

  it("pairs a same-shape range cell by cell", () => {
    const result = mapCells(numberSpec("a", [[1], [2]]) as ArgSpec<number>, [numberSpec("b", [[10], [20]])], add);
    expect(result).toEqual([[11], [22]]);
  });

  it("uses the fallback for an omitted argument and for blank cells of a range", () => {
    expect(mapCells(numberSpec("a", [[1]]) as ArgSpec<number>, [numberSpec("b", undefined, 7)], add)).toEqual([[8]]);
    expect(mapCells(numberSpec("a", [[1]]) as ArgSpec<number>, [numberSpec("b", null, 7)], add)).toEqual([[8]]);
    const result = mapCells(numberSpec("a", [[1], [2]]) as ArgSpec<number>, [numberSpec("b", [[null], [""]], 7)], add);
    expect(result).toEqual([[8], [9]]);
  });

  it("gives a blank output for a blank main cell (null or empty text)", () => {
    const result = mapCells(numberSpec("a", [[null], [""], [3]]) as ArgSpec<number>, [], (main) => main * 2);
    expect(result).toEqual([[""], [""], [6]]);
  });

  it("turns a bad cell into #VALUE! naming the argument and carries on with the next cells", () => {
    const result = mapCells(numberSpec("a", [["x"], [2], [true], [4]]) as ArgSpec<number>, [], (main) => main * 2);
    expect(asError(result[0][0]).code).toBe("#VALUE!");
    expect(asError(result[0][0]).message).toBe('a: "x" is not a number');
    expect(result[1][0]).toBe(4);
    expect(asError(result[2][0]).message).toBe("a: TRUE is not a number");
    expect(result[3][0]).toBe(8);
  });

  it("names the other argument when its cell is bad", () => {
    const result = mapCells(numberSpec("a", [[1], [2]]) as ArgSpec<number>, [numberSpec("b", [[1], ["zz"]])], add);
    expect(result[0][0]).toBe(2);
    expect(asError(result[1][0]).message).toBe('b: "zz" is not a number');
  });

  it("fails the whole call for a range of another shape", () => {
    const error = thrown(() =>
      mapCells(numberSpec("a", [[1], [2], [3]]) as ArgSpec<number>, [numberSpec("b", [[1], [2]])], add),
    );
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("b: a range of 2×1 cells does not match the 3×1 cells");
  });

  it("fails the whole call when a one-cell argument is bad", () => {
    const error = thrown(() => mapCells(numberSpec("a", [[1], [2]]) as ArgSpec<number>, [numberSpec("b", [["q"]])], add));
    expect(error.message).toBe('b: "q" is not a number');
  });

  it("does not change its input", () => {
    const input = [[1, null], ["x", 4]];
    const copy = JSON.parse(JSON.stringify(input));
    mapCells(numberSpec("a", input) as ArgSpec<number>, [], (main) => main);
    expect(input).toEqual(copy);
  });
});

describe("readers", () => {
  it("reads numbers and number text with thousands separators", () => {
    expect(readNumber(1.5, "x")).toBe(1.5);
    expect(readNumber(" 100,000.50 ", "x")).toBe(100000.5);
    expect(() => readNumber("1,00", "x")).toThrow('"1,00" is not a number');
    expect(() => readNumber(Number.NaN, "x")).toThrow("is not a number");
  });

  it("reads dates from serials and text", () => {
    expect(readDate(46296, "due_date")).toBe(46296);
    expect(readDate("2026-10-01", "due_date")).toBe(46296);
    expect(() => readDate(true, "due_date")).toThrow("TRUE is not a date");
    expect(() => readDate({ code: "#N/A" }, "due_date")).toThrow("#N/A is not a date");
  });

  it("reads languages with their usual spellings", () => {
    expect(readLang(undefined)).toBe("zh-CN");
    expect(readLang([[""]])).toBe("zh-CN");
    expect(readLang("EN-us")).toBe("en");
    expect(readLang([["zh-Hant"]])).toBe("zh-TW");
    expect(() => readLang("fr")).toThrow('"fr" is not a language');
  });

  it("takes today from the local calendar date", () => {
    const spy = jest.spyOn(clock, "now").mockReturnValue(new Date(2026, 10, 23, 23, 59));
    expect(today()).toBe(46349);
    spy.mockRestore();
  });
});

describe("readAmount", () => {
  /** The reference reading: the number's shortest decimal spelling, parsed as text. */
  const byText = (value: number): string => new Dec(String(value)).toString();
  /** What readAmount read, written out exactly. */
  const read = (cell: unknown): string => {
    const { units, scale } = readAmount(cell, "amount");
    return new Dec(formatExact(units, scale)).toString();
  };

  it("reads amounts exactly, by the spelling Excel shows", () => {
    expect(read(2.675)).toBe("2.675");
    expect(read(1063.12)).toBe("1063.12");
    expect(read(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(read("1,000,000.50")).toBe("1000000.5");
    expect(read(-5)).toBe("-5");
    expect(readAmount(-0, "amount").units).toBe(0);
    expect(read(99999999999.99)).toBe("99999999999.99");
    expect(read(1e13)).toBe("10000000000000");
  });

  it("counts in the fen or a finer unit, never a coarser one", () => {
    expect(readAmount(1063.12, "amount")).toEqual({ units: 106312, scale: 2 });
    expect(readAmount(1063.125, "amount")).toEqual({ units: 1063125, scale: 3 });
    expect(readAmount(1e14, "amount")).toEqual({ units: 10000000000000000n, scale: 2 });
  });

  it("equals the text reading for any number of up to 36 decimals, and names any other", () => {
    const fen = fc.integer({ min: -(1e15 - 1), max: 1e15 - 1 }).map((n) => n / 100);
    const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e16, max: 1e16 });
    fc.assert(
      fc.property(fc.oneof(fen, anyDouble), (value) => {
        if (new Dec(String(value)).decimalPlaces() <= 36) return read(value) === byText(value);
        expect(() => readAmount(value, "amount")).toThrow(`${String(value)} has more than 36 decimals`);
        // With 17 significant digits at most, only a number below 1e-20 in size has that many.
        return Math.abs(value) < 1e-20;
      }),
      { numRuns: 5000 },
    );
  });
});

describe("readDailyRate", () => {
  it("reads a rate exactly, however many decimals it has up to 26", () => {
    expect(readDailyRate(0.0005, "daily_rate")).toEqual({ units: 5, scale: 4 });
    expect(readDailyRate(0.000123456789, "daily_rate")).toEqual({ units: 123456789, scale: 12 });
    // 0.09 % a year over 365 days: 0.000002465753424657534, 21 decimals.
    expect(readDailyRate(0.0009 / 365, "daily_rate")).toEqual({ units: 2465753424657534, scale: 21 });
    expect(readDailyRate("0.0005", "daily_rate")).toEqual({ units: 5, scale: 4 });
  });

  it("refuses a negative rate and one of more than 26 decimals", () => {
    expect(() => readDailyRate(-0.0000001, "daily_rate")).toThrow("-0.0000001 is negative; a daily rate is 0 or more");
    expect(() => readDailyRate(1.2345678901234567e-11, "daily_rate")).toThrow("1.2345678901234567e-11 has more than 26 decimals");
  });
});
