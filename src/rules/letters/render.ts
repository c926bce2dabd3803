/**
 * Renders a reminder letter from a customer's report, a stage and a template. Pure: the as-of
 * date, the policy and the language are arguments.
 *
 * Which invoices a letter names: never a disputed one (POLICY 2 and 6). For an overdue stage the
 * invoices with daysOverdue > 0; for a pre-due stage (toDays ≤ 0) the invoices due within its
 * window (fromDays ≤ daysOverdue ≤ 0). The interest total is the sum of the table's rows, so the
 * letter adds up on paper; interest still owed on invoices already paid is the separate merge
 * field `settledInterest`, which the default templates do not use.
 */
import { accountKey } from "../accounts";
import type { AccountCollection } from "../collection";
import { addDays, formatIso } from "../dates";
import { sum } from "../money";
import type { EscalationStage, Policy } from "../policy-types";
import type { PreDueNotice } from "../pre-due";
import type { AgedItem, CustomerReport, DayNumber, Lang, LogEntry, Report, StageId } from "../types";
import { contactHistoryText, earlierRemindersText } from "./contact-words";
import { currencyUnit, formatAmount, formatLetterDate, formatWan } from "./format";
import { DEFAULT_TEMPLATES, MERGE_FIELD_NAMES, type LetterTemplate } from "./templates";
import { tableToText, type LetterTable } from "./text-table";

/** A piece of the body: text, or the place where `{{invoiceTable}}` stood. */
export type LetterBodyPart = { kind: "text"; text: string } | { kind: "table" };

/** A letter ready to show, copy or print. */
export interface RenderedLetter {
  customer: string;
  currency: string;
  stage: StageId;
  lang: Lang;
  subject: string;
  /** Plain text; the invoice table is drawn as aligned columns. */
  body: string;
  /** The body split around the invoice table, for HTML and other rich output. */
  parts: LetterBodyPart[];
  table: LetterTable;
  /** `{{names}}` in the template that are not merge fields; left visible in the text. */
  unknownFields: string[];
  /** Merge fields used by the template whose value is empty (e.g. bank account not set). */
  missingValues: string[];
}

/** What `renderLetter` needs besides the customer: the as-of date, the policy, the language and the report's scale. */
export interface LetterContext {
  asOf: DayNumber;
  policy: Policy;
  lang: Lang;
  /** The scale of the report's amounts (Report.scale). */
  scale: number;
  /**
   * The customer's contacts the collection log records: the letter names those dated on or before
   * the as-of date and on or after the oldest due date of the invoices it lists. None: it says nothing
   * of earlier reminders.
   */
  contacts?: readonly LogEntry[];
}

/** Merge fields that are empty by design when there is nothing to say (never reported as missing). */
const EMPTY_WHEN_NONE: ReadonlySet<string> = new Set(["earlierReminders", "contactHistory"]);

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

const HEADERS: Record<Lang, { overdue: string[]; dueSoon: string[]; total: string }> = {
  "zh-CN": {
    overdue: ["发票号", "开票日期", "到期日", "未付金额", "逾期天数", "逾期利息"],
    dueSoon: ["发票号", "开票日期", "到期日", "未付金额", "距到期天数"],
    total: "合计",
  },
  "zh-TW": {
    overdue: ["發票號碼", "開票日期", "到期日", "未付金額", "逾期天數", "逾期利息"],
    dueSoon: ["發票號碼", "開票日期", "到期日", "未付金額", "距到期天數"],
    total: "合計",
  },
  en: {
    overdue: ["Invoice no.", "Invoice date", "Due date", "Outstanding", "Days overdue", "Late interest"],
    dueSoon: ["Invoice no.", "Invoice date", "Due date", "Outstanding", "Days to due"],
    total: "Total",
  },
};

/**
 * Merge fields of a template that are not in MERGE_FIELDS, in order of first appearance.
 * @param template the template to check (subject and body)
 * @returns unknown field names, each once
 * @example validateTemplate({ lang: "en", stage: "formal", subject: "{{customer}}", body: "{{foo}}" }) // ["foo"]
 */
export function validateTemplate(template: LetterTemplate): string[] {
  const unknown: string[] = [];
  for (const text of [template.subject, template.body]) {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const name = match[1].trim();
      if (!MERGE_FIELD_NAMES.has(name) && !unknown.includes(name)) unknown.push(name);
    }
  }
  return unknown;
}

/**
 * The template for a stage and language: the exact one, else the zh-CN one of the given list,
 * else the default in that language, else the default zh-CN one; null when no stage matches.
 * @param templates the company's templates (from the workbook)
 * @param stage stage id
 * @param lang wanted language
 * @returns the template to use, or null
 * @example findTemplate([], "formal", "en")?.lang // "en" (from DEFAULT_TEMPLATES)
 */
export function findTemplate(
  templates: readonly LetterTemplate[],
  stage: StageId,
  lang: Lang,
): LetterTemplate | null {
  const pick = (list: readonly LetterTemplate[], wanted: Lang) =>
    list.find((template) => template.stage === stage && template.lang === wanted);
  return pick(templates, lang) ?? pick(templates, "zh-CN") ?? pick(DEFAULT_TEMPLATES, lang) ?? pick(DEFAULT_TEMPLATES, "zh-CN") ?? null;
}

/**
 * Whether a stage is a pre-due notice (its days all before the due date).
 * @param stage a stage of the ladder
 * @returns true for a pre-due stage
 * @example isPreDue(DEFAULT_POLICY.escalation[0]) // true ("preDue", −5 to −1)
 */
export function isPreDue(stage: EscalationStage | undefined): boolean {
  return stage !== undefined && stage.toDays !== null && stage.toDays <= 0;
}

/** The contacts a letter about these items may name: on or after the oldest due date, on or before the as-of date. */
function contactsAbout(items: readonly AgedItem[], ctx: LetterContext): LogEntry[] {
  const contacts = ctx.contacts ?? [];
  if (contacts.length === 0 || items.length === 0) return [];
  const since = Math.min(...items.map((item) => item.state.invoice.dueDate));
  return contacts.filter((entry) => entry.date >= since && entry.date <= ctx.asOf);
}

/** Earliest day before due that a pre-due stage covers (e.g. −5); 0 when the ladder has none. */
function dueSoonFrom(policy: Policy): number {
  const preDue = policy.escalation.filter(isPreDue).map((stage) => stage.fromDays);
  return preDue.length > 0 ? Math.min(0, ...preDue) : 0;
}

function buildTable(items: AgedItem[], preDue: boolean, lang: Lang, scale: number): LetterTable {
  const text = HEADERS[lang];
  const outstanding = formatAmount(sum(items.map((item) => item.state.outstanding)), scale);
  const rows = items.map((item) => {
    const invoice = item.state.invoice;
    const common = [
      invoice.invoiceNo,
      invoice.invoiceDate === null ? "" : formatIso(invoice.invoiceDate),
      formatIso(invoice.dueDate),
      formatAmount(item.state.outstanding, scale),
    ];
    return preDue ? [...common, String(-item.daysOverdue)] : [...common, String(item.daysOverdue), formatAmount(item.interest, scale)];
  });
  const footer = preDue
    ? [text.total, "", "", outstanding, ""]
    : [text.total, "", "", outstanding, "", formatAmount(sum(items.map((item) => item.interest)), scale)];
  const align: ("left" | "right")[] = preDue
    ? ["left", "left", "left", "right", "right"]
    : ["left", "left", "left", "right", "right", "right"];
  return { headers: preDue ? text.dueSoon : text.overdue, rows, footer, align };
}

function mergeValues(
  customer: CustomerReport,
  stage: StageId,
  ctx: LetterContext,
  dueSoon: AgedItem[],
  overdue: AgedItem[],
  tableText: string,
): Record<string, string> {
  const { policy, lang, asOf, scale } = ctx;
  const company = policy.company;
  const stageDef = policy.escalation.find((candidate) => candidate.id === stage);
  const overdueTotal = sum(overdue.map((item) => item.state.outstanding));
  const dueSoonTotal = sum(dueSoon.map((item) => item.state.outstanding));
  const nextDue = dueSoon.length > 0 ? Math.min(...dueSoon.map((item) => item.state.invoice.dueDate)) : null;
  const contacts = contactsAbout(overdue, ctx);
  return {
    customer: customer.customer,
    contact: customer.info?.contact ?? "",
    asOf: formatLetterDate(asOf, lang),
    stageName: stageDef?.labels[lang] ?? stage,
    currency: customer.currency,
    currencyUnit: currencyUnit(customer.currency, lang),
    overdueCount: String(overdue.length),
    overdueTotal: formatAmount(overdueTotal, scale),
    overdueTotalWan: formatWan(overdueTotal, scale),
    maxDaysOverdue: String(Math.max(0, ...overdue.map((item) => item.daysOverdue))),
    outstandingTotal: formatAmount(customer.outstanding, scale),
    interestTotal: formatAmount(sum(overdue.map((item) => item.interest)), scale),
    settledInterest: formatAmount(customer.settledInterest, scale),
    interestRate: `${policy.interest.dailyRate.times(100).toFixed()}%`,
    invoiceTable: tableText,
    dueSoonCount: String(dueSoon.length),
    dueSoonTotal: formatAmount(dueSoonTotal, scale),
    dueSoonTotalWan: formatWan(dueSoonTotal, scale),
    nextDueDate: nextDue === null ? "" : formatLetterDate(nextDue, lang),
    company: company.name,
    financeContact: company.financeContact,
    phone: company.phone,
    email: company.email,
    bankName: company.bankName,
    bankAccount: company.bankAccount,
    replyBy: formatLetterDate(addDays(asOf, policy.replyDays), lang),
    earlierReminders: earlierRemindersText(contacts, lang),
    contactHistory: contactHistoryText(contacts, lang),
  };
}

/**
 * Fills one template for one customer. Every `{{field}}` is replaced in a single pass over the
 * template, so a value that itself contains `{{customer}}` is never expanded again.
 * @param customer the customer's report (items with days overdue and interest)
 * @param stage the stage the letter is for
 * @param template the template (see findTemplate)
 * @param ctx as-of date, policy, and the language used for dates, units and table headers
 * @returns the rendered letter, with unknown fields and missing values listed
 * @example
 * // customer "甲公司", one invoice INV-1 of 1,234,567.80 overdue 40 days, stage "formal", zh-CN:
 * renderLetter(customer, "formal", template, { asOf, policy, lang: "zh-CN", scale: 2 }).subject
 * // "正式催款函:逾期账款1,234,567.80元"
 */
export function renderLetter(
  customer: CustomerReport,
  stage: StageId,
  template: LetterTemplate,
  ctx: LetterContext,
): RenderedLetter {
  const stageDef = ctx.policy.escalation.find((candidate) => candidate.id === stage);
  const preDue = isPreDue(stageDef);
  const window = Math.min(preDue && stageDef ? stageDef.fromDays : dueSoonFrom(ctx.policy), -Math.max(0, ...ctx.policy.preDueTouchDays));
  const dueSoon = customer.items.filter(
    (item) => !item.state.invoice.disputed && item.daysOverdue <= 0 && item.daysOverdue >= window,
  );
  const overdue = customer.items.filter((item) => !item.state.invoice.disputed && item.daysOverdue > 0);
  const table = buildTable(preDue ? dueSoon : overdue, preDue, ctx.lang, ctx.scale);
  const tableText = tableToText(table);
  const values = mergeValues(customer, stage, ctx, dueSoon, overdue, tableText);

  const unknownFields = validateTemplate(template);
  const missingValues: string[] = [];
  const fill = (name: string, original: string): string => {
    if (!MERGE_FIELD_NAMES.has(name)) return original;
    const value = values[name];
    if (value === "" && !EMPTY_WHEN_NONE.has(name) && !missingValues.includes(name)) missingValues.push(name);
    return value;
  };

  const parts: LetterBodyPart[] = [];
  let cursor = 0;
  let text = "";
  for (const match of template.body.matchAll(PLACEHOLDER)) {
    const name = match[1].trim();
    text += template.body.slice(cursor, match.index);
    cursor = (match.index as number) + match[0].length;
    if (name === "invoiceTable") {
      parts.push({ kind: "text", text }, { kind: "table" });
      text = "";
    } else {
      text += fill(name, match[0]);
    }
  }
  parts.push({ kind: "text", text: text + template.body.slice(cursor) });
  const nonEmpty = parts.filter((part) => part.kind === "table" || part.text !== "");
  const body = nonEmpty.map((part) => (part.kind === "table" ? tableText : part.text)).join("");
  const subject = template.subject.replace(PLACEHOLDER, (original, inner: string) =>
    fill(inner.trim(), original).replace(/\s*\n\s*/g, " "),
  );

  return {
    customer: customer.customer,
    currency: customer.currency,
    stage,
    lang: ctx.lang,
    subject,
    body,
    parts: nonEmpty,
    table,
    unknownFields,
    missingValues,
  };
}

/** Which letters `lettersForReport` drafts; by default every customer at a letter stage. */
export interface LettersOptions {
  stages?: StageId[];
  customers?: string[];
  /**
   * Each account's collection state (collection.ts, by accountKey): its letter follows the stage
   * after escalation, leaves out the invoices an open promise covers, and names the earlier
   * reminders the collection log records.
   */
  collection?: ReadonlyMap<string, AccountCollection>;
  /**
   * Pre-due notices per invoice (pre-due.ts): each customer with some gets one pre-due letter
   * listing them, whatever its stage for older invoices, in place of a customer-level pre-due letter.
   */
  preDueNotices?: readonly PreDueNotice[];
}

/** The invoices coming due of each customer, from the notices. */
function noticesByCustomer(notices: readonly PreDueNotice[]): Map<CustomerReport, AgedItem[]> {
  const byCustomer = new Map<CustomerReport, AgedItem[]>();
  for (const notice of notices) {
    const list = byCustomer.get(notice.customer);
    if (list === undefined) byCustomer.set(notice.customer, [notice.item]);
    else list.push(notice.item);
  }
  return byCustomer;
}

/**
 * The letters of a report: one per customer whose stage drafts a letter (`letter: true`; none at
 * the phone stage or without a stage), and with pre-due notices given, one pre-due letter per
 * customer with invoices coming due. The template is looked up with findTemplate and the letter
 * written in that template's language.
 * @param report the report as of its date
 * @param policy the policy the report was built with
 * @param lang wanted language
 * @param templates the company's templates (empty list → defaults)
 * @param options only these stages and/or customers; the collection state; pre-due notices
 * @returns rendered letters, in report order (a customer's stage letter before its pre-due letter)
 * @example lettersForReport(report, policy, "zh-CN", []).map((l) => l.stage) // ["formal", "reminder"]
 */
export function lettersForReport(
  report: Report,
  policy: Policy,
  lang: Lang,
  templates: readonly LetterTemplate[],
  options: LettersOptions = {},
): RenderedLetter[] {
  const notices = options.preDueNotices === undefined ? null : noticesByCustomer(options.preDueNotices);
  const preDueStage = policy.escalation.find(isPreDue)?.id ?? null;
  const wanted = (stage: StageId): boolean => options.stages === undefined || options.stages.includes(stage);
  const letters: RenderedLetter[] = [];
  const draft = (customer: CustomerReport, stage: StageId, contacts: readonly LogEntry[] | undefined): void => {
    const template = findTemplate(templates, stage, lang);
    if (template === null) return;
    const ctx: LetterContext = { asOf: report.asOf, policy, lang: template.lang, scale: report.scale };
    if (contacts !== undefined) ctx.contacts = contacts;
    letters.push(renderLetter(customer, stage, template, ctx));
  };
  for (const customer of report.customers) {
    if (options.customers && !options.customers.includes(customer.customer)) continue;
    const collection = options.collection?.get(accountKey(customer.customer, customer.currency));
    const stage = collection === undefined ? customer.stage : collection.stage.stage;
    const stageDef = policy.escalation.find((candidate) => candidate.id === stage);
    const noticesInstead = notices !== null && isPreDue(stageDef);
    if (stage !== null && stageDef?.letter && !noticesInstead && wanted(stage)) {
      draft(collection === undefined ? customer : { ...customer, items: collection.active }, stage, collection?.contacts);
    }
    const coming = notices?.get(customer);
    if (coming !== undefined && preDueStage !== null && wanted(preDueStage)) draft({ ...customer, items: coming }, preDueStage, undefined);
  }
  return letters;
}
