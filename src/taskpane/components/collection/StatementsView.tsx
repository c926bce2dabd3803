/**
 * Statements of account (对账单, POLICY §13) from the pane: the period (from, to) and the
 * customers (all, or those ticked); runStatements computes them without writing (in the jobs
 * worker where there is one), the user is asked before a statements sheet made earlier is replaced, then the sheet is written and each
 * statement's opening and closing balances are shown beside the aged balance they agree with.
 */
import * as React from "react";
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { fillPlaceholders } from "../../../i18n/fill";
import type { CollectionPaneStrings } from "../../../i18n/pane/collection";
import type { StatementsResult } from "../../../jobs/statements";
import { fromYmd, toYmd } from "../../../rules/dates";
import { formatAmount } from "../../../rules/letters/format";
import type { DayNumber } from "../../../rules/types";
import { isoDate, parseAsOf } from "../../format";
import { usePane } from "../../pane-context";
import { useJob } from "../../use-job";
import { ProblemBar } from "../ProblemBar";
import { useReplaceConfirm } from "../ReplaceDialog";
import { usePaneStyles } from "../pane.styles";
import { useCollectionStyles } from "./collection.styles";

/**
 * The first day of a day's month: the default start of the statement period.
 * @param day a day
 * @returns the first of its month
 * @example isoDate(monthStart(fromYmd(2026, 11, 23))) // "2026-11-01"
 */
export function monthStart(day: DayNumber): DayNumber {
  const { year, month } = toYmd(day);
  return fromYmd(year, month, 1);
}

/** Props of StatementsView. */
export interface StatementsViewProps {
  words: CollectionPaneStrings;
  /** The customers to choose from. */
  customers: readonly string[];
  /** The default end of the period (the as-of date). */
  asOf: DayNumber;
}

/**
 * The statements view.
 * @param props the words, the customers and the as-of date
 * @returns the view
 * @example <StatementsView words={words} customers={names} asOf={fromYmd(2026, 11, 30)} />
 */
export function StatementsView({ words, customers, asOf }: StatementsViewProps): React.JSX.Element {
  const { workbook, lang, strings } = usePane();
  const styles = usePaneStyles();
  const own = useCollectionStyles();
  const job = useJob(strings);
  const replace = useReplaceConfirm(strings);
  const [fromText, setFromText] = React.useState(() => isoDate(monthStart(asOf)));
  const [toText, setToText] = React.useState(() => isoDate(asOf));
  const [which, setWhich] = React.useState<"all" | "some">("all");
  const [chosen, setChosen] = React.useState<ReadonlySet<string>>(new Set());
  const [result, setResult] = React.useState<StatementsResult | null>(null);
  const view = words.statements;
  const from = parseAsOf(fromText);
  const to = parseAsOf(toText);
  const periodBad = from !== null && to !== null && from > to;
  const ready = from !== null && to !== null && !periodBad && (which === "all" || chosen.size > 0);

  const write = async () => {
    if (from === null || to === null) return;
    setResult(null);
    const done = await job.run(async ({ signal, onProgress, runJob }) => {
      const options = { from, to, lang, signal, onProgress, ...(which === "some" ? { customers: customers.filter((name) => chosen.has(name)) } : {}) };
      // Computed in the jobs worker where the pane has one; written from here once the user has said so
      // (nothing is written when there is nothing to state).
      const computed = await runJob("runStatements", workbook, { ...options, write: false });
      if (computed.statements.length === 0) return computed;
      const replaceable = await workbook.findReplaceableSheets(computed.plans);
      if (!(await replace.ask(replaceable))) return computed;
      if (signal.aborted) throw Object.assign(new Error(strings.problems.cancelled), { name: "AbortError" });
      return { ...computed, sheets: await workbook.writePlans(computed.plans, { signal, onProgress }) };
    });
    if (done) setResult(done);
  };

  const toggle = (name: string, on: boolean) =>
    setChosen((now) => {
      const next = new Set(now);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });

  const money = (amount: Parameters<typeof formatAmount>[0]) => formatAmount(amount, result?.report.scale ?? 2);
  return (
    <div className={styles.stack}>
      <div className={own.pair}>
        <Field label={view.from} validationState={from === null ? "error" : "none"} validationMessage={from === null ? words.dateInvalid : undefined}>
          <Input value={fromText} onChange={(_, data) => setFromText(data.value)} placeholder="YYYY-MM-DD" />
        </Field>
        <Field
          label={view.to}
          validationState={to === null || periodBad ? "error" : "none"}
          validationMessage={to === null ? words.dateInvalid : periodBad ? view.periodInvalid : undefined}
        >
          <Input value={toText} onChange={(_, data) => setToText(data.value)} placeholder="YYYY-MM-DD" />
        </Field>
      </div>
      <Field label={view.customers}>
        <RadioGroup value={which} onChange={(_, data) => setWhich(data.value === "some" ? "some" : "all")}>
          <Radio value="all" label={view.allCustomers} />
          <Radio value="some" label={view.someCustomers} />
        </RadioGroup>
      </Field>
      {which === "some" ? (
        <fieldset className={own.scrollList} aria-label={view.someCustomers}>
          {customers.map((name) => (
            <Checkbox key={name} label={name} checked={chosen.has(name)} onChange={(_, data) => toggle(name, data.checked === true)} />
          ))}
        </fieldset>
      ) : null}
      <div className={styles.row}>
        <Button appearance="primary" disabled={job.running || !ready} onClick={write}>
          {view.write}
        </Button>
      </div>
      <ProblemBar problem={job.problem} dismissLabel={strings.problems.dismiss} onDismiss={job.clearProblem} />
      {replace.dialog}
      {result && result.statements.length === 0 ? <Text>{view.none}</Text> : null}
      {result && result.statements.length > 0 ? (
        <>
          <Text role="status">{result.sheets.length > 0 ? fillPlaceholders(view.written, { list: result.sheets.join(strings.listSeparator) }) : view.notWritten}</Text>
          <Table size="extra-small" className={styles.table} aria-label={words.views.statements}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{words.customer}</TableHeaderCell>
                <TableHeaderCell>{view.opening}</TableHeaderCell>
                <TableHeaderCell>{view.closing}</TableHeaderCell>
                <TableHeaderCell>{view.outstanding}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.statements.map((statement) => (
                <TableRow key={`${statement.customer}\u0000${statement.currency}`}>
                  <TableCell className={styles.breakAnywhere}>
                    {statement.customer} <span className={styles.muted}>{statement.currency}</span>
                  </TableCell>
                  <TableCell className={styles.number}>{money(statement.opening)}</TableCell>
                  <TableCell className={styles.number}>{money(statement.closing)}</TableCell>
                  <TableCell className={styles.number}>{money(statement.outstanding)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}
    </div>
  );
}
