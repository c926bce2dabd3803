/** The task pane's root component. Minimal for now: the add-in's name and version. */
import * as React from "react";
import { Body1, Caption1, Title3 } from "@fluentui/react-components";

/** Name shown in the pane; matches the manifest's zh-CN display name. */
export const ADDIN_NAME = "应收账款助手";
/** Version shown in the pane; matches the manifest's Version. */
export const ADDIN_VERSION = "1.0.0";

/**
 * The pane's content. Takes no props.
 * @returns the heading with the add-in's name and version.
 */
export function App(): React.JSX.Element {
  return (
    <main>
      <Title3 as="h1">{ADDIN_NAME}</Title3>
      <Body1 as="p">Receivables Assistant</Body1>
      <Caption1>v{ADDIN_VERSION}</Caption1>
    </main>
  );
}

export default App;
