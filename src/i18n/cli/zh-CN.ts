/** The command line's words in Simplified Chinese. */
import type { CliStrings } from "./types";

/**
 * The command line's words in Simplified Chinese.
 * @example CLI_ZH_CN.usageErrors.needsValue // "{option} 需要一个值"
 */
export const CLI_ZH_CN: CliStrings = {
  usage: `用法：ar-addin <命令> [选项]

命令：
  aging <工作簿.xlsx|.csv>      账龄汇总和未结发票明细（账龄分析）
  flags <工作簿.xlsx|.csv>      超出信用额度或需停止供货的客户（超额度停货）
  letters <工作簿.xlsx|.csv>    催款函和到期提醒；加 --docx 时另存为 Word 文件
  report <工作簿.xlsx|.csv>     管理报表：本期指标、按业务员和区域汇总、DSO 趋势、坏账准备
  log <工作簿.xlsx>             在催收记录中登记一次联系（首次使用时新建“催收记录”表）
  statements <工作簿.xlsx|.csv>
                                对账单（--from 至 --to）；加 --docx 时另存为 Word 文件
  demo                          对 examples/sample-ledger.xlsx 运行三项任务，输出到 examples/out/

选项：
  --as-of YYYY-MM-DD            截止日期（默认：今天）
  --out 文件                    输出工作簿（默认：输入文件旁的 <名称>.<命令>.xlsx）
  --json                        在标准输出中打印 JSON 格式的报告
  --lang zh-CN|zh-TW|en         工作表、催款函和提示信息的语言（默认 zh-CN）
  --policy 文件.json            代替工作簿中所存政策的政策文件
  --docx single|per-customer    催款函和对账单：所有客户合为一个 .docx 文件，或每个客户一个文件（放在一个文件夹中）
  --from YYYY-MM-DD             管理报表：期间的第一天（默认：上月同日的次日）；对账单：对账期间的第一天
  --salesperson 姓名            管理报表：只看该业务员的客户
  --quiet                       不在标准错误中显示进度
  --help                        显示本说明

log 的选项：
  --customer 客户               客户（必填）
  --channel 方式                电话、邮件、短信、上门、催款函、律师函或其他（必填；也可用 phone…）
  --outcome 结果                已承诺、拒付、争议、无人接听、已付款或其他
  --date YYYY-MM-DD             联系日期（默认：今天）
  --promise-date YYYY-MM-DD     还款承诺的日期，与 --promise-amount 一起填写
  --promise-amount 金额         还款承诺的金额，与 --promise-date 一起填写
  --next YYYY-MM-DD             下次跟进日期
  --note 备注                   备注
  --collector 催收人            催收人
  --contact 联系人              联系人
  --invoice 发票号              发票号

statements 的选项：
  --from YYYY-MM-DD             对账期间的起始日期（必填）
  --to YYYY-MM-DD               对账期间的截止日期（必填）
  --customer 客户               只出此客户的对账单（可重复）

不会修改输入的工作簿。退出状态：任务已运行为 0（行数据问题列在报告中），文件无法使用为 1，
命令行有误为 2。`,
  usageErrors: {
    unknownOption: "未知选项 {option}（参见 ar-addin --help）",
    needsValue: "{option} 需要一个值",
    unknownCommand: "未知命令“{command}”：请使用 aging、flags、letters、report、log、statements 或 demo",
    demoTakesNoWorkbook: "demo 不接受工作簿",
    needsWorkbook: "{command} 需要一个工作簿：ar-addin {command} <工作簿.xlsx>",
    unexpectedArgument: "多余的参数“{argument}”",
    docxLettersOnly: "--docx 只能与 letters 或 statements 命令一起使用",
    badLang: "--lang 只能是 zh-CN、zh-TW 或 en，不能是“{value}”",
    badDocx: "--docx 只能是 single 或 per-customer，不能是“{value}”",
    badAsOf: "--as-of 日期“{value}”无效：请输入真实存在的日期，格式 YYYY-MM-DD，例如 2026-11-23",
    badFrom: "--from 日期“{value}”无效：请输入真实存在的日期，格式 YYYY-MM-DD，例如 2026-03-01",
    reportOnly: "{option} 只能与 report 命令一起使用",
    needsOption: "{command} 需要 {option}",
    badDate: "{option} 日期“{value}”无效：请输入真实存在的日期，格式 YYYY-MM-DD",
    periodOnly: "{option} 只能与 report 或 statements 命令一起使用",
  },
  policyFile: {
    notFound: "{file}：找不到政策文件",
    notJson: "{file}：不是有效的 JSON（{reason}）",
    badField: "{file}：政策字段“{field}”有误：{message}",
    badFields: "{file}：政策字段“{field}”有误：{message}（另有 {count} 处）",
  },
  unexpectedError: "意外错误：{message}",
  outcome: {
    wrote: "{command}（截止 {asOf}）：已写入 {output}",
    sheets: "工作表：{list}",
    flagged: "超额度或停货客户：{count} / {total}",
    letters: "催款函：{count} 封",
    docx: "Word 文件：{file}",
    dataProblems: "数据问题：{count} 行，已列在输出工作簿中",
    settingsProblems: "设置有误（已使用默认值）：{list}",
    logged: "{customer}：联系已登记在“{sheet}”第 {row} 行，已写入 {output}",
    statements: "对账单（{from} 至 {to}）：已写入 {output}",
    statementCount: "对账单：{count} 份",
  },
  report: {
    period: "期间 {from} 至 {asOf}{who}",
    who: "（{salesperson}）",
    headers: { currency: "币种", outstanding: "应收余额", overduePct: "逾期占比", dso: "DSO（天）", collectionRate: "回款率", cashRatio: "现金比例", colours: "红/黄/绿" },
  },
  listSeparator: "、",
  demo: {
    title: "ar-addin demo — {input}，截止 {asOf}",
    headers: { job: "任务", output: "输出文件", result: "结果" },
    dataProblems: "{count} 处数据问题",
    flagged: "{count} 个客户被标记",
    letters: "{count} 封催款函",
    word: "Word",
  },
};
