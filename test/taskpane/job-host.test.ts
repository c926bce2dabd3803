/**
 * The pane's job host: jobs in a worker started ahead of time, Cancel ending the worker at once,
 * and the pane's own thread where there is no worker to be had.
 */
import { MemoryAdapter } from "../../src/jobs/memory-adapter";
import { fromYmd } from "../../src/rules/dates";
import { OfficeAdapter, type ExcelRunner } from "../../src/workbook/office/adapter";
import { IN_THREAD, workerJobHost } from "../../src/taskpane/job-host";
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
