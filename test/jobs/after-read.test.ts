/**
 * The hook a host gets once the cells are read into the ledger and dropped (the command line
 * collects garbage there on a big file): called once, after reading and before the report.
 */
import { writeFileSync, mkdtempSync, rmSync, truncateSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
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
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "ar-collect-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives none for a small file, and a working collector from 16 MB on", async () => {
    const small = path.join(dir, "small.xlsx");
    writeFileSync(small, "x");
    expect(await collectorFor(small)).toBeUndefined();
    const big = path.join(dir, "big.xlsx");
    writeFileSync(big, "");
    truncateSync(big, 16 * 1024 * 1024);
    const collect = await collectorFor(big);
    expect(typeof collect).toBe("function");
    expect(() => collect!()).not.toThrow();
  });
});
