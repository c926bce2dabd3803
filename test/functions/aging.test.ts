import "../support/custom-functions";
import { asError, rejected } from "../support/cf-helpers";
import { clock } from "../../src/functions/coerce";
import { aging, daysoverdue } from "../../src/functions/functions";

// Serials (1900 system): 2025-12-01 = 45992, 2025-12-02 = 45993, 2026-01-01 = 46023,
// 2026-10-01 = 46296, 2026-11-23 = 46349.

describe("AR.AGING", () => {
  it("labels one due date as Excel passes it ([[serial]])", async () => {
    expect(await aging([[46296]], [[46349]])).toEqual([["31-60天"]]);
  });

  it("accepts date text for both dates", async () => {
    expect(await aging([["2026-10-01"]], [["2026-11-23"]])).toEqual([["31-60天"]]);
  });

  it("spills a column of due dates against one as-of date", async () => {
    // as of 2026-01-01: 31 and 30 days overdue
    expect(await aging([[45992], [45993]], [[46023]])).toEqual([["31-60天"], ["1-30天"]]);
  });

  it("puts the due date itself and earlier dates in not due, and over 90 last", async () => {
    expect(await aging([[46349], [46350], [46349 - 90], [46349 - 91]], [[46349]])).toEqual([
      ["未到期"],
      ["未到期"],
      ["61-90天"],
      ["90天以上"],
    ]);
  });

  it("leaves blank due dates blank (null and empty text)", async () => {
    expect(await aging([[null], [""], [46296]], [[46349]])).toEqual([[""], [""], ["31-60天"]]);
  });

  it("gives #VALUE! only in the cell whose text is not a date", async () => {
    const result = await aging([["2026-13-01"], [46296], [true]], [[46349]]);
    const bad = asError(result[0][0]);
    expect(bad.code).toBe("#VALUE!");
    expect(bad.message).toMatch(/^due_date: "2026-13-01" is not a date/);
    expect(result[1][0]).toBe("31-60天");
    expect(asError(result[2][0]).message).toBe("due_date: TRUE is not a date");
  });

  it("pairs a column of as-of dates row by row", async () => {
    expect(await aging([[46296], [46296]], [[46296 + 5], [46296 + 65]])).toEqual([["1-30天"], ["61-90天"]]);
  });

  it("fails the call when as_of is a range of another size", async () => {
    const error = await rejected(aging([[46296], [46296], [46296]], [[46300], [46301]]));
    expect(error.message).toContain("as_of: a range of 2×1 cells does not match the 3×1 cells");
  });

  it("fails the call when the as-of date is not a date", async () => {
    expect((await rejected(aging([[46296]], [["tomorrow"]]))).message).toMatch(/^as_of: "tomorrow" is not a date/);
  });

  it("writes labels in Traditional Chinese and English", async () => {
    expect(await aging([[46296]], [[46349]], undefined, "en")).toEqual([["31-60 days"]]);
    expect(await aging([[46296 - 100]], [[46349]], undefined, "zh-TW")).toEqual([["90天以上"]]);
    expect((await rejected(aging([[46296]], [[46349]], undefined, "de"))).message).toMatch(/^lang: "de" is not a language/);
  });

  it("uses the bucket edges given as text or as a range, with labels written from them", async () => {
    expect(await aging([[46296]], [[46349]], [["0,45,90"]])).toEqual([["46-90天"]]);
    expect(await aging([[46296]], [[46349]], [[0, 45, 90]], "en")).toEqual([["46-90 days"]]);
    expect((await rejected(aging([[46296]], [[46349]], [["30,10"]]))).message).toMatch(/^basis_edges: bucket edges \[30,10\]/);
  });

  it("uses today when as_of is omitted", async () => {
    const spy = jest.spyOn(clock, "now").mockReturnValue(new Date(2026, 10, 23, 9, 0));
    expect(await aging([[46296]])).toEqual([["31-60天"]]);
    expect(await aging([[46296]], null as unknown as undefined)).toEqual([["31-60天"]]);
    spy.mockRestore();
  });
});

describe("AR.DAYSOVERDUE", () => {
  it("counts whole days from the due date to the as-of date", async () => {
    expect(daysoverdue([[46296]], [[46349]])).toEqual([[53]]);
    expect(daysoverdue([["2026-01-01"]], [["2026-01-31"]])).toEqual([[30]]);
  });

  it("is 0 on the due date and negative before it", async () => {
    expect(daysoverdue([[46349], [46354]], [[46349]])).toEqual([[0], [-5]]);
  });

  it("spills a 2-D range with blanks and one bad cell", async () => {
    const result = daysoverdue([[45992, null], ["2025-12-02", "31/31/2025"]], [[46023]]);
    expect(result[0]).toEqual([31, ""]);
    expect(result[1][0]).toBe(30);
    expect(asError(result[1][1]).message).toMatch(/^due_date: "31\/31\/2025"/);
  });

  it("refuses serial 60, Excel's fictitious 1900-02-29", async () => {
    expect(asError(daysoverdue([[60]], [[46349]])[0][0]).message).toContain("1900-02-29");
  });
});
