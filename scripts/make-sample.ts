/**
 * Writes the sample workbooks of examples/ from a seeded generator, so every run gives the same
 * cells: examples/sample-ledger.xlsx (Chinese: 应收台账 with a title and a date row above the
 * header, 客户, 回款; report date 2026-11-23) and examples/sample-ledger-en.xlsx (an English ledger
 * in Excel tables, for the browser tests).
 * Run: npm run make-sample   (node scripts/bench/run-ts.js scripts/make-sample.ts [outDir])
 */
import * as ExcelJS from "exceljs";
import * as path from "path";
import { seeded } from "./bench/seeded";

/** The sample's report date: the demo passes --as-of 2026-11-23. */
export const SAMPLE_AS_OF = { year: 2026, month: 11, day: 23 };
/** Number of invoice rows (credit notes included) in the Chinese sample. */
export const SAMPLE_INVOICES = 400;
const FIXED_TIME = new Date(Date.UTC(2026, 10, 23));
const DATE_FORMAT = "yyyy-mm-dd";
const MONEY_FORMAT = "#,##0.00";


const COMPANIES: readonly [string, string][] = [
  ["华东精密机械有限公司", "上海"], ["深圳市宏达电子科技有限公司", "深圳"], ["北京中科仪器股份有限公司", "北京"],
  ["杭州西湖纺织品有限公司", "杭州"], ["广州南方建材贸易有限公司", "广州"], ["苏州工业园区恒润塑胶有限公司", "苏州"],
  ["成都天府食品有限公司", "成都"], ["武汉长江汽车零部件有限公司", "武汉"], ["青岛海鑫化工有限公司", "青岛"],
  ["宁波东海模具制造有限公司", "宁波"], ["天津滨海物流有限公司", "天津"], ["重庆山城摩托车配件有限公司", "重庆"],
  ["南京金陵医药有限公司", "南京"], ["厦门鹭岛进出口贸易有限公司", "厦门"], ["西安秦川电气设备有限公司", "西安"],
  ["长沙湘江包装材料有限公司", "长沙"], ["无锡太湖环保科技有限公司", "无锡"], ["佛山顺德家电配件有限公司", "佛山"],
  ["东莞华南五金制品有限公司", "东莞"], ["合肥徽商电子材料有限公司", "合肥"], ["郑州中原农机股份有限公司", "郑州"],
  ["济南泉城钢构有限公司", "济南"], ["沈阳北方重工机械有限公司", "沈阳"], ["昆明春城花卉进出口有限公司", "昆明"],
  ["福州闽江茶业有限公司", "福州"], ["大连海湾船舶设备有限公司", "大连"], ["温州瓯越鞋业有限公司", "温州"],
  ["常州龙城光伏科技有限公司", "常州"], ["哈尔滨冰城乳业有限公司", "哈尔滨"], ["南昌赣江陶瓷有限公司", "南昌"],
];
const REGIONS: Record<string, string> = {
  上海: "华东", 杭州: "华东", 苏州: "华东", 宁波: "华东", 南京: "华东", 无锡: "华东", 合肥: "华东", 温州: "华东", 常州: "华东",
  深圳: "华南", 广州: "华南", 厦门: "华南", 佛山: "华南", 东莞: "华南", 福州: "华南", 昆明: "西南",
  北京: "华北", 天津: "华北", 青岛: "华北", 济南: "华北", 郑州: "华中", 武汉: "华中", 长沙: "华中", 南昌: "华中",
  成都: "西南", 重庆: "西南", 西安: "西北", 沈阳: "东北", 大连: "东北", 哈尔滨: "东北",
};
const SALESPEOPLE = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆"];
const CONTACT_SURNAMES = ["赵", "钱", "孙", "周", "吴", "郑", "冯", "蒋", "沈", "韩"];
const CONTACT_TITLES = ["经理", "会计", "财务主管", "采购经理"];
const TERMS = [30, 30, 45, 60, 60, 90];

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** An amount in fen → a number with two decimals (written exactly as "1234.56" by exceljs). */
function yuan(fen: number): number {
  return Number((fen / 100).toFixed(2));
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
  });
}

function fixTimes(workbook: ExcelJS.Workbook): void {
  workbook.creator = "ar-addin make-sample";
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
}

interface SampleInvoice {
  no: string;
  customer: SampleCustomer;
  date: Date;
  due: Date;
  amountFen: number;
  /** On the invoice row (已收), no date. */
  receivedFen: number;
  /** Paid through a dated payment row. */
  paidFen: number;
  paidOn: Date | null;
}

interface SampleCustomer {
  name: string;
  city: string;
  region: string;
  term: number;
  salesperson: string;
  limit: number;
  /** A slow payer: leaves old invoices open. */
  slow: boolean;
}

/**
 * The Chinese sample ledger: 30 customers, 400 invoice rows (some credit notes, disputed and
 * partly received), payments (some naming invoices, some not, a few after the report date).
 * @returns the workbook, ready to write
 */
export function chineseSample(): ExcelJS.Workbook {
  const random = seeded(20261123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const customers: SampleCustomer[] = COMPANIES.map(([name, city], i) => ({
    name,
    city,
    region: REGIONS[city],
    term: pick(TERMS),
    salesperson: SALESPEOPLE[i % SALESPEOPLE.length],
    limit: (20 + Math.floor(random() * 130)) * 10_000,
    slow: i % 5 === 3,
  }));
  const workbook = new ExcelJS.Workbook();
  fixTimes(workbook);

  const ledger = workbook.addWorksheet("应收台账", { views: [{ state: "frozen", ySplit: 4 }] });
  ledger.getCell("A1").value = "2026年应收账款台账";
  ledger.getCell("A1").font = { bold: true, size: 14 };
  ledger.mergeCells("A1:K1");
  ledger.getCell("A2").value = "编制日期";
  ledger.getCell("B2").value = utc(2026, 11, 23);
  ledger.getCell("B2").numFmt = DATE_FORMAT;
  const header = ["客户", "发票号", "开票日期", "到期日", "金额", "已收", "币种", "业务员", "区域", "争议", "备注"];
  ledger.getRow(4).values = header;
  styleHeader(ledger.getRow(4));
  const start = utc(2025, 9, 1).getTime();
  const span = utc(2026, 11, 20).getTime() - start;
  const asOf = utc(SAMPLE_AS_OF.year, SAMPLE_AS_OF.month, SAMPLE_AS_OF.day);
  const invoices: SampleInvoice[] = [];
  for (let i = 0; i < SAMPLE_INVOICES; i++) {
    const customer = customers[Math.floor(Math.pow(random(), 1.3) * customers.length)];
    const date = new Date(start + Math.floor((random() * span) / 86_400_000) * 86_400_000);
    const credit = random() < 0.04;
    // Amounts skewed towards small invoices: 1,000.00 to about 180,000.00.
    const amountFen = credit ? -(50_000 + Math.floor(random() * 1_950_000)) : 100_000 + Math.floor(Math.pow(random(), 2) * 17_900_000);
    const no = `${credit ? "HC" : "FP"}${date.getUTCFullYear()}${String(i + 1).padStart(5, "0")}`;
    invoices.push({ no, customer, date, due: addDays(date, customer.term), amountFen, receivedFen: 0, paidFen: 0, paidOn: null });
  }
  invoices.sort((a, b) => a.date.getTime() - b.date.getTime() || a.no.localeCompare(b.no));
  // Most invoices well past due were paid (a payment row, some late, a few after the report date);
  // some were partly received on the invoice row; the rest stay open.
  for (const invoice of invoices) {
    if (invoice.amountFen <= 0) continue;
    const daysPastDue = Math.round((asOf.getTime() - invoice.due.getTime()) / 86_400_000);
    const roll = random();
    const paysOnTime = invoice.customer.slow ? 0.6 : 0.99;
    if (daysPastDue > (invoice.customer.slow ? 20 : 0) && roll < paysOnTime) {
      invoice.paidFen = roll < paysOnTime - 0.08 ? invoice.amountFen : Math.floor(invoice.amountFen * (0.3 + random() * 0.5));
      const late = invoice.customer.slow ? 5 + Math.floor(random() * 55) : random() < 0.04 ? 1 + Math.floor(random() * 10) : -Math.floor(random() * 15);
      invoice.paidOn = addDays(invoice.due, late);
    } else if (daysPastDue > -30 && roll > 0.9) {
      invoice.receivedFen = Math.floor(invoice.amountFen * (0.2 + random() * 0.6));
    } else if (daysPastDue > -10 && daysPastDue < 20 && roll > 0.97) {
      invoice.paidFen = invoice.amountFen;
      invoice.paidOn = addDays(asOf, 1 + Math.floor(random() * 10));
    }
  }
  for (const invoice of invoices) {
    const credit = invoice.amountFen < 0;
    const disputed = !credit && random() < 0.03;
    const row = ledger.addRow([
      invoice.customer.name,
      invoice.no,
      invoice.date,
      invoice.due,
      yuan(invoice.amountFen),
      invoice.receivedFen > 0 ? yuan(invoice.receivedFen) : null,
      "CNY",
      invoice.customer.salesperson,
      invoice.customer.region,
      disputed ? "是" : "否",
      credit ? "红字发票(退货折让)" : disputed ? "客户对数量有异议" : null,
    ]);
    row.getCell(3).numFmt = DATE_FORMAT;
    row.getCell(4).numFmt = DATE_FORMAT;
    row.getCell(5).numFmt = MONEY_FORMAT;
    row.getCell(6).numFmt = MONEY_FORMAT;
  }
  ledger.columns = [34, 16, 12, 12, 14, 14, 6, 8, 6, 6, 20].map((width) => ({ width }));

  const customerSheet = workbook.addWorksheet("客户");
  customerSheet.addRow(["客户名称", "信用额度", "临时额度", "账期", "信用等级", "联系人", "邮箱", "地址", "业务员", "区域"]);
  styleHeader(customerSheet.getRow(1));
  customers.forEach((customer, i) => {
    const temporary = random() < 0.2 ? Math.floor(customer.limit * 0.3) : null;
    const contact = `${pick(CONTACT_SURNAMES)}${pick(CONTACT_TITLES)}`;
    customerSheet.addRow([
      customer.name,
      customer.limit,
      temporary,
      customer.term,
      i % 11 === 5 ? "B" : null,
      contact,
      `finance${String(i + 1).padStart(2, "0")}@example.cn`,
      `${customer.city}市${pick(["高新区", "经济开发区", "工业园"])}${1 + Math.floor(random() * 200)}号`,
      customer.salesperson,
      customer.region,
    ]);
  });
  customerSheet.getColumn(2).numFmt = MONEY_FORMAT;
  customerSheet.getColumn(3).numFmt = MONEY_FORMAT;
  customerSheet.columns = [34, 14, 14, 6, 8, 12, 26, 30, 8, 6].map((width) => ({ width }));

  const payments = workbook.addWorksheet("回款");
  payments.addRow(["回款日期", "客户", "回款金额", "发票号", "备注"]);
  styleHeader(payments.getRow(1));
  const paymentRows: [Date, string, number, string | null, string | null][] = [];
  for (const invoice of invoices) {
    if (invoice.paidOn === null) continue;
    const named = random() < 0.75;
    paymentRows.push([invoice.paidOn, invoice.customer.name, yuan(invoice.paidFen), named ? invoice.no : null, named ? null : "未注明发票(先进先出)"]);
  }
  paymentRows.sort((a, b) => a[0].getTime() - b[0].getTime());
  for (const payment of paymentRows) {
    const row = payments.addRow(payment);
    row.getCell(1).numFmt = DATE_FORMAT;
    row.getCell(3).numFmt = MONEY_FORMAT;
  }
  payments.columns = [12, 34, 14, 16, 22].map((width) => ({ width }));
  return workbook;
}

/**
 * The English sample: an invoices table, a customers table and a payments table (Excel tables,
 * English headers), 6 customers and 40 invoices, report date 2026-11-23.
 * @returns the workbook, ready to write
 */
export function englishSample(): ExcelJS.Workbook {
  const random = seeded(42);
  const customers = [
    ["Northwind Traders Ltd", 30, 200_000, "Ann Lee", "ap@northwind.example"],
    ["Contoso Manufacturing", 45, 150_000, "Raj Patel", "finance@contoso.example"],
    ["Fabrikam Supplies", 60, 80_000, "Maria Garcia", "ar@fabrikam.example"],
    ["Adventure Works Cycles", 30, 120_000, "Tom Brown", "billing@adventure-works.example"],
    ["Tailspin Toys", 30, 50_000, "Li Wei", "accounts@tailspin.example"],
    ["Wide World Importers", 90, 300_000, "Sara Cohen", "payables@wideworld.example"],
  ] as const;
  const workbook = new ExcelJS.Workbook();
  fixTimes(workbook);
  const ledger = workbook.addWorksheet("Ledger");
  const start = utc(2026, 3, 1).getTime();
  const rows: (string | number | Date | null)[][] = [];
  for (let i = 0; i < 40; i++) {
    const [name, term] = customers[Math.floor(random() * customers.length)];
    const date = new Date(start + Math.floor(random() * 260) * 86_400_000);
    const credit = i % 13 === 12;
    const amountFen = credit ? -(10_000 + Math.floor(random() * 200_000)) : 50_000 + Math.floor(random() * 5_000_000);
    const received = !credit && random() < 0.15 ? yuan(Math.floor(amountFen / 2)) : null;
    rows.push([name, `INV-${String(1001 + i)}`, date, addDays(date, term), yuan(amountFen), received, "CNY", i % 11 === 4 ? "Yes" : "No"]);
  }
  rows.sort((a, b) => (a[2] as Date).getTime() - (b[2] as Date).getTime());
  ledger.addTable({
    name: "Invoices",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: ["Customer", "Invoice No", "Invoice date", "Due date", "Amount", "Received", "Currency", "Disputed"].map((name) => ({ name, filterButton: true })),
    rows,
  });
  for (let r = 2; r <= rows.length + 1; r++) {
    ledger.getCell(r, 3).numFmt = DATE_FORMAT;
    ledger.getCell(r, 4).numFmt = DATE_FORMAT;
    ledger.getCell(r, 5).numFmt = MONEY_FORMAT;
    ledger.getCell(r, 6).numFmt = MONEY_FORMAT;
  }
  ledger.columns = [26, 12, 12, 12, 14, 14, 9, 9].map((width) => ({ width }));

  const customerSheet = workbook.addWorksheet("Customers");
  customerSheet.addTable({
    name: "Customers",
    ref: "A1",
    headerRow: true,
    columns: ["Customer", "Credit limit", "Temporary limit", "Terms", "Contact", "Email"].map((name) => ({ name })),
    rows: customers.map(([name, term, limit, contact, email], i) => [name, limit, i === 2 ? 20_000 : null, term, contact, email]),
  });
  customerSheet.columns = [26, 14, 16, 8, 14, 32].map((width) => ({ width }));

  const paymentSheet = workbook.addWorksheet("Payments");
  paymentSheet.addTable({
    name: "Payments",
    ref: "A1",
    headerRow: true,
    columns: ["Payment date", "Customer", "Amount", "Invoice"].map((name) => ({ name })),
    rows: rows
      .filter((row, i) => i % 4 === 1 && (row[4] as number) > 0 && row[5] === null)
      .map((row, i) => [addDays(row[3] as Date, 5), row[0], row[4], i % 3 === 0 ? null : row[1]]),
  });
  paymentSheet.getColumn(1).numFmt = DATE_FORMAT;
  paymentSheet.columns = [14, 26, 14, 12].map((width) => ({ width }));
  return workbook;
}

/**
 * Writes both samples.
 * @param outDir the folder (default: examples/ of this repository)
 * @returns the two paths written
 */
export async function makeSamples(outDir = path.resolve(__dirname, "..", "examples")): Promise<string[]> {
  const chinese = path.join(outDir, "sample-ledger.xlsx");
  const english = path.join(outDir, "sample-ledger-en.xlsx");
  await chineseSample().xlsx.writeFile(chinese);
  await englishSample().xlsx.writeFile(english);
  return [chinese, english];
}

if (require.main === module || path.resolve(process.argv[1] ?? "") === __filename) {
  makeSamples(process.argv[2]).then(
    (files) => files.forEach((file) => process.stdout.write(`wrote ${file}\n`)),
    (error) => {
      process.stderr.write(`make-sample: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
