/**
 * Over-limit customers: those over their credit limit or to stop shipping, most at risk first.
 * Choosing one selects its row in the aging sheet generated in this session.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { runFlags } from "../../jobs/jobs";
import { formatAmount } from "../../rules/letters";
import type { CustomerReport } from "../../rules/types";
import { flaggedCustomers, reasonLabels, stageLabel } from "../../workbook/plans";
import { columnLetter } from "../../workbook/text";
import { fillPlaceholders } from "../../i18n/fill";
import { parseAsOf } from "../format";
import { usePane, type LastRun } from "../pane-context";
import { useJob } from "../use-job";
import { ProblemBar } from "./ProblemBar";
import { usePaneStyles } from "./pane.styles";

/**
 * Where a customer's row is in the aging sheet written by the last run.
 * @param run the last run
 * @param customer the customer
 * @returns sheet and A1 range of the row, or null when no aging sheet was written
 * @example agingRowOf(run, customer) // { sheet: "账龄分析 2026-11-23", address: "A2:U2" }
 */
export function agingRowOf(run: LastRun | null, customer: CustomerReport): { sheet: string; address: string } | null {
  const sheet = run?.sheetsByKind.aging;
  const plan = run?.result.plans.find((candidate) => candidate.kind === "aging");
  if (!sheet || !plan) return null;
  const index = plan.values.findIndex((row, at) => at > 0 && row[0] === customer.customer && row[1] === customer.currency);
  if (index < 0) return null;
  const last = columnLetter(Math.max(0, plan.values[0].length - 1));
  return { sheet, address: `A${index + 1}:${last}${index + 1}` };
}

/**
 * The Over-limit customers tab.
 * @returns the tab's content
 * @example <FlagsTab />
 */
export function FlagsTab(): React.JSX.Element {
  const { workbook, lang, strings, asOfText, today, lastRun: latestRun } = usePane();
  // The table of a new run renders after the aging summary, at low priority: with a thousand
  // flagged customers a hidden tab would otherwise hold up the summary.
  const lastRun = React.useDeferredValue(latestRun);
  const styles = usePaneStyles();
  const job = useJob(strings);
  const [checked, setChecked] = React.useState<{ customers: CustomerReport[]; policy: LastRun["result"]["policy"]; scale: number; run: typeof lastRun } | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const words = strings.flags;

  const fromRun = React.useMemo(
    () => (lastRun ? { customers: flaggedCustomers(lastRun.result.report), policy: lastRun.result.policy, scale: lastRun.result.report.scale } : null),
    [lastRun],
  );
  // A newer aging run supersedes an earlier check.
  const shown = (checked?.run === lastRun ? checked : null) ?? fromRun;

  const check = async () => {
    const asOf = parseAsOf(asOfText) ?? today;
    const result = await job.run(({ signal, onProgress, runJob }) => runJob(runFlags, workbook, { asOf, lang, write: false, signal, onProgress }));
    if (result) setChecked({ customers: result.flagged, policy: result.policy, scale: result.report.scale, run: lastRun });
  };

  const choose = async (customer: CustomerReport) => {
    const row = agingRowOf(lastRun, customer);
    setNotice(row === null ? words.needAging : null);
    if (row !== null) await job.run(() => workbook.selectCell(row.sheet, row.address));
  };

  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <Button appearance="primary" disabled={job.running} onClick={check}>
          {words.check}
        </Button>
      </div>
      <ProblemBar problem={job.problem} dismissLabel={strings.problems.dismiss} onDismiss={job.clearProblem} />
      {notice ? <Text role="status">{notice}</Text> : null}
      {shown && shown.customers.length === 0 ? <Text>{words.empty}</Text> : null}
      {shown && shown.customers.length > 0 ? (
        <>
          <Text className={styles.muted}>{words.hint}</Text>
          <Table size="small" className={styles.table} aria-label={strings.tabs.flags}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{words.customer}</TableHeaderCell>
                <TableHeaderCell>{words.effectiveLimit}</TableHeaderCell>
                <TableHeaderCell>{words.outstanding}</TableHeaderCell>
                <TableHeaderCell>{words.excess}</TableHeaderCell>
                <TableHeaderCell>{words.reasons}</TableHeaderCell>
                <TableHeaderCell>{words.stage}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.customers.map((customer) => (
                <TableRow key={`${customer.customer}\u0000${customer.currency}`}>
                  <TableCell className={styles.breakAnywhere}>
                    <Link as="button" className={styles.cellLink} title={fillPlaceholders(words.selectRow, { customer: customer.customer })} onClick={() => void choose(customer)}>
                      {customer.customer}
                    </Link>
                    <Caption1 className={styles.muted}> {customer.currency}</Caption1>
                  </TableCell>
                  <TableCell className={styles.number}>{formatAmount(customer.effectiveLimit, shown.scale)}</TableCell>
                  <TableCell className={styles.number}>{formatAmount(customer.outstanding, shown.scale)}</TableCell>
                  <TableCell className={styles.number}>{formatAmount(customer.excess, shown.scale)}</TableCell>
                  <TableCell>{reasonLabels(customer.reasons, shown.policy, lang).join(" · ")}</TableCell>
                  <TableCell>{stageLabel(customer.stage, shown.policy, lang)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}
    </div>
  );
}
