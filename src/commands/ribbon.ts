/**
 * The ribbon's runner of the aging job. The button runs `runAging` over the Office adapter through
 * the page's job host, without the pane: in the jobs worker where the page has workers (the same
 * host and spare worker as the pane's, src/jobs/worker/job-host.ts), so a million rows never hold
 * the shared runtime's thread; else on that thread. Excel has no notification API for add-in commands (the
 * mailbox's notification messages are Outlook-only), so the documented way to tell the user is
 * the shared runtime itself: the result is published to the pane, which lives in the same page
 * and shows it in a MessageBar (words in src/i18n/ribbon.ts), and the commands host brings the
 * pane up. `event.completed()` is called last, whatever happened. Office.js is reached only
 * through src/workbook/office (the adapter and commands-host.ts).
 *
 * The button never replaces a sheet without asking: when the add-in's own sheets of the same
 * date are already there (an earlier run today), nothing is written; the pane is shown with a
 * message, and its Generate aging button asks before it replaces them.
 */
import { languageOfLocale } from "../i18n/language";
import { pageJobHost, type JobHost } from "../jobs/worker/job-host";
import { fromLocalDate } from "../rules/dates";
import type { DayNumber, Lang } from "../rules/types";
import type { WorkbookAdapter } from "../workbook/adapter-types";
import { OfficeAdapter } from "../workbook/office/adapter";
import { createCommandsHost, type CommandsHost, type RibbonEvent } from "../workbook/office/commands-host";
import { publish } from "./ribbon-notices";

export { subscribeRibbonNotices, type RibbonNotice } from "./ribbon-notices";

/** What runAgingFromRibbon needs; each part injectable for tests. */
export interface RibbonDeps {
  adapter(): WorkbookAdapter;
  /** The report date: today in the user's time zone. */
  today(): DayNumber;
  lang(): Lang;
  /** Shows the task pane. */
  showPane(): Promise<void>;
  /** How the job runs (default: the page's job host, in the jobs worker where there are workers). */
  jobs?(): JobHost;
}

function defaultDeps(host: CommandsHost = createCommandsHost()): RibbonDeps {
  return {
    adapter: () => new OfficeAdapter(),
    today: () => fromLocalDate(new Date()),
    lang: () => languageOfLocale(host.displayLanguage()),
    showPane: () => host.showPane(),
  };
}

/**
 * Runs "generate aging" from the ribbon as of today, tells the pane the outcome, shows the pane,
 * and completes the event whatever happens.
 * @param event the ribbon event Office passed the command
 * @param deps adapter, clock, language and pane (defaults: OfficeAdapter, local today, Office's language, the task pane)
 * @returns resolves once the event is completed
 * @example host.associate("generateAging", (event) => runAgingFromRibbon(event));
 */
export async function runAgingFromRibbon(event: RibbonEvent, deps: RibbonDeps = defaultDeps()): Promise<void> {
  let lang: Lang = "zh-CN";
  try {
    lang = deps.lang();
    const jobs = deps.jobs?.() ?? pageJobHost();
    // One run: the job asks before it would replace the add-in's earlier sheets, and the button
    // declines (the pane's Generate aging asks the user instead).
    let replaceable: string[] = [];
    const confirmReplace = async (sheets: { sheetName: string }[]): Promise<boolean> => {
      replaceable = sheets.map((sheet) => sheet.sheetName);
      return false;
    };
    const computed = await jobs.run("runAging", deps.adapter(), { asOf: deps.today(), lang, confirmReplace });
    if (replaceable.length > 0) publish({ ok: false, needsConfirmation: true, lang, sheets: replaceable, summary: computed.summary });
    else publish({ ok: true, lang, sheets: computed.sheets, summary: computed.summary });
  } catch (error) {
    publish({ ok: false, lang, sheets: [], summary: [], message: error instanceof Error ? error.message : String(error) });
  }
  try {
    await deps.showPane();
  } catch {
    // The pane cannot be shown (e.g. no shared runtime): the result still waits for it.
  } finally {
    event.completed();
  }
}
