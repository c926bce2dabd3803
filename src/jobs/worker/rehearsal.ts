/**
 * The jobs worker rehearses while it waits for its run. Each job runs in a fresh worker (the pane
 * ends a job's worker when the job is done), so every job ran on code V8 had not compiled yet:
 * at 100,000 invoices the report took ≈ 110 ms in Chromium's worker where it takes ≈ 60 ms warm,
 * and on 8,000 invoices a cold report took as long as on 100,000 warm. While it waits for its run,
 * the spare worker runs Generate aging a few times on a made-up ledger through the very path a
 * real run takes — the protocol (serveJobs at one end of a channel inside the worker, the pane's
 * side at the other), the rows in blocks, the early reading, the report, the plans, the write's
 * runs packed — over an adapter that reads the made-up rows and writes nowhere. Nothing of it
 * reaches the pane or the workbook; a run that comes meanwhile stops it (serve.ts).
 */
import { fromYmd } from "../../rules/dates";
import type { CellValue, RunOptions, WorkbookData } from "../../workbook/adapter-types";
import { PAYLOAD_BUDGET_BYTES } from "../../workbook/office/chunks";
import type { RowSink } from "../../workbook/office/read";
import type { PlanLayout, PlanValues } from "../../workbook/office/write-values";
import { runInWorker, type PieceWiseAdapter } from "./pane-side";
import type { Port } from "./protocol";
import { serveJobs } from "./serve";

/** The made-up ledger's size and how often it is run: enough for V8 to optimise the job's loops. */
export const REHEARSAL = { invoices: 8_000, customers: 80, runs: 4 } as const;

/** The as-of date of the rehearsal (any date: the ledger is made around it). */
const AS_OF = fromYmd(2026, 6, 30);
/** Excel's serial of 2025-01-01, where the made-up invoices begin. */
const FIRST_SERIAL = 45_658;

/** Thrown into the rehearsal when a real run has come. */
class RehearsalStopped extends Error {
  override name = "RehearsalStopped";
}

/**
 * A made-up invoices sheet: a header row, then invoices of `customers` customers over a year and
 * a half, due 30–90 days after issue, some partly received — the columns of a common ledger.
 * @param invoices how many invoice rows
 * @param customers how many customers they are spread over
 * @returns the sheet's rows, the same on every call
 * @example madeUpLedger(2, 1)[0] // ["客户", "发票号", "开票日期", "到期日", "金额", "已收"]
 */
export function madeUpLedger(invoices: number, customers: number): CellValue[][] {
  const rows: CellValue[][] = [["客户", "发票号", "开票日期", "到期日", "金额", "已收"]];
  let seed = 20_261_205;
  const next = (): number => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = 0; i < invoices; i++) {
    const issued = FIRST_SERIAL + Math.floor(next() * 540);
    const amount = Math.round(next() * 10_000_000) / 100;
    const received = next() < 0.3 ? Math.round(next() * amount * 100) / 100 : null;
    rows.push([`客户${Math.floor(next() * customers) + 1}有限公司`, `FP${String(100_000 + i)}`, issued, issued + 30 + Math.floor(next() * 61), amount, received]);
  }
  return rows;
}

/** An adapter over the made-up sheet that reads it as Excel's would, in blocks, and writes nowhere. */
function rehearsalAdapter(rows: CellValue[][], stopped: () => boolean): PieceWiseAdapter {
  const check = (): void => {
    if (stopped()) throw new RehearsalStopped();
  };
  const adapter = {
    read: () => Promise.reject(new Error("the rehearsal reads in pieces")),
    writePlans: () => Promise.reject(new Error("the rehearsal writes laid out")),
    writeSettings: async () => check(),
    findReplaceableSheets: async () => {
      check();
      return [];
    },
    async readInPieces(_options: RunOptions, sink: RowSink): Promise<WorkbookData> {
      check();
      const data: WorkbookData = { sheets: [{ name: "应收台账", rows: [], firstRow: 0, firstCol: 0, generated: false }], tables: [], dateSystem: "1900", settings: {} };
      sink.layout(data, [rows.length]);
      const step = Math.ceil(rows.length / 4);
      for (let start = 0; start < rows.length; start += step) {
        await Promise.resolve();
        check();
        sink.rows(0, start, rows.slice(start, start + step), 0);
      }
      return data;
    },
    async writeLaidOut(layouts: PlanLayout[], values: PlanValues): Promise<string[]> {
      for (let plan = 0; plan < layouts.length; plan++) {
        if (layouts[plan].width === 0) continue;
        for (let start = 0; start < layouts[plan].rowCount; ) {
          check();
          // Runs and rooms about the Office writer's (a quarter of a sync's bytes, a sync's).
          const taken = await values.take({ plan, dateSystem: "1900", start, runBytes: PAYLOAD_BUDGET_BYTES / 4, roomBytes: PAYLOAD_BUDGET_BYTES, runOverhead: 257, mayBeEmpty: false });
          if (taken.length === 0) break;
          start = taken[taken.length - 1].run.start + taken[taken.length - 1].run.count;
        }
      }
      return layouts.map((layout) => layout.name);
    },
  };
  return adapter as unknown as PieceWiseAdapter;
}

/**
 * Runs Generate aging on the made-up ledger `REHEARSAL.runs` times, each over a channel of its
 * own to a job server in this thread, until done or until `stopped()` says a real run has come.
 * A failure of the rehearsal is no failure of the worker: it just ends.
 * @param stopped whether to stop (asked before each of the adapter's steps)
 * @param size the ledger and the runs (REHEARSAL by default)
 * @returns how many runs were completed
 * @example void rehearse(() => runCame); // after posting "ready" (serve.ts)
 */
export async function rehearse(stopped: () => boolean, size: { invoices: number; customers: number; runs: number } = REHEARSAL): Promise<number> {
  const rows = madeUpLedger(size.invoices, size.customers);
  let completed = 0;
  for (; completed < size.runs && !stopped(); completed++) {
    const channel = new MessageChannel();
    try {
      serveJobs(channel.port1 as unknown as Port);
      channel.port1.start();
      channel.port2.start();
      await runInWorker(channel.port2 as unknown as Port, "runAging", rehearsalAdapter(rows, stopped), { asOf: AS_OF, lang: "zh-CN" });
    } catch {
      break;
    } finally {
      channel.port1.close();
      channel.port2.close();
    }
  }
  return completed;
}
