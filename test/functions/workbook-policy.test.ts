/**
 * The functions follow the workbook's policy on the Excel stand-in: the 设置 sheet and the settings
 * the pane saves, as runAging reads them; an argument in the formula wins; after the settings
 * change the AR formulas (and only they) are recalculated; #VALUE! speaks the display language.
 */
import "../support/custom-functions";
import { asError } from "../support/cf-helpers";
import { createExcelHost, type SheetSpec, type WorkbookSpec } from "../support/excel-standin";
import { aging, bucketsum, interest, penalty } from "../../src/functions/functions";
import { followWorkbook, settingsChanged } from "../../src/functions/workbook-policy";
import { runAging } from "../../src/jobs/jobs";
import { moneyNumber } from "../../src/rules/money";
import { OfficeAdapter, type ExcelRunner } from "../../src/workbook/office/adapter";
import { createFunctionHost, type OfficeFunctionsLike } from "../../src/workbook/office/function-host";

// Serials (1900 system): 2026-01-01 = 46023, 2026-01-11 = 46033, 2026-01-31 = 46053,
// 2026-09-19 = 46284, 2026-11-03 = 46329, 2026-11-23 = 46349.
const AS_OF = 46349;

/** 设置: interest 0.1 % a day, buckets not due, 1–30, 31–90, over 90. */
const SETTINGS: SheetSpec = {
  name: "设置",
  cells: [
    ["设置项", "值"],
    ["interest.dailyRate", 0.001],
    ["buckets.edges", "0,30,90"],
  ],
};

/** 1,000.05 due 2026-11-03 (20 days overdue); B-1: 5,000 due 2026-09-19 (65 days). */
const LEDGER: SheetSpec = {
  name: "应收台账",
  cells: [
    ["客户", "发票号", "开票日期", "到期日", "金额"],
    ["甲公司", "A-1", 46299, 46329, 1000.05],
    ["乙公司", "B-1", 46254, 46284, 5000],
  ],
};

function standIn(spec: WorkbookSpec, office: Partial<OfficeFunctionsLike> = {}) {
  const made = createExcelHost(spec);
  const excel = made.Excel as unknown as ExcelRunner;
  followWorkbook(createFunctionHost(excel, { ...(made.Office as unknown as OfficeFunctionsLike), ...office }));
  return { excel, host: made.host };
}

/** Lets the stand-in's sheet events and the recalculation they start run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

afterEach(() => followWorkbook(null));

describe("the functions in a workbook whose 设置 sheet sets the policy", () => {
  it("charge interest and name buckets as the aging job does for the same invoices", async () => {
    const { excel } = standIn({ sheets: [SETTINGS, LEDGER] });
    const job = await runAging(new OfficeAdapter(excel), { asOf: AS_OF, lang: "zh-CN", write: false });
    const items = job.report.customers.flatMap((customer) => customer.items).sort((a, b) => a.state.invoice.invoiceNo.localeCompare(b.state.invoice.invoiceNo));
    // 1,000.05 × 0.001 × 20 = 20.001 → 20.00; 5,000 × 0.001 × 65 = 325.00 (the default 0.0005 gives 10.00 and 162.50)
    expect(items.map((item) => moneyNumber(item.interest, job.report.scale))).toEqual([20, 325]);
    expect(await penalty([[1000.05], [5000]], [[46329], [46284]], [[AS_OF]])).toEqual([[20], [325]]);
    // 65 days is "31-90天" with edges 0,30,90 (the default edges say "61-90天")
    expect(items.map((item) => job.policy.buckets.labels["zh-CN"][item.bucket])).toEqual(["1-30天", "31-90天"]);
    expect(await aging([[46329], [46284]], [[AS_OF]])).toEqual([["1-30天"], ["31-90天"]]);
    // The buckets of the aging sheet, one row: not due 0, 1–30 1,000.05, 31–90 5,000, over 90 0
    const totals = job.report.customers.reduce((sums, customer) => sums.map((sum, i) => sum + moneyNumber(customer.buckets[i], job.report.scale)), [0, 0, 0, 0]);
    expect(totals).toEqual([0, 1000.05, 5000, 0]);
    expect(await bucketsum([[1000.05], [5000]], [[46329], [46284]], undefined, [[AS_OF]])).toEqual([totals]);
  });

  it("let an argument given in the formula win over the policy", async () => {
    standIn({ sheets: [SETTINGS, LEDGER] });
    expect(await penalty([[1000.05]], [[46329]], [[AS_OF]], [[0.0005]])).toEqual([[10]]);
    expect(await aging([[46284]], [[AS_OF]], [["0,30,60,90"]])).toEqual([["61-90天"]]);
  });

  it("read the workbook once for many calls", async () => {
    const { host } = standIn({ sheets: [SETTINGS, LEDGER] });
    await penalty([[1000.05]], [[46329]], [[AS_OF]]);
    const runs = host.runs;
    await Promise.all([penalty([[1]], [[46329]], [[AS_OF]]), aging([[46329]], [[AS_OF]]), bucketsum([[1]], [[46329]])]);
    expect(host.runs).toBe(runs);
  });

  it("take the settings sheet over the settings the pane saved, as the jobs do", async () => {
    standIn({ sheets: [SETTINGS, LEDGER], settings: { "ar.policy": JSON.stringify({ interest: { dailyRate: 0.002, graceDays: 5 } }) } });
    // 0.001 from the sheet; the 5 grace days from the store: 1,000.05 × 0.001 × 15 = 15.00075 → 15.00
    expect(await penalty([[1000.05]], [[46329]], [[AS_OF]])).toEqual([[15]]);
  });

  it("follow an edit of the 设置 sheet: the policy is read again and the AR formulas recalculated", async () => {
    const { excel, host } = standIn({ sheets: [SETTINGS, { ...LEDGER, cells: [...(LEDGER.cells ?? []).map((row) => [...row])] }] });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("应收台账").getRange("F2:F3").formulas = [["=AR.PENALTY(E2,D2)"], ["=AR.PENALTY(E3,D3)"]];
      await context.sync();
    });
    expect(await penalty([[1000.05]], [[46329]], [[AS_OF]])).toEqual([[20]]);
    await settle();
    host.workbook.calculations.length = 0;
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("设置").getRange("B2").values = [[0.002]];
      await context.sync();
    });
    await settle();
    expect(host.workbook.calculations).toEqual(["'应收台账'!F2:F3"]);
    // 1,000.05 × 0.002 × 20 = 40.002 → 40.00
    expect(await penalty([[1000.05]], [[46329]], [[AS_OF]])).toEqual([[40]]);
  });
});

describe("after the pane saves settings", () => {
  it("recalculates the cells whose formulas call AR.*, and only those, which then follow the new policy", async () => {
    const { excel, host } = standIn({ sheets: [{ ...LEDGER, cells: (LEDGER.cells ?? []).map((row) => [...row]) }, { name: "Notes", cells: [["x"]] }] });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("应收台账");
      sheet.getRange("F1:G3").formulas = [["罚息", "=1+2"], ["=ROUND(ar.penalty(E2,D2),0)", "=E2*2"], ["=AR.PENALTY(E3,D3)", "=E3*2"]];
      sheet.getRange("H5").formulas = [["=AR.AGING(D2)"]];
      await context.sync();
    });
    expect(await penalty([[1000.05]], [[46329]], [[AS_OF]])).toEqual([[10]]);
    host.workbook.calculations.length = 0;

    // What SettingsTab's save does: write the settings, then tell the functions.
    await new OfficeAdapter(excel).writeSettings({ "ar.policy": JSON.stringify({ interest: { dailyRate: 0.001 } }) });
    await settingsChanged();

    expect(host.workbook.calculations).toEqual(["'应收台账'!F2:F3", "'应收台账'!H5"]);
    expect(await penalty([[1000.05]], [[46329]], [[AS_OF]])).toEqual([[20]]);
  });

  it("recalculates the whole workbook where Range.calculate is missing (ExcelApi before 1.6)", async () => {
    const supportsUpTo = (highest: number) => ({ isSetSupported: (_: string, version?: string) => Number(version ?? "1.1") <= highest });
    const { host } = standIn({ sheets: [LEDGER] }, { context: { requirements: supportsUpTo(1.5) } });
    await settingsChanged();
    expect(host.workbook.calculations).toEqual(["Application:Full"]);
  });
});

describe("where the workbook cannot be read", () => {
  it("uses the default policy without a host", async () => {
    followWorkbook(null);
    expect(await penalty([[1000.05]], [[46329]], [[AS_OF]])).toEqual([[10]]);
    await settingsChanged();
  });

  it("uses the default policy on a host without the settings API (ExcelApi 1.4), and does not ask again", async () => {
    const { host } = standIn({ sheets: [SETTINGS] }, { context: { requirements: { isSetSupported: () => false } } });
    expect(await penalty([[1000.05]], [[46329]], [[AS_OF]])).toEqual([[10]]);
    expect(await aging([[46284]], [[AS_OF]])).toEqual([["61-90天"]]);
    expect(host.runs).toBe(0);
  });
});

describe("AR.INTEREST against the aging job", () => {
  it("gives the job's interest on an invoice paid in part: 1,100.00", async () => {
    const { excel } = standIn({
      sheets: [
        { name: "应收台账", cells: [["客户", "发票号", "开票日期", "到期日", "金额"], ["甲公司", "C-1", 45993, 46023, 100000]] },
        { name: "回款", cells: [["回款日期", "客户", "回款金额", "发票号"], [46033, "甲公司", 40000, "C-1"]] },
      ],
    });
    const job = await runAging(new OfficeAdapter(excel), { asOf: 46053, lang: "zh-CN", write: false });
    const item = job.report.customers[0].items[0];
    // 40,000 × 10 days + 60,000 × 30 days = 2,200,000 yuan-days × 0.0005 = 1,100.00
    expect(moneyNumber(item.interest, job.report.scale)).toBe(1100);
    expect(await interest([[100000]], [[46023]], [[46033]], [[40000]], [[46053]])).toEqual([[1100]]);
  });

  it("charges the workbook's rate: 2,200.00 at 0.1 % a day", async () => {
    standIn({ sheets: [SETTINGS] });
    expect(await interest([[100000]], [["2026-01-01"]], [["2026-01-11"]], [[40000]], [["2026-01-31"]])).toEqual([[2200]]);
  });
});

describe("#VALUE! messages", () => {
  it("speak the display language Office reports", async () => {
    standIn({ sheets: [] }, { context: { displayLanguage: "zh-TW", requirements: { isSetSupported: () => true } } });
    const [[cell]] = await penalty([["abc"]], [[46329]], [[AS_OF]]);
    expect(asError(cell).message).toBe("amount: 「abc」不是數字");
    standIn({ sheets: [] }, { context: { displayLanguage: "zh-CN", requirements: { isSetSupported: () => true } } });
    const [[blank]] = await penalty([[1]], [[null]], [[AS_OF]]);
    expect(asError(blank).message).toBe("due_date: 到期日为空");
    standIn({ sheets: [] }, { context: { displayLanguage: "de-DE", requirements: { isSetSupported: () => true } } });
    expect(asError((await penalty([["abc"]], [[46329]], [[AS_OF]]))[0][0]).message).toBe('amount: "abc" is not a number');
  });
});
