/**
 * A letter's invoice table (headers, rows, a total line) and its plain-text form: columns aligned
 * in a monospaced font, CJK characters counted as two columns.
 */
import { displayWidth } from "../display";

/** The invoice table of a letter: localized headers, formatted cells, a total line. */
export interface LetterTable {
  headers: string[];
  rows: string[][];
  /** Total line: label, blanks, outstanding total (and interest total on overdue stages). */
  footer: string[];
  /** Per column, how cells line up: amounts and day counts to the right. */
  align: ("left" | "right")[];
}

/**
 * The table as aligned plain text: header, rule, rows, rule, total line.
 * @param table a letter table
 * @returns lines joined by "\n"
 * @example tableToText({ headers: ["No.", "Amount"], rows: [["A1", "5.00"]], footer: ["Total", "5.00"], align: ["left", "right"] })
 * // "No.    Amount\n-------------\nA1       5.00\n-------------\nTotal    5.00"
 */
export function tableToText(table: LetterTable): string {
  // A line break inside a cell would tear the columns apart; cells stay on one line.
  const clean = (cell: string) => cell.replace(/[\r\n\t]+/g, " ");
  const lines = [table.headers, ...table.rows, table.footer].map((line) => line.map(clean));
  const widths = table.headers.map((_, column) => Math.max(...lines.map((line) => displayWidth(line[column] ?? ""))));
  const format = (line: string[]) =>
    line
      .map((cell, column) => {
        const pad = " ".repeat(widths[column] - displayWidth(cell));
        return table.align[column] === "right" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  const rule = "-".repeat(widths.reduce((total, width) => total + width, 0) + 2 * (widths.length - 1));
  const [header, ...rest] = lines;
  const footer = rest.pop() as string[];
  return [format(header), rule, ...rest.map(format), rule, format(footer)].join("\n");
}

