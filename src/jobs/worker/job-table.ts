/**
 * The jobs the worker runs, by name: the pane asks for a job by its name, the worker looks the
 * function up here. A new job joins by one line in JOBS (and one in the pane's list of the jobs it
 * runs, src/jobs/worker/job-host.ts, which names them without loading this table); nothing else in
 * the protocol changes.
 */
import type { ContactInput } from "../../rules/contact";
import type { WorkbookAdapter } from "../../workbook/adapter-types";
import { runCollection } from "../collection";
import { runAging, runFlags, runLetters } from "../jobs";
import { runLogContact, type LogContactOptions, type LogContactResult } from "../log-contact";
import { runManagementReport } from "../management-job";
import { runStatements } from "../statements";

/**
 * `runLogContact` as the table runs jobs, (adapter, options): the contact among the options.
 * @example await JOBS.logContact(adapter, { contact, lang: "zh-CN" })
 */
function logContact(adapter: WorkbookAdapter, options: LogContactOptions & { contact: ContactInput }): Promise<LogContactResult> {
  const { contact, ...rest } = options;
  return runLogContact(adapter, contact, rest);
}

/** Every job the worker can run. */
export const JOBS = { runAging, runFlags, runLetters, runManagementReport, runCollection, logContact, runStatements };

/** A job's name. */
export type JobName = keyof typeof JOBS;
