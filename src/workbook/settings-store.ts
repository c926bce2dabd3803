/**
 * The settings store, one contract for every adapter: the keys the add-in keeps in a workbook,
 * each value written as JSON text, and how stored text is read back — bad text gives the
 * default for that key and a problem, never an exception. Where the store lives is each
 * adapter's part: in Excel the workbook's SettingCollection (one setting per key); in an .xlsx
 * file the veryHidden sheet "_ar_settings" (key in column A, the text in B, C… in pieces of
 * 32,767 characters); in the memory adapter a record. Pure.
 */
import { problem, type Problem } from "./problems";
import type { LetterTemplate } from "../rules/letters/templates";
import { MAX_JSON_DEPTH, tooDeepAt } from "../rules/json-depth";
import { LANGS } from "../rules/policy";
import { policyToJson } from "../rules/policy-json";
import type { Policy } from "../rules/policy-types";
import type { CellValue } from "./adapter-types";
import { MAX_CELL_TEXT_LENGTH } from "./excel-limits";
import { isTableKind, type TableKind } from "./table-kinds";
import type { SheetPlan } from "./plan-types";

/** Remembered column mapping: per table kind, field → header text. */
export type ColumnMapping = Partial<Record<TableKind, Record<string, string>>>;

/**
 * Keys of the settings the jobs read with the workbook (`WorkbookData.settings`).
 * @example SETTINGS_KEYS.policy // "ar.policy"
 */
export const SETTINGS_KEYS = { policy: "ar.policy", templates: "ar.templates", mapping: "ar.mapping" } as const;
/** Key of the list of sheets the add-in generated: the adapters' own, never handed to the jobs. */
export const GENERATED_KEY = "ar.generated";
/** The veryHidden sheet holding the store in an .xlsx file. */
export const STORE_SHEET = "_ar_settings";

/**
 * A problem in a setting: the path of the setting (or the settings-sheet cell, "设置!B3"), and
 * what is wrong as a code with values; `cell` names the settings-sheet cell that set a policy
 * value, when one did.
 */
export type SettingError = Problem & { field: string; cell?: string };

/** One sheet the add-in generated, as listed under "ar.generated". */
export interface GeneratedSheet {
  /** Worksheet.id in Excel (stable across renames); the sheet's name in a file or in memory. */
  id: string;
  name: string;
  /** What it holds; absent for a sheet known as generated only by its flag in WorkbookData. */
  kind?: SheetPlan["kind"];
}

type Json = unknown;

/**
 * Most characters a letter template (subject and body) may have.
 * @example MAX_TEMPLATE_LENGTH // 20000
 */
export const MAX_TEMPLATE_LENGTH = 20_000;

/**
 * What is wrong with a template's size, if anything: too long, or the invoice table placed more
 * than once (each copy of a thousand-invoice table is 60,000 characters).
 * @param template the template
 * @param key where it was read, for the message
 * @returns the problem, or null
 * @example templateSizeProblem({ lang: "en", stage: "formal", subject: "x", body: "{{invoiceTable}}{{invoiceTable}}" }, "ar.templates[0]")?.code // "settings.templateTableRepeated"
 */
export function templateSizeProblem(template: LetterTemplate, key: string): Problem | null {
  const length = template.subject.length + template.body.length;
  if (length > MAX_TEMPLATE_LENGTH) return problem("settings.templateTooLong", { key, length, max: MAX_TEMPLATE_LENGTH });
  const count = template.body.match(/\{\{\s*invoiceTable\s*\}\}/g)?.length ?? 0;
  return count > 1 ? problem("settings.templateTableRepeated", { key, count }) : null;
}

/**
 * Whether parsed JSON is an object (not null, not a list).
 * @param value parsed JSON
 * @returns true for `{…}`
 * @example isJsonObject(JSON.parse("[]")) // false
 */
export function isJsonObject(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Key segments that lead out of the data into Object.prototype; never a setting.
 * @example UNSAFE_KEYS.has("__proto__") // true
 */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * A copy of parsed JSON without the keys that lead into Object.prototype, each one reported.
 * JSON.parse keeps "__proto__" as plain data, but merging that data key by key would write
 * through it.
 * @param value parsed JSON
 * @param path where it was read, for the report
 * @param dropped receives the path of each key left out
 * @returns the copy
 * @example withoutUnsafeKeys(JSON.parse('{"__proto__":1,"a":2}'), "x", dropped) // { a: 2 }, dropped ["x.__proto__"]
 */
export function withoutUnsafeKeys(value: Json, path: string, dropped: string[]): Json {
  if (Array.isArray(value)) return value.map((item, index) => withoutUnsafeKeys(item, `${path}[${index}]`, dropped));
  if (!isJsonObject(value)) return value;
  const copy: Record<string, Json> = {};
  for (const [key, item] of Object.entries(value)) {
    if (UNSAFE_KEYS.has(key)) dropped.push(`${path}.${key}`);
    else copy[key] = withoutUnsafeKeys(item, `${path}.${key}`, dropped);
  }
  return copy;
}

/**
 * The store's form of the settings: policy, templates and column mapping, each as JSON.
 * @param policy the policy to store
 * @param templates the company's templates
 * @param mapping remembered column mapping
 * @returns { "ar.policy": "{…}", "ar.templates": "[…]", "ar.mapping": "{…}" }
 * @example Object.keys(settingsToRecord(DEFAULT_POLICY, [], {})) // ["ar.policy", "ar.templates", "ar.mapping"]
 */
export function settingsToRecord(policy: Policy, templates: readonly LetterTemplate[], mapping: ColumnMapping): Record<string, string> {
  return {
    [SETTINGS_KEYS.policy]: JSON.stringify(policyToJson(policy)),
    [SETTINGS_KEYS.templates]: JSON.stringify(templates),
    [SETTINGS_KEYS.mapping]: JSON.stringify(mapping),
  };
}

function isTemplate(value: unknown): value is LetterTemplate {
  return (
    isJsonObject(value) &&
    typeof value.stage === "string" &&
    typeof value.subject === "string" &&
    typeof value.body === "string" &&
    (LANGS as readonly unknown[]).includes(value.lang)
  );
}

/**
 * Reads the store back: the policy JSON (unchecked; feed it to policyFromJson), the templates and
 * the column mapping. Invalid JSON or shapes are reported by key and that key falls back to
 * nothing stored (the defaults), never thrown.
 * @param record the stored settings
 * @returns the parts, and the problems by key
 * @example recordToSettings({ "ar.mapping": "{\"invoices\":{\"customer\":\"往来单位\"}}" }).mapping.invoices?.customer // "往来单位"
 */
export function recordToSettings(record: Record<string, string>): {
  policyJson?: unknown;
  templates: LetterTemplate[];
  mapping: ColumnMapping;
  errors: SettingError[];
} {
  const errors: SettingError[] = [];
  const parse = (key: string): unknown => {
    const text = Object.hasOwn(record, key) ? record[key] : undefined;
    if (typeof text !== "string" || text.trim() === "") return undefined;
    try {
      const dropped: string[] = [];
      const json = JSON.parse(text) as Json;
      if (tooDeepAt(json, MAX_JSON_DEPTH, key) !== null) {
        errors.push({ field: key, ...problem("settings.tooDeep", { key, max: MAX_JSON_DEPTH }) });
        return undefined;
      }
      const parsed = withoutUnsafeKeys(json, key, dropped);
      for (const path of dropped) errors.push({ field: path, ...problem("settings.unknownKey", { key: path }) });
      return parsed;
    } catch {
      errors.push({ field: key, ...problem("settings.notJson", { key }) });
      return undefined;
    }
  };
  const policyJson = parse(SETTINGS_KEYS.policy);
  const templatesJson = parse(SETTINGS_KEYS.templates);
  const mappingJson = parse(SETTINGS_KEYS.mapping);

  const templates: LetterTemplate[] = [];
  if (templatesJson !== undefined) {
    if (!Array.isArray(templatesJson)) errors.push({ field: SETTINGS_KEYS.templates, ...problem("settings.templatesNotList", { key: SETTINGS_KEYS.templates }) });
    else
      templatesJson.forEach((item, index) => {
        const key = `${SETTINGS_KEYS.templates}[${index}]`;
        if (!isTemplate(item)) {
          errors.push({ field: key, ...problem("settings.templateIncomplete", { key }) });
          return;
        }
        const template: LetterTemplate = { lang: item.lang, stage: item.stage, subject: item.subject, body: item.body };
        const size = templateSizeProblem(template, key);
        if (size) errors.push({ field: key, ...size });
        else templates.push(template);
      });
  }

  const mapping: ColumnMapping = {};
  if (mappingJson !== undefined) {
    if (!isJsonObject(mappingJson)) errors.push({ field: SETTINGS_KEYS.mapping, ...problem("settings.mappingNotObject", { key: SETTINGS_KEYS.mapping }) });
    else
      for (const [kind, fields] of Object.entries(mappingJson)) {
        if (!isTableKind(kind) || !isJsonObject(fields)) {
          errors.push({ field: `${SETTINGS_KEYS.mapping}.${kind}`, ...problem("settings.unknownTable", { table: kind }) });
          continue;
        }
        const entries = Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string");
        mapping[kind] = Object.fromEntries(entries);
      }
  }
  if (policyJson !== undefined && !isJsonObject(policyJson)) {
    errors.push({ field: SETTINGS_KEYS.policy, ...problem("policy.notObject", { value: String(policyJson) }) });
    return { templates, mapping, errors };
  }
  return { policyJson, templates, mapping, errors };
}

/**
 * The stored text of the list of generated sheets.
 * @param sheets the generated sheets
 * @returns JSON text
 * @example generatedToText([{ id: "{A}", name: "Aging", kind: "aging" }]) // '[{"id":"{A}","name":"Aging","kind":"aging"}]'
 */
export function generatedToText(sheets: readonly GeneratedSheet[]): string {
  return JSON.stringify(sheets);
}

/**
 * Reads the stored list of generated sheets. Whatever cannot be read counts as not generated —
 * the safe side: such a sheet is never replaced, a plan of its name goes to "name (2)" — and is
 * reported.
 * @param text the stored text, undefined when nothing is stored
 * @returns the entries that have an id, and the problems
 * @example readGeneratedList("not json") // { sheets: [], errors: [{ field: "ar.generated", code: "settings.generatedUnreadable", params: { key: "ar.generated", why: "notJson" } }] }
 */
export function readGeneratedList(text: string | undefined): { sheets: GeneratedSheet[]; errors: SettingError[] } {
  if (text === undefined || text.trim() === "") return { sheets: [], errors: [] };
  const unreadable = (why: "notJson" | "notList"): { sheets: GeneratedSheet[]; errors: SettingError[] } => ({
    sheets: [],
    errors: [{ field: GENERATED_KEY, ...problem("settings.generatedUnreadable", { key: GENERATED_KEY, why }) }],
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return unreadable("notJson");
  }
  if (!Array.isArray(parsed)) return unreadable("notList");
  const sheets: GeneratedSheet[] = [];
  const errors: SettingError[] = [];
  parsed.forEach((entry: unknown, index) => {
    if (!isJsonObject(entry) || typeof entry.id !== "string") {
      const key = `${GENERATED_KEY}[${index}]`;
      errors.push({ field: key, ...problem("settings.generatedNoId", { key }) });
      return;
    }
    const sheet: GeneratedSheet = { id: entry.id, name: typeof entry.name === "string" ? entry.name : entry.id };
    if (typeof entry.kind === "string") sheet.kind = entry.kind as SheetPlan["kind"];
    sheets.push(sheet);
  });
  return { sheets, errors };
}

/**
 * The list of generated sheets after a write: the earlier entries whose sheets are still there
 * and were not replaced, then the sheets just written.
 * @param earlier the list before the write
 * @param stillThere ids of the sheets left in the workbook, the replaced ones excluded
 * @param written the sheets the write added
 * @returns the new list
 * @example generatedAfterWrite([{ id: "A", name: "A" }, { id: "B", name: "B" }], new Set(["A"]), [{ id: "C", name: "C" }]) // A, C
 */
export function generatedAfterWrite(earlier: readonly GeneratedSheet[], stillThere: ReadonlySet<string>, written: readonly GeneratedSheet[]): GeneratedSheet[] {
  const writtenIds = new Set(written.map((sheet) => sheet.id));
  return [...earlier.filter((sheet) => stillThere.has(sheet.id) && !writtenIds.has(sheet.id)), ...written];
}

/**
 * What the jobs get as `WorkbookData.settings`: the store without the list of generated sheets.
 * @param store every stored key
 * @returns the settings
 * @example settingsForJobs({ "ar.policy": "{}", "ar.generated": "[]" }) // { "ar.policy": "{}" }
 */
export function settingsForJobs(store: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(store).filter(([key]) => key !== GENERATED_KEY));
}

/**
 * The rows of the .xlsx store sheet: a key in column A, its text from column B on in pieces of
 * at most 32,767 characters (Excel's limit for one cell).
 * @param store every stored key
 * @returns one row per key
 * @example storeToRows({ "ar.mapping": "{}" }) // [["ar.mapping", "{}"]]
 */
export function storeToRows(store: Readonly<Record<string, string>>): string[][] {
  return Object.entries(store).map(([key, text]) => {
    const pieces: string[] = [];
    for (let at = 0; at < text.length; at += MAX_CELL_TEXT_LENGTH) pieces.push(text.slice(at, at + MAX_CELL_TEXT_LENGTH));
    return [key, ...(pieces.length > 0 ? pieces : [""])];
  });
}

/**
 * Reads the .xlsx store sheet back: rows without a text key are skipped, a key's pieces are joined.
 * @param rows the sheet's cells from A1
 * @returns every stored key
 * @example storeFromRows([["ar.mapping", "{", "}"], [null, "x"]]) // { "ar.mapping": "{}" }
 */
export function storeFromRows(rows: readonly CellValue[][]): Record<string, string> {
  const store: Record<string, string> = {};
  for (const row of rows) {
    const key = row[0];
    if (typeof key !== "string" || key === "" || UNSAFE_KEYS.has(key)) continue;
    store[key] = row
      .slice(1)
      .map((piece) => (piece === null || typeof piece === "object" ? "" : String(piece)))
      .join("");
  }
  return store;
}
