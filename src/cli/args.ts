/**
 * Command-line arguments of `ar-addin`: parsed once, validated at the edge, with one-line errors.
 */
import { fromYmd, isValidYmd } from "../rules/dates";
import type { DayNumber, Lang } from "../rules/types";

/** The jobs the command line runs. */
export type Command = "aging" | "flags" | "letters" | "demo" | "help";

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
  quiet: boolean;
}

/** A problem with the command line itself; the message is one line for the user. */
export class UsageError extends Error {
  /** @param message one line, e.g. "unknown option --foo" */
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The text `ar-addin --help` prints. */
export const USAGE = `Usage: ar-addin <command> [options]

Commands:
  aging <workbook.xlsx|.csv>    aging summary and open-invoice detail (账龄分析)
  flags <workbook.xlsx|.csv>    customers over their credit limit or to stop shipping (超额度停货)
  letters <workbook.xlsx|.csv>  reminder letters (催款函); with --docx also as Word files
  demo                          runs the three jobs on examples/sample-ledger.xlsx into examples/out/

Options:
  --as-of YYYY-MM-DD            report date (default: today)
  --out FILE                    output workbook (default: <name>.aging.xlsx / .flags.xlsx / .letters.xlsx beside the input)
  --json                        print the report as JSON on stdout
  --lang zh-CN|zh-TW|en         language of sheets and letters (default zh-CN)
  --policy FILE.json            policy overriding the one stored in the workbook
  --docx single|per-customer    letters: one .docx for all customers, or one per customer in a folder
  --quiet                       no progress on stderr
  --help                        this text

The input workbook is never modified. Exit status: 0 when the job ran (row problems are listed
in the report), 1 when the file cannot be used, 2 for a bad command line.`;

const LANGS: readonly Lang[] = ["zh-CN", "zh-TW", "en"];
const COMMANDS: readonly Command[] = ["aging", "flags", "letters", "demo"];
const VALUE_OPTIONS = new Set(["--as-of", "--out", "--lang", "--policy", "--docx"]);

/**
 * Parses `process.argv.slice(2)`.
 * @param argv the arguments after the program name
 * @returns the parsed arguments
 * @throws UsageError with one line naming the problem
 * @example parseArgs(["aging", "a.xlsx", "--json"]).json // true
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: "help", json: false, lang: "zh-CN", quiet: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return { ...args, command: "help" };
    if (arg === "--json") args.json = true;
    else if (arg === "--quiet" || arg === "-q") args.quiet = true;
    else if (arg.startsWith("--")) {
      const [name, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
      if (!VALUE_OPTIONS.has(name)) throw new UsageError(`unknown option ${name} (see ar-addin --help)`);
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") throw new UsageError(`${name} needs a value`);
      setOption(args, name, value);
    } else positional.push(arg);
  }
  if (positional.length === 0) return args;
  const command = positional[0] as Command;
  if (!COMMANDS.includes(command)) throw new UsageError(`unknown command "${positional[0]}": use aging, flags, letters or demo`);
  args.command = command;
  if (command === "demo") {
    if (positional.length > 1) throw new UsageError("demo takes no workbook");
    return args;
  }
  if (positional.length < 2) throw new UsageError(`${command} needs a workbook: ar-addin ${command} <workbook.xlsx>`);
  if (positional.length > 2) throw new UsageError(`unexpected argument "${positional[2]}"`);
  args.input = positional[1];
  if (args.docx && command !== "letters") throw new UsageError("--docx works with the letters command only");
  return args;
}

function setOption(args: CliArgs, name: string, value: string): void {
  switch (name) {
    case "--as-of":
      parseAsOf(value);
      args.asOf = value;
      break;
    case "--out":
      args.out = value;
      break;
    case "--lang":
      if (!LANGS.includes(value as Lang)) throw new UsageError(`--lang must be zh-CN, zh-TW or en, not "${value}"`);
      args.lang = value as Lang;
      break;
    case "--policy":
      args.policyFile = value;
      break;
    case "--docx":
      if (value !== "single" && value !== "per-customer") throw new UsageError(`--docx must be single or per-customer, not "${value}"`);
      args.docx = value;
      break;
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
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match || !isValidYmd(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new UsageError(`bad --as-of "${text}": use a real date as YYYY-MM-DD, e.g. 2026-11-23`);
  }
  return fromYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}
