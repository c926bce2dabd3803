/**
 * The words a sheet shows for a customer's escalation stage, stop-shipping reasons, credit grade
 * and salesperson, in the sheet's language (policy labels for stages, src/i18n for the rest).
 */
import { fillPlaceholders } from "../../i18n/fill";
import { groupThousands } from "../../rules/display";
import { labelsFor, reasonLabel } from "../../i18n/labels";
import { scaledOf, type Decimal } from "../../rules/decimal";
import { formatMoney } from "../../rules/money";
import type { Policy } from "../../rules/policy-types";
import type { CustomerReport, Lang, StageId, StopReason } from "../../rules/types";

/** "1234567.8" → "1,234,567.80", for thresholds quoted in labels. */
function groupedAmount(amount: Decimal): string {
  const { units, scale } = scaledOf(amount);
  return groupThousands(formatMoney(units, scale));
}

/**
 * The localized label of an escalation stage, or "" for none; an id missing from the policy is
 * shown as itself.
 * @param stage stage id or null
 * @param policy policy holding the ladder
 * @param lang language
 * @returns the label
 * @example stageLabel("formal", DEFAULT_POLICY, "zh-CN") // "正式催款函"
 */
export function stageLabel(stage: StageId | null, policy: Policy | undefined, lang: Lang): string {
  if (stage === null) return "";
  const found = policy?.escalation.find((candidate) => candidate.id === stage);
  return found ? found.labels[lang] : stage;
}

/**
 * The localized labels of stop-shipping reasons, thresholds filled from the policy.
 * @param reasons reason codes
 * @param policy policy with the thresholds
 * @param lang language
 * @returns one label per reason
 * @example reasonLabels(["overdueMonths"], DEFAULT_POLICY, "zh-CN") // ["有发票逾期2个月以上"]
 */
export function reasonLabels(reasons: StopReason[], policy: Policy, lang: Lang): string[] {
  const thresholds = {
    months: policy.stopShipping.overdueMonths,
    amount: groupedAmount(policy.stopShipping.maxOverdueTotal),
  };
  return reasons.map((reason) => reasonLabel(reason, lang, thresholds));
}

/**
 * The localized stop-shipping reasons of a customer joined into one cell.
 * @param reasons reason codes
 * @param policy policy with the thresholds
 * @param lang language
 * @returns labels joined with the language's separator
 * @example reasonsText(["overLimit", "gradeD"], DEFAULT_POLICY, "en") // "Over credit limit; Grade D with a balance outstanding"
 */
export function reasonsText(reasons: StopReason[], policy: Policy, lang: Lang): string {
  return reasonLabels(reasons, policy, lang).join(labelsFor(lang).reasonSeparator);
}

/**
 * reasonsText remembered per list of reasons: a sheet of thousands of customers has a handful of
 * different lists, and each text fills the policy's thresholds into every label.
 * @param policy policy with the thresholds
 * @param lang language
 * @returns a function giving the joined labels of a list of reasons ("" for none)
 * @example reasonsTexts(DEFAULT_POLICY, "en")(["overLimit", "gradeD"]) // "Over credit limit; Grade D with a balance outstanding"
 */
export function reasonsTexts(policy: Policy, lang: Lang): (reasons: StopReason[]) => string {
  const texts = new Map<string, string>();
  return (reasons) => {
    if (reasons.length === 0) return "";
    const key = reasons.join("\u0000");
    let text = texts.get(key);
    if (text === undefined) {
      text = reasonsText(reasons, policy, lang);
      texts.set(key, text);
    }
    return text;
  };
}

/**
 * The grade as shown: the effective grade, with the computed one beside it when finance typed
 * an override that differs.
 * @param customer customer report
 * @param lang language
 * @returns e.g. "B (计算: D)"
 * @example gradeText({ grade: "B", computedGrade: "D", … }, "zh-CN") // "B (计算: D)"
 */
export function gradeText(customer: Pick<CustomerReport, "grade" | "computedGrade">, lang: Lang): string {
  if (customer.grade === customer.computedGrade) return customer.grade;
  return fillPlaceholders(labelsFor(lang).gradeOverridden, { grade: customer.grade, computed: customer.computedGrade });
}

/**
 * The salesperson shown for a customer (CustomerReport.salesperson), "" when nobody is named.
 * @param customer customer report
 * @returns the name, or ""
 * @example salespersonOf({ salesperson: "张三" }) // "张三"
 */
export function salespersonOf(customer: Pick<CustomerReport, "salesperson">): string {
  return customer.salesperson ?? "";
}
