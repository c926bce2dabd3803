/**
 * The table of over-limit customers, rendered a slice of rows at a time: at Excel's full size ten
 * thousand customers may be flagged, and one render of them all holds the pane's thread for a
 * second after the summary appears. Each slice is one short render, the next one a task later,
 * and a slice already shown is not rendered again.
 */
import * as React from "react";
import { Caption1, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { PaneStrings } from "../../i18n/pane";
import { fillPlaceholders } from "../../i18n/fill";
import { formatAmount } from "../../rules/letters/format";
import type { Policy } from "../../rules/policy-types";
import type { CustomerReport, Lang } from "../../rules/types";
import { reasonLabels, stageLabel } from "../../workbook/plans/labels";
import { usePaneStyles } from "./pane.styles";

/** Rows rendered at once: a slice renders in a few milliseconds. */
const SLICE_ROWS = 200;

/** Props of FlaggedTable. */
export interface FlaggedTableProps {
  customers: CustomerReport[];
  policy: Policy;
  scale: number;
  lang: Lang;
  words: PaneStrings["flags"];
  /** The table's accessible name. */
  label: string;
  /** Called when a customer's name is chosen; must keep its identity between renders. */
  onChoose(customer: CustomerReport): void;
}

type SliceProps = Omit<FlaggedTableProps, "customers" | "label"> & { customers: CustomerReport[] };

/** One slice of rows; rendered again only when its own props change. */
const Slice = React.memo(function Slice({ customers, policy, scale, lang, words, onChoose }: SliceProps): React.JSX.Element {
  const styles = usePaneStyles();
  return (
    <>
      {customers.map((customer) => (
        <TableRow key={`${customer.customer}\u0000${customer.currency}`}>
          <TableCell className={styles.breakAnywhere}>
            <Link as="button" className={styles.cellLink} title={fillPlaceholders(words.selectRow, { customer: customer.customer })} onClick={() => onChoose(customer)}>
              {customer.customer}
            </Link>
            <Caption1 className={styles.muted}> {customer.currency}</Caption1>
          </TableCell>
          <TableCell className={styles.number}>{formatAmount(customer.effectiveLimit, scale)}</TableCell>
          <TableCell className={styles.number}>{formatAmount(customer.outstanding, scale)}</TableCell>
          <TableCell className={styles.number}>{formatAmount(customer.excess, scale)}</TableCell>
          <TableCell>{reasonLabels(customer.reasons, policy, lang).join(" · ")}</TableCell>
          <TableCell>{stageLabel(customer.stage, policy, lang)}</TableCell>
        </TableRow>
      ))}
    </>
  );
});

/**
 * The over-limit table, its rows added a slice per task.
 * @param props the customers, most at risk first, and how to show them
 * @returns the table
 * @example <FlaggedTable customers={flagged} policy={policy} scale={2} lang="en" words={strings.flags} label="Over-limit customers" onChoose={select} />
 */
export function FlaggedTable({ customers, label, ...shared }: FlaggedTableProps): React.JSX.Element {
  const styles = usePaneStyles();
  const slices = React.useMemo(() => {
    const parts: CustomerReport[][] = [];
    for (let start = 0; start < customers.length; start += SLICE_ROWS) parts.push(customers.slice(start, start + SLICE_ROWS));
    return parts;
  }, [customers]);
  // Slices shown of which list: a new list starts again from its first slice.
  const [shown, setShown] = React.useState({ of: slices, count: 1 });
  if (shown.of !== slices) setShown({ of: slices, count: 1 });
  const count = shown.of === slices ? shown.count : 1;
  React.useEffect(() => {
    if (count >= slices.length) return undefined;
    const timer = setTimeout(() => setShown((now) => (now.of === slices ? { of: slices, count: now.count + 1 } : now)), 0);
    return () => clearTimeout(timer);
  }, [count, slices]);
  const { words } = shared;
  return (
    <Table size="small" className={styles.table} aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{words.customer}</TableHeaderCell>
          <TableHeaderCell>{words.effectiveLimit}</TableHeaderCell>
          <TableHeaderCell>{words.outstanding}</TableHeaderCell>
          <TableHeaderCell>{words.excess}</TableHeaderCell>
          <TableHeaderCell>{words.reasons}</TableHeaderCell>
          <TableHeaderCell>{words.stage}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {slices.slice(0, count).map((slice, index) => (
          <Slice key={index} customers={slice} {...shared} />
        ))}
      </TableBody>
    </Table>
  );
}
