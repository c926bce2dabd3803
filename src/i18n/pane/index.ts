/** The task pane's words in each language: the one import the pane needs for what it shows. */
import type { Lang } from "../../rules/types";
import { PANE_EN } from "./en";
import type { PaneStrings } from "./types";
import { PANE_ZH_CN } from "./zh-CN";
import { PANE_ZH_TW } from "./zh-TW";

export type { PaneStrings } from "./types";

/**
 * The pane's words by language.
 * @example PANE_STRINGS.en.tabs.aging // "Generate aging"
 */
export const PANE_STRINGS: Record<Lang, PaneStrings> = { "zh-CN": PANE_ZH_CN, "zh-TW": PANE_ZH_TW, en: PANE_EN };
