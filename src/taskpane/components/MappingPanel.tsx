/**
 * The column-mapping screen: when the invoices table's required headers are not recognised, the
 * user says which header is which field; the choice is stored in the workbook ("ar.mapping"),
 * merged into what is stored there already (mappings of other tables are kept).
 */
import * as React from "react";
import { Button, Field, Select, Subtitle2, Text } from "@fluentui/react-components";
import type { AgingResult } from "../../jobs/jobs";
import { recordToSettings, SETTINGS_KEYS } from "../../workbook/settings-store";
import { fillPlaceholders } from "../../i18n/fill";
import { usePane } from "../pane-context";
import { useJob, type HeadersSeen } from "../use-job";
import { ProblemBar } from "./ProblemBar";
import { usePaneStyles } from "./pane.styles";

/** Invoice fields offered, required ones first. */
export const MAPPABLE_FIELDS = ["customer", "amount", "dueDate", "invoiceDate", "invoiceNo", "received", "currency"] as const;

/** Props of MappingPanel. */
export interface MappingPanelProps {
  /** Headers of the row that looked most like the header (when no invoices table was found). */
  headersSeen: HeadersSeen | null;
  /** The last result, whose mapping report lists the headers and what is missing. */
  result: AgingResult | null;
  /** Called after the mapping was stored. */
  onSaved(): void;
}

/**
 * Dropdowns from field to header, and a button that remembers the choice and runs again.
 * @param props headers seen, the last result, and what to do once saved
 * @returns the mapping screen
 * @example <MappingPanel headersSeen={{ sheet: "Data", row: 1, headers: ["Name", "Sum"] }} result={null} onSaved={rerun} />
 */
export function MappingPanel({ headersSeen, result, onSaved }: MappingPanelProps): React.JSX.Element {
  const { workbook, strings } = usePane();
  const styles = usePaneStyles();
  const job = useJob(strings);
  const words = strings.mapping;
  const report = result?.mapping.invoices;
  const headers = Array.from(
    new Set(
      (headersSeen?.headers ?? [...(report?.taken.map((taken) => taken.header) ?? []), ...(report?.unknownHeaders ?? [])]).filter(
        (header) => header.trim() !== "",
      ),
    ),
  );
  const missing: string[] = report?.missing ?? ["customer", "amount", "dueDate"];
  const [chosen, setChosen] = React.useState<Record<string, string>>({});

  const save = async () => {
    const invoices = Object.fromEntries(Object.entries(chosen).filter(([, header]) => header !== ""));
    const saved = await job.run(async () => {
      const stored = recordToSettings(await workbook.readStoredSettings([SETTINGS_KEYS.mapping])).mapping;
      const mapping = { ...stored, invoices: { ...(stored.invoices ?? {}), ...invoices } };
      await workbook.writeSettings({ [SETTINGS_KEYS.mapping]: JSON.stringify(mapping) });
      return true;
    });
    if (saved) onSaved();
  };

  return (
    <section className={styles.section} aria-label={words.title}>
      <Subtitle2 as="h2">{words.title}</Subtitle2>
      <Text>{fillPlaceholders(words.intro, { list: missing.map((field) => words.fields[field] ?? field).join(strings.listSeparator) })}</Text>
      {MAPPABLE_FIELDS.map((field) => (
        <Field key={field} label={words.fields[field]} required={missing.includes(field)}>
          <Select value={chosen[field] ?? ""} onChange={(_, data) => setChosen((now) => ({ ...now, [field]: data.value }))}>
            <option value="">{words.none}</option>
            {headers.map((header) => (
              <option key={header} value={header}>
                {header}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <ProblemBar problem={job.problem} dismissLabel={strings.problems.dismiss} onDismiss={job.clearProblem} />
      <div className={styles.row}>
        <Button appearance="primary" disabled={job.running} onClick={save}>
          {words.save}
        </Button>
      </div>
    </section>
  );
}
