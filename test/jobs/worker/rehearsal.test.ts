/**
 * The jobs worker's rehearsal: Generate aging on a made-up ledger through the worker protocol,
 * before the worker says it is ready; a real run stops it, and "ready" never waits past the limit.
 */
import { runAging } from "../../../src/jobs/jobs";
import { MemoryAdapter } from "../../../src/jobs/memory-adapter";
import { madeUpLedger, rehearse } from "../../../src/jobs/worker/rehearsal";
import type { Port } from "../../../src/jobs/worker/protocol";
import { serveJobs } from "../../../src/jobs/worker/serve";
import { fromYmd } from "../../../src/rules/dates";
import { sheetFromGrid } from "../../../src/workbook/sheet-cells";

const SMALL = { invoices: 300, customers: 7, runs: 2 };

/** The messages a server posts on a channel, as the pane's end gets them. */
function server(rehearsal: (stopped: () => boolean) => Promise<unknown>) {
  const { port1, port2 } = new MessageChannel();
  const received: { kind: string }[] = [];
  port1.addEventListener("message", (event) => received.push((event as MessageEvent).data as { kind: string }));
  port1.start();
  serveJobs(port2 as unknown as Port, rehearsal);
  port2.start();
  return { received, pane: port1, close: () => (port1.close(), port2.close()) };
}

const until = async (done: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe("the jobs worker's rehearsal", () => {
  it("makes a ledger every row of which reads as an invoice, the same on every call", async () => {
    const rows = madeUpLedger(SMALL.invoices, SMALL.customers);
    expect(madeUpLedger(SMALL.invoices, SMALL.customers)).toEqual(rows);
    const adapter = new MemoryAdapter({ sheets: [sheetFromGrid("应收台账", rows)], tables: [], dateSystem: "1900", settings: {} });
    const result = await runAging(adapter, { asOf: fromYmd(2026, 6, 30), lang: "zh-CN", write: false });
    expect(result.errors).toEqual([]);
    expect(result.report.customers).toHaveLength(SMALL.customers);
    const open = result.report.customers.reduce((sum, customer) => sum + customer.items.length, 0);
    expect(open).toBeGreaterThan(SMALL.invoices / 2);
    expect(open).toBeLessThanOrEqual(SMALL.invoices);
  });

  it("runs Generate aging through the worker protocol as often as asked, and stops when told", async () => {
    expect(await rehearse(() => false, SMALL)).toBe(2);
    let asked = 0;
    // Told to stop while its first run reads: that run ends, no other begins.
    expect(await rehearse(() => ++asked > 2, SMALL)).toBe(0);
  });

  it("says it is ready at once, rehearses meanwhile, and tells the rehearsal to stop when a run comes", async () => {
    let stopped: () => boolean = () => false;
    let finish!: () => void;
    const served = server((told) => {
      stopped = told;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    await until(() => served.received.length > 0);
    expect(served.received).toEqual([{ kind: "ready" }]);
    expect(stopped()).toBe(false);
    served.pane.postMessage({ kind: "run", job: "noSuchJob", options: {}, callbacks: [], methods: [] });
    await until(() => served.received.length > 1);
    expect(stopped()).toBe(true);
    expect(served.received.map((message) => message.kind)).toEqual(["ready", "failed"]);
    finish();
    served.close();
  });

  it("serves runs when the rehearsal fails", async () => {
    const served = server(() => Promise.reject(new Error("no")));
    await until(() => served.received.length > 0);
    served.pane.postMessage({ kind: "run", job: "noSuchJob", options: {}, callbacks: [], methods: [] });
    await until(() => served.received.length > 1);
    expect(served.received.map((message) => message.kind)).toEqual(["ready", "failed"]);
    served.close();
  });
});
