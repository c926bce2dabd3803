/**
 * `ar-addin`: the workbook jobs from the command line, over the exceljs adapter.
 * Reads the clock only for the default --as-of; everything else comes from the arguments.
 * Every failure is one line on stderr (no stack trace) and a non-zero exit status. What it prints
 * for people is in the --lang language, like the sheets.
 */
import { problemText } from "../i18n/messages";
import { promises as fs } from "fs";
import * as path from "path";
import { CLI_STRINGS, type CliStrings } from "../i18n/cli";
import { fileProblemText } from "../i18n/file-messages";
import { fillPlaceholders } from "../i18n/fill";
import { groupThousands } from "../rules/display";
import { labelsFor } from "../i18n/labels";
import { collectorFor } from "./collect";
import { runAging, runFlags, runLetters, type FlagsResult, type JobResult, type LettersResult } from "../jobs/jobs";
import { toJsonReport, type JsonReport } from "../jobs/json-report";
import { formatIso, fromLocalDate } from "../rules/dates";
import type { RenderedLetter } from "../rules/letters/render";
import { policyFromJson } from "../rules/policy-json";
import type { Policy } from "../rules/policy-types";
import type { DayNumber, Lang } from "../rules/types";
import type { Progress } from "../workbook/adapter-types";
import { ExcelJsAdapter } from "../workbook/exceljs/adapter";
import { checkNotInput } from "../workbook/exceljs/same-file";
import { WorkbookFileError } from "../workbook/exceljs/detect";
import { parseArgs, parseAsOf, requestedLanguage, UsageError, type CliArgs, type DocxMode } from "./args";
import { runLogCommand, runStatementsCommand, type CommandContext } from "./collection-commands";
import { runReportCommand } from "./report";
import { currencyTable, formatTable } from "./summary";

/** Where the command line writes and what clock it reads; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  now(): Date;
}

/** Which problem a policy file has: the key of its words in `CliStrings["policyFile"]`. */
export type PolicyFileProblem = keyof CliStrings["policyFile"];

/** A policy file that cannot be used, as a code with values naming the file and the field. */
export class PolicyFileError extends Error {
  /** What is wrong, e.g. "notJson". */
  readonly problem: PolicyFileProblem;
  /** The values its words name: `file`, and `reason`, `field` or `count`. */
  readonly values: Readonly<Record<string, string | number>>;
  /** The bad field's problem as a code with values, rendered as `{message}` in the reader's language. */
  readonly detail?: { code: string; params: unknown };

  /**
   * @param problem what is wrong, e.g. "notFound"
   * @param values the values its words name, e.g. `{ file: "policy.json" }`
   * @param detail the bad field's problem, for "badField" and "badFields"
   * @example new PolicyFileError("notFound", { file: "p.json" }).message // "p.json: policy file not found"
   */
  constructor(problem: PolicyFileProblem, values: Readonly<Record<string, string | number>>, detail?: { code: string; params: unknown }) {
    super(fillPlaceholders(CLI_STRINGS.en.policyFile[problem], detail ? { ...values, message: problemText(detail, "en") } : values));
    this.name = "PolicyFileError";
    this.problem = problem;
    this.values = values;
    if (detail !== undefined) this.detail = detail;
  }

  /**
   * The one line telling the user what is wrong, in their language.
   * @param lang the language of the words
   * @returns the line
   * @example new PolicyFileError("notFound", { file: "p.json" }).wordsIn("zh-CN") // "p.json：找不到政策文件"
   */
  wordsIn(lang: Lang): string {
    const values = this.detail ? { ...this.values, message: problemText(this.detail, lang) } : this.values;
    return fillPlaceholders(CLI_STRINGS[lang].policyFile[this.problem], values);
  }
}

/** Inputs at least this large (about 50,000 ledger rows) show progress even when stderr is not a terminal. */
export const PROGRESS_MIN_BYTES = 3 * 1024 * 1024;
/** The demo's fixed report date, so its output is the same on every machine and day. */
export const DEMO_AS_OF = "2026-11-23";
const JOB_COMMANDS = ["aging", "flags", "letters"] as const;
type JobCommand = (typeof JOB_COMMANDS)[number];

/** Errors whose message is written for the user as it stands. */
const USER_ERRORS = new Set(["WorkbookFileError", "LedgerNotFoundError", "JobError", "CsvEncodingError", "AbortError", "AppendRowsError"]);

/** What one job run produced, for the text summary and the demo table. */
interface JobOutcome {
  command: JobCommand;
  output: string;
  result: JobResult;
  json: JsonReport & { flagged?: JsonReport["customers"]; letters?: JsonLetter[] };
  docx: string[];
}

/** A letter in the --json output. */
interface JsonLetter {
  customer: string;
  currency: string;
  stage: string;
  lang: Lang;
  subject: string;
  body: string;
  table: { headers: string[]; rows: string[][]; footer: string[] };
}

/**
 * Runs the command line.
 * @param argv arguments after the program name
 * @param io streams and clock (default: the process's)
 * @returns the exit status: 0 job ran, 1 file or data cannot be used, 2 bad command line
 * @example await main(["aging", "ledger.xlsx", "--as-of", "2026-11-23", "--json"]) // 0, JSON on stdout
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  // Read apart from parseArgs so that a bad command line is worded in the --lang it asks for too.
  const lang = requestedLanguage(argv);
  try {
    const args = parseArgs(argv);
    if (args.command === "help") {
      io.stdout.write(`${CLI_STRINGS[lang].usage}\n`);
      return 0;
    }
    if (args.command === "demo") {
      await runDemo(args, io);
      return 0;
    }
    if (args.command === "log" || args.command === "statements") return await runCollectionCommand(args.command, args, io);
    if (args.command === "report") {
      const input = path.resolve(args.input!);
      const output = path.resolve(args.out ?? defaultOutput(input, "report"));
      const asOf = args.asOf ? parseAsOf(args.asOf) : fromLocalDate(io.now());
      const policy = args.policyFile ? await loadPolicy(args.policyFile) : undefined;
      const report = await runReportCommand(args, { input, output, asOf, policy, onProgress: progressFor(args, io, await inputSize(input)) });
      io.stdout.write(args.json ? `${JSON.stringify(report.json, null, 2)}\n` : `${report.text}\n`);
      return 0;
    }
    const outcome = await runJob(args.command, args, io);
    if (args.json) io.stdout.write(`${JSON.stringify(outcome.json, null, 2)}\n`);
    else io.stdout.write(`${describeOutcome(outcome, lang)}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`ar-addin: ${oneLine(error, lang)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

function oneLine(error: unknown, lang: Lang): string {
  const flat = (text: string): string => text.replace(/\s*\n\s*/g, " ").trim();
  if (error instanceof UsageError || error instanceof PolicyFileError) return flat(error.wordsIn(lang));
  if (error instanceof WorkbookFileError) return flat(fileProblemText(error.problem, lang));
  if (!(error instanceof Error)) return String(error);
  const message = flat(error.message);
  if (USER_ERRORS.has(error.name)) return message;
  if (process.env.AR_DEBUG) return `${message} ${error.stack ?? ""}`.replace(/\s*\n\s*/g, " | ");
  return fillPlaceholders(CLI_STRINGS[lang].unexpectedError, { message });
}

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, now: () => new Date() };
}

/**
 * The output workbook's default path: beside the input, `<name>.<job>.xlsx` (`.xlsm` for a
 * workbook with macros, which stays one).
 * @example defaultOutput("/d/ledger.csv", "aging") // "/d/ledger.aging.xlsx"
 * @example defaultOutput("/d/ledger.xlsm", "aging") // "/d/ledger.aging.xlsm"
 */
export function defaultOutput(input: string, command: JobCommand | "report" | "log" | "statements"): string {
  const dir = path.dirname(input);
  const extension = path.extname(input).toLowerCase() === ".xlsm" ? "xlsm" : "xlsx";
  return path.join(dir, `${path.basename(input, path.extname(input))}.${command}.${extension}`);
}

/**
 * Where `--docx` letters go, next to the output workbook: `<out>.docx` or a `<out>-docx` folder.
 * @example docxTarget("/d/ledger.letters.xlsx", "single") // "/d/ledger.letters.docx"
 */
export function docxTarget(output: string, mode: DocxMode): string {
  const stem = output.replace(/\.xls[xm]$/i, "");
  return mode === "single" ? `${stem}.docx` : `${stem}-docx`;
}

async function loadPolicy(file: string): Promise<Policy> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    throw new PolicyFileError("notFound", { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PolicyFileError("notJson", { file, reason: error instanceof Error ? error.message : String(error) });
  }
  const { policy, errors } = policyFromJson(json);
  if (errors.length > 0) {
    const first = errors[0];
    if (errors.length === 1) throw new PolicyFileError("badField", { file, field: first.field }, first);
    throw new PolicyFileError("badFields", { file, field: first.field, count: errors.length - 1 }, first);
  }
  return policy;
}

/** The input's size in bytes (0 when it cannot be read: the adapter then says why). */
function inputSize(input: string): Promise<number> {
  return fs.stat(input).then((stat) => stat.size, () => 0);
}

function progressFor(args: CliArgs, io: CliIo, size: number): ((progress: Progress) => void) | undefined {
  if (args.quiet) return undefined;
  const tty = Boolean(io.stderr.isTTY);
  if (!tty && size < PROGRESS_MIN_BYTES) return undefined;
  return (progress) => {
    const line = `${Math.round(progress.fraction * 100)}% ${progress.message}`;
    io.stderr.write(tty ? `\r\x1b[K${line}${progress.fraction >= 1 ? "\n" : ""}` : `${line}\n`);
  };
}

/** `log` and `statements` (collection-commands.ts), with the files, policy and progress worked out here. */
async function runCollectionCommand(command: "log" | "statements", args: CliArgs, io: CliIo): Promise<number> {
  const input = path.resolve(args.input!);
  const output = path.resolve(args.out ?? defaultOutput(input, command));
  const context: CommandContext = { input, output, onProgress: progressFor(args, io, await inputSize(input)) };
  if (args.policyFile) context.policy = await loadPolicy(args.policyFile);
  if (command === "log") return runLogCommand(args, io, context);
  if (args.docx) context.docx = { mode: args.docx, target: docxTarget(output, args.docx) };
  return runStatementsCommand(args, io, context);
}

async function runJob(command: JobCommand, args: CliArgs, io: CliIo, fixedOutput?: string): Promise<JobOutcome> {
  const input = path.resolve(args.input!);
  const asOf: DayNumber = args.asOf ? parseAsOf(args.asOf) : fromLocalDate(io.now());
  const policy = args.policyFile ? await loadPolicy(args.policyFile) : undefined;
  const output = path.resolve(fixedOutput ?? args.out ?? defaultOutput(input, command));
  // Nothing is written before every path to be written is known not to be the input.
  await checkNotInput(input, output, "workbook");
  if (command === "letters" && args.docx) await checkNotInput(input, docxTarget(output, args.docx), args.docx === "single" ? "wordFile" : "lettersFolder");
  const adapter = new ExcelJsAdapter({ input, output });
  const size = await inputSize(input);
  const options = { asOf, lang: args.lang, policy, onProgress: progressFor(args, io, size), afterRead: collectorFor(size) };
  let result: JobResult;
  let json: JobOutcome["json"];
  let docx: string[] = [];
  if (command === "aging") {
    result = await runAging(adapter, options);
    json = toJsonReport(result.report, result.policy, args.lang, result.notices);
  } else if (command === "flags") {
    const flags: FlagsResult = await runFlags(adapter, options);
    result = flags;
    json = toJsonReport(flags.report, flags.policy, args.lang, flags.notices);
    const flaggedKeys = new Set(flags.flagged.map((customer) => `${customer.customer}\u0000${customer.currency}`));
    json.flagged = json.customers.filter((customer) => flaggedKeys.has(`${customer.customer}\u0000${customer.currency}`));
  } else {
    const letters: LettersResult = await runLetters(adapter, options);
    result = letters;
    json = toJsonReport(letters.report, letters.policy, args.lang, letters.notices);
    json.letters = letters.letters.map(jsonLetter);
    if (args.docx) {
      // The Word library is loaded only when letters go to Word.
      const { writeLettersDocx } = await import("./docx");
      docx = await writeLettersDocx(letters.letters, args.docx, docxTarget(output, args.docx), input);
    }
  }
  return { command, output, result, json, docx };
}

function jsonLetter(letter: RenderedLetter): JsonLetter {
  return {
    customer: letter.customer,
    currency: letter.currency,
    stage: letter.stage,
    lang: letter.lang,
    subject: letter.subject,
    body: letter.body,
    table: { headers: letter.table.headers, rows: letter.table.rows, footer: letter.table.footer },
  };
}

function describeOutcome(outcome: JobOutcome, lang: Lang): string {
  const { result, json } = outcome;
  const words = CLI_STRINGS[lang];
  const line = (template: string, values: Record<string, string | number>): string => `  ${fillPlaceholders(template, values)}`;
  const lines = [
    fillPlaceholders(words.outcome.wrote, { command: outcome.command, asOf: json.asOf, output: outcome.output }),
    line(words.outcome.sheets, { list: result.sheets.join(words.listSeparator) }),
  ];
  if (outcome.command === "aging") lines.push(indent(currencyTable("summary" in result ? (result as { summary: Parameters<typeof currencyTable>[0] }).summary : [], lang)));
  if (json.flagged) lines.push(line(words.outcome.flagged, { count: json.flagged.length, total: json.customers.length }));
  if (json.letters) lines.push(line(words.outcome.letters, { count: json.letters.length }));
  for (const file of outcome.docx) lines.push(line(words.outcome.docx, { file }));
  if (result.errors.length > 0) lines.push(line(words.outcome.dataProblems, { count: result.errors.length }));
  if (result.settingsErrors.length > 0) {
    lines.push(line(words.outcome.settingsProblems, { list: result.settingsErrors.map((e) => e.field).join(words.listSeparator) }));
  }
  return lines.join("\n");
}

function indent(text: string): string {
  return text.split("\n").map((line) => `  ${line}`).join("\n");
}

/** `ar-addin demo`: the three jobs on the bundled sample into examples/out/, and a summary table. */
async function runDemo(args: CliArgs, io: CliIo): Promise<void> {
  const root = path.resolve(__dirname, "..", "..");
  const input = path.join(root, "examples", "sample-ledger.xlsx");
  const outDir = path.join(root, "examples", "out");
  const demoArgs: CliArgs = { ...args, input, asOf: args.asOf ?? DEMO_AS_OF, docx: "single" };
  const words = CLI_STRINGS[args.lang];
  const figures = labelsFor(args.lang).summary;
  const rows: string[][] = [[words.demo.headers.job, words.demo.headers.output, figures.customers, figures.outstanding, figures.overdue, words.demo.headers.result]];
  for (const command of JOB_COMMANDS) {
    const output = path.join(outDir, `sample-ledger.${command}.xlsx`);
    const outcome = await runJob(command, { ...demoArgs, docx: command === "letters" ? "single" : undefined }, io, output);
    const totals = outcome.json.totals;
    const figure =
      command === "aging"
        ? fillPlaceholders(words.demo.dataProblems, { count: outcome.result.errors.length })
        : command === "flags"
          ? fillPlaceholders(words.demo.flagged, { count: outcome.json.flagged?.length ?? 0 })
          : fillPlaceholders(words.demo.letters, { count: outcome.json.letters?.length ?? 0 });
    rows.push([command, path.relative(root, output), String(totals.customers), groupThousands(totals.outstanding), groupThousands(totals.overdue), figure]);
    for (const file of outcome.docx) rows.push(["", path.relative(root, file), "", "", "", words.demo.word]);
  }
  const title = fillPlaceholders(words.demo.title, { input: path.relative(root, input), asOf: formatIso(parseAsOf(demoArgs.asOf!)) });
  io.stdout.write(`${title}\n${formatTable(rows)}\n`);
}

/** Entry point of bin/ar-addin.js: runs with the process's arguments and sets its exit status. */
export function cli(): void {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) cli();
