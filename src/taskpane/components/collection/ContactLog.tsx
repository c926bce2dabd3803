/**
 * A customer's collection log as the customer view lists it, newest first: date, channel and
 * outcome, who called whom, the promise made, the invoice, the next action and the note. Every
 * value is workbook text shown as React text.
 */
import * as React from "react";
import { Text } from "@fluentui/react-components";
import { collectionWords } from "../../../i18n/collection";
import { fillPlaceholders } from "../../../i18n/fill";
import type { CollectionPaneStrings } from "../../../i18n/pane/collection";
import { formatAmount } from "../../../rules/letters/format";
import type { LogEntry } from "../../../rules/types";
import { isoDate } from "../../format";
import { usePane } from "../../pane-context";
import { useCollectionStyles } from "./collection.styles";

/** Props of ContactLog. */
export interface ContactLogProps {
  words: CollectionPaneStrings;
  /** The contacts, newest first (as collectionOf gives them). */
  contacts: readonly LogEntry[];
  /** The report's scale, for promised amounts. */
  scale: number;
}

/**
 * The log of one customer.
 * @param props the words, the contacts newest first and the scale
 * @returns the list, or a line saying there is none
 * @example <ContactLog words={words} contacts={state.contacts} scale={2} />
 */
export function ContactLog({ words, contacts, scale }: ContactLogProps): React.JSX.Element {
  const { lang, strings } = usePane();
  const styles = useCollectionStyles();
  if (contacts.length === 0) return <Text>{words.customerView.noLog}</Text>;
  const names = collectionWords(lang);
  const labelled = (label: string, value: string | undefined) => (value ? fillPlaceholders(strings.labelled, { label, value }) : null);
  return (
    <ol className={styles.entries} aria-label={words.customerView.log}>
      {contacts.map((entry, index) => {
        const people = [labelled(names.log.headers.collector, entry.collector), labelled(names.log.headers.contact, entry.contact)].filter((part) => part !== null);
        return (
          <li key={index}>
            <Text weight="semibold">
              {isoDate(entry.date)} {names.channels[entry.channel]}
              {entry.outcome === undefined ? null : ` · ${names.outcomes[entry.outcome]}`}
            </Text>
            {people.length > 0 ? <Text>{people.join(" · ")}</Text> : null}
            {entry.promisedDate !== undefined && entry.promisedAmount !== undefined ? (
              <Text>{fillPlaceholders(words.customerView.promiseLine, { date: isoDate(entry.promisedDate), amount: `${entry.currency} ${formatAmount(entry.promisedAmount, scale)}` })}</Text>
            ) : null}
            {entry.invoiceNo ? <Text>{labelled(names.log.headers.invoiceNo, entry.invoiceNo)}</Text> : null}
            {entry.nextAction !== undefined ? <Text>{fillPlaceholders(words.customerView.nextActionLine, { date: isoDate(entry.nextAction) })}</Text> : null}
            {entry.note ? <Text>{entry.note}</Text> : null}
          </li>
        );
      })}
    </ol>
  );
}
