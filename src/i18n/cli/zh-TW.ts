/** The command line's words in Traditional Chinese. */
import type { CliStrings } from "./types";

/**
 * The command line's words in Traditional Chinese.
 * @example CLI_ZH_TW.usageErrors.needsValue // "{option} 需要一個值"
 */
export const CLI_ZH_TW: CliStrings = {
  usage: `用法：ar-addin <指令> [選項]

指令：
  aging <活頁簿.xlsx|.csv>      帳齡彙總和未結發票明細（帳齡分析）
  flags <活頁簿.xlsx|.csv>      超出信用額度或需停止供貨的客戶（超額度停貨）
  letters <活頁簿.xlsx|.csv>    催款函與到期提醒；加 --docx 時另存為 Word 檔案
  report <活頁簿.xlsx|.csv>     管理報表：本期指標、按業務員和區域彙總、DSO 趨勢、備抵呆帳
  log <活頁簿.xlsx>             在催收記錄中登記一次聯絡（首次使用時新建「催收記錄」表）
  statements <活頁簿.xlsx|.csv>
                                對帳單（--from 至 --to）；加 --docx 時另存為 Word 檔案
  demo                          對 examples/sample-ledger.xlsx 執行三項作業，輸出到 examples/out/

選項：
  --as-of YYYY-MM-DD            截止日期（預設：今天）
  --out 檔案                    輸出活頁簿（預設：輸入檔旁的 <名稱>.<指令>.xlsx）
  --json                        在標準輸出中列印 JSON 格式的報表
  --lang zh-CN|zh-TW|en         工作表、催款函和提示訊息的語言（預設 zh-CN）
  --policy 檔案.json            取代活頁簿中所存政策的政策檔
  --docx single|per-customer    催款函與對帳單：所有客戶合為一個 .docx 檔，或每位客戶一個檔案（放在一個資料夾中）
  --from YYYY-MM-DD             管理報表：期間的第一天（預設：上月同日的次日）；對帳單：對帳期間的第一天
  --salesperson 姓名            管理報表：只看該業務員的客戶
  --quiet                       不在標準錯誤中顯示進度
  --help                        顯示本說明

log 的選項：
  --customer 客戶               客戶（必填）
  --channel 方式                電話、郵件、簡訊、拜訪、催款函、律師函或其他（必填；也可用 phone…）
  --outcome 結果                已承諾、拒付、爭議、無人接聽、已付款或其他
  --date YYYY-MM-DD             聯絡日期（預設：今天）
  --promise-date YYYY-MM-DD     還款承諾的日期，與 --promise-amount 一起填寫
  --promise-amount 金額         還款承諾的金額，與 --promise-date 一起填寫
  --next YYYY-MM-DD             下次跟進日期
  --note 備註                   備註
  --collector 催收人            催收人
  --contact 聯絡人              聯絡人
  --invoice 發票號碼            發票號碼

statements 的選項：
  --from YYYY-MM-DD             對帳期間的起始日期（必填）
  --to YYYY-MM-DD               對帳期間的截止日期（必填）
  --customer 客戶               只出此客戶的對帳單（可重複）

不會修改輸入的活頁簿。結束狀態：作業已執行為 0（列資料問題列在報表中），檔案無法使用為 1，
命令列有誤為 2。`,
  usageErrors: {
    unknownOption: "未知的選項 {option}（請見 ar-addin --help）",
    needsValue: "{option} 需要一個值",
    unknownCommand: "未知的指令「{command}」：請使用 aging、flags、letters、report、log、statements 或 demo",
    demoTakesNoWorkbook: "demo 不接受活頁簿",
    needsWorkbook: "{command} 需要一個活頁簿：ar-addin {command} <活頁簿.xlsx>",
    unexpectedArgument: "多餘的引數「{argument}」",
    docxLettersOnly: "--docx 只能與 letters 或 statements 指令一起使用",
    badLang: "--lang 只能是 zh-CN、zh-TW 或 en，不能是「{value}」",
    badDocx: "--docx 只能是 single 或 per-customer，不能是「{value}」",
    badAsOf: "--as-of 日期「{value}」無效：請輸入實際存在的日期，格式 YYYY-MM-DD，例如 2026-11-23",
    badFrom: "--from 日期「{value}」無效：請輸入實際存在的日期，格式 YYYY-MM-DD，例如 2026-03-01",
    reportOnly: "{option} 只能與 report 指令一起使用",
    needsOption: "{command} 需要 {option}",
    badDate: "{option} 日期「{value}」無效：請輸入真實存在的日期，格式 YYYY-MM-DD",
    periodOnly: "{option} 只能與 report 或 statements 指令一起使用",
  },
  policyFile: {
    notFound: "{file}：找不到政策檔",
    notJson: "{file}：不是有效的 JSON（{reason}）",
    badField: "{file}：政策欄位「{field}」有誤：{message}",
    badFields: "{file}：政策欄位「{field}」有誤：{message}（另有 {count} 處）",
  },
  unexpectedError: "非預期的錯誤：{message}",
  outcome: {
    wrote: "{command}（截止 {asOf}）：已寫入 {output}",
    sheets: "工作表：{list}",
    flagged: "超額度或停貨客戶：{count} / {total}",
    letters: "催款函：{count} 封",
    docx: "Word 檔案：{file}",
    dataProblems: "資料問題：{count} 列，已列在輸出活頁簿中",
    settingsProblems: "設定有誤（已使用預設值）：{list}",
    logged: "{customer}：聯絡已登記在「{sheet}」第 {row} 列，已寫入 {output}",
    statements: "對帳單（{from} 至 {to}）：已寫入 {output}",
    statementCount: "對帳單：{count} 份",
  },
  report: {
    period: "期間 {from} 至 {asOf}{who}",
    who: "（{salesperson}）",
    headers: { currency: "幣別", outstanding: "應收餘額", overduePct: "逾期占比", dso: "DSO（天）", collectionRate: "回款率", cashRatio: "現金比例", colours: "紅/黃/綠" },
  },
  listSeparator: "、",
  demo: {
    title: "ar-addin demo — {input}，截止 {asOf}",
    headers: { job: "作業", output: "輸出檔案", result: "結果" },
    dataProblems: "{count} 處資料問題",
    flagged: "{count} 位客戶被標記",
    letters: "{count} 封催款函",
    word: "Word",
  },
};
