/**
 * How busy a page's threads were, from a Chromium trace (categories "toplevel"): the time spent
 * in tasks on the page's main thread and on its dedicated workers, each task counted once (a task
 * run inside another is part of it).
 */

/** Busy time per kind of thread, in ms, and the longest task of each. */
export interface ThreadBusy {
  main: number;
  workers: number;
  longestMain: number;
  longestWorker: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/** Names Chromium gives a top-level task. */
const TASK_NAMES = new Set(["ThreadControllerImpl::RunTask", "RunTask"]);

/**
 * Sums the top-level tasks of the renderer's main thread and of its dedicated workers.
 * @param trace the JSON Chromium wrote (playwright's browser.stopTracing())
 * @returns busy and longest task per kind of thread, in ms
 * @example busyThreads(await browser.stopTracing()).workers // 812.4
 */
export function busyThreads(trace: Buffer): ThreadBusy {
  const parsed = JSON.parse(trace.toString("utf8")) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const kindOf = new Map<string, "main" | "worker">();
  for (const event of events) {
    if (event.ph !== "M" || event.name !== "thread_name") continue;
    if (event.args?.name === "CrRendererMain") kindOf.set(`${event.pid}:${event.tid}`, "main");
    if (event.args?.name === "DedicatedWorker thread") kindOf.set(`${event.pid}:${event.tid}`, "worker");
  }
  // Only the renderer that runs the worker, when there is one: other renderers (an about:blank) stay out.
  const workerPids = new Set([...kindOf].filter(([, kind]) => kind === "worker").map(([thread]) => thread.split(":")[0]));
  const busy: ThreadBusy = { main: 0, workers: 0, longestMain: 0, longestWorker: 0 };
  const endOf = new Map<string, number>();
  const tasks = events.filter((event) => event.ph === "X" && TASK_NAMES.has(event.name) && event.dur !== undefined).sort((a, b) => a.ts - b.ts);
  for (const task of tasks) {
    const thread = `${task.pid}:${task.tid}`;
    const kind = kindOf.get(thread);
    if (kind === undefined || (workerPids.size > 0 && !workerPids.has(String(task.pid)))) continue;
    if (task.ts < (endOf.get(thread) ?? -Infinity)) continue;
    const dur = task.dur as number;
    endOf.set(thread, task.ts + dur);
    if (kind === "main") {
      busy.main += dur / 1000;
      busy.longestMain = Math.max(busy.longestMain, dur / 1000);
    } else {
      busy.workers += dur / 1000;
      busy.longestWorker = Math.max(busy.longestWorker, dur / 1000);
    }
  }
  return busy;
}
