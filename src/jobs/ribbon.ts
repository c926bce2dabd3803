/**
 * Ribbon entry point of the aging job.
 *
 * MINIMAL PLACEHOLDER written with the ribbon command wiring: it only completes the event so the
 * button never hangs. The jobs owner replaces the body with runAging over the Office adapter.
 */

/**
 * Runs "generate aging" from the ribbon and completes the event whatever happens.
 * @param event - the ribbon event passed by Office.actions.associate.
 */
export async function runAgingFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  event.completed();
}
