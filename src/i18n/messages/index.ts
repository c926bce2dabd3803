/**
 * The words of every problem the rules and the readers return as a code with values: a message
 * by code (`messageText`), and a row problem as a whole sentence with its place and outcome
 * (`rowErrorText`). Callers choose the language where they show the words.
 */
import type { Lang, RowError } from "../../rules/types";
import { MESSAGES_EN } from "./en";
import type { MessageCode, MessageLanguage, MessageParamsByCode } from "./types";
import { MESSAGES_ZH_CN } from "./zh-CN";
import { MESSAGES_ZH_TW } from "./zh-TW";

export type { MessageCode, MessageLanguage, MessageParamsByCode, MessageTexts, RowPlace } from "./types";

/**
 * The messages of each language.
 * @example MESSAGES["zh-TW"].outcomes.rowSkipped // "此列已略過"
 */
export const MESSAGES: Readonly<Record<Lang, MessageLanguage>> = { "zh-CN": MESSAGES_ZH_CN, "zh-TW": MESSAGES_ZH_TW, en: MESSAGES_EN };

/** A language's messages; Simplified Chinese for a language the catalogue does not have. */
function messagesOf(lang: Lang): MessageLanguage {
  return MESSAGES[lang] ?? MESSAGES_ZH_CN;
}

/**
 * Whether a code has a message (a RowError's code is a plain string: rows from elsewhere may carry others).
 * @param code any code
 * @returns true when the catalogue has it
 * @example isMessageCode("date.noSuchMonth") // true; isMessageCode("nope") // false
 */
export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(MESSAGES_EN.texts, code);
}

/**
 * The message of a code in a language, naming its values (untrusted texts quoted, stripped of
 * control characters and cut to 60 characters). No final full stop.
 * @param code the problem's code
 * @param params the values it names
 * @param lang the reader's language
 * @returns the message
 * @example messageText("date.noSuchMonth", { text: "2026-13-01", month: 13 }, "zh-CN") // "“2026-13-01” 不是有效日期（没有13月）"
 */
export function messageText<C extends MessageCode>(code: C, params: MessageParamsByCode[C], lang: Lang): string {
  const text = messagesOf(lang).texts[code] as (params: MessageParamsByCode[C]) => string;
  return text(params);
}

/** How much of a row problem's place `rowErrorText` writes before the message. */
export type PlaceShown = "none" | "row" | "sheet";

/**
 * A row problem as one sentence: where it is, what is wrong, what became of the row. The place
 * names the row and the column's header (its letter when it has none); `"sheet"` adds the sheet
 * (for a message standing alone), `"none"` leaves the place out (for a list that shows sheet, row
 * and column in columns of its own). A code the catalogue does not have is shown as the code.
 * @param error the row problem
 * @param lang the reader's language
 * @param place how much of the place to write; "row" by default
 * @returns the sentence, ending with a full stop
 * @example
 * const error = { sheet: "应收台账", row: 12, column: "D", header: "到期日", code: "date.noSuchMonth", params: { text: "2026-13-01", month: 13 }, outcome: "rowSkipped" };
 * rowErrorText(error, "zh-CN") // "第12行 “到期日” 列：“2026-13-01” 不是有效日期（没有13月）；此行已跳过。"
 * rowErrorText(error, "en", "none") // "\"2026-13-01\" is not a date: there is no month 13; row skipped."
 */
export function rowErrorText(error: RowError, lang: Lang, place: PlaceShown = "row"): string {
  const words = messagesOf(lang);
  const message = isMessageCode(error.code) ? messageText(error.code, error.params as MessageParamsByCode[MessageCode], lang) : error.code;
  const where =
    place === "none"
      ? ""
      : words.place({ row: error.row, column: error.column, header: error.header, sheet: place === "sheet" ? error.sheet : undefined }) + words.afterPlace;
  const outcome = error.outcome === undefined ? "" : words.beforeOutcome + words.outcomes[error.outcome];
  return `${where}${message}${outcome}${words.end}`;
}

/**
 * The message of any problem given as a code with values: its words when the catalogue has the
 * code, else the code itself (a problem from elsewhere is never lost).
 * @param problem the code and the values it names
 * @param lang the reader's language
 * @returns the message, no final full stop
 * @example problemText({ code: "policy.notANumber", params: { value: "abc" } }, "zh-CN") // "“abc” 不是数字"
 */
export function problemText(problem: { code: string; params: unknown }, lang: Lang): string {
  return isMessageCode(problem.code) ? messageText(problem.code, problem.params as MessageParamsByCode[MessageCode], lang) : problem.code;
}
