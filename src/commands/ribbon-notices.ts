/**
 * What the ribbon button tells the pane after a run, carried on one object of the shared-runtime
 * page: the pane listens here without loading the ribbon's job.
 */
import type { CurrencySummary } from "../jobs/jobs";
import type { Lang } from "../rules/types";

/** What the ribbon tells the pane after a run. */
export interface RibbonNotice {
  ok: boolean;
  /** Nothing was written because these generated sheets (`sheets`) would have been replaced. */
  needsConfirmation?: boolean;
  lang: Lang;
  /** Sheets written (ok runs), or the sheets that would have been replaced (needsConfirmation). */
  sheets: string[];
  summary: CurrencySummary[];
  /** The failure's message (failed runs). */
  message?: string;
}

type Listener = (notice: RibbonNotice) => void;

/**
 * The commands and the pane are separate bundles on one shared-runtime page, each with its own
 * copy of this module: the notices travel through one object on the page, found by a global symbol.
 */
interface NoticeBus {
  listeners: Set<Listener>;
  latest: RibbonNotice | null;
}
const BUS_KEY = Symbol.for("ar-addin.ribbon-notices");

function bus(): NoticeBus {
  const scope = globalThis as unknown as Record<symbol, NoticeBus | undefined>;
  return (scope[BUS_KEY] ??= { listeners: new Set<Listener>(), latest: null });
}

/**
 * Listens for ribbon results; a result that arrived before the pane subscribed is given at once.
 * @param listener called with each notice
 * @returns a function that stops listening
 * @example const stop = subscribeRibbonNotices((notice) => show(notice)); stop();
 */
export function subscribeRibbonNotices(listener: Listener): () => void {
  const notices = bus();
  notices.listeners.add(listener);
  if (notices.latest !== null) listener(notices.latest);
  return () => {
    notices.listeners.delete(listener);
  };
}

/**
 * Tells every listening pane the outcome of a ribbon run, and keeps it for a pane not open yet.
 * @param notice the outcome
 * @example publish({ ok: true, lang: "zh-CN", sheets: ["账龄分析 2026-11-23"], summary });
 */
export function publish(notice: RibbonNotice): void {
  const notices = bus();
  notices.latest = notice;
  for (const listener of notices.listeners) listener(notice);
}

