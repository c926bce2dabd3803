/**
 * The layouts of the generated sheets as plain data (`SheetPlan`), one module per sheet: aging
 * summary and its chart, open-invoice detail, flags, letters, data errors, the management sheets,
 * pre-due notices, statements of account. A barrel only: it
 * re-exports what jobs, the task pane and the command line use and holds no logic.
 * Pure: no Excel, no exceljs. Customer-supplied text is placed as plain strings (adapters write
 * strings as text) and no formula is ever built from data. Every amount cell is the amount
 * rounded half-up to the fen (`moneyNumber`) with the format `#,##0.00`; percents are fractions
 * with `0.0%`.
 * @example import { agingPlan, detailPlan } from "../workbook/plans";
 */
export { agingColumns, agingPlan, bucketMark } from "./aging";
export { CHART_TOP } from "./aging-chart";
export { currenciesOf, currencyTotals, type CurrencyTotals } from "./currencies";
export { detailPlan } from "./detail";
export { errorsPlan } from "./errors";
export { flagsPlan } from "./flags";
export { AMOUNT_FORMAT, DATE_FORMAT, PERCENT_FORMAT } from "./formats";
export { gradeText, reasonLabels, reasonsText, stageLabel } from "./labels";
export { lettersPlan, type LetterRow } from "./letters";
export { managementPlans, managementSheetName } from "./management";
export { preDuePlan } from "./pre-due";
export { statementsPlan } from "./statements";
export { compareRisk, flaggedCustomers } from "./risk";
export { sheetName } from "./sheet-names";
