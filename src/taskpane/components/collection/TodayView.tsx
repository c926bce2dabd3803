/**
 * Today's work (今日待办): the next actions due today or earlier (from each customer's latest
 * contact), the promises falling due or broken without follow-up, and the pre-due notices — every
 * open invoice due within 5 days (first touch) or 3 days (second touch). Each customer's name opens
 * its customer view.
 */
import * as React from "react";
import { Link, Subtitle2, Text } from "@fluentui/react-components";
import { collectionWords } from "../../../i18n/collection";
import { fillPlaceholders } from "../../../i18n/fill";
import { daysWords, type CollectionPaneStrings } from "../../../i18n/pane/collection";
import type { CollectionResult } from "../../../jobs/collection";
import { formatAmount } from "../../../rules/letters/format";
import { isoDate } from "../../format";
import { usePane } from "../../pane-context";
import { usePaneStyles } from "../pane.styles";
import { useCollectionStyles } from "./collection.styles";

/**
 * Days from today as words: "today", "3 days ago", "in 2 days".
 * @param days the day − today (negative: past)
 * @param words the Collection tab's words
 * @returns the words
 * @example daysText(-3, COLLECTION_STRINGS["zh-CN"]) // "已过 3 天"
 */
export function daysText(days: number, words: CollectionPaneStrings): string {
  if (days === 0) return words.dueToday;
  return days < 0 ? daysWords(words.daysLate, -days) : daysWords(words.daysLeft, days);
}

/** Props of TodayView. */
export interface TodayViewProps {
  words: CollectionPaneStrings;
  data: CollectionResult;
  /** Opens a customer's view. */
  onOpenCustomer(customer: string): void;
}

/**
 * Today's work.
 * @param props the words, the collection picture and what opening a customer does
 * @returns the three lists
 * @example <TodayView words={words} data={collection} onOpenCustomer={open} />
 */
export function TodayView({ words, data, onOpenCustomer }: TodayViewProps): React.JSX.Element {
  const { lang, strings } = usePane();
  const styles = usePaneStyles();
  const own = useCollectionStyles();
  const names = collectionWords(lang);
  const headers = names.log.headers;
  const scale = data.report.scale;
  const labelled = (label: string, value: string) => fillPlaceholders(strings.labelled, { label, value });
  const customerLink = (customer: string) => (
    <Link as="button" className={styles.cellLink} title={fillPlaceholders(words.today.openCustomer, { customer })} onClick={() => onOpenCustomer(customer)}>
      {customer}
    </Link>
  );
  const { nextActions, promises } = data.today;
  const notices = data.preDueNotices;
  return (
    <div className={styles.stack}>
      <Subtitle2 as="h3">{words.today.nextActions}</Subtitle2>
      {nextActions.length === 0 ? (
        <Text>{words.today.noNextActions}</Text>
      ) : (
        <ol className={own.entries} aria-label={words.today.nextActions}>
          {nextActions.map((due) => (
            <li key={due.customer}>
              {customerLink(due.customer)}
              <Text>
                {labelled(headers.nextAction, isoDate(due.date))} · {daysText(-due.daysLate, words)}
              </Text>
              <Text className={styles.muted}>{fillPlaceholders(words.today.lastContact, { date: isoDate(due.entry.date), channel: names.channels[due.entry.channel] })}</Text>
              {due.entry.note ? <Text className={styles.muted}>{due.entry.note}</Text> : null}
            </li>
          ))}
        </ol>
      )}
      <Subtitle2 as="h3">{words.today.promises}</Subtitle2>
      {promises.length === 0 ? (
        <Text>{words.today.noPromises}</Text>
      ) : (
        <ol className={own.entries} aria-label={words.today.promises}>
          {promises.map(({ status, daysToDate }, index) => (
            <li key={index}>
              {customerLink(status.promise.customer)}
              <Text>
                {labelled(headers.promisedDate, isoDate(status.promise.promisedDate))} · {daysText(daysToDate, words)}
              </Text>
              <Text>
                {labelled(headers.promisedAmount, `${status.promise.currency} ${formatAmount(status.promise.amount, scale)}`)} ·{" "}
                <span className={status.state === "broken" ? own.flag : undefined}>{names.promiseStates[status.state]}</span>
              </Text>
            </li>
          ))}
        </ol>
      )}
      <Subtitle2 as="h3">{words.today.preDue}</Subtitle2>
      {notices.length === 0 ? (
        <Text>{words.today.noPreDue}</Text>
      ) : (
        <ol className={own.entries} aria-label={words.today.preDue}>
          {notices.map((notice, index) => (
            <li key={index}>
              {customerLink(notice.customer.customer)}
              <Text>
                {labelled(names.preDue.headers.invoiceNo, notice.item.state.invoice.invoiceNo)} · {labelled(names.preDue.headers.dueDate, isoDate(notice.item.state.invoice.dueDate))} ·{" "}
                {daysText(notice.daysToDue, words)}
              </Text>
              <Text>
                {labelled(names.preDue.headers.outstanding, `${notice.customer.currency} ${formatAmount(notice.item.state.outstanding, scale)}`)} ·{" "}
                {fillPlaceholders(names.preDue.touch, { touch: notice.touch, days: notice.touchDays })}
              </Text>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
