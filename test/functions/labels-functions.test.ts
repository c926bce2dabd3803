import "../support/custom-functions";
import { asError, thrown } from "../support/cf-helpers";
import { grade, stage } from "../../src/functions/functions";

describe("AR.STAGE", () => {
  it("names the escalation stage for the days overdue", () => {
    expect(stage([[-3], [0], [5], [20], [45], [75], [120]])).toEqual([
      ["到期提醒"],
      [""],
      ["友好提醒"],
      ["电话催收"],
      ["正式催款函"],
      ["律师函"],
      ["法律程序"],
    ]);
  });

  it("speaks Traditional Chinese and English", () => {
    expect(stage([[20]], "zh-TW")).toEqual([["電話催收"]]);
    expect(stage([[100]], "en")).toEqual([["Legal action"]]);
    expect(thrown(() => stage([[1]], "xx")).code).toBe("#VALUE!");
  });

  it("leaves blanks blank and refuses fractional days in their cell", () => {
    const result = stage([[""], [2.5], [8]]);
    expect(result[0][0]).toBe("");
    expect(asError(result[1][0]).message).toBe("days_overdue: 2.5 is not a whole number of days");
    expect(result[2][0]).toBe("电话催收");
  });
});

describe("AR.GRADE", () => {
  it("grades by whole months since the latest late payment", () => {
    expect(grade([[0], [2], [3], [11], [12], [35], [36], [120]])).toEqual([
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

  it("grades a blank (never late) as A", () => {
    expect(grade([[null], [""]])).toEqual([["A"], ["A"]]);
    expect(grade(null as unknown as unknown[][])).toEqual([["A"]]);
  });

  it("refuses negative and non-numeric months in their cell", () => {
    const result = grade([[-1], ["soon"], [40]]);
    expect(asError(result[0][0]).message).toBe("months_since_last_late: -1 must be a whole number, 0 or more");
    expect(asError(result[1][0]).message).toBe('months_since_last_late: "soon" is not a number');
    expect(result[2][0]).toBe("A");
  });
});
