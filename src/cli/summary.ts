/**
 * What the command line prints for people (not --json): a few aligned lines per job. Widths count
 * CJK characters as two columns so Chinese names line up in a terminal.
 */
import { groupThousands } from "../i18n/format";
import { labelsFor } from "../i18n/labels";
import type { CurrencySummary } from "../jobs/jobs";
import type { Lang } from "../rules/types";

/**
 * Display width of a string in a terminal: East Asian wide and full-width characters count 2.
 * @example displayWidth("应收ab") // 6
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/**
 * Lays rows out as aligned columns: text left, numbers (anything that looks like one) right.
 * @param rows header row first
 * @returns the lines, joined with "\n"
 * @example formatTable([["job", "customers"], ["aging", "30"]]) // "job    customers\naging         30"
 */
export function formatTable(rows: readonly string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, col) => (widths[col] = Math.max(widths[col] ?? 0, displayWidth(cell))));
  const numeric = /^-?[\d,]+(\.\d+)?%?$/;
  return rows
    .map((row, index) =>
      row
        .map((cell, col) => {
          const pad = " ".repeat(widths[col] - displayWidth(cell));
          return index > 0 && numeric.test(cell) ? pad + cell : cell + pad;
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/**
 * The per-currency headline table of an aging run, headed in the user's language.
 * @param summary from runAging
 * @param lang the language of the headers
 * @returns aligned lines
 * @example currencyTable([{ currency: "CNY", customers: 2, outstanding: "9200.00", overdue: "8200.00", overduePct: 0.8913, interest: "218.25" }], "en")
 * // "Currency  Customers  Outstanding  Overdue   % overdue  Late interest\nCNY               2     9,200.00  8,200.00      89.1%         218.25"
 */
export function currencyTable(summary: readonly CurrencySummary[], lang: Lang): string {
  const words = labelsFor(lang).summary;
  return formatTable([
    [words.currency, words.customers, words.outstanding, words.overdue, words.overduePct, words.interest],
    ...summary.map((line) => [
      line.currency,
      String(line.customers),
      groupThousands(line.outstanding),
      groupThousands(line.overdue),
      line.overduePct === null ? "-" : `${(line.overduePct * 100).toFixed(1)}%`,
      groupThousands(line.interest),
    ]),
  ]);
}
