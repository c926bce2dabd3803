/** The command line's words in English. */
import type { CliStrings } from "./types";

/**
 * The command line's words in English.
 * @example CLI_EN.usageErrors.needsValue // "{option} needs a value"
 */
export const CLI_EN: CliStrings = {
  usage: `Usage: ar-addin <command> [options]

Commands:
  aging <workbook.xlsx|.csv>    aging summary and open-invoice detail (账龄分析)
  flags <workbook.xlsx|.csv>    customers over their credit limit or to stop shipping (超额度停货)
  letters <workbook.xlsx|.csv>  reminder letters (催款函) and pre-due notices; with --docx also as Word files
  report <workbook.xlsx|.csv>   the sales manager's report (管理报表): measures, salespeople, regions, DSO trend, provision
  log <workbook.xlsx>           logs one contact in the collection log (催收记录; created on first use)
  statements <workbook.xlsx|.csv>
                                statements of account (对账单) from --from to --to; with --docx also as Word files
  demo                          runs the three jobs on examples/sample-ledger.xlsx into examples/out/

Options:
  --as-of YYYY-MM-DD            report date (default: today)
  --out FILE                    output workbook (default: <name>.<command>.xlsx beside the input)
  --json                        print the report as JSON on stdout
  --lang zh-CN|zh-TW|en         language of sheets, letters and messages (default zh-CN)
  --policy FILE.json            policy overriding the one stored in the workbook
  --docx single|per-customer    letters and statements: one .docx for all customers, or one per customer in a folder
  --from YYYY-MM-DD             report: first day of the period (default: the day after the same date a month before); statements: first day of the period
  --salesperson NAME            report: only this salesperson's customers
  --quiet                       no progress on stderr
  --help                        this text

Options of log:
  --customer NAME               the customer (required)
  --channel CHANNEL             phone, email, sms, visit, demand letter, lawyer's letter or other (required; 电话… too)
  --outcome OUTCOME             promised, refused, disputed, no answer, paid or other
  --date YYYY-MM-DD             day of the contact (default: today)
  --promise-date YYYY-MM-DD     a promise to pay: its date, with --promise-amount
  --promise-amount AMOUNT       a promise to pay: its amount, with --promise-date
  --next YYYY-MM-DD             next action date
  --note TEXT                   note
  --collector NAME              collector
  --contact NAME                person contacted
  --invoice NO                  invoice number

Options of statements:
  --from YYYY-MM-DD             first day of the period (required)
  --to YYYY-MM-DD               last day of the period (required)
  --customer NAME               only this customer's statement (may be repeated)

The input workbook is never modified. Exit status: 0 when the job ran (row problems are listed
in the report), 1 when the file cannot be used, 2 for a bad command line.`,
  usageErrors: {
    unknownOption: "unknown option {option} (see ar-addin --help)",
    needsValue: "{option} needs a value",
    unknownCommand: 'unknown command "{command}": use aging, flags, letters, report, log, statements or demo',
    demoTakesNoWorkbook: "demo takes no workbook",
    needsWorkbook: "{command} needs a workbook: ar-addin {command} <workbook.xlsx>",
    unexpectedArgument: 'unexpected argument "{argument}"',
    docxLettersOnly: "--docx works with the letters and statements commands only",
    badLang: '--lang must be zh-CN, zh-TW or en, not "{value}"',
    badDocx: '--docx must be single or per-customer, not "{value}"',
    badAsOf: 'bad --as-of "{value}": use a real date as YYYY-MM-DD, e.g. 2026-11-23',
    badFrom: 'bad --from "{value}": use a real date as YYYY-MM-DD, e.g. 2026-03-01',
    reportOnly: "{option} works with the report command only",
    needsOption: "{command} needs {option}",
    badDate: 'bad {option} "{value}": use a real date as YYYY-MM-DD, e.g. 2026-11-23',
    periodOnly: "{option} works with the report and statements commands only",
  },
  policyFile: {
    notFound: "{file}: policy file not found",
    notJson: "{file}: not valid JSON ({reason})",
    badField: '{file}: bad policy field "{field}": {message}',
    badFields: '{file}: bad policy field "{field}": {message} (and {count} more)',
  },
  unexpectedError: "unexpected error: {message}",
  outcome: {
    wrote: "{command} as of {asOf}: wrote {output}",
    sheets: "sheets: {list}",
    flagged: "flagged customers: {count} of {total}",
    letters: "letters: {count}",
    docx: "docx: {file}",
    dataProblems: "data problems: {count} row(s), listed in the output workbook",
    settingsProblems: "settings problems (defaults used): {list}",
    logged: '{customer}: contact logged in "{sheet}" row {row}; wrote {output}',
    statements: "statements {from} to {to}: wrote {output}",
    statementCount: "statements: {count}",
  },
  report: {
    period: "period {from} to {asOf}{who}",
    who: " ({salesperson})",
    headers: { currency: "Currency", outstanding: "Outstanding", overduePct: "% overdue", dso: "DSO (days)", collectionRate: "Collection rate", cashRatio: "Cash ratio", colours: "Red/amber/green" },
  },
  listSeparator: ", ",
  demo: {
    title: "ar-addin demo — {input} as of {asOf}",
    headers: { job: "job", output: "output", result: "result" },
    dataProblems: "{count} data problem(s)",
    flagged: "{count} flagged",
    letters: "{count} letters",
    word: "Word",
  },
};
