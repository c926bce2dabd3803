/**
 * A workbook carries its own rules: the policy, the letter templates and the remembered column
 * mapping. Two storage forms: the adapters' key/value store (`WorkbookData.settings`, keys
 * "ar.policy", "ar.templates", "ar.mapping", each JSON) and a visible settings sheet
 * (设置 / 設定 / Settings / AR Settings) with a key in column A and its value in column B:
 * `interest.dailyRate` | 0.0005, `buckets.edges` | 0,30,60,90, `company.name` | …,
 * `template.formal.zh-CN.subject` | …, `mapping.invoices.customer` | 往来单位名称.
 * The sheet wins over the store, because it is what the user sees and edits.
 * Pure: works on WorkbookData.
 */
import { messageFor, quote } from "../rules/errors";
import { DEFAULT_TEMPLATES, MERGE_FIELD_NAMES } from "../rules/letters/templates";
import type { LetterTemplate } from "../rules/letters/templates";
import { DEFAULT_POLICY, LANGS, policyFromJson, policyToJson } from "../rules/policy";
import type { PolicyJson } from "../rules/policy";
import type { Policy } from "../rules/policy-types";
import type { Lang, RowError, SourceRef } from "../rules/types";
import type { CellValue, SheetData, WorkbookData } from "./adapter-types";
import { FIELD_SYNONYMS } from "./headers";
import type { TableKind } from "./headers";
import { cellAt, isSettingsSheet } from "./locate";
import { cellText, columnLetter } from "./text";

/** Remembered column mapping: per table kind, field → header text. */
export type ColumnMapping = Partial<Record<TableKind, Record<string, string>>>;

/**
 * Keys of the adapters' key/value store.
 * @example SETTINGS_KEYS.policy // "ar.policy"
 */
export const SETTINGS_KEYS = { policy: "ar.policy", templates: "ar.templates", mapping: "ar.mapping" } as const;

/** A problem in a setting that has no cell (the key/value store). */
export interface SettingError {
  field: string;
  message: string;
}

/** What the workbook's settings say, before they are checked against a policy. */
export interface WorkbookSettings {
  /** Nested policy JSON holding only what the workbook sets (store, then sheet on top). */
  policyJson: Record<string, unknown>;
  /** Templates the workbook sets (not merged with the defaults). */
  templates: LetterTemplate[];
  mapping: ColumnMapping;
  /** Problems with a cell in the settings sheet. */
  errors: RowError[];
  /** Problems in the key/value store. */
  storeErrors: SettingError[];
  /** Cell of each policy path set by the sheet, so later policy errors can point at it. */
  sources: Record<string, SourceRef>;
}

type Json = unknown;
const DEFAULT_JSON = policyToJson(DEFAULT_POLICY) as unknown as Record<string, Json>;
const LIST_SPLIT = /\s*[,，、;；]\s*/;
const NULL_WORDS = new Set(["", "null", "none", "无", "無", "不限"]);
const TRUE_WORDS = new Set(["true", "yes", "y", "1", "是"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", "否"]);
const TEMPLATE_KEY = /^template\.(.+)\.(zh-CN|zh-TW|en)\.(subject|body)$/i;
const MAPPING_KEY = /^mapping\.(invoices|customers|payments|promises)\.([A-Za-z]+)$/;
const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

function isRecord(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Key segments that lead out of the data into Object.prototype; never a setting.
 * @example UNSAFE_KEYS.has("__proto__") // true
 */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** The default value at a dotted path of the policy JSON (own properties only), or undefined for an unknown path. */
function defaultAt(path: string[]): { found: boolean; value: Json } {
  let node: Json = DEFAULT_JSON;
  for (const part of path) {
    if (UNSAFE_KEYS.has(part) || !isRecord(node) || !Object.hasOwn(node, part)) return { found: false, value: undefined };
    node = node[part];
  }
  return { found: true, value: node };
}

function setPath(target: Record<string, Json>, path: string[], value: Json): void {
  if (path.some((part) => UNSAFE_KEYS.has(part))) return;
  let node = target;
  for (const part of path.slice(0, -1)) {
    if (!Object.hasOwn(node, part) || !isRecord(node[part])) node[part] = {};
    node = node[part] as Record<string, Json>;
  }
  node[path[path.length - 1]] = value;
}

/**
 * A copy of parsed JSON without the keys that lead into Object.prototype, each one reported.
 * JSON.parse keeps "__proto__" as plain data, but merging that data key by key would write
 * through it.
 */
function withoutUnsafeKeys(value: Json, path: string, dropped: string[]): Json {
  if (Array.isArray(value)) return value.map((item, index) => withoutUnsafeKeys(item, `${path}[${index}]`, dropped));
  if (!isRecord(value)) return value;
  const copy: Record<string, Json> = {};
  for (const [key, item] of Object.entries(value)) {
    if (UNSAFE_KEYS.has(key)) dropped.push(`${path}.${key}`);
    else copy[key] = withoutUnsafeKeys(item, `${path}.${key}`, dropped);
  }
  return copy;
}

/** Converts a settings-sheet value to the JSON type of the default at that path; a string is a message. */
function convertValue(key: string, cell: CellValue): { value: Json } | { error: string; code?: string } {
  const path = key.split(".");
  const { found, value: example } = defaultAt(path);
  if (!found) return { error: `unknown setting ${quote(key)}`, code: "settings.unknownKey" };
  if (cell !== null && typeof cell === "object") return { error: `${key}: the cell shows the Excel error ${cell.error}` };
  const text = cellText(cell);
  if (isRecord(example)) return { error: `${key} is a group of settings; set one of its parts, e.g. ${key}.${Object.keys(example)[0]}` };
  if (Array.isArray(example)) {
    if (example.length > 0 && isRecord(example[0])) {
      try {
        const dropped: string[] = [];
        const parsed = withoutUnsafeKeys(JSON.parse(text) as Json, key, dropped);
        if (dropped.length > 0) return { error: `${key}: unknown setting ${quote(dropped[0])}` };
        return { value: parsed };
      } catch {
        return { error: `${key}: ${quote(text)} is not a JSON list` };
      }
    }
    const items = text === "" ? [] : text.normalize("NFKC").split(LIST_SPLIT);
    const numeric = example.length > 0 && typeof example[0] === "number";
    return { value: numeric ? items.map((item) => (item !== "" && Number.isFinite(Number(item)) ? Number(item) : item)) : items };
  }
  if (example === null || key === "dateOrder" || key === "interest.capRatio") {
    if (cell === null || NULL_WORDS.has(text.toLowerCase())) return { value: null };
  }
  if (typeof example === "boolean") {
    const word = text.toLowerCase();
    if (TRUE_WORDS.has(word)) return { value: true };
    if (FALSE_WORDS.has(word)) return { value: false };
    return { error: `${key}: ${quote(text)} is not yes or no` };
  }
  if (typeof cell === "number") return { value: cell };
  return { value: typeof example === "number" ? text.normalize("NFKC") : text };
}

/** The settings sheet: the first non-generated sheet with a settings name. */
function settingsSheet(workbook: WorkbookData): SheetData | undefined {
  return workbook.sheets.find((sheet) => !sheet.generated && isSettingsSheet(sheet.name));
}

interface TemplatePart {
  stage: string;
  lang: Lang;
  subject?: string;
  body?: string;
  source: { sheet: string; row: number; column: string };
}

/**
 * Reads the settings the workbook carries: first the key/value store ("ar.policy",
 * "ar.templates", "ar.mapping"), then the settings sheet on top. Values of the sheet are
 * converted to the type the policy expects (lists split on commas; a blank or "none" is null
 * where null is allowed); an invalid value or an unknown key is a RowError on its cell.
 * A first row whose key is not a setting (a header such as 项目 | 值) is skipped; so are rows
 * whose key is blank or starts with "#".
 * @param workbook the workbook's values
 * @returns policy JSON, templates, column mapping, and the problems found, with their cells
 * @example
 * // sheet "设置": A2 interest.dailyRate | B2 0.0003
 * readSettings(workbook).policyJson // { interest: { dailyRate: 0.0003 } }
 */
export function readSettings(workbook: WorkbookData): WorkbookSettings {
  const fromStore = recordToSettings(workbook.settings ?? {});
  const policyJson: Record<string, Json> = isRecord(fromStore.policyJson) ? structuredCloneJson(fromStore.policyJson) : {};
  const mapping: ColumnMapping = { ...fromStore.mapping };
  const errors: RowError[] = [];
  const sources: Record<string, SourceRef> = {};
  const parts = new Map<string, TemplatePart>();
  const templates: LetterTemplate[] = [...fromStore.templates];

  const sheet = settingsSheet(workbook);
  if (sheet) {
    let seenSetting = false;
    for (let row = sheet.firstRow; row < sheet.firstRow + sheet.rows.length; row++) {
      const key = cellText(cellAt(sheet, row, 0)).normalize("NFKC").replace(/\s+/g, "");
      if (key === "" || key.startsWith("#")) continue;
      const valueCell = cellAt(sheet, row, 1);
      const where = { sheet: sheet.name, row: row + 1, column: columnLetter(1) };
      const fail = (message: string, code = "settings.invalid"): void => {
        errors.push({ ...where, message, code });
      };
      const template = TEMPLATE_KEY.exec(key);
      const mapped = MAPPING_KEY.exec(key);
      if (template) {
        seenSetting = true;
        const lang = LANGS.find((l) => l.toLowerCase() === template[2].toLowerCase()) as Lang;
        const id = `${template[1]}\u0000${lang}`;
        const part = parts.get(id) ?? { stage: template[1], lang, source: where };
        part[template[3].toLowerCase() as "subject" | "body"] = cellText(valueCell) === "" ? "" : String(valueCell);
        parts.set(id, part);
      } else if (mapped) {
        seenSetting = true;
        const kind = mapped[1] as TableKind;
        if (!Object.hasOwn(FIELD_SYNONYMS[kind], mapped[2])) {
          fail(`unknown column ${quote(mapped[2])} for ${kind}; known: ${Object.keys(FIELD_SYNONYMS[kind]).join(", ")}`);
          continue;
        }
        const header = cellText(valueCell);
        if (header === "") continue;
        mapping[kind] = { ...(mapping[kind] ?? {}), [mapped[2]]: header };
      } else {
        const converted = convertValue(key, valueCell);
        if ("error" in converted) {
          if (!seenSetting && !key.includes(".") && !defaultAt([key]).found) {
            seenSetting = true;
            continue;
          }
          fail(converted.error, converted.code ?? "settings.invalid");
        } else {
          setPath(policyJson, key.split("."), converted.value);
          sources[key] = where;
        }
        seenSetting = true;
      }
    }
  }

  for (const part of parts.values()) {
    const existing = templates.find((t) => t.stage === part.stage && t.lang === part.lang);
    const fallback = existing ?? DEFAULT_TEMPLATES.find((t) => t.stage === part.stage && t.lang === part.lang);
    const subject = part.subject ?? fallback?.subject;
    const body = part.body ?? fallback?.body;
    if (subject === undefined || body === undefined) {
      const missing = subject === undefined ? "subject" : "body";
      errors.push({ ...part.source, message: `template ${part.stage} ${part.lang} has no ${missing}: add template.${part.stage}.${part.lang}.${missing}`, code: "settings.template" });
      continue;
    }
    const template: LetterTemplate = { lang: part.lang, stage: part.stage, subject, body };
    const unknown = unknownMergeFields(template);
    if (unknown.length > 0) {
      errors.push({ ...part.source, message: `template ${part.stage} ${part.lang} uses unknown merge fields ${unknown.map((n) => `{{${n}}}`).join(", ")}`, code: "settings.template" });
    }
    if (existing) templates.splice(templates.indexOf(existing), 1, template);
    else templates.push(template);
  }
  return { policyJson, templates, mapping, errors, storeErrors: fromStore.errors, sources };
}

function unknownMergeFields(template: LetterTemplate): string[] {
  const unknown: string[] = [];
  for (const text of [template.subject, template.body]) {
    for (const match of text.matchAll(PLACEHOLDER)) {
      if (!MERGE_FIELD_NAMES.has(match[1]) && !unknown.includes(match[1])) unknown.push(match[1]);
    }
  }
  return unknown;
}

function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The adapters' key/value form of the settings: policy, templates and column mapping, each as JSON.
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
    isRecord(value) &&
    typeof value.stage === "string" &&
    typeof value.subject === "string" &&
    typeof value.body === "string" &&
    (LANGS as readonly unknown[]).includes(value.lang)
  );
}

/**
 * Reads the key/value store back: the policy JSON (unchecked; feed it to policyFromJson), the
 * templates and the column mapping. Invalid JSON or shapes are reported by key, never thrown.
 * @param record the adapters' settings
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
      const parsed = withoutUnsafeKeys(JSON.parse(text) as Json, key, dropped);
      for (const path of dropped) errors.push({ field: path, message: `unknown setting ${quote(path)}` });
      return parsed;
    } catch {
      errors.push({ field: key, message: `${key} is not valid JSON` });
      return undefined;
    }
  };
  const policyJson = parse(SETTINGS_KEYS.policy);
  const templatesJson = parse(SETTINGS_KEYS.templates);
  const mappingJson = parse(SETTINGS_KEYS.mapping);

  const templates: LetterTemplate[] = [];
  if (templatesJson !== undefined) {
    if (!Array.isArray(templatesJson)) errors.push({ field: SETTINGS_KEYS.templates, message: `${SETTINGS_KEYS.templates} is not a list of templates` });
    else
      templatesJson.forEach((item, index) => {
        if (isTemplate(item)) templates.push({ lang: item.lang, stage: item.stage, subject: item.subject, body: item.body });
        else errors.push({ field: `${SETTINGS_KEYS.templates}[${index}]`, message: "a template needs lang (zh-CN, zh-TW or en), stage, subject and body" });
      });
  }

  const mapping: ColumnMapping = {};
  if (mappingJson !== undefined) {
    if (!isRecord(mappingJson)) errors.push({ field: SETTINGS_KEYS.mapping, message: `${SETTINGS_KEYS.mapping} is not a mapping of tables` });
    else
      for (const [kind, fields] of Object.entries(mappingJson)) {
        if (!Object.hasOwn(FIELD_SYNONYMS, kind) || !isRecord(fields)) {
          errors.push({ field: `${SETTINGS_KEYS.mapping}.${kind}`, message: `unknown table ${quote(kind)} in the column mapping` });
          continue;
        }
        const entries = Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string");
        mapping[kind as TableKind] = Object.fromEntries(entries);
      }
  }
  if (policyJson !== undefined && !isRecord(policyJson)) {
    errors.push({ field: SETTINGS_KEYS.policy, message: messageFor("policy.notObject", { value: String(policyJson) }) });
    return { templates, mapping, errors };
  }
  return { policyJson, templates, mapping, errors };
}

function mergeJson(base: Record<string, Json>, over: Record<string, Json>): Record<string, Json> {
  const merged: Record<string, Json> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (UNSAFE_KEYS.has(key)) continue;
    const under = Object.hasOwn(base, key) ? base[key] : undefined;
    merged[key] = isRecord(value) && isRecord(under) ? mergeJson(under, value) : value;
  }
  return merged;
}

/** The settings a ledger read resolves: the effective policy, templates and mapping, and every problem. */
export interface ResolvedSettings {
  policy: Policy;
  /** Every policy problem by path; the message names the settings cell when the sheet set it. */
  policyErrors: SettingError[];
  /** The workbook's templates over the defaults; undefined when the workbook sets none. */
  templates?: LetterTemplate[];
  templateErrors: SettingError[];
  mapping: ColumnMapping;
  /** Problems located on a cell of the settings sheet. */
  errors: RowError[];
  /** Cell of each policy path the settings sheet sets (its values win over the store). */
  sources: Record<string, SourceRef>;
}

/**
 * The effective settings of a workbook: `base` overlaid with the store and the settings sheet,
 * checked by policyFromJson. An invalid value keeps the base value for that field and is reported
 * on its cell when the settings sheet set it. Without workbook settings, `base` is returned as is.
 * @param workbook the workbook's values
 * @param base the policy to start from (the caller's, usually DEFAULT_POLICY)
 * @returns policy, templates, mapping and problems
 * @example
 * // sheet "Settings": A3 interest.dailyRate | B3 -1
 * resolveSettings(workbook, DEFAULT_POLICY).errors[0] // { sheet: "Settings", row: 3, column: "B", message: "interest.dailyRate: \"-1\" must be between 0 and 1", … }
 */
export function resolveSettings(workbook: WorkbookData, base: Policy): ResolvedSettings {
  const read = readSettings(workbook);
  const errors = [...read.errors];
  const templateErrors: SettingError[] = read.storeErrors.filter((e) => e.field.startsWith(SETTINGS_KEYS.templates));
  const policyErrors: SettingError[] = read.storeErrors.filter((e) => !e.field.startsWith(SETTINGS_KEYS.templates));
  for (const error of read.errors) {
    (error.code === "settings.template" ? templateErrors : policyErrors).push({ field: `${error.sheet}!${error.column}${error.row}`, message: error.message });
  }

  let policy = base;
  if (Object.keys(read.policyJson).length > 0) {
    const baseJson = policyToJson(base) as unknown as Record<string, Json>;
    const over = read.policyJson;
    const buckets = over.buckets;
    // New edges without labels get labels written from them, not the old labels of another count.
    if (isRecord(buckets) && buckets.edges !== undefined && buckets.labels === undefined && isRecord(baseJson.buckets)) {
      baseJson.buckets = { ...baseJson.buckets, labels: undefined };
    }
    const result = policyFromJson(mergeJson(baseJson, over));
    policy = result.policy;
    for (const problem of result.errors) {
      const sourceKey = Object.keys(read.sources)
        .filter((key) => problem.field === key || problem.field.startsWith(`${key}.`) || problem.field.startsWith(`${key}[`))
        .sort((a, b) => b.length - a.length)[0];
      if (sourceKey) {
        const where = read.sources[sourceKey];
        const message = `${problem.field}: ${problem.message}`;
        errors.push({ sheet: where.sheet, row: where.row, column: where.column ?? "B", message, code: "settings.invalid" });
        policyErrors.push({ field: problem.field, message: `${problem.message} (${where.sheet}!${where.column ?? "B"}${where.row})` });
      } else {
        policyErrors.push(problem);
      }
    }
  }

  let templates: LetterTemplate[] | undefined;
  if (read.templates.length > 0) {
    templates = DEFAULT_TEMPLATES.filter((t) => !read.templates.some((own) => own.stage === t.stage && own.lang === t.lang));
    templates.push(...read.templates);
    const stages = new Set(policy.escalation.map((stage) => stage.id));
    for (const template of read.templates) {
      if (!stages.has(template.stage)) {
        templateErrors.push({ field: `template.${template.stage}.${template.lang}`, message: `no escalation stage ${quote(template.stage)} in the policy; known: ${[...stages].join(", ")}` });
      }
    }
  }
  return { policy, policyErrors, templates, templateErrors, mapping: read.mapping, errors, sources: read.sources };
}

/** The policy JSON type, re-exported for callers that build settings by hand. */
export type { PolicyJson };
