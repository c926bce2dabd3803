/**
 * The Collection tab of the real pane in Chromium over the Excel stand-in, 340 px wide: logging two
 * contacts appends them to the log table it creates (nothing else in the workbook changes); the
 * customer view shows the promise's state and the log newest first; today's work lists the due
 * next action and the pre-due invoice; statements write the 对账单 sheet whose closing balance is
 * the aged outstanding. Screenshots: test-artifacts/screenshots/collection-*-zh-CN.png.
 */
import type { Browser, Page } from "playwright-core";
import type { ArTestHandle } from "./install-host";
import { HOSTILE_MARKUP } from "./sample-workbook";
import { buildHost, eventually, HOST_DIR, launchChromium, openPane, screenshot, serveHost, type PageRecord } from "./support";

type Cell = string | number | boolean | { error: string } | null;

declare global {
  interface Window {
    __arTest: ArTestHandle;
  }
}

/** This file's own build of the host page: pane.test.ts builds into HOST_DIR at the same time. */
const OWN_HOST_DIR = `${HOST_DIR}-collection`;
/** A narrow task pane. */
const WIDTH = 340;
const OTHER_SHEETS = ["应收台账", "Customers"];

let server: Awaited<ReturnType<typeof serveHost>>;
let browser: Browser;
let page: Page;
let record: PageRecord;
let closeContext: () => Promise<void>;
let before: { names: string[]; snapshots: string[] };

const sheetValues = (name: string) => page.evaluate((sheet) => window.__arTest.host.workbook.values(sheet) as Cell[][], name);
const sheetNames = () => page.evaluate(() => window.__arTest.host.workbook.sheets.map((sheet) => sheet.name));
const snapshots = () => page.evaluate((names) => names.map((name) => window.__arTest.host.workbook.snapshot(name)), OTHER_SHEETS);
const panel = () => page.locator("#panel-collection");

async function fill(label: string, text: string): Promise<void> {
  await panel().getByRole("textbox", { name: label, exact: true }).fill(text);
}

async function chooseCustomer(name: string): Promise<void> {
  const box = panel().getByRole("combobox", { name: "客户", exact: true });
  await box.click();
  await box.fill(name.slice(0, 1));
  await page.getByRole("option", { name, exact: true }).click();
}

async function fitsTheWidth(): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(WIDTH);
}

function expectNothingEscaped(): void {
  expect(record.dialogs).toEqual([]);
  expect(record.pageErrors).toEqual([]);
  expect(record.blockedRequests).toEqual([]);
}

beforeAll(async () => {
  await buildHost(OWN_HOST_DIR);
  server = await serveHost(OWN_HOST_DIR);
  browser = await launchChromium();
  const opened = await openPane(browser, server.origin);
  ({ page, record } = opened);
  closeContext = () => opened.context.close();
  await page.setViewportSize({ width: WIDTH, height: 1100 });
  await page.goto(`${server.origin}/index.html?lang=zh-CN`);
  await page.getByRole("heading", { name: "应收账款助手" }).waitFor();
  before = { names: await sheetNames(), snapshots: await snapshots() };
  await page.getByRole("tab", { name: "催收" }).click();
  await fill("截止日期", "2026-11-30");
  await panel().getByRole("button", { name: "重新读取" }).click();
  await panel().getByText("数据截至 2026-11-30").waitFor({ timeout: 30_000 });
}, 600_000);

afterAll(async () => {
  await closeContext?.();
  await browser?.close();
  await server?.close();
});

describe("Collection tab in Chromium (zh-CN, 340 px)", () => {
  it("logs two contacts: the first creates the log table, the second goes below; nothing else changes", async () => {
    await panel().getByRole("tab", { name: "登记联系" }).click();
    await chooseCustomer("甲公司");
    await fill("联系日期", "2026-11-25");
    await panel().getByRole("combobox", { name: "结果" }).selectOption({ label: "已承诺" });
    await fill("承诺日期", "2026-12-02");
    await fill("承诺金额", "13,000.00");
    await fill("下次跟进日期", "2026-11-30");
    await fill("催收人", "张三");
    await fill("备注", '=HYPERLINK("http://x","y")');
    await panel().getByRole("button", { name: "登记联系" }).click();
    await panel().getByText("已写入工作表“催收记录”的表 AR_CollectionLog，第 2 行。 首次使用，已新建该表。").waitFor({ timeout: 30_000 });
    await screenshot(page, "collection-log-zh-CN");
    await fitsTheWidth();

    await fill("联系日期", "2026-11-26");
    await panel().getByRole("combobox", { name: "方式" }).selectOption({ label: "邮件" });
    await panel().getByRole("combobox", { name: "结果" }).selectOption({ label: "无人接听" });
    await fill("下次跟进日期", "2026-11-28");
    await panel().getByRole("button", { name: "登记联系" }).click();
    await panel().getByText("已写入工作表“催收记录”的表 AR_CollectionLog，第 3 行。").waitFor({ timeout: 30_000 });

    // 2026-11-25 = serial 46351, 11-26 = 46352, 11-28 = 46354, 11-30 = 46356, 12-02 = 46358.
    expect(await sheetValues("催收记录")).toEqual([
      ["联系日期", "客户", "发票号", "催收人", "方式", "联系人", "结果", "承诺日期", "承诺金额", "下次跟进日期", "备注"],
      [46351, "甲公司", null, "张三", "电话", null, "已承诺", 46358, 13000, 46356, '=HYPERLINK("http://x","y")'],
      [46352, "甲公司", null, "张三", "邮件", null, "无人接听", null, null, 46354, null],
    ]);
    const log = await page.evaluate(() => window.__arTest.host.workbook.sheet("催收记录").tables.map((t) => [t.name, t.row, t.col, t.rows, t.cols]));
    expect(log).toEqual([["AR_CollectionLog", 0, 0, 3, 11]]);
    const note = await page.evaluate(() => window.__arTest.host.workbook.cell("催收记录", "K2"));
    expect(note.formula).toBeUndefined();
    expect(await sheetNames()).toEqual([...before.names, "催收记录"]);
    expect(await snapshots()).toEqual(before.snapshots);
    expectNothingEscaped();
  });

  it("shows 甲公司's promise open and the log newest first in the customer view", async () => {
    await panel().getByRole("tab", { name: "客户概况" }).click();
    const account = panel().getByRole("region", { name: "甲公司（CNY）" });
    await account.waitFor({ timeout: 30_000 });
    // 13,000.00 promised by 12-02 on 11-25: open as of 11-30, nothing received.
    await expect(account.getByRole("table", { name: "还款承诺 甲公司（CNY）" }).getByRole("row").nth(1).getByRole("cell").allTextContents()).resolves.toEqual([
      "2026-12-02", "13,000.00", "0.00", "未到期",
    ]);
    // 10,000.00 + (5,000.00 − 2,000.00) outstanding; the promise covers both invoices, paused until its date.
    await expect(account.getByRole("definition").first().textContent()).resolves.toBe("13,000.00");
    const invoices = account.getByRole("table", { name: "未结发票 甲公司（CNY）" }).getByRole("row");
    await expect(invoices.count()).resolves.toBe(3);
    for (const row of [1, 2]) await expect(invoices.nth(row).getByRole("cell").first().textContent()).resolves.toContain("承诺中");
    await expect(invoices.nth(1).getByRole("cell").last().textContent()).resolves.toBe("10,000.00");
    const log = panel().getByRole("list", { name: "催收记录（最新在前）" });
    // The view reads the workbook again after each contact logged.
    await log.getByRole("listitem").nth(1).waitFor({ timeout: 30_000 });
    const entries = await log.getByRole("listitem").allTextContents();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatch(/^2026-11-26 邮件 · 无人接听/);
    expect(entries[1]).toMatch(/^2026-11-25 电话 · 已承诺/);
    expect(entries[1]).toContain('=HYPERLINK("http://x","y")');
    await screenshot(page, "collection-customer-zh-CN");
    await fitsTheWidth();
    expectNothingEscaped();
  });

  it("shows a customer named like markup as text", async () => {
    await chooseCustomer(HOSTILE_MARKUP);
    await panel().getByRole("region", { name: `${HOSTILE_MARKUP}（CNY）` }).waitFor();
    expect(await page.locator("img").count()).toBe(0);
    await screenshot(page, "collection-customer-markup-zh-CN");
    expectNothingEscaped();
  });

  it("lists today's work: the due next action, the promise falling due, the pre-due invoice", async () => {
    await panel().getByRole("tab", { name: "今日待办" }).click();
    const actions = await panel().getByRole("list", { name: "到期的跟进" }).getByRole("listitem").allTextContents();
    // 甲公司's latest contact (11-26) set the next action for 11-28: two days ago.
    expect(actions).toEqual(["甲公司下次跟进日期：2026-11-28 · 已过 2 天上次联系：2026-11-26 邮件"]);
    const promises = await panel().getByRole("list", { name: "即将到期或已违约的还款承诺" }).getByRole("listitem").allTextContents();
    expect(promises).toEqual(["甲公司承诺日期：2026-12-02 · 还有 2 天承诺金额：CNY 13,000.00 · 未到期"]);
    // 乙公司 B-001 8,000.00 is due 12-03: 3 days ahead, the second touch.
    const notices = await panel().getByRole("list", { name: "到期前提醒" }).getByRole("listitem").allTextContents();
    expect(notices).toEqual(["乙公司发票号：B-001 · 到期日：2026-12-03 · 还有 3 天未收余额：CNY 8,000.00 · 第2次(到期前3天)"]);
    await screenshot(page, "collection-today-zh-CN");
    await fitsTheWidth();
    expectNothingEscaped();
  });

  it("writes the 对账单 sheet; 甲公司's closing balance is its aged outstanding, 13,000.00", async () => {
    await panel().getByRole("tab", { name: "对账单" }).click();
    await expect(panel().getByRole("textbox", { name: "期间开始" }).inputValue()).resolves.toBe("2026-11-01");
    await expect(panel().getByRole("textbox", { name: "期间结束" }).inputValue()).resolves.toBe("2026-11-30");
    await panel().getByRole("button", { name: "写入对账单" }).click();
    await panel().getByText("已写入工作表：对账单 2026-11-30").waitFor({ timeout: 30_000 });
    await screenshot(page, "collection-statements-zh-CN");
    await fitsTheWidth();

    const row = panel().getByRole("table", { name: "对账单" }).getByRole("row").filter({ hasText: "甲公司" });
    await expect(row.getByRole("cell").allTextContents()).resolves.toEqual(["甲公司 CNY", "13,000.00", "13,000.00", "13,000.00"]);
    const sheet = await sheetValues("对账单 2026-11-30");
    const title = sheet.findIndex((cells) => cells[0] === "对账单：甲公司");
    const closing = sheet.slice(title).find((cells) => typeof cells[1] === "string" && cells[1].startsWith("期末余额"))!;
    expect(closing[1]).toBe("期末余额(2026-11-30)");
    expect(closing[5]).toBe(13000);
    await eventually(
      () => sheetNames(),
      (names) => expect(names).toEqual([...before.names, "催收记录", "对账单 2026-11-30"]),
    );
    expect(await snapshots()).toEqual(before.snapshots);
    expectNothingEscaped();
  });
});

describe("Collection tab in Chromium (en, 340 px)", () => {
  it("speaks English: today's work lists the pre-due invoice at its second touch, the customer view says no contact is logged", async () => {
    const opened = await openPane(browser, server.origin);
    const en = opened.page;
    try {
      await en.setViewportSize({ width: WIDTH, height: 1100 });
      await en.goto(`${server.origin}/index.html?lang=en-US`);
      await en.getByRole("tab", { name: "Collection" }).click();
      const tab = en.locator("#panel-collection");
      await tab.getByRole("textbox", { name: "As-of date" }).fill("2026-11-30");
      await tab.getByRole("button", { name: "Read again" }).click();
      await tab.getByText("Figures as of 2026-11-30").waitFor({ timeout: 30_000 });
      await tab.getByRole("tab", { name: "Today" }).click();
      const notices = await tab.getByRole("list", { name: "Coming due" }).getByRole("listitem").allTextContents();
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain("B-001");
      expect(notices[0]).toContain("CNY 8,000.00 · Touch 2 (3 days before due)");
      await expect(tab.getByText("No next action is due today.").isVisible()).resolves.toBe(true);
      await screenshot(en, "collection-today-en");

      await tab.getByRole("tab", { name: "Customer", exact: true }).click();
      const box = tab.getByRole("combobox", { name: "Customer", exact: true });
      await box.click();
      await box.fill("gam");
      await en.getByRole("option", { name: "Gamma Ltd", exact: true }).click();
      await tab.getByRole("region", { name: "Gamma Ltd (USD)" }).waitFor();
      await expect(tab.getByText("No contact logged yet.").isVisible()).resolves.toBe(true);
      await screenshot(en, "collection-customer-en");
      expect(await en.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
      expect(opened.record.pageErrors).toEqual([]);
      expect(opened.record.blockedRequests).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});
