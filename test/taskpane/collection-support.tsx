/**
 * Shared pieces of the Collection tab's component tests: a ledger with pre-due invoices, contacts
 * logged through the real job before the pane opens, and opening the tab (its lazily loaded chunk).
 */
import { screen } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { runLogContact } from "../../src/jobs/log-contact";
import { fromYmd } from "../../src/rules/dates";
import type { ContactInput } from "../../src/rules/contact";
import type { WorkbookData } from "../../src/workbook/adapter-types";
import { sheetOf } from "../support/grid";
import { HOSTILE, PaneMemoryWorkbook } from "./support";

/**
 * As of 2026-11-23 (serial 46349; invoice date = due − 30):
 *   甲公司  A-001 10,000.00 due 2026-10-14 (40 days overdue, 31-60); A-002 5,000.00 − 2,000.00 received, due 11-18 (5 days, 1-30)
 *   乙公司  B-001 8,000.00 due 11-26 (in 3 days: second touch); B-002 1,200.50 due 11-27 (in 4 days: first touch)
 *   <img…>  H-001 2,000.00 due 2026-10-09 (45 days overdue)
 */
export function collectionWorkbook(): WorkbookData {
  const row = (customer: string, invoiceNo: string, due: number, amount: number, received: number) => [customer, invoiceNo, due - 30, due, amount, received, "CNY"];
  return {
    dateSystem: "1900",
    settings: {},
    tables: [],
    sheets: [
      sheetOf("应收台账", [
        ["客户", "发票号", "开票日期", "到期日", "金额", "已收", "币种"],
        row("甲公司", "A-001", 46309, 10000, 0),
        row("甲公司", "A-002", 46344, 5000, 2000),
        row("乙公司", "B-001", 46352, 8000, 0),
        row("乙公司", "B-002", 46353, 1200.5, 0),
        row(HOSTILE, "H-001", 46304, 2000, 0),
      ]),
      sheetOf("客户资料", [
        ["客户名称", "信用额度"],
        ["甲公司", 20000],
        ["乙公司", 10000],
        [HOSTILE, 500],
      ]),
    ],
  };
}

/**
 * The contacts logged before the pane opens:
 *   甲公司 11-10 phone, no answer (张三), next action 11-17;
 *   甲公司 11-18 phone, promised 13,000.00 by 11-30 (李四 contacted), next action 11-23 (today);
 *   <img…> 11-05 email, promised 1,000.00 by 11-20 (nothing received: broken), next action 11-20 (3 days late).
 */
export const CONTACTS: ContactInput[] = [
  { date: fromYmd(2026, 11, 10), customer: "甲公司", channel: "phone", outcome: "noAnswer", collector: "张三", nextAction: fromYmd(2026, 11, 17) },
  {
    date: fromYmd(2026, 11, 18),
    customer: "甲公司",
    channel: "phone",
    outcome: "promised",
    promisedDate: fromYmd(2026, 11, 30),
    promisedAmount: "13,000.00",
    collector: "张三",
    contact: "李四",
    nextAction: fromYmd(2026, 11, 23),
    note: "答应月底前付清",
  },
  { date: fromYmd(2026, 11, 5), customer: HOSTILE, channel: "email", outcome: "promised", promisedDate: fromYmd(2026, 11, 20), promisedAmount: "1000", nextAction: fromYmd(2026, 11, 20) },
];

/**
 * A workbook holding the ledger and the contacts, logged through runLogContact.
 * @returns the pane's workbook
 */
export async function workbookWithLog(): Promise<PaneMemoryWorkbook> {
  const workbook = new PaneMemoryWorkbook(collectionWorkbook());
  for (const contact of CONTACTS) {
    const result = await runLogContact(workbook, contact, { lang: "zh-CN" });
    if (result.appended === null) throw new Error(JSON.stringify(result.problems));
  }
  return workbook;
}

/**
 * Opens the Collection tab and waits for its chunk and its first read of the workbook.
 * @param user the user
 * @param tab the tab's name
 * @param asOfShown the line saying the date the figures are as of
 */
export async function openCollection(user: UserEvent, tab: string, asOfShown: string): Promise<void> {
  await user.click(screen.getByRole("tab", { name: tab }));
  await screen.findByText(asOfShown);
}

/**
 * Chooses a customer in the visible customer picker.
 * @param user the user
 * @param label the picker's label
 * @param name the customer
 */
export async function chooseCustomer(user: UserEvent, label: string, name: string): Promise<void> {
  await user.click(screen.getByRole("combobox", { name: label }));
  await user.click(await screen.findByRole("option", { name }));
}
