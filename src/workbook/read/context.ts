/**
 * What every table reader of one reading shares: the workbook, the resolved policy, the list of
 * row errors, the customers' spellings and the scale amounts are converted to.
 */
import type { Policy } from "../../rules/policy-types";
import type { WorkbookData } from "../adapter-types";
import type { CustomerNames } from "../text";
import type { LedgerScale } from "./ledger-scale";
import type { RowErrorList } from "./row-error-list";

/**
 * One reading's shared state (`readLedger` makes one per pass).
 * @example const context: ReadContext = { workbook, policy, errors: new RowErrorList(1000), names: new CustomerNames(), amounts: new LedgerScale(2) };
 */
export interface ReadContext {
  workbook: WorkbookData;
  policy: Policy;
  errors: RowErrorList;
  names: CustomerNames;
  amounts: LedgerScale;
}
