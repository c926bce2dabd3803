/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Lang } from "../../src/rules/types";
import { PaneMemoryWorkbook, renderPane, sampleWorkbook } from "./support";
import { rowFromValues, rowsToChange } from "../../src/workbook/sheet-cells";
import { gridOf } from "../support/grid";

const EXPECTED: Record<"zh-CN" | "en", { tabs: string[]; asOf: string; run: string; check: string; stage: string; rate: string; noErrors: string }> = {
  "zh-CN": {
    tabs: ["生成账龄", "管理报表", "超额度客户", "催款函", "设置", "数据错误", "催收"],
    asOf: "截止日期",
    run: "生成管理报表",
    check: "检查客户额度",
    stage: "催收阶段",
    rate: "日利率",
    noErrors: "没有数据错误。",
  },
  en: {
    tabs: ["Generate aging", "Management report", "Over-limit customers", "Reminder letters", "Settings", "Data errors", "Collection"],
    asOf: "As-of date",
    run: "Generate management report",
    check: "Check credit limits",
    stage: "Stage",
    rate: "Daily rate",
    noErrors: "No data errors.",
  },
};

describe.each(["zh-CN", "en"] as const)("the pane in %s", (lang: Lang & keyof typeof EXPECTED) => {
  const words = EXPECTED[lang];

  it("shows every tab and each tab's labelled controls", async () => {
    const user = userEvent.setup();
    renderPane(new PaneMemoryWorkbook(sampleWorkbook()), lang);
    expect(screen.getAllByRole("tab")).toHaveLength(7);
    for (const name of words.tabs) expect(screen.getByRole("tab", { name })).toBeInTheDocument();

    expect(screen.getByRole("textbox", { name: words.asOf })).toBeInTheDocument();

    await user.click(screen.getByRole("tab", { name: words.tabs[1] }));
    expect(screen.getByRole("tabpanel")).toContainElement(screen.getByRole("button", { name: words.run }));

    // Over-limit customers and Reminder letters are chunks of their own, loaded when first chosen.
    await user.click(screen.getByRole("tab", { name: words.tabs[2] }));
    expect(screen.getByRole("tabpanel")).toContainElement(await screen.findByRole("button", { name: words.check }));

    await user.click(screen.getByRole("tab", { name: words.tabs[3] }));
    expect(await within(screen.getByRole("tabpanel")).findByRole("combobox", { name: words.stage })).toBeInTheDocument();

    await user.click(screen.getByRole("tab", { name: words.tabs[4] }));
    expect(await screen.findByRole("textbox", { name: words.rate })).toHaveValue("0.0005");

    await user.click(screen.getByRole("tab", { name: words.tabs[5] }));
    expect(within(screen.getByRole("tabpanel")).getByText(words.noErrors)).toBeInTheDocument();
  });
});

describe("zh-TW", () => {
  it("uses Traditional characters", () => {
    renderPane(new PaneMemoryWorkbook(sampleWorkbook()), "zh-TW");
    for (const name of ["產生帳齡", "管理報表", "超額度客戶", "催款函", "設定", "資料錯誤", "催收"]) expect(screen.getByRole("tab", { name })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("應收帳款助手");
  });
});

describe("Over-limit customers tab", () => {
  it("lists flagged customers most at risk first, and choosing one selects its row in the aging sheet", async () => {
    const user = userEvent.setup();
    const workbook = new PaneMemoryWorkbook(sampleWorkbook());
    renderPane(workbook, "en");
    await user.click(screen.getByRole("button", { name: "Generate aging" }));
    await screen.findByRole("table", { name: "Summary" });

    await user.click(screen.getByRole("tab", { name: "Over-limit customers" }));
    const table = screen.getByRole("table", { name: "Over-limit customers" });
    const rows = within(table).getAllByRole("row").slice(1);
    // All three are stopped; ranked by excess: 甲公司 10,000 + 3,000 = 13,000.00 (limit 0, grade D), <img…> 3,000.00 (limit 0), Gamma 300.00.
    expect(rows.map((row) => within(row).getAllByRole("cell")[0].textContent)).toEqual(["甲公司 CNY", "<img src=x onerror=alert(1)> CNY", "Gamma USD"]);
    expect(within(rows[0]).getAllByRole("cell").map((cell) => cell.textContent).slice(1, 4)).toEqual(["0.00", "13,000.00", "13,000.00"]);

    await user.click(within(rows[1]).getByRole("button", { name: "<img src=x onerror=alert(1)>" }));
    await waitFor(() => expect(workbook.selected).toHaveLength(1));
    const aging = workbook.sheet("Aging 2026-11-23")!;
    const rowNumber = Number(workbook.selected[0].address.match(/^A(\d+):/)![1]);
    expect(workbook.selected[0].sheet).toBe("Aging 2026-11-23");
    expect(gridOf(aging)[rowNumber - 1][0]).toBe("<img src=x onerror=alert(1)>");
    expect(document.querySelector("img")).toBeNull();
  });

  it("says to generate the aging sheet first when none was written in this session", async () => {
    const user = userEvent.setup();
    const workbook = new PaneMemoryWorkbook(sampleWorkbook());
    renderPane(workbook, "en");
    await user.click(screen.getByRole("tab", { name: "Over-limit customers" }));
    await user.click(screen.getByRole("button", { name: "Check credit limits" }));
    await user.click(await screen.findByRole("button", { name: "Gamma" }));
    expect(screen.getByRole("status")).toHaveTextContent("Generate the aging sheet first");
    expect(workbook.selected).toEqual([]);
    expect(workbook.planWrites).toEqual([]);
  });
});

describe("Data errors tab", () => {
  it("lists the sheet, row, column and message; choosing one selects that cell", async () => {
    const user = userEvent.setup();
    const data = sampleWorkbook();
    // Header in row 1, seven invoices in rows 2–8: the bad due date is cell D9.
    rowsToChange(data.sheets[0]).push(rowFromValues(["丁公司", "D-001", 46300, "next Tuesday", 100, 0, "CNY"]));
    const workbook = new PaneMemoryWorkbook(data);
    renderPane(workbook, "en");
    await user.click(screen.getByRole("button", { name: "Generate aging" }));
    await screen.findByRole("table", { name: "Summary" });
    expect(screen.getByText("1 data problems found; see Data errors.")).toBeInTheDocument();

    await user.click(screen.getByRole("tab", { name: "Data errors" }));
    const table = screen.getByRole("table", { name: "Data errors" });
    const cells = within(within(table).getAllByRole("row")[1]).getAllByRole("cell");
    expect(cells.slice(0, 3).map((cell) => cell.textContent)).toEqual(["应收台账", "9", "D"]);
    await user.click(within(cells[3]).getByRole("button"));
    await waitFor(() => expect(workbook.selected).toEqual([{ sheet: "应收台账", address: "D9" }]));
  });
});
