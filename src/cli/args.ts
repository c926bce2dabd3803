/**
 * Command-line arguments of `ar-addin`: parsed once, validated at the edge, with one-line errors
 * given as codes that the CLI words in the user's language.
 */
import { CLI_STRINGS, type CliStrings } from "../i18n/cli";
import { fillPlaceholders } from "../i18n/fill";
import { fromYmd, isValidYmd } from "../rules/dates";
import type { DayNumber, Lang } from "../rules/types";

/** The jobs the command line runs. */
export type Command = "aging" | "flags" | "letters" | "report" | "log" | "statements" | "demo" | "help";

/** A contact to log, as typed on the command line (`log`). */
export interface ContactArgs {
  customer?: string;
  channel?: string;
  outcome?: string;
  /** --date as typed (YYYY-MM-DD); absent → today. */
  date?: string;
  promiseDate?: string;
  promiseAmount?: string;
  next?: string;
  note?: string;
  collector?: string;
  contact?: string;
  invoice?: string;
}

/** How letters go to Word: one file for all customers, or one file per customer in a folder. */
export type DocxMode = "single" | "per-customer";

/** Parsed command line. */
export interface CliArgs {
  command: Command;
  /** The workbook (aging/flags/letters). */
  input?: string;
  /** --as-of as typed (YYYY-MM-DD); absent → today. */
  asOf?: string;
  out?: string;
  json: boolean;
  lang: Lang;
  policyFile?: string;
  docx?: DocxMode;
  /** report, statements: --from as typed (YYYY-MM-DD), the period's first day. */
  from?: string;
  /** report: --salesperson, the view narrowed to one salesperson's customers. */
  salesperson?: string;
  quiet: boolean;
  /** `log`: the contact's fields as typed. */
  contact: ContactArgs;
  /** `statements`: the period's last day as typed (YYYY-MM-DD); its first is `from`. */
  to?: string;
  /** `statements`: --customer, once per customer (all customers when none). */
  customers: string[];
}

/** Which problem a bad command line has: the key of its words in `CliStrings["usageErrors"]`. */
export type UsageProblem = keyof CliStrings["usageErrors"];

/** A problem with the command line itself, as a code with values; the CLI words it in the user's language. */
export class UsageError extends Error {
  /** What is wrong, e.g. "unknownOption". */
  readonly problem: UsageProblem;
  /** The values its words name, e.g. `{ option: "--foo" }`. */
  readonly values: Readonly<Record<string, string>>;

  /**
   * @param problem what is wrong, e.g. "unknownOption"
   * @param values the values its words name, e.g. `{ option: "--foo" }`
   * @example new UsageError("unknownOption", { option: "--foo" }).message // "unknown option --foo (see ar-addin --help)"
   */
  constructor(problem: UsageProblem, values: Readonly<Record<string, string>> = {}) {
    super(fillPlaceholders(CLI_STRINGS.en.usageErrors[problem], values));
    this.name = "UsageError";
    this.problem = problem;
    this.values = values;
  }

  /**
   * The one line telling the user what is wrong, in their language.
   * @param lang the language of the words
   * @returns the line
   * @example new UsageError("needsValue", { option: "--out" }).wordsIn("zh-CN") // "--out 需要一个值"
   */
  wordsIn(lang: Lang): string {
    return fillPlaceholders(CLI_STRINGS[lang].usageErrors[this.problem], this.values);
  }
}

/** The language of sheets, letters and messages when --lang is not given. */
const DEFAULT_LANG: Lang = "zh-CN";
const LANGS: readonly Lang[] = ["zh-CN", "zh-TW", "en"];
const COMMANDS: readonly Command[] = ["aging", "flags", "letters", "report", "log", "statements", "demo"];
/** The options of a contact to log, and the field each fills. */
const CONTACT_OPTIONS: Readonly<Record<string, keyof ContactArgs>> = {
  "--channel": "channel",
  "--outcome": "outcome",
  "--date": "date",
  "--promise-date": "promiseDate",
  "--promise-amount": "promiseAmount",
  "--next": "next",
  "--note": "note",
  "--collector": "collector",
  "--contact": "contact",
  "--invoice": "invoice",
};
/** Options that are dates, checked as they are read. */
const DATE_OPTIONS = new Set(["--date", "--promise-date", "--next", "--to"]);
const VALUE_OPTIONS = new Set(["--as-of", "--out", "--lang", "--policy", "--docx", "--from", "--salesperson", "--customer", "--to", ...Object.keys(CONTACT_OPTIONS)]);

/**
 * Parses `process.argv.slice(2)`.
 * @param argv the arguments after the program name
 * @returns the parsed arguments
 * @throws UsageError with one line naming the problem
 * @example parseArgs(["aging", "a.xlsx", "--json"]).json // true
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: "help", json: false, lang: DEFAULT_LANG, quiet: false, contact: {}, customers: [] };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return { ...args, command: "help" };
    if (arg === "--json") args.json = true;
    else if (arg === "--quiet" || arg === "-q") args.quiet = true;
    else if (arg.startsWith("--")) {
      const [name, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
      if (!VALUE_OPTIONS.has(name)) throw new UsageError("unknownOption", { option: name });
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") throw new UsageError("needsValue", { option: name });
      setOption(args, name, value);
    } else positional.push(arg);
  }
  if (positional.length === 0) return args;
  const command = positional[0] as Command;
  if (!COMMANDS.includes(command)) throw new UsageError("unknownCommand", { command: positional[0] });
  args.command = command;
  if (command === "demo") {
    if (positional.length > 1) throw new UsageError("demoTakesNoWorkbook");
    return args;
  }
  if (positional.length < 2) throw new UsageError("needsWorkbook", { command });
  if (positional.length > 2) throw new UsageError("unexpectedArgument", { argument: positional[2] });
  args.input = positional[1];
  if (args.docx && command !== "letters" && command !== "statements") throw new UsageError("docxLettersOnly");
  if (command !== "report") {
    if (args.from !== undefined && command !== "statements") throw new UsageError("periodOnly", { option: "--from" });
    if (args.salesperson !== undefined) throw new UsageError("reportOnly", { option: "--salesperson" });
  }
  if (command === "log") {
    args.contact.customer = args.customers.length > 0 ? args.customers[args.customers.length - 1] : undefined;
    for (const [option, value] of [["--customer", args.contact.customer], ["--channel", args.contact.channel]] as const) {
      if (value === undefined) throw new UsageError("needsOption", { command, option });
    }
  }
  if (command === "statements") {
    for (const [option, value] of [["--from", args.from], ["--to", args.to]] as const) {
      if (value === undefined) throw new UsageError("needsOption", { command, option });
    }
  }
  return args;
}

function setOption(args: CliArgs, name: string, value: string): void {
  if (DATE_OPTIONS.has(name)) parseDateOption(name, value);
  const contactField = CONTACT_OPTIONS[name];
  if (contactField !== undefined) {
    args.contact[contactField] = value;
    return;
  }
  switch (name) {
    case "--customer":
      args.customers.push(value);
      break;
    case "--to":
      args.to = value;
      break;
    case "--as-of":
      parseAsOf(value);
      args.asOf = value;
      break;
    case "--out":
      args.out = value;
      break;
    case "--lang":
      if (!LANGS.includes(value as Lang)) throw new UsageError("badLang", { value });
      args.lang = value as Lang;
      break;
    case "--policy":
      args.policyFile = value;
      break;
    case "--docx":
      if (value !== "single" && value !== "per-customer") throw new UsageError("badDocx", { value });
      args.docx = value;
      break;
    case "--from":
      if (!isDateText(value)) throw new UsageError("badFrom", { value });
      args.from = value;
      break;
    case "--salesperson":
      args.salesperson = value;
      break;
  }
}

/**
 * A date option's day (--date, --promise-date, --next, --from, --to).
 * @param option the option, for the error
 * @param text a date as YYYY-MM-DD
 * @returns its day number
 * @throws UsageError "badDate" when the text is not a real calendar date in that form
 * @example parseDateOption("--from", "2026-11-01") // 46327
 */
export function parseDateOption(option: string, text: string): DayNumber {
  try {
    return parseAsOf(text);
  } catch {
    throw new UsageError("badDate", { option, value: text });
  }
}

/**
 * The report date from `--as-of`.
 * @param text a date as YYYY-MM-DD
 * @returns its day number
 * @throws UsageError when the text is not a real calendar date in that form
 * @example parseAsOf("2026-11-23") // 46349
 */
export function parseAsOf(text: string): DayNumber {
  if (!isDateText(text)) throw new UsageError("badAsOf", { value: text });
  const [year, month, day] = text.split("-").map(Number);
  return fromYmd(year, month, day);
}

/** Whether a text is a real calendar date written YYYY-MM-DD. */
function isDateText(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isValidYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * The language asked for with --lang, read even from a command line that cannot be parsed, so
 * that its error is worded in that language; the last valid --lang wins, as in parseArgs.
 * @param argv the arguments after the program name
 * @returns the language, DEFAULT_LANG without a valid --lang
 * @example requestedLanguage(["aging", "--colour", "--lang", "en"]) // "en"
 */
export function requestedLanguage(argv: readonly string[]): Lang {
  let lang = DEFAULT_LANG;
  argv.forEach((arg, index) => {
    const value = arg === "--lang" ? argv[index + 1] : arg.startsWith("--lang=") ? arg.slice("--lang=".length) : undefined;
    if (LANGS.includes(value as Lang)) lang = value as Lang;
  });
  return lang;
}
