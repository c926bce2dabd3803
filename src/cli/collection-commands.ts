/**
 * The command line's collection commands: `log` (one contact appended to the collection log of a
 * copy of the workbook) and `statements` (statements of account for a period, as a sheet of a copy
 * and optionally as Word files). main.ts parses the command line and hands them what they need.
 */
import { CLI_STRINGS } from "../i18n/cli";
import { fillPlaceholders } from "../i18n/fill";
import { problemText } from "../i18n/messages";
import { runLogContact } from "../jobs/log-contact";
import { runStatements } from "../jobs/statements";
import type { ContactInput } from "../rules/contact";
import { fromLocalDate, formatIso } from "../rules/dates";
import { formatMoney } from "../rules/money";
import type { Policy } from "../rules/policy-types";
import type { Statement } from "../rules/statement";
import type { Lang } from "../rules/types";
import type { Progress } from "../workbook/adapter-types";
import { ExcelJsAdapter } from "../workbook/exceljs/adapter";
import { channelOf, outcomeOf } from "../workbook/read/log-values";
import { parseDateOption, type CliArgs, type DocxMode } from "./args";

/** Where the command line writes and what clock it reads (main.ts's CliIo). */
export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  now(): Date;
}

/** What main.ts works out for a command: the files, the policy file's policy, progress. */
export interface CommandContext {
  input: string;
  output: string;
  policy?: Policy;
  onProgress?: (progress: Progress) => void;
  /** Where Word files go, when --docx was given. */
  docx?: { mode: DocxMode; target: string };
}

/** The contact typed on the command line; channel and outcome words of any language become codes. */
function contactOf(args: CliArgs, io: CommandIo): ContactInput {
  const typed = args.contact;
  const day = (option: string, text: string | undefined): number | undefined => (text === undefined ? undefined : parseDateOption(option, text));
  const contact: ContactInput = {
    date: day("--date", typed.date) ?? fromLocalDate(io.now()),
    customer: typed.customer ?? "",
    channel: typed.channel === undefined ? "" : channelOf(typed.channel) ?? typed.channel,
  };
  if (typed.outcome !== undefined) contact.outcome = outcomeOf(typed.outcome) ?? typed.outcome;
  if (typed.promiseAmount !== undefined) contact.promisedAmount = typed.promiseAmount;
  const promisedDate = day("--promise-date", typed.promiseDate);
  if (promisedDate !== undefined) contact.promisedDate = promisedDate;
  const nextAction = day("--next", typed.next);
  if (nextAction !== undefined) contact.nextAction = nextAction;
  for (const [field, value] of [["note", typed.note], ["collector", typed.collector], ["contact", typed.contact], ["invoiceNo", typed.invoice]] as const) {
    if (value !== undefined) contact[field] = value;
  }
  return contact;
}

/**
 * `ar-addin log FILE --customer … --channel … […]`: appends one contact to the collection log of a
 * copy of the workbook (the input is never written); the log is created on first use.
 * @param args the parsed command line
 * @param io streams and clock
 * @param context input and output files, policy, progress
 * @returns the exit status: 0 logged, 1 when the contact has problems (each on stderr, nothing written)
 * @example await runLogCommand(parseArgs(["log", "a.xlsx", "--customer", "甲公司", "--channel", "电话"]), io, context) // 0
 */
export async function runLogCommand(args: CliArgs, io: CommandIo, context: CommandContext): Promise<number> {
  const lang = args.lang;
  const adapter = new ExcelJsAdapter({ input: context.input, output: context.output });
  const result = await runLogContact(adapter, contactOf(args, io), { lang, policy: context.policy, onProgress: context.onProgress });
  if (result.appended === null) {
    for (const problem of result.problems) io.stderr.write(`ar-addin: ${problemText(problem, lang)}\n`);
    return 1;
  }
  const { sheet, firstRow } = result.appended;
  if (args.json) io.stdout.write(`${JSON.stringify({ output: context.output, appended: result.appended }, null, 2)}\n`);
  else io.stdout.write(`${fillPlaceholders(CLI_STRINGS[lang].outcome.logged, { customer: result.contact?.customer ?? "", sheet, row: firstRow, output: context.output })}\n`);
  return 0;
}

/** A statement in the --json output: dates as YYYY-MM-DD, amounts as shown (two places). */
function jsonStatement(statement: Statement, scale: number): Record<string, unknown> {
  const money = (amount: Statement["opening"]): string => formatMoney(amount, scale);
  return {
    customer: statement.customer,
    currency: statement.currency,
    from: formatIso(statement.from),
    to: formatIso(statement.to),
    opening: money(statement.opening),
    lines: statement.lines.map((line) => ({ date: formatIso(line.date), kind: line.kind, reference: line.reference, debit: money(line.debit), credit: money(line.credit), balance: money(line.balance) })),
    closing: money(statement.closing),
    buckets: statement.buckets.map(money),
    unappliedCredit: money(statement.unappliedCredit),
  };
}

/**
 * `ar-addin statements FILE --from YYYY-MM-DD --to YYYY-MM-DD [--customer …] [--docx …]`: the
 * statement sheet in a copy of the workbook, and Word files when asked.
 * @param args the parsed command line
 * @param io streams and clock
 * @param context input and output files, policy, progress, Word target
 * @returns the exit status, 0
 * @example await runStatementsCommand(parseArgs(["statements", "a.xlsx", "--from", "2026-11-01", "--to", "2026-11-30"]), io, context) // 0
 */
export async function runStatementsCommand(args: CliArgs, io: CommandIo, context: CommandContext): Promise<number> {
  const lang: Lang = args.lang;
  const from = parseDateOption("--from", args.from ?? "");
  const to = parseDateOption("--to", args.to ?? "");
  const adapter = new ExcelJsAdapter({ input: context.input, output: context.output });
  const customers = args.customers.length > 0 ? args.customers : undefined;
  const result = await runStatements(adapter, { from, to, lang, policy: context.policy, onProgress: context.onProgress, customers });
  let docx: string[] = [];
  if (context.docx !== undefined) {
    // The Word library is loaded only when statements go to Word.
    const { writeStatementsDocx } = await import("./statement-docx");
    docx = await writeStatementsDocx(result.statements, { policy: result.policy, scale: result.report.scale, lang }, context.docx.mode, context.docx.target, context.input);
  }
  const words = CLI_STRINGS[lang];
  if (args.json) {
    io.stdout.write(`${JSON.stringify({ output: context.output, statements: result.statements.map((s) => jsonStatement(s, result.report.scale)), docx }, null, 2)}\n`);
    return 0;
  }
  const lines = [
    fillPlaceholders(words.outcome.statements, { from: formatIso(from), to: formatIso(to), output: context.output }),
    `  ${fillPlaceholders(words.outcome.statementCount, { count: result.statements.length })}`,
    ...docx.map((file) => `  ${fillPlaceholders(words.outcome.docx, { file })}`),
  ];
  if (result.errors.length > 0) lines.push(`  ${fillPlaceholders(words.outcome.dataProblems, { count: result.errors.length })}`);
  io.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
