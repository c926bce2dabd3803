/**
 * The JS heap of a page and of its workers, sampled through the DevTools protocol while a
 * benchmark runs: `Runtime.getHeapUsage` — the V8 heap in use plus the backing stores of
 * ArrayBuffers (typed arrays keep their bytes outside the V8 heap; they count all the same) — on
 * the page's own session, and on each worker through
 * `Target.setAutoAttach` (non-flat sessions, messages wrapped in `Target.sendMessageToTarget`,
 * since playwright's CDP session has no per-target sessions of its own).
 */
import type { CDPSession } from "playwright-core";

/** One sample: heap in use in bytes, of the page's main thread and of its workers together. */
export interface HeapSample {
  at: number;
  page: number;
  workers: number;
}

/** The peaks of a run. */
export interface HeapPeaks {
  /** The page's main thread. */
  page: number;
  /** Its workers, together. */
  workers: number;
  /** Page and workers at the same moment. */
  sum: number;
  samples: number;
  /** When (Date.now()) the page's, the workers' and the sum's peaks were sampled. */
  pageAt: number;
  workersAt: number;
  sumAt: number;
}

/** What Runtime.getHeapUsage answers (backingStorageSize: ArrayBuffers' bytes, Chromium 124 on). */
interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

interface TargetMessage {
  id?: number;
  result?: unknown;
  error?: { message: string };
}

/** Bytes in use: the V8 heap and the ArrayBuffers' backing stores. */
function inUse(usage: HeapUsage | undefined): number {
  return (usage?.usedSize ?? 0) + (usage?.backingStorageSize ?? 0);
}

/**
 * Samples the heap of a page and its workers every `intervalMs` until stopped.
 * @example const heap = await HeapSampler.attach(cdp); heap.start(); …; const peaks = await heap.stop();
 */
export class HeapSampler {
  private readonly workers = new Set<string>();
  private readonly replies = new Map<number, (message: TargetMessage) => void>();
  private nextId = 1;
  private samples: HeapSample[] = [];
  private running: Promise<void> | null = null;
  private stopping = false;
  private profiling = false;

  private constructor(private readonly cdp: CDPSession) {}

  /**
   * Attaches to the page's workers, those running and those to come.
   * @param cdp a CDP session of the page
   * @returns the sampler, not yet sampling
   */
  static async attach(cdp: CDPSession): Promise<HeapSampler> {
    const sampler = new HeapSampler(cdp);
    cdp.on("Target.attachedToTarget", (event) => {
      if (event.targetInfo.type !== "worker") return;
      sampler.workers.add(event.sessionId);
      if (sampler.profiling) void sampler.startProfiler(event.sessionId);
    });
    cdp.on("Target.detachedFromTarget", (event) => {
      if (event.sessionId) sampler.workers.delete(event.sessionId);
    });
    cdp.on("Target.receivedMessageFromTarget", (event) => {
      const message = JSON.parse(event.message) as TargetMessage;
      if (message.id !== undefined) {
        sampler.replies.get(message.id)?.(message);
        sampler.replies.delete(message.id);
      }
    });
    await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return sampler;
  }

  /** Heap in use of the page's main thread, ArrayBuffers included. */
  async pageHeap(): Promise<number> {
    return inUse((await this.cdp.send("Runtime.getHeapUsage")) as HeapUsage);
  }

  /** Heap in use of one worker, ArrayBuffers included (0 once it has ended). */
  private async workerHeap(sessionId: string): Promise<number> {
    return inUse((await this.workerCall(sessionId, "Runtime.getHeapUsage")) as HeapUsage | undefined);
  }

  /** A command's result in one worker (undefined when it has ended or does not answer in 5 s). */
  private workerCall(sessionId: string, method: string, params: object = {}): Promise<unknown> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.replies.delete(id);
        resolve(undefined);
      }, 5_000);
      this.replies.set(id, (message) => {
        clearTimeout(timer);
        resolve(message.result);
      });
      this.cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => resolve(undefined));
    });
  }

  /** Starts the CPU profiler of each worker attached from now on (and of those attached already). */
  async profileWorkers(): Promise<void> {
    this.profiling = true;
    await Promise.all([...this.workers].map((session) => this.startProfiler(session)));
  }

  private async startProfiler(sessionId: string): Promise<void> {
    await this.workerCall(sessionId, "Profiler.enable");
    await this.workerCall(sessionId, "Profiler.setSamplingInterval", { interval: 200 });
    await this.workerCall(sessionId, "Profiler.start");
  }

  /**
   * Sends a command to each worker attached (e.g. "Profiler.stop").
   * @returns their results, in no particular order
   */
  toWorkers(method: string, params: object = {}): Promise<unknown[]> {
    return Promise.all([...this.workers].map((session) => this.workerCall(session, method, params)));
  }

  /**
   * Samples until stop().
   * @param intervalMs time between samples
   */
  start(intervalMs = 50): void {
    this.samples = [];
    this.stopping = false;
    this.running = (async () => {
      while (!this.stopping) {
        const [page, ...workers] = await Promise.all([this.pageHeap(), ...[...this.workers].map((session) => this.workerHeap(session))]);
        this.samples.push({ at: Date.now(), page, workers: workers.reduce((sum, used) => sum + used, 0) });
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    })();
  }

  /**
   * Stops sampling.
   * @returns the peaks seen
   */
  async stop(): Promise<HeapPeaks> {
    this.stopping = true;
    await this.running;
    const peak = (pick: (sample: HeapSample) => number): HeapSample | undefined =>
      this.samples.reduce<HeapSample | undefined>((best, sample) => (best === undefined || pick(sample) > pick(best) ? sample : best), undefined);
    const page = peak((s) => s.page);
    const workers = peak((s) => s.workers);
    const sum = peak((s) => s.page + s.workers);
    return {
      page: page?.page ?? 0,
      workers: workers?.workers ?? 0,
      sum: sum === undefined ? 0 : sum.page + sum.workers,
      samples: this.samples.length,
      pageAt: page?.at ?? NaN,
      workersAt: workers?.at ?? NaN,
      sumAt: sum?.at ?? NaN,
    };
  }
}
