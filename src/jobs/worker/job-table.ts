/**
 * The jobs the worker runs, by name: the pane asks for a job by its name, the worker looks the
 * function up here. A new job joins by one line in JOBS (and one in the pane's list of the jobs it
 * runs, src/taskpane/job-host.ts, which names them without loading this table); nothing else in
 * the protocol changes.
 */
import { runCollection } from "../collection";
import { runAging, runFlags, runLetters } from "../jobs";
import { runManagementReport } from "../management-job";

/** Every job the worker can run. */
export const JOBS = { runAging, runFlags, runLetters, runManagementReport, runCollection };

/** A job's name. */
export type JobName = keyof typeof JOBS;
