/** The Collection tab's words in each language; imported only by the lazily loaded Collection tab. */
import type { Lang } from "../../../rules/types";
import { COLLECTION_EN } from "./en";
import type { CollectionPaneStrings } from "./types";
import { COLLECTION_ZH_CN } from "./zh-CN";
import { COLLECTION_ZH_TW } from "./zh-TW";

export type { CollectionPaneStrings } from "./types";

/**
 * The Collection tab's words by language.
 * @example COLLECTION_STRINGS["zh-CN"].views.today // "今日待办"
 */
export const COLLECTION_STRINGS: Record<Lang, CollectionPaneStrings> = { "zh-CN": COLLECTION_ZH_CN, "zh-TW": COLLECTION_ZH_TW, en: COLLECTION_EN };
