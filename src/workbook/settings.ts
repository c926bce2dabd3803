/**
 * A workbook carries its own rules: the policy, the letter templates and the remembered column
 * mapping. Two storage forms: the adapters' key/value store (`WorkbookData.settings`, read through
 * settings-store.ts) and a visible settings sheet
 * (设置 / 設定 / Settings / AR Settings) with a key in column A and its value in column B:
 * `interest.dailyRate` | 0.0005, `buckets.edges` | 0,30,60,90, `company.name` | …,
 * `template.formal.zh-CN.subject` | …, `mapping.invoices.customer` | 往来单位名称.
 * The sheet wins over the store, because it is what the user sees and edits.
 * Pure: works on WorkbookData.
 */
import { problem } from "./problems";
import { DEFAULT_TEMPLATES, MERGE_FIELD_NAMES } from "../rules/letters/templates";
import type { LetterTemplate } from "../rules/letters/templates";
import { LANGS } from "../rules/policy";
import type { PolicyJson } from "../rules/policy-json";
import type { Policy } from "../rules/policy-types";
import type { Lang, RowError, SourceRef } from "../rules/types";
import type { WorkbookData } from "./adapter-types";
import { FIELD_SYNONYMS } from "./headers";
import type { TableKind } from "./headers";
import { MAPPING_KEY, overlayPolicy, readPolicyRow, settingsRows, TEMPLATE_KEY } from "./settings-policy";
import { isJsonObject, recordToSettings, SETTINGS_KEYS, templateSizeProblem, type ColumnMapping, type SettingError } from "./settings-store";
import { cellText } from "./text";

/** The mapping type, re-exported for the modules that read the mapping with the settings. */
export type { ColumnMapping };

/** What the workbook's settings say, before they are checked against a policy. */
export interface WorkbookSettings {
  /** Nested policy JSON holding only what the workbook sets (store, then sheet on top). */
  policyJson: Record<string, unknown>;
  /** Templates the workbook sets (not merged with the defaults). */
  templates: LetterTemplate[];
  mapping: ColumnMapping;
  /** Problems with a cell in the settings sheet. */
  errors: RowError[];
  /** Problems in the key/value store, those the adapter met first. */
  storeErrors: SettingError[];
  /** Cell of each policy path set by the sheet, so later policy errors can point at it. */
  sources: Record<string, SourceRef>;
}

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

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
  const policyJson: Record<string, unknown> = isJsonObject(fromStore.policyJson) ? structuredCloneJson(fromStore.policyJson) : {};
  const mapping: ColumnMapping = { ...fromStore.mapping };
  const errors: RowError[] = [];
  const sources: Record<string, SourceRef> = {};
  const parts = new Map<string, TemplatePart>();
  const templates: LetterTemplate[] = [...fromStore.templates];

  settingsRows(workbook).forEach((row, index) => {
    const { key, value, where } = row;
    const template = TEMPLATE_KEY.exec(key);
    const mapped = MAPPING_KEY.exec(key);
    if (template) {
      const lang = LANGS.find((l) => l.toLowerCase() === template[2].toLowerCase()) as Lang;
      const id = `${template[1]}\u0000${lang}`;
      const part = parts.get(id) ?? { stage: template[1], lang, source: where };
      part[template[3].toLowerCase() as "subject" | "body"] = cellText(value) === "" ? "" : String(value);
      parts.set(id, part);
    } else if (mapped) {
      const kind = mapped[1] as TableKind;
      if (!Object.hasOwn(FIELD_SYNONYMS[kind], mapped[2])) {
        errors.push({ ...where, ...problem("settings.unknownColumn", { table: kind, column: mapped[2], known: Object.keys(FIELD_SYNONYMS[kind]) }) });
        return;
      }
      const header = cellText(value);
      if (header !== "") mapping[kind] = { ...(mapping[kind] ?? {}), [mapped[2]]: header };
    } else {
      const found = readPolicyRow(row, index === 0, policyJson, sources);
      if (found) errors.push(found);
    }
  });

  for (const part of parts.values()) {
    const existing = templates.find((t) => t.stage === part.stage && t.lang === part.lang);
    const fallback = existing ?? DEFAULT_TEMPLATES.find((t) => t.stage === part.stage && t.lang === part.lang);
    const subject = part.subject ?? fallback?.subject;
    const body = part.body ?? fallback?.body;
    if (subject === undefined || body === undefined) {
      const missing = subject === undefined ? "subject" : "body";
      errors.push({ ...part.source, ...problem("settings.templateMissing", { stage: part.stage, lang: part.lang, part: missing }) });
      continue;
    }
    const template: LetterTemplate = { lang: part.lang, stage: part.stage, subject, body };
    const size = templateSizeProblem(template, `template.${part.stage}.${part.lang}`);
    if (size) {
      errors.push({ ...part.source, ...size });
      continue;
    }
    const unknown = unknownMergeFields(template);
    if (unknown.length > 0) {
      errors.push({ ...part.source, ...problem("settings.templateUnknownFields", { stage: part.stage, lang: part.lang, fields: unknown }) });
    }
    if (existing) templates.splice(templates.indexOf(existing), 1, template);
    else templates.push(template);
  }
  return { policyJson, templates, mapping, errors, storeErrors: [...(workbook.storeErrors ?? []), ...fromStore.errors], sources };
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

/** The settings a ledger read resolves: the effective policy, templates and mapping, and every problem. */
export interface ResolvedSettings {
  policy: Policy;
  /** Every policy problem by path, with the settings-sheet cell that set it when one did. */
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
 * resolveSettings(workbook, DEFAULT_POLICY).errors[0]
 * // { sheet: "Settings", row: 3, column: "B", header: "interest.dailyRate", code: "policy.between", params: { value: "-1", min: "0", max: "1" } }
 */
export function resolveSettings(workbook: WorkbookData, base: Policy): ResolvedSettings {
  const read = readSettings(workbook);
  const errors = [...read.errors];
  const templateErrors: SettingError[] = read.storeErrors.filter((e) => e.field.startsWith(SETTINGS_KEYS.templates));
  const policyErrors: SettingError[] = read.storeErrors.filter((e) => !e.field.startsWith(SETTINGS_KEYS.templates));
  for (const error of read.errors) {
    const isTemplate = error.code === "settings.templateMissing" || error.code === "settings.templateUnknownFields";
    (isTemplate ? templateErrors : policyErrors).push({ field: `${error.sheet}!${error.column}${error.row}`, code: error.code, params: error.params } as SettingError);
  }

  const overlaid = overlayPolicy(base, read);
  const policy = overlaid.policy;
  errors.push(...overlaid.errors);
  policyErrors.push(...overlaid.policyErrors);

  let templates: LetterTemplate[] | undefined;
  if (read.templates.length > 0) {
    templates = DEFAULT_TEMPLATES.filter((t) => !read.templates.some((own) => own.stage === t.stage && own.lang === t.lang));
    templates.push(...read.templates);
    const stages = new Set(policy.escalation.map((stage) => stage.id));
    for (const template of read.templates) {
      if (!stages.has(template.stage)) {
        templateErrors.push({ field: `template.${template.stage}.${template.lang}`, ...problem("settings.unknownStage", { stage: template.stage, known: [...stages] }) });
      }
    }
  }
  return { policy, policyErrors, templates, templateErrors, mapping: read.mapping, errors, sources: read.sources };
}

/** The policy JSON type, re-exported for callers that build settings by hand. */
export type { PolicyJson };
