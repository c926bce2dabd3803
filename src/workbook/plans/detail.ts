/**
 * The open-invoice detail sheet: one row per open invoice of every customer, policy currency
 * first, with its dates, amounts to the fen, days overdue, bucket, interest and stage.
 */
import { labelsFor } from "../../i18n/labels";
import { toSerial } from "../../rules/dates";
import { stageForDays } from "../../rules/escalation";
import { moneyNumber, subtract } from "../../rules/money";
import type { Policy } from "../../rules/policy-types";
import type { Lang, Report } from "../../rules/types";
import { planWithRowsLater } from "../plan-rows";
import type { PlanCell, SheetPlan } from "../plan-types";
import { currenciesOf } from "./currencies";
import { AMOUNT_FORMAT, columnFormats, DATE_FORMAT, headerFormat } from "./formats";
import { stageLabel } from "./labels";
import { sheetName } from "./sheet-names";

/**
 * The stage label of a non-disputed invoice by its own days overdue, remembered per number of
 * days: a detail sheet of 100,000 invoices asks about a few hundred distinct days.
 */
function stageLabels(policy: Policy, lang: Lang): (daysOverdue: number) => string {
  const labels = new Map<number, string>();
  return (daysOverdue) => {
    let label = labels.get(daysOverdue);
    if (label === undefined) {
      label = stageLabel(stageForDays(daysOverdue, policy)?.id ?? null, policy, lang);
      labels.set(daysOverdue, label);
    }
    return label;
  };
}

/**
 * The open-invoice detail: one row per open invoice of every customer. Dates are 1900-system
 * serials formatted `yyyy-mm-dd`, listed in `dateCols` so an adapter can shift them for a
 * 1904-system workbook. Amounts (invoice, applied = amount − outstanding, outstanding, interest)
 * are each shown to the fen from their exact value. Its rows are made as they are first read
 * (plan-rows.ts): the report must not change before they are.
 * @param report the report
 * @param policy the policy (bucket and stage labels)
 * @param lang language
 * @returns the sheet plan
 * @example detailPlan(report, DEFAULT_POLICY, "en").values[0][2] // "Invoice no."
 */
export function detailPlan(report: Report, policy: Policy, lang: Lang): SheetPlan {
  const words = labelsFor(lang);
  const headers = words.detail;
  const scale = report.scale;
  const bucketLabels = policy.buckets.labels[lang];
  const header: PlanCell[] = [
    headers.customer,
    headers.currency,
    headers.invoiceNo,
    headers.invoiceDate,
    headers.dueDate,
    headers.amount,
    headers.applied,
    headers.outstanding,
    headers.daysOverdue,
    headers.bucket,
    headers.interest,
    headers.disputed,
    headers.stage,
  ];
  const stageOf = stageLabels(policy, lang);
  let rows = 0;
  for (const customer of report.customers) rows += customer.items.length;
  /** The rows, header first, made as they are first needed (plan-rows.ts). */
  function* made(): Generator<PlanCell[]> {
    yield header;
    for (const currency of currenciesOf(report.customers, policy)) {
      for (const customer of report.customers) {
        if (customer.currency !== currency) continue;
        for (const item of customer.items) {
          const { invoice, outstanding } = item.state;
          const amount = moneyNumber(invoice.amount, scale);
          yield [
            customer.customer,
            customer.currency,
            invoice.invoiceNo,
            invoice.invoiceDate === null ? null : toSerial(invoice.invoiceDate, "1900"),
            toSerial(invoice.dueDate, "1900"),
            amount,
            moneyNumber(subtract(invoice.amount, outstanding), scale),
            // An unpaid invoice shows its amount twice: one number for both cells.
            outstanding === invoice.amount ? amount : moneyNumber(outstanding, scale),
            item.daysOverdue,
            bucketLabels[item.bucket] ?? "",
            moneyNumber(item.interest, scale),
            invoice.disputed ? words.yes : words.no,
            // A disputed invoice is not chased, so it has no stage.
            invoice.disputed ? "" : stageOf(item.daysOverdue),
          ];
        }
      }
    }
  }
  const dateColumns = [3, 4];
  const layout: Omit<SheetPlan, "values"> = {
    name: sheetName("detail", report.asOf, lang),
    kind: "detail",
    formats: [headerFormat(header.length), ...columnFormats(dateColumns, DATE_FORMAT, rows), ...columnFormats([5, 6, 7, 10], AMOUNT_FORMAT, rows)],
    conditionalFormats: [],
    columnWidths: [24, 8, 16, 12, 12, 14, 14, 14, 10, 12, 12, 8, 16],
    freezeRows: 1,
    freezeCols: 1,
    dateCols: dateColumns,
  };
  // A million rows are made while the first of them are written, not before (plan-rows.ts).
  return planWithRowsLater(layout, rows + 1, header.length, made);
}
