/**
 * `ar-addin report`: the management report job over the exceljs adapter, its `--json` form and
 * the few lines it prints for people (the period, the sheets, a table per currency).
 */
import { CLI_STRINGS } from "../i18n/cli";
import { fillPlaceholders } from "../i18n/fill";
import { runManagementReport, type ManagementResult } from "../jobs/management-job";
import { toJsonManagement, type JsonManagement } from "../jobs/json-management";
import { groupThousands } from "../rules/display";
import { formatIso } from "../rules/dates";
import { formatMoney } from "../rules/money";
import type { Policy } from "../rules/policy-types";
import type { DayNumber, Lang } from "../rules/types";
import type { Progress } from "../workbook/adapter-types";
import { ExcelJsAdapter } from "../workbook/exceljs/adapter";
import { parseAsOf, type CliArgs } from "./args";
import { formatTable } from "./summary";

/** What the report command needs beside its arguments, resolved by the command line. */
export interface ReportSetup {
  input: string;
  output: string;
  asOf: DayNumber;
  policy?: Policy;
  onProgress?: (progress: Progress) => void;
}

/** What one report run produced. */
export interface ReportOutcome {
  result: ManagementResult;
  json: JsonManagement;
  /** The lines for people (no --json). */
  text: string;
}

/**
 * Runs the management report on a workbook file and writes the output workbook.
 * @param args the parsed command line (--from, --salesperson, --lang)
 * @param setup input, output, as-of date, policy and progress, resolved by the command line
 * @returns the job's result, its JSON and its lines for people
 * @example await runReportCommand(args, { input: "/d/ledger.xlsx", output: "/d/ledger.report.xlsx", asOf }) // .result.sheets[0] "管理报表 2026-03-31"
 */
export async function runReportCommand(args: CliArgs, setup: ReportSetup): Promise<ReportOutcome> {
  const adapter = new ExcelJsAdapter({ input: setup.input, output: setup.output });
  const result = await runManagementReport(adapter, {
    asOf: setup.asOf,
    lang: args.lang,
    policy: setup.policy,
    onProgress: setup.onProgress,
    from: args.from === undefined ? undefined : parseAsOf(args.from),
    salesperson: args.salesperson,
  });
  const json = toJsonManagement(result.management, result.policy, args.lang, { errors: result.errors, notices: result.notices });
  return { result, json, text: describeReport(result, setup.output, args.lang) };
}

/** A percentage as the table shows it: "82.5%", "-" for none. */
function percentText(value: string | null): string {
  return value === null ? "-" : `${value}%`;
}

/**
 * The lines `ar-addin report` prints: what was written, the period, the sheets, and per currency
 * the outstanding, % overdue, DSO (count-back), collection rate, cash ratio and colour counts.
 * @param result the job's result
 * @param output the output workbook
 * @param lang language of the words
 * @returns the lines joined
 * @example describeReport(result, "/d/ledger.report.xlsx", "en") // "report (as of 2026-03-31): wrote /d/ledger.report.xlsx\n  Period 2026-03-01 to 2026-03-31\n  …"
 */
export function describeReport(result: ManagementResult, output: string, lang: Lang): string {
  const words = CLI_STRINGS[lang];
  const view = result.management;
  const headers = words.report.headers;
  const who = view.salesperson === null ? "" : fillPlaceholders(words.report.who, { salesperson: view.salesperson });
  const rows = [[headers.currency, headers.outstanding, headers.overduePct, headers.dso, headers.collectionRate, headers.cashRatio, headers.colours]];
  view.measures.forEach((measures, index) => {
    const total = view.totals[index];
    rows.push([
      measures.currency,
      groupThousands(formatMoney(measures.closingReceivables, view.scale)),
      percentText(total.overduePct === null ? null : total.overduePct.toFixed(1)),
      measures.dsoCountBack === null ? "-" : measures.dsoCountBack.toFixed(1),
      percentText(measures.collectionRate === null ? null : measures.collectionRate.toFixed(1)),
      percentText(measures.cashRatio === null ? null : measures.cashRatio.toFixed(1)),
      `${total.colours.red}/${total.colours.amber}/${total.colours.green}`,
    ]);
  });
  const line = (text: string): string => `  ${text}`;
  const lines = [
    fillPlaceholders(words.outcome.wrote, { command: "report", asOf: formatIso(view.asOf), output }),
    line(fillPlaceholders(words.report.period, { from: formatIso(view.from), asOf: formatIso(view.asOf), who })),
    line(fillPlaceholders(words.outcome.sheets, { list: result.sheets.join(words.listSeparator) })),
    ...formatTable(rows).split("\n").map(line),
  ];
  if (result.errors.length > 0) lines.push(line(fillPlaceholders(words.outcome.dataProblems, { count: result.errors.length })));
  if (result.settingsErrors.length > 0) {
    lines.push(line(fillPlaceholders(words.outcome.settingsProblems, { list: result.settingsErrors.map((e) => e.field).join(words.listSeparator) })));
  }
  return lines.join("\n");
}
