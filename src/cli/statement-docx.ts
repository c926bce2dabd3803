/**
 * Statements of account as Word documents (the `docx` package): per statement a heading, the
 * period, the lines with their running balance as a Word table (opening and closing balances as
 * its first and last rows), the closing balance's aging as a second table, and the confirmation
 * slip. `single` puts every statement in one file, each on a new page; `per-customer` writes one
 * file per statement into a folder.
 */
import { Document, HeadingLevel, Packer, Paragraph, SectionType, TextRun } from "docx";
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
import { freeFileName, letterFileName, wordTable, type Block } from "./docx";

/** What the words and amounts of a statement need: the policy (bucket labels, company), the report's scale, the language. */
export interface StatementDocxContext {
  policy: Policy;
  scale: number;
  lang: Lang;
}

/**
 * The Word blocks of one statement.
 * @param statement the statement
 * @param context policy, scale, language
 * @returns heading, period, lines table, aging table, slip paragraphs
 * @example statementBlocks(statement, { policy: DEFAULT_POLICY, scale: 2, lang: "zh-CN" })[0] // the heading "对账单：甲公司"
 */
export function statementBlocks(statement: Statement, context: StatementDocxContext): Block[] {
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
    new Paragraph({ text: fillPlaceholders(words.title, { customer: statement.customer }), heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ children: [new TextRun(fillPlaceholders(words.period, { from: formatIso(statement.from), to: formatIso(statement.to), currency: statement.currency }))] }),
    wordTable([h.date, h.kind, h.reference, h.debit, h.credit, h.balance], rows, closing, ["left", "left", "left", "right", "right", "right"]),
    new Paragraph({ children: [new TextRun({ text: words.aging, bold: true })] }),
    wordTable(labels, [[...statement.buckets.map(money), money(statement.unappliedCredit)]], [], labels.map(() => "right" as const)),
    new Paragraph(""),
    ...words.slip.map((line) => new Paragraph({ children: [new TextRun(fillPlaceholders(line, slip))] })),
  ];
}

/**
 * One .docx holding every statement, each starting on a new page.
 * @param statements the statements
 * @param context policy, scale, language
 * @returns the file's bytes
 */
export async function statementsToDocx(statements: readonly Statement[], context: StatementDocxContext): Promise<Buffer> {
  const sections = statements.map((statement, index) => ({
    properties: index === 0 ? {} : { type: SectionType.NEXT_PAGE },
    children: statementBlocks(statement, context),
  }));
  const document = new Document({ sections: sections.length > 0 ? sections : [{ children: [new Paragraph("")] }] });
  return Packer.toBuffer(document);
}

/**
 * Writes the statements as Word files.
 * @param statements the statements
 * @param context policy, scale, language
 * @param mode "single": `target` is the .docx file; "per-customer": `target` is a folder
 * @param target output file or folder
 * @returns the paths written
 */
export async function writeStatementsDocx(statements: readonly Statement[], context: StatementDocxContext, mode: "single" | "per-customer", target: string): Promise<string[]> {
  if (mode === "single") {
    await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
    await fs.writeFile(target, await statementsToDocx(statements, context));
    return [target];
  }
  await fs.mkdir(target, { recursive: true });
  const written: string[] = [];
  const used = new Set<string>();
  for (const statement of statements) {
    const name = freeFileName(letterFileName(statement.currency === context.policy.currency ? statement.customer : `${statement.customer} ${statement.currency}`, formatIso(statement.to)), used);
    const file = path.join(target, name);
    await fs.writeFile(file, await statementsToDocx([statement], context));
    written.push(file);
  }
  return written;
}
