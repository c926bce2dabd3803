/** The Collection tab's words in each language; imported only by the lazily loaded Collection tab. */
import type { Lang } from "../../../rules/types";
import { fillPlaceholders } from "../../fill";
import { COLLECTION_EN } from "./en";
import type { CollectionPaneStrings, DaysWords } from "./types";
import { COLLECTION_ZH_CN } from "./zh-CN";
import { COLLECTION_ZH_TW } from "./zh-TW";

export type { CollectionPaneStrings, DaysWords } from "./types";

/**
 * A number of days in words, singular or plural as the language has it.
 * @param words the words for one day and for any other number
 * @param days the number of days
 * @returns the words with the number filled in
 * @example daysWords(COLLECTION_STRINGS.en.daysLate, 1) // "1 day ago"
 */
export function daysWords(words: DaysWords, days: number): string {
  return fillPlaceholders(days === 1 ? words.one : words.other, { days });
}

/**
 * The Collection tab's words by language.
 * @example COLLECTION_STRINGS["zh-CN"].views.today // "今日待办"
 */
export const COLLECTION_STRINGS: Record<Lang, CollectionPaneStrings> = { "zh-CN": COLLECTION_ZH_CN, "zh-TW": COLLECTION_ZH_TW, en: COLLECTION_EN };
