import { settingInEnglish } from "../support/problems";
import { problemText } from "../../src/i18n/messages";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import { policyFromJson, policyToJson } from "../../src/rules/policy-json";
import { resolveSettings } from "../../src/workbook/settings";
import {
  GENERATED_KEY,
  generatedAfterWrite,
  generatedToText,
  readGeneratedList,
  recordToSettings,
  settingsForJobs,
  settingsToRecord,
  storeFromRows,
  storeToRows,
} from "../../src/workbook/settings-store";

describe("the key/value store", () => {
  it("round-trips policy, templates and mapping", () => {
    const policy = policyFromJson({ ...policyToJson(DEFAULT_POLICY), interest: { dailyRate: "0.0004", graceDays: 5, capRatio: "0.2" } }).policy;
    const templates = [{ lang: "en" as const, stage: "formal", subject: "S", body: "B" }];
    const record = settingsToRecord(policy, templates, { invoices: { customer: "往来单位" } });
    expect(Object.keys(record)).toEqual(["ar.policy", "ar.templates", "ar.mapping"]);
    const back = recordToSettings(record);
    expect(back.errors).toEqual([]);
    expect(back.templates).toEqual(templates);
    expect(back.mapping).toEqual({ invoices: { customer: "往来单位" } });
    const again = policyFromJson(back.policyJson).policy;
    expect(again.interest.dailyRate.toString()).toBe("0.0004");
    expect(again.interest.graceDays).toBe(5);
    expect(again.interest.capRatio?.toString()).toBe("0.2");
  });

  it("reports broken JSON by key, never throwing", () => {
    const back = recordToSettings({ "ar.policy": "{oops", "ar.templates": '[{"lang":"fr","stage":"x","subject":"","body":""}]', "ar.mapping": '{"ledger":{}}' });
    expect(back.errors.map(settingInEnglish)).toEqual([
      { field: "ar.policy", message: "ar.policy is not valid JSON" },
      { field: "ar.templates[0]", message: "a template needs lang (zh-CN, zh-TW or en), stage, subject and body" },
      { field: "ar.mapping.ledger", message: 'unknown table "ledger" in the column mapping' },
    ]);
    expect(back.policyJson).toBeUndefined();
  });

  it("falls back to the default for a key whose text is bad, and keeps the good keys", () => {
    const back = recordToSettings({ "ar.policy": "[1, 2]", "ar.mapping": '{"invoices":{"customer":"客户"}}' });
    expect(back.errors.map(settingInEnglish)).toEqual([{ field: "ar.policy", message: expect.stringContaining("1,2") }]);
    expect(back.policyJson).toBeUndefined();
    expect(back.mapping).toEqual({ invoices: { customer: "客户" } });
    expect(resolveSettings({ sheets: [], tables: [], dateSystem: "1900", settings: { "ar.policy": "[1, 2]" } }, DEFAULT_POLICY).policy).toBe(DEFAULT_POLICY);
  });
});

describe("the list of generated sheets", () => {
  it("round-trips through its stored text", () => {
    const sheets = [
      { id: "{1A2B}", name: "账龄分析 2026-11-23", kind: "aging" as const },
      { id: "Flags", name: "Flags" },
    ];
    expect(generatedToText(sheets)).toBe('[{"id":"{1A2B}","name":"账龄分析 2026-11-23","kind":"aging"},{"id":"Flags","name":"Flags"}]');
    expect(readGeneratedList(generatedToText(sheets))).toEqual({ sheets, errors: [] });
    expect(readGeneratedList(undefined)).toEqual({ sheets: [], errors: [] });
  });

  it("reads bad text as no generated sheet, and says so instead of throwing", () => {
    expect(readGeneratedList("not json")).toEqual({
      sheets: [],
      errors: [{ field: "ar.generated", code: "settings.generatedUnreadable", params: { key: "ar.generated", why: "notJson" } }],
    });
    expect(problemText(readGeneratedList("not json").errors[0], "en")).toBe(
      "ar.generated is not valid JSON: sheets generated earlier are treated as the user's and kept",
    );
    expect(problemText(readGeneratedList('{"id":"x"}').errors[0], "en")).toMatch(/^ar.generated is not a list of sheets/);
  });

  it("keeps the entries with an id and reports the others by position", () => {
    const read = readGeneratedList('[{"id":"{A}","name":"Aging","kind":"aging"},{"name":"no id"},7]');
    expect(read.sheets).toEqual([{ id: "{A}", name: "Aging", kind: "aging" }]);
    expect(read.errors.map((error) => error.field)).toEqual(["ar.generated[1]", "ar.generated[2]"]);
  });

  it("after a write keeps what is still there, drops what was replaced, adds what was written", () => {
    const earlier = [{ id: "A", name: "A" }, { id: "B", name: "B" }, { id: "C", name: "C" }];
    // B was deleted by the user; C is replaced by the new C.
    const after = generatedAfterWrite(earlier, new Set(["A", "C"]), [{ id: "C", name: "C", kind: "flags" }]);
    expect(after).toEqual([{ id: "A", name: "A" }, { id: "C", name: "C", kind: "flags" }]);
  });

  it("is the adapters' own: the jobs' settings leave it out", () => {
    expect(settingsForJobs({ "ar.policy": "{}", [GENERATED_KEY]: "[]", lang: "en" })).toEqual({ "ar.policy": "{}", lang: "en" });
  });

  it("reaches the user with the settings problems when the adapter met it broken", () => {
    const { errors } = readGeneratedList("[oops");
    const resolved = resolveSettings({ sheets: [], tables: [], dateSystem: "1900", settings: {}, storeErrors: errors }, DEFAULT_POLICY);
    expect(resolved.policyErrors.map((error) => error.field)).toEqual(["ar.generated"]);
  });
});

describe("the store sheet of an .xlsx file", () => {
  it("splits a 40,000-character value into cells of 32,767 and 7,233 characters and joins them back", () => {
    const policy = "p".repeat(40_000);
    const rows = storeToRows({ "ar.policy": policy, "ar.mapping": "" });
    expect(rows.map((row) => row.map((cell) => cell.length))).toEqual([[9, 32_767, 7_233], [10, 0]]);
    expect(storeFromRows(rows)).toEqual({ "ar.policy": policy, "ar.mapping": "" });
  });

  it("skips rows without a text key and never writes through __proto__", () => {
    const store = storeFromRows([[null, "x"], [42, "y"], ["__proto__", '{"polluted":1}'], ["ar.mapping", "{", { error: "#N/A" }, "}"]]);
    expect(store).toEqual({ "ar.mapping": "{}" });
    expect(Object.getPrototypeOf(store)).toBe(Object.prototype);
  });
});
