/**
 * Running a job from the pane: one AbortController per run, progress for the ProgressBar, the
 * job itself through the pane's job host (job-host.ts: in the jobs worker where there are workers), and
 * every failure turned into a problem the pane shows in a MessageBar with what to do next.
 */
import * as React from "react";
import type { JobName } from "../jobs/worker/job-table";
import type { Progress, WorkbookAdapter } from "../workbook/adapter-types";
import { fillPlaceholders } from "../i18n/fill";
import type { PaneStrings } from "../i18n/pane";
import { JobHostContext, type JobOptionsOf, type JobResultOf } from "./job-host";

/** Headers seen in the row that looked most like the invoices header (LedgerNotFoundError). */
export interface HeadersSeen {
  sheet: string;
  row: number;
  headers: string[];
}

/** A failure as the pane shows it. */
export interface Problem {
  intent: "error" | "info";
  title: string;
  message: string;
  /** What the user can do next; absent when the message already says it. */
  next?: string;
  /** Set when the invoices table could not be found: the pane offers the column mapping. */
  mapping?: { headersSeen: HeadersSeen | null; expected: string[] };
}

/** What a task receives: the run's signal, a progress sink, and the way to run a workbook job. */
export interface JobControl {
  signal: AbortSignal;
  onProgress(progress: Progress): void;
  /**
   * Runs the job of that name, such as "runAging" — in the jobs worker when the pane has one —
   * with these options (pass the signal and the progress sink in them, as to the job itself).
   */
  runJob<N extends JobName>(job: N, adapter: WorkbookAdapter, options: JobOptionsOf<N>): Promise<JobResultOf<N>>;
}

/**
 * The progress of the job running, kept outside React's state: the bar alone re-renders as a job
 * moves (JobProgress, useProgress), not the tab around it. Drawing the steps is work on the pane's
 * thread between the job's syncs (at 100,000 invoices ≈ 25 ms when every whole percent was drawn),
 * so useJob also shows a step at most every BAR_STEP_MS.
 */
export class ProgressStore {
  private value: Progress | null = null;
  private readonly listeners = new Set<() => void>();

  /** The progress now: null when no job runs. */
  readonly get = (): Progress | null => this.value;

  /** Calls `listener` at each change; returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Sets the progress and tells the subscribers. */
  set(next: Progress | null): void {
    if (next === this.value) return;
    this.value = next;
    for (const listener of this.listeners) listener();
  }
}

/**
 * The progress of a store, re-rendering the component that asks at each change.
 * @param store the job's progress (JobRunner.progress)
 * @returns the progress now, null when no job runs
 * @example const progress = useProgress(job.progress); progress?.fraction
 */
export function useProgress(store: ProgressStore): Progress | null {
  return React.useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** The bar shows a new step of the same words at most this often. */
export const BAR_STEP_MS = 100;

/** State and actions of useJob. */
export interface JobRunner {
  running: boolean;
  /** The bar's progress: read it with useProgress (or JobProgress), which re-renders only the reader. */
  progress: ProgressStore;
  problem: Problem | null;
  /** Runs a task; resolves to its result, or undefined when it failed or was cancelled. */
  run<T>(task: (control: JobControl) => Promise<T>): Promise<T | undefined>;
  cancel(): void;
  clearProblem(): void;
}

function isCancel(error: unknown): boolean {
  return error instanceof Error ? error.name === "AbortError" : (error as { name?: unknown } | null)?.name === "AbortError";
}

/**
 * Turns a thrown value into what the pane shows.
 * @param error anything a job, an adapter or Excel threw
 * @param strings the pane's strings
 * @returns the problem to show
 * @example describeProblem(new JobCancelledError("…"), PANE_STRINGS.en).intent // "info"
 */
export function describeProblem(error: unknown, strings: PaneStrings): Problem {
  const words = strings.problems;
  if (isCancel(error)) return { intent: "info", title: words.title, message: words.cancelled };
  const named = (error ?? {}) as { name?: string; message?: string; code?: unknown; headersSeen?: HeadersSeen | null; expected?: string[] };
  const message = typeof named.message === "string" && named.message !== "" ? named.message : String(error);
  if (named.name === "LedgerNotFoundError") {
    return {
      intent: "error",
      title: words.title,
      message,
      mapping: { headersSeen: named.headersSeen ?? null, expected: named.expected ?? [] },
    };
  }
  if (named.name === "JobError") return { intent: "error", title: words.title, message };
  // Office.js errors (OfficeExtension.Error / RichApi.Error) carry a string code.
  if (typeof named.code === "string" || named.name === "RichApi.Error") {
    return { intent: "error", title: words.title, message: fillPlaceholders(words.excel, { message }), next: words.next };
  }
  return { intent: "error", title: words.title, message, next: words.next };
}

/**
 * Runs jobs one at a time with progress, cancel and problems.
 * @param strings the pane's strings, for problem messages
 * @returns the runner
 * @example const job = useJob(strings); await job.run(({ signal, onProgress, runJob }) => runJob("runAging", adapter, { asOf, lang, signal, onProgress }));
 */
export function useJob(strings: PaneStrings): JobRunner {
  const host = React.useContext(JobHostContext);
  const [running, setRunning] = React.useState(false);
  const [progress] = React.useState(() => new ProgressStore());
  const [problem, setProblem] = React.useState<Problem | null>(null);
  const controller = React.useRef<AbortController | null>(null);

  React.useEffect(() => () => controller.current?.abort(), []);

  const run = React.useCallback(
    async <T,>(task: (control: JobControl) => Promise<T>): Promise<T | undefined> => {
      controller.current?.abort();
      const own = new AbortController();
      controller.current = own;
      setRunning(true);
      setProblem(null);
      progress.set({ fraction: 0, message: "" });
      // The bar moves by whole percents, new words at once and steps at most every BAR_STEP_MS (the
      // last one a little later): a full-size job reports each of its hundred syncs, and each
      // step drawn is work on the pane's thread between the job's syncs.
      let shown = { percent: -1, message: "" };
      let shownAt = -Infinity;
      let pending: ReturnType<typeof setTimeout> | undefined;
      let latest: Progress = { fraction: 0, message: "" };
      const show = (next: Progress): void => {
        clearTimeout(pending);
        pending = undefined;
        shown = { percent: Math.floor(next.fraction * 100), message: next.message };
        shownAt = performance.now();
        progress.set(next);
      };
      try {
        const onProgress = (next: Progress): void => {
          const percent = Math.floor(next.fraction * 100);
          if (percent === shown.percent && next.message === shown.message) return;
          const since = performance.now() - shownAt;
          if (next.message !== shown.message || since >= BAR_STEP_MS) {
            show(next);
            return;
          }
          latest = next;
          pending ??= setTimeout(() => show(latest), BAR_STEP_MS - since);
        };
        return await task({ signal: own.signal, onProgress, runJob: (job, adapter, options) => host.run(job, adapter, options) });
      } catch (error) {
        setProblem(describeProblem(own.signal.aborted ? Object.assign(new Error(), { name: "AbortError" }) : error, strings));
        return undefined;
      } finally {
        clearTimeout(pending);
        if (controller.current === own) {
          controller.current = null;
          setRunning(false);
          progress.set(null);
        }
      }
    },
    [strings, host, progress],
  );

  const cancel = React.useCallback(() => controller.current?.abort(), []);
  const clearProblem = React.useCallback(() => setProblem(null), []);
  return { running, progress, problem, run, cancel, clearProblem };
}
