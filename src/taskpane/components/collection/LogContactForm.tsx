/**
 * Log a contact (催收记录, POLICY §12): the form that appends one row to the workbook's collection
 * log through runLogContact (in the jobs worker where there is one) — customer, contact date,
 * channel, outcome, an optional promise (date and amount: the amount goes as typed and is read
 * exactly by the money module, never as a float), next action date, invoice, collector, person
 * contacted and note. Dates the pane cannot read are refused here; the job's problems are shown
 * by field in the user's language; success says which table and which row.
 */
import * as React from "react";
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Textarea } from "@fluentui/react-components";
import { collectionWords } from "../../../i18n/collection";
import { fillPlaceholders } from "../../../i18n/fill";
import { problemText } from "../../../i18n/messages";
import type { CollectionPaneStrings } from "../../../i18n/pane/collection";
import type { LogContactResult } from "../../../jobs/log-contact";
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, type ContactInput } from "../../../rules/contact";
import type { DayNumber } from "../../../rules/types";
import { isoDate, parseAsOf } from "../../format";
import { usePane } from "../../pane-context";
import { useJob } from "../../use-job";
import { ProblemBar } from "../ProblemBar";
import { usePaneStyles } from "../pane.styles";
import { CustomerPicker } from "./CustomerPicker";
import { useCollectionStyles } from "./collection.styles";

/** What the form holds, as typed. */
export interface ContactForm {
  date: string;
  channel: string;
  outcome: string;
  promisedDate: string;
  promisedAmount: string;
  nextAction: string;
  invoiceNo: string;
  collector: string;
  contact: string;
  note: string;
}

/** The fields a problem can point at. */
type FieldName = keyof ContactForm | "customer";

const DATE_FIELDS = ["date", "promisedDate", "nextAction"] as const;

/**
 * An empty form for a contact made today.
 * @param today the day
 * @returns the form
 * @example emptyForm(fromYmd(2026, 11, 23)).date // "2026-11-23"
 */
export function emptyForm(today: DayNumber): ContactForm {
  return { date: isoDate(today), channel: "phone", outcome: "", promisedDate: "", promisedAmount: "", nextAction: "", invoiceNo: "", collector: "", contact: "", note: "" };
}

/**
 * The contact to log from the form, or the fields whose dates cannot be read (a blank optional date is none).
 * @param form the form as typed
 * @param customer the customer chosen
 * @returns the input for runLogContact, or the fields in error
 * @example contactInput({ ...emptyForm(day), promisedDate: "2026-13-01" }, "甲公司").invalid // ["promisedDate"]
 */
export function contactInput(form: ContactForm, customer: string): { input?: ContactInput; invalid: FieldName[] } {
  const days: Partial<Record<(typeof DATE_FIELDS)[number], DayNumber>> = {};
  const invalid: FieldName[] = [];
  for (const field of DATE_FIELDS) {
    const text = form[field].trim();
    if (text === "" && field !== "date") continue;
    const day = parseAsOf(text);
    if (day === null) invalid.push(field);
    else days[field] = day;
  }
  if (invalid.length > 0 || days.date === undefined) return { invalid };
  const input: ContactInput = { date: days.date, customer, channel: form.channel };
  if (form.outcome !== "") input.outcome = form.outcome;
  if (days.promisedDate !== undefined) input.promisedDate = days.promisedDate;
  if (form.promisedAmount.trim() !== "") input.promisedAmount = form.promisedAmount;
  if (days.nextAction !== undefined) input.nextAction = days.nextAction;
  for (const field of ["invoiceNo", "collector", "contact", "note"] as const) if (form[field].trim() !== "") input[field] = form[field];
  return { input, invalid };
}

/** Props of LogContactForm. */
export interface LogContactFormProps {
  words: CollectionPaneStrings;
  customers: readonly string[];
  customer: string | null;
  onCustomer(customer: string | null): void;
  /** The open invoice numbers of a customer, for the invoice list. */
  invoicesOf(customer: string): string[];
  /** Called after a row was written (the views read the workbook again). */
  onLogged(): void;
}

/**
 * The log-a-contact form.
 * @param props the words, the customers, the chosen customer and the callbacks
 * @returns the form
 * @example <LogContactForm words={words} customers={names} customer={chosen} onCustomer={choose} invoicesOf={invoicesOf} onLogged={reload} />
 */
export function LogContactForm({ words, customers, customer, onCustomer, invoicesOf, onLogged }: LogContactFormProps): React.JSX.Element {
  const { workbook, lang, strings, today } = usePane();
  const styles = usePaneStyles();
  const own = useCollectionStyles();
  const job = useJob(strings);
  const [form, setForm] = React.useState(() => emptyForm(today));
  const [errors, setErrors] = React.useState<Partial<Record<FieldName, string>>>({});
  const [outcome, setOutcome] = React.useState<{ result: LogContactResult; messages: string[] } | null>(null);
  const headers = collectionWords(lang).log.headers;
  const names = collectionWords(lang);
  const set = (field: keyof ContactForm) => (_: unknown, data: { value: string }) => setForm((now) => ({ ...now, [field]: data.value }));
  const fieldProps = (field: FieldName) => ({ validationState: errors[field] ? ("error" as const) : ("none" as const), validationMessage: errors[field] });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    const local: Partial<Record<FieldName, string>> = {};
    if (customer === null) local.customer = words.chooseCustomer;
    const { input, invalid } = contactInput(form, customer ?? "");
    for (const field of invalid) local[field] = words.dateInvalid;
    setErrors(local);
    if (input === undefined || customer === null) return;
    // In the jobs worker where the pane has one: the ledger is read to check the customer.
    const result = await job.run(({ signal, onProgress, runJob }) => runJob("logContact", workbook, { contact: input, lang, signal, onProgress }));
    if (result === undefined) return;
    const byField: Partial<Record<FieldName, string>> = {};
    const messages = result.problems.map((problem) => problemText(problem, lang));
    result.problems.forEach((problem, index) => {
      const field = problem.field as FieldName | undefined;
      if (field !== undefined && (field === "customer" || field in form)) byField[field] = byField[field] ? `${byField[field]}${strings.clauseSeparator}${messages[index]}` : messages[index];
    });
    setErrors(byField);
    setOutcome({ result, messages });
    if (result.appended !== null) {
      setForm((now) => ({ ...emptyForm(today), date: now.date, channel: now.channel, collector: now.collector }));
      onLogged();
    }
  };

  const invoices = customer === null ? [] : invoicesOf(customer);
  const appended = outcome?.result.appended ?? null;
  return (
    <form className={own.form} onSubmit={submit} aria-label={words.views.log} noValidate>
      <CustomerPicker customers={customers} value={customer} onChange={onCustomer} label={headers.customer} hint={words.customerHint} noMatch={words.noMatch} error={errors.customer} />
      <div className={own.pair}>
        <Field label={headers.date} {...fieldProps("date")}>
          <Input value={form.date} onChange={set("date")} placeholder="YYYY-MM-DD" />
        </Field>
        <Field label={headers.channel} {...fieldProps("channel")}>
          <Select value={form.channel} onChange={set("channel")}>
            {CONTACT_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {names.channels[channel]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={own.pair}>
        <Field label={headers.outcome} {...fieldProps("outcome")}>
          <Select value={form.outcome} onChange={set("outcome")}>
            <option value="">{words.form.noOutcome}</option>
            {CONTACT_OUTCOMES.map((code) => (
              <option key={code} value={code}>
                {names.outcomes[code]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={headers.invoiceNo} {...fieldProps("invoiceNo")}>
          <Select value={form.invoiceNo} onChange={set("invoiceNo")}>
            <option value="">{words.form.noInvoice}</option>
            {invoices.map((invoiceNo) => (
              <option key={invoiceNo} value={invoiceNo}>
                {invoiceNo}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={own.pair}>
        <Field label={headers.promisedDate} {...fieldProps("promisedDate")}>
          <Input value={form.promisedDate} onChange={set("promisedDate")} placeholder="YYYY-MM-DD" />
        </Field>
        <Field label={headers.promisedAmount} {...fieldProps("promisedAmount")}>
          <Input value={form.promisedAmount} onChange={set("promisedAmount")} inputMode="decimal" placeholder={words.form.amountHint} />
        </Field>
      </div>
      <Caption1 className={styles.muted}>{words.form.promiseHint}</Caption1>
      <Field label={headers.nextAction} hint={words.dateHint} {...fieldProps("nextAction")}>
        <Input value={form.nextAction} onChange={set("nextAction")} placeholder="YYYY-MM-DD" />
      </Field>
      <div className={own.pair}>
        <Field label={headers.collector} {...fieldProps("collector")}>
          <Input value={form.collector} onChange={set("collector")} />
        </Field>
        <Field label={headers.contact} {...fieldProps("contact")}>
          <Input value={form.contact} onChange={set("contact")} />
        </Field>
      </div>
      <Field label={headers.note} {...fieldProps("note")}>
        <Textarea value={form.note} onChange={set("note")} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={job.running}>
          {words.form.submit}
        </Button>
      </div>
      <ProblemBar problem={job.problem} dismissLabel={strings.problems.dismiss} onDismiss={job.clearProblem} />
      {outcome && appended === null ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{words.form.notWritten}</MessageBarTitle>
            <ul>
              {outcome.messages.map((message, index) => (
                <li key={index}>{message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {appended ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody role="status">
            {fillPlaceholders(words.form.written, { sheet: appended.sheet, table: appended.tableName, row: appended.firstRow })}
            {appended.created ? ` ${words.form.created}` : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </form>
  );
}
