/**
 * The words of the ribbon's Generate aging button, in Simplified Chinese, Traditional Chinese
 * and English: what the task pane shows when a run from the ribbon wrote its sheets, wrote
 * nothing because it would have replaced sheets generated earlier, or failed.
 */
import type { Lang } from "../rules/types";

/** The outcome of a ribbon run, in one language. `{name}` marks a value filled in where shown. */
export interface RibbonStrings {
  /** `{list}`: the sheets written. */
  done: string;
  /** `{message}`: why it failed. */
  failed: string;
  /** `{list}`: the ribbon wrote nothing because these generated sheets exist. */
  confirm: string;
}

/**
 * The ribbon's words in each language.
 * @example RIBBON_STRINGS.en.done // "Aging generated from the ribbon: {list}"
 */
export const RIBBON_STRINGS: Record<Lang, RibbonStrings> = {
  "zh-CN": {
    done: "已从功能区生成账龄表：{list}",
    failed: "从功能区生成账龄表失败：{message}",
    confirm: "工作表 {list} 是本加载项之前生成的，功能区按钮未做任何更改。如需替换，请点击下方的“生成账龄表”，替换前会先征求您的确认。",
  },
  "zh-TW": {
    done: "已從功能區產生帳齡表：{list}",
    failed: "從功能區產生帳齡表失敗：{message}",
    confirm: "工作表 {list} 是本增益集先前產生的，功能區按鈕未做任何變更。如需取代，請按下方的「產生帳齡表」，取代前會先徵求您的確認。",
  },
  en: {
    done: "Aging generated from the ribbon: {list}",
    failed: "Generate aging from the ribbon failed: {message}",
    confirm: "{list} were generated earlier by this add-in; the ribbon button changed nothing. To replace them, click Generate aging below: you will be asked first.",
  },
};
