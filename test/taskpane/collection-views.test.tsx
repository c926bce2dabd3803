/** @jest-environment jsdom */
/**
 * The Collection tab's views over contacts logged beforehand: the customer view (invoices with
 * buckets, the promise's state, the log newest first, letters), today's work (next actions,
 * promises, pre-due notices) and statements — figures a person can check against
 * collection-support.tsx — and a customer named like markup shown as text.
 */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { chooseCustomer, openCollection, workbookWithLog } from "./collection-support";
import { HOSTILE, renderPane } from "./support";

const cellTexts = (row: HTMLElement) => within(row).getAllByRole("cell").map((cell) => cell.textContent);

describe("customer view (zh-CN)", () => {
  it("shows 甲公司's open invoices with buckets, its promise open and the log newest first", async () => {
    const user = userEvent.setup();
    renderPane(await workbookWithLog(), "zh-CN");
    await openCollection(user, "催收", "数据截至 2026-11-23");
    await chooseCustomer(user, "客户", "甲公司");

    const account = screen.getByRole("region", { name: "甲公司（CNY）" });
    // Outstanding 10,000.00 + (5,000.00 − 2,000.00) = 13,000.00, all of it overdue.
    const definitions = within(account).getAllByRole("definition");
    const facts = definitions.map((dd) => dd.textContent);
    // Grade D (40 days overdue) takes the limit to 0.00: over it by the whole 13,000.00.
    expect(facts.slice(0, 4)).toEqual(["13,000.00", "13,000.00", "0.00", "D"]);
    // The promise of 13,000.00 by 11-30 covers both invoices: nothing is chased until then.
    expect(facts[4]).toBe("无需催收");
    expect(Array.from(definitions[5].children).map((flag) => flag.textContent)).toEqual([
      "超出额度 13,000.00",
      "停止供货：超出信用额度 · D级客户前帐未清",
      "有未到期的还款承诺，2026-11-30 前暂停催收",
    ]);

    const invoices = within(account).getByRole("table", { name: "未结发票 甲公司（CNY）" });
    expect(within(invoices).getAllByRole("row").slice(1).map(cellTexts)).toEqual([
      ["A-001承诺中", "2026-10-14逾期 40 天", "31-60天", "10,000.00"],
      ["A-002承诺中", "2026-11-18逾期 5 天", "1-30天", "3,000.00"],
    ]);
    const promises = within(account).getByRole("table", { name: "还款承诺 甲公司（CNY）" });
    expect(within(promises).getAllByRole("row").slice(1).map(cellTexts)).toEqual([["2026-11-30", "13,000.00", "0.00", "未到期"]]);

    const log = screen.getByRole("list", { name: "催收记录（最新在前）" });
    const entries = within(log).getAllByRole("listitem").map((item) => item.textContent);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain("2026-11-18 电话 · 已承诺");
    expect(entries[0]).toContain("催收人：张三 · 联系人：李四");
    expect(entries[0]).toContain("承诺 2026-11-30 前付 CNY 13,000.00");
    expect(entries[0]).toContain("下次跟进：2026-11-23");
    expect(entries[0]).toContain("答应月底前付清");
    expect(entries[1]).toContain("2026-11-10 电话 · 无人接听");
  });

  it("drafts no letter for 甲公司 while its promise is open", async () => {
    const user = userEvent.setup();
    renderPane(await workbookWithLog(), "zh-CN");
    await openCollection(user, "催收", "数据截至 2026-11-23");
    await chooseCustomer(user, "客户", "甲公司");
    await user.click(screen.getByRole("button", { name: "起草催款函" }));
    expect(await screen.findByText("该客户目前没有需要发送的催款函。")).toBeInTheDocument();
  });

  it("shows a customer named like markup as text, its broken promise, and its letter", async () => {
    const user = userEvent.setup();
    const { container } = renderPane(await workbookWithLog(), "en");
    await openCollection(user, "Collection", "Figures as of 2026-11-23");
    await user.click(screen.getByRole("combobox", { name: "Customer" }));
    await user.type(screen.getByRole("combobox", { name: "Customer" }), "<img");
    expect(screen.getAllByRole("option").map((option) => option.textContent)).toEqual([HOSTILE]);
    await user.click(screen.getByRole("option", { name: HOSTILE }));

    const account = screen.getByRole("region", { name: `${HOSTILE} (CNY)` });
    expect(within(account).getByRole("heading", { level: 3 })).toHaveTextContent(HOSTILE);
    const promises = within(account).getByRole("table", { name: `Promises to pay ${HOSTILE} (CNY)` });
    expect(within(promises).getAllByRole("row").slice(1).map(cellTexts)).toEqual([["2026-11-20", "1,000.00", "0.00", "Broken"]]);
    await user.click(screen.getByRole("button", { name: "Draft letters" }));
    await screen.findByRole("article", { name: new RegExp(HOSTILE.replace(/[()=<>]/g, ".")) });
    expect(container.querySelector("img")).toBeNull();
  });
});

describe("today's work (zh-CN)", () => {
  it("lists next actions due, most late first, the broken promise and the pre-due invoices", async () => {
    const user = userEvent.setup();
    renderPane(await workbookWithLog(), "zh-CN");
    await openCollection(user, "催收", "数据截至 2026-11-23");
    await user.click(screen.getByRole("tab", { name: "今日待办" }));

    const actions = within(screen.getByRole("list", { name: "到期的跟进" })).getAllByRole("listitem").map((item) => item.textContent);
    // <img…>: next action 11-20, 3 days ago; 甲公司: 11-23, today.
    expect(actions).toEqual([
      `${HOSTILE}下次跟进日期：2026-11-20 · 已过 3 天上次联系：2026-11-05 邮件`,
      "甲公司下次跟进日期：2026-11-23 · 今天上次联系：2026-11-18 电话答应月底前付清",
    ]);
    const promises = within(screen.getByRole("list", { name: "即将到期或已违约的还款承诺" })).getAllByRole("listitem").map((item) => item.textContent);
    expect(promises).toEqual([`${HOSTILE}承诺日期：2026-11-20 · 已过 3 天承诺金额：CNY 1,000.00 · 已违约`]);
    const notices = within(screen.getByRole("list", { name: "到期前提醒" })).getAllByRole("listitem").map((item) => item.textContent);
    expect(notices).toEqual([
      "乙公司发票号：B-001 · 到期日：2026-11-26 · 还有 3 天未收余额：CNY 8,000.00 · 第2次(到期前3天)",
      "乙公司发票号：B-002 · 到期日：2026-11-27 · 还有 4 天未收余额：CNY 1,200.50 · 第1次(到期前5天)",
    ]);

    await user.click(screen.getAllByRole("button", { name: "乙公司" })[0]);
    expect(await screen.findByRole("region", { name: "乙公司（CNY）" })).toBeInTheDocument();
  });
});

describe("statements (zh-CN)", () => {
  it("writes the 对账单 sheet for all customers with each closing balance equal to the aged balance", async () => {
    const user = userEvent.setup();
    const workbook = await workbookWithLog();
    renderPane(workbook, "zh-CN");
    await openCollection(user, "催收", "数据截至 2026-11-23");
    await user.click(screen.getByRole("tab", { name: "对账单" }));
    expect(screen.getByRole("textbox", { name: "期间开始" })).toHaveValue("2026-11-01");
    expect(screen.getByRole("textbox", { name: "期间结束" })).toHaveValue("2026-11-23");
    await user.click(screen.getByRole("button", { name: "写入对账单" }));

    expect(await screen.findByText("已写入工作表：对账单 2026-11-23")).toBeInTheDocument();
    const rows = within(screen.getByRole("table", { name: "对账单" })).getAllByRole("row").slice(1).map(cellTexts);
    // Opening as of 10-31: 甲公司 10,000 + 5,000 − 2,000 (received, undated) = 13,000.00, nothing in November;
    // 乙公司 B-001 (dated 10-27) 8,000.00 and B-002 (dated 10-28) 1,200.50 = 9,200.50; <img…> 2,000.00.
    expect(rows).toEqual([
      [`${HOSTILE} CNY`, "2,000.00", "2,000.00", "2,000.00"],
      ["乙公司 CNY", "9,200.50", "9,200.50", "9,200.50"],
      ["甲公司 CNY", "13,000.00", "13,000.00", "13,000.00"],
    ]);
    await waitFor(() => expect(workbook.planWrites).toEqual([["对账单 2026-11-23"]]));
  });

  it("refuses a period that ends before it starts, and needs a customer ticked when only some are wanted", async () => {
    const user = userEvent.setup();
    renderPane(await workbookWithLog(), "en");
    await openCollection(user, "Collection", "Figures as of 2026-11-23");
    await user.click(screen.getByRole("tab", { name: "Statements" }));
    const from = screen.getByRole("textbox", { name: "Period from" });
    await user.clear(from);
    await user.type(from, "2026-12-01");
    expect(screen.getByText("The start cannot be after the end.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Write statements" })).toBeDisabled();
    await user.clear(from);
    await user.type(from, "2026-11-01");
    await user.click(screen.getByRole("radio", { name: "Chosen customers" }));
    expect(screen.getByRole("button", { name: "Write statements" })).toBeDisabled();
    await user.click(screen.getByRole("checkbox", { name: "乙公司" }));
    expect(screen.getByRole("button", { name: "Write statements" })).toBeEnabled();
  });
});
