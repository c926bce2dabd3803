import "../support/custom-functions";
import { asError, rejected } from "../support/cf-helpers";
import { grade, stage } from "../../src/functions/functions";

describe("AR.STAGE", () => {
  it("names the escalation stage for the days overdue", async () => {
    expect(await stage([[-3], [0], [5], [20], [45], [75], [120]])).toEqual([
      ["到期提醒"],
      [""],
      ["友好提醒"],
      ["电话催收"],
      ["正式催款函"],
      ["律师函"],
      ["法律程序"],
    ]);
  });

  it("speaks Traditional Chinese and English", async () => {
    expect(await stage([[20]], "zh-TW")).toEqual([["電話催收"]]);
    expect(await stage([[100]], "en")).toEqual([["Legal action"]]);
    expect((await rejected(stage([[1]], "xx"))).code).toBe("#VALUE!");
  });

  it("leaves blanks blank and refuses fractional days in their cell", async () => {
    const result = await stage([[""], [2.5], [8]]);
    expect(result[0][0]).toBe("");
    expect(asError(result[1][0]).message).toBe("days_overdue: 2.5 is not a whole number of days");
    expect(result[2][0]).toBe("电话催收");
  });
});

describe("AR.GRADE", () => {
  it("grades by whole months since the latest late payment", async () => {
    expect(await grade([[0], [2], [3], [11], [12], [35], [36], [120]])).toEqual([
      ["D"],
      ["D"],
      ["C"],
      ["C"],
      ["B"],
      ["B"],
      ["A"],
      ["A"],
    ]);
  });

  it("grades a blank (never late) as A", async () => {
    expect(await grade([[null], [""]])).toEqual([["A"], ["A"]]);
    expect(await grade(null as unknown as unknown[][])).toEqual([["A"]]);
  });

  it("refuses negative and non-numeric months in their cell", async () => {
    const result = await grade([[-1], ["soon"], [40]]);
    expect(asError(result[0][0]).message).toBe("months_since_last_late: -1 must be a whole number, 0 or more");
    expect(asError(result[1][0]).message).toBe('months_since_last_late: "soon" is not a number');
    expect(result[2][0]).toBe("A");
  });
});
