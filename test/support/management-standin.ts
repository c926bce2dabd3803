/**
 * The management scenario (management-scenario.ts) as a workbook of the Excel stand-in: the same
 * three sheets with their date columns formatted as dates, for the Office adapter's tests and the
 * browser tests' management page.
 */
import type { WorkbookSpec } from "./excel-standin";
import { gridOf } from "./grid";
import { scenarioWorkbook } from "./management-scenario";

/** Headers of the scenario's date columns. */
const DATE_HEADERS = new Set(["开票日期", "到期日", "回款日期"]);

/**
 * The scenario as a stand-in spec.
 * @returns a fresh spec
 * @example createExcelHost(scenarioSpec())
 */
export function scenarioSpec(): WorkbookSpec {
  return {
    sheets: scenarioWorkbook().sheets.map((sheet) => {
      const rows = gridOf(sheet);
      const header = rows[0] ?? [];
      return {
        name: sheet.name,
        cells: rows,
        numberFormats: rows.map((row, index) => (index === 0 ? [] : header.map((cell) => (DATE_HEADERS.has(String(cell)) ? "yyyy-mm-dd" : null)))),
      };
    }),
  };
}
