/**
 * Red / amber / green (POLICY §14, seed 002 紅黃綠三色預警): a customer's colour from its report and
 * the policy's thresholds, and the worst colour of a group (a salesperson's, a region's).
 */
import type { Colour, ColourReason } from "./management-types";
import type { Policy } from "./policy-types";
import type { CustomerReport } from "./types";

const SEVERITY: Record<Colour, number> = { green: 0, amber: 1, red: 2 };

/**
 * A customer's colour: red when it is to stop shipping or anything is more than redDaysOverdue
 * days overdue; amber when at least amberLimitUsed of its limit is used or anything is more than
 * amberDaysOverdue days overdue; green otherwise. Days overdue are those of its most overdue
 * non-disputed invoice, as for stop shipping.
 * @param customer the customer's report
 * @param policy policy.rag
 * @returns the colour and every reason that holds for it (none for green)
 * @example customerColour({ ...customer, maxDaysOverdue: 45, limitUsedPct: new Dec(85) }, DEFAULT_POLICY) // { colour: "amber", reasons: ["overdueAmber", "limitUsed"] }
 */
export function customerColour(customer: CustomerReport, policy: Policy): { colour: Colour; reasons: ColourReason[] } {
  const { redDaysOverdue, amberDaysOverdue, amberLimitUsed } = policy.rag;
  const red: ColourReason[] = [];
  if (customer.stopShipping) red.push("stopShipping");
  if (customer.maxDaysOverdue > redDaysOverdue) red.push("overdueRed");
  if (red.length > 0) return { colour: "red", reasons: red };
  const amber: ColourReason[] = [];
  if (customer.maxDaysOverdue > amberDaysOverdue) amber.push("overdueAmber");
  if (customer.limitUsedPct !== null && customer.limitUsedPct.greaterThanOrEqualTo(amberLimitUsed.times(100))) amber.push("limitUsed");
  return amber.length > 0 ? { colour: "amber", reasons: amber } : { colour: "green", reasons: [] };
}

/**
 * The worst of some colours: red over amber over green.
 * @param colours any number of colours
 * @returns the worst, green when there are none
 * @example worstColour(["green", "amber", "green"]) // "amber"
 */
export function worstColour(colours: Iterable<Colour>): Colour {
  let worst: Colour = "green";
  for (const colour of colours) if (SEVERITY[colour] > SEVERITY[worst]) worst = colour;
  return worst;
}
