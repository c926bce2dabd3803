/**
 * The management report tab (管理报表): the as-of date (shared with the aging tab), an optional
 * period start and salesperson, Run and Cancel, progress; it computes the report, asks before
 * replacing sheets the add-in wrote earlier, writes the management sheets with their charts, then
 * shows the measures, the subtotals with their marks, the customers to watch and the charts.
 */
import * as React from "react";
import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import type { ManagementResult } from "../../jobs/management-job";
import { fillPlaceholders } from "../../i18n/fill";
import { parseAsOf } from "../format";
import { usePane } from "../pane-context";
import { useJob } from "../use-job";
import { JobProgress } from "./JobProgress";
import { ManagementResults } from "./ManagementResults";
import { ProblemBar } from "./ProblemBar";
import { useReplaceConfirm } from "./ReplaceDialog";
import { usePaneStyles } from "./pane.styles";

/**
 * The management report tab.
 * @returns the tab's content
 * @example <ManagementTab />
 */
export function ManagementTab(): React.JSX.Element {
  const { workbook, lang, strings, asOfText, setAsOfText } = usePane();
  const styles = usePaneStyles();
  const job = useJob(strings);
  const replace = useReplaceConfirm(strings);
  const [fromText, setFromText] = React.useState("");
  const [salesperson, setSalesperson] = React.useState("");
  const [salespeople, setSalespeople] = React.useState<string[]>([]);
  const [result, setResult] = React.useState<ManagementResult | null>(null);
  const words = strings.management;
  const asOf = parseAsOf(asOfText);
  const from = fromText.trim() === "" ? undefined : parseAsOf(fromText);
  const fromValid = from !== null && (from === undefined || asOf === null || from <= asOf);

  const generate = async () => {
    if (asOf === null || from === null || !fromValid) return;
    setResult(null);
    const done = await job.run(({ signal, onProgress, runJob }) =>
      runJob("runManagementReport", workbook, {
        asOf,
        from,
        salesperson: salesperson === "" ? undefined : salesperson,
        lang,
        signal,
        onProgress,
        confirmReplace: replace.ask,
      }),
    );
    if (done !== undefined) setSalespeople(done.management.salespeople);
    if (done !== undefined) setResult(done);
  };

  const errorsSheet = result?.plans.find((plan) => plan.kind === "errors")?.name;
  const errorsWritten = errorsSheet !== undefined && result?.sheets.includes(errorsSheet) === true;
  const firstSheet = result?.sheets[0];
  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <Field
          label={strings.aging.asOf}
          hint={strings.aging.asOfHint}
          validationState={asOf === null ? "error" : "none"}
          validationMessage={asOf === null ? strings.aging.asOfInvalid : undefined}
        >
          <Input value={asOfText} onChange={(_, data) => setAsOfText(data.value)} placeholder="YYYY-MM-DD" />
        </Field>
        <Field label={words.from} hint={words.fromHint} validationState={fromValid ? "none" : "error"} validationMessage={fromValid ? undefined : words.fromInvalid}>
          <Input value={fromText} onChange={(_, data) => setFromText(data.value)} placeholder="YYYY-MM-DD" />
        </Field>
      </div>
      <Field label={words.salesperson} hint={salespeople.length === 0 ? words.salespersonHint : undefined}>
        <Select value={salesperson} onChange={(_, data) => setSalesperson(data.value)}>
          <option value="">{words.everyone}</option>
          {salespeople.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={job.running || asOf === null || !fromValid} onClick={generate}>
          {words.run}
        </Button>
        <Button disabled={!job.running} onClick={job.cancel}>
          {strings.aging.cancel}
        </Button>
      </div>
      <JobProgress progress={job.progress} label={strings.aging.progress} />
      <ProblemBar problem={job.problem} dismissLabel={strings.problems.dismiss} onDismiss={job.clearProblem} />
      {replace.dialog}
      {result ? (
        <>
          <Text>{result.sheets.length > 0 ? fillPlaceholders(strings.aging.written, { list: result.sheets.join(strings.listSeparator) }) : strings.aging.notWritten}</Text>
          {errorsWritten ? <Text>{fillPlaceholders(words.dataErrors, { count: result.errors.length, sheet: errorsSheet ?? "" })}</Text> : null}
          {firstSheet ? (
            <div className={styles.row}>
              <Button onClick={() => void job.run(() => workbook.activateSheet(firstSheet))}>{strings.aging.goToSheet}</Button>
            </div>
          ) : null}
          <ManagementResults result={result} lang={lang} strings={strings} />
        </>
      ) : null}
    </div>
  );
}
