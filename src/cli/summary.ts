/**
 * What the command line prints for people (not --json): a few aligned lines per job. Widths count
 * CJK characters as two columns so Chinese names line up in a terminal.
 */
import { displayWidth, groupThousands } from "../rules/display";
import { labelsFor } from "../i18n/labels";
import type { CurrencySummary } from "../jobs/jobs";
import type { Lang } from "../rules/types";

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
