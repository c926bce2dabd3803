/**
 * Reminder letters: choose a stage and customers, preview each letter as text with its invoice
 * table drawn by React (workbook text is never parsed as HTML), copy it as rich text, email it,
 * or write the letters sheet.
 */
import * as React from "react";
import {
  Button,
  Checkbox,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import type { LettersResult } from "../../jobs/jobs";
import type { RenderedLetter } from "../../rules/letters";
import { DEFAULT_POLICY } from "../../rules/policy";
import type { CustomerReport } from "../../rules/types";
import { stageLabel } from "../../workbook/plans/labels";
import { fillPlaceholders } from "../../i18n/fill";
import { parseAsOf } from "../format";
import { copyLetter, mailtoLink } from "../letter-output";
import { usePane } from "../pane-context";
import { useJob } from "../use-job";
import { ProblemBar } from "./ProblemBar";
import { useReplaceConfirm } from "./ReplaceDialog";
import { usePaneStyles } from "./pane.styles";

const ALL = "";

function letterKey(letter: Pick<RenderedLetter, "customer" | "currency" | "stage">): string {
  return `${letter.customer}\u0000${letter.currency}\u0000${letter.stage}`;
}

/** Props of LetterPreview. */
export interface LetterPreviewProps {
  letter: RenderedLetter;
  customer: CustomerReport | undefined;
}

/**
 * One letter: subject, body text and the invoice table as a real <table>; Copy and Email.
 * @param props the letter and its customer's report (for the email address)
 * @returns the preview
 * @example <LetterPreview letter={letter} customer={report.customers[0]} />
 */
export function LetterPreview({ letter, customer }: LetterPreviewProps): React.JSX.Element {
  const { strings } = usePane();
  const styles = usePaneStyles();
  const [status, setStatus] = React.useState<string | null>(null);
  const words = strings.letters;
  const title = fillPlaceholders(words.letterFor, { customer: letter.customer });
  const mailto = mailtoLink(customer?.info?.email, letter);
  const table = letter.table;

  const copy = async () => {
    try {
      await copyLetter(letter);
      setStatus(words.copied);
    } catch {
      setStatus(words.copyFailed);
    }
  };

  return (
    <article className={styles.letter} aria-label={title}>
      <Subtitle2 as="h3">{title}</Subtitle2>
      <Text weight="semibold">
        {words.subject}: {letter.subject}
      </Text>
      {letter.parts.map((part, index) =>
        part.kind === "text" ? (
          <p key={index} className={styles.letterText}>
            {part.text}
          </p>
        ) : (
          <table key={index} className={styles.letterTable}>
            <thead>
              <tr>
                {table.headers.map((header, column) => (
                  <th key={column} className={table.align[column] === "right" ? styles.right : undefined}>
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((cells, row) => (
                <tr key={row}>
                  {cells.map((cell, column) => (
                    <td key={column} className={table.align[column] === "right" ? styles.right : undefined}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                {table.footer.map((cell, column) => (
                  <td key={column} className={table.align[column] === "right" ? styles.right : undefined}>
                    <strong>{cell}</strong>
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        ),
      )}
      {letter.unknownFields.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{fillPlaceholders(words.unknownFields, { list: letter.unknownFields.join(strings.listSeparator) })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {letter.missingValues.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{fillPlaceholders(words.missingValues, { list: letter.missingValues.join(strings.listSeparator) })}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.row}>
        <Button onClick={copy} aria-label={fillPlaceholders(strings.labelled, { label: words.copy, value: letter.customer })}>
          {words.copy}
        </Button>
        {mailto ? (
          <Link href={mailto} target="_blank" rel="noopener noreferrer" aria-label={fillPlaceholders(strings.labelled, { label: words.email, value: letter.customer })}>
            {words.email}
          </Link>
        ) : (
          <Text className={styles.muted}>{words.noEmail}</Text>
        )}
      </div>
      {status ? <Text role="status">{status}</Text> : null}
    </article>
  );
}

/**
 * The Reminder letters tab.
 * @returns the tab's content
 * @example <LettersTab />
 */
export function LettersTab(): React.JSX.Element {
  const { workbook, lang, strings, asOfText, today, lastRun } = usePane();
  const styles = usePaneStyles();
  const job = useJob(strings);
  const replace = useReplaceConfirm(strings);
  const [stage, setStage] = React.useState(ALL);
  const [preview, setPreview] = React.useState<LettersResult | null>(null);
  const [excluded, setExcluded] = React.useState<ReadonlySet<string>>(new Set());
  const [written, setWritten] = React.useState<string[] | null>(null);
  const words = strings.letters;
  const policy = preview?.policy ?? lastRun?.result.policy ?? DEFAULT_POLICY;
  const letterStages = policy.escalation.filter((candidate) => candidate.letter);
  const options = () => ({ asOf: parseAsOf(asOfText) ?? today, lang, stages: stage === ALL ? undefined : [stage] });

  const showPreview = async () => {
    setWritten(null);
    const result = await job.run(({ signal, onProgress, runJob }) => runJob("runLetters", workbook, { ...options(), write: false, signal, onProgress }));
    if (result) {
      setPreview(result);
      setExcluded(new Set());
    }
  };

  const customers = preview ? Array.from(new Set(preview.letters.map((letter) => letter.customer))) : [];
  const chosen = preview ? preview.letters.filter((letter) => !excluded.has(letter.customer)) : [];

  const writeSheet = async () => {
    if (!preview) return;
    const names = customers.filter((customer) => !excluded.has(customer));
    const result = await job.run(async ({ signal, onProgress, runJob }) => {
      const replaceable = await workbook.findReplaceableSheets(preview.plans);
      if (!(await replace.ask(replaceable))) return null;
      return runJob("runLetters", workbook, { ...options(), customers: names, write: true, signal, onProgress });
    });
    if (result) setWritten(result.sheets);
  };

  const reportOf = (letter: RenderedLetter) =>
    preview?.report.customers.find((customer) => customer.customer === letter.customer && customer.currency === letter.currency);

  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <Field label={words.stage}>
          <Select value={stage} onChange={(_, data) => setStage(data.value)}>
            <option value={ALL}>{words.allStages}</option>
            {letterStages.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {stageLabel(candidate.id, policy, lang)}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" disabled={job.running} onClick={showPreview}>
          {words.preview}
        </Button>
      </div>
      <ProblemBar problem={job.problem} dismissLabel={strings.problems.dismiss} onDismiss={job.clearProblem} />
      {replace.dialog}
      {preview && preview.letters.length === 0 ? <Text>{words.none}</Text> : null}
      {customers.length > 0 ? (
        <fieldset className={styles.checkList}>
          <legend>{words.customers}</legend>
          {customers.map((customer) => (
            <Checkbox
              key={customer}
              label={customer}
              checked={!excluded.has(customer)}
              onChange={(_, data) =>
                setExcluded((now) => {
                  const next = new Set(now);
                  if (data.checked) next.delete(customer);
                  else next.add(customer);
                  return next;
                })
              }
            />
          ))}
        </fieldset>
      ) : null}
      {chosen.length > 0 ? (
        <div className={styles.row}>
          <Button disabled={job.running} onClick={writeSheet}>
            {words.writeSheet}
          </Button>
        </div>
      ) : null}
      {written ? <Text role="status">{fillPlaceholders(words.written, { list: written.join(strings.listSeparator) })}</Text> : null}
      {chosen.map((letter) => (
        <LetterPreview key={letterKey(letter)} letter={letter} customer={reportOf(letter)} />
      ))}
    </div>
  );
}
