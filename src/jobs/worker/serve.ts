/**
 * The worker's side: waits for the pane's "run", runs the named job from the job table over the
 * pane's adapter (pane-adapter.ts), with the options' functions (progress, asking before a
 * replace) calling back into the pane, and posts the result for the pane (transfer.ts, its long
 * arrays in slices ahead of it: result-parts.ts) or the error. Cancelling is the pane's: it ends the worker.
 */
import type { JobOptions } from "../jobs";
import { JOBS, type JobName } from "./job-table";
import { paneAdapter } from "./pane-adapter";
import { PaneLink } from "./pane-link";
import type { Port, ToWorker } from "./protocol";
import { sendInParts } from "./result-parts";
import { errorToPlain, fromPlain, paneCopy, toPlain } from "./transfer";

/** Runs one job and posts how it ended. */
async function runJob(link: PaneLink, message: Extract<ToWorker, { kind: "run" }>): Promise<void> {
  try {
    const job = JOBS[message.job as JobName] as ((adapter: unknown, options: JobOptions) => Promise<unknown>) | undefined;
    if (job === undefined) throw new Error(`no job named "${message.job}"`);
    const options = fromPlain(message.options) as Record<string, unknown>;
    for (const name of message.callbacks) options[name] = (...args: unknown[]) => link.invoke("option", name, args);
    const result = await job(paneAdapter(link, message.methods), options as unknown as JobOptions);
    // Long arrays go ahead in slices, so that no one message holds the pane's thread.
    const skeleton = sendInParts(toPlain(paneCopy(result)), (part) => link.send({ kind: "part", ...part }));
    link.send({ kind: "done", result: skeleton });
  } catch (error) {
    link.send({ kind: "failed", error: errorToPlain(error) });
  }
}

/**
 * Serves jobs on a channel: one "run", and the messages about its calls.
 * @param port the worker's scope (or a MessagePort in tests)
 * @example serveJobs(self as unknown as Port); // in the worker's entry
 */
export function serveJobs(port: Port): void {
  const link = new PaneLink(port);
  port.addEventListener("message", (event) => {
    const message = event.data as ToWorker;
    if (!link.receive(message) && message.kind === "run") void runJob(link, message);
  });
  link.send({ kind: "ready" });
}
