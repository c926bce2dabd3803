/**
 * The policy part of a workbook's settings, as the worksheet functions read it: the same policy
 * resolveSettings gives the jobs, without templates or mapping.
 */
import { sheetOf } from "../support/grid";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { CellValue, WorkbookData } from "../../src/workbook/adapter-types";
import { resolveSettings } from "../../src/workbook/settings";
import { readPolicySettings, settingsRows, workbookPolicy } from "../../src/workbook/settings-policy";

function workbook(rows: CellValue[][], settings: Record<string, string> = {}, name = "设置"): WorkbookData {
  return { sheets: [sheetOf(name, rows, { firstRow: 2 })], tables: [], dateSystem: "1900", settings };
}

const SHEET: CellValue[][] = [
  ["项目", "值"],
  ["interest.dailyRate", 0.001],
  [null, null],
  ["# buckets of seed 002", null],
  ["buckets.edges", "0,30,90"],
  ["template.formal.zh-CN.subject", "催款函"],
  ["mapping.invoices.customer", "往来单位"],
  ["limit.temporaryMaxRatio", "lots"],
];

describe("workbookPolicy", () => {
  it("is the policy resolveSettings gives the jobs", () => {
    const book = workbook(SHEET, { "ar.policy": JSON.stringify({ interest: { graceDays: 3 } }) });
    const policy = workbookPolicy(book, DEFAULT_POLICY);
    expect(policy).toEqual(resolveSettings(book, DEFAULT_POLICY).policy);
    expect(policy.interest.dailyRate.toString()).toBe("0.001");
    expect(policy.interest.graceDays).toBe(3);
    expect(policy.buckets.labels["zh-CN"]).toEqual(["未到期", "1-30天", "31-90天", "90天以上"]);
    // The bad ratio keeps the default 50 %.
    expect(policy.limit.temporaryMaxRatio.toString()).toBe("0.5");
  });

  it("is the base policy without settings", () => {
    expect(workbookPolicy({ sheets: [], tables: [], dateSystem: "1900", settings: {} }, DEFAULT_POLICY)).toBe(DEFAULT_POLICY);
  });
});

describe("readPolicySettings", () => {
  it("reads the policy rows, numbered as in Excel, passing over the header, comments, templates and mapping", () => {
    const read = readPolicySettings(workbook(SHEET));
    expect(read.policyJson).toEqual({ interest: { dailyRate: 0.001 }, buckets: { edges: [0, 30, 90] }, limit: { temporaryMaxRatio: "lots" } });
    expect(read.sources["buckets.edges"]).toEqual({ sheet: "设置", row: 7, column: "B" });
    expect(read.errors).toEqual([]);
  });

  it("reports an unknown key on its cell", () => {
    const read = readPolicySettings(workbook([["interest.dailyRat", 0.001]]));
    expect(read.errors).toEqual([{ sheet: "设置", row: 3, column: "B", code: "settings.unknownKey", params: { key: "interest.dailyRat" } }]);
  });

  it("finds no rows on a sheet the add-in generated, nor without a settings sheet", () => {
    expect(settingsRows({ ...workbook(SHEET), sheets: [{ ...workbook(SHEET).sheets[0], generated: true }] })).toEqual([]);
    expect(settingsRows(workbook(SHEET, {}, "应收台账"))).toEqual([]);
  });
});
