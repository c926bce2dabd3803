/** Problem messages in English: short, for a finance user, always naming the offending value. */
import { cleanQuoted } from "../../rules/errors";
import type { CellShown } from "../../workbook/problems";
import { CHANNEL_NAMES, OUTCOME_NAMES } from "../../rules/letters/contact-names";
import type { MessageLanguage } from "./types";

/** Untrusted text between double quotes, cleaned. */
const q = (value: unknown): string => `"${cleanQuoted(value)}"`;
/** The words of a list of choices, as the add-in writes them. */
const list = (words: Readonly<Record<string, string>>): string => Object.values(words).join(", ");
/** What the user typed is quoted; the spelling of a number or TRUE/FALSE is shown as is. */
const shown = (cell: CellShown): string => ("text" in cell ? q(cell.text) : cleanQuoted(cell.value));
const excelError = (p: { error: string }): string => `the cell shows the Excel error ${cleanQuoted(p.error)}`;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const monthShort = (month: number): string => MONTHS[month - 1]?.slice(0, 3) ?? String(month);
/** A refund is a credit note (POLICY §1). */
const REFUND = "a refund is entered as a credit note (an invoice with a negative amount), not as negative cash";

/**
 * Problem messages in English.
 * @example MESSAGES_EN.texts["date.noSuchMonth"]({ text: "2026-13-01", month: 13 }) // "\"2026-13-01\" is not a date: there is no month 13"
 */
export const MESSAGES_EN: MessageLanguage = {
  texts: {
    "date.notADate": (p) => `${q(p.text)} is not a date`,
    "date.noSuchMonth": (p) => `${q(p.text)} is not a date: there is no month ${p.month}`,
    "date.noSuchDay": (p) => `${q(p.text)} is not a date: ${MONTHS[p.month - 1]} ${p.year} has ${p.daysInMonth} days`,
    "date.ambiguous": (p) =>
      `${q(p.text)} could be ${p.first} ${monthShort(p.second)} ${p.year} or ${monthShort(p.first)} ${p.second} ${p.year}; write it as YYYY-MM-DD or set the date order (DMY or MDY)`,
    "date.twoDigitYear": (p) => `${q(p.text)} has a two-digit year; write the year in full, e.g. 2026`,
    "date.outOfRange": (p) => `${q(p.text)} is outside the dates Excel supports (1900-01-01 to 9999-12-31)`,
    "date.blank": () => "the date is blank",
    "date.wrongType": (p) => `${cleanQuoted(p.value)} is not a date`,
    "date.unreadable": () => "this value is not a date",
    "date.ymd": (p) => `${p.year}-${p.month}-${p.day} is not a date`,
    "serial.fictitious": () => "serial 60 is 1900-02-29, a day that does not exist (Excel 1900 leap-year bug)",
    "serial.outOfRange": (p) => `serial ${p.serial} is outside Excel's dates (${p.min} to ${p.max}, up to 9999-12-31)`,
    "serial.notANumber": (p) => `serial ${cleanQuoted(p.serial)} is not a number`,
    "limit.temporaryTooHigh": (p) => `temporary limit ${p.temporary} is more than ${p.ratio} of the fixed limit ${p.fixed}`,
    "measure.months": (p) => `${q(p.value)} is not a number of months (1 or more)`,
    "payment.invoiceNotFound": (p) =>
      `Invoice ${q(p.invoiceNo)} of ${q(p.customer)} (${p.currency}) was not found; the payment was applied FIFO to the oldest open invoices`,
    "policy.notANumber": (p) => `${q(p.value)} is not a number`,
    "policy.notAnInteger": (p) => `${q(p.value)} is not a whole number`,
    "policy.atLeast": (p) => `${q(p.value)} must be at least ${p.min}`,
    "policy.between": (p) => `${q(p.value)} must be between ${p.min} and ${p.max}`,
    "policy.wholeAtLeast": (p) => `${q(p.value)} must be a whole number, at least ${p.min}`,
    "policy.wholeBetween": (p) => `${q(p.value)} must be a whole number between ${p.min} and ${p.max}`,
    "policy.currencyCode": (p) => `${q(p.value)} must be a three-letter currency code such as CNY`,
    "policy.notText": (p) => `${q(p.value)} is not text`,
    "policy.notList": (p) => `${q(p.value)} is not a list`,
    "policy.choice": (p) => `${q(p.value)} must be one of ${p.choices.map(cleanQuoted).join(", ")}`,
    "policy.edges": (p) => `bucket edges ${cleanQuoted(p.value)} must be whole numbers of days, not negative, ascending, without duplicates`,
    "policy.tooManyEdges": (p) => `${p.count} bucket edges: at most ${p.max}`,
    "policy.tooDeep": (p) => `nested more than ${p.max} levels deep`,
    "policy.labelCount": (p) => `${cleanQuoted(p.lang)} has ${p.count} bucket labels but the edges make ${p.expected} buckets`,
    "policy.cuts": (p) => `limit cuts ${cleanQuoted(p.value)} must have ascending late counts (1 or more) and cuts between 0 and 1 that never fall`,
    "policy.stageNoId": (p) => `escalation ladder: stage ${p.stage} has no id`,
    "policy.stageTwice": (p) => `escalation ladder: stage id ${q(p.id)} appears twice`,
    "policy.stageDays": (p) => `escalation ladder: stage ${q(p.id)} needs whole numbers of days`,
    "policy.stageEndsBeforeStart": (p) => `escalation ladder: stage ${q(p.id)} ends (${p.toDays}) before it starts (${p.fromDays})`,
    "policy.stageOverlaps": (p) => `escalation ladder: stage ${q(p.id)} (from ${p.fromDays}) overlaps or comes before stage ${q(p.previous)}`,
    "policy.stageLetter": (p) => `escalation ladder: stage ${q(p.id)}: letter must be true or false`,
    "policy.gradeOrder": (p) => `grade months ${cleanQuoted(p.value)} must increase from D to C to B to A`,
    "policy.bands": (p) =>
      `provision bands ${cleanQuoted(p.value)} must have ascending day limits, rates between 0 and 1, and end with an open band`,
    "policy.notObject": (p) => `${q(p.value)} is not a group of settings`,
    "policy.daysAsMonths": (p) => `more than ${p.days} days is no whole number of months: read as ${p.months} month(s) or more; set stopShipping.overdueMonths to be sure`,
    "policy.touchDays": (p) => `pre-due touches ${cleanQuoted(p.value)} must be whole numbers of days before due, at least 1, descending (e.g. 5, 3)`,
    "contact.unknownCustomer": (p) => `customer ${q(p.customer)} is not in the invoices table`,
    "contact.channel": (p) => `${q(p.value)} is not a channel: use ${list(CHANNEL_NAMES.en)}`,
    "contact.outcome": (p) => `${q(p.value)} is not an outcome: use ${list(OUTCOME_NAMES.en)}`,
    "contact.promiseIncomplete": (p) => `a promise needs both a promised date and a promised amount: the ${p.missing} is missing`,
    "contact.amount": (p) => `${q(p.text)} is not an amount (write digits with a decimal point, e.g. 20000.00)`,
    "contact.amountNotPositive": (p) => `the promised amount ${q(p.text)} must be more than 0`,
    "contact.beforeContact": (p) => `the ${p.field === "promisedDate" ? "promised date" : "next action date"} is before the contact's date`,
    "contact.logNotATable": (p) => `the collection log on sheet ${q(p.sheet)} is not an Excel table: select it and press Ctrl+T (Insert > Table), then log the contact again`,
    "contact.logColumnMissing": (p) => `the collection log has no column ${q(p.header)}: add it to the log's table, or leave that value out`,
    "contact.logTotalsRow": (p) => `the collection log table ${q(p.table)} shows a totals row: turn it off (Table Design > Total Row), then log the contact again`,
    "contact.logRowsBelow": (p) => `the rows under the collection log table ${q(p.table)} hold cells: move them away from under the table, then log the contact again`,
    "policy.notTrueFalse": (p) => `${q(p.value)} must be true or false`,
    "policy.ragOrder": (p) => `red / amber / green: amber after ${p.amber} days overdue must not come after red (${p.red} days)`,
    "amount.blank": () => "amount is blank",
    "amount.invalid": (p) => `${shown(p)} is not an amount`,
    "amount.twoCurrencies": (p) => `${q(p.text)} names two currencies`,
    "amount.decimalComma": (p) =>
      `${q(p.text)} uses a decimal comma; write the amount with a decimal point, e.g. ${cleanQuoted(p.suggestion)}`,
    "amount.outOfRange": (p) => `${q(p.text)} is too large to be an amount (over ${p.limit.toLocaleString("en-US")})`,
    "amount.tooPrecise": (p) => `${q(p.text)} has more than ${p.limit} decimals`,
    "amount.excelError": excelError,
    "date.excelError": excelError,
    "flag.invalid": (p) => `${shown(p)} is not yes or no (use 是/否, Y/N, 1/0)`,
    "flag.excelError": excelError,
    "integer.blank": () => "the number is blank",
    "integer.invalid": (p) => `${shown(p)} is not a whole number of days`,
    "integer.excelError": excelError,
    "grade.blank": () => "the grade is blank",
    "grade.invalid": (p) => `${q(p.text)} is not a credit grade (A, B, C or D)`,
    "currency.invalid": (p) => `${shown(p)} is not a currency code (e.g. CNY, USD)`,
    "currency.excelError": excelError,
    "text.invalid": (p) => `${cleanQuoted(p.value)} is not text`,
    "text.excelError": excelError,
    "customer.blank": () => "customer is blank",
    "customer.duplicate": (p) => `customer ${q(p.name)} appears again; first on row ${p.firstRow}`,
    "limit.temporaryCapped": (p) =>
      `temporary limit ${cleanQuoted(p.temporary)} is more than ${p.ratio} of the fixed limit ${cleanQuoted(p.fixed)}: it counts as ${cleanQuoted(p.counted)} until corrected`,
    "dueDate.missing": () => "no due date and no invoice date",
    "dueDate.noTerm": () => "no due date and no payment term (add one to the row or the customers table)",
    "invoice.noNumber": (p) => `invoice number is blank; read as ${q(p.generated)}`,
    "invoice.duplicate": (p) => `invoice ${q(p.invoiceNo)} of ${cleanQuoted(p.customer)} appears again; first on row ${p.firstRow}`,
    "currency.mismatch": (p) =>
      p.field === "amount"
        ? `the amount is written in ${cleanQuoted(p.written)} but the currency column says ${cleanQuoted(p.stated)}`
        : `the amount received is written in ${cleanQuoted(p.written)} but the invoice is in ${cleanQuoted(p.stated)}`,
    "payment.negative": (p) => `the payment ${cleanQuoted(p.amount)} is negative: ${REFUND}`,
    "payment.method": (p) => `${q(p.text)} is not a payment method (cash, wire, acceptance bill or e-bill: 现金 / 电汇 / 承兑汇票 / 电子银行票据)`,
    "received.negative": (p) => `the amount received ${cleanQuoted(p.amount)} is negative: ${REFUND}`,
    "payment.unknownCustomer": (p) => `customer ${q(p.customer)} is not in the invoices table; payment not read`,
    "promise.unknownCustomer": (p) => `customer ${q(p.customer)} is not in the invoices table; promise not read`,
    "log.unknownCustomer": (p) => `customer ${q(p.customer)} is not in the invoices table; contact not read`,
    "log.channelUnknown": (p) => `${q(p.text)} is not a channel (${list(CHANNEL_NAMES.en)}); read as Other`,
    "log.outcomeUnknown": (p) => `${q(p.text)} is not an outcome (${list(OUTCOME_NAMES.en)}); read as Other`,
    "log.promiseIncomplete": (p) => `a promise needs both a promised date and a promised amount; the ${p.missing === "date" ? "date" : "amount"} is missing, so the contact is read without a promise`,
    "log.promiseNotPositive": (p) => `promised amount ${cleanQuoted(p.amount)} is not more than 0; the contact is read without a promise`,
    "table.secondInvoices": (p) =>
      `a second invoices table was found here and not read; the invoices were read from sheet ${q(p.sheet)} (header on row ${p.headerRow}). Move these rows into that table to include them`,
    "rows.hidden": (p) =>
      p.count === 1
        ? `1 hidden or filtered row was included in the figures (row ${p.rows.join(", ")})`
        : `${p.count} hidden or filtered rows were included in the figures (rows ${p.rows.join(", ")}${p.count > p.rows.length ? ", …" : ""})`,
    "errors.truncated": (p) => `${p.count} more problems not listed`,
    "settings.unknownKey": (p) => `unknown setting ${q(p.key)}`,
    "settings.notJson": (p) => `${p.key} is not valid JSON`,
    "settings.tooDeep": (p) => `${p.key} is nested more than ${p.max} levels deep; the default is used`,
    "settings.templateTooLong": (p) => `${p.key}: the template has ${p.length} characters, at most ${p.max}; the default is used`,
    "settings.templateTableRepeated": (p) => `${p.key}: the template places {{invoiceTable}} ${p.count} times, at most once; the default is used`,
    "settings.notJsonList": (p) => `${p.key}: ${q(p.text)} is not a JSON list`,
    "settings.templatesNotList": (p) => `${p.key} is not a list of templates`,
    "settings.templateIncomplete": () => `a template needs lang (zh-CN, zh-TW or en), stage, subject and body`,
    "settings.mappingNotObject": (p) => `${p.key} is not a mapping of tables`,
    "settings.unknownTable": (p) => `unknown table ${q(p.table)} in the column mapping`,
    "settings.unknownColumn": (p) => `unknown column ${q(p.column)} for ${p.table}; known: ${p.known.join(", ")}`,
    "settings.generatedUnreadable": (p) =>
      `${p.key} ${p.why === "notJson" ? "is not valid JSON" : "is not a list of sheets"}: sheets generated earlier are treated as the user's and kept`,
    "settings.generatedNoId": (p) => `${p.key}: a generated sheet needs an id; this one is treated as the user's`,
    "settings.excelError": (p) => `${p.key}: the cell shows the Excel error ${cleanQuoted(p.error)}`,
    "settings.group": (p) => `${p.key} is a group of settings; set one of its parts, e.g. ${p.key}.${p.example}`,
    "settings.notYesNo": (p) => `${p.key}: ${q(p.text)} is not yes or no`,
    "settings.templateMissing": (p) => `template ${cleanQuoted(p.stage)} ${p.lang} has no ${p.part}: add template.${cleanQuoted(p.stage)}.${p.lang}.${p.part}`,
    "settings.templateUnknownFields": (p) =>
      `template ${cleanQuoted(p.stage)} ${p.lang} uses unknown merge fields ${p.fields.map((name) => `{{${cleanQuoted(name)}}}`).join(", ")}`,
    "settings.unknownStage": (p) => `no escalation stage ${q(p.stage)} in the policy; known: ${p.known.join(", ")}`,
  },
  place: ({ sheet, row, column, header }) =>
    `${sheet === undefined ? "Row" : `Sheet ${q(sheet)}, row`} ${row}${header !== undefined ? `, column ${q(header)}` : column !== "" ? `, column ${column}` : ""}`,
  afterPlace: ": ",
  outcomes: { rowSkipped: "row skipped", readAsBlank: "read as blank" },
  beforeOutcome: "; ",
  end: ".",
};
