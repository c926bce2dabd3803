/**
 * Reminder-letter templates (催款函): plain text with `{{field}}` merge fields, one per escalation
 * stage and language. Companies edit their own copies in the workbook; these are the defaults,
 * one module per language (templates-zh-cn.ts, templates-zh-tw.ts, templates-en.ts).
 *
 * Table choice for the pre-due notice: `{{invoiceTable}}` always lists the invoices the stage is
 * about — the overdue, non-disputed invoices for an overdue stage, and the invoices coming due
 * within the pre-due window for a pre-due stage (a stage whose `toDays` ≤ 0). The separate
 * `dueSoon…` fields carry the count and totals of those coming-due invoices.
 */
import type { Lang, StageId } from "../types";
import { EN_CALL_SCRIPT, EN_LETTERS } from "./templates-en";
import { ZH_CN_CALL_SCRIPT, ZH_CN_LETTERS } from "./templates-zh-cn";
import { ZH_TW_CALL_SCRIPT, ZH_TW_LETTERS } from "./templates-zh-tw";

export { MERGE_FIELD_NAMES, MERGE_FIELDS, type MergeField } from "./merge-fields";

/** An editable letter: plain text, merge fields written `{{field}}`. */
export interface LetterTemplate {
  lang: Lang;
  stage: StageId;
  subject: string;
  body: string;
}

/**
 * The default letters: preDue, reminder, formal, lawyer and legal (the letter stages of the
 * default ladder) × zh-CN, zh-TW, en — 15 templates. Tone rises with the stage.
 * @example DEFAULT_TEMPLATES.length // 15
 * @example DEFAULT_TEMPLATES.find((t) => t.stage === "formal" && t.lang === "zh-CN")?.subject
 * // "正式催款函:逾期账款{{overdueTotal}}{{currencyUnit}}"
 */
export const DEFAULT_TEMPLATES: readonly LetterTemplate[] = [...ZH_CN_LETTERS, ...ZH_TW_LETTERS, ...EN_LETTERS];

/**
 * Call scripts for the phone follow-up stage, which sends no letter. They use the same merge
 * fields and render with `renderLetter`; the subject is the title of the call log entry.
 * @example DEFAULT_CALL_SCRIPTS.map((t) => t.lang) // ["zh-CN", "zh-TW", "en"]
 */
export const DEFAULT_CALL_SCRIPTS: readonly LetterTemplate[] = [ZH_CN_CALL_SCRIPT, ZH_TW_CALL_SCRIPT, EN_CALL_SCRIPT];
