/** The command line's words in each language: the one import the CLI needs for what it prints. */
import type { Lang } from "../../rules/types";
import { CLI_EN } from "./en";
import type { CliStrings } from "./types";
import { CLI_ZH_CN } from "./zh-CN";
import { CLI_ZH_TW } from "./zh-TW";

export type { CliStrings } from "./types";

/**
 * The command line's words by language.
 * @example CLI_STRINGS.en.demo.headers.job // "job"
 */
export const CLI_STRINGS: Record<Lang, CliStrings> = { "zh-CN": CLI_ZH_CN, "zh-TW": CLI_ZH_TW, en: CLI_EN };
