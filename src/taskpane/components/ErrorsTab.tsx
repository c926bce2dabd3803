/** Data errors found by the last run: sheet, row, column, message; choosing one selects its cell. */
import { rowErrorText } from "../../i18n/messages";
import * as React from "react";
import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { RowError } from "../../rules/types";
import { fillPlaceholders } from "../../i18n/fill";
import { usePane } from "../pane-context";
import { useJob } from "../use-job";
import { ProblemBar } from "./ProblemBar";
import { usePaneStyles } from "./pane.styles";

/**
 * The A1 address of a row error's cell; the row alone ("5:5") when it names no column.
 * @param error the row error
 * @returns an address on its sheet
 * @example errorAddress({ sheet: "发票", row: 5, column: "D", message: "" }) // "D5"
 */
export function errorAddress(error: RowError): string {
  return /^[A-Z]{1,3}$/.test(error.column) ? `${error.column}${error.row}` : `${error.row}:${error.row}`;
}

/**
 * The Data errors tab.
 * @returns the tab's content
 * @example <ErrorsTab />
 */
export function ErrorsTab(): React.JSX.Element {
  const { workbook, strings, lastRun, lang } = usePane();
  const styles = usePaneStyles();
  const job = useJob(strings);
  const words = strings.errors;
  const errors = lastRun?.result.errors ?? [];

  return (
    <div className={styles.stack}>
      <ProblemBar problem={job.problem} dismissLabel={strings.problems.dismiss} onDismiss={job.clearProblem} />
      {errors.length === 0 ? <Text>{words.empty}</Text> : <Text className={styles.muted}>{words.hint}</Text>}
      {errors.length > 0 ? (
        <Table size="small" className={styles.table} aria-label={strings.tabs.errors}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{words.sheet}</TableHeaderCell>
              <TableHeaderCell>{words.row}</TableHeaderCell>
              <TableHeaderCell>{words.column}</TableHeaderCell>
              <TableHeaderCell>{words.message}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {errors.map((error, index) => {
              const cell = errorAddress(error);
              return (
                <TableRow key={index}>
                  <TableCell>{error.sheet}</TableCell>
                  <TableCell className={styles.number}>{error.row}</TableCell>
                  <TableCell>{error.column}</TableCell>
                  <TableCell>
                    <Link
                      as="button"
                      className={styles.cellLink}
                      title={fillPlaceholders(words.selectCell, { sheet: error.sheet, cell })}
                      onClick={() => void job.run(() => workbook.selectCell(error.sheet, cell))}
                    >
                      {rowErrorText(error, lang, "none")}
                    </Link>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
}
