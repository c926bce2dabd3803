/** 工作表函数 #VALUE! 提示（简体中文）：简短，写明出错的值。 */
import { cleanQuoted } from "../../rules/errors";
import type { ArgumentShown, FunctionTexts } from "./types";

const q = (value: unknown): string => `“${cleanQuoted(value)}”`;
const shown = (cell: ArgumentShown): string => ("text" in cell ? q(cell.text) : "value" in cell ? cleanQuoted(cell.value) : "该值");

/**
 * Function messages in Simplified Chinese.
 * @example FUNCTION_TEXTS_ZH_CN["arg.notANumber"]({ shown: { text: "abc" } }, "") // "“abc” 不是数字"
 */
export const FUNCTION_TEXTS_ZH_CN: FunctionTexts = {
  "arg.notADate": (p) => `${shown(p.shown)} 不是日期`,
  "arg.notANumber": (p) => `${shown(p.shown)} 不是数字`,
  "arg.tooManyDecimals": (p) => `${shown(p.shown)} 的小数超过 ${p.max} 位`,
  "arg.negativeRate": (p) => `${cleanQuoted(p.value)} 为负数；日利率应为 0 或正数，例如 0.0005`,
  "arg.notACount": (p) => `${shown(p.shown)} 应为 0 或正整数`,
  "arg.notWholeDays": (p) => `${shown(p.shown)} 不是整数天数`,
  "arg.notPositive": (p) => `${shown(p.shown)} 应大于 0`,
  "arg.notALanguage": (p) => `${shown(p.shown)} 不是可用的语言；请用 "zh-CN"、"zh-TW" 或 "en"`,
  "arg.shape": (p) =>
    `${p.rows}×${p.cols} 的区域与第一个参数的 ${p.mainRows}×${p.mainCols} 个单元格不一致；请给一个单元格或同样大小的区域`,
  "arg.rowsPerMain": (p) => `${p.rows} 行的区域与第一个参数的 ${p.mainRows} 行不一致；请每行对应一行`,
  "arg.bucketEdges": (_, inner) => `${inner}（例如 0,30,60,90）`,
  "arg.blank": () => "单元格为空",
  "arg.dueDateBlank": () => "到期日为空",
  "arg.ageBlank": () => "账龄天数为空",
  "arg.notAGrade": (p) => `${shown(p.shown)} 不是信用等级；请用 A、B、C 或 D`,
  "arg.negativeAmount": (p) => `${cleanQuoted(p.value)} 为负数`,
  "arg.temporaryOverMax": (p) => `${cleanQuoted(p.temporary)} 超过固定额度 ${cleanQuoted(p.fixed)} 的 ${cleanQuoted(p.percent)}%`,
  "arg.unknownBucket": (p) =>
    `${shown(p.shown)} 不是本政策的账龄区间；请用 ${p.labels.map((label) => cleanQuoted(label)).join("、")} 之一，或其序号 1 至 ${p.labels.length}`,
  "arg.paymentDateBlank": (p) => `第 ${p.position} 笔回款有金额但没有日期`,
  "arg.paymentAmountBlank": (p) => `第 ${p.position} 笔回款有日期但没有金额`,
  "arg.monthBlank": (p) => `第 ${p.month} 个月为空；没有销售的月份请填 0`,
  "arg.atRow": (p, inner) => `第 ${p.row} 行：${inner}`,
  "arg.defect": (p) => cleanQuoted(p.detail),
};
