import { rowInEnglish, settingInEnglish } from "../support/problems";
import { problemText } from "../../src/i18n/messages";
import type { SettingError } from "../../src/workbook/settings-store";
import { DEFAULT_TEMPLATES } from "../../src/rules/letters/templates";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { CellValue, SheetData, WorkbookData } from "../../src/workbook/adapter-types";
import { readSettings, resolveSettings } from "../../src/workbook/settings";
import { recordToSettings, settingsToRecord } from "../../src/workbook/settings-store";
import { sheetOf } from "../support/grid";

function sheet(name: string, rows: CellValue[][], extra: Partial<Omit<SheetData, "rows">> = {}): SheetData {
  return sheetOf(name, rows, extra);
}

function workbook(sheets: SheetData[], settings: Record<string, string> = {}): WorkbookData {
  return { sheets, tables: [], dateSystem: "1900", settings };
}

describe("readSettings from a settings sheet", () => {
  const book = workbook([
    sheet("设置", [
      ["设置项", "值", "说明"],
      ["interest.dailyRate", 0.0003, "日利率"],
      ["buckets.edges", "0,30,60,90,180"],
      ["company.name", "XX贸易有限公司"],
      ["# a comment row", "ignored"],
      [null, null],
      ["interest.capRatio", "none"],
      ["template.formal.zh-CN.subject", "催款函:{{customer}}"],
      ["mapping.invoices.customer", "往来单位名称"],
    ]),
  ]);
  const read = readSettings(book);

  it("builds nested policy JSON, converting lists and nulls", () => {
    expect(read.policyJson).toEqual({
      interest: { dailyRate: 0.0003, capRatio: null },
      buckets: { edges: [0, 30, 60, 90, 180] },
      company: { name: "XX贸易有限公司" },
    });
    expect(read.sources["company.name"]).toEqual({ sheet: "设置", row: 4, column: "B" });
  });

  it("reads a template part over the default of its stage and language", () => {
    const defaultFormal = DEFAULT_TEMPLATES.find((t) => t.stage === "formal" && t.lang === "zh-CN");
    expect(read.templates).toEqual([{ lang: "zh-CN", stage: "formal", subject: "催款函:{{customer}}", body: defaultFormal?.body }]);
  });

  it("reads the remembered column mapping", () => {
    expect(read.mapping).toEqual({ invoices: { customer: "往来单位名称" } });
  });

  it("skips the header row and reports nothing", () => {
    expect(read.errors).toEqual([]);
  });
});

describe("invalid settings are reported on their cells", () => {
  const book = workbook([
    sheet("Settings", [
      ["Key", "Value"],
      ["interest.dailyRate", "abc"],
      ["interest.graceDays", "-3"],
      ["interest.rate", "0.1"],
      ["escalation", "[not json"],
      ["company", "ACME"],
      ["template.formal.en.body", "Dear {{customr}}"],
      ["mapping.invoices.colour", "Colour"],
    ]),
  ]);
  const resolved = resolveSettings(book, DEFAULT_POLICY);
  const where = resolved.errors.map((e) => `${e.sheet}!${e.column}${e.row}: ${e.header ? `${e.header}: ` : ""}${problemText(e, "en")}`);

  it("names the sheet, row and column of every invalid value", () => {
    expect(where).toEqual([
      'Settings!B4: unknown setting "interest.rate"',
      'Settings!B5: escalation: "[not json" is not a JSON list',
      "Settings!B6: company is a group of settings; set one of its parts, e.g. company.name",
      'Settings!B8: unknown column "colour" for invoices; known: customer, invoiceNo, invoiceDate, dueDate, amount, received, currency, salesperson, region, disputed, paymentTermDays',
      "Settings!B7: template formal en uses unknown merge fields {{customr}}",
      'Settings!B2: interest.dailyRate: "abc" is not a number',
      'Settings!B3: interest.graceDays: "-3" must be a whole number, at least 0',
    ]);
  });

  it("keeps the base value of each invalid field", () => {
    expect(resolved.policy.interest.dailyRate.toString()).toBe("0.0005");
    expect(resolved.policy.interest.graceDays).toBe(0);
  });

  it("lists policy problems by field, with the cell", () => {
    const listed = (errors: SettingError[]) => errors.map((e) => ({ field: e.field, message: `${problemText(e, "en")}${e.cell ? ` (${e.cell})` : ""}` }));
    expect(listed(resolved.policyErrors)).toContainEqual({ field: "interest.dailyRate", message: '"abc" is not a number (Settings!B2)' });
    expect(listed(resolved.templateErrors)).toContainEqual({ field: "Settings!B7", message: "template formal en uses unknown merge fields {{customr}}" });
  });
});

describe("resolveSettings", () => {
  it("overlays the store with the sheet, the sheet winning", () => {
    const store = settingsToRecord({ ...DEFAULT_POLICY, replyDays: 10, currency: "USD" }, [], {});
    const book = workbook([sheet("AR Settings", [["replyDays", 14]])], store);
    const resolved = resolveSettings(book, DEFAULT_POLICY);
    expect(resolved.policy.replyDays).toBe(14);
    expect(resolved.policy.currency).toBe("USD");
    expect(resolved.policyErrors).toEqual([]);
  });

  it("writes labels for new bucket edges instead of keeping the old ones", () => {
    const book = workbook([sheet("设定", [["buckets.edges", "0，30、60"]])]);
    const resolved = resolveSettings(book, DEFAULT_POLICY);
    expect(resolved.policy.buckets.edges).toEqual([0, 30, 60]);
    expect(resolved.policy.buckets.labels["zh-CN"]).toHaveLength(4);
    expect(resolved.policyErrors).toEqual([]);
  });

  it("merges the workbook's templates over the defaults and checks their stage", () => {
    const book = workbook([
      sheet("Settings", [
        ["template.formal.zh-CN.subject", "新主题"],
        ["template.vip.en.subject", "Hello"],
        ["template.vip.en.body", "Dear {{customer}}"],
      ]),
    ]);
    const resolved = resolveSettings(book, DEFAULT_POLICY);
    expect(resolved.templates).toHaveLength(DEFAULT_TEMPLATES.length + 1);
    expect(resolved.templates?.find((t) => t.stage === "formal" && t.lang === "zh-CN")?.subject).toBe("新主题");
    expect(resolved.templateErrors.map(settingInEnglish)).toEqual([
      { field: "template.vip.en", message: 'no escalation stage "vip" in the policy; known: preDue, reminder, phone, formal, lawyer, legal' },
    ]);
  });

  it("asks for the missing part of a template no default completes", () => {
    const book = workbook([sheet("Settings", [["template.vip.en.subject", "Hello"]])]);
    expect(resolveSettings(book, DEFAULT_POLICY).errors.map(rowInEnglish)).toEqual([
      { sheet: "Settings", row: 1, column: "B", message: "template vip en has no body: add template.vip.en.body", code: "settings.templateMissing" },
    ]);
  });

  it("returns the base policy itself when the workbook sets nothing", () => {
    const resolved = resolveSettings(workbook([]), DEFAULT_POLICY);
    expect(resolved.policy).toBe(DEFAULT_POLICY);
    expect(resolved.templates).toBeUndefined();
  });
});

describe("the key/value store", () => {
  it("reports a broken store in the resolved policy errors", () => {
    const resolved = resolveSettings(workbook([], { "ar.policy": "{oops" }), DEFAULT_POLICY);
    expect(resolved.policyErrors.map(settingInEnglish)).toEqual([{ field: "ar.policy", message: "ar.policy is not valid JSON" }]);
    expect(resolved.policy).toBe(DEFAULT_POLICY);
  });
});

describe("keys that lead into Object.prototype", () => {
  const probe = {} as Record<string, unknown>;

  it("are unknown settings on their cells, and nothing is written through them", () => {
    const book = workbook([
      sheet("Settings", [
        ["Key", "Value"],
        ["__proto__.toString", "pwned"],
        ["constructor.prototype.valueOf", 1],
        ["interest.__proto__.toLocaleString", "x"],
        ["interest.constructor", "x"],
        ["interest.dailyRate", 0.0003],
      ]),
    ]);
    const read = readSettings(book);
    expect(read.errors.map((e) => `${e.sheet}!${e.column}${e.row}: ${problemText(e, "en")} (${e.code})`)).toEqual([
      'Settings!B2: unknown setting "__proto__.toString" (settings.unknownKey)',
      'Settings!B3: unknown setting "constructor.prototype.valueOf" (settings.unknownKey)',
      'Settings!B4: unknown setting "interest.__proto__.toLocaleString" (settings.unknownKey)',
      'Settings!B5: unknown setting "interest.constructor" (settings.unknownKey)',
    ]);
    expect(read.policyJson).toEqual({ interest: { dailyRate: 0.0003 } });
    expect(Object.getPrototypeOf(read.policyJson)).toBe(Object.prototype);
    expect(typeof probe.toString).toBe("function");
    expect(typeof probe.valueOf).toBe("function");
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "pwned")).toBe(false);
  });

  it("are refused inside a JSON list set on the sheet", () => {
    const book = workbook([sheet("Settings", [["escalation", '[{"__proto__":{"polluted":1},"id":"x"}]']])]);
    const read = readSettings(book);
    expect(read.errors.map((e) => problemText(e, "en"))).toEqual(['unknown setting "escalation[0].__proto__"']);
    expect(read.policyJson).toEqual({});
  });

  it("are dropped from the store's JSON and reported by path", () => {
    const store = {
      "ar.policy": '{"__proto__":{"polluted":1},"interest":{"__proto__":{"dailyRate":"0.9"},"graceDays":3},"constructor":{"prototype":{"polluted":1}}}',
      "ar.mapping": '{"invoices":{"__proto__":"x","customer":"往来单位"}}',
    };
    const back = recordToSettings(store);
    expect(back.errors.map(settingInEnglish)).toEqual([
      { field: "ar.policy.__proto__", message: 'unknown setting "ar.policy.__proto__"' },
      { field: "ar.policy.interest.__proto__", message: 'unknown setting "ar.policy.interest.__proto__"' },
      { field: "ar.policy.constructor", message: 'unknown setting "ar.policy.constructor"' },
      { field: "ar.mapping.invoices.__proto__", message: 'unknown setting "ar.mapping.invoices.__proto__"' },
    ]);
    expect(back.policyJson).toEqual({ interest: { graceDays: 3 } });
    expect(back.mapping).toEqual({ invoices: { customer: "往来单位" } });
    const resolved = resolveSettings(workbook([], store), DEFAULT_POLICY);
    expect(resolved.policy.interest.graceDays).toBe(3);
    expect(resolved.policy.interest.dailyRate.toString()).toBe("0.0005");
    expect((probe as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
