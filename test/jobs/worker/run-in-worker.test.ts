/**
 * A job run through the worker protocol (serveJobs at the other end of a MessageChannel, in this
 * thread) over the Office adapter on the Excel stand-in, against the same job on the pane's thread.
 */
import { runCollection, type CollectionResult } from "../../../src/jobs/collection";
import { runAging, runLetters, type AgingResult, type LettersResult } from "../../../src/jobs/jobs";
import { runLogContact, type LogContactResult } from "../../../src/jobs/log-contact";
import { runStatements, type StatementsResult } from "../../../src/jobs/statements";
import { runInWorker } from "../../../src/jobs/worker/pane-side";
import { fromYmd } from "../../../src/rules/dates";
import type { Progress } from "../../../src/workbook/adapter-types";
import { OfficeAdapter, type ExcelRunner } from "../../../src/workbook/office/adapter";
import { benchSpec } from "../../browser/bench-workbook";
import { sampleSpec } from "../../browser/sample-workbook";
import { channelWorker } from "../../support/channel-worker";
import { createExcelHost, type WorkbookSpec } from "../../support/excel-standin";

const AS_OF = fromYmd(2026, 11, 23);

/** Writes to the workbook's sheets, the read's date-system probe on its scratch sheet left out. */
function sheetWrites(host: ReturnType<typeof createExcelHost>["host"]): number {
  return Object.entries(host.writesBySheet).filter(([sheet]) => !sheet.startsWith("ar-scratch-")).flatMap(([, writes]) => writes).length;
}

function officeOver(spec: WorkbookSpec) {
  const { Excel, host } = createExcelHost(spec);
  return { adapter: new OfficeAdapter(Excel as unknown as ExcelRunner), host };
}

/** The stand-in answering each sync a timer later, as Excel answers from another process while the pane's thread runs its tasks. */
function slowOfficeOver(spec: WorkbookSpec) {
  const { Excel, host } = createExcelHost(spec);
  const excel = Excel as unknown as ExcelRunner;
  const slow: ExcelRunner = {
    run: (batch) =>
      excel.run((context) => {
        const sync = context.sync.bind(context);
        context.sync = (async (passThrough?: unknown) => {
          await new Promise((resolve) => setTimeout(resolve, 2));
          return sync(passThrough);
        }) as typeof context.sync;
        return batch(context);
      }),
  };
  return { adapter: new OfficeAdapter(slow), host };
}

describe("a job run in the jobs worker", () => {
  it("writes the same sheets as on the pane's thread and gives the pane the same figures", async () => {
    const here = officeOver(sampleSpec());
    const there = officeOver(sampleSpec());
    const expected = await runAging(here.adapter, { asOf: AS_OF, lang: "zh-CN" });
    const worker = channelWorker();
    const progress: Progress[] = [];
    const result = await runInWorker<AgingResult>(worker, "runAging", there.adapter, { asOf: AS_OF, lang: "zh-CN", onProgress: (p) => progress.push(p) });

    expect(result.sheets).toEqual(["账龄分析 2026-11-23", "账龄明细 2026-11-23"]);
    expect(result.summary).toEqual(expected.summary);
    // CNY: 22,500.00 outstanding, 14,500.00 overdue (64.44 %), interest 232.50 (test/browser/sample-workbook.ts).
    expect(result.summary[0]).toMatchObject({ currency: "CNY", customers: 4, outstanding: "22500.00", overdue: "14500.00", interest: "232.50" });
    for (const sheet of expected.sheets) expect(there.host.workbook.values(sheet)).toEqual(here.host.workbook.values(sheet));
    // The policy's rates come back as Decimals, the customers without their open invoices, the detail sheet without its cells.
    expect(result.policy.interest.dailyRate.toFixed()).toBe("0.0005");
    expect(result.report.customers.map((customer) => customer.items.length)).toEqual(expected.report.customers.map(() => 0));
    expect(expected.report.customers.some((customer) => customer.items.length > 0)).toBe(true);
    expect(result.plans.map((plan) => [plan.kind, plan.values.length])).toEqual([["aging", expected.plans[0].values.length], ["detail", 0]]);
    // The bar moves through the read and the write, in the pane's language, and ends full.
    expect(progress.map((p) => p.fraction)).toEqual([...progress.map((p) => p.fraction)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ fraction: 1, message: "完成" });
    expect(progress.some((p) => p.message === "正在写入工作表…" && p.fraction > 0.8 && p.fraction < 1)).toBe(true);
    // The pane's thread received the rows of no plan: only calls, asks for cells, progress and the result.
    const kinds = new Set((worker.received as { kind: string }[]).map((message) => message.kind));
    expect([...kinds].sort()).toEqual(["done", "invoke", "pulled", "ready"]);
    worker.terminate();
  });

  it("sends a result's long arrays while the write's last syncs travel, and the result is the pane thread's", async () => {
    // 1,500 customers: the report's list crosses in slices (PART_ITEMS each).
    const spec = benchSpec(6_000, 1_500);
    const here = officeOver(spec);
    const there = slowOfficeOver(spec);
    const expected = await runAging(here.adapter, { asOf: AS_OF, lang: "zh-CN" });
    const worker = channelWorker();
    const syncsAtPart: number[] = [];
    worker.addEventListener("message", (event) => {
      if ((event.data as { kind: string }).kind === "part") syncsAtPart.push(there.host.syncs.length);
    });
    const result = await runInWorker<AgingResult>(worker, "runAging", there.adapter, { asOf: AS_OF, lang: "zh-CN" });
    worker.terminate();
    expect(result.sheets).toEqual(expected.sheets);
    expect(result.summary).toEqual(expected.summary);
    expect(result.report.customers.map((customer) => [customer.customer, customer.outstanding])).toEqual(expected.report.customers.map((customer) => [customer.customer, customer.outstanding]));
    expect(result.plans[0].values).toEqual(expected.plans[0].values);
    // Every slice came before the write's last sync had returned: once the writer had taken the last cells.
    expect(syncsAtPart.length).toBeGreaterThan(1);
    expect(Math.max(...syncsAtPart)).toBeLessThan(there.host.syncs.length);
    for (const sheet of expected.sheets) expect(there.host.workbook.values(sheet)).toEqual(here.host.workbook.values(sheet));
  });

  it("asks the pane before replacing sheets it generated earlier, and writes nothing when told no", async () => {
    const there = officeOver(sampleSpec());
    const first = channelWorker();
    await runInWorker<AgingResult>(first, "runAging", there.adapter, { asOf: AS_OF, lang: "en" });
    first.terminate();
    const writesBefore = sheetWrites(there.host);
    const asked: string[][] = [];
    const second = channelWorker();
    const result = await runInWorker<AgingResult>(second, "runAging", there.adapter, {
      asOf: AS_OF,
      lang: "en",
      confirmReplace: async (sheets) => {
        asked.push(sheets.map((sheet) => sheet.sheetName));
        return false;
      },
    });
    second.terminate();
    expect(asked).toEqual([["Aging 2026-11-23", "Aging detail 2026-11-23"]]);
    expect(result.sheets).toEqual([]);
    expect(sheetWrites(there.host)).toBe(writesBefore);
  });

  it("passes a job's error to the pane with its name and code", async () => {
    const empty = officeOver({ sheets: [{ name: "Sheet1", cells: [["客户", "发票号", "到期日", "金额"]] }] });
    const worker = channelWorker();
    await expect(runInWorker(worker, "runAging", empty.adapter, { asOf: AS_OF, lang: "en" })).rejects.toMatchObject({ name: "JobError", code: "ledger.empty" });
    worker.terminate();
    const unknown = officeOver({ sheets: [{ name: "Notes", cells: [["Name", "Ref", "Sum"], ["A", "1", 2]] }] });
    const other = channelWorker();
    await expect(runInWorker(other, "runAging", unknown.adapter, { asOf: AS_OF, lang: "en" })).rejects.toMatchObject({ name: "LedgerNotFoundError", headersSeen: { sheet: "Notes", row: 1 } });
    other.terminate();
  });

  it("runs any job of the table by name: letters, with their texts", async () => {
    const there = officeOver(sampleSpec());
    const worker = channelWorker();
    const result = await runInWorker<LettersResult>(worker, "runLetters", there.adapter, { asOf: AS_OF, lang: "zh-CN", write: false });
    worker.terminate();
    const expected = await runLetters(officeOver(sampleSpec()).adapter, { asOf: AS_OF, lang: "zh-CN", write: false });
    expect(result.letters).toEqual(expected.letters);
    expect(result.letters.length).toBeGreaterThan(0);
    // The collection state crosses without its items (one entry per ledger row), its promises and stage kept.
    expect([...result.collection.keys()]).toEqual([...expected.collection.keys()]);
    for (const [key, state] of result.collection) {
      const full = expected.collection.get(key)!;
      expect([state.customer.items, state.active, state.paused]).toEqual([[], [], []]);
      expect([state.stage, state.promises, state.customer.outstanding]).toEqual([full.stage, full.promises, full.customer.outstanding]);
    }
    expect([...expected.collection.values()].some((state) => state.active.length > 0 && state.customer.items.length > 0)).toBe(true);
  });

  it("runs the collection picture: its open invoices cross as plain rows, the accounts without their items", async () => {
    const worker = channelWorker();
    const asOf = fromYmd(2026, 11, 30);
    const result = await runInWorker<CollectionResult>(worker, "runCollection", officeOver(sampleSpec()).adapter, { asOf, lang: "zh-CN" });
    worker.terminate();
    const expected = await runCollection(officeOver(sampleSpec()).adapter, { asOf, lang: "zh-CN" });
    expect(result.openInvoices).toEqual(expected.openInvoices);
    // 甲公司: 10,000.00 and 5,000.00 − 2,000.00 open, no promise yet.
    expect(result.openInvoices.filter((invoice) => invoice.customer === "甲公司").map((invoice) => [invoice.outstanding, invoice.paused])).toEqual([
      [1_000_000, false],
      [300_000, false],
    ]);
    expect(result.today).toEqual(expected.today);
    expect([...result.collection.keys()]).toEqual([...expected.collection.keys()]);
    for (const state of result.collection.values()) expect([state.customer.items, state.active, state.paused]).toEqual([[], [], []]);
  });

  it("logs a contact from the worker: the same row appended as on the pane's thread, the customer checked against the ledger", async () => {
    const contact = { date: fromYmd(2026, 11, 25), customer: "甲公司 ", channel: "phone", outcome: "promised", promisedDate: fromYmd(2026, 12, 2), promisedAmount: "13,000.00" };
    const here = officeOver(sampleSpec());
    const expected = await runLogContact(here.adapter, contact, { lang: "zh-CN" });
    const there = officeOver(sampleSpec());
    const worker = channelWorker();
    const result = await runInWorker<LogContactResult>(worker, "logContact", there.adapter, { contact, lang: "zh-CN" });
    worker.terminate();
    const other = channelWorker();
    const unknown = await runInWorker<LogContactResult>(other, "logContact", officeOver(sampleSpec()).adapter, { contact: { ...contact, customer: "无此公司" }, lang: "zh-CN" });
    other.terminate();
    expect(result).toEqual(expected);
    expect(result.appended).not.toBeNull();
    expect(there.host.workbook.values(result.appended!.sheet)).toEqual(here.host.workbook.values(expected.appended!.sheet));
    // A customer the ledger does not have: nothing written, the same problem as on the pane's thread.
    const unknownHere = await runLogContact(officeOver(sampleSpec()).adapter, { ...contact, customer: "无此公司" }, { lang: "zh-CN" });
    expect(unknown).toEqual(unknownHere);
    expect([unknown.appended, unknown.problems.length]).toEqual([null, 1]);
    // The problem keeps what the form shows it by: its field, code and values.
    const fieldsOf = (problem: LogContactResult["problems"][number]) => [problem.name, problem.code, problem.field, problem.params];
    expect(unknown.problems.map(fieldsOf)).toEqual(unknownHere.problems.map(fieldsOf));
    expect(unknown.problems[0].code).toBe("contact.unknownCustomer");
  });

  it("computes statements in the worker: the same sheet plan and balances, the lines left there", async () => {
    const options = { from: fromYmd(2026, 11, 1), to: fromYmd(2026, 11, 30), lang: "zh-CN" as const, write: false };
    const worker = channelWorker();
    const result = await runInWorker<StatementsResult>(worker, "runStatements", officeOver(sampleSpec()).adapter, options);
    worker.terminate();
    const expected = await runStatements(officeOver(sampleSpec()).adapter, options);
    expect(result.plans).toEqual(expected.plans);
    expect(result.statements.map(({ lines, ...rest }) => [rest, lines])).toEqual(expected.statements.map(({ lines: _lines, ...rest }) => [rest, []]));
    expect(expected.statements.some((statement) => statement.lines.length > 0)).toBe(true);
    expect(result.sheets).toEqual([]);
  });
});
