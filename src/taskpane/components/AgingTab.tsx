/**
 * Generate aging: the as-of date, Run and Cancel, progress, then the summary per currency and a
 * button to the new sheet. Asks before replacing sheets generated earlier; offers the column
 * mapping when the invoices table's headers are not recognised.
 */
import * as React from "react";
import {
  Button,
  Field,
  Input,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import type { AgingResult } from "../../jobs/jobs";
import { fillPlaceholders } from "../../i18n/fill";
import { groupThousands } from "../../rules/display";
import { formatPercent, parseAsOf } from "../format";
import { sheetsByKind, usePane } from "../pane-context";
import { useJob } from "../use-job";
import { JobProgress } from "./JobProgress";
import { MappingPanel } from "./MappingPanel";
import { ProblemBar } from "./ProblemBar";
import { useReplaceConfirm } from "./ReplaceDialog";
import { usePaneStyles } from "./pane.styles";

/**
 * The Generate aging tab.
 * @returns the tab's content
 * @example <AgingTab />
 */
export function AgingTab(): React.JSX.Element {
  const { workbook, host, lang, strings, asOfText, setAsOfText, setLastRun } = usePane();
  const styles = usePaneStyles();
  const job = useJob(strings);
  const replace = useReplaceConfirm(strings);
  const [result, setResult] = React.useState<AgingResult | null>(null);
  const words = strings.aging;
  const asOf = parseAsOf(asOfText);

  const generate = async () => {
    if (asOf === null) return;
    setResult(null);
    // One job computes, asks before replacing sheets generated earlier, and writes.
    const done = await job.run(({ signal, onProgress, runJob }) => runJob("runAging", workbook, { asOf, lang, signal, onProgress, confirmReplace: replace.ask }));
    if (done === undefined) return;
    setResult(done);
    setLastRun({ result: done, lang, sheetsByKind: sheetsByKind(done.plans, done.sheets) });
    if (done.sheets.length > 0) {
      // Reopening the pane with the workbook is a convenience; failing to save it must not fail the run.
      await host.enableAutoShow().catch(() => undefined);
    }
  };

  const firstSheet = result?.sheets[0];
  const missing = result?.mapping.invoices.missing ?? [];
  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <Field
          label={words.asOf}
          hint={words.asOfHint}
          validationState={asOf === null ? "error" : "none"}
          validationMessage={asOf === null ? words.asOfInvalid : undefined}
        >
          <Input value={asOfText} onChange={(_, data) => setAsOfText(data.value)} placeholder="YYYY-MM-DD" />
        </Field>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={job.running || asOf === null} onClick={generate}>
          {words.run}
        </Button>
        <Button disabled={!job.running} onClick={job.cancel}>
          {words.cancel}
        </Button>
      </div>
      <JobProgress progress={job.progress} label={words.progress} />
      <ProblemBar problem={job.problem} dismissLabel={strings.problems.dismiss} onDismiss={job.clearProblem} />
      {job.problem?.mapping || missing.length > 0 ? (
        <MappingPanel
          headersSeen={job.problem?.mapping?.headersSeen ?? null}
          result={result}
          onSaved={() => {
            job.clearProblem();
            void generate();
          }}
        />
      ) : null}
      {replace.dialog}
      {result ? (
        <section className={styles.section} aria-label={words.summaryTitle}>
          <Subtitle2 as="h2">{words.summaryTitle}</Subtitle2>
          <Table size="small" className={styles.table} aria-label={words.summaryTitle}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{words.currency}</TableHeaderCell>
                <TableHeaderCell>{words.customers}</TableHeaderCell>
                <TableHeaderCell>{words.outstanding}</TableHeaderCell>
                <TableHeaderCell>{words.overdue}</TableHeaderCell>
                <TableHeaderCell>{words.overduePct}</TableHeaderCell>
                <TableHeaderCell>{words.interest}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.summary.map((line) => (
                <TableRow key={line.currency}>
                  <TableCell>{line.currency}</TableCell>
                  <TableCell className={styles.number}>{line.customers}</TableCell>
                  <TableCell className={styles.number}>{groupThousands(line.outstanding)}</TableCell>
                  <TableCell className={styles.number}>{groupThousands(line.overdue)}</TableCell>
                  <TableCell className={styles.number}>{formatPercent(line.overduePct)}</TableCell>
                  <TableCell className={styles.number}>{groupThousands(line.interest)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text>{result.sheets.length > 0 ? fillPlaceholders(words.written, { list: result.sheets.join(strings.listSeparator) }) : words.notWritten}</Text>
          {result.errors.length > 0 ? <Text>{fillPlaceholders(words.dataErrors, { count: result.errors.length })}</Text> : null}
          {firstSheet ? (
            <div className={styles.row}>
              <Button onClick={() => void job.run(() => workbook.activateSheet(firstSheet))}>{words.goToSheet}</Button>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
