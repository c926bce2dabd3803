/**
 * Header synonyms and header-row mapping: which column holds which field, in Simplified Chinese,
 * Traditional Chinese and English, whatever the width, spacing or case of the header text.
 * Pure: works on one row of cell values.
 */
import type { CellValue } from "./adapter-types";
import { cellText, columnLetter, editDistance, normalizeText } from "./text";

import type { TableKind } from "./table-kinds";

export type { TableKind } from "./table-kinds";

export type InvoiceField =
  | "customer"
  | "invoiceNo"
  | "invoiceDate"
  | "dueDate"
  | "amount"
  | "received"
  | "currency"
  | "salesperson"
  | "region"
  | "disputed"
  | "paymentTermDays";
export type CustomerField =
  | "name"
  | "fixedLimit"
  | "temporaryLimit"
  | "gradeOverride"
  | "paymentTermDays"
  | "contact"
  | "email"
  | "address"
  | "salesperson"
  | "region";
export type PaymentField = "date" | "customer" | "amount" | "invoiceRef" | "currency" | "method";
export type PromiseField = "customer" | "promisedDate" | "amount" | "currency" | "madeOn";
/** Columns of the collection log (催收记录, POLICY §12). */
export type LogField =
  | "date"
  | "customer"
  | "invoiceNo"
  | "collector"
  | "channel"
  | "contact"
  | "outcome"
  | "promisedDate"
  | "promisedAmount"
  | "currency"
  | "nextAction"
  | "note";

/** Fields of each table kind. */
export interface FieldsOf {
  invoices: InvoiceField;
  customers: CustomerField;
  payments: PaymentField;
  promises: PromiseField;
  log: LogField;
}
/** Any field of any table. */
export type Field = InvoiceField | CustomerField | PaymentField | PromiseField | LogField;

const CUSTOMER = ["客户", "客户名称", "客戶", "客戶名稱", "单位名称", "單位名稱", "購貨單位", "购货单位", "往来单位", "往來單位", "Customer", "Client", "Customer name"];
const CURRENCY = ["币种", "币别", "幣別", "幣種", "Currency", "Ccy"];
const SALESPERSON = ["业务员", "業務員", "销售员", "銷售員", "Salesperson", "Sales rep"];
const REGION = ["区域", "地区", "區域", "地區", "Region"];
const TERM_DAYS = ["账期", "帳期", "账期(天)", "付款期限(天)", "付款期限", "信用期", "Terms", "Payment terms", "Term days"];

/**
 * Header texts recognised for each field of each table, as typed by finance staff in zh-CN,
 * zh-TW and English. Matching normalises width, spacing and case, so only one spelling is listed.
 * @example FIELD_SYNONYMS.invoices.amount.includes("价税合计") // true
 */
export const FIELD_SYNONYMS: { [K in TableKind]: Record<FieldsOf[K], readonly string[]> } = {
  invoices: {
    customer: CUSTOMER,
    invoiceNo: ["发票号", "发票号码", "發票號碼", "發票號", "发票编号", "單據編號", "单据编号", "Invoice No", "Invoice #", "Invoice number", "Doc No"],
    invoiceDate: ["开票日期", "單據日期", "单据日期", "發票日期", "发票日期", "開票日期", "日期", "Invoice date", "Date"],
    dueDate: ["到期日", "到期日期", "应收日期", "收款期限", "應收日期", "Due date", "Due"],
    amount: ["金额", "金額", "價稅合計", "价税合计", "应收金额", "應收金額", "發票金額", "发票金额", "Amount", "Invoice amount", "Total"],
    received: ["已收", "已收金额", "已收金額", "已回款", "实收", "實收", "已收款", "Received", "Paid", "Amount paid"],
    currency: CURRENCY,
    salesperson: SALESPERSON,
    region: REGION,
    disputed: ["争议", "爭議", "是否争议", "是否爭議", "Disputed", "Dispute"],
    paymentTermDays: TERM_DAYS,
  },
  customers: {
    name: [...CUSTOMER, "客户全称", "名称", "名稱", "Name"],
    fixedLimit: ["信用额度", "固定额度", "信用額度", "固定額度", "Credit limit", "Limit"],
    temporaryLimit: ["临时额度", "臨時額度", "Temporary limit", "Temp limit"],
    gradeOverride: ["信用等级", "信用等級", "等级", "等級", "Grade", "Credit grade"],
    paymentTermDays: TERM_DAYS,
    contact: ["联系人", "聯絡人", "聯繫人", "Contact"],
    email: ["邮箱", "电子邮件", "電子郵件", "电子邮箱", "Email", "E-mail"],
    address: ["地址", "Address"],
    salesperson: SALESPERSON,
    region: REGION,
  },
  payments: {
    date: ["回款日期", "收款日期", "到账日期", "日期", "Payment date", "Date"],
    customer: CUSTOMER,
    amount: ["回款金额", "收款金额", "回款金額", "收款金額", "到账金额", "金额", "金額", "Amount"],
    invoiceRef: ["发票号", "发票号码", "對應發票", "对应发票", "發票號碼", "Invoice", "Invoice ref", "Invoice No"],
    currency: CURRENCY,
    method: ["付款方式", "回款方式", "收款方式", "结算方式", "結算方式", "支付方式", "Method", "Payment method"],
  },
  promises: {
    customer: CUSTOMER,
    promisedDate: ["承诺日期", "承諾日期", "承诺付款日", "Promised date", "Promise date"],
    amount: ["承诺金额", "承諾金額", "Promised amount", "Amount"],
    currency: CURRENCY,
    madeOn: ["登记日期", "承诺时间", "Made on", "Recorded on"],
  },
  log: {
    date: ["联系日期", "日期", "催收日期", "聯絡日期", "聯繫日期", "Contact date", "Date"],
    customer: CUSTOMER,
    invoiceNo: ["发票号", "发票号码", "發票號碼", "發票號", "Invoice No", "Invoice"],
    collector: ["催收人", "催收员", "催收人員", "催收員", "经办人", "經辦人", "Collector"],
    // Not 联系方式: in Chinese that is a phone number or an address, not the way of a contact.
    channel: ["方式", "催收方式", "渠道", "联系渠道", "聯絡管道", "管道", "Channel", "Method"],
    contact: ["联系人", "聯絡人", "聯繫人", "对接人", "對接人", "Person contacted", "Contact"],
    outcome: ["结果", "結果", "催收结果", "催收結果", "协商结果", "協商結果", "Outcome", "Result"],
    promisedDate: ["承诺日期", "承諾日期", "承诺付款日", "承諾付款日", "Promised date", "Promise date"],
    promisedAmount: ["承诺金额", "承諾金額", "Promised amount", "Promise amount"],
    currency: CURRENCY,
    nextAction: ["下次跟进日期", "下次跟進日期", "下次跟进", "下次跟進", "下次联系日期", "下次聯絡日期", "Next action", "Next action date", "Next follow-up"],
    note: ["备注", "備註", "说明", "說明", "Note", "Notes", "Remarks"],
  },
};

/**
 * Fields a table cannot be read without. For invoices a due date OR an invoice date is also needed.
 * @example REQUIRED_FIELDS.invoices // ["customer", "amount"]
 */
export const REQUIRED_FIELDS: { [K in TableKind]: readonly FieldsOf[K][] } = {
  invoices: ["customer", "amount"],
  customers: ["name"],
  payments: ["customer", "amount"],
  promises: ["customer", "promisedDate", "amount"],
  log: ["date", "customer", "channel"],
};

/**
 * Normalises a header for matching (NFKC, trimmed, spaces collapsed, lower-case).
 * @param text header text
 * @returns the matching form
 * @example normalizeHeader(" 客户名称（全称） ") // "客户名称(全称)"
 */
export function normalizeHeader(text: string): string {
  return normalizeText(text);
}

/** One column taken for a field. `column` is the sheet column letter. */
export interface TakenColumn {
  field: Field;
  header: string;
  column: string;
}

/** How a header row maps onto a table's fields. */
export interface HeaderMapping {
  /** Field → 0-based index into the header row given. */
  columns: Partial<Record<Field, number>>;
  taken: TakenColumn[];
  /** Required fields with no column ("dueDate" stands for "due date or invoice date"). */
  missing: Field[];
  warnings: string[];
  /** Non-blank headers that map to no field. */
  unknownHeaders: string[];
  /** Higher is a better header row; 0 when nothing matched. */
  score: number;
}

/** Options of `mapHeaders`. */
export interface MapHeadersOptions {
  /** User-remembered mapping: field → header text; wins over synonyms. */
  mapping?: Record<string, string>;
  /** 0-based sheet column of headerRow[0], for the column letters reported. */
  firstCol?: number;
}

const TIER_USER = 4;
const TIER_EXACT = 3;
const TIER_CONTAINS = 2;
const TIER_NEAR = 1;
const ASCII_WORD_CHAR = /[a-z0-9]/;
const ASCII_ONLY = /^[\x20-\x7e]+$/;

interface Synonym {
  field: Field;
  text: string;
  ascii: boolean;
}

const synonymCache = new Map<TableKind, Synonym[]>();

function synonymsOf(kind: TableKind): Synonym[] {
  let list = synonymCache.get(kind);
  if (!list) {
    list = [];
    const table = FIELD_SYNONYMS[kind] as Record<string, readonly string[]>;
    for (const field of Object.keys(table)) {
      for (const text of table[field]) {
        const normal = normalizeHeader(text);
        list.push({ field: field as Field, text: normal, ascii: ASCII_ONLY.test(normal) });
      }
    }
    synonymCache.set(kind, list);
  }
  return list;
}

/** Whether `needle` occurs in `header`; ASCII synonyms only on word boundaries ("Due" not in "Overdue"). */
function containsSynonym(header: string, synonym: Synonym): boolean {
  let from = header.indexOf(synonym.text);
  while (from >= 0) {
    if (!synonym.ascii) return true;
    const before = from === 0 ? "" : header[from - 1];
    const after = header[from + synonym.text.length] ?? "";
    if (!ASCII_WORD_CHAR.test(before) && !ASCII_WORD_CHAR.test(after)) return true;
    from = header.indexOf(synonym.text, from + 1);
  }
  return false;
}

interface Candidate {
  column: number;
  field: Field;
  tier: number;
  length: number;
  synonym: string;
}

/**
 * A readable name for a field with its first synonyms, for messages.
 * @param kind table kind
 * @param field field name
 * @returns e.g. `amount (金额 / Amount)`
 * @example fieldLabel("invoices", "customer") // "customer (客户 / Customer)"
 */
export function fieldLabel(kind: TableKind, field: Field): string {
  const synonyms = (FIELD_SYNONYMS[kind] as Record<string, readonly string[]>)[field] ?? [];
  const chinese = synonyms.find((s) => !ASCII_ONLY.test(s));
  const english = synonyms.find((s) => ASCII_ONLY.test(s));
  const examples = [chinese, english].filter((s): s is string => s !== undefined);
  return examples.length > 0 ? `${field} (${examples.join(" / ")})` : field;
}

/**
 * Maps a header row onto the fields of a table: a remembered mapping first, then an exact
 * (normalised) synonym, then a synonym contained in the header ("客户名称(全称)", "Amount (CNY)"),
 * then a near miss on English headers (one typo, e.g. "Custmer"), which is taken with a warning.
 * Each field takes one column and each column one field; the strongest, longest match wins.
 * @param headerRow the cells of the header row
 * @param kind which table these headers should describe
 * @param options remembered mapping and the sheet column of headerRow[0]
 * @returns columns per field, what was taken, what is missing, warnings and unknown headers
 * @example
 * mapHeaders(["客户名称", "发票号", "到期日", "金额(元)"], "invoices").columns
 * // { customer: 0, invoiceNo: 1, dueDate: 2, amount: 3 }
 */
export function mapHeaders(headerRow: readonly CellValue[], kind: TableKind, options: MapHeadersOptions = {}): HeaderMapping {
  const firstCol = options.firstCol ?? 0;
  const synonyms = synonymsOf(kind);
  const headers = headerRow.map((cell) => normalizeHeader(cellText(cell)));
  const candidates: Candidate[] = [];
  const knownFields = new Set(synonyms.map((s) => s.field));

  const remembered = options.mapping ?? {};
  const warnings: string[] = [];
  for (const [field, headerText] of Object.entries(remembered)) {
    if (!knownFields.has(field as Field)) continue;
    const wanted = normalizeHeader(headerText);
    const column = headers.indexOf(wanted);
    if (column >= 0 && wanted !== "") {
      candidates.push({ column, field: field as Field, tier: TIER_USER, length: wanted.length, synonym: wanted });
    } else {
      warnings.push(`Remembered column "${headerText}" for ${field} is not in this header row; matched by header names instead.`);
    }
  }

  headers.forEach((header, column) => {
    if (header === "") return;
    const headerAscii = ASCII_ONLY.test(header);
    for (const synonym of synonyms) {
      if (header === synonym.text) {
        candidates.push({ column, field: synonym.field, tier: TIER_EXACT, length: synonym.text.length, synonym: synonym.text });
      } else if (header.length > synonym.text.length && containsSynonym(header, synonym)) {
        candidates.push({ column, field: synonym.field, tier: TIER_CONTAINS, length: synonym.text.length, synonym: synonym.text });
      } else if (headerAscii && synonym.ascii && synonym.text.length >= 5 && editDistance(header, synonym.text, 1) === 1) {
        candidates.push({ column, field: synonym.field, tier: TIER_NEAR, length: synonym.text.length, synonym: synonym.text });
      }
    }
  });

  candidates.sort((a, b) => b.tier - a.tier || b.length - a.length || a.column - b.column);
  const columns: Partial<Record<Field, number>> = {};
  const tierOf = new Map<number, number>();
  const taken: TakenColumn[] = [];
  let score = 0;
  for (const candidate of candidates) {
    if (columns[candidate.field] !== undefined || tierOf.has(candidate.column)) continue;
    columns[candidate.field] = candidate.column;
    tierOf.set(candidate.column, candidate.tier);
    const letter = columnLetter(firstCol + candidate.column);
    const header = cellText(headerRow[candidate.column]);
    taken.push({ field: candidate.field, header, column: letter });
    score += candidate.tier === TIER_USER ? TIER_EXACT : candidate.tier;
    if (candidate.tier === TIER_NEAR) {
      warnings.push(`Column ${letter} header "${header}" looks like a typo for "${candidate.synonym}"; read as ${candidate.field}. Please check the spelling.`);
    }
  }
  taken.sort((a, b) => (columns[a.field] ?? 0) - (columns[b.field] ?? 0));

  const unknownHeaders: string[] = [];
  headers.forEach((header, column) => {
    if (header === "" || tierOf.has(column)) return;
    const text = cellText(headerRow[column]);
    const twin = candidates.find((c) => c.column === column && c.tier === TIER_EXACT);
    if (twin) {
      const used = columnLetter(firstCol + (columns[twin.field] ?? 0));
      warnings.push(`Column ${columnLetter(firstCol + column)} "${text}" also looks like ${twin.field}; column ${used} is used.`);
    }
    unknownHeaders.push(text);
  });

  const missing: Field[] = (REQUIRED_FIELDS[kind] as readonly Field[]).filter((field) => columns[field] === undefined);
  if (kind === "invoices") {
    if (columns.dueDate === undefined && columns.invoiceDate === undefined) missing.push("dueDate");
    if (columns.invoiceNo === undefined) {
      warnings.push(`No invoice-number column (${fieldLabel(kind, "invoiceNo")}): each invoice gets an id like "row 12".`);
    }
  }
  return { columns, taken, missing, warnings, unknownHeaders, score };
}
