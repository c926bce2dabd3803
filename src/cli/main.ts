/**
 * `ar-addin`: the workbook jobs from the command line, over the exceljs adapter.
 * Reads the clock only for the default --as-of; everything else comes from the arguments.
 * Every failure is one line on stderr (no stack trace) and a non-zero exit status.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { groupThousands } from "../i18n/format";
import { runAging, runFlags, runLetters, type FlagsResult, type JobResult, type LettersResult } from "../jobs/jobs";
import { toJsonReport, type JsonReport } from "../jobs/json-report";
import { formatIso, fromLocalDate } from "../rules/dates";
import type { RenderedLetter } from "../rules/letters/render";
import { policyFromJson } from "../rules/policy";
import type { Policy } from "../rules/policy-types";
import type { DayNumber, Lang } from "../rules/types";
import type { Progress } from "../workbook/adapter-types";
import { ExcelJsAdapter } from "../workbook/exceljs/adapter";
import { parseArgs, parseAsOf, USAGE, UsageError, type CliArgs, type DocxMode } from "./args";
import { currencyTable, formatTable } from "./summary";

/** Where the command line writes and what clock it reads; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  now(): Date;
}

/** A policy file that cannot be used; the message names the file and the field. */
export class PolicyFileError extends Error {
  /** @param message one line */
  constructor(message: string) {
    super(message);
    this.name = "PolicyFileError";
  }
}

/** Inputs at least this large (about 50,000 ledger rows) show progress even when stderr is not a terminal. */
export const PROGRESS_MIN_BYTES = 3 * 1024 * 1024;
/** The demo's fixed report date, so its output is the same on every machine and day. */
export const DEMO_AS_OF = "2026-11-23";
const JOB_COMMANDS = ["aging", "flags", "letters"] as const;
type JobCommand = (typeof JOB_COMMANDS)[number];

/** Errors whose message is written for the user as it stands. */
const USER_ERRORS = new Set(["WorkbookFileError", "LedgerNotFoundError", "JobError", "CsvEncodingError", "PolicyFileError", "AbortError"]);

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
  try {
    const args = parseArgs(argv);
    if (args.command === "help") {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (args.command === "demo") {
      await runDemo(args, io);
      return 0;
    }
    const outcome = await runJob(args.command, args, io);
    if (args.json) io.stdout.write(`${JSON.stringify(outcome.json, null, 2)}\n`);
    else io.stdout.write(`${describeOutcome(outcome)}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`ar-addin: ${oneLine(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

function oneLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const message = error.message.replace(/\s*\n\s*/g, " ").trim();
  if (USER_ERRORS.has(error.name) || error instanceof UsageError) return message;
  if (process.env.AR_DEBUG) return `${message} ${error.stack ?? ""}`.replace(/\s*\n\s*/g, " | ");
  return `unexpected error: ${message}`;
}

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, now: () => new Date() };
}

/**
 * The output workbook's default path: beside the input, `<name>.<job>.xlsx`.
 * @example defaultOutput("/d/ledger.csv", "aging") // "/d/ledger.aging.xlsx"
 */
export function defaultOutput(input: string, command: JobCommand): string {
  const dir = path.dirname(input);
  return path.join(dir, `${path.basename(input, path.extname(input))}.${command}.xlsx`);
}

/**
 * Where `--docx` letters go, next to the output workbook: `<out>.docx` or a `<out>-docx` folder.
 * @example docxTarget("/d/ledger.letters.xlsx", "single") // "/d/ledger.letters.docx"
 */
export function docxTarget(output: string, mode: DocxMode): string {
  const stem = output.replace(/\.xlsx$/i, "");
  return mode === "single" ? `${stem}.docx` : `${stem}-docx`;
}

async function loadPolicy(file: string): Promise<Policy> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    throw new PolicyFileError(`${file}: policy file not found`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PolicyFileError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const { policy, errors } = policyFromJson(json);
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    throw new PolicyFileError(`${file}: bad policy field "${errors[0].field}": ${errors[0].message}${more}`);
  }
  return policy;
}

async function progressFor(args: CliArgs, io: CliIo, input: string): Promise<((progress: Progress) => void) | undefined> {
  if (args.quiet) return undefined;
  const size = await fs.stat(input).then((stat) => stat.size, () => 0);
  const tty = Boolean(io.stderr.isTTY);
  if (!tty && size < PROGRESS_MIN_BYTES) return undefined;
  return (progress) => {
    const line = `${Math.round(progress.fraction * 100)}% ${progress.message}`;
    io.stderr.write(tty ? `\r\x1b[K${line}${progress.fraction >= 1 ? "\n" : ""}` : `${line}\n`);
  };
}

async function runJob(command: JobCommand, args: CliArgs, io: CliIo, fixedOutput?: string): Promise<JobOutcome> {
  const input = path.resolve(args.input!);
  const asOf: DayNumber = args.asOf ? parseAsOf(args.asOf) : fromLocalDate(io.now());
  const policy = args.policyFile ? await loadPolicy(args.policyFile) : undefined;
  const output = path.resolve(fixedOutput ?? args.out ?? defaultOutput(input, command));
  const adapter = new ExcelJsAdapter({ input, output });
  const options = { asOf, lang: args.lang, policy, onProgress: await progressFor(args, io, input) };
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
      docx = await writeLettersDocx(letters.letters, args.docx, docxTarget(output, args.docx));
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

function describeOutcome(outcome: JobOutcome): string {
  const { result, json } = outcome;
  const lines = [`${outcome.command} as of ${json.asOf}: wrote ${outcome.output}`, `  sheets: ${result.sheets.join(", ")}`];
  if (outcome.command === "aging") lines.push(indent(currencyTable("summary" in result ? (result as { summary: Parameters<typeof currencyTable>[0] }).summary : [])));
  if (json.flagged) lines.push(`  flagged customers: ${json.flagged.length} of ${json.customers.length}`);
  if (json.letters) lines.push(`  letters: ${json.letters.length}`);
  for (const file of outcome.docx) lines.push(`  docx: ${file}`);
  if (result.errors.length > 0) lines.push(`  data problems: ${result.errors.length} row(s), listed in the output workbook`);
  if (result.settingsErrors.length > 0) lines.push(`  settings problems (defaults used): ${result.settingsErrors.map((e) => e.field).join(", ")}`);
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
  const rows: string[][] = [["job", "output", "customers", "outstanding", "overdue", "result"]];
  for (const command of JOB_COMMANDS) {
    const output = path.join(outDir, `sample-ledger.${command}.xlsx`);
    const outcome = await runJob(command, { ...demoArgs, docx: command === "letters" ? "single" : undefined }, io, output);
    const totals = outcome.json.totals;
    const figure =
      command === "aging"
        ? `${outcome.result.errors.length} data problem(s)`
        : command === "flags"
          ? `${outcome.json.flagged?.length ?? 0} flagged`
          : `${outcome.json.letters?.length ?? 0} letters`;
    rows.push([command, path.relative(root, output), String(totals.customers), groupThousands(totals.outstanding), groupThousands(totals.overdue), figure]);
    for (const file of outcome.docx) rows.push(["", path.relative(root, file), "", "", "", "Word"]);
  }
  io.stdout.write(`ar-addin demo — ${path.relative(root, input)} as of ${formatIso(parseAsOf(demoArgs.asOf!))}\n${formatTable(rows)}\n`);
}

/** Entry point of bin/ar-addin.js: runs with the process's arguments and sets its exit status. */
export function cli(): void {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) cli();
