/** The words of the sales manager's view in each language. */
import type { Lang } from "../../rules/types";
import { MANAGEMENT_EN } from "./en";
import type { ManagementWords } from "./types";
import { MANAGEMENT_ZH_CN } from "./zh-CN";
import { MANAGEMENT_ZH_TW } from "./zh-TW";

export type { ManagementWords, MeasureRow } from "./types";

/**
 * The manager's view's words by language.
 * @example MANAGEMENT_WORDS["zh-CN"].sheets.dso // "DSO趋势"
 */
export const MANAGEMENT_WORDS: Record<Lang, ManagementWords> = { "zh-CN": MANAGEMENT_ZH_CN, "zh-TW": MANAGEMENT_ZH_TW, en: MANAGEMENT_EN };

/**
 * The words of a language, Simplified Chinese for an unknown one.
 * @param lang language code
 * @returns its words
 * @example managementWords("en").summary.byRegion // "By region"
 */
export function managementWords(lang: Lang): ManagementWords {
  return MANAGEMENT_WORDS[lang] ?? MANAGEMENT_ZH_CN;
}
