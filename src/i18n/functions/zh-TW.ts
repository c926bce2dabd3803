/** 工作表函數 #VALUE! 提示（繁體中文）：簡短，寫明出錯的值。 */
import { cleanQuoted } from "../../rules/errors";
import type { ArgumentShown, FunctionTexts } from "./types";

const q = (value: unknown): string => `「${cleanQuoted(value)}」`;
const shown = (cell: ArgumentShown): string => ("text" in cell ? q(cell.text) : "value" in cell ? cleanQuoted(cell.value) : "該值");

/**
 * Function messages in Traditional Chinese.
 * @example FUNCTION_TEXTS_ZH_TW["arg.notANumber"]({ shown: { text: "abc" } }, "") // "「abc」不是數字"
 */
export const FUNCTION_TEXTS_ZH_TW: FunctionTexts = {
  "arg.notADate": (p) => `${shown(p.shown)}不是日期`,
  "arg.notANumber": (p) => `${shown(p.shown)}不是數字`,
  "arg.tooManyDecimals": (p) => `${shown(p.shown)}的小數超過 ${p.max} 位`,
  "arg.negativeRate": (p) => `${cleanQuoted(p.value)} 為負數；日利率應為 0 或正數，例如 0.0005`,
  "arg.notACount": (p) => `${shown(p.shown)}應為 0 或正整數`,
  "arg.notWholeDays": (p) => `${shown(p.shown)}不是整數天數`,
  "arg.notPositive": (p) => `${shown(p.shown)}應大於 0`,
  "arg.notALanguage": (p) => `${shown(p.shown)}不是可用的語言；請用 "zh-CN"、"zh-TW" 或 "en"`,
  "arg.shape": (p) =>
    `${p.rows}×${p.cols} 的範圍與第一個引數的 ${p.mainRows}×${p.mainCols} 個儲存格不一致；請給一個儲存格或同樣大小的範圍`,
  "arg.rowsPerMain": (p) => `${p.rows} 列的範圍與第一個引數的 ${p.mainRows} 列不一致；請每列對應一列`,
  "arg.bucketEdges": (_, inner) => `${inner}（例如 0,30,60,90）`,
  "arg.blank": () => "儲存格為空白",
  "arg.dueDateBlank": () => "到期日為空白",
  "arg.ageBlank": () => "帳齡天數為空白",
  "arg.notAGrade": (p) => `${shown(p.shown)}不是信用等級；請用 A、B、C 或 D`,
  "arg.negativeAmount": (p) => `${cleanQuoted(p.value)} 為負數`,
  "arg.temporaryOverMax": (p) => `${cleanQuoted(p.temporary)} 超過固定額度 ${cleanQuoted(p.fixed)} 的 ${cleanQuoted(p.percent)}%`,
  "arg.unknownBucket": (p) =>
    `${shown(p.shown)}不是本政策的帳齡區間；請用 ${p.labels.map((label) => cleanQuoted(label)).join("、")} 之一，或其序號 1 至 ${p.labels.length}`,
  "arg.paymentDateBlank": (p) => `第 ${p.position} 筆回款有金額但沒有日期`,
  "arg.paymentAmountBlank": (p) => `第 ${p.position} 筆回款有日期但沒有金額`,
  "arg.monthBlank": (p) => `第 ${p.month} 個月為空白；沒有銷售的月份請填 0`,
  "arg.atRow": (p, inner) => `第 ${p.row} 列：${inner}`,
  "arg.defect": (p) => cleanQuoted(p.detail),
};
