/** Task pane bootstrap: waits for Office once, then renders the app inside Fluent's provider. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";

/**
 * Renders the pane into #root. Exported so that a test can mount it without Office.
 * @param container - the element to render into.
 */
export function renderPane(container: HTMLElement): void {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
}

Office.onReady(() => {
  const container = document.getElementById("root");
  if (container) renderPane(container);
});
