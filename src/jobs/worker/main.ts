/**
 * Entry of the jobs worker (dist/jobs-worker.js): the workbook jobs, off the pane's thread. The
 * task pane starts it (job-host.ts) and talks to it as protocol.ts says; the worker
 * rehearses a job on a made-up ledger before it says it is ready (rehearsal.ts).
 */
import type { Port } from "./protocol";
import { rehearse } from "./rehearsal";
import { serveJobs } from "./serve";

serveJobs(self as unknown as Port, rehearse);
