/**
 * The default letters and call script in English: one template per letter stage of the default
 * ladder (pre-due notice, reminder, formal demand, lawyer's letter, legal summary), tone rising
 * with the stage. Earlier reminders are stated only through `{{earlierReminders}}` and
 * `{{contactHistory}}`, filled from the collection log and empty when it records none.
 */
import type { LetterTemplate } from "./templates";

const EN_HEAD = "To: {{customer}}\nAttention: {{contact}}\nDate: {{asOf}}\n\n";
const EN_PAY = "Payee: {{company}}\nBank: {{bankName}}\nAccount: {{bankAccount}}\n";
const EN_SIGN = "Contact: {{financeContact}}  Phone: {{phone}}  Email: {{email}}\n\n{{company}}, Finance Department\n{{asOf}}";

/**
 * The letters in English.
 * @example EN_LETTERS.map((t) => t.stage) // ["preDue", "reminder", "formal", "lawyer", "legal"]
 */
export const EN_LETTERS: readonly LetterTemplate[] = [
  {
    lang: "en",
    stage: "preDue",
    subject: "Payment reminder: {{dueSoonCount}} invoice(s) coming due",
    body:
      EN_HEAD +
      "Dear Customer,\n\nThank you for your continued business with {{company}}.\n\n" +
      "As of {{asOf}}, {{dueSoonCount}} invoice(s) totalling {{currency}} {{dueSoonTotal}} will fall due shortly, " +
      "the first on {{nextDueDate}}:\n\n{{invoiceTable}}\n\n" +
      "Please arrange payment by the due dates to the following account:\n" +
      EN_PAY +
      "\nIf payment is already on its way, please disregard this notice. Should you have any question about these invoices, do not hesitate to contact us.\n\n" +
      EN_SIGN,
  },
  {
    lang: "en",
    stage: "reminder",
    subject: "Payment reminder: {{overdueCount}} invoice(s) past due",
    body:
      EN_HEAD +
      "Dear Customer,\n\nOur records show that as of {{asOf}}, {{overdueCount}} invoice(s) totalling {{currency}} {{overdueTotal}} " +
      "have passed their due date:\n\n{{invoiceTable}}\n\n" +
      "Please arrange payment by {{replyBy}} and send the remittance advice to {{email}}. If you have already paid, " +
      "kindly tell us the date and amount so that we can match it.\n\n" +
      "Our account:\n" +
      EN_PAY +
      "\nPayment on time is the basis of our long-standing cooperation. Thank you for your attention.\n\n" +
      EN_SIGN,
  },
  {
    lang: "en",
    stage: "formal",
    subject: "Formal demand for payment: overdue balance {{currency}} {{overdueTotal}}",
    body:
      EN_HEAD +
      "Dear Customer,\n\nAs of {{asOf}}, {{overdueCount}} invoice(s) on your account are overdue, with overdue principal of " +
      "{{currency}} {{overdueTotal}} and late interest at {{interestRate}} per day of {{currency}} {{interestTotal}}. " +
      "Your total outstanding balance with us is {{currency}} {{outstandingTotal}}. Details:\n\n{{invoiceTable}}\n\n" +
      "{{earlierReminders}}These amounts remain unpaid. We hereby formally demand payment of the overdue principal " +
      "and late interest in full by {{replyBy}} to the following account:\n" +
      EN_PAY +
      "\nOnce paid, please send proof of payment to {{email}} and return the signed and stamped acknowledgement below. " +
      "Any dispute about these figures must reach us in writing by the same date; otherwise the balance is taken as confirmed.\n\n" +
      "If payment is not received by that date, we will suspend all deliveries to you, reduce or withdraw your credit limit " +
      "and supply only against payment in advance. Late interest continues to accrue until the day of payment.\n\n" +
      EN_SIGN +
      "\n\n--- Acknowledgement ---\nWe confirm receipt of the demand issued by {{company}} on {{asOf}}, confirm the overdue principal of " +
      "{{currency}} {{overdueTotal}}, and will pay it in full by ____-__-__.\n" +
      "Customer (stamp): {{customer}}    Signature: __________    Date: __________",
  },
  {
    lang: "en",
    stage: "lawyer",
    subject: "Letter before action: debt owed by {{customer}} to {{company}}",
    body:
      EN_HEAD +
      "{{customer}},\n\n{{company}} has instructed its legal counsel regarding your unpaid account. According to the transaction " +
      "records and our books, as of {{asOf}} you owe us {{overdueCount}} overdue invoice(s) with principal of {{currency}} {{overdueTotal}} " +
      "and late interest of {{currency}} {{interestTotal}}; the oldest is {{maxDaysOverdue}} days overdue. Details:\n\n{{invoiceTable}}\n\n" +
      "{{earlierReminders}}No payment has been made, which constitutes a breach of contract. " +
      "We give you formal notice that:\n" +
      "1. The overdue principal and late interest must be paid in full by {{replyBy}} to:\n" +
      EN_PAY +
      "2. With immediate effect, deliveries to you are stopped and your credit limit is withdrawn.\n" +
      "3. Failing payment by that date, we will without further notice commence legal or arbitration proceedings to recover the " +
      "principal, late interest and all costs incurred, including court, legal and preservation fees.\n\n" +
      "Contact: {{financeContact}}  Phone: {{phone}}  Email: {{email}}\n\n{{company}}\n{{asOf}}",
  },
  {
    lang: "en",
    stage: "legal",
    subject: "Legal referral summary: {{customer}}",
    body:
      "Legal referral summary (internal)\n\n" +
      "Customer: {{customer}}\nCustomer contact: {{contact}}\nAs of: {{asOf}}\nStage: {{stageName}}\nCurrency: {{currency}}\n" +
      "Overdue invoices: {{overdueCount}}\nOverdue principal: {{currency}} {{overdueTotal}}\n" +
      "Late interest ({{interestRate}} per day): {{currency}} {{interestTotal}}\nTotal outstanding: {{currency}} {{outstandingTotal}}\n" +
      "Oldest overdue: {{maxDaysOverdue}} days\n\nOverdue invoices (disputed excluded):\n\n{{invoiceTable}}\n\n" +
      "Contacts recorded: {{contactHistory}}\n" +
      "Recommendation: with management approval, instruct a law firm to sue or refer to a collection agency, and consider an asset preservation order.\n\n" +
      "Prepared by: {{financeContact}}  Phone: {{phone}}  Email: {{email}}\n{{company}}, Finance Department",
  },
];

/**
 * The phone follow-up call script in English: the same merge fields, rendered like a letter.
 * @example EN_CALL_SCRIPT.stage // "phone"
 */
export const EN_CALL_SCRIPT: LetterTemplate = {
  lang: "en",
  stage: "phone",
  subject: "Collection call: {{customer}}",
  body:
    "1. Good morning, may I speak to {{contact}} of {{customer}}? This is {{financeContact}} from {{company}} finance.\n" +
    "2. As of {{asOf}}, our records show {{overdueCount}} overdue invoice(s) totalling {{currency}} {{overdueTotal}}; the oldest is {{maxDaysOverdue}} days overdue.\n\n" +
    "{{invoiceTable}}\n\n" +
    "3. What is holding the payment? Is there any question about these invoices?\n" +
    "4. Please confirm the payment date and amount. We need to receive the payment by {{replyBy}}.\n" +
    "5. Our account: {{bankName}} {{bankAccount}}. Please send the remittance advice to {{email}}.\n" +
    "6. Past 30 days overdue we will issue a formal demand and charge late interest.\n" +
    "Log: time of call, person reached, reason given, promised date and amount.",
};
