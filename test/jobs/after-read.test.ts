/**
 * The hook a host gets once the cells are read into the ledger and dropped (the command line
 * collects garbage there on a big file): called once, after reading and before the report.
 */
import { collectorFor } from "../../src/cli/collect";
import { runAging } from "../../src/jobs/jobs";
import { MemoryAdapter } from "../../src/jobs/memory-adapter";
import { labelsFor } from "../../src/i18n/labels";
import { fromYmd } from "../../src/rules/dates";
import { sheetOf } from "../support/grid";

const AS_OF = fromYmd(2026, 11, 23);

describe("afterRead", () => {
  it("is called once, after the ledger is read and before the report is built", async () => {
    const adapter = new MemoryAdapter({
      dateSystem: "1900",
      settings: {},
      tables: [],
      sheets: [sheetOf("应收台账", [["客户", "发票号", "到期日", "金额"], ["甲公司", "INV-1", 46310, 20000]])],
    });
    const events: string[] = [];
    const progress = labelsFor("en").progress;
    await runAging(adapter, {
      asOf: AS_OF,
      lang: "en",
      afterRead: () => events.push("afterRead"),
      onProgress: ({ message }) => {
        if ((message === progress.ledger || message === progress.report) && events[events.length - 1] !== message) events.push(message);
      },
    });
    expect(events).toEqual([progress.ledger, "afterRead", progress.report]);
  });
});

describe("collectorFor (the command line's)", () => {
  it("gives none for a small file, and a working collector from 16 MB on", () => {
    expect(collectorFor(1)).toBeUndefined();
    const collect = collectorFor(16 * 1024 * 1024);
    expect(typeof collect).toBe("function");
    expect(() => collect!()).not.toThrow();
  });
});
