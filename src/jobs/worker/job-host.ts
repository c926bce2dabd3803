/**
 * How the add-in's page runs a workbook job — for the pane and for the ribbon's button alike: in
 * the jobs worker where the host has Web Workers — the reading into the ledger, the rules and the
 * sheet plans then never hold the page's thread — else on the page's own thread, as the command
 * line runs it. Jobs go by their names in the worker's job table, so the page's own scripts carry
 * none of them: on the page's thread the table is loaded on first use, as a chunk of its own. Each
 * run takes a worker started beforehand and ends it when the job is done or cancelled; Cancel
 * ends it at once. No React here: the ribbon's bundle uses it too.
 */
import { labelsFor } from "../../i18n/labels";
import { JobCancelledError } from "../job-errors";
import type { JobOptions } from "../jobs";
import type { JobName, JOBS } from "./job-table";
import { isPieceWise, runInWorker } from "./pane-side";
import type { Port } from "./protocol";
import type { WorkbookAdapter } from "../../workbook/adapter-types";

/** The options a job takes, by its name in the job table. */
export type JobOptionsOf<N extends JobName> = Parameters<(typeof JOBS)[N]>[1];

/** What a job resolves to, by its name in the job table. */
export type JobResultOf<N extends JobName> = Awaited<ReturnType<(typeof JOBS)[N]>>;

/** How the pane runs a job. */
export interface JobHost {
  /**
   * Runs the job of that name over the adapter, in the worker when it can.
   * @returns the job's result (from the worker: without each customer's open invoices and the detail sheet's cells, see transfer.ts)
   */
  run<N extends JobName>(job: N, adapter: WorkbookAdapter, options: JobOptionsOf<N>): Promise<JobResultOf<N>>;
}

/**
 * Runs a job on the pane's thread, the job table loaded on first use (a chunk the pane's script
 * does not carry; the browser keeps it once loaded).
 */
async function runHere<N extends JobName>(job: N, adapter: WorkbookAdapter, options: JobOptionsOf<N>): Promise<JobResultOf<N>> {
  const { JOBS: table } = await import(/* webpackChunkName: "jobs" */ "./job-table");
  const run = table[job] as unknown as (adapter: WorkbookAdapter, options: JobOptionsOf<N>) => Promise<JobResultOf<N>>;
  return run(adapter, options);
}

/** Runs every job on the pane's thread (hosts without workers, tests). */
export const IN_THREAD: JobHost = { run: runHere };

/** What the job host needs of a Worker. */
export interface WorkerLike extends Port {
  addEventListener(type: "message" | "error", listener: (event: MessageEvent) => void): void;
  terminate(): void;
}

/** A worker started ahead of its run, and whether it has said it is ready. */
interface Started {
  worker: WorkerLike;
  /** Settles when the worker reports ready (true) or fails before that (false). */
  loaded: Promise<boolean>;
  /** Rejects when the worker fails after loading (an uncaught error, out of memory). */
  crashed: Promise<never>;
}

function startWorker(start: () => WorkerLike): Started | null {
  let worker: WorkerLike;
  try {
    worker = start();
  } catch {
    return null;
  }
  let ready = false;
  let loaded!: (ok: boolean) => void;
  let crash!: (error: Error) => void;
  const started: Started = {
    worker,
    loaded: new Promise<boolean>((resolve) => (loaded = resolve)),
    crashed: new Promise<never>((_, reject) => (crash = reject)),
  };
  started.crashed.catch(() => undefined);
  worker.addEventListener("message", (event) => {
    if (!ready && (event.data as { kind?: string } | null)?.kind === "ready") {
      ready = true;
      loaded(true);
    }
  });
  worker.addEventListener("error", (event) => {
    if (!ready) loaded(false);
    else crash(new Error((event as unknown as ErrorEvent).message || "the jobs worker stopped"));
  });
  return started;
}

/** Rejects when the signal fires, with the job's own cancelled error. */
function whenCancelled(signal: AbortSignal | undefined, options: Pick<JobOptions, "lang">): Promise<never> {
  return new Promise((_, reject) => {
    const cancelled = () => reject(new JobCancelledError(labelsFor(options.lang).jobErrors.cancelled));
    if (signal?.aborted) cancelled();
    else signal?.addEventListener("abort", cancelled, { once: true });
  });
}

/**
 * A job host over workers made by `start`: one is started at once, so that a run finds it loaded;
 * a worker that cannot load (no worker support, a blocked script) sends every run to the pane's
 * thread.
 * @param start makes a worker, such as () => new Worker("jobs-worker.js")
 * @returns the job host
 * @example const host = workerJobHost(() => new Worker("jobs-worker.js")); await host.run("runAging", adapter, options);
 */
export function workerJobHost(start: () => WorkerLike): JobHost {
  let broken = false;
  let spare = startWorker(start);
  return {
    async run<N extends JobName>(job: N, adapter: WorkbookAdapter, options: JobOptionsOf<N>): Promise<JobResultOf<N>> {
      if (!isPieceWise(adapter) || broken) return runHere(job, adapter, options);
      const started = spare ?? startWorker(start);
      spare = null;
      const cancelled = whenCancelled(options.signal, options);
      let loaded: boolean;
      try {
        loaded = started !== null && (await Promise.race([started.loaded, cancelled]));
      } catch (error) {
        spare ??= started;
        throw error;
      }
      if (started === null || !loaded) {
        broken = true;
        started?.worker.terminate();
        return runHere(job, adapter, options);
      }
      try {
        return await Promise.race([runInWorker<JobResultOf<N>>(started.worker, job, adapter, options), cancelled, started.crashed]);
      } finally {
        started.worker.terminate();
        spare ??= startWorker(start);
      }
    },
  };
}

/** The worker's script, beside the page (webpack.config.js builds it). */
export const JOBS_WORKER_URL = "jobs-worker.js";

const PAGE_HOST_KEY = Symbol.for("ar-addin.page-job-host");

/**
 * The page's one job host, shared by the pane and the ribbon's button: the commands and the pane
 * are separate bundles on one shared-runtime page, so the host is kept on the page under a global
 * symbol — one spare worker for both. In the jobs worker where the page has Web Workers, else on
 * the page's thread.
 * @param start makes a worker (default: the jobs worker's script beside the page)
 * @returns the page's job host, made on first use
 * @example await pageJobHost().run("runAging", new OfficeAdapter(), { asOf, lang: "zh-CN" });
 */
export function pageJobHost(start?: () => WorkerLike): JobHost {
  const scope = globalThis as unknown as Record<symbol, JobHost | undefined>;
  const make = start ?? (typeof Worker === "function" ? () => new Worker(JOBS_WORKER_URL) as unknown as WorkerLike : null);
  return (scope[PAGE_HOST_KEY] ??= make ? workerJobHost(make) : IN_THREAD);
}
