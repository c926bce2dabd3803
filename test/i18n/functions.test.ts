/**
 * The worksheet functions' #VALUE! messages: a sentence for every code in each language, nested
 * problems in the same language, Traditional characters in zh-TW.
 */
import { FUNCTION_TEXTS, functionProblemText, type FunctionMessageParams } from "../../src/i18n/functions";
import type { Lang } from "../../src/rules/types";

/** One example per code: the params, and the English sentence a person can read. */
const EXAMPLES: { [C in keyof FunctionMessageParams]: [FunctionMessageParams[C], string] } = {
  "arg.notADate": [{ shown: { text: "tomorrow" } }, '"tomorrow" is not a date'],
  "arg.notANumber": [{ shown: { value: "TRUE" } }, "TRUE is not a number"],
  "arg.tooManyDecimals": [{ shown: { value: "5e-324" }, max: 36 }, "5e-324 has more than 36 decimals"],
  "arg.negativeRate": [{ value: "-0.001" }, "-0.001 is negative; a daily rate is 0 or more, e.g. 0.0005"],
  "arg.notACount": [{ shown: { value: "1.5" } }, "1.5 must be a whole number, 0 or more"],
  "arg.notWholeDays": [{ shown: { value: "2.5" } }, "2.5 is not a whole number of days"],
  "arg.notPositive": [{ shown: { value: "0" } }, "0 must be more than 0"],
  "arg.notALanguage": [{ shown: { text: "de" } }, '"de" is not a language; use "zh-CN", "zh-TW" or "en"'],
  "arg.shape": [{ rows: 2, cols: 1, mainRows: 3, mainCols: 1 }, "a range of 2×1 cells does not match the 3×1 cells of the first argument; give one cell or a range of the same size"],
  "arg.rowsPerMain": [{ rows: 1, mainRows: 2 }, "a range of 1 rows does not match the 2 rows of the first argument; give one row per row of it"],
  "arg.bucketEdges": [{ inner: { code: "policy.edges", params: { value: "[30,10]" } } }, "bucket edges [30,10] must be whole numbers of days, not negative, ascending, without duplicates (e.g. 0,30,60,90)"],
  "arg.blank": [{}, "the cell is blank"],
  "arg.dueDateBlank": [{}, "the due date is blank"],
  "arg.ageBlank": [{}, "the age is blank"],
  "arg.notAGrade": [{ shown: { text: "E" } }, '"E" is not a grade; use A, B, C or D'],
  "arg.negativeAmount": [{ value: "-5" }, "-5 is negative"],
  "arg.temporaryOverMax": [{ temporary: "600000", percent: "50", fixed: "1000000" }, "600000 is more than 50 % of the fixed limit 1000000"],
  "arg.unknownBucket": [{ shown: { text: "soon" }, labels: ["Not due", "Over 0 days"] }, '"soon" is not a bucket of the policy; use one of Not due, Over 0 days, or its number 1 to 2'],
  "arg.paymentDateBlank": [{ position: 2 }, "payment 2 has an amount but no date"],
  "arg.paymentAmountBlank": [{ position: 3 }, "payment 3 has a date but no amount"],
  "arg.monthBlank": [{ month: 1 }, "month 1 is blank; enter 0 for a month without sales"],
  "arg.atRow": [{ row: 2, inner: { code: "arg.notANumber", params: { shown: { text: "abc" } } } }, 'row 2: "abc" is not a number'],
  "arg.defect": [{ detail: "x is undefined" }, "x is undefined"],
};

const LANGS: Lang[] = ["zh-CN", "zh-TW", "en"];

describe("function messages", () => {
  it("have a sentence for every code in each language, the English one as written here", () => {
    for (const [code, [params, english]] of Object.entries(EXAMPLES)) {
      expect(functionProblemText({ code, params }, "en")).toBe(english);
      for (const lang of LANGS) expect(Object.keys(FUNCTION_TEXTS[lang]).sort()).toEqual(Object.keys(EXAMPLES).sort());
    }
  });

  it("render a nested problem in the same language, and a rule's problem through its own words", () => {
    const nested = { code: "arg.atRow", params: { row: 3, inner: { code: "arg.dueDateBlank", params: {} } } };
    expect(functionProblemText(nested, "zh-CN")).toBe("第 3 行：到期日为空");
    expect(functionProblemText(nested, "zh-TW")).toBe("第 3 列：到期日為空白");
    expect(functionProblemText({ code: "date.noSuchMonth", params: { text: "2026-13-01", month: 13 } }, "zh-CN")).toBe("“2026-13-01” 不是有效日期（没有13月）");
  });

  it("write zh-CN in Chinese and zh-TW in Traditional characters", () => {
    const simplifiedOnly = /[为数额临过规该项张笔号区间账龄据单组语请写这样个与并当负从宽优设万后阶电话师备内应开连续级评标则汇总确贷结随递于对转简赊销户传预储栏页余冲准]/;
    for (const [code, [params]] of Object.entries(EXAMPLES)) {
      const traditional = functionProblemText({ code, params }, "zh-TW");
      expect({ code, simplified: simplifiedOnly.exec(traditional)?.[0] ?? null }).toEqual({ code, simplified: null });
      if (code !== "arg.defect") expect(functionProblemText({ code, params }, "zh-CN")).toMatch(/[\u3400-\u9fff]/);
    }
  });
});
