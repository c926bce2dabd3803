/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HOSTILE, PaneMemoryWorkbook, renderPane, sampleWorkbook } from "./support";
import { gridOf, sheetOf } from "../support/grid";
import { policyFromJson } from "../../src/rules/policy-json";

/** Captures what the pane puts on the clipboard. */
class FakeClipboardItem {
  constructor(readonly parts: Record<string, Blob>) {}
}

function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe("Reminder letters tab", () => {
  const written: FakeClipboardItem[][] = [];
  /** After userEvent.setup(), which installs its own clipboard stub. */
  function installClipboard(): void {
    written.length = 0;
    (globalThis as { ClipboardItem?: unknown }).ClipboardItem = FakeClipboardItem;
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { write: async (items: FakeClipboardItem[]) => void written.push(items), writeText: async () => undefined },
    });
  }
  afterEach(() => {
    delete (globalThis as { ClipboardItem?: unknown }).ClipboardItem;
  });

  it("previews letters as text with a real table, and a hostile customer name stays text", async () => {
    const user = userEvent.setup();
    installClipboard();
    const workbook = new PaneMemoryWorkbook(sampleWorkbook());
    const { container } = renderPane(workbook, "en");
    await user.click(screen.getByRole("tab", { name: "Reminder letters" }));
    await user.click(await screen.findByRole("button", { name: "Preview letters" }));

    const letter = await screen.findByRole("article", { name: `Letter to ${HOSTILE}` });
    expect(within(letter).getAllByText(new RegExp(HOSTILE.replace(/[()]/g, "\\$&"))).length).toBeGreaterThan(0);
    expect(container.querySelector("img")).toBeNull();
    expect(document.querySelector("img")).toBeNull();

    const table = within(letter).getByRole("table");
    const rows = within(table).getAllByRole("row");
    // Formal stage: the overdue invoices H-002 (45 days, 1,000.00, interest 22.50) and H-001 (10 days, 2,000.00, interest 10.00).
    expect(rows).toHaveLength(4);
    expect(within(table).getByRole("cell", { name: "H-002" })).toBeInTheDocument();
    expect(within(rows[3]).getByText("3,000.00")).toBeInTheDocument();
    expect(within(rows[3]).getByText("32.50")).toBeInTheDocument();
    // Gamma is at the phone stage (10 days): no letter.
    expect(screen.queryByRole("article", { name: "Letter to Gamma" })).not.toBeInTheDocument();

    await user.click(within(letter).getByRole("button", { name: `Copy: ${HOSTILE}` }));
    expect(await within(letter).findByRole("status")).toHaveTextContent("Copied");
    const parts = written[0][0].parts;
    const html = await blobText(parts["text/html"]);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
    expect(html).toContain("<table");
    expect(await blobText(parts["text/plain"])).toContain(HOSTILE);
    expect(within(letter).queryByRole("link")).not.toBeInTheDocument();
    expect(within(letter).getByText("No email address in the customer table")).toBeInTheDocument();
  });

  it("offers a mailto link with the subject and plain-text body, percent-encoded, when the customer has an email", async () => {
    const user = userEvent.setup();
    renderPane(new PaneMemoryWorkbook(sampleWorkbook()), "zh-CN");
    await user.click(screen.getByRole("tab", { name: "催款函" }));
    await user.click(screen.getByRole("button", { name: "预览催款函" }));
    const letter = await screen.findByRole("article", { name: "甲公司 的催款函" });
    const link = within(letter).getByRole("link", { name: "发送邮件：甲公司" });
    const href = link.getAttribute("href")!;
    expect(href.startsWith("mailto:ap%40jia.example.com?subject=")).toBe(true);
    const query = new URLSearchParams(href.slice(href.indexOf("?") + 1));
    // 甲公司 owes 10,000.00 (A-001) + 3,000.00 overdue.
    expect(query.get("subject")).toBe("正式催款函:逾期账款13,000.00元");
    expect(query.get("body")).toContain("甲公司");
    expect(query.get("body")).toContain("A-001");
    expect(href).not.toMatch(/[\s<>]/);
  });

  it("writes the letters sheet for the chosen stage and customers", async () => {
    const user = userEvent.setup();
    const workbook = new PaneMemoryWorkbook(sampleWorkbook());
    renderPane(workbook, "en");
    await user.click(screen.getByRole("tab", { name: "Reminder letters" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Stage" }), "Formal demand");
    await user.click(await screen.findByRole("button", { name: "Preview letters" }));
    await screen.findByRole("article", { name: "Letter to 甲公司" });

    await user.click(screen.getByRole("checkbox", { name: HOSTILE }));
    expect(screen.queryByRole("article", { name: `Letter to ${HOSTILE}` })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Write letters sheet" }));

    expect(await screen.findByText("Sheets written: Letters 2026-11-23")).toBeInTheDocument();
    const sheet = workbook.sheet("Letters 2026-11-23")!;
    expect(gridOf(sheet).slice(1).map((row) => [row[0], row[2]])).toEqual([["甲公司", "Formal demand"]]);
  });
});

describe("Settings tab", () => {
  it("shows each validation error next to its field and saves nothing", async () => {
    const user = userEvent.setup();
    const workbook = new PaneMemoryWorkbook(sampleWorkbook());
    renderPane(workbook, "en");
    await user.click(screen.getByRole("tab", { name: "Settings" }));
    const rate = await screen.findByRole("textbox", { name: "Daily rate" });
    const amber = screen.getByRole("textbox", { name: "Amber beyond this many days overdue" });
    const preDue = screen.getByRole("textbox", { name: "Days before the due date of each notice" });
    const bands = screen.getByRole("textbox", { name: "Age bands (days up to:rate)" });
    expect(bands).toHaveValue("365:0.05, 730:0.1, 1095:0.3, 1460:0.5, 1825:0.8, :1");
    for (const [box, value] of [[rate, "-1"], [amber, "120"], [preDue, "3, 5"], [bands, "365:0.05, :1, 730:0.1"]] as const) {
      await user.clear(box);
      await user.type(box, value);
    }
    await user.click(screen.getByRole("button", { name: "Save to workbook" }));

    await waitFor(() => expect(rate).toHaveAttribute("aria-invalid", "true"));
    expect(rate).toHaveAccessibleDescription(expect.stringMatching(/-1.*between 0 and 1/));
    // Amber beyond red (90) is shown at the amber field; a pre-due list must fall towards the due date.
    expect(amber).toHaveAccessibleDescription(expect.stringMatching(/120/));
    expect(preDue).toHaveAttribute("aria-invalid", "true");
    // An open-ended band before the last one.
    expect(bands).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("textbox", { name: "Red beyond this many days overdue" })).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText(/Some settings are not valid and nothing was saved/)).toBeInTheDocument();
    expect(workbook.settingsWrites).toEqual([]);
  });

  it("says which values a visible settings sheet sets, since they win over what is saved here", async () => {
    const user = userEvent.setup();
    const data = sampleWorkbook();
    data.sheets.push(sheetOf("设置", [["项目", "值"], ["interest.dailyRate", 0.0003], ["company.name", "华东贸易"]]));
    const workbook = new PaneMemoryWorkbook(data);
    renderPane(workbook, "en");
    await user.click(screen.getByRole("tab", { name: "Settings" }));
    expect(await screen.findByRole("textbox", { name: "Daily rate" })).toHaveValue("0.0003");
    const warning = screen.getByText(/settings sheet sets the values below/).closest("div")!;
    expect(within(warning).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "interest.dailyRate (设置!B2)",
      "company.name (设置!B3)",
    ]);
  });

  it("has no such warning without a settings sheet", async () => {
    const user = userEvent.setup();
    renderPane(new PaneMemoryWorkbook(sampleWorkbook()), "en");
    await user.click(screen.getByRole("tab", { name: "Settings" }));
    await screen.findByRole("textbox", { name: "Daily rate" });
    expect(screen.queryByText(/settings sheet sets the values below/)).toBeNull();
  });

  it("saves the policy and templates into the workbook's settings", async () => {
    const user = userEvent.setup();
    const workbook = new PaneMemoryWorkbook(sampleWorkbook());
    renderPane(workbook, "en");
    await user.click(screen.getByRole("tab", { name: "Settings" }));
    const rate = await screen.findByRole("textbox", { name: "Daily rate" });
    await user.clear(rate);
    await user.type(rate, "0.0003");
    await user.type(screen.getByRole("textbox", { name: "Company name" }), "华东贸易有限公司");
    await user.clear(screen.getByRole("textbox", { name: "Bucket upper edges (days)" }));
    await user.type(screen.getByRole("textbox", { name: "Bucket upper edges (days)" }), "0, 30, 90");

    await user.selectOptions(screen.getByRole("combobox", { name: "Template stage" }), "Formal demand");
    await user.selectOptions(screen.getByRole("combobox", { name: "Template language" }), "English");
    const subject = screen.getByRole("textbox", { name: "Template subject" });
    await user.clear(subject);
    await user.type(subject, "Overdue: {{{{customer}} {{{{nosuchfield}}");
    expect(screen.getByText(/Unknown merge fields: \{\{nosuchfield\}\}/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Save to workbook" }));
    expect(await screen.findByText(/Settings saved in this workbook/)).toBeInTheDocument();
    const settings = workbook.data.settings;
    const policy = JSON.parse(settings["ar.policy"]);
    expect(policy.interest.dailyRate).toBe("0.0003");
    expect(policy.company.name).toBe("华东贸易有限公司");
    expect(policy.buckets.edges).toEqual([0, 30, 90]);
    expect(policy.buckets.labels.en).toHaveLength(4);
    const templates = JSON.parse(settings["ar.templates"]) as { stage: string; lang: string; subject: string }[];
    expect(templates.find((t) => t.stage === "formal" && t.lang === "en")?.subject).toBe("Overdue: {{customer}} {{nosuchfield}}");
  });

  it("sets red-amber-green, stop shipping, pre-due notices, provision and accountability, in Chinese, and the jobs then follow them", async () => {
    const user = userEvent.setup();
    const workbook = new PaneMemoryWorkbook(sampleWorkbook());
    renderPane(workbook, "zh-CN");
    await user.click(screen.getByRole("tab", { name: "设置" }));
    expect(await screen.findByRole("heading", { name: "红黄绿预警与停止供货" })).toBeInTheDocument();
    const values = async (name: string, value: string) => {
      const box = screen.getByRole("textbox", { name });
      await user.clear(box);
      await user.type(box, value);
    };
    expect(screen.getByRole("textbox", { name: "逾期超过此天数标红" })).toHaveValue("90");
    expect(screen.getByRole("textbox", { name: "每次提醒在到期日前的天数" })).toHaveValue("5, 3");
    await values("逾期超过此天数标红", "60");
    await values("逾期超过此天数标黄", "15");
    await values("信用额度使用达到此比例标黄", "0.7");
    await values("逾期达到此月数停止供货", "3");
    await values("逾期总额达到此金额停止供货", "500000");
    await values("每次提醒在到期日前的天数", "7，2");
    await values("账龄段（天数上限:比例）", "180:0.1, 365：0.3, :1");
    await values("逾期超过此天数列为核销候选", "720");
    await user.click(screen.getByRole("checkbox", { name: "生成业务员扣款清单" }));
    await values("核销候选由业务员承担的比例", "0.3");
    await user.click(screen.getByRole("button", { name: "保存到工作簿" }));
    expect(await screen.findByText(/设置已保存/)).toBeInTheDocument();

    const saved = JSON.parse(workbook.data.settings["ar.policy"]);
    expect(saved.rag).toMatchObject({ redDaysOverdue: 60, amberDaysOverdue: 15, amberLimitUsed: "0.7" });
    expect(saved.stopShipping).toEqual({ overdueMonths: 3, maxOverdueTotal: "500000" });
    expect(saved.preDueTouchDays).toEqual([7, 2]);
    expect(saved.provision).toMatchObject({ method: "aging", writeOffAfterDays: 720, bands: [{ upToDays: 180, rate: "0.1" }, { upToDays: 365, rate: "0.3" }, { upToDays: null, rate: "1" }] });
    expect(saved.accountability).toEqual({ enabled: true, dailyRate: "0.0005", badDebtShare: "0.3" });
    // Read back as the jobs read it: the workbook's settings are the policy.
    const { policy } = policyFromJson(saved);
    expect([policy.rag.redDaysOverdue, policy.rag.amberLimitUsed.toString(), policy.stopShipping.overdueMonths, policy.preDueTouchDays]).toEqual([60, "0.7", 3, [7, 2]]);
    expect([policy.provision.bands.map((band) => band.upToDays), policy.accountability.enabled, policy.accountability.badDebtShare?.toString()]).toEqual([[180, 365, null], true, "0.3"]);
  });
});
