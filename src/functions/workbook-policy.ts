/**
 * The policy the worksheet functions follow: the workbook's own — its settings sheet and the
 * settings the pane saves, resolved exactly as the jobs resolve them — loaded once and loaded again
 * after the settings change, when the add-in's formulas are recalculated. Where the workbook cannot
 * be read (no host, or a host without the APIs) the default policy applies.
 *
 * The functions, the pane and the ribbon are separate bundles on one shared-runtime page, each with
 * its own copy of this module: the loaded policy lives in one object on the page, found by a
 * global symbol, so that the pane's "settings saved" reaches the functions' copy.
 */
import { languageOfLocale } from "../i18n/language";
import { DEFAULT_POLICY } from "../rules/policy";
import type { Policy } from "../rules/policy-types";
import type { Lang } from "../rules/types";
import type { FunctionHost } from "../workbook/office/function-host";
import { workbookPolicy } from "../workbook/settings-policy";

/** The page's one copy: the host, and the policy loaded or being loaded. */
interface PolicyOnPage {
  host: FunctionHost | null;
  policy: Promise<Policy> | null;
}

const PAGE_KEY = Symbol.for("ar-addin.function-policy");

function onPage(): PolicyOnPage {
  const scope = globalThis as unknown as Record<symbol, PolicyOnPage | undefined>;
  return (scope[PAGE_KEY] ??= { host: null, policy: null });
}

/** The workbook's policy over the default; null when the host cannot read the workbook. */
async function loadPolicy(host: FunctionHost): Promise<Policy | null> {
  const workbook = await host.readSettings();
  return workbook === null ? null : workbookPolicy(workbook, DEFAULT_POLICY);
}

/**
 * Makes the functions follow a host's workbook, and its settings sheet's edits (the shared runtime
 * does this once at start; tests pass a host over the Excel stand-in, or null for the default policy).
 * @param host the Office calls of the functions, or null for none
 * @example followWorkbook(globalFunctionHost());
 */
export function followWorkbook(host: FunctionHost | null): void {
  const page = onPage();
  page.host = host;
  page.policy = null;
  // Without worksheet events (older Excel) the sheet's edits show after the next save in the pane.
  host?.watchSettingsSheet(() => void settingsChanged()).catch(() => undefined);
}

/**
 * The policy for a function call: the workbook's, loaded by the first call and shared by the calls
 * after it until the settings change. A failed load gives the default policy for this call and is
 * tried again by the next one; a host that cannot read the workbook keeps the default.
 * @returns the policy
 * @example const policy = await functionPolicy(); policy.interest.dailyRate.toString() // "0.001" in a workbook whose 设置 sets it
 */
export function functionPolicy(): Promise<Policy> {
  const page = onPage();
  const host = page.host;
  if (host === null) return Promise.resolve(DEFAULT_POLICY);
  if (page.policy === null) {
    const loading = loadPolicy(host).then(
      (policy) => policy ?? DEFAULT_POLICY,
      () => {
        if (page.policy === loading) page.policy = null;
        return DEFAULT_POLICY;
      },
    );
    page.policy = loading;
  }
  return page.policy;
}

/**
 * The settings changed (the pane saved them, or the settings sheet was edited): the next call
 * loads the policy again, and the add-in's formulas are recalculated so that every cell follows.
 * Without a host (tests of the pane, the command line) it does nothing.
 * @returns once the recalculation was sent
 * @example await workbook.writeSettings(record); await settingsChanged();
 */
export async function settingsChanged(): Promise<void> {
  const page = onPage();
  page.policy = null;
  await page.host?.recalculate();
}

/**
 * The language of the functions' #VALUE! messages: the host's display language, English where the
 * host does not say.
 * @returns the language
 * @example functionLanguage() // "zh-TW" in Excel whose display language is zh-HK
 */
export function functionLanguage(): Lang {
  const locale = onPage().host?.displayLanguage();
  return locale === undefined ? "en" : languageOfLocale(locale);
}
