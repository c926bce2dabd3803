/**
 * The page's job host: jobs in a worker started ahead of time, Cancel ending the worker at once,
 * and the page's own thread where there is no worker to be had; one host for the pane and the
 * ribbon's button, which runs its job in the worker too.
 */
import { MemoryAdapter } from "../../src/jobs/memory-adapter";
import { fromYmd } from "../../src/rules/dates";
import { OfficeAdapter, type ExcelRunner } from "../../src/workbook/office/adapter";
import { runAgingFromRibbon, subscribeRibbonNotices, type RibbonNotice } from "../../src/commands/ribbon";
import { IN_THREAD, pageJobHost, workerJobHost } from "../../src/jobs/worker/job-host";
import { sampleSpec } from "../browser/sample-workbook";
import { channelWorker, type ChannelWorker } from "../support/channel-worker";
import { createExcelHost } from "../support/excel-standin";

const AS_OF = fromYmd(2026, 11, 23);

function office() {
  const { Excel, host } = createExcelHost(sampleSpec());
  return { adapter: new OfficeAdapter(Excel as unknown as ExcelRunner), host };
}

/** The workers a test made; each is ended after the test (an open channel would keep jest waiting). */
let made: ChannelWorker[] = [];
afterEach(() => {
  for (const worker of made) if (!worker.terminated) worker.terminate();
  made = [];
});

describe("the pane's job host", () => {
  it("runs a job in a worker started beforehand, ends it, and has the next one ready", async () => {
    const jobs = workerJobHost(() => made[made.push(channelWorker()) - 1]);
    expect(made).toHaveLength(1);
    const { adapter, host } = office();
    const result = await jobs.run("runAging", adapter, { asOf: AS_OF, lang: "en" });
    expect(result.summary[0]).toMatchObject({ currency: "CNY", outstanding: "22500.00" });
    expect(host.workbook.sheets.map((sheet) => sheet.name)).toContain("Aging 2026-11-23");
    expect(made.map((worker) => worker.terminated)).toEqual([true, false]);
    // The detail sheet's cells stayed in the worker (transfer.ts).
    expect(result.plans.find((plan) => plan.kind === "detail")?.values).toEqual([]);
  });

  it("answers Cancel at once: the worker is ended, nothing is written, the job's cancelled error is thrown", async () => {
    const jobs = workerJobHost(() => made[made.push(channelWorker()) - 1]);
    const { adapter, host } = office();
    const controller = new AbortController();
    const running = jobs.run("runAging", adapter, {
      asOf: AS_OF,
      lang: "zh-CN",
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.fraction > 0) controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ name: "AbortError", message: "操作已取消。" });
    expect(made[0].terminated).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(host.workbook.sheets.map((sheet) => sheet.name)).toEqual(["应收台账", "Customers"]);
    expect(Object.keys(host.writesBySheet).filter((sheet) => !sheet.startsWith("ar-scratch-"))).toEqual([]);
  });

  it("runs on the pane's thread when the worker cannot load, and from then on", async () => {
    const jobs = workerJobHost(() => made[made.push(channelWorker(false)) - 1]);
    const first = await jobs.run("runAging", office().adapter, { asOf: AS_OF, lang: "en", write: false });
    const second = await jobs.run("runFlags", office().adapter, { asOf: AS_OF, lang: "en", write: false });
    expect(first.summary[0].outstanding).toBe("22500.00");
    // On the pane's thread the result keeps everything: the detail sheet's cells too.
    expect(first.plans.find((plan) => plan.kind === "detail")?.values.length).toBeGreaterThan(1);
    expect(second.flagged.length).toBeGreaterThan(0);
    expect(made).toHaveLength(1);
  });

  it("keeps a workbook that cannot read in pieces on the pane's thread, the job table loaded there on demand", async () => {
    const jobs = workerJobHost(() => made[made.push(channelWorker()) - 1]);
    const { adapter } = office();
    const memory = new MemoryAdapter(await adapter.read());
    const inMemory = await jobs.run("runAging", memory, { asOf: AS_OF, lang: "en", write: false });
    expect(inMemory.summary[0].outstanding).toBe("22500.00");
    expect(made.map((worker) => [worker.terminated, worker.received.length])).toEqual([[false, 1]]);
    expect(await IN_THREAD.run("runAging", memory, { asOf: AS_OF, lang: "en", write: false })).toMatchObject({ sheets: [] });
  });
});

describe("the page's one job host", () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("ar-addin.page-job-host")];
  });

  it("is one host for the page, whichever bundle's copy of the module asks first", () => {
    let first!: typeof import("../../src/jobs/worker/job-host");
    let second!: typeof import("../../src/jobs/worker/job-host");
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- isolateModules needs a synchronous require to load a second copy
      first = require("../../src/jobs/worker/job-host");
    });
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- isolateModules needs a synchronous require to load a second copy
      second = require("../../src/jobs/worker/job-host");
    });
    expect(first).not.toBe(second);
    const host = first.pageJobHost(() => made[made.push(channelWorker()) - 1]);
    expect(second.pageJobHost()).toBe(host);
    // One spare worker for the page, not one per bundle.
    expect(made).toHaveLength(1);
  });

  it("is the page's thread where there are no workers (jsdom has none)", () => {
    expect(typeof Worker).toBe("undefined");
    expect(pageJobHost()).toBe(IN_THREAD);
  });

  it("runs the ribbon's Generate aging in the worker: written once, declined the second time, the pane told each time", async () => {
    const jobs = pageJobHost(() => made[made.push(channelWorker()) - 1]);
    const { adapter, host } = office();
    const notices: RibbonNotice[] = [];
    const stop = subscribeRibbonNotices((notice) => notices.push(notice));
    notices.length = 0;
    const deps = { adapter: () => adapter, today: () => AS_OF, lang: () => "en" as const, showPane: async () => undefined };
    await runAgingFromRibbon({ completed: () => undefined }, deps);
    const written = host.workbook.sheets.map((sheet) => sheet.name);
    expect(written).toEqual(expect.arrayContaining(["Aging 2026-11-23", "Aging detail 2026-11-23"]));
    await runAgingFromRibbon({ completed: () => undefined }, deps);
    stop();
    expect(host.workbook.sheets.map((sheet) => sheet.name)).toEqual(written);
    expect(notices).toEqual([
      expect.objectContaining({ ok: true, sheets: ["Aging 2026-11-23", "Aging detail 2026-11-23"] }),
      expect.objectContaining({ ok: false, needsConfirmation: true, sheets: ["Aging 2026-11-23", "Aging detail 2026-11-23"] }),
    ]);
    expect(notices[1].summary[0]).toMatchObject({ currency: "CNY", outstanding: "22500.00" });
    // Both runs were the workers': each ended after its run, a spare ready for the next.
    expect(made.map((worker) => worker.terminated)).toEqual([true, true, false]);
    expect(pageJobHost()).toBe(jobs);
  });
});
