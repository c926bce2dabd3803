/**
 * The pane at Excel's full size in Chromium: 1,048,575 invoices of 10,000 customers on the Excel
 * stand-in (the benchmark ledger, test/browser/bench-workbook.ts). Generate aging runs in the jobs
 * worker; Cancel, clicked while the ledger is being read and again while the worker computes,
 * answers at once, stops the syncs, and nothing is written to the workbook.
 */
import type { Page } from "playwright-core";
import { BENCH_AS_OF } from "./bench-workbook";
import { chromiumHost, openPane, type PageRecord } from "./support";

const FULL_SIZE = 1_048_575;
const RUN = "生成账龄表";
const CANCEL = "取消";
const CANCELLED = "已取消，未写入任何内容。";

const host = chromiumHost();

type CancelWindow = Window & {
  __arTest: { host: { syncs: unknown[]; writesBySheet: Record<string, unknown[]>; workbook: { sheets: { name: string }[]; settingsRecord(): Record<string, unknown> } } };
  __arCancel: { clickedAt: number | null; answeredAt: number | null };
};

/** What the workbook holds that a job could change: sheet names, writes outside scratch sheets, settings. */
function workbookState(page: Page): Promise<{ sheets: string[]; writes: string[]; settings: Record<string, unknown> }> {
  return page.evaluate(() => {
    const host = (window as unknown as CancelWindow).__arTest.host;
    return {
      sheets: host.workbook.sheets.map((sheet) => sheet.name),
      writes: Object.keys(host.writesBySheet).filter((sheet) => !sheet.startsWith("ar-scratch-")),
      settings: host.workbook.settingsRecord(),
    };
  });
}

/** Times, in the page, from the Cancel click's dispatch to the cancelled message in the DOM. */
function watchCancel(page: Page): Promise<void> {
  return page.evaluate(
    ({ cancel, cancelled }) => {
      const w = window as unknown as CancelWindow;
      const watch = { clickedAt: null as number | null, answeredAt: null as number | null };
      w.__arCancel = watch;
      const onClick = (event: Event): void => {
        if ((event.target as Element | null)?.closest("button")?.textContent?.trim() === cancel) {
          watch.clickedAt = performance.now();
          window.removeEventListener("click", onClick, true);
        }
      };
      window.addEventListener("click", onClick, true);
      const observer = new MutationObserver(() => {
        if (watch.clickedAt !== null && document.body.textContent?.includes(cancelled)) {
          watch.answeredAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    },
    { cancel: CANCEL, cancelled: CANCELLED },
  );
}

/**
 * The page's workers once an ended one is gone: Chromium reports a worker's end a little after
 * terminate(), so the count is read when it reaches what is expected or after 5 s.
 */
async function workerCount(page: Page, expected: number): Promise<number> {
  const until = Date.now() + 5_000;
  while (page.workers().length !== expected && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
  return page.workers().length;
}

function syncCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as CancelWindow).__arTest.host.syncs.length);
}

/** Starts Generate aging, waits for `ready`, clicks Cancel; returns the ms from the click's dispatch to the answer. */
async function runAndCancel(page: Page, ready: () => Promise<unknown>): Promise<number> {
  await watchCancel(page);
  await page.getByRole("button", { name: RUN }).click();
  await ready();
  await page.getByRole("button", { name: CANCEL }).click();
  await page.getByText(CANCELLED).waitFor({ timeout: 30_000 });
  const watch = await page.evaluate(() => (window as unknown as CancelWindow).__arCancel);
  expect(watch.clickedAt).not.toBeNull();
  expect(watch.answeredAt).not.toBeNull();
  return (watch.answeredAt as number) - (watch.clickedAt as number);
}

describe("Generate aging at Excel's full size (1,048,575 invoices)", () => {
  let page: Page;
  let record: PageRecord;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openPane(host.browser, host.origin);
    ({ page, record } = opened);
    close = () => opened.context.close();
    await page.goto(`${host.origin}/index.html?lang=zh-CN&workbook=bench&invoices=${FULL_SIZE}&customers=10000`, { timeout: 300_000 });
    await page.getByRole("heading", { name: "应收账款助手" }).waitFor({ timeout: 300_000 });
    await page.getByRole("textbox", { name: "截止日期" }).fill(BENCH_AS_OF);
  }, 600_000);
  afterAll(() => close());

  it("is cancelled while the ledger is read: answered at once, no more syncs, nothing written", async () => {
    const before = await workbookState(page);
    expect(before.sheets).toEqual(["应收台账"]);
    // The ledger takes about 45 read syncs of 4 MB at this size: cancel after the tenth.
    const answerMs = await runAndCancel(page, () => page.waitForFunction(() => (window as unknown as CancelWindow).__arTest.host.syncs.length >= 10, undefined, { timeout: 300_000 }));
    console.info(`cancel during the read answered in ${answerMs.toFixed(0)} ms`);
    expect(answerMs).toBeLessThan(100);
    const syncs = await syncCount(page);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // At most the sync under way when Cancel was clicked finishes; none starts after it.
    expect(await syncCount(page)).toBeLessThanOrEqual(syncs + 1);
    expect(await workbookState(page)).toEqual(before);
    expect(record.pageErrors).toEqual([]);
  }, 600_000);

  it("is cancelled while the worker computes: the worker is ended, nothing is written", async () => {
    const before = await workbookState(page);
    // One worker waits, started ahead for the next run.
    expect(await workerCount(page, 1)).toBe(1);
    let syncsWhenComputing = 0;
    const answerMs = await runAndCancel(page, async () => {
      // The read is over when the syncs stop for a while: the worker is reading the ledger, ageing, laying out.
      let last = -1;
      for (;;) {
        const now = await syncCount(page);
        if (now === last && now > 20) break;
        last = now;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      syncsWhenComputing = last;
    });
    console.info(`cancel while the worker computes answered in ${answerMs.toFixed(0)} ms`);
    expect(answerMs).toBeLessThan(100);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await syncCount(page)).toBe(syncsWhenComputing);
    expect(await workbookState(page)).toEqual(before);
    // The job's worker was ended and a fresh one started for the next run: one again.
    expect(await workerCount(page, 1)).toBe(1);
    expect(record.pageErrors).toEqual([]);
    expect(record.blockedRequests).toEqual([]);
  }, 600_000);
});
