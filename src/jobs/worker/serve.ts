/**
 * The worker's side: waits for the pane's "run", runs the named job from the job table over the
 * pane's adapter (pane-adapter.ts), with the options' functions (progress, asking before a
 * replace) calling back into the pane, and posts the result for the pane (transfer.ts, its long
 * arrays in slices ahead of it: result-parts.ts) or the error. Cancelling is the pane's: it ends the worker.
 */
import type { JobOptions, JobResult } from "../jobs";
import { JOBS, type JobName } from "./job-table";
import { paneAdapter } from "./pane-adapter";
import { PaneLink } from "./pane-link";
import type { Port, ToWorker } from "./protocol";
import { PART_ITEMS, sendInParts, type ResultPart } from "./result-parts";
import { errorToPlain, fromPlain, paneCopy, toPlain } from "./transfer";

/**
 * Sends results as they cross: their long arrays go ahead in slices (so that no one message holds
 * the pane's thread); what is left of each, with markers where they were, is the result to send
 * last. The slices of every result sent on one run are numbered apart.
 */
function resultSender(link: PaneLink): (result: unknown) => Record<string, unknown> {
  let nextPart = 0;
  const send = (part: ResultPart): void => {
    nextPart = Math.max(nextPart, part.part + 1);
    link.send({ kind: "part", ...part });
  };
  return (result) => sendInParts(toPlain(paneCopy(result)), send, PART_ITEMS, nextPart) as Record<string, unknown>;
}

/** Runs one job and posts how it ended. */
async function runJob(link: PaneLink, message: Extract<ToWorker, { kind: "run" }>): Promise<void> {
  try {
    const job = JOBS[message.job as JobName] as ((adapter: unknown, options: JobOptions) => Promise<unknown>) | undefined;
    if (job === undefined) throw new Error(`no job named "${message.job}"`);
    const options = fromPlain(message.options) as Record<string, unknown>;
    for (const name of message.callbacks) options[name] = (...args: unknown[]) => link.invoke("option", name, args);
    // A result given before the write ends goes ahead while the last syncs travel; the job then
    // returns that same result with only its sheets set (phases.ts writeWithResult).
    const sendAhead = resultSender(link);
    let ahead: { result: JobResult; rest: Record<string, unknown> } | undefined;
    options.onResultAhead = (result: JobResult) => {
      ahead = { result, rest: sendAhead(result) };
    };
    const result = await job(paneAdapter(link, message.methods), options as unknown as JobOptions);
    const rest = ahead !== undefined && ahead.result === result ? { ...ahead.rest, sheets: [...ahead.result.sheets] } : sendAhead(result);
    link.send({ kind: "done", result: rest });
  } catch (error) {
    link.send({ kind: "failed", error: errorToPlain(error) });
  }
}

/**
 * Serves jobs on a channel: one "run", and the messages about its calls.
 * @param port the worker's scope (or a MessagePort in tests)
 * @param rehearse run once "ready" is posted, while no run has come (rehearsal.ts); it is told to
 *   stop when one comes, and stops at its next step
 * @example serveJobs(self as unknown as Port, rehearse); // in the worker's entry
 */
export function serveJobs(port: Port, rehearse?: (stopped: () => boolean) => Promise<unknown>): void {
  const link = new PaneLink(port);
  let ran = false;
  port.addEventListener("message", (event) => {
    const message = event.data as ToWorker;
    if (link.receive(message) || message.kind !== "run") return;
    ran = true;
    void runJob(link, message);
  });
  link.send({ kind: "ready" });
  // A rehearsal that fails is no failure of the worker: it only ends sooner.
  void rehearse?.(() => ran).catch(() => undefined);
}
