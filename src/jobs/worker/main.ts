/**
 * Entry of the jobs worker (dist/jobs-worker.js): the workbook jobs, off the pane's thread. The
 * task pane starts it (job-host.ts) and talks to it as protocol.ts says; while it waits for its
 * run, the worker rehearses a job on a made-up ledger (rehearsal.ts).
 */
import type { Port } from "./protocol";
import { rehearse } from "./rehearsal";
import { serveJobs } from "./serve";

serveJobs(self as unknown as Port, rehearse);
