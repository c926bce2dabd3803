/**
 * Over-limit customers: those over their credit limit or to stop shipping, most at risk first.
 * Choosing one selects its row in the aging sheet generated in this session.
 */
import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import type { CustomerReport } from "../../rules/types";
import { flaggedCustomers } from "../../workbook/plans/risk";
import { columnLetter } from "../../workbook/text";
import { parseAsOf } from "../format";
import { usePane, type LastRun } from "../pane-context";
import { useJob } from "../use-job";
import { FlaggedTable } from "./FlaggedTable";
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
    const result = await job.run(({ signal, onProgress, runJob }) => runJob("runFlags", workbook, { asOf, lang, write: false, signal, onProgress }));
    if (result) setChecked({ customers: result.flagged, policy: result.policy, scale: result.report.scale, run: lastRun });
  };

  const choose = async (customer: CustomerReport) => {
    const row = agingRowOf(lastRun, customer);
    setNotice(row === null ? words.needAging : null);
    if (row !== null) await job.run(() => workbook.selectCell(row.sheet, row.address));
  };
  // One callback for the table's whole life, calling the latest `choose`: rows already shown are not rendered again.
  const latestChoose = React.useRef(choose);
  React.useLayoutEffect(() => {
    latestChoose.current = choose;
  });
  const onChoose = React.useCallback((customer: CustomerReport) => void latestChoose.current(customer), []);

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
          <FlaggedTable customers={shown.customers} policy={shown.policy} scale={shown.scale} lang={lang} words={words} label={strings.tabs.flags} onChoose={onChoose} />
        </>
      ) : null}
    </div>
  );
}
