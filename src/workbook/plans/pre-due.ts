/**
 * The list of pre-due notices (到期提醒, POLICY §7): one row per open invoice coming due within the
 * first touch's days, with its touch, whatever the customer's stage for its older invoices.
 */
import { collectionWords } from "../../i18n/collection";
import { fillPlaceholders } from "../../i18n/fill";
import { toSerial } from "../../rules/dates";
import { moneyNumber } from "../../rules/money";
import type { PreDueNotice } from "../../rules/pre-due";
import type { DayNumber, Lang } from "../../rules/types";
import type { PlanCell, SheetPlan } from "../plan-types";
import { AMOUNT_FORMAT, columnFormats, DATE_FORMAT, headerFormat } from "./formats";
import { sheetName } from "./sheet-names";

/**
 * The pre-due notices as a sheet, in the order given (customer, then due date).
 * @param notices from preDueNotices
 * @param scale the report's scale
 * @param lang language of the headers
 * @param asOf the report date, for the sheet name
 * @returns the sheet plan
 * @example preDuePlan(notices, 2, "zh-CN", asOf).values[1] // ["乙公司", "CNY", "B-2", 46322, 46352, 3, 8000, "第2次(到期前3天)", "王经理", "张三"]
 */
export function preDuePlan(notices: readonly PreDueNotice[], scale: number, lang: Lang, asOf: DayNumber): SheetPlan {
  const words = collectionWords(lang).preDue;
  const h = words.headers;
  const header: PlanCell[] = [h.customer, h.currency, h.invoiceNo, h.invoiceDate, h.dueDate, h.daysToDue, h.outstanding, h.touch, h.contact, h.salesperson];
  const rows = notices.map((notice): PlanCell[] => {
    const invoice = notice.item.state.invoice;
    const info = notice.customer.info;
    return [
      notice.customer.customer,
      notice.customer.currency,
      invoice.invoiceNo,
      invoice.invoiceDate === null ? null : toSerial(invoice.invoiceDate, "1900"),
      toSerial(invoice.dueDate, "1900"),
      notice.daysToDue,
      moneyNumber(notice.item.state.outstanding, scale),
      fillPlaceholders(words.touch, { touch: notice.touch, days: notice.touchDays }),
      info?.contact ?? "",
      invoice.salesperson ?? info?.salesperson ?? "",
    ];
  });
  return {
    name: sheetName("preDue", asOf, lang),
    kind: "preDue",
    values: [header, ...rows],
    formats: [headerFormat(header.length), ...columnFormats([3, 4], DATE_FORMAT, rows.length), ...columnFormats([6], AMOUNT_FORMAT, rows.length)],
    conditionalFormats: [],
    columnWidths: [24, 8, 16, 12, 12, 10, 14, 20, 14, 12],
    freezeRows: 1,
    freezeCols: 1,
    dateCols: [3, 4],
  };
}
