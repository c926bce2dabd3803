/**
 * The task pane: a TabList over Generate aging, Management report, Over-limit customers, Reminder
 * letters, Collection, Settings and Data errors, inside one error boundary. Over-limit customers,
 * Reminder letters, Collection and Settings are chunks of their own, loaded when first chosen; once
 * shown, a tab stays mounted (hidden when not chosen) so a preview or a form survives switching
 * tabs. Results of the ribbon button arrive here too.
 */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, Tab, TabList, Title3 } from "@fluentui/react-components";
import { subscribeRibbonNotices, type RibbonNotice } from "../commands/ribbon-notices";
import { RIBBON_STRINGS } from "../i18n/ribbon";
import { AgingTab } from "./components/AgingTab";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { ErrorsTab } from "./components/ErrorsTab";
import { CollectionTab, FlagsTab, LettersTab, SettingsTab } from "./components/lazy-tabs";
import { ManagementTab } from "./components/ManagementTab";
import { usePageStyles, usePaneStyles } from "./components/pane.styles";
import { fillPlaceholders } from "../i18n/fill";
import { usePane } from "./pane-context";

/** The pane's tabs, in order. */
export const TAB_IDS = ["aging", "management", "flags", "letters", "collection", "settings", "errors"] as const;
/** One of the pane's tabs. */
export type TabId = (typeof TAB_IDS)[number];

function RibbonNoticeBar({ notice }: { notice: RibbonNotice | null }): React.JSX.Element | null {
  const { strings, lang } = usePane();
  if (notice === null) return null;
  const ribbon = RIBBON_STRINGS[lang];
  return (
    <MessageBar intent={notice.ok ? "success" : notice.needsConfirmation ? "warning" : "error"} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{strings.tabs.aging}</MessageBarTitle>
        {notice.ok
          ? fillPlaceholders(ribbon.done, { list: notice.sheets.join(strings.listSeparator) })
          : notice.needsConfirmation
            ? fillPlaceholders(ribbon.confirm, { list: notice.sheets.join(strings.listSeparator) })
            : fillPlaceholders(ribbon.failed, { message: notice.message ?? "" })}
        {notice.ok || notice.needsConfirmation ? null : <div>{strings.problems.next}</div>}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Props of App. */
export interface AppProps {
  /** The tab shown first (Generate aging by default). */
  initialTab?: TabId;
}

/**
 * The pane's content; needs a PaneProvider (and a FluentProvider) above it.
 * @param props the first tab
 * @returns the pane
 * @example <PaneProvider …><App /></PaneProvider>
 */
export function App({ initialTab = "aging" }: AppProps): React.JSX.Element {
  const { strings } = usePane();
  usePageStyles();
  const styles = usePaneStyles();
  const [tab, setTab] = React.useState<TabId>(initialTab);
  // Tabs whose code is a chunk of its own mount when first chosen (their chunk loads then) and stay mounted.
  const [opened, setOpened] = React.useState<ReadonlySet<TabId>>(() => new Set([initialTab]));
  const choose = (id: TabId) => {
    setTab(id);
    setOpened((earlier) => (earlier.has(id) ? earlier : new Set([...earlier, id])));
  };
  const [notice, setNotice] = React.useState<RibbonNotice | null>(null);
  React.useEffect(() => subscribeRibbonNotices(setNotice), []);

  const panel = (id: TabId, content: React.ReactNode) => (
    <div role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={tab !== id}>
      {content}
    </div>
  );
  return (
    <main className={styles.root}>
      <Title3 as="h1">{strings.appTitle}</Title3>
      <ErrorBoundary title={strings.problems.title} advice={strings.problems.boundary}>
        <RibbonNoticeBar notice={notice} />
        <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, data) => choose(data.value as TabId)} size="small">
          {TAB_IDS.map((id) => (
            <Tab key={id} id={`tab-${id}`} value={id} aria-controls={`panel-${id}`}>
              {strings.tabs[id]}
            </Tab>
          ))}
        </TabList>
        {panel("aging", <AgingTab />)}
        {panel("management", <ManagementTab />)}
        {panel("flags", opened.has("flags") && <FlagsTab />)}
        {panel("letters", opened.has("letters") && <LettersTab />)}
        {panel("collection", opened.has("collection") && <CollectionTab />)}
        {panel("settings", opened.has("settings") && <SettingsTab active={tab === "settings"} />)}
        {panel("errors", <ErrorsTab />)}
      </ErrorBoundary>
    </main>
  );
}

export default App;
