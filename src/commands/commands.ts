/**
 * Ribbon command handlers. In the shared runtime they live in the task pane's page, so they are
 * registered under the manifest's FunctionName once Office is ready; Office.js itself is reached
 * through the commands host (src/workbook/office/commands-host.ts).
 */
import { createCommandsHost, type RibbonEvent } from "../workbook/office/commands-host";
import { runAgingFromRibbon } from "./ribbon";

const host = createCommandsHost();

/**
 * Opens the receivables task pane (same page, same runtime).
 * @param event - the ribbon event; completed once the pane is shown, or when showing it fails.
 */
export async function openPane(event?: RibbonEvent): Promise<void> {
  try {
    await host.showPane();
  } finally {
    event?.completed();
  }
}

/**
 * "Generate aging" button: runs the aging job on the active workbook.
 * @param event - the ribbon event; the job completes it.
 */
export function generateAging(event: RibbonEvent): Promise<void> {
  return runAgingFromRibbon(event);
}

host.whenReady(() => {
  host.associate("generateAging", generateAging);
  host.associate("openPane", openPane);
});
