/**
 * A contact about to be logged (催收记录, POLICY §12), checked before it is appended: the customer
 * is one the ledger knows, channel and outcome come from their lists, a promise has both a date and
 * an amount or neither, amounts are exact (what is written to the cell reads back the same) and more
 * than 0, and no date comes before the contact's own. Problems are codes with values, by field.
 */
import { ruleError, type RuleError } from "./errors";
import { decimalOfNumber, formatExact, MAX_SCALE, parseDecimal, type Scaled } from "./money";
import type { ContactChannel, ContactOutcome, DayNumber, LogEntry } from "./types";

/** The channels, in the order forms list them. */
export const CONTACT_CHANNELS: readonly ContactChannel[] = ["phone", "email", "sms", "visit", "demandLetter", "lawyerLetter", "other"];

/** The outcomes, in the order forms list them. */
export const CONTACT_OUTCOMES: readonly ContactOutcome[] = ["promised", "refused", "disputed", "noAnswer", "paid", "other"];

/** A contact as a person enters it (the pane's form, the command line). Texts are as typed. */
export interface ContactInput {
  date: DayNumber;
  customer: string;
  channel: string;
  outcome?: string;
  /** The promised amount as typed ("20,000.00"); exact decimal text. */
  promisedAmount?: string;
  promisedDate?: DayNumber;
  nextAction?: DayNumber;
  invoiceNo?: string;
  collector?: string;
  contact?: string;
  note?: string;
}

/** A checked contact, ready to be written: the log entry's fields with the promised amount exact. */
export type CheckedContact = Omit<LogEntry, "promisedAmount" | "currency" | "source"> & { promisedAmount?: Scaled };

const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** The exact amount of a typed text, or null: digits with an optional point, thousands grouped or not. */
function exactAmount(text: string): Scaled | null {
  const trimmed = text.trim();
  return parseDecimal(GROUPED.test(trimmed) ? trimmed.replace(/,/g, "") : trimmed);
}

/**
 * Checks a contact about to be logged.
 * @param input the contact as entered
 * @param customerNamed the ledger's spelling of a customer name, or undefined when the ledger has no such customer
 * @returns the checked contact (when there is no problem) and the problems, each with its field
 * @example
 * checkContact({ date, customer: "甲公司", channel: "phone", promisedDate: d("2026-11-30") }, names).problems[0].code
 * // "contact.promiseIncomplete" (field "promisedAmount")
 */
export function checkContact(input: ContactInput, customerNamed: (name: string) => string | undefined): { contact?: CheckedContact; problems: RuleError[] } {
  const problems: RuleError[] = [];
  const customer = customerNamed(input.customer);
  if (customer === undefined) problems.push(ruleError("contact.unknownCustomer", { customer: input.customer }, "customer"));
  const channel = CONTACT_CHANNELS.find((code) => code === input.channel);
  if (channel === undefined) problems.push(ruleError("contact.channel", { value: input.channel, choices: CONTACT_CHANNELS }, "channel"));
  const outcome = input.outcome === undefined ? undefined : CONTACT_OUTCOMES.find((code) => code === input.outcome);
  if (input.outcome !== undefined && outcome === undefined) problems.push(ruleError("contact.outcome", { value: input.outcome, choices: CONTACT_OUTCOMES }, "outcome"));

  let promisedAmount: Scaled | undefined;
  const amountText = input.promisedAmount?.trim() ?? "";
  if (amountText !== "") {
    const amount = exactAmount(amountText);
    // The cell holds a number: it must read back as exactly the amount typed.
    const exact = amount !== null && amount.scale <= MAX_SCALE && sameAmount(decimalOfNumber(amountCell(amount)), amount);
    if (!exact || amount === null) problems.push(ruleError("contact.amount", { text: amountText }, "promisedAmount"));
    else if (!(amount.units > 0)) problems.push(ruleError("contact.amountNotPositive", { text: amountText }, "promisedAmount"));
    else promisedAmount = amount;
  }
  if ((input.promisedDate === undefined) !== (amountText === "")) {
    const missing = input.promisedDate === undefined ? "date" : "amount";
    problems.push(ruleError("contact.promiseIncomplete", { missing }, missing === "date" ? "promisedDate" : "promisedAmount"));
  }
  for (const field of ["promisedDate", "nextAction"] as const) {
    const day = input[field];
    if (day !== undefined && day < input.date) problems.push(ruleError("contact.beforeContact", { field }, field));
  }
  if (problems.length > 0 || customer === undefined || channel === undefined) return { problems };

  const contact: CheckedContact = { date: input.date, customer, channel };
  if (outcome !== undefined) contact.outcome = outcome;
  if (promisedAmount !== undefined && input.promisedDate !== undefined) {
    contact.promisedAmount = promisedAmount;
    contact.promisedDate = input.promisedDate;
  }
  if (input.nextAction !== undefined) contact.nextAction = input.nextAction;
  for (const field of ["invoiceNo", "collector", "contact", "note"] as const) {
    const text = input[field]?.trim();
    if (text) contact[field] = text;
  }
  return { contact, problems };
}

/**
 * The number a cell holds for an exact amount: the double nearest to its decimal text.
 * @param amount an exact amount
 * @returns the cell's number
 * @example amountCell({ units: 2000000, scale: 2 }) // 20000
 */
export function amountCell(amount: Scaled): number {
  return Number(formatExact(amount.units, amount.scale));
}

/** Whether two exact amounts are the same number (5.10 and 5.1 are). */
function sameAmount(a: Scaled | null, b: Scaled): boolean {
  if (a === null) return false;
  const scale = Math.max(a.scale, b.scale);
  return BigInt(a.units) * 10n ** BigInt(scale - a.scale) === BigInt(b.units) * 10n ** BigInt(scale - b.scale);
}
