/**
 * The jobs the worker runs, by name: the pane asks for a job by its name, the worker looks the
 * function up here. A new job joins by one line in JOBS; nothing else in the protocol changes.
 */
import { runAging, runFlags, runLetters } from "../jobs";
import { runManagementReport } from "../management-job";

/** Every job the worker can run. */
export const JOBS = { runAging, runFlags, runLetters, runManagementReport };

/** A job's name. */
export type JobName = keyof typeof JOBS;

/**
 * The name a job function is listed under, if it is.
 * @param job a job function, such as runAging
 * @returns its name in JOBS, or undefined for a function not listed
 * @example jobName(runAging) // "runAging"
 */
export function jobName(job: unknown): JobName | undefined {
  return (Object.keys(JOBS) as JobName[]).find((name) => JOBS[name] === job);
}
