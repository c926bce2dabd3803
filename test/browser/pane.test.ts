/**
 * The real task pane in Chromium over the Excel stand-in: generate aging, over-limit customers,
 * letters, settings; hostile customer names stay text in the pane and in the sheets; nothing is
 * fetched from outside 127.0.0.1. Screenshots go to test-artifacts/screenshots/.
 */
import type { Page } from "playwright-core";
import { agingColumns } from "../../src/workbook/plans";
import type { ArTestHandle } from "./install-host";
import { HOSTILE_FORMULA, HOSTILE_MARKUP } from "./sample-workbook";
import { chromiumHost, eventually, openPane, screenshot, type PageRecord } from "./support";

type Cell = string | number | boolean | { error: string } | null;

declare global {
  interface Window {
    __arTest: ArTestHandle;
  }
}

const COLS = agingColumns(5);
const host = chromiumHost();

async function open(query: string): Promise<{ page: Page; record: PageRecord; close(): Promise<void> }> {
  const { context, page, record } = await openPane(host.browser, host.origin);
  await page.goto(`${host.origin}/index.html?${query}`);
  return { page, record, close: () => context.close() };
}

function sheetValues(page: Page, name: string): Promise<Cell[][]> {
  return page.evaluate((sheet) => window.__arTest.host.workbook.values(sheet) as Cell[][], name);
}

function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__arTest.host.workbook.sheets.map((sheet) => sheet.name));
}

async function generateAging(page: Page, runLabel: string, asOfLabel: string, summaryLabel: string): Promise<void> {
  await page.getByRole("textbox", { name: asOfLabel }).fill("2026-11-23");
  await page.getByRole("button", { name: runLabel }).click();
  await page.getByRole("table", { name: summaryLabel }).waitFor({ timeout: 30_000 });
}

function expectNothingEscaped(record: PageRecord): void {
  expect(record.dialogs).toEqual([]);
  expect(record.pageErrors).toEqual([]);
  expect(record.blockedRequests).toEqual([]);
}

describe("task pane in Chromium (zh-CN)", () => {
  let page: Page;
  let record: PageRecord;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ page, record, close } = await open("lang=zh-CN"));
    await page.getByRole("heading", { name: "应收账款助手" }).waitFor();
  }, 120_000);
  afterAll(() => close());

  it("generates the aging sheet in the workbook with totals a person can check", async () => {
    await screenshot(page, "zh-CN-01-start");
    await generateAging(page, "生成账龄表", "截止日期", "汇总");
    const summaryRows = page.getByRole("table", { name: "汇总" }).getByRole("row");
    // CNY: 4 customers; 22,500.00 outstanding; 14,500.00 overdue (64.44 %); interest 200 + 7.50 + 22.50 + 2.50 = 232.50.
    await expect(summaryRows.nth(1).getByRole("cell").allTextContents()).resolves.toEqual([
      "CNY", "4", "22,500.00", "14,500.00", "64.44%", "232.50",
    ]);
    await screenshot(page, "zh-CN-02-aging-summary");

    expect(await sheetNames(page)).toEqual(expect.arrayContaining(["应收台账", "Customers", "账龄分析 2026-11-23", "账龄明细 2026-11-23"]));
    const aging = await sheetValues(page, "账龄分析 2026-11-23");
    const total = aging.find((row) => row[0] === "合计 (CNY)")!;
    expect(total[COLS.outstanding]).toBe(22500);
    expect(total[COLS.overdue]).toBe(14500);
    expect(total[COLS.interest]).toBe(232.5);
    expect(aging.find((row) => row[0] === "甲公司")![COLS.outstanding]).toBe(13000);

    const settings = await page.evaluate(() => ({ ...window.__arTest.documentSettings, saves: window.__arTest.documentSaves }));
    expect(settings).toEqual({ "Office.AutoShowTaskpaneWithDocument": true, saves: 1 });
    expectNothingEscaped(record);
  });

  it("keeps the formula-looking customer name a string in the written sheet", async () => {
    const aging = await sheetValues(page, "账龄分析 2026-11-23");
    const rowIndex = aging.findIndex((row) => row[0] === HOSTILE_FORMULA);
    expect(rowIndex).toBeGreaterThan(0);
    const cell = await page.evaluate((address) => window.__arTest.host.workbook.cell("账龄分析 2026-11-23", address), `A${rowIndex + 1}`);
    expect(cell.value).toBe(HOSTILE_FORMULA);
    expect(cell.formula).toBeUndefined();
  });

  it("goes to the new sheet", async () => {
    await page.getByRole("button", { name: "转到工作表" }).click();
    await eventually(
      () => page.evaluate(() => window.__arTest.host.workbook.sheets.find((sheet) => sheet.id === window.__arTest.host.workbook.activeSheetId)?.name),
      (name) => expect(name).toBe("账龄分析 2026-11-23"),
    );
  });

  it("lists over-limit customers; the hostile name is plain text and choosing it selects its row", async () => {
    await page.getByRole("tab", { name: "超额度客户" }).click();
    const table = page.getByRole("table", { name: "超额度客户" });
    await table.waitFor();
    await expect(page.getByText(HOSTILE_MARKUP, { exact: true }).first().isVisible()).resolves.toBe(true);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator("img").count()).toBe(0);
    await screenshot(page, "zh-CN-03-over-limit");

    await table.getByRole("button", { name: HOSTILE_MARKUP }).click();
    const aging = await sheetValues(page, "账龄分析 2026-11-23");
    const row = aging.findIndex((cells) => cells[0] === HOSTILE_MARKUP) + 1;
    await eventually(
      () => page.evaluate(() => window.__arTest.host.workbook.selection?.address),
      (address) => expect(address).toMatch(new RegExp(`^'?账龄分析 2026-11-23'?!A${row}:[A-Z]+${row}$`)),
    );
    expectNothingEscaped(record);
  });

  it("previews letters with the invoice table and writes the letters sheet", async () => {
    await page.getByRole("tab", { name: "催款函" }).click();
    await page.getByRole("button", { name: "预览催款函" }).click();
    const letter = page.getByRole("article", { name: `${HOSTILE_MARKUP} 的催款函` });
    await letter.waitFor();
    // 45 days overdue → formal demand; one invoice H-001 1,000.00 with interest 1,000 × 0.0005 × 45 = 22.50.
    await expect(letter.getByRole("cell", { name: "H-001" }).isVisible()).resolves.toBe(true);
    await expect(letter.getByRole("cell", { name: "22.50" }).first().isVisible()).resolves.toBe(true);
    expect(await page.locator("img").count()).toBe(0);
    await screenshot(page, "zh-CN-04-letters");

    await page.getByRole("button", { name: "写入催款函工作表" }).click();
    await page.getByText("已写入工作表：催款函 2026-11-23").waitFor();
    const letters = await sheetValues(page, "催款函 2026-11-23");
    expect(letters.slice(1).map((row) => row[0]).sort()).toEqual(["甲公司", HOSTILE_MARKUP].sort());
    expectNothingEscaped(record);
  });

  it("saves settings into the workbook's settings", async () => {
    await page.getByRole("tab", { name: "设置" }).click();
    const company = page.getByRole("textbox", { name: "公司名称" });
    await company.waitFor();
    await company.fill("华东贸易有限公司");
    await page.getByRole("textbox", { name: "日利率" }).fill("0.0003");
    await page.getByRole("button", { name: "保存到工作簿" }).click();
    await page.getByText("设置已保存到此工作簿，与文件一起共享。").waitFor();
    await screenshot(page, "zh-CN-05-settings");

    const stored = await page.evaluate(() => window.__arTest.host.workbook.settingsRecord()["ar.policy"] as string);
    const policy = JSON.parse(stored);
    expect(policy.company.name).toBe("华东贸易有限公司");
    expect(policy.interest.dailyRate).toBe("0.0003");
    expectNothingEscaped(record);
  });
});

describe("task pane in Chromium (en, dark theme)", () => {
  it("generates English sheets and asks before replacing them", async () => {
    const { page, record, close } = await open("lang=en-US&theme=dark");
    try {
      await page.getByRole("heading", { name: "Receivables Assistant" }).waitFor();
      await generateAging(page, "Generate aging", "As-of date", "Summary");
      const aging = await sheetValues(page, "Aging 2026-11-23");
      expect(aging[0][0]).toBe("Customer");
      expect(aging.find((row) => row[0] === "Total (CNY)")?.[COLS.outstanding]).toBe(22500);
      await screenshot(page, "en-01-aging-dark");

      await page.getByRole("button", { name: "Generate aging" }).click();
      const dialog = page.getByRole("alertdialog", { name: "Replace sheets generated earlier?" });
      await dialog.waitFor();
      await screenshot(page, "en-02-replace-dialog");
      await dialog.getByRole("button", { name: "Keep them" }).click();
      await page.getByText("No sheet was written.").waitFor();
      expect((await sheetNames(page)).filter((name) => name.startsWith("Aging"))).toEqual(["Aging 2026-11-23", "Aging detail 2026-11-23"]);
      expectNothingEscaped(record);
    } finally {
      await close();
    }
  });
});

/** Presses the ribbon's Generate aging button (the commands bundle's handler) and waits for the event to complete. */
function pressGenerateAging(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        void window.__arTest.ribbon.generateAging!({ completed: () => resolve() });
      }),
  );
}

/** Scripts the page itself fetched besides its own bundle and the worker's: the job table's chunk is one when a job runs on the page's thread. */
function pageScriptsFetched(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith(".js") && path !== "/host.js" && path !== "/jobs-worker.js"),
  );
}

describe("the ribbon's Generate aging in Chromium (zh-TW)", () => {
  it("runs the job in the jobs worker, writes the sheets, then declines to replace them on a second press", async () => {
    const { page, record, close } = await open("lang=zh-TW");
    try {
      await page.getByRole("heading", { name: "應收帳款助手" }).waitFor();
      await pressGenerateAging(page);
      expect((await sheetNames(page)).filter((name) => name.includes("2026") || name.includes("帳齡"))).toEqual(
        expect.arrayContaining([expect.stringMatching(/^帳齡分析 \d{4}-\d{2}-\d{2}$/), expect.stringMatching(/^帳齡明細 \d{4}-\d{2}-\d{2}$/)]),
      );
      await page.getByText(/已從功能區產生帳齡表：帳齡分析 \d{4}-\d{2}-\d{2}、帳齡明細 \d{4}-\d{2}-\d{2}/).waitFor();
      // The job ran in the worker: the page never loaded the job table (a chunk of its own).
      expect(await pageScriptsFetched(page)).toEqual([]);
      const written = await sheetNames(page);

      await pressGenerateAging(page);
      await page.getByText(/功能區按鈕未做任何變更/).waitFor();
      expect(await sheetNames(page)).toEqual(written);
      expect(await page.evaluate(() => window.__arTest.panesShown)).toBe(2);
      expectNothingEscaped(record);
    } finally {
      await close();
    }
  });
});
