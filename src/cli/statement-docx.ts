/**
 * Statements of account as Word documents, through the letters' Word writer (docx.ts): per
 * statement a heading, the period, the lines with their running balance as a Word table (opening
 * and closing balances as its first and last rows), the closing balance's aging as a second table,
 * and the confirmation slip. `single` puts every statement in one file, each on a new page;
 * `per-customer` writes one file per statement into a folder. Never over the input.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { collectionWords } from "../i18n/collection";
import { fillPlaceholders } from "../i18n/fill";
import { formatIso } from "../rules/dates";
import { formatAmount } from "../rules/letters/format";
import type { Minor } from "../rules/money";
import type { Policy } from "../rules/policy-types";
import type { Statement } from "../rules/statement";
import type { Lang } from "../rules/types";
import { checkNotInput } from "../workbook/exceljs/same-file";
import { freeFileName, letterFileName, wordParagraph, wordTable, writeWordFile } from "./docx";

/** What the words and amounts of a statement need: the policy (bucket labels, company), the report's scale, the language. */
export interface StatementDocxContext {
  policy: Policy;
  scale: number;
  lang: Lang;
}

/**
 * The WordprocessingML of one statement.
 * @param statement the statement
 * @param context policy, scale, language
 * @returns heading, period, lines table, aging table, slip paragraphs
 * @example statementXml(statement, { policy: DEFAULT_POLICY, scale: 2, lang: "zh-CN" }).includes("对账单：甲公司") // true
 */
export function statementXml(statement: Statement, context: StatementDocxContext): string {
  const words = collectionWords(context.lang).statement;
  const money = (amount: Minor): string => formatAmount(amount, context.scale);
  const h = words.headers;
  const rows: string[][] = [
    ["", fillPlaceholders(words.opening, { date: formatIso(statement.from - 1) }), "", "", "", money(statement.opening)],
    ...statement.lines.map((line) => [formatIso(line.date), words.kinds[line.kind], line.reference, line.debit === 0 ? "" : money(line.debit), line.credit === 0 ? "" : money(line.credit), money(line.balance)]),
  ];
  const closing = ["", fillPlaceholders(words.closing, { date: formatIso(statement.to) }), "", "", "", money(statement.closing)];
  const labels = [...context.policy.buckets.labels[context.lang], words.unappliedCredit];
  const slip = { company: context.policy.company.name, customer: statement.customer, to: formatIso(statement.to), currency: statement.currency, balance: money(statement.closing) };
  return [
    wordParagraph(fillPlaceholders(words.title, { customer: statement.customer }), "Heading1"),
    wordParagraph(fillPlaceholders(words.period, { from: formatIso(statement.from), to: formatIso(statement.to), currency: statement.currency })),
    wordTable([h.date, h.kind, h.reference, h.debit, h.credit, h.balance], rows, closing, ["left", "left", "left", "right", "right", "right"]),
    wordParagraph(words.aging),
    wordTable(labels, [[...statement.buckets.map(money), money(statement.unappliedCredit)]], [], labels.map(() => "right" as const)),
    wordParagraph(""),
    ...words.slip.map((line) => wordParagraph(fillPlaceholders(line, slip))),
  ].join("");
}

/** The statements' sections, made one at a time. */
function* sections(statements: readonly Statement[], context: StatementDocxContext): Generator<string> {
  for (const statement of statements) yield statementXml(statement, context);
}

/**
 * Writes the statements as Word files, never over the input.
 * @param statements the statements
 * @param context policy, scale, language
 * @param mode "single": `target` is the .docx file; "per-customer": `target` is a folder
 * @param target output file or folder
 * @param input the workbook read, which no file written may be
 * @returns the paths written
 */
export async function writeStatementsDocx(statements: readonly Statement[], context: StatementDocxContext, mode: "single" | "per-customer", target: string, input: string): Promise<string[]> {
  if (mode === "single") {
    await checkNotInput(input, target, "wordFile");
    await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
    await writeWordFile(sections(statements, context), target);
    return [target];
  }
  await checkNotInput(input, target, "statementsFolder");
  await fs.mkdir(target, { recursive: true });
  const used = new Set<string>();
  const written: string[] = [];
  for (const statement of statements) {
    const name = freeFileName(letterFileName(statement.currency === context.policy.currency ? statement.customer : `${statement.customer} ${statement.currency}`, formatIso(statement.to)), used);
    const file = path.join(target, name);
    await checkNotInput(input, file, "statementWordFile");
    await writeWordFile(sections([statement], context), file);
    written.push(file);
  }
  return written;
}
