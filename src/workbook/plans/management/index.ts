/**
 * The management sheets (管理报表) as plans: summary with the bucket chart, customers with the
 * overdue chart, DSO trend with its line, provision and write-off, month over month, and the
 * salesperson charges when the policy switches them on. A barrel with the one function the job calls.
 */
import type { ManagementReport } from "../../../rules/management-types";
import type { Policy } from "../../../rules/policy-types";
import type { Lang } from "../../../rules/types";
import type { SheetPlan } from "../../plan-types";
import { managementChangesPlan } from "./changes";
import { managementCustomersPlan } from "./customers";
import { managementDeductionsPlan } from "./deductions";
import { managementDsoPlan } from "./dso";
import { managementProvisionPlan } from "./provision";
import { managementSummaryPlan } from "./summary";

export { bandHeaders } from "./provision";
export { colourReasonsText, customersByRisk, TOP_OVERDUE } from "./customers";
export { managementSheetName, type ManagementSheet } from "./names";

/**
 * Every management sheet of a view, in the order they are written.
 * @param view the manager's view
 * @param policy the policy (labels, thresholds, rates)
 * @param lang language of the sheets
 * @returns five plans, six with the salesperson charges
 * @example managementPlans(view, DEFAULT_POLICY, "zh-CN").map((plan) => plan.name)
 * // ["管理报表 2026-03-31", "客户预警 2026-03-31", "DSO趋势 2026-03-31", "坏账准备 2026-03-31", "月度对比 2026-03-31"]
 */
export function managementPlans(view: ManagementReport, policy: Policy, lang: Lang): SheetPlan[] {
  const plans = [
    managementSummaryPlan(view, policy, lang),
    managementCustomersPlan(view, policy, lang),
    managementDsoPlan(view, lang),
    managementProvisionPlan(view, policy, lang),
    managementChangesPlan(view, policy, lang),
  ];
  if (view.deductions !== null) plans.push(managementDeductionsPlan(view, view.deductions, policy, lang));
  return plans;
}
