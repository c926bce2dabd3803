/**
 * Reminder letters (催款函): templates, rendering, HTML and text output.
 * @example import { lettersForReport, letterToHtml } from "./letters";
 */
export { DEFAULT_CALL_SCRIPTS, DEFAULT_TEMPLATES, MERGE_FIELD_NAMES, MERGE_FIELDS } from "./templates";
export type { LetterTemplate, MergeField } from "./templates";
export { currencyUnit, formatAmount, formatLetterDate, formatWan } from "./format";
export { CHANNEL_NAMES, contactHistoryText, earlierRemindersText, OUTCOME_NAMES } from "./contact-words";
export { findTemplate, isPreDue, lettersForReport, renderLetter, validateTemplate } from "./render";
export type { LetterBodyPart, LetterContext, LettersOptions, RenderedLetter } from "./render";
export { tableToText } from "./text-table";
export type { LetterTable } from "./text-table";
export { escapeHtml, letterToHtml, letterToPlainText } from "./html";
