import { problemText } from "../../../src/i18n/messages";
import { amountCell, checkContact, type ContactInput } from "../../../src/rules/contact";
import { day } from "./fixtures";

const known = (name: string): string | undefined => (name.replace(/\s/g, "") === "甲公司" ? "甲公司" : undefined);
const base: ContactInput = { date: day("2026-11-23"), customer: " 甲公司", channel: "phone" };

describe("checkContact: a contact about to be logged (POLICY §12)", () => {
  test("a clean contact with a promise: the ledger's spelling, the exact amount", () => {
    const { contact, problems } = checkContact(
      { ...base, outcome: "promised", promisedDate: day("2026-11-30"), promisedAmount: "20,000.00", nextAction: day("2026-12-01"), note: " 王经理说月底付 ", collector: "" },
      known,
    );
    expect(problems).toEqual([]);
    expect(contact).toEqual({
      date: day("2026-11-23"), customer: "甲公司", channel: "phone", outcome: "promised",
      promisedAmount: { units: 20000, scale: 0 }, promisedDate: day("2026-11-30"), nextAction: day("2026-12-01"), note: "王经理说月底付",
    });
    expect(amountCell({ units: 2000050, scale: 2 })).toBe(20000.5);
  });

  test.each<[string, Partial<ContactInput>, string, string]>([
    ["unknown customer", { customer: "丙公司" }, "customer", 'customer "丙公司" is not in the invoices table'],
    ["unknown channel", { channel: "fax" }, "channel", '"fax" is not a channel: use Phone, Email, SMS, Visit, Demand letter, Lawyer\'s letter, Other'],
    ["unknown outcome", { outcome: "maybe" }, "outcome", '"maybe" is not an outcome: use Promised, Refused, Disputed, No answer, Paid, Other'],
    ["date without amount", { promisedDate: day("2026-11-30") }, "promisedAmount", "a promise needs both a promised date and a promised amount: the amount is missing"],
    ["amount without date", { promisedAmount: "500" }, "promisedDate", "a promise needs both a promised date and a promised amount: the date is missing"],
    ["not an amount", { promisedAmount: "2万", promisedDate: day("2026-11-30") }, "promisedAmount", '"2万" is not an amount (write digits with a decimal point, e.g. 20000.00)'],
    ["more digits than a cell holds", { promisedAmount: "12345678901234567.1", promisedDate: day("2026-11-30") }, "promisedAmount", '"12345678901234567.1" is not an amount (write digits with a decimal point, e.g. 20000.00)'],
    ["zero", { promisedAmount: "0", promisedDate: day("2026-11-30") }, "promisedAmount", 'the promised amount "0" must be more than 0'],
    ["promise before the contact", { promisedAmount: "1", promisedDate: day("2026-11-22") }, "promisedDate", "the promised date is before the contact's date"],
    ["next action before the contact", { nextAction: day("2026-11-01") }, "nextAction", "the next action date is before the contact's date"],
  ])("%s → a problem on %s", (_name, change, field, english) => {
    const { contact, problems } = checkContact({ ...base, ...change }, known);
    expect(contact).toBeUndefined();
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problemText(problems[0], "en")).toBe(english);
  });

  test("problems are words in every language", () => {
    const { problems } = checkContact({ ...base, channel: "传真" }, known);
    expect(problemText(problems[0], "zh-CN")).toBe("“传真” 不是催收方式：请用电话、邮件、短信、上门、催款函、律师函、其他");
  });
});
