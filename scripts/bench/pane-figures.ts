/**
 * What the pane benchmark (bench-pane.ts) reads from one run's page: the stand-in's syncs, the
 * long tasks and the frames, and the figures made of them — the longest stretch without a sync,
 * the longest work without a yield and where it fell, the frames rendered.
 */

/** What the page hands back after a run. */
export interface PageFigures {
  clickAt: number;
  summaryAt: number;
  syncs: SyncFigures[];
  /** Long tasks seen from before the click (startTime, duration), or null without the Long Tasks API. */
  tasks: { start: number; duration: number }[] | null;
  /** requestAnimationFrame timestamps from the click on. */
  frames: number[];
  /** performance.timeOrigin: the page's clock against Date.now(). */
  timeOrigin: number;
}

/** The stand-in's counters of one sync. */
export interface SyncFigures {
  requestBytes: number;
  responseBytes: number;
  ms: number;
  startedAt: number;
  /** Operation names ("Range.values=" in a write). */
  ops: string[];
}

/** BENCH_PANE_SYNCS=1: each sync of a run — when it began after the click, the wait before it, its time, its bytes and first ops. */
export function printSyncs(figures: PageFigures): void {
  let previousEnd = figures.clickAt;
  for (const sync of figures.syncs) {
    const at = (sync.startedAt - figures.clickAt).toFixed(0).padStart(6);
    const wait = (sync.startedAt - previousEnd).toFixed(0).padStart(5);
    console.log(`  sync at ${at} ms, after ${wait} ms: ${sync.ms.toFixed(0).padStart(4)} ms, request ${String(sync.requestBytes).padStart(9)} B, response ${String(sync.responseBytes).padStart(9)} B  ${sync.ops.slice(0, 4).join(", ")}`);
    previousEnd = sync.startedAt + sync.ms;
  }
  console.log(`  summary drawn ${(figures.summaryAt - previousEnd).toFixed(0)} ms after the last sync`);
}

/** The longest pane work without a sync: click → first sync, between syncs, last sync → summary. */
export function longestStretch(figures: PageFigures): number {
  let longest = 0;
  let from = figures.clickAt;
  for (const sync of figures.syncs) {
    longest = Math.max(longest, sync.startedAt - from);
    from = sync.startedAt + sync.ms;
  }
  return Math.max(longest, figures.summaryAt - from);
}

/** Frames between the click and the summary, and the longest stretch without one. */
export function frameFigures(figures: PageFigures): { frames: number; longestFrameGapMs: number } {
  const inside = figures.frames.filter((at) => at > figures.clickAt && at < figures.summaryAt);
  let longest = 0;
  let from = figures.clickAt;
  for (const at of inside) {
    longest = Math.max(longest, at - from);
    from = at;
  }
  return { frames: inside.length, longestFrameGapMs: Math.max(longest, figures.summaryAt - from) };
}

/** Where a moment of the run falls: in the read, before a sync of the write, or after the last sync. */
export function whereIn(figures: PageFigures, at: number): string {
  const next = figures.syncs.findIndex((sync) => sync.startedAt + sync.ms >= at);
  if (next < 0) return `after the last of ${figures.syncs.length} syncs`;
  const firstWrite = figures.syncs.findIndex((sync) => sync.ops.includes("Range.values="));
  const phase = firstWrite >= 0 && next >= firstWrite ? "write" : "read";
  return `before sync ${next + 1} of ${figures.syncs.length} (${phase})`;
}

/**
 * The longest pane work without a yield, between the click and the summary: each long task of
 * the page, cut at the syncs inside it (where Excel would be a round trip away).
 */
export function longestUnyielded(figures: PageFigures): { ms: number; where: string } {
  let longest = 0;
  let where = "";
  const stretch = (from: number, to: number): void => {
    if (to - from <= longest) return;
    longest = to - from;
    where = whereIn(figures, to);
  };
  for (const task of figures.tasks ?? []) {
    let from = Math.max(task.start, figures.clickAt);
    const end = Math.min(task.start + task.duration, figures.summaryAt);
    if (end <= from) continue;
    for (const sync of figures.syncs) {
      const syncEnd = sync.startedAt + sync.ms;
      if (syncEnd <= from || sync.startedAt >= end) continue;
      stretch(from, sync.startedAt);
      from = syncEnd;
    }
    stretch(from, end);
  }
  return { ms: longest, where };
}
