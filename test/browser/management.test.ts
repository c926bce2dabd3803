/**
 * The management report in Chromium over the Excel stand-in (the hand-worked scenario of
 * test/support/management-scenario.ts): the pane's button writes the management sheets with their
 * native charts, shows the subtotals with colour words and draws the three SVG charts with as many
 * bars and points as the figures have; one salesperson narrows all of it. The charts are saved as
 * pictures: test-artifacts/management-charts-<lang>.png (and full pages under screenshots/).
 */
import * as fs from "fs";
import * as path from "path";
import type { Locator, Page } from "playwright-core";
import type { ArTestHandle } from "./install-host";
import { chromiumHost, openPane, screenshot, type PageRecord } from "./support";

declare global {
  interface Window {
    __arTest: ArTestHandle;
  }
}

/** Where the charts' pictures go. */
const ARTIFACTS = path.resolve(__dirname, "..", "..", "test-artifacts");

const host = chromiumHost();

/** The words a language's run is driven by. */
interface Words {
  tab: string;
  asOf: string;
  run: string;
  measures: string;
  charts: string;
  bySalesperson: string;
  salesperson: string;
}

const ZH_CN: Words = { tab: "管理报表", asOf: "截止日期", run: "生成管理报表", measures: "本期指标", charts: "图表", bySalesperson: "按业务员汇总", salesperson: "业务员" };

/** The pane over the management scenario, the report generated as of 2026-03-31. */
async function openAndRun(query: string, words: Words): Promise<{ page: Page; record: PageRecord; close(): Promise<void> }> {
  const { context, page, record } = await openPane(host.browser, host.origin);
  await page.goto(`${host.origin}/index.html?workbook=management&${query}`);
  await page.getByRole("tab", { name: words.tab }).click();
  await page.getByRole("textbox", { name: words.asOf }).fill("2026-03-31");
  await page.getByRole("button", { name: words.run }).click();
  await page.getByRole("table", { name: words.measures }).waitFor({ timeout: 60_000 });
  return { page, record, close: () => context.close() };
}

/** Every native chart on the stand-in's sheets: the sheet, Excel's type and the title. */
function nativeCharts(page: Page): Promise<[string, string, string][]> {
  return page.evaluate(() => {
    const workbook = window.__arTest.host.workbook;
    return workbook.sheets.flatMap((sheet) => workbook.charts(sheet.name).map((chart): [string, string, string] => [sheet.name, chart.type, chart.title]));
  });
}

/** How many bar segments and dots a picture draws. */
async function marksOf(picture: Locator): Promise<{ bars: number; dots: number; lines: number }> {
  return { bars: await picture.locator("rect[data-value]").count(), dots: await picture.locator("circle[data-value]").count(), lines: await picture.locator("path").count() };
}

/** The charts' section as a picture in test-artifacts/. */
async function saveCharts(page: Page, words: Words, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.getByRole("region", { name: words.charts }).screenshot({ path: file });
  expect(fs.statSync(file).size).toBeGreaterThan(1000);
}

function expectNothingEscaped(record: PageRecord): void {
  expect(record.dialogs).toEqual([]);
  expect(record.pageErrors).toEqual([]);
  expect(record.blockedRequests).toEqual([]);
}

describe("management report in Chromium (zh-CN)", () => {
  let page: Page;
  let record: PageRecord;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ page, record, close } = await openAndRun("lang=zh-CN", ZH_CN));
  }, 120_000);
  afterAll(() => close());

  it("writes the management sheets with their three native charts", async () => {
    expect(await nativeCharts(page)).toEqual([
      ["管理报表 2026-03-31", "BarStacked", "各币种账龄分布"],
      ["客户预警 2026-03-31", "BarStacked", "逾期金额前3名客户 (CNY)"],
      ["DSO趋势 2026-03-31", "LineMarkers", "DSO 趋势（倒推法，天）"],
    ]);
    await page.getByText("已写入工作表：管理报表 2026-03-31").waitFor();
    expectNothingEscaped(record);
  });

  it("shows the subtotals by salesperson with the colour as a word beside its swatch", async () => {
    const rows = page.getByRole("table", { name: ZH_CN.bySalesperson }).getByRole("row");
    // 张三: 60,000.00 + 8,000.00 = 68,000.00, 60,000 overdue = 88.24 %, 30,000 collected of 40,000 due = 75.00 %.
    await expect(rows.nth(1).getByRole("cell").allTextContents()).resolves.toEqual(["张三", "CNY", "红", "68,000.00", "88.24%", "75.00%", "1"]);
    await expect(rows.nth(2).getByRole("cell").allTextContents()).resolves.toEqual(["李四", "CNY", "黄", "32,000.00", "100.00%", "—", "0"]);
  });

  it("draws the three charts: 6 bucket segments, 4 for the top 3 customers, 2 lines of 12 months", async () => {
    // CNY 8,000 / 30,000 / 32,000 / 30,000 / 5,000 and USD 1,000 not due: 6 non-zero segments.
    expect(await marksOf(page.getByRole("img", { name: "各币种账龄分布" }))).toEqual({ bars: 6, dots: 0, lines: 0 });
    // 甲公司 30,000 + 30,000, 丙公司 32,000, 戊公司 5,000.
    const top = page.getByRole("img", { name: "逾期金额前3名客户 (CNY)" });
    expect(await marksOf(top)).toEqual({ bars: 4, dots: 0, lines: 0 });
    await expect(top.locator("rect[data-value]").evaluateAll((rects) => rects.map((rect) => rect.getAttribute("data-value")))).resolves.toEqual(["30000", "30000", "32000", "5000"]);
    // April 2025 to March 2026 for CNY and USD; March's count-back DSO 100.2 and 30 days.
    const dso = page.getByRole("img", { name: "DSO 趋势（倒推法，天）" });
    expect(await marksOf(dso)).toEqual({ bars: 0, dots: 24, lines: 2 });
    await expect(dso.locator("circle[data-category='11']").evaluateAll((dots) => dots.map((dot) => dot.getAttribute("data-value")))).resolves.toEqual(["100.2", "30"]);
    // The bars are really drawn: 甲公司's first segment is as wide as its second (30,000 each).
    const widths = await top.locator("rect[data-value]").evaluateAll((rects) => rects.map((rect) => Math.round((rect as SVGRectElement).getBoundingClientRect().width)));
    expect(widths[0]).toBeGreaterThan(10);
    expect(widths[0]).toBe(widths[1]);
    await saveCharts(page, ZH_CN, "management-charts-zh-CN");
    await screenshot(page, "zh-CN-management");
    expectNothingEscaped(record);
  });

  it("narrows to 张三: his sheets and charts only", async () => {
    await page.getByRole("combobox", { name: ZH_CN.salesperson }).selectOption("张三");
    await page.getByRole("button", { name: ZH_CN.run }).click();
    await page.getByText("已写入工作表：管理报表 张三 2026-03-31", { exact: false }).waitFor({ timeout: 60_000 });
    const rows = page.getByRole("table", { name: ZH_CN.bySalesperson }).getByRole("row");
    await expect(rows.allTextContents()).resolves.toHaveLength(2);
    await expect(rows.nth(1).getByRole("cell").first().textContent()).resolves.toBe("张三");
    // 乙公司 8,000 not due; 甲公司 30,000 in 1-30 and 30,000 in 61-90: 3 segments of CNY, 2 of the one top customer.
    expect(await marksOf(page.getByRole("img", { name: "各币种账龄分布" }))).toEqual({ bars: 3, dots: 0, lines: 0 });
    expect(await marksOf(page.getByRole("img", { name: "逾期金额前1名客户 (CNY)" }))).toEqual({ bars: 2, dots: 0, lines: 0 });
    expect(await marksOf(page.getByRole("img", { name: "DSO 趋势（倒推法，天）" }))).toEqual({ bars: 0, dots: 12, lines: 1 });
    expect((await nativeCharts(page)).filter(([sheet]) => sheet.includes("张三"))).toEqual([
      ["管理报表 张三 2026-03-31", "BarStacked", "各币种账龄分布"],
      ["客户预警 张三 2026-03-31", "BarStacked", "逾期金额前1名客户 (CNY)"],
      ["DSO趋势 张三 2026-03-31", "LineMarkers", "DSO 趋势（倒推法，天）"],
    ]);
    await saveCharts(page, ZH_CN, "management-charts-zh-CN-zhangsan");
    expectNothingEscaped(record);
  });
});

describe("management report in Chromium (zh-TW, en dark)", () => {
  it("zh-TW: the same charts in traditional words", async () => {
    const words: Words = { tab: "管理報表", asOf: "截止日期", run: "產生管理報表", measures: "本期指標", charts: "圖表", bySalesperson: "按業務員彙總", salesperson: "業務員" };
    const { page, record, close } = await openAndRun("lang=zh-TW", words);
    try {
      expect((await nativeCharts(page)).map(([, type, title]) => [type, title])).toEqual([
        ["BarStacked", "各幣別帳齡分佈"],
        ["BarStacked", "逾期金額前3名客戶 (CNY)"],
        ["LineMarkers", "DSO 趨勢（倒推法，天）"],
      ]);
      expect(await marksOf(page.getByRole("img", { name: "各幣別帳齡分佈" }))).toEqual({ bars: 6, dots: 0, lines: 0 });
      await saveCharts(page, words, "management-charts-zh-TW");
      expectNothingEscaped(record);
    } finally {
      await close();
    }
  });

  it("en, dark theme: the same charts in English", async () => {
    const words: Words = { tab: "Management report", asOf: "As-of date", run: "Generate management report", measures: "Measures of the period", charts: "Charts", bySalesperson: "By salesperson", salesperson: "Salesperson" };
    const { page, record, close } = await openAndRun("lang=en-US&theme=dark", words);
    try {
      expect((await nativeCharts(page)).map(([, type, title]) => [type, title])).toEqual([
        ["BarStacked", "Aging by currency"],
        ["BarStacked", "Top 3 customers by overdue (CNY)"],
        ["LineMarkers", "DSO trend (count-back, days)"],
      ]);
      expect(await marksOf(page.getByRole("img", { name: "Top 3 customers by overdue (CNY)" }))).toEqual({ bars: 4, dots: 0, lines: 0 });
      await expect(page.getByRole("table", { name: words.bySalesperson }).getByRole("row").nth(1).getByRole("cell").nth(2).textContent()).resolves.toBe("Red");
      await saveCharts(page, words, "management-charts-en-dark");
      expectNothingEscaped(record);
    } finally {
      await close();
    }
  });
});
