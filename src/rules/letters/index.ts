/**
 * Reminder letters (催款函): templates, rendering, HTML and text output.
 * @example import { lettersForReport, letterToHtml } from "./letters";
 */
export { DEFAULT_CALL_SCRIPTS, DEFAULT_TEMPLATES, MERGE_FIELD_NAMES, MERGE_FIELDS } from "./templates";
export type { LetterTemplate, MergeField } from "./templates";
export {
  findTemplate,
  formatAmount,
  formatLetterDate,
  formatWan,
  lettersForReport,
  renderLetter,
  tableToText,
  validateTemplate,
} from "./render";
export type { LetterBodyPart, LetterContext, LetterTable, LettersOptions, RenderedLetter } from "./render";
export { escapeHtml, letterToHtml, letterToPlainText } from "./html";
