/**
 * Benchmark of the task pane in the browser: Generate aging on the ledger of bench-e2e.ts (built
 * in the page by test/browser/install-host.ts for `?workbook=bench`) on the Excel stand-in, in
 * Debian's Chromium through playwright-core — 100,000 invoices of 1,000 customers, then Excel's
 * full size, 1,048,575 invoices of 10,000 customers.
 *
 * Each run opens a fresh browser with a fresh profile, types the as-of date, waits as a user who
 * has just opened the pane would before clicking (BENCH_PANE_CLICK_AFTER_MS, 2,000 ms: the jobs
 * worker started with the page rehearses a job meanwhile, src/jobs/worker/rehearsal.ts; 0 clicks
 * at once, mid-rehearsal), clicks the real
 * "生成账龄表" (Generate aging) button and waits for the summary table. The pane runs the job in
 * its jobs worker (src/jobs/worker); the page's thread moves rows between the stand-in and the
 * worker. Measured in the page:
 *  - wall time from the click to the summary in the DOM;
 *  - number of syncs, largest request and largest response (the stand-in's counters, JSON bytes;
 *    the adapter counts them on the wire, a little larger, and keeps that under 4,000,000 B);
 *  - time inside the stand-in's sync, which stands for Excel's own time;
 *  - compute = wall − time in sync: what the user waits beyond Excel — the pane's thread and the
 *    worker together, minus what the worker did while a sync was running;
 *  - the pane thread's own work outside syncs: the time in its tasks (a Chromium trace) − time in
 *    sync; the worker's time in its tasks, and its longest task (the window is free meanwhile);
 *  - the longest time between two syncs (in Excel each sync is a round trip): the job computing
 *    in the worker, or on the pane's thread without one;
 *  - the time after the last sync: the result crossing to the pane and the summary drawn;
 *  - the longest pane work without a yield: the page's long tasks (Long Tasks API, ≥ 50 ms) cut at
 *    each sync, as the stand-in answers a sync without leaving the task where Excel would — what
 *    the pane would be frozen for in Excel; and the longest main-thread task as it is here
 *    (stand-in's syncs included);
 *  - frames the page rendered from the click to the summary (requestAnimationFrame) and the
 *    longest time without one — how long the progress bar could not move here;
 *  - the JS heap, ArrayBuffers' backing stores included (DevTools protocol, Runtime.getHeapUsage
 *    every 50 ms): the page's thread before the click and after the job once collected, and at its
 *    peak; the worker's peak; and the peak of both at once — raw figures, the stand-in's workbook
 *    included. The stand-in stands for Excel, whose workbook is not in the pane's heap: after the
 *    run the bench drops the stand-in's sheets, the written ones then the ledger, collecting and
 *    measuring after each, so that the stand-in's share is measured rather than estimated; the
 *    add-in's own peak is then given between two bounds — the peak less the ledger sheet (an
 *    upper bound: the sheets written so far still count) and the peak less the whole stand-in
 *    workbook at the end (a lower bound).
 * Best and median of 3 runs per size, and the gzip size of the production dist/taskpane.js
 * (≤ 250 KB; built with `webpack --mode production` when missing).
 * The stand-in serializes requests inside sync; Office.js does that in the pane, so the compute
 * figure leaves out JSON.stringify of the requests (part of "time in sync" here).
 * Run: npm run bench:pane (both sizes), or node scripts/bench/run-ts.js scripts/bench-pane.ts
 * [invoices] [customers] for one (BENCH_PANE_RUNS=n for another number of runs; BENCH_PANE_CLICK_AFTER_MS=ms for another wait before the click; BENCH_PANE_SYNCS=1 prints every sync of every run; BENCH_PANE_PROFILE=dir for CPU profiles of the page and its workers and a trace;
 * AR_BROWSER_HOST_PREBUILT=1 reuses the built page).
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { cpus, loadavg } from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import { chromium, type Browser, type CDPSession } from "playwright-core";
import { BENCH_AS_OF } from "../test/browser/bench-workbook";
import { buildHost, serveHost } from "../test/browser/support";
import { HeapSampler, type HeapPeaks } from "./bench/cdp-heap";
import { frameFigures, longestStretch, longestUnyielded, printSyncs, whereIn, type PageFigures, type SyncFigures } from "./bench/pane-figures";
import { busyThreads, type ThreadBusy } from "./bench/trace-busy";

const ROOT = path.resolve(__dirname, "..");
const RUNS = Math.max(1, Number(process.env.BENCH_PANE_RUNS ?? 3));
/** How long the pane is open, ready, before the click (the spare jobs worker rehearses meanwhile). */
const CLICK_AFTER_MS = Math.max(0, Number(process.env.BENCH_PANE_CLICK_AFTER_MS ?? 2_000));
/** BENCH_PANE_PROFILE=dir writes CPU profiles of the page's thread and of its workers per run there (DevTools' format), and the run's Chromium trace with the timeline categories (trace-*.json). */
const PROFILE_DIR = process.env.BENCH_PANE_PROFILE;
const BUNDLE_TARGET_BYTES = 250 * 1024;

/** A ledger size and what is asked of it (issue 13). */
interface Case {
  invoices: number;
  customers: number;
  /** Most wall − sync, when there is a target for this size. */
  computeTargetMs?: number;
}

/** Excel's grid: 1,048,576 rows, the header in one. */
const FULL_SIZE = 1_048_575;
const CASES: Case[] =
  process.argv[2] === undefined
    ? [
        { invoices: 100_000, customers: 1_000, computeTargetMs: 300 },
        { invoices: FULL_SIZE, customers: 10_000, computeTargetMs: 2_000 },
      ]
    : [{ invoices: Number(process.argv[2]), customers: Number(process.argv[3] ?? 1_000) }];
const REQUEST_TARGET_BYTES = 4_000_000;
const UNYIELDED_TARGET_MS = 100;
const HEAP_TARGET_BYTES = 1024 ** 3;
/** How long the page is watched after the summary appears. */
const SETTLE_MS = 3_000;
/** The pane's zh-CN labels (src/i18n/pane/zh-CN.ts). */
const LABELS = { heading: "应收账款助手", asOf: "截止日期", run: "生成账龄表", summary: "汇总" };
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** One run's figures. */
interface Run {
  wallMs: number;
  syncs: number;
  maxRequest: number;
  maxResponse: number;
  syncMs: number;
  computeMs: number;
  longestStretchMs: number;
  /** From the end of the last sync to the summary: the result crossing to the pane and drawn. */
  afterLastSyncMs: number;
  /** Longest pane work without a yield to the event loop or to Excel (0: no task of 50 ms or more). */
  longestUnyieldedMs: number;
  /** Where it was: before which sync, or after the last. */
  longestUnyieldedWhere: string;
  /** Where the page's, the worker's and the sum's heap peaks were sampled. */
  peaksWhere: { page: string; workers: string; sum: string };
  /** Longest main-thread task, the stand-in's syncs included. */
  longestTaskMs: number;
  /** Longest main-thread task in the SETTLE_MS after the summary (the other tabs rendering the result). */
  longestAfterSummaryMs: number;
  /** Frames rendered between the click and the summary, and the longest time without one. */
  frames: number;
  longestFrameGapMs: number;
  cpuMs: number;
  /**
   * Page and worker heap: the page's before the click and after the job (after a collection: the
   * stand-in's workbook with the sheets written, and what the pane keeps), and the peaks during it.
   */
  heapBefore: number;
  heapAfter: number;
  /** The page after the job, collected, once the stand-in's written sheets are dropped, then its ledger sheet too. */
  heapWithoutWritten: number;
  heapWithoutWorkbook: number;
  heap: HeapPeaks;
  /** Time in tasks on the page's thread and in its jobs worker (a Chromium trace), and the longest task of each. */
  busy: ThreadBusy;
  /** The summary table's first data row, for a look at the result. */
  summaryRow: string[];
}

type BenchWindow = Window & {
  __arTest: { host: { syncs: SyncFigures[]; workbook: { sheets: unknown[] } } };
  __arBench: {
    clickAt: number | null;
    summaryAt: number | null;
    syncsBefore: number;
    summary: Promise<void>;
    tasks: { start: number; duration: number }[] | null;
    longTasks: PerformanceObserver | null;
    frames: number[];
  };
};

/** Main-thread CPU time of the page so far, in ms (CDP Performance.getMetrics ThreadTime, in seconds). */
async function threadTimeMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
  const thread = metrics.find((metric) => metric.name === "ThreadTime");
  return thread ? thread.value * 1000 : NaN;
}

async function runOnce(origin: string, bench: Case): Promise<Run> {
  let browser: Browser | undefined;
  const problems: string[] = [];
  try {
    // A fresh browser, with a fresh temporary profile, each run.
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 420, height: 1100 }, locale: "zh-CN" });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith("data:")) return route.continue();
      problems.push(`blocked request ${url}`);
      return route.abort();
    });
    const page = await context.newPage();
    if (PROFILE_DIR) {
      // The pane ends a job's worker when the job ends: kept a while, for its profile to be taken.
      await page.addInitScript(() => {
        const terminate = Worker.prototype.terminate;
        Worker.prototype.terminate = function (this: Worker) {
          setTimeout(() => terminate.call(this), 30_000);
        };
      });
    }
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("dialog", (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`${origin}/index.html?lang=zh-CN&workbook=bench&invoices=${bench.invoices}&customers=${bench.customers}`, { timeout: 120_000 });
    await page.getByRole("heading", { name: LABELS.heading }).waitFor({ timeout: 120_000 });
    await page.getByRole("textbox", { name: LABELS.asOf }).fill(BENCH_AS_OF);
    const button = page.getByRole("button", { name: LABELS.run });
    await button.waitFor();
    await new Promise((resolve) => setTimeout(resolve, CLICK_AFTER_MS));

    // Timestamps are taken in the page: the click as it is dispatched, the summary as it enters
    // the DOM (a MutationObserver, so that nothing polls the page while the job runs).
    await page.evaluate(
      ({ runLabel, summaryLabel }) => {
        const w = window as unknown as BenchWindow;
        let seen: () => void = () => undefined;
        const bench: BenchWindow["__arBench"] = {
          clickAt: null,
          summaryAt: null,
          syncsBefore: w.__arTest.host.syncs.length,
          summary: new Promise<void>((resolve) => (seen = resolve)),
          tasks: null,
          longTasks: null,
          frames: [],
        };
        w.__arBench = bench;
        if (PerformanceObserver.supportedEntryTypes?.includes("longtask")) {
          const tasks: { start: number; duration: number }[] = [];
          bench.tasks = tasks;
          bench.longTasks = new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
          });
          bench.longTasks.observe({ type: "longtask" });
        }
        window.addEventListener(
          "click",
          (event) => {
            const target = event.target as Element | null;
            if (bench.clickAt === null && target?.closest("button")?.textContent?.trim() === runLabel) {
              bench.clickAt = performance.now();
              const frame = (at: number): void => {
                bench.frames.push(at);
                if (bench.summaryAt === null) requestAnimationFrame(frame);
              };
              requestAnimationFrame(frame);
            }
          },
          true,
        );
        const observer = new MutationObserver(() => {
          if (bench.summaryAt === null && document.querySelector(`table[aria-label="${summaryLabel}"]`)) {
            bench.summaryAt = performance.now();
            observer.disconnect();
            seen();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      },
      { runLabel: LABELS.run, summaryLabel: LABELS.summary },
    );

    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const heap = await HeapSampler.attach(cdp);
    await cdp.send("HeapProfiler.collectGarbage");
    const heapBefore = await heap.pageHeap();
    const cpuBefore = await threadTimeMs(cdp);
    heap.start();
    if (PROFILE_DIR) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
      await heap.profileWorkers();
    }
    await browser.startTracing(page, { categories: PROFILE_DIR ? ["toplevel", "devtools.timeline", "v8", "disabled-by-default-devtools.timeline"] : ["toplevel"] });
    await button.click();
    await Promise.race([
      page.evaluate(() => (window as unknown as BenchWindow).__arBench.summary),
      new Promise((_, reject) => setTimeout(() => reject(new Error("no summary after 600 s")), 600_000).unref()),
    ]);
    const cpuMs = (await threadTimeMs(cdp)) - cpuBefore;
    if (PROFILE_DIR) {
      const { profile } = (await cdp.send("Profiler.stop")) as { profile: unknown };
      mkdirSync(PROFILE_DIR, { recursive: true });
      writeFileSync(path.join(PROFILE_DIR, `page-${bench.invoices}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
      for (const [index, stopped] of (await heap.toWorkers("Profiler.stop")).entries()) {
        const { profile: workerProfile } = (stopped ?? {}) as { profile?: unknown };
        if (workerProfile) writeFileSync(path.join(PROFILE_DIR, `worker${index}-${bench.invoices}-${Date.now()}.cpuprofile`), JSON.stringify(workerProfile));
      }
    }
    const heapPeaks = await heap.stop();
    const trace = await browser.stopTracing();
    if (PROFILE_DIR) writeFileSync(path.join(PROFILE_DIR, `trace-${bench.invoices}-${Date.now()}.json`), trace);
    const busy = busyThreads(trace);
    const summaryRow = await page.getByRole("table", { name: LABELS.summary }).getByRole("row").nth(1).getByRole("cell").allTextContents();
    const figures = await page.evaluate(async (settleMs): Promise<PageFigures | null> => {
      const w = window as unknown as BenchWindow;
      const bench = w.__arBench;
      if (bench.clickAt === null || bench.summaryAt === null) return null;
      // Long-task entries are delivered after their task: let the last ones arrive, and see what
      // the pane does on its thread once the summary is shown (the other tabs render the result).
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      if (bench.longTasks && bench.tasks) {
        for (const entry of bench.longTasks.takeRecords()) bench.tasks.push({ start: entry.startTime, duration: entry.duration });
        bench.longTasks.disconnect();
      }
      return {
        clickAt: bench.clickAt,
        summaryAt: bench.summaryAt,
        syncs: w.__arTest.host.syncs.slice(bench.syncsBefore).map(({ requestBytes, responseBytes, ms, startedAt, ops }) => ({ requestBytes, responseBytes, ms, startedAt, ops: [...new Set(ops)] })),
        tasks: bench.tasks,
        frames: bench.frames,
        timeOrigin: performance.timeOrigin,
      };
    }, SETTLE_MS);
    await cdp.send("HeapProfiler.collectGarbage");
    const heapAfter = await heap.pageHeap();
    // The stand-in's share, measured: its sheets dropped (the written ones, then the ledger), collected each time.
    const dropSheets = (keep: number): Promise<void> => page.evaluate((count) => void (window as unknown as BenchWindow).__arTest.host.workbook.sheets.splice(count), keep);
    await dropSheets(1);
    await cdp.send("HeapProfiler.collectGarbage");
    const heapWithoutWritten = await heap.pageHeap();
    await dropSheets(0);
    await cdp.send("HeapProfiler.collectGarbage");
    const heapWithoutWorkbook = await heap.pageHeap();
    if (problems.length > 0) throw new Error(problems.join("\n"));
    if (figures === null) throw new Error("the click or the summary was not seen in the page");
    if (figures.syncs.length === 0) throw new Error("no sync recorded: did the pane run the job?");
    const wallMs = figures.summaryAt - figures.clickAt;
    const syncMs = figures.syncs.reduce((total, sync) => total + sync.ms, 0);
    if (process.env.BENCH_PANE_SYNCS === "1") printSyncs(figures);
    return {
      wallMs,
      syncs: figures.syncs.length,
      maxRequest: Math.max(...figures.syncs.map((sync) => sync.requestBytes)),
      maxResponse: Math.max(...figures.syncs.map((sync) => sync.responseBytes)),
      syncMs,
      computeMs: wallMs - syncMs,
      longestStretchMs: longestStretch(figures),
      afterLastSyncMs: figures.summaryAt - Math.max(figures.clickAt, ...figures.syncs.map((sync) => sync.startedAt + sync.ms)),
      longestUnyieldedMs: figures.tasks === null ? NaN : longestUnyielded(figures).ms,
      longestUnyieldedWhere: figures.tasks === null ? "" : longestUnyielded(figures).where,
      peaksWhere: {
        page: whereIn(figures, heapPeaks.pageAt - figures.timeOrigin),
        workers: whereIn(figures, heapPeaks.workersAt - figures.timeOrigin),
        sum: whereIn(figures, heapPeaks.sumAt - figures.timeOrigin),
      },
      longestTaskMs:
        figures.tasks === null
          ? NaN
          : Math.max(0, ...figures.tasks.filter((task) => task.start + task.duration > figures.clickAt && task.start < figures.summaryAt).map((task) => task.duration)),
      longestAfterSummaryMs:
        figures.tasks === null ? NaN : Math.max(0, ...figures.tasks.filter((task) => task.start >= figures.summaryAt).map((task) => task.duration)),
      ...frameFigures(figures),
      cpuMs,
      heapBefore,
      heapAfter,
      heapWithoutWritten,
      heapWithoutWorkbook,
      heap: heapPeaks,
      busy,
      summaryRow,
    };
  } finally {
    await browser?.close().catch(() => undefined);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function line(label: string, value: string, target?: string, ok?: boolean): void {
  console.log(`${label.padEnd(52)} ${value}${target ? `   (target ${target}: ${ok ? "PASS" : "OVER target"})` : ""}`);
}

const ms = (value: number): string => `${value.toFixed(0)} ms`;
const bytes = (value: number): string => `${value.toLocaleString("en-US")} B`;

/** Newest modification time of the files under a folder. */
function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(file) : statSync(file).mtimeMs);
  }
  return newest;
}

/** gzip size of dist/taskpane.js, building the add-in when it is missing. */
function bundleLine(): void {
  const bundle = path.join(ROOT, "dist", "taskpane.js");
  if (!existsSync(bundle)) {
    console.log("dist/taskpane.js missing: building the add-in (npx webpack --mode production)…");
    try {
      execFileSync(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], {
        cwd: ROOT,
        stdio: ["ignore", "ignore", "inherit"],
      });
    } catch {
      // Reported below as not built.
    }
  }
  if (!existsSync(bundle)) {
    line("task pane bundle dist/taskpane.js, gzip", "not built");
    return;
  }
  const gzipped = gzipSync(readFileSync(bundle)).length;
  const stale = statSync(bundle).mtimeMs < newestUnder(path.join(ROOT, "src")) ? " (older than src/: rebuild for a current figure)" : "";
  line("task pane bundle dist/taskpane.js, gzip", `${(gzipped / 1024).toFixed(1)} KB${stale}`, "≤ 250 KB", gzipped <= BUNDLE_TARGET_BYTES);
}

const mb = (value: number): string => `${(value / 1024 / 1024).toFixed(0)} MB`;

/** Runs one size RUNS times and prints its figures. */
async function benchCase(origin: string, bench: Case): Promise<void> {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runOnce(origin, bench));
  const figure = (pick: (run: Run) => number) => ({ best: Math.min(...runs.map(pick)), median: median(runs.map(pick)) });
  const show = (label: string, pick: (run: Run) => number, format: (value: number) => string, target?: string, limit?: number): void => {
    const { best, median: mid } = figure(pick);
    line(label, `best ${format(best)}, median ${format(mid)}`, target, limit === undefined ? undefined : best <= limit);
  };
  const count = `${bench.invoices.toLocaleString("en-US")} invoices, ${bench.customers.toLocaleString("en-US")} customers`;
  console.log(`\ntask pane in Chromium on the Excel stand-in, Generate aging as of ${BENCH_AS_OF}: ${count}, ${RUNS} runs`);
  line("load average (1 min) / cores", `${loadavg()[0].toFixed(1)} / ${cpus().length}`);
  line("click, after the pane was ready for", `${CLICK_AFTER_MS.toLocaleString("en-US")} ms (BENCH_PANE_CLICK_AFTER_MS)`);
  line("job ran in the jobs worker (its thread busy > 0)", runs.map((run) => (run.busy.workers > 0 ? "yes" : "no")).join(", "));
  line("runs: wall / in sync / compute", runs.map((run) => `${ms(run.wallMs)} / ${ms(run.syncMs)} / ${ms(run.computeMs)}`).join("; "));
  show("wall time, click to summary", (run) => run.wallMs, ms);
  show("syncs", (run) => run.syncs, String);
  show("largest request", (run) => run.maxRequest, bytes, "≤ 4,000,000 B", REQUEST_TARGET_BYTES);
  show("largest response", (run) => run.maxResponse, bytes);
  show("time inside the stand-in's sync (Excel's share)", (run) => run.syncMs, ms);
  const computeTarget = bench.computeTargetMs === undefined ? undefined : `≤ ${ms(bench.computeTargetMs)}`;
  show("compute: wall − sync (the user waits; pane + worker)", (run) => run.computeMs, ms, computeTarget, bench.computeTargetMs);
  show("pane thread's own work outside syncs (its tasks − sync)", (run) => run.busy.main - run.syncMs, ms);
  show("jobs worker's work (its tasks)", (run) => run.busy.workers, ms);
  show("longest task of the jobs worker (the window stays free)", (run) => run.busy.longestWorker, ms);
  show("longest time between two syncs (the job computing)", (run) => run.longestStretchMs, ms);
  show("after the last sync (the result crossing, the summary drawn)", (run) => run.afterLastSyncMs, ms);
  const longTask = (value: number): string => (Number.isNaN(value) ? "n/a (no Long Tasks API)" : value === 0 ? "< 50 ms" : ms(value));
  show("longest pane work without a yield (long tasks ÷ syncs)", (run) => run.longestUnyieldedMs, longTask, `≤ ${UNYIELDED_TARGET_MS} ms`, UNYIELDED_TARGET_MS);
  line("  where, per run", runs.map((run) => run.longestUnyieldedWhere || "-").join("; "));
  show("longest main-thread task (stand-in's syncs included)", (run) => run.longestTaskMs, longTask);
  show(`longest main-thread task in the ${SETTLE_MS / 1000} s after the summary`, (run) => run.longestAfterSummaryMs, longTask);
  line("frames rendered during the job, per run", runs.map((run) => String(run.frames)).join(", "));
  show("longest time without a frame (stand-in included)", (run) => run.longestFrameGapMs, ms);
  show("page main-thread CPU time, click to summary", (run) => run.cpuMs, ms);
  show("JS heap of the page before the click (mostly the stand-in's ledger)", (run) => run.heapBefore, mb);
  show("JS heap of the page after the job, collected (+ sheets written, result)", (run) => run.heapAfter, mb);
  show("  of which the stand-in's ledger sheet (measured: dropped)", (run) => run.heapWithoutWritten - run.heapWithoutWorkbook, mb);
  show("  of which the stand-in's sheets written (measured: dropped)", (run) => run.heapAfter - run.heapWithoutWritten, mb);
  show("  the rest: the pane's own after the job (UI, the result)", (run) => run.heapWithoutWorkbook, mb);
  show("JS heap, peak of the page's thread (raw, stand-in included)", (run) => run.heap.page, mb);
  show("JS heap, peak of the jobs worker", (run) => run.heap.workers, mb);
  show("JS heap, peak of page and worker together (raw, stand-in included)", (run) => run.heap.sum, mb);
  // The add-in's own: in Excel the workbook is not in the pane's heap.
  const ledger = (run: Run): number => run.heapWithoutWritten - run.heapWithoutWorkbook;
  const workbook = (run: Run): number => run.heapAfter - run.heapWithoutWorkbook;
  show("add-in's own peak, page + worker, upper bound (raw − ledger)", (run) => run.heap.sum - ledger(run), mb, "≤ 1 GB", HEAP_TARGET_BYTES);
  show("add-in's own peak, page + worker, lower bound (raw − stand-in at end)", (run) => run.heap.sum - workbook(run), mb);
  show("add-in's own peak of the page's thread, upper bound (raw − ledger)", (run) => run.heap.page - ledger(run), mb);
  line("  peaks sampled (page; worker; together), per run", runs.map((run) => `${run.peaksWhere.page}; ${run.peaksWhere.workers}; ${run.peaksWhere.sum}`).join(" | "));
  line("heap samples per run", runs.map((run) => String(run.heap.samples)).join(", "));
  line("summary, first currency", runs[0].summaryRow.join("  "));
}

async function main(): Promise<void> {
  if (process.env.AR_BROWSER_HOST_PREBUILT !== "1") console.log("building the browser-test host page (webpack.browser-test.config.js)…");
  await buildHost();
  const server = await serveHost();
  try {
    for (const bench of CASES) await benchCase(server.origin, bench);
  } finally {
    await server.close();
  }
  bundleLine();
}

main().catch((error: unknown) => {
  console.error(`bench-pane: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
