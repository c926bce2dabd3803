/**
 * The pane's job host in React's context: the page's (src/jobs/worker/job-host.ts) where
 * index.tsx provides it, else every job on the pane's thread (tests).
 */
import * as React from "react";
import { IN_THREAD, type JobHost } from "../jobs/worker/job-host";

export type { JobHost, JobOptionsOf, JobResultOf } from "../jobs/worker/job-host";

/** The pane's job host: on the pane's thread unless index.tsx provides the page's. */
export const JobHostContext = React.createContext<JobHost>(IN_THREAD);
