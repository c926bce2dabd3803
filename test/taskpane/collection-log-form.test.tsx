/** @jest-environment jsdom */
/**
 * The log-a-contact form: what it refuses before running (no customer, dates it cannot read), the
 * job's problems shown by field in the user's language with nothing written, and two contacts
 * appended one under the other to the log table it creates — the promised amount exact.
 */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { gridOf } from "../support/grid";
import { chooseCustomer, collectionWorkbook, openCollection } from "./collection-support";
import { PaneMemoryWorkbook, renderPane } from "./support";

const LOG_HEADERS = ["联系日期", "客户", "发票号", "催收人", "方式", "联系人", "结果", "承诺日期", "承诺金额", "下次跟进日期", "备注"];

async function fill(user: UserEvent, label: string, text: string): Promise<void> {
  const box = screen.getByRole("textbox", { name: label });
  await user.clear(box);
  if (text !== "") await user.type(box, text);
}

async function openForm(user: UserEvent, lang: "zh-CN" | "en" = "zh-CN"): Promise<PaneMemoryWorkbook> {
  const workbook = new PaneMemoryWorkbook(collectionWorkbook());
  renderPane(workbook, lang);
  if (lang === "zh-CN") {
    await openCollection(user, "催收", "数据截至 2026-11-23");
    await user.click(screen.getByRole("tab", { name: "登记联系" }));
  } else {
    await openCollection(user, "Collection", "Figures as of 2026-11-23");
    await user.click(screen.getByRole("tab", { name: "Log contact" }));
  }
  return workbook;
}

describe("log a contact (zh-CN)", () => {
  it("asks for a customer and refuses dates it cannot read; nothing is written", async () => {
    const user = userEvent.setup();
    const workbook = await openForm(user);
    const form = screen.getByRole("form", { name: "登记联系" });
    expect(within(form).getByRole("textbox", { name: "联系日期" })).toHaveValue("2026-11-23");
    await fill(user, "承诺日期", "2026-13-01");
    await fill(user, "下次跟进日期", "下周一");
    await user.click(within(form).getByRole("button", { name: "登记联系" }));
    expect(within(form).getByText("请选择一个客户。")).toBeInTheDocument();
    expect(within(form).getAllByText("请输入有效日期，格式 YYYY-MM-DD。")).toHaveLength(2);
    expect(workbook.sheet("催收记录")).toBeUndefined();
  });

  it("shows the job's problems by field in Chinese: an amount that is not exact, a date before the contact", async () => {
    const user = userEvent.setup();
    const workbook = await openForm(user);
    await chooseCustomer(user, "客户", "甲公司");
    await fill(user, "承诺日期", "2026-11-30");
    await fill(user, "承诺金额", "12,34.5");
    await fill(user, "下次跟进日期", "2026-11-20");
    await user.click(screen.getByRole("button", { name: "登记联系" }));
    const bar = await screen.findByText("未写入。请修改以下问题后再登记：");
    const problems = within(bar.closest("[class*=fui-MessageBarBody]") as HTMLElement).getAllByRole("listitem").map((item) => item.textContent);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("12,34.5");
    expect(problems[1]).toBe("下次跟进日期早于联系日期");
    expect(workbook.sheet("催收记录")).toBeUndefined();
  });

  it("appends the first contact to a new log table, the second below it; the promised amount is exact", async () => {
    const user = userEvent.setup();
    const workbook = await openForm(user);
    await chooseCustomer(user, "客户", "甲公司");
    await fill(user, "联系日期", "2026-11-20");
    await user.selectOptions(screen.getByRole("combobox", { name: "结果" }), "已承诺");
    await user.selectOptions(screen.getByRole("combobox", { name: "发票号" }), "A-001");
    await fill(user, "承诺日期", "2026-11-30");
    await fill(user, "承诺金额", "9,999,999.07");
    await fill(user, "下次跟进日期", "2026-12-01");
    await fill(user, "催收人", "张三");
    await fill(user, "联系人", "李四");
    await user.type(screen.getByRole("textbox", { name: "备注" }), "=1+1");
    await user.click(screen.getByRole("button", { name: "登记联系" }));
    expect(await screen.findByText("已写入工作表“催收记录”的表 AR_CollectionLog，第 2 行。 首次使用，已新建该表。")).toBeInTheDocument();
    // The form keeps the date, channel and collector for the next call; the rest is cleared.
    expect(screen.getByRole("textbox", { name: "承诺金额" })).toHaveValue("");
    expect(screen.getByRole("textbox", { name: "催收人" })).toHaveValue("张三");

    await chooseCustomer(user, "客户", "乙公司");
    await user.selectOptions(screen.getByRole("combobox", { name: "方式" }), "邮件");
    await user.selectOptions(screen.getByRole("combobox", { name: "结果" }), "无人接听");
    await user.click(screen.getByRole("button", { name: "登记联系" }));
    expect(await screen.findByText("已写入工作表“催收记录”的表 AR_CollectionLog，第 3 行。")).toBeInTheDocument();

    // 2026-11-20 = serial 46346, 11-30 = 46356, 12-01 = 46357.
    expect(gridOf(workbook.sheet("催收记录")!, 11)).toEqual([
      LOG_HEADERS,
      [46346, "甲公司", "A-001", "张三", "电话", "李四", "已承诺", 46356, 9999999.07, 46357, "=1+1"],
      [46346, "乙公司", null, "张三", "邮件", null, "无人接听", null, null, null, null],
    ]);
    // The customer view reads the log again: 甲公司's promise is there.
    await user.click(screen.getByRole("tab", { name: "客户概况" }));
    await chooseCustomer(user, "客户", "甲公司");
    const promises = await screen.findByRole("table", { name: "还款承诺 甲公司（CNY）" });
    expect(within(promises).getAllByRole("cell").map((cell) => cell.textContent)).toEqual(["2026-11-30", "9,999,999.07", "0.00", "未到期"]);
  });
});

describe("log a contact (en)", () => {
  it("says in English that a promise needs both its date and its amount", async () => {
    const user = userEvent.setup();
    await openForm(user, "en");
    await chooseCustomer(user, "Customer", "乙公司");
    await fill(user, "Promised amount", "500");
    await user.click(screen.getByRole("button", { name: "Log contact" }));
    expect(await screen.findAllByText("a promise needs both a promised date and a promised amount: the date is missing")).toHaveLength(2);
  });
});
