/**
 * What the management report shows in the pane: the period's measures per currency (the cash
 * ratio against its target), the subtotals by salesperson and by region, the customers marked red
 * or amber with why, and the three charts of the sheets. Every colour is marked with its word too.
 */
import * as React from "react";
import { Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, mergeClasses } from "@fluentui/react-components";
import type { ManagementResult } from "../../jobs/management-job";
import { fillPlaceholders } from "../../i18n/fill";
import { managementWords, type MeasureRow } from "../../i18n/management";
import type { PaneStrings } from "../../i18n/pane";
import { formatIso } from "../../rules/dates";
import type { Decimal } from "../../rules/decimal";
import { groupThousands } from "../../rules/display";
import type { Colour, PeriodMeasures, Subtotal } from "../../rules/management-types";
import { formatMoney, type Minor } from "../../rules/money";
import type { Lang } from "../../rules/types";
import { chartData } from "../../workbook/plans/chart-data";
import { colourReasonsText, customersByRisk } from "../../workbook/plans/management";
import { Chart } from "./Chart";
import { usePaneStyles } from "./pane.styles";
import { useRagStyles } from "./rag.styles";

/** How many red and amber customers the pane lists; the sheet has them all. */
export const WATCH_LIST = 10;

/** The measures the pane shows, with how each is written. */
const MEASURES: [MeasureRow, (m: PeriodMeasures) => Decimal | null, "days" | "percent"][] = [
  ["dsoSimple", (m) => m.dsoSimple, "days"],
  ["dsoCountBack", (m) => m.dsoCountBack, "days"],
  ["cei", (m) => m.cei, "percent"],
  ["collectionRate", (m) => m.collectionRate, "percent"],
  ["overdueRecoveryRate", (m) => m.overdueRecoveryRate, "percent"],
  ["cashRatio", (m) => m.cashRatio, "percent"],
];

/** A figure as the pane writes it: days with one decimal, percentages with two; "—" for none. */
function figureText(value: Decimal | null, kind: "days" | "percent"): string {
  if (value === null) return "—";
  return kind === "days" ? value.toFixed(1) : `${value.toFixed(2)}%`;
}

/** An amount with thousands separators. */
function moneyText(units: Minor, scale: number): string {
  return groupThousands(formatMoney(units, scale));
}

/**
 * A colour mark: a swatch and the colour's word, so the colour is never the only sign.
 * @param props the colour and its word
 * @returns the mark
 * @example <RagMark colour="red" label="红" />
 */
export function RagMark({ colour, label }: { colour: Colour; label: string }): React.JSX.Element {
  const styles = useRagStyles();
  return (
    <span className={styles.mark} data-colour={colour}>
      <span aria-hidden="true" className={mergeClasses(styles.swatch, styles[colour])} />
      {label}
    </span>
  );
}

/** One row of a FigureTable: its key and its cells. */
interface FigureRow {
  key: string;
  cells: React.ReactNode[];
}

/** A small table named by its label; cells from `numericFrom` on are figures, aligned right. */
function FigureTable({ label, headers, rows, numericFrom }: { label: string; headers: string[]; rows: FigureRow[]; numericFrom: number }): React.JSX.Element {
  const styles = usePaneStyles();
  return (
    <Table size="small" className={styles.table} aria-label={label}>
      <TableHeader>
        <TableRow>
          {headers.map((header, index) => (
            <TableHeaderCell key={index}>{header}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
            {row.cells.map((cell, index) => (
              <TableCell key={index} className={index >= numericFrom ? styles.number : styles.breakAnywhere}>
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The measures of the period, one row each, one column per currency; the cash ratio marked against its target. */
function measureRows(result: ManagementResult, lang: Lang, strings: PaneStrings): FigureRow[] {
  const view = result.management;
  const words = managementWords(lang).summary;
  const target = `${Number(result.policy.rag.cashRatioTarget.times(100).toFixed(4))}%`;
  const values = { opening: formatIso(view.openingDate), asOf: formatIso(view.asOf), target };
  return MEASURES.map(([key, pick, kind]) => ({
    key,
    cells: [
      fillPlaceholders(words.measures[key], values),
      ...view.measures.map((measures) =>
        key === "cashRatio" && measures.cashRatioMet !== null ? (
          <>
            {figureText(pick(measures), kind)}{" "}
            <RagMark colour={measures.cashRatioMet ? "green" : "red"} label={measures.cashRatioMet ? strings.management.targetMet : strings.management.targetMissed} />
          </>
        ) : (
          figureText(pick(measures), kind)
        ),
      ),
    ],
  }));
}

/** Subtotals (by salesperson or region) as rows: name, currency, colour, outstanding, overdue %, collection rate, flagged. */
function subtotalRows(list: Subtotal[], scale: number, lang: Lang): FigureRow[] {
  const all = managementWords(lang);
  return list.map((subtotal) => ({
    key: `${subtotal.key}\u0000${subtotal.currency}`,
    cells: [
      subtotal.key === "" ? all.nobody : subtotal.key,
      subtotal.currency,
      <RagMark key="rag" colour={subtotal.colour} label={all.colours[subtotal.colour]} />,
      moneyText(subtotal.outstanding, scale),
      figureText(subtotal.overduePct, "percent"),
      figureText(subtotal.collectionRate, "percent"),
      subtotal.flagged,
    ],
  }));
}

/** The customers marked red or amber, red first, at most WATCH_LIST of them, with why. */
function watchRows(result: ManagementResult, lang: Lang): { rows: FigureRow[]; more: number } {
  const all = managementWords(lang);
  const watched = customersByRisk(result.management).filter((customer) => customer.colour !== "green");
  const rows = watched.slice(0, WATCH_LIST).map((customer) => ({
    key: `${customer.report.customer}\u0000${customer.report.currency}`,
    cells: [
      customer.report.customer,
      customer.report.currency,
      customer.salesperson === "" ? all.nobody : customer.salesperson,
      <RagMark key="rag" colour={customer.colour} label={all.colours[customer.colour]} />,
      colourReasonsText(customer.colourReasons, result.policy, lang),
    ],
  }));
  return { rows, more: watched.length - rows.length };
}

/**
 * The management report's figures, marks and charts in the pane.
 * @param props the job's result, the language of its words, the pane's strings
 * @returns the sections
 * @example <ManagementResults result={result} lang="zh-CN" strings={PANE_STRINGS["zh-CN"]} />
 */
export function ManagementResults({ result, lang, strings }: { result: ManagementResult; lang: Lang; strings: PaneStrings }): React.JSX.Element {
  const styles = usePaneStyles();
  const view = result.management;
  const all = managementWords(lang);
  const words = all.summary;
  const subtotalHeaders = [words.currency, words.colour, words.outstanding, words.overduePct, words.collectionRate, words.flagged];
  const watch = watchRows(result, lang);
  const section = (title: string, content: React.ReactNode) => (
    <section className={styles.section} aria-label={title}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      {content}
    </section>
  );
  const who = view.salesperson === null ? "" : fillPlaceholders(words.who, { salesperson: view.salesperson });
  return (
    <>
      {section(
        strings.management.measuresTitle,
        <>
          <Text className={styles.muted}>{fillPlaceholders(words.title, { who, from: formatIso(view.from), asOf: formatIso(view.asOf) })}</Text>
          <FigureTable label={strings.management.measuresTitle} headers={[words.measure, ...view.currencies]} rows={measureRows(result, lang, strings)} numericFrom={1} />
        </>,
      )}
      {section(words.bySalesperson, <FigureTable label={words.bySalesperson} headers={[words.salesperson, ...subtotalHeaders]} rows={subtotalRows(view.bySalesperson, view.scale, lang)} numericFrom={3} />)}
      {section(words.byRegion, <FigureTable label={words.byRegion} headers={[words.region, ...subtotalHeaders]} rows={subtotalRows(view.byRegion, view.scale, lang)} numericFrom={3} />)}
      {section(
        strings.management.watchTitle,
        watch.rows.length === 0 ? (
          <Text>{strings.management.noWatch}</Text>
        ) : (
          <>
            <FigureTable
              label={strings.management.watchTitle}
              headers={[all.customers.customer, all.customers.currency, all.customers.salesperson, all.customers.colour, all.customers.reasons]}
              rows={watch.rows}
              numericFrom={5}
            />
            {watch.more > 0 ? <Text>{fillPlaceholders(strings.management.watchMore, { count: watch.more, sheet: result.plans[1]?.name ?? "" })}</Text> : null}
          </>
        ),
      )}
      {section(
        strings.management.chartsTitle,
        result.plans.map((plan) => {
          const data = chartData(plan);
          return data === null ? null : <Chart key={plan.name} data={data} figuresLabel={strings.management.figures} emptyLabel={strings.management.nothingToDraw} />;
        }),
      )}
    </>
  );
}
