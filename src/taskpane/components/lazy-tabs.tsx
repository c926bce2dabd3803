/**
 * The tabs whose code loads the first time they are rendered (Over-limit customers, Reminder
 * letters, Collection, Settings): each is a separate chunk of the build, so the pane bundle stays
 * within its size budget. Same props and names as the tabs themselves; App renders each the first
 * time it is chosen and keeps it mounted after that.
 */
import * as React from "react";
import { ProgressBar } from "@fluentui/react-components";
import { usePane } from "../pane-context";
import type { SettingsTabProps } from "./SettingsTab";

const LazyFlags = React.lazy(() => import(/* webpackChunkName: "flags" */ "./FlagsTab").then((module) => ({ default: module.FlagsTab })));
const LazyLetters = React.lazy(() => import(/* webpackChunkName: "letters" */ "./LettersTab").then((module) => ({ default: module.LettersTab })));
const LazyCollection = React.lazy(() => import(/* webpackChunkName: "collection" */ "./collection/CollectionTab"));
const LazySettings = React.lazy(() => import(/* webpackChunkName: "settings" */ "./SettingsTab").then((module) => ({ default: module.SettingsTab })));

/**
 * The Over-limit customers tab, loaded on first render.
 * @returns the tab (nothing while its code loads)
 * @example <FlagsTab />
 */
export function FlagsTab(): React.JSX.Element {
  return (
    <React.Suspense fallback={null}>
      <LazyFlags />
    </React.Suspense>
  );
}

/**
 * The Reminder letters tab, loaded on first render.
 * @returns the tab (nothing while its code loads)
 * @example <LettersTab />
 */
export function LettersTab(): React.JSX.Element {
  return (
    <React.Suspense fallback={null}>
      <LazyLetters />
    </React.Suspense>
  );
}

/**
 * The Collection tab, loaded on first render; a progress bar while its code loads.
 * @returns the tab
 * @example <CollectionTab />
 */
export function CollectionTab(): React.JSX.Element {
  const { strings } = usePane();
  return (
    <React.Suspense fallback={<ProgressBar aria-label={strings.tabs.collection} />}>
      <LazyCollection />
    </React.Suspense>
  );
}

/**
 * The Settings tab, loaded on first render.
 * @param props whether the tab is shown
 * @returns the tab (nothing while its code loads)
 * @example <SettingsTab active={tab === "settings"} />
 */
export function SettingsTab(props: SettingsTabProps): React.JSX.Element {
  return (
    <React.Suspense fallback={null}>
      <LazySettings {...props} />
    </React.Suspense>
  );
}
