/**
 * The tabs whose code loads the first time they are rendered (Over-limit customers, Reminder
 * letters, Settings): each is a separate chunk of the build, so the pane bundle stays within its
 * size budget. Same props and names as the tabs themselves, so App does not change.
 */
import * as React from "react";
import type { SettingsTabProps } from "./SettingsTab";

const LazyFlags = React.lazy(() => import(/* webpackChunkName: "flags" */ "./FlagsTab").then((module) => ({ default: module.FlagsTab })));
const LazyLetters = React.lazy(() => import(/* webpackChunkName: "letters" */ "./LettersTab").then((module) => ({ default: module.LettersTab })));
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
