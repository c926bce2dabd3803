import { JobCancelledError, JobError, runAging, runFlags, runLetters } from "../../src/jobs/jobs";
import { MemoryAdapter } from "../../src/jobs/memory-adapter";
import type { SheetPlan } from "../../src/workbook/plan-types";
import { fromYmd } from "../../src/rules/dates";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { Progress, RunOptions, WorkbookData } from "../../src/workbook/adapter-types";
import { agingColumns } from "../../src/workbook/plans";
import { LedgerNotFoundError } from "../../src/workbook/read";
import { rowFromValues, rowsToChange } from "../../src/workbook/sheet-cells";
import { gridOf, sheetOf } from "../support/grid";

const AS_OF = fromYmd(2026, 11, 23); // serial 46349

/**
 * Five invoices, as of 2026-11-23 (1900 serials: due − 30 = invoice date):
 *   甲公司 A-001 10,000.00 due 2026-10-14 (40 days overdue)           → 10,000.00 overdue, interest 10,000 × 0.0005 × 40 = 200.00
 *   甲公司 A-002  5,000.00 − 2,000.00 received, due 2026-11-18 (5 days) →  3,000.00 overdue, interest  3,000 × 0.0005 × 5 = 7.50
 *   乙公司 B-001  8,000.00 due 2026-12-03 (not due)
 *   乙公司 B-002  1,200.50 − 200.50 received, due 2026-12-13 (not due) →  1,000.00
 *   Gamma  G-001    300.00 USD due 2026-11-13 (10 days)                →    300.00 overdue, interest 300 × 0.0005 × 10 = 1.50
 * CNY: 2 customers, outstanding 22,000.00, overdue 13,000.00 (59.09 %), interest 207.50. USD: 300.00, 300.00, 1.50.
 * Limits: 甲公司 20,000 but open past due → grade D → limit 0 → stop shipping; 乙公司 10,000 (grade A, 90 % used);
 * Gamma 1,000 USD, grade D → 0 → stop shipping.
 */
function ledgerWorkbook(): WorkbookData {
  const row = (customer: string, invoiceNo: string, due: number, amount: number, received: number, currency: string) => [
    customer, invoiceNo, due - 30, due, amount, received, currency, "王五",
  ];
  return {
    dateSystem: "1900",
    settings: {},
    tables: [],
    sheets: [
      sheetOf("应收台账", [
          ["客户", "发票号", "开票日期", "到期日", "金额", "已收", "币种", "业务员"],
          row("甲公司", "A-001", 46309, 10000, 0, "CNY"),
          row("甲公司", "A-002", 46344, 5000, 2000, "CNY"),
          row("乙公司", "B-001", 46359, 8000, 0, "CNY"),
          row("乙公司", "B-002", 46369, 1200.5, 200.5, "CNY"),
          row("Gamma", "G-001", 46339, 300, 0, "USD"),
      ]),
      sheetOf("客户资料", [
          ["客户名称", "信用额度", "联系人"],
          ["甲公司", 20000, "李四"],
          ["乙公司", 10000, "赵六"],
          ["Gamma", 1000, "Ann"],
      ]),
    ],
  };
}

describe("runAging", () => {
  it("writes the aging and detail sheets and summarizes per currency, figures checked by hand", async () => {
    const workbook = ledgerWorkbook();
    const adapter = new MemoryAdapter(workbook);
    const result = await runAging(adapter, { asOf: AS_OF, lang: "zh-CN" });

    expect(result.errors).toEqual([]);
    expect(result.sheets).toEqual(["账龄分析 2026-11-23", "账龄明细 2026-11-23"]);
    expect(result.summary).toEqual([
      { currency: "CNY", customers: 2, outstanding: "22000.00", overdue: "13000.00", overduePct: 0.5909, interest: "207.50" },
      { currency: "USD", customers: 1, outstanding: "300.00", overdue: "300.00", overduePct: 1, interest: "1.50" },
    ]);

    const aging = adapter.sheet("账龄分析 2026-11-23")!;
    expect(aging.generated).toBe(true);
    const cols = agingColumns(5);
    const jia = gridOf(aging).find((cells) => cells[0] === "甲公司")!;
    expect(jia.slice(cols.buckets, cols.buckets + 5)).toEqual([0, 3000, 10000, 0, 0]);
    expect(jia[cols.interest]).toBe(207.5);
    expect(jia[cols.stage]).toBe("正式催款函");
    const totals = gridOf(aging).find((cells) => cells[0] === "合计 (CNY)")!;
    expect(totals[cols.outstanding]).toBe(22000);
    expect(totals.slice(cols.buckets, cols.buckets + 5)).toEqual([9000, 3000, 10000, 0, 0]);
    expect(gridOf(aging).find((cells) => cells[0] === "合计 (USD)")![cols.outstanding]).toBe(300);

    const detail = adapter.sheet("账龄明细 2026-11-23")!;
    expect(gridOf(detail)).toHaveLength(6); // header + 5 open invoices
    expect(gridOf(detail).find((cells) => cells[2] === "A-001")!.slice(3, 9)).toEqual([46279, 46309, 10000, 0, 10000, 40]);
  });

  it("leaves the user's data sheets exactly as they were", async () => {
    const adapter = new MemoryAdapter(ledgerWorkbook());
    await runAging(adapter, { asOf: AS_OF, lang: "en" });
    const original = ledgerWorkbook();
    expect(adapter.sheet("应收台账")).toEqual(original.sheets[0]);
    expect(adapter.sheet("客户资料")).toEqual(original.sheets[1]);
    expect(adapter.data.sheets.map((sheet) => sheet.name)).toEqual(["应收台账", "客户资料", "Aging 2026-11-23", "Aging detail 2026-11-23"]);
  });

  it("replaces its own sheets on a second run but never a user sheet of the same name", async () => {
    const workbook = ledgerWorkbook();
    workbook.sheets.push(sheetOf("Aging 2026-11-23", [["my notes"]], { generated: false }));
    const adapter = new MemoryAdapter(workbook);
    const first = await runAging(adapter, { asOf: AS_OF, lang: "en" });
    expect(first.sheets).toEqual(["Aging 2026-11-23 (2)", "Aging detail 2026-11-23"]);
    const second = await runAging(adapter, { asOf: AS_OF, lang: "en" });
    expect(second.sheets).toEqual(first.sheets);
    expect(adapter.data.sheets).toHaveLength(5);
    expect(gridOf(adapter.sheet("Aging 2026-11-23")!)).toEqual([["my notes"]]);
  });

  it("adds a data-errors sheet when rows are bad, and still ages the good ones", async () => {
    const workbook = ledgerWorkbook();
    rowsToChange(workbook.sheets[0]).push(rowFromValues(["丁公司", "D-001", 46300, "not a date", "abc", 0, "CNY", ""]));
    const adapter = new MemoryAdapter(workbook);
    const result = await runAging(adapter, { asOf: AS_OF, lang: "zh-TW" });
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.every((error) => error.sheet === "应收台账" && error.row === 7)).toBe(true);
    expect(result.sheets).toEqual(["帳齡分析 2026-11-23", "帳齡明細 2026-11-23", "資料錯誤 2026-11-23"]);
    const errors = adapter.sheet("資料錯誤 2026-11-23")!;
    expect(gridOf(errors)[0]).toEqual(["工作表", "列", "欄", "問題"]);
    expect(gridOf(errors)[1].slice(0, 2)).toEqual(["应收台账", 7]);
    expect(result.summary[0].outstanding).toBe("22000.00");
  });

  it("computes without writing on a dry run", async () => {
    const adapter = new MemoryAdapter(ledgerWorkbook());
    const result = await runAging(adapter, { asOf: AS_OF, lang: "zh-CN", write: false });
    expect(result.sheets).toEqual([]);
    expect(result.plans.map((plan) => plan.name)).toEqual(["账龄分析 2026-11-23", "账龄明细 2026-11-23"]);
    expect(adapter.data.sheets).toHaveLength(2);
  });

  it("uses the policy passed in over the workbook's", async () => {
    const policy = { ...DEFAULT_POLICY, interest: { ...DEFAULT_POLICY.interest, dailyRate: DEFAULT_POLICY.interest.dailyRate.times(2) } };
    const result = await runAging(new MemoryAdapter(ledgerWorkbook()), { asOf: AS_OF, lang: "zh-CN", policy, write: false });
    expect(result.summary[0].interest).toBe("415.00"); // twice 207.50
  });

  it("uses the policy stored in the workbook unless one is passed in", async () => {
    const workbook = { ...ledgerWorkbook(), settings: { "ar.policy": JSON.stringify({ interest: { dailyRate: "0.001" } }) } };
    const stored = await runAging(new MemoryAdapter(workbook), { asOf: AS_OF, lang: "zh-CN", write: false });
    expect(stored.policy.interest.dailyRate.toString()).toBe("0.001");
    expect(stored.summary[0].interest).toBe("415.00");
    const passed = await runAging(new MemoryAdapter(workbook), { asOf: AS_OF, lang: "zh-CN", policy: DEFAULT_POLICY, write: false });
    expect(passed.summary[0].interest).toBe("207.50");
  });

  it("asks before replacing its own sheets and writes only when told yes", async () => {
    const adapter = new MemoryAdapter(ledgerWorkbook());
    const asked: string[][] = [];
    const confirmReplace = (answer: boolean) => async (sheets: { sheetName: string }[]) => {
      asked.push(sheets.map((sheet) => sheet.sheetName));
      return answer;
    };
    // Nothing to replace on the first run: not asked.
    const first = await runAging(adapter, { asOf: AS_OF, lang: "en", confirmReplace: confirmReplace(false) });
    expect(first.sheets).toEqual(["Aging 2026-11-23", "Aging detail 2026-11-23"]);
    expect(asked).toEqual([]);
    const declined = await runAging(adapter, { asOf: AS_OF, lang: "en", confirmReplace: confirmReplace(false) });
    expect(declined.sheets).toEqual([]);
    expect(declined.summary).toEqual(first.summary);
    const agreed = await runAging(adapter, { asOf: AS_OF, lang: "en", confirmReplace: confirmReplace(true) });
    expect(agreed.sheets).toEqual(first.sheets);
    expect(asked).toEqual([first.sheets, first.sheets]);
    expect(adapter.data.sheets).toHaveLength(4);
  });

  it("moves the bar through the read and the write as the adapter reports them, in the job's words", async () => {
    const seen: Progress[] = [];
    class Reporting extends MemoryAdapter {
      async read(options?: RunOptions) {
        options?.onProgress?.({ fraction: 0.5, message: "Read 1 of 2 chunks" });
        return super.read(options);
      }
    }
    await runAging(new Reporting(ledgerWorkbook()), { asOf: AS_OF, lang: "en", onProgress: (progress) => seen.push(progress) });
    // Half of the read is half of its 20 % of the bar; the write's two sheets are 90 % and 100 %.
    expect(seen).toContainEqual({ fraction: 0.1, message: "Reading the workbook…" });
    expect(seen.filter((progress) => progress.message === "Writing the sheets…").map((progress) => progress.fraction)).toEqual([0.8, 0.9, 1]);
  });

  it("reports progress through every phase, ending at 1", async () => {
    const seen: Progress[] = [];
    await runAging(new MemoryAdapter(ledgerWorkbook()), { asOf: AS_OF, lang: "en", onProgress: (progress) => seen.push(progress) });
    const fractions = seen.map((progress) => progress.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[0]).toBe(0);
    expect(seen[seen.length - 1]).toEqual({ fraction: 1, message: "Done" });
    expect(seen.length).toBeGreaterThanOrEqual(6);
  });

  it("stops with JobCancelledError when aborted, writing nothing", async () => {
    const before = new AbortController();
    before.abort();
    const adapter = new MemoryAdapter(ledgerWorkbook());
    await expect(runAging(adapter, { asOf: AS_OF, lang: "en", signal: before.signal })).rejects.toBeInstanceOf(JobCancelledError);

    const during = new AbortController();
    const cancelAtReport = (progress: Progress) => {
      if (progress.message === "Computing the aging…") during.abort();
    };
    await expect(
      runAging(adapter, { asOf: AS_OF, lang: "en", signal: during.signal, onProgress: cancelAtReport }),
    ).rejects.toThrow("The job was cancelled.");
    expect(adapter.data.sheets).toHaveLength(2);
  });

  it("yields to the event loop between phases, so a Cancel handled by a later task stops the next phase", async () => {
    // A click on Cancel arrives as a task of its own: a message posted while a phase is shown
    // stands for it. Without a yield between phases the job would run to the end first.
    for (const phaseMessage of ["Reading the workbook…", "Reading the ledger…", "Computing the aging…", "Laying out the sheets…", "Writing the sheets…"]) {
      const adapter = new MemoryAdapter(ledgerWorkbook());
      const controller = new AbortController();
      const seen: string[] = [];
      const onProgress = (progress: Progress) => {
        seen.push(progress.message);
        if (progress.message !== phaseMessage) return;
        const click = new MessageChannel();
        click.port1.onmessage = () => {
          click.port1.close();
          controller.abort();
        };
        click.port2.postMessage("cancel");
      };
      await expect(runAging(adapter, { asOf: AS_OF, lang: "en", signal: controller.signal, onProgress })).rejects.toBeInstanceOf(JobCancelledError);
      expect(seen[seen.length - 1]).toBe(phaseMessage);
      expect(adapter.data.sheets).toHaveLength(2);
    }
  });
});

describe("workbooks a job cannot use", () => {
  it("passes LedgerNotFoundError through when no sheet holds an invoices table", async () => {
    const workbook: WorkbookData = { dateSystem: "1900", settings: {}, tables: [], sheets: [sheetOf("Notes", [["hello"]], { generated: false })] };
    await expect(runAging(new MemoryAdapter(workbook), { asOf: AS_OF, lang: "en" })).rejects.toBeInstanceOf(LedgerNotFoundError);
  });

  it("throws JobError when the invoices table has no rows", async () => {
    const workbook = ledgerWorkbook();
    workbook.sheets[0].rows = rowsToChange(workbook.sheets[0]).slice(0, 1);
    const adapter = new MemoryAdapter(workbook);
    await expect(runAging(adapter, { asOf: AS_OF, lang: "zh-CN" })).rejects.toMatchObject({ name: "JobError", code: "ledger.empty" });
    await expect(runFlags(adapter, { asOf: AS_OF, lang: "zh-CN" })).rejects.toBeInstanceOf(JobError);
    expect(adapter.data.sheets).toHaveLength(2);
  });

  it("throws JobError for an as-of date that is not a day", async () => {
    await expect(runAging(new MemoryAdapter(ledgerWorkbook()), { asOf: Number.NaN, lang: "en" })).rejects.toThrow("The as-of date is not valid.");
  });
});

describe("runFlags", () => {
  it("lists the flagged customers, most at risk first, on the flags sheet", async () => {
    const adapter = new MemoryAdapter(ledgerWorkbook());
    const result = await runFlags(adapter, { asOf: AS_OF, lang: "zh-CN" });
    expect(result.flagged.map((customer) => customer.customer)).toEqual(["甲公司", "Gamma"]);
    expect(result.sheets).toEqual(["超额度停货 2026-11-23"]);
    const flags = adapter.sheet("超额度停货 2026-11-23")!;
    expect(gridOf(flags).map((cells) => cells[0])).toEqual(["客户", "甲公司", "Gamma"]);
    expect(gridOf(flags)[1].slice(3, 7)).toEqual(["是", 0, 13000, 13000]); // stop, limit 0, outstanding, excess
    expect(gridOf(flags)[1][13]).toBe("李四");
  });
});

describe("runLetters", () => {
  it("drafts one letter per customer at a letter stage and writes them", async () => {
    const adapter = new MemoryAdapter(ledgerWorkbook());
    const result = await runLetters(adapter, { asOf: AS_OF, lang: "zh-CN" });
    // 甲公司 is 40 days overdue (formal demand); Gamma 10 days (phone: no letter); 乙公司 not due.
    expect(result.letters.map((letter) => [letter.customer, letter.stage])).toEqual([["甲公司", "formal"]]);
    expect(result.sheets).toEqual(["催款函 2026-11-23"]);
    const sheet = adapter.sheet("催款函 2026-11-23")!;
    expect(gridOf(sheet)[1].slice(0, 3)).toEqual(["甲公司", "CNY", "正式催款函"]);
    expect(gridOf(sheet)[1][4]).toContain("甲公司");
  });

  it("keeps only the customers asked for", async () => {
    const result = await runLetters(new MemoryAdapter(ledgerWorkbook()), { asOf: AS_OF, lang: "en", customers: ["乙公司"], write: false });
    expect(result.letters).toEqual([]);
  });
});

describe("MemoryAdapter", () => {
  it("shifts plan date columns for a 1904-system workbook", async () => {
    const workbook = ledgerWorkbook();
    const adapter = new MemoryAdapter({ ...workbook, sheets: [], dateSystem: "1904" });
    await adapter.writePlans([
      { name: "d", kind: "detail", values: [["due"], [46349]], formats: [], conditionalFormats: [], columnWidths: [10], freezeRows: 1, freezeCols: 0, dateCols: [0] },
    ]);
    expect(gridOf(adapter.sheet("d")!)).toEqual([["due"], [44887]]); // 46349 − 1462
  });

  const plan = (name: string): SheetPlan => ({ name, kind: "aging", values: [["x"]], formats: [], conditionalFormats: [], columnWidths: [], freezeRows: 0, freezeCols: 0 });

  it("keeps its list of generated sheets in its store, as the settings-store contract says", async () => {
    const adapter = new MemoryAdapter({ sheets: [sheetOf("Aging", [["mine"]], { generated: false })], tables: [], dateSystem: "1900", settings: {} });
    expect(await adapter.writePlans([plan("Aging"), plan("Flags")])).toEqual(["Aging (2)", "Flags"]);
    expect(await adapter.readStoredSettings(["ar.generated"])).toEqual({
      "ar.generated": '[{"id":"Aging (2)","name":"Aging (2)","kind":"aging"},{"id":"Flags","name":"Flags","kind":"aging"}]',
    });
    expect((await adapter.read()).settings).toEqual({});
    expect(await adapter.findReplaceableSheets([plan("Aging")])).toEqual([{ planName: "Aging", sheetName: "Aging (2)", sheetId: "Aging (2)" }]);
  });

  it("reads a broken list of generated sheets as none and reports it", async () => {
    const adapter = new MemoryAdapter({
      sheets: [sheetOf("Aging", [["earlier"]], { generated: true })],
      tables: [],
      dateSystem: "1900",
      settings: { "ar.generated": "[oops" },
    });
    const data = await adapter.read();
    expect(data.sheets[0].generated).toBe(false);
    expect(data.storeErrors?.map((error) => error.field)).toEqual(["ar.generated"]);
    expect(await adapter.findReplaceableSheets([plan("Aging")])).toEqual([]);
    expect(await adapter.writePlans([plan("Aging")])).toEqual(["Aging (2)"]);
  });
});
