/**
 * Settings: the company's policy (buckets, interest, ladder, limits, red-amber-green, stop shipping,
 * pre-due notices, company details; the form's model is policy-form.ts) and its letter templates, stored in the workbook ("ar.policy", "ar.templates") so they travel with the
 * file. Every value is checked by policyFromJson before saving; each problem shows at its field.
 * When the workbook also has a visible settings sheet, its values win (it is what people see and
 * edit), so the tab says which of them it sets and where, before and after saving.
 */
import { problemText } from "../../i18n/messages";
import * as React from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
} from "@fluentui/react-components";
import { MERGE_FIELDS } from "../../rules/letters/merge-fields";
import { findTemplate, validateTemplate } from "../../rules/letters/render";
import { DEFAULT_TEMPLATES, type LetterTemplate } from "../../rules/letters/templates";
import { LANGS } from "../../rules/policy";
import { policyFromJson, policyToJson, type PolicyError } from "../../rules/policy-json";
import type { Policy } from "../../rules/policy-types";
import type { Lang } from "../../rules/types";
import { settingsChanged } from "../../functions/workbook-policy";
import { resolveSettings } from "../../workbook/settings";
import { SETTINGS_KEYS } from "../../workbook/settings-store";
import { isSettingsSheet } from "../../workbook/sheet-cells";
import { DEFAULT_POLICY } from "../../rules/policy";
import { fillPlaceholders } from "../../i18n/fill";
import { usePane } from "../pane-context";
import { useJob } from "../use-job";
import { ProblemBar } from "./ProblemBar";
import { fieldOf, formToJson, policyToForm, type PolicyForm } from "./policy-form";
import { usePaneStyles } from "./pane.styles";

/** A policy value set by the visible settings sheet, which wins over what the pane saves. */
interface SheetSetting {
  path: string;
  /** "设置!B3" */
  cell: string;
}

interface Loaded {
  policy: Policy;
  templates: LetterTemplate[];
  /** Values the settings sheet sets: saving here does not change what the jobs use for them. */
  fromSheet: SheetSetting[];
}

/** Props of SettingsTab. */
export interface SettingsTabProps {
  /** Whether the tab is shown; settings are read from the workbook the first time it is. */
  active: boolean;
}

/**
 * The Settings tab.
 * @param props whether the tab is shown
 * @returns the tab's content
 * @example <SettingsTab active />
 */
export function SettingsTab({ active }: SettingsTabProps): React.JSX.Element {
  const { workbook, lang, strings } = usePane();
  const styles = usePaneStyles();
  const job = useJob(strings);
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [form, setForm] = React.useState<PolicyForm | null>(null);
  const [templates, setTemplates] = React.useState<LetterTemplate[]>([]);
  const [errors, setErrors] = React.useState<PolicyError[]>([]);
  const [saved, setSaved] = React.useState(false);
  const [templateStage, setTemplateStage] = React.useState("formal");
  const [templateLang, setTemplateLang] = React.useState<Lang>(lang);
  const words = strings.settings;
  const run = job.run;

  React.useEffect(() => {
    if (!active || loaded !== null) return;
    void run(async ({ signal }) => {
      // Only the settings sheet's cells (and the store): the ledger's rows are never fetched.
      const data = await workbook.read({ signal, sheets: isSettingsSheet });
      const resolved = resolveSettings(data, DEFAULT_POLICY);
      const fromSheet = Object.entries(resolved.sources).map(([path, where]) => ({
        path,
        cell: `${where.sheet}!${where.column ?? "B"}${where.row}`,
      }));
      const next = { policy: resolved.policy, templates: resolved.templates ?? [...DEFAULT_TEMPLATES], fromSheet };
      setLoaded(next);
      setForm(policyToForm(next.policy));
      setTemplates(next.templates);
    });
  }, [active, loaded, run, workbook]);

  if (loaded === null || form === null) {
    return (
      <div className={styles.stack}>
        <ProblemBar problem={job.problem} dismissLabel={strings.problems.dismiss} onDismiss={job.clearProblem} />
        {job.running ? <Spinner size="small" label={words.loading} /> : null}
      </div>
    );
  }

  const set = (key: Exclude<keyof PolicyForm, "stages">) => (_: unknown, data: { value: string }) => {
    setSaved(false);
    setForm({ ...form, [key]: data.value });
  };
  const errorFor = (field: string) => errors.filter((error) => fieldOf(error.field) === field).map((error) => problemText(error, lang)).join(" ");
  /** A field of the form with its problem shown under it: a text input unless another control is given. */
  const textField = (key: Exclude<keyof PolicyForm, "stages">, label: string, hint?: string, control?: React.JSX.Element) => {
    const message = errorFor(key);
    return (
      <Field label={label} hint={hint} validationState={message ? "error" : "none"} validationMessage={message || undefined}>
        {control ?? <Input value={form[key]} onChange={set(key)} />}
      </Field>
    );
  };

  /** A section of plain fields under its heading. */
  const section = (title: string, ...fields: React.ReactNode[]) => (
    <section className={styles.section}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      {React.Children.toArray(fields)}
    </section>
  );

  const letterStages = loaded.policy.escalation.filter((stage) => stage.letter);
  const current: LetterTemplate = templates.find((t) => t.stage === templateStage && t.lang === templateLang) ??
    findTemplate(templates, templateStage, templateLang) ?? { lang: templateLang, stage: templateStage, subject: "", body: "" };
  const editTemplate = (change: Partial<Pick<LetterTemplate, "subject" | "body">>) => {
    setSaved(false);
    const next: LetterTemplate = { ...current, lang: templateLang, stage: templateStage, ...change };
    setTemplates((list) => [...list.filter((t) => !(t.stage === templateStage && t.lang === templateLang)), next]);
  };
  const unknownFields = validateTemplate(current);

  const save = async () => {
    const { policy, errors: found } = policyFromJson(formToJson(loaded.policy, form));
    setErrors(found);
    setSaved(false);
    if (found.length > 0) return;
    const done = await job.run(async () => {
      await workbook.writeSettings({
        [SETTINGS_KEYS.policy]: JSON.stringify(policyToJson(policy)),
        [SETTINGS_KEYS.templates]: JSON.stringify(templates),
      });
      // The AR.* formulas follow the saved policy: read again, then recalculated.
      await settingsChanged();
      return true;
    });
    if (done) {
      setLoaded({ policy, templates, fromSheet: loaded.fromSheet });
      setSaved(true);
    }
  };

  const escalationError = errorFor("escalation");
  const otherErrors = errors.filter((error) => fieldOf(error.field) === "other");
  return (
    <form
      className={styles.stack}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {section(words.buckets, textField("edges", words.bucketEdges, words.bucketEdgesHint))}
      {section(words.interest, textField("dailyRate", words.dailyRate, words.dailyRateHint), textField("graceDays", words.graceDays))}
      <section className={styles.section}>
        <Subtitle2 as="h2">{words.escalation}</Subtitle2>
        {form.stages.map((stage, index) => {
          const label = loaded.policy.escalation[index]?.labels[lang] ?? stage.id;
          const update = (key: "from" | "to") => (_: unknown, data: { value: string }) => {
            setSaved(false);
            setForm({ ...form, stages: form.stages.map((s, at) => (at === index ? { ...s, [key]: data.value } : s)) });
          };
          return (
            <div key={stage.id} className={styles.row}>
              <Field label={fillPlaceholders(words.stageFrom, { stage: label })}>
                <Input value={stage.from} onChange={update("from")} />
              </Field>
              <Field label={fillPlaceholders(words.stageTo, { stage: label })} hint={stage.to === "" ? words.stageToHint : undefined}>
                <Input value={stage.to} onChange={update("to")} />
              </Field>
            </div>
          );
        })}
        {escalationError ? (
          <Text role="alert" className={styles.muted}>
            {escalationError}
          </Text>
        ) : null}
      </section>
      {section(words.limit, textField("temporaryRatio", words.temporaryRatio, words.temporaryRatioHint), textField("cuts", words.cuts, words.cutsHint))}
      {section(
        words.rag,
        textField("ragRedDays", words.ragRedDays),
        textField("ragAmberDays", words.ragAmberDays),
        textField("ragAmberLimitUsed", words.ragAmberLimitUsed, words.ragAmberLimitUsedHint),
        textField("stopOverdueMonths", words.stopOverdueMonths),
        textField("stopMaxTotal", words.stopMaxTotal),
      )}
      {section(words.preDue, textField("preDueDays", words.preDueDays, words.preDueDaysHint))}
      <section className={styles.section}>
        <Subtitle2 as="h2">{words.provision}</Subtitle2>
        {textField(
          "provisionMethod",
          words.provisionMethod,
          undefined,
          <Select value={form.provisionMethod} onChange={set("provisionMethod")}>
            <option value="aging">{words.provisionByAge}</option>
            <option value="flat">{words.provisionFlat}</option>
          </Select>,
        )}
        {form.provisionMethod === "flat" ? textField("provisionFlatRate", words.provisionFlatRate) : textField("provisionBands", words.provisionBands, words.provisionBandsHint)}
        {textField("writeOffAfterDays", words.writeOffAfterDays)}
        {textField("writeOffInactiveDays", words.writeOffInactiveDays)}
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h2">{words.accountability}</Subtitle2>
        <Checkbox
          label={words.accountabilityEnabled}
          checked={form.accountabilityEnabled === "true"}
          onChange={(_, data) => set("accountabilityEnabled")(_, { value: String(data.checked === true) })}
        />
        {textField("accountabilityDailyRate", words.accountabilityDailyRate)}
        {textField("badDebtShare", words.badDebtShare, words.badDebtShareHint)}
      </section>
      {section(
        words.company,
        textField("companyName", words.companyName),
        textField("financeContact", words.financeContact),
        textField("phone", words.phone),
        textField("bankName", words.bankName),
        textField("bankAccount", words.bankAccount),
      )}
      <section className={styles.section}>
        <Subtitle2 as="h2">{words.templates}</Subtitle2>
        <div className={styles.row}>
          <Field label={words.templateStage}>
            <Select value={templateStage} onChange={(_, data) => setTemplateStage(data.value)}>
              {letterStages.map((stage) => (
                <option key={stage.id} value={stage.id}>
                  {stage.labels[lang]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={words.templateLang}>
            <Select value={templateLang} onChange={(_, data) => setTemplateLang(data.value as Lang)}>
              {LANGS.map((code) => (
                <option key={code} value={code}>
                  {strings.languages[code]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label={words.templateSubject}>
          <Input value={current.subject} onChange={(_, data) => editTemplate({ subject: data.value })} />
        </Field>
        <Field label={words.templateBody}>
          <Textarea value={current.body} rows={10} resize="vertical" onChange={(_, data) => editTemplate({ body: data.value })} />
        </Field>
        {unknownFields.length > 0 ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{fillPlaceholders(words.unknownFields, { list: unknownFields.map((name) => `{{${name}}}`).join(strings.listSeparator) })}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Text size={200} className={styles.muted}>
          {fillPlaceholders(strings.labelled, { label: words.mergeFields, value: MERGE_FIELDS.map((field) => `{{${field.name}}}`).join(" ") })}
        </Text>
      </section>
      {errors.length > 0 ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {words.invalid}
            {otherErrors.length > 0
              ? ` ${fillPlaceholders(strings.labelled, {
                  label: words.otherErrors,
                  value: otherErrors.map((error) => fillPlaceholders(strings.labelled, { label: error.field, value: problemText(error, lang) })).join(strings.clauseSeparator),
                })}`
              : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {saved ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{words.saved}</MessageBarBody>
        </MessageBar>
      ) : null}
      {loaded.fromSheet.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {words.sheetWins}
            <ul>
              {loaded.fromSheet.map((setting) => (
                <li key={setting.path}>
                  {setting.path} ({setting.cell})
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <ProblemBar problem={job.problem} dismissLabel={strings.problems.dismiss} onDismiss={job.clearProblem} />
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={job.running}>
          {words.save}
        </Button>
      </div>
    </form>
  );
}
