/**
 * Entry of the jobs worker (dist/jobs-worker.js): the workbook jobs, off the pane's thread. The
 * task pane starts it (src/taskpane/job-runner.ts) and talks to it as protocol.ts says.
 */
import type { Port } from "./protocol";
import { serveJobs } from "./serve";

serveJobs(self as unknown as Port);
