/**
 * Task pane bootstrap: waits for Office once, picks language and theme from Office, then renders
 * the pane with the Office adapter and host, its jobs run in the jobs worker (dist/jobs-worker.js)
 * where the webview has Web Workers. `renderPane` is exported so a test host can mount the same
 * tree over the Excel stand-in.
 */
import { createRoot, type Root } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { languageOfLocale } from "../i18n/language";
import { fromLocalDate } from "../rules/dates";
import { OfficeAdapter } from "../workbook/office/adapter";
import { App } from "./App";
import { IN_THREAD, pageJobHost, type JobHost } from "../jobs/worker/job-host";
import { JobHostContext } from "./job-host";
import { createOfficeHost, whenOfficeReady, type OfficeHost } from "./office-host";
import { PaneProvider, type PaneWorkbook } from "./pane-context";
import { paneTheme } from "./theme";

/** What the pane is rendered over. */
export interface PaneDeps {
  workbook: PaneWorkbook;
  host: OfficeHost;
  /** Today; the local date by default. */
  now?: Date;
  /** How jobs run; on the pane's thread by default. */
  jobs?: JobHost;
}

/**
 * Renders the pane into an element: language and theme from the host, FluentProvider, PaneProvider, App.
 * @param container the element to render into
 * @param deps the workbook adapter, the Office host, and how jobs run
 * @returns the React root
 * @example renderPane(document.getElementById("root")!, { workbook: new OfficeAdapter(), host: createOfficeHost() });
 */
export function renderPane(container: HTMLElement, deps: PaneDeps): Root {
  const lang = languageOfLocale(deps.host.displayLanguage());
  const theme = paneTheme(deps.host.bodyBackgroundColor());
  document.documentElement.lang = lang;
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={theme} lang={lang}>
      <JobHostContext.Provider value={deps.jobs ?? IN_THREAD}>
        <PaneProvider workbook={deps.workbook} host={deps.host} lang={lang} today={fromLocalDate(deps.now ?? new Date())}>
          <App />
        </PaneProvider>
      </JobHostContext.Provider>
    </FluentProvider>,
  );
  return root;
}

whenOfficeReady(() => {
  const container = document.getElementById("root");
  // Webviews without workers run the jobs on the pane's thread, yielding between phases; the
  // ribbon's button shares the page's host (and its spare worker).
  if (container) renderPane(container, { workbook: new OfficeAdapter(), host: createOfficeHost(), jobs: pageJobHost() });
});
