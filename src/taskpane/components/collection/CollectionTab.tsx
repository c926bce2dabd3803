/**
 * The Collection tab (催收), loaded on first use: reads the workbook's collection picture once
 * (runCollection — in the jobs worker where there is one — as of the pane's as-of date; again
 * after a contact is logged or on request) and shows it in four views — the customer view, the
 * log-a-contact form, today's work and statements — with one customer chosen across them.
 */
import * as React from "react";
import { Button, Field, Input, ProgressBar, Tab, TabList, Text } from "@fluentui/react-components";
import { fillPlaceholders } from "../../../i18n/fill";
import { COLLECTION_STRINGS } from "../../../i18n/pane/collection";
import type { CollectionResult } from "../../../jobs/collection";
import { isoDate, parseAsOf } from "../../format";
import { usePane } from "../../pane-context";
import { useJob } from "../../use-job";
import { ProblemBar } from "../ProblemBar";
import { usePaneStyles } from "../pane.styles";
import { CustomerPicker } from "./CustomerPicker";
import { CustomerView } from "./CustomerView";
import { LogContactForm } from "./LogContactForm";
import { StatementsView } from "./StatementsView";
import { TodayView } from "./TodayView";

/** The views of the Collection tab, in order. */
export const COLLECTION_VIEWS = ["customer", "log", "today", "statements"] as const;
/** One view of the Collection tab. */
export type CollectionView = (typeof COLLECTION_VIEWS)[number];

/**
 * The report's customer names, each once, in the report's order.
 * @param data the collection picture
 * @returns the names
 * @example customerNames(collection) // ["甲公司", "乙公司", "Gamma Ltd"]
 */
export function customerNames(data: CollectionResult | null): string[] {
  return data === null ? [] : [...new Set(data.report.customers.map((customer) => customer.customer))];
}

/**
 * The Collection tab.
 * @returns the tab's content
 * @example <CollectionTab />
 */
export function CollectionTab(): React.JSX.Element {
  const { workbook, lang, strings, today, asOfText, setAsOfText } = usePane();
  const styles = usePaneStyles();
  const job = useJob(strings);
  const { run } = job;
  const words = COLLECTION_STRINGS[lang];
  const [view, setView] = React.useState<CollectionView>("customer");
  const [data, setData] = React.useState<CollectionResult | null>(null);
  const [customer, setCustomer] = React.useState<string | null>(null);
  const asOf = parseAsOf(asOfText);

  const load = React.useCallback(async () => {
    // In the jobs worker where the pane has one: reading a full-size ledger never holds the pane's thread.
    const result = await run(({ signal, onProgress, runJob }) => runJob("runCollection", workbook, { asOf: asOf ?? today, lang, signal, onProgress }));
    if (result) setData(result);
  }, [run, workbook, asOf, today, lang]);

  // Read once when the tab first opens; later reads are asked for (Read again) or follow a logged contact.
  const started = React.useRef(false);
  React.useEffect(() => {
    if (started.current) return;
    started.current = true;
    void load();
  }, [load]);

  const customers = customerNames(data);
  const openCustomer = (name: string) => {
    setCustomer(name);
    setView("customer");
  };
  const invoicesOf = (name: string) => (data?.openInvoices ?? []).filter((invoice) => invoice.customer === name).map((invoice) => invoice.invoiceNo);
  const panel = (id: CollectionView, content: React.ReactNode) => (
    <div role="tabpanel" id={`collection-${id}`} aria-labelledby={`collection-tab-${id}`} hidden={view !== id}>
      <div className={styles.stack}>{content}</div>
    </div>
  );

  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <Field
          label={strings.aging.asOf}
          validationState={asOf === null ? "error" : "none"}
          validationMessage={asOf === null ? strings.aging.asOfInvalid : undefined}
        >
          <Input value={asOfText} onChange={(_, value) => setAsOfText(value.value)} placeholder="YYYY-MM-DD" />
        </Field>
        <Button disabled={job.running || asOf === null} onClick={() => void load()}>
          {words.refresh}
        </Button>
      </div>
      {job.running ? <ProgressBar aria-label={words.refresh} /> : null}
      <ProblemBar problem={job.problem} dismissLabel={strings.problems.dismiss} onDismiss={job.clearProblem} />
      {data ? <Text className={styles.muted}>{fillPlaceholders(words.asOfShown, { date: isoDate(data.report.asOf) })}</Text> : null}
      <TabList className={styles.tabs} size="small" selectedValue={view} onTabSelect={(_, selected) => setView(selected.value as CollectionView)}>
        {COLLECTION_VIEWS.map((id) => (
          <Tab key={id} id={`collection-tab-${id}`} value={id} aria-controls={`collection-${id}`}>
            {words.views[id]}
          </Tab>
        ))}
      </TabList>
      {panel(
        "customer",
        <>
          <CustomerPicker customers={customers} value={customer} onChange={setCustomer} label={words.customer} hint={words.customerHint} noMatch={words.noMatch} />
          {data && customer !== null ? <CustomerView words={words} data={data} customer={customer} /> : <Text>{words.chooseCustomer}</Text>}
        </>,
      )}
      {panel("log", <LogContactForm words={words} customers={customers} customer={customer} onCustomer={setCustomer} invoicesOf={invoicesOf} onLogged={() => void load()} />)}
      {panel("today", data ? <TodayView words={words} data={data} onOpenCustomer={openCustomer} /> : null)}
      {/* A new as-of date starts the period over: its month up to that day. */}
      {panel("statements", <StatementsView key={isoDate(asOf ?? today)} words={words} customers={customers} asOf={asOf ?? today} />)}
    </div>
  );
}

export default CollectionTab;
