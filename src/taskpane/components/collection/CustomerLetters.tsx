/**
 * The letters drafted for one customer in the customer view: runLetters for that customer only,
 * without writing, and each letter previewed as the Reminder letters tab shows it.
 */
import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import type { CollectionPaneStrings } from "../../../i18n/pane/collection";
import type { LettersResult } from "../../../jobs/jobs";
import type { DayNumber } from "../../../rules/types";
import { usePane } from "../../pane-context";
import { useJob } from "../../use-job";
import { LetterPreview } from "../LettersTab";
import { ProblemBar } from "../ProblemBar";
import { usePaneStyles } from "../pane.styles";

/** Props of CustomerLetters. */
export interface CustomerLettersProps {
  words: CollectionPaneStrings;
  customer: string;
  asOf: DayNumber;
}

/**
 * Drafts and shows a customer's letters on request.
 * @param props the words, the customer and the as-of date
 * @returns the button and the letters drafted
 * @example <CustomerLetters words={words} customer="甲公司" asOf={fromYmd(2026, 11, 23)} />
 */
export function CustomerLetters({ words, customer, asOf }: CustomerLettersProps): React.JSX.Element {
  const { workbook, lang, strings } = usePane();
  const styles = usePaneStyles();
  const job = useJob(strings);
  const [drafted, setDrafted] = React.useState<{ customer: string; result: LettersResult } | null>(null);
  const shown = drafted?.customer === customer ? drafted.result : null;
  const letters = shown?.letters.filter((letter) => letter.customer === customer) ?? [];

  const draft = async () => {
    const result = await job.run(({ signal, onProgress, runJob }) => runJob("runLetters", workbook, { asOf, lang, customers: [customer], write: false, signal, onProgress }));
    if (result) setDrafted({ customer, result });
  };

  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <Button disabled={job.running} onClick={draft}>
          {words.customerView.draftLetters}
        </Button>
      </div>
      <ProblemBar problem={job.problem} dismissLabel={strings.problems.dismiss} onDismiss={job.clearProblem} />
      {shown && letters.length === 0 ? <Text>{words.customerView.noLetters}</Text> : null}
      {letters.map((letter) => (
        <LetterPreview
          key={`${letter.currency}\u0000${letter.stage}`}
          letter={letter}
          customer={shown?.report.customers.find((candidate) => candidate.customer === letter.customer && candidate.currency === letter.currency)}
        />
      ))}
    </div>
  );
}
