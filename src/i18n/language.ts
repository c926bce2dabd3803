/** Which of the three languages a user reads, from the locale their host reports. */
import type { Lang } from "../rules/types";

/**
 * The language for a locale tag such as Office's display language: zh-TW, zh-HK and zh-MO (and
 * zh-Hant) read Traditional Chinese, any other zh-* Simplified Chinese, everything else English.
 * @param locale e.g. "zh-CN", "zh-HK", "en-US"; undefined outside Office
 * @returns the language of the words shown
 * @example languageOfLocale("zh-HK") // "zh-TW"
 */
export function languageOfLocale(locale: string | undefined): Lang {
  const tag = (locale ?? "").trim().toLowerCase().replace(/_/g, "-");
  if (/^zh-(tw|hk|mo|hant)\b/.test(tag)) return "zh-TW";
  if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
  return "en";
}
