/**
 * The command line's sentences for a file it cannot read or write (WorkbookFileError), in
 * Simplified Chinese, Traditional Chinese and English: one per file problem code.
 */
import type { FileProblem, FileProblemCode, FileProblemParams, OutputKind } from "../workbook/exceljs/file-problems";
import { cleanQuoted } from "../rules/errors";
import type { Lang } from "../rules/types";

type FileTexts = { readonly [C in FileProblemCode]: (params: FileProblemParams[C]) => string };

/** Excel's limits as they are written in every language here: 1,048,576. */
const grouped = (n: number): string => n.toLocaleString("en-US");
const quotedEn = (text: string): string => `"${cleanQuoted(text)}"`;
const quotedZh = (text: string): string => `“${cleanQuoted(text)}”`;

const OUTPUT_EN: Record<OutputKind, string> = {
  workbook: "the output workbook",
  wordFile: "the Word file",
  lettersFolder: "the letters folder",
  letterWordFile: "a letter's Word file",
  statementsFolder: "the statements folder",
  statementWordFile: "a statement's Word file",
};
const OUTPUT_ZH_CN: Record<OutputKind, string> = {
  workbook: "输出的工作簿",
  wordFile: "Word 文件",
  lettersFolder: "催款函文件夹",
  letterWordFile: "催款函的 Word 文件",
  statementsFolder: "对账单文件夹",
  statementWordFile: "对账单的 Word 文件",
};
const OUTPUT_ZH_TW: Record<OutputKind, string> = {
  workbook: "輸出的活頁簿",
  wordFile: "Word 檔案",
  lettersFolder: "催款函資料夾",
  letterWordFile: "催款函的 Word 檔案",
  statementsFolder: "對帳單資料夾",
  statementWordFile: "對帳單的 Word 檔案",
};

const EN: FileTexts = {
  "file.missing": (p) => `${p.file}: file not found`,
  "file.notAFile": (p) => `${p.file}: not a file`,
  "file.encrypted": (p) => `${p.file}: the workbook is password-protected: remove the password in Excel and save as .xlsx`,
  "file.encryptedOrXls": (p) => `${p.file}: password-protected or .xls (old format): open it in Excel, remove any password and save as .xlsx`,
  "file.oldXls": (p) => `${p.file}: old .xls format: save as .xlsx`,
  "file.notZip": (p) => `${p.file}: not an .xlsx workbook (the file is not a zip package)`,
  "file.unreadable": (p) => `${p.file}: not a readable .xlsx workbook (${p.reason})`,
  "file.quoteNotClosed": (p) => `${p.file}: the quote opened on line ${p.line} is never closed`,
  "file.overwritesInput": (p) => `${p.file}: ${OUTPUT_EN[p.what]} would overwrite the input file (the input is never written): choose another path with --out`,
  "file.noOutput": () => "no output file given",
  "file.outputExtension": (p) => `${p.file}: the output must end in ${p.extension}`,
  "file.csvTooLarge": (p) => `${p.file}: ${p.rows} rows × ${p.columns} columns: more than an Excel sheet holds (${p.maxRows} × ${p.maxColumns})`,
  "file.rowPastLast": (p) => `sheet ${quotedEn(p.sheet)}: row ${p.row} is past Excel's last row ${grouped(p.max)}`,
  "file.cellPastLastRow": (p) => `sheet ${quotedEn(p.sheet)}: a cell past Excel's last row ${grouped(p.max)}`,
  "file.cellPastLastColumn": (p) => `sheet ${quotedEn(p.sheet)}: a cell past Excel's last column XFD (${grouped(p.max)})`,
  "file.cellTooLong": (p) => `sheet ${quotedEn(p.sheet)}: a cell longer than ${p.megabytes} MB`,
  "file.sharedStringTooLong": (p) => `${p.part}: a shared string longer than ${p.megabytes} MB`,
  "file.tooManyParts": (p) => `${p.file}: the package lists ${p.count} parts, more than the ${p.max} a workbook may have`,
  "file.partEncrypted": (p) => `${p.file}: the part ${p.part} is encrypted: remove the password in Excel and save as .xlsx`,
  "file.zipBomb": (p) => `${p.file}: the part ${p.part} inflates to ${p.size} from ${p.compressed} (${p.ratio} times; at most ${p.max}): refused as a zip bomb`,
  "file.tooLargeTotal": (p) => `${p.file}: the workbook's sheets inflate to more than ${p.limit} (at ${p.part}): too large to read`,
};

const ZH_CN: FileTexts = {
  "file.missing": (p) => `${p.file}：找不到文件`,
  "file.notAFile": (p) => `${p.file}：不是文件`,
  "file.encrypted": (p) => `${p.file}：工作簿设有密码：请在 Excel 中取消密码后另存为 .xlsx`,
  "file.encryptedOrXls": (p) => `${p.file}：设有密码或是旧的 .xls 格式：请在 Excel 中打开，取消密码后另存为 .xlsx`,
  "file.oldXls": (p) => `${p.file}：旧的 .xls 格式：请另存为 .xlsx`,
  "file.notZip": (p) => `${p.file}：不是 .xlsx 工作簿（文件不是 zip 包）`,
  "file.unreadable": (p) => `${p.file}：无法读取的 .xlsx 工作簿（${p.reason}）`,
  "file.quoteNotClosed": (p) => `${p.file}：第${p.line}行开始的引号没有结束`,
  "file.overwritesInput": (p) => `${p.file}：${OUTPUT_ZH_CN[p.what]}会覆盖输入文件（输入文件从不改写）：请用 --out 另选路径`,
  "file.noOutput": () => "没有指定输出文件",
  "file.outputExtension": (p) => `${p.file}：输出文件须以 ${p.extension} 结尾`,
  "file.csvTooLarge": (p) => `${p.file}：${p.rows} 行 × ${p.columns} 列，超过 Excel 工作表的容量（${p.maxRows} × ${p.maxColumns}）`,
  "file.rowPastLast": (p) => `工作表${quotedZh(p.sheet)}：第${p.row}行超出 Excel 的最后一行 ${grouped(p.max)}`,
  "file.cellPastLastRow": (p) => `工作表${quotedZh(p.sheet)}：有单元格超出 Excel 的最后一行 ${grouped(p.max)}`,
  "file.cellPastLastColumn": (p) => `工作表${quotedZh(p.sheet)}：有单元格超出 Excel 的最后一列 XFD（${grouped(p.max)}）`,
  "file.cellTooLong": (p) => `工作表${quotedZh(p.sheet)}：有单元格超过 ${p.megabytes} MB`,
  "file.sharedStringTooLong": (p) => `${p.part}：有共享字符串超过 ${p.megabytes} MB`,
  "file.tooManyParts": (p) => `${p.file}：文件包含 ${p.count} 个部件，超过工作簿允许的 ${p.max} 个`,
  "file.partEncrypted": (p) => `${p.file}：部件 ${p.part} 已加密：请在 Excel 中取消密码后另存为 .xlsx`,
  "file.zipBomb": (p) => `${p.file}：部件 ${p.part} 由 ${p.compressed} 解压为 ${p.size}（${p.ratio} 倍，最多 ${p.max} 倍）：视为压缩炸弹，拒绝读取`,
  "file.tooLargeTotal": (p) => `${p.file}：工作簿的工作表解压后超过 ${p.limit}（在 ${p.part}）：文件过大，无法读取`,
};

const ZH_TW: FileTexts = {
  "file.missing": (p) => `${p.file}：找不到檔案`,
  "file.notAFile": (p) => `${p.file}：不是檔案`,
  "file.encrypted": (p) => `${p.file}：活頁簿設有密碼：請在 Excel 中取消密碼後另存為 .xlsx`,
  "file.encryptedOrXls": (p) => `${p.file}：設有密碼或是舊的 .xls 格式：請在 Excel 中開啟，取消密碼後另存為 .xlsx`,
  "file.oldXls": (p) => `${p.file}：舊的 .xls 格式：請另存為 .xlsx`,
  "file.notZip": (p) => `${p.file}：不是 .xlsx 活頁簿（檔案不是 zip 套件）`,
  "file.unreadable": (p) => `${p.file}：無法讀取的 .xlsx 活頁簿（${p.reason}）`,
  "file.quoteNotClosed": (p) => `${p.file}：第${p.line}列開始的引號沒有結束`,
  "file.overwritesInput": (p) => `${p.file}：${OUTPUT_ZH_TW[p.what]}會覆蓋輸入檔案（輸入檔案從不改寫）：請用 --out 另選路徑`,
  "file.noOutput": () => "沒有指定輸出檔案",
  "file.outputExtension": (p) => `${p.file}：輸出檔案須以 ${p.extension} 結尾`,
  "file.csvTooLarge": (p) => `${p.file}：${p.rows} 列 × ${p.columns} 欄，超過 Excel 工作表的容量（${p.maxRows} × ${p.maxColumns}）`,
  "file.rowPastLast": (p) => `工作表${quotedZh(p.sheet)}：第${p.row}列超出 Excel 的最後一列 ${grouped(p.max)}`,
  "file.cellPastLastRow": (p) => `工作表${quotedZh(p.sheet)}：有儲存格超出 Excel 的最後一列 ${grouped(p.max)}`,
  "file.cellPastLastColumn": (p) => `工作表${quotedZh(p.sheet)}：有儲存格超出 Excel 的最後一欄 XFD（${grouped(p.max)}）`,
  "file.cellTooLong": (p) => `工作表${quotedZh(p.sheet)}：有儲存格超過 ${p.megabytes} MB`,
  "file.sharedStringTooLong": (p) => `${p.part}：有共用字串超過 ${p.megabytes} MB`,
  "file.tooManyParts": (p) => `${p.file}：檔案包含 ${p.count} 個組件，超過活頁簿允許的 ${p.max} 個`,
  "file.partEncrypted": (p) => `${p.file}：組件 ${p.part} 已加密：請在 Excel 中取消密碼後另存為 .xlsx`,
  "file.zipBomb": (p) => `${p.file}：組件 ${p.part} 由 ${p.compressed} 解壓為 ${p.size}（${p.ratio} 倍，最多 ${p.max} 倍）：視為壓縮炸彈，拒絕讀取`,
  "file.tooLargeTotal": (p) => `${p.file}：活頁簿的工作表解壓後超過 ${p.limit}（在 ${p.part}）：檔案過大，無法讀取`,
};

const FILE_TEXTS: Readonly<Record<Lang, FileTexts>> = { "zh-CN": ZH_CN, "zh-TW": ZH_TW, en: EN };

/**
 * The sentence of a file problem in a language.
 * @param problem the problem (code and values)
 * @param lang the language
 * @returns one line, no final full stop
 * @example fileProblemText({ code: "file.oldXls", params: { file: "old.xls" } }, "zh-CN") // "old.xls：旧的 .xls 格式：请另存为 .xlsx"
 */
export function fileProblemText(problem: FileProblem, lang: Lang): string {
  const text = FILE_TEXTS[lang][problem.code] as (params: FileProblem["params"]) => string;
  return text(problem.params);
}
