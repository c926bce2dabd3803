/**
 * Ribbon command handlers. In the shared runtime they live in the task pane's page, so they are
 * registered with Office.actions.associate (the manifest's FunctionName) once Office is ready.
 */
import { runAgingFromRibbon } from "../jobs/ribbon";

/**
 * Opens the receivables task pane (same page, same runtime).
 * @param event - the ribbon event; completed once the pane is shown, or when showing it fails.
 */
export async function openPane(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event?.completed();
  }
}

/**
 * "Generate aging" button: runs the aging job on the active workbook.
 * @param event - the ribbon event; the job completes it.
 */
export function generateAging(event: Office.AddinCommands.Event): Promise<void> {
  return runAgingFromRibbon(event);
}

Office.onReady(() => {
  Office.actions.associate("generateAging", generateAging);
  Office.actions.associate("openPane", openPane);
});
