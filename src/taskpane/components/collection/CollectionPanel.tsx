/**
 * The Collection tab's place in the pane bundle: its screens are a separate chunk, loaded the
 * first time the tab is chosen (the pane bundle stays within its size budget) and kept mounted
 * after that, like the other tabs, so a half-filled form survives switching tabs.
 */
import * as React from "react";
import { ProgressBar } from "@fluentui/react-components";
import { usePane } from "../../pane-context";

const CollectionTab = React.lazy(() => import(/* webpackChunkName: "collection" */ "./CollectionTab"));

/** Props of CollectionPanel. */
export interface CollectionPanelProps {
  /** Whether the Collection tab is the one chosen. */
  active: boolean;
}

/**
 * The Collection tab, loaded on first use.
 * @param props whether the tab is chosen
 * @returns nothing until the tab was first chosen, then the tab
 * @example <CollectionPanel active={tab === "collection"} />
 */
export function CollectionPanel({ active }: CollectionPanelProps): React.JSX.Element | null {
  const { strings } = usePane();
  const [opened, setOpened] = React.useState(active);
  // Derived during render (React's pattern for state that follows a prop): once opened, stays open.
  if (active && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <React.Suspense fallback={<ProgressBar aria-label={strings.tabs.collection} />}>
      <CollectionTab />
    </React.Suspense>
  );
}
