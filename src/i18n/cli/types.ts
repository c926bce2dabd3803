/** The shape of the command line's words: help, command-line errors, run summaries and the demo table. */

/** The command line's words. `{name}` marks a value filled in with `fillPlaceholders`. */
export interface CliStrings {
  /** What `ar-addin --help` prints. */
  usage: string;
  /** A bad command line, one line each. */
  usageErrors: {
    /** `{option}` */
    unknownOption: string;
    /** `{option}` */
    needsValue: string;
    /** `{command}` */
    unknownCommand: string;
    demoTakesNoWorkbook: string;
    /** `{command}` */
    needsWorkbook: string;
    /** `{argument}` */
    unexpectedArgument: string;
    docxLettersOnly: string;
    /** `{value}` */
    badLang: string;
    /** `{value}` */
    badDocx: string;
    /** `{value}` */
    badAsOf: string;
    /** `{value}` */
    badFrom: string;
    /** `{option}`: an option of the report command given to another */
    reportOnly: string;
    /** `{command}`, `{option}`: an option the command cannot do without. */
    needsOption: string;
    /** `{option}`, `{value}`: a date option that is no date. */
    badDate: string;
    /** `{option}`: an option of the period commands (report, statements) given to another */
    periodOnly: string;
  };
  /** A --policy file that cannot be used. */
  policyFile: {
    /** `{file}` */
    notFound: string;
    /** `{file}`, `{reason}` (the JSON parser's words) */
    notJson: string;
    /** `{file}`, `{field}`, `{message}` */
    badField: string;
    /** badField when more fields are bad: `{file}`, `{field}`, `{message}`, `{count}` (the others) */
    badFields: string;
  };
  /** A failure nobody foresaw: `{message}`. */
  unexpectedError: string;
  /** What a job run prints without --json. */
  outcome: {
    /** `{command}`, `{asOf}`, `{output}` */
    wrote: string;
    /** `{list}` */
    sheets: string;
    /** `{count}`, `{total}` */
    flagged: string;
    /** `{count}` */
    letters: string;
    /** `{file}` */
    docx: string;
    /** `{count}` */
    dataProblems: string;
    /** `{list}` of field names */
    settingsProblems: string;
    /** `log`: `{customer}`, `{sheet}`, `{row}`, `{output}` */
    logged: string;
    /** `statements`: `{from}`, `{to}`, `{output}` */
    statements: string;
    /** `{count}` */
    statementCount: string;
  };
  /** What `ar-addin report` prints without --json. */
  report: {
    /** `{from}`, `{asOf}`, `{who}` ("" or the salesperson in brackets) */
    period: string;
    /** `{salesperson}` */
    who: string;
    /** The headers of its per-currency table. */
    headers: { currency: string; outstanding: string; overduePct: string; dso: string; collectionRate: string; cashRatio: string; colours: string };
  };
  /** Between the items of a list. */
  listSeparator: string;
  /** `ar-addin demo`'s table. */
  demo: {
    /** `{input}`, `{asOf}` */
    title: string;
    /** The headers of its columns that are not summary figures. */
    headers: { job: string; output: string; result: string };
    /** `{count}` */
    dataProblems: string;
    /** `{count}` */
    flagged: string;
    /** `{count}` */
    letters: string;
    /** The result column of a Word file's row. */
    word: string;
  };
}
