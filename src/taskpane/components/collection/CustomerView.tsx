/**
 * The customer view (客户概况): what a collector reads before calling one customer — for each of
 * its accounts (one per currency) the balance, limit, grade, stage (with why it was escalated) and
 * flags, the open invoices with their buckets, the promises with their states; then the customer's
 * collection log newest first and the letters drafted for it.
 */
import * as React from "react";
import { Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { collectionWords } from "../../../i18n/collection";
import { fillPlaceholders } from "../../../i18n/fill";
import { daysWords, type CollectionPaneStrings } from "../../../i18n/pane/collection";
import type { CollectionResult, OpenInvoice } from "../../../jobs/collection";
import { accountKey } from "../../../rules/accounts";
import type { AccountCollection } from "../../../rules/collection";
import { formatAmount } from "../../../rules/letters/format";
import type { Policy } from "../../../rules/policy-types";
import type { Lang } from "../../../rules/types";
import { gradeText, reasonLabels, stageLabel } from "../../../workbook/plans/labels";
import { isoDate } from "../../format";
import { usePane } from "../../pane-context";
import { usePaneStyles } from "../pane.styles";
import { ContactLog } from "./ContactLog";
import { CustomerLetters } from "./CustomerLetters";
import { useCollectionStyles } from "./collection.styles";

/**
 * The flags of an account as sentences: over limit, stop shipping, promise required, paused by a promise.
 * @param state the account's collection state
 * @param words the Collection tab's words
 * @param policy the policy (reason thresholds)
 * @param scale the report's scale
 * @param lang the language
 * @returns one sentence per flag, none when nothing is flagged
 * @example accountFlags(state, COLLECTION_STRINGS.en, DEFAULT_POLICY, 2, "en") // ["Over limit by 13,000.00", "Stop shipping: Over credit limit"]
 */
export function accountFlags(state: AccountCollection, words: CollectionPaneStrings, policy: Policy, scale: number, lang: Lang): string[] {
  const view = words.customerView;
  const customer = state.customer;
  const flags: string[] = [];
  if (customer.overLimit) flags.push(fillPlaceholders(view.overLimit, { amount: formatAmount(customer.excess, scale) }));
  if (customer.stopShipping) flags.push(fillPlaceholders(view.stopShipping, { reasons: reasonLabels(customer.reasons, policy, lang).join(" · ") }));
  if (state.promiseRequired.required) flags.push(state.promiseRequired.reason === "twoInARow" ? view.promiseRequiredTwo : view.promiseRequiredThree);
  if (state.pausedUntil !== null) flags.push(fillPlaceholders(view.pausedUntil, { date: isoDate(state.pausedUntil) }));
  return flags;
}

/**
 * The stage as shown: its label, and from which stage it was escalated and why.
 * @param state the account's collection state
 * @param words the Collection tab's words
 * @param policy the ladder's labels
 * @param lang the language
 * @returns e.g. "正式催款函（由电话催收升级：3 次联系无结果）"
 * @example stageText(state, COLLECTION_STRINGS["zh-CN"], DEFAULT_POLICY, "zh-CN") // "无需催收"
 */
export function stageText(state: AccountCollection, words: CollectionPaneStrings, policy: Policy, lang: Lang): string {
  const view = words.customerView;
  const stage = state.stage;
  if (stage.stage === null) return view.noStage;
  const label = stageLabel(stage.stage, policy, lang);
  if (stage.steps === 0) return label;
  const why = [
    stage.contactsWithoutResult > 0 ? fillPlaceholders(view.contactsWithoutResult, { count: stage.contactsWithoutResult }) : null,
    stage.brokenPromise ? view.brokenPromise : null,
  ].filter((part): part is string => part !== null);
  return label + fillPlaceholders(view.escalated, { stage: stageLabel(stage.ladderStage, policy, lang), why: why.join(lang === "en" ? ", " : "，") });
}

/** Props of AccountCard. */
interface AccountCardProps {
  state: AccountCollection;
  /** The account's open invoices. */
  open: readonly OpenInvoice[];
  words: CollectionPaneStrings;
  policy: Policy;
  scale: number;
}

/** One account of the customer: facts, open invoices, promises. */
function AccountCard({ state, open, words, policy, scale }: AccountCardProps): React.JSX.Element {
  const { lang } = usePane();
  const styles = usePaneStyles();
  const own = useCollectionStyles();
  const view = words.customerView;
  const customer = state.customer;
  const money = (amount: Parameters<typeof formatAmount>[0]) => formatAmount(amount, scale);
  const flags = accountFlags(state, words, policy, scale, lang);
  const title = fillPlaceholders(view.account, { customer: customer.customer, currency: customer.currency });
  const states = collectionWords(lang).promiseStates;
  return (
    <section className={own.account} aria-label={title}>
      <Subtitle2 as="h3" className={styles.breakAnywhere}>
        {title}
      </Subtitle2>
      <dl className={own.facts}>
        <dt>{view.outstanding}</dt>
        <dd>{money(customer.outstanding)}</dd>
        <dt>{view.overdue}</dt>
        <dd>{money(customer.overdue)}</dd>
        <dt>{view.limit}</dt>
        <dd>{customer.limitSet ? money(customer.effectiveLimit) : view.noLimit}</dd>
        <dt>{view.grade}</dt>
        <dd>{gradeText(customer, lang)}</dd>
        <dt>{view.stage}</dt>
        <dd>{stageText(state, words, policy, lang)}</dd>
        <dt>{view.flags}</dt>
        <dd>{flags.length === 0 ? view.noFlags : flags.map((flag) => <div key={flag} className={own.flag}>{flag}</div>)}</dd>
      </dl>
      <Text weight="semibold">{view.invoices}</Text>
      {open.length === 0 ? (
        <Text>{view.noInvoices}</Text>
      ) : (
        <Table size="extra-small" className={styles.table} aria-label={`${view.invoices} ${title}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{view.invoiceNo}</TableHeaderCell>
              <TableHeaderCell>{view.dueDate}</TableHeaderCell>
              <TableHeaderCell>{view.bucket}</TableHeaderCell>
              <TableHeaderCell>{view.outstandingShort}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {open.map((invoice, index) => (
              <TableRow key={index}>
                <TableCell className={styles.breakAnywhere}>
                  {invoice.invoiceNo}
                  {invoice.paused ? <Caption1 block className={styles.muted}>{view.paused}</Caption1> : null}
                </TableCell>
                <TableCell>
                  <span className={own.nowrap}>{isoDate(invoice.dueDate)}</span>
                  <Caption1 block className={styles.muted}>{invoice.daysOverdue > 0 ? daysWords(view.overdueDays, invoice.daysOverdue) : view.notDue}</Caption1>
                </TableCell>
                <TableCell>{policy.buckets.labels[lang][invoice.bucket] ?? ""}</TableCell>
                <TableCell className={styles.number}>{money(invoice.outstanding)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Text weight="semibold">{view.promises}</Text>
      {state.promises.length === 0 ? (
        <Text>{view.noPromises}</Text>
      ) : (
        <Table size="extra-small" className={styles.table} aria-label={`${view.promises} ${title}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{view.promisedDate}</TableHeaderCell>
              <TableHeaderCell>{view.promisedAmount}</TableHeaderCell>
              <TableHeaderCell>{view.received}</TableHeaderCell>
              <TableHeaderCell>{view.state}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {state.promises.map((status, index) => (
              <TableRow key={index}>
                <TableCell className={own.nowrap}>{isoDate(status.promise.promisedDate)}</TableCell>
                <TableCell className={styles.number}>{money(status.promise.amount)}</TableCell>
                <TableCell className={styles.number}>{money(status.received)}</TableCell>
                <TableCell className={status.state === "broken" ? own.flag : undefined}>{states[status.state]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

/** Open invoices by account (accountKey), each account's in the report's order. */
function openInvoicesByAccount(invoices: readonly OpenInvoice[]): Map<string, OpenInvoice[]> {
  const byAccount = new Map<string, OpenInvoice[]>();
  for (const invoice of invoices) {
    const key = accountKey(invoice.customer, invoice.currency);
    const list = byAccount.get(key);
    if (list) list.push(invoice);
    else byAccount.set(key, [invoice]);
  }
  return byAccount;
}

/** Props of CustomerView. */
export interface CustomerViewProps {
  words: CollectionPaneStrings;
  data: CollectionResult;
  customer: string;
}

/**
 * The customer view of one customer.
 * @param props the words, the collection picture and the customer's name
 * @returns the view
 * @example <CustomerView words={words} data={collection} customer="甲公司" />
 */
export function CustomerView({ words, data, customer }: CustomerViewProps): React.JSX.Element {
  const styles = usePaneStyles();
  const openByAccount = React.useMemo(() => openInvoicesByAccount(data.openInvoices), [data.openInvoices]);
  const accounts = [...data.collection.values()].filter((state) => state.customer.customer === customer);
  return (
    <div className={styles.stack}>
      {accounts.map((state) => (
        <AccountCard
          key={state.customer.currency}
          state={state}
          open={openByAccount.get(accountKey(state.customer.customer, state.customer.currency)) ?? []}
          words={words}
          policy={data.policy}
          scale={data.report.scale}
        />
      ))}
      <Subtitle2 as="h3">{words.customerView.log}</Subtitle2>
      <ContactLog words={words} contacts={accounts[0]?.contacts ?? []} scale={data.report.scale} />
      <Subtitle2 as="h3">{words.customerView.letters}</Subtitle2>
      <CustomerLetters words={words} customer={customer} asOf={data.report.asOf} />
    </div>
  );
}
