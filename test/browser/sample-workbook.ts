/**
 * The browser tests' workbook, as a stand-in spec: invoices with Chinese headers, customers with
 * English headers, and two hostile customer names (markup and a formula).
 *
 * As of 2026-11-23 (1900 serials; invoice date = due − 30):
 *   甲公司  A-001 10,000.00 due 2026-10-14 (40 days); A-002 5,000.00 − 2,000.00 received, due 2026-11-18 (5 days)
 *   乙公司  B-001  8,000.00 due 2026-12-03 (not due)
 *   <img…>  H-001  1,000.00 due 2026-10-09 (45 days)
 *   =HYPERLINK(…) K-001 500.00 due 2026-11-13 (10 days)
 *   Gamma Ltd G-001 300.00 USD due 2026-11-13 (10 days)
 * CNY: 4 customers, outstanding 13,000 + 8,000 + 1,000 + 500 = 22,500.00; overdue 14,500.00;
 * interest 200.00 + 7.50 + 22.50 + 2.50 = 232.50.
 */
import type { WorkbookSpec } from "../support/excel-standin";

/** A customer name that is markup. */
export const HOSTILE_MARKUP = "<img src=x onerror=alert(1)>";
/** A customer name that is a formula. */
export const HOSTILE_FORMULA = '=HYPERLINK("http://x","y")';

const DATE = "yyyy-mm-dd";

/**
 * The sample workbook spec.
 * @returns a fresh spec
 * @example createExcelHost(sampleSpec())
 */
export function sampleSpec(): WorkbookSpec {
  const row = (customer: string, invoiceNo: string, due: number, amount: number, received: number, currency: string) => [
    customer, invoiceNo, due - 30, due, amount, received, currency,
  ];
  const invoices = [
    ["客户", "发票号", "开票日期", "到期日", "金额", "已收", "币种"],
    row("甲公司", "A-001", 46309, 10000, 0, "CNY"),
    row("甲公司", "A-002", 46344, 5000, 2000, "CNY"),
    row("乙公司", "B-001", 46359, 8000, 0, "CNY"),
    row(HOSTILE_MARKUP, "H-001", 46304, 1000, 0, "CNY"),
    row(HOSTILE_FORMULA, "K-001", 46339, 500, 0, "CNY"),
    row("Gamma Ltd", "G-001", 46339, 300, 0, "USD"),
  ];
  return {
    sheets: [
      {
        name: "应收台账",
        cells: invoices,
        numberFormats: invoices.map((_, index) => (index === 0 ? [] : [null, null, DATE, DATE])),
      },
      {
        name: "Customers",
        cells: [
          ["Customer name", "Credit limit", "Contact", "Email"],
          ["甲公司", 20000, "李四", "ap@jia.example.com"],
          ["乙公司", 10000, "赵六", null],
          [HOSTILE_MARKUP, 500, "X", null],
          [HOSTILE_FORMULA, 100, "Y", null],
          ["Gamma Ltd", 1000, "Ann", "ann@gamma.example.com"],
        ],
      },
    ],
  };
}
