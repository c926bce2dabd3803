/**
 * The sentence saying why no table of a kind was found (LedgerNotFoundError): the headers seen in
 * the likeliest row and the headers looked for, in Simplified Chinese, Traditional Chinese and English.
 */
import type { Lang } from "../rules/types";
import type { TableKind } from "../workbook/table-kinds";

/** What the sentence names. */
export interface NotFoundParams {
  kind: TableKind;
  /** The row that looked most like a header, if any row had text. */
  seen: { sheet: string; row: number; headers: readonly string[] } | null;
  /** The headers looked for, each with its examples: "customer (客户 / Customer)". */
  expected: readonly string[];
}

/**
 * "or" between two headers either of which will do ("dueDate or invoiceDate").
 * @example OR_WORD["zh-CN"] // "或"
 */
export const OR_WORD: Readonly<Record<Lang, string>> = { "zh-CN": "或", "zh-TW": "或", en: "or" };

const TABLES_ZH_CN: Record<TableKind, string> = { invoices: "发票表", customers: "客户表", payments: "回款表", promises: "还款承诺表", log: "催收记录表" };
const TABLES_ZH_TW: Record<TableKind, string> = { invoices: "發票表", customers: "客戶表", payments: "回款表", promises: "還款承諾表", log: "催收記錄表" };

const SENTENCES: Record<Lang, (p: NotFoundParams) => string> = {
  "zh-CN": ({ kind, seen, expected }) =>
    `找不到${TABLES_ZH_CN[kind]}。${seen ? `最接近的是工作表“${seen.sheet}”第${seen.row}行，表头为 ${seen.headers.join("、")}。` : "没有任何工作表有表头文字。"}需要的列：${expected.join("；")}。`,
  "zh-TW": ({ kind, seen, expected }) =>
    `找不到${TABLES_ZH_TW[kind]}。${seen ? `最接近的是工作表「${seen.sheet}」第${seen.row}列，表頭為 ${seen.headers.join("、")}。` : "沒有任何工作表有表頭文字。"}需要的欄：${expected.join("；")}。`,
  en: ({ kind, seen, expected }) =>
    `No ${kind} table found. ${seen ? `Best candidate: sheet "${seen.sheet}" row ${seen.row} with headers ${seen.headers.join(", ")}.` : "No sheet has any header text."} Looked for: ${expected.join(", ")}.`,
};

/**
 * Why no table of a kind was found, in a language.
 * @param params the kind, the likeliest header row and the headers looked for
 * @param lang the language
 * @returns one line
 * @example notFoundText({ kind: "invoices", seen: null, expected: ["customer (客户 / Customer)"] }, "zh-CN") // "找不到发票表。没有任何工作表有表头文字。需要的列：customer (客户 / Customer)。"
 */
export function notFoundText(params: NotFoundParams, lang: Lang): string {
  return SENTENCES[lang](params);
}
