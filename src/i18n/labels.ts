/**
 * Words written into generated sheets and shown around the jobs: sheet-name words, column
 * headers, stop-reason labels, grade notes and summary words, in Simplified Chinese, Traditional
 * Chinese and English. Bucket and stage labels are policy data and live in the policy, not here.
 */
import type { Lang, StopReason } from "../rules/types";
import { fillPlaceholders } from "./fill";

/** Kinds of generated sheets (the same set as `SheetPlan["kind"]`). */
export type SheetKind = "aging" | "detail" | "flags" | "letters" | "errors" | "management" | "preDue" | "statements";

/** Headers of the aging summary, around the policy's bucket labels. */
export interface AgingHeaders {
  customer: string;
  currency: string;
  salesperson: string;
  grade: string;
  effectiveLimit: string;
  outstanding: string;
  overdue: string;
  overduePct: string;
  interest: string;
  unappliedCredit: string;
  excess: string;
  limitUsedPct: string;
  stopShipping: string;
  reasons: string;
  stage: string;
}

/** Headers of the open-invoice detail. */
export interface DetailHeaders {
  customer: string;
  currency: string;
  invoiceNo: string;
  invoiceDate: string;
  dueDate: string;
  amount: string;
  applied: string;
  outstanding: string;
  daysOverdue: string;
  bucket: string;
  interest: string;
  disputed: string;
  stage: string;
}

/** Headers of the over-limit / stop-shipping list. */
export interface FlagsHeaders {
  customer: string;
  currency: string;
  grade: string;
  stopShipping: string;
  effectiveLimit: string;
  outstanding: string;
  excess: string;
  limitUsedPct: string;
  overdue: string;
  maxDaysOverdue: string;
  reasons: string;
  stage: string;
  salesperson: string;
  contact: string;
}

/** Headers of the drafted-letters sheet. */
export interface LettersHeaders {
  customer: string;
  currency: string;
  stage: string;
  subject: string;
  body: string;
  notes: string;
}

/** Headers of the data-errors sheet. */
export interface ErrorsHeaders {
  sheet: string;
  row: string;
  column: string;
  message: string;
}

/** Every word of one language. Templates use `{name}` placeholders filled by `fillPlaceholders`. */
export interface Labels {
  sheetWords: Record<SheetKind, string>;
  aging: AgingHeaders;
  detail: DetailHeaders;
  flags: FlagsHeaders;
  letters: LettersHeaders;
  errors: ErrorsHeaders;
  /** `{months}` and `{amount}` are the policy's thresholds. */
  reasons: Record<StopReason, string>;
  /** Separator between joined reasons. */
  reasonSeparator: string;
  /** Shown when a typed grade overrides the computed one: `{grade}`, `{computed}`. */
  gradeOverridden: string;
  /** Totals row label: `{currency}`. */
  totalRow: string;
  yes: string;
  no: string;
  /** Chart title: `{count}`, `{currency}`. */
  chartTitle: string;
  /** Letter notes: `{list}`. */
  unknownFields: string;
  missingValues: string;
  /** Under a letter's invoice table cut to fit one cell: `{count}` invoices not listed, `{sheet}` where they are. */
  tableContinues: string;
  /** Headers of the command line's summary tables. */
  summary: { currency: string; customers: string; outstanding: string; overdue: string; overduePct: string; interest: string };
  /** Progress messages of the jobs. */
  progress: { read: string; ledger: string; report: string; plan: string; write: string; done: string };
  /** Job failures the user can act on. */
  jobErrors: { cancelled: string; emptyLedger: string; invalidAsOf: string; cannotAppend: string; invalidPeriod: string };
}

const ZH_CN: Labels = {
  sheetWords: { aging: "账龄分析", detail: "账龄明细", flags: "超额度停货", letters: "催款函", errors: "数据错误", management: "管理报表", preDue: "到期提醒", statements: "对账单" },
  aging: {
    customer: "客户",
    currency: "币种",
    salesperson: "业务员",
    grade: "信用等级",
    effectiveLimit: "有效额度",
    outstanding: "应收余额",
    overdue: "逾期金额",
    overduePct: "逾期占比",
    interest: "罚息",
    unappliedCredit: "未核销预收",
    excess: "超额度金额",
    limitUsedPct: "额度使用率",
    stopShipping: "停止供货",
    reasons: "停货原因",
    stage: "催收阶段",
  },
  detail: {
    customer: "客户",
    currency: "币种",
    invoiceNo: "发票号",
    invoiceDate: "开票日期",
    dueDate: "到期日",
    amount: "发票金额",
    applied: "已收/核销",
    outstanding: "未收余额",
    daysOverdue: "逾期天数",
    bucket: "账龄区间",
    interest: "罚息",
    disputed: "争议",
    stage: "催收阶段",
  },
  flags: {
    customer: "客户",
    currency: "币种",
    grade: "信用等级",
    stopShipping: "停止供货",
    effectiveLimit: "有效额度",
    outstanding: "应收余额",
    excess: "超额度金额",
    limitUsedPct: "额度使用率",
    overdue: "逾期金额",
    maxDaysOverdue: "最长逾期天数",
    reasons: "原因",
    stage: "催收阶段",
    salesperson: "业务员",
    contact: "联系人",
  },
  letters: { customer: "客户", currency: "币种", stage: "催收阶段", subject: "主题", body: "正文", notes: "备注" },
  errors: { sheet: "工作表", row: "行", column: "列", message: "问题" },
  reasons: {
    overdueMonths: "有发票逾期{months}个月以上",
    overdueTotal: "逾期总额{amount}以上",
    overLimit: "超出信用额度",
    gradeD: "D级客户前帐未清",
  },
  reasonSeparator: "；",
  gradeOverridden: "{grade} (计算: {computed})",
  totalRow: "合计 ({currency})",
  yes: "是",
  no: "否",
  chartTitle: "账龄分布：应收余额前{count}名客户 ({currency})",
  unknownFields: "未知字段: {list}",
  missingValues: "缺少数据: {list}",
  tableContinues: "……另有 {count} 张发票未列出（单元格已满），完整清单见工作表「{sheet}」",
  summary: { currency: "币种", customers: "客户数", outstanding: "应收余额", overdue: "逾期金额", overduePct: "逾期占比", interest: "罚息" },
  progress: {
    read: "正在读取工作簿…",
    ledger: "正在解析台账…",
    report: "正在计算账龄…",
    plan: "正在生成工作表…",
    write: "正在写入工作表…",
    done: "完成",
  },
  jobErrors: {
    cancelled: "操作已取消。",
    emptyLedger: "发票表中没有任何数据行。请在表头下方填写发票后再试。",
    invalidAsOf: "截止日期无效。",
    cannotAppend: "无法在此工作簿中追加行。",
    invalidPeriod: "对账期间无效：起始日期须不晚于截止日期。",
  },
};

const ZH_TW: Labels = {
  sheetWords: { aging: "帳齡分析", detail: "帳齡明細", flags: "超額度停貨", letters: "催款函", errors: "資料錯誤", management: "管理報表", preDue: "到期提醒", statements: "對帳單" },
  aging: {
    customer: "客戶",
    currency: "幣別",
    salesperson: "業務員",
    grade: "信用等級",
    effectiveLimit: "有效額度",
    outstanding: "應收餘額",
    overdue: "逾期金額",
    overduePct: "逾期占比",
    interest: "罰息",
    unappliedCredit: "未沖銷預收",
    excess: "超額度金額",
    limitUsedPct: "額度使用率",
    stopShipping: "停止供貨",
    reasons: "停貨原因",
    stage: "催收階段",
  },
  detail: {
    customer: "客戶",
    currency: "幣別",
    invoiceNo: "發票號碼",
    invoiceDate: "開票日期",
    dueDate: "到期日",
    amount: "發票金額",
    applied: "已收/沖銷",
    outstanding: "未收餘額",
    daysOverdue: "逾期天數",
    bucket: "帳齡區間",
    interest: "罰息",
    disputed: "爭議",
    stage: "催收階段",
  },
  flags: {
    customer: "客戶",
    currency: "幣別",
    grade: "信用等級",
    stopShipping: "停止供貨",
    effectiveLimit: "有效額度",
    outstanding: "應收餘額",
    excess: "超額度金額",
    limitUsedPct: "額度使用率",
    overdue: "逾期金額",
    maxDaysOverdue: "最長逾期天數",
    reasons: "原因",
    stage: "催收階段",
    salesperson: "業務員",
    contact: "聯絡人",
  },
  letters: { customer: "客戶", currency: "幣別", stage: "催收階段", subject: "主旨", body: "內文", notes: "備註" },
  errors: { sheet: "工作表", row: "列", column: "欄", message: "問題" },
  reasons: {
    overdueMonths: "有發票逾期{months}個月以上",
    overdueTotal: "逾期總額{amount}以上",
    overLimit: "超出信用額度",
    gradeD: "D級客戶前帳未清",
  },
  reasonSeparator: "；",
  gradeOverridden: "{grade} (計算: {computed})",
  totalRow: "合計 ({currency})",
  yes: "是",
  no: "否",
  chartTitle: "帳齡分佈：應收餘額前{count}名客戶 ({currency})",
  unknownFields: "未知欄位: {list}",
  missingValues: "缺少資料: {list}",
  tableContinues: "……另有 {count} 張發票未列出（儲存格已滿），完整清單見工作表「{sheet}」",
  summary: { currency: "幣別", customers: "客戶數", outstanding: "應收餘額", overdue: "逾期金額", overduePct: "逾期占比", interest: "罰息" },
  progress: {
    read: "正在讀取活頁簿…",
    ledger: "正在解析帳冊…",
    report: "正在計算帳齡…",
    plan: "正在產生工作表…",
    write: "正在寫入工作表…",
    done: "完成",
  },
  jobErrors: {
    cancelled: "作業已取消。",
    emptyLedger: "發票表中沒有任何資料列。請在表頭下方填寫發票後再試。",
    invalidAsOf: "截止日期無效。",
    cannotAppend: "無法在此活頁簿中追加列。",
    invalidPeriod: "對帳期間無效：起始日期須不晚於截止日期。",
  },
};

const EN: Labels = {
  sheetWords: { aging: "Aging", detail: "Aging detail", flags: "Flags", letters: "Letters", errors: "Data errors", management: "Management report", preDue: "Pre-due notices", statements: "Statement of account" },
  aging: {
    customer: "Customer",
    currency: "Currency",
    salesperson: "Salesperson",
    grade: "Grade",
    effectiveLimit: "Effective limit",
    outstanding: "Outstanding",
    overdue: "Overdue",
    overduePct: "% overdue",
    interest: "Late interest",
    unappliedCredit: "Unapplied credit",
    excess: "Over limit by",
    limitUsedPct: "% of limit used",
    stopShipping: "Stop shipping",
    reasons: "Reasons",
    stage: "Stage",
  },
  detail: {
    customer: "Customer",
    currency: "Currency",
    invoiceNo: "Invoice no.",
    invoiceDate: "Invoice date",
    dueDate: "Due date",
    amount: "Amount",
    applied: "Received/applied",
    outstanding: "Outstanding",
    daysOverdue: "Days overdue",
    bucket: "Aging bucket",
    interest: "Late interest",
    disputed: "Disputed",
    stage: "Stage",
  },
  flags: {
    customer: "Customer",
    currency: "Currency",
    grade: "Grade",
    stopShipping: "Stop shipping",
    effectiveLimit: "Effective limit",
    outstanding: "Outstanding",
    excess: "Over limit by",
    limitUsedPct: "% of limit used",
    overdue: "Overdue",
    maxDaysOverdue: "Max days overdue",
    reasons: "Reasons",
    stage: "Stage",
    salesperson: "Salesperson",
    contact: "Contact",
  },
  letters: { customer: "Customer", currency: "Currency", stage: "Stage", subject: "Subject", body: "Body", notes: "Notes" },
  errors: { sheet: "Sheet", row: "Row", column: "Column", message: "Problem" },
  reasons: {
    overdueMonths: "Invoice overdue {months} months or more",
    overdueTotal: "Overdue total {amount} or more",
    overLimit: "Over credit limit",
    gradeD: "Grade D with a balance outstanding",
  },
  reasonSeparator: "; ",
  gradeOverridden: "{grade} (computed: {computed})",
  totalRow: "Total ({currency})",
  yes: "Yes",
  no: "No",
  chartTitle: "Aging of the top {count} customers by outstanding ({currency})",
  unknownFields: "Unknown fields: {list}",
  missingValues: "Missing values: {list}",
  tableContinues: "…and {count} more invoices not listed (the cell is full): see sheet \"{sheet}\" for the full list",
  summary: { currency: "Currency", customers: "Customers", outstanding: "Outstanding", overdue: "Overdue", overduePct: "% overdue", interest: "Late interest" },
  progress: {
    read: "Reading the workbook…",
    ledger: "Reading the ledger…",
    report: "Computing the aging…",
    plan: "Laying out the sheets…",
    write: "Writing the sheets…",
    done: "Done",
  },
  jobErrors: {
    cancelled: "The job was cancelled.",
    emptyLedger: "The invoices table has no data rows. Enter invoices under the header row and try again.",
    invalidAsOf: "The as-of date is not valid.",
    cannotAppend: "Rows cannot be appended to this workbook.",
    invalidPeriod: "The period is not valid: its first day must not be after its last.",
  },
};

/** All labels by language. */
export const LABELS: Record<Lang, Labels> = { "zh-CN": ZH_CN, "zh-TW": ZH_TW, en: EN };

/**
 * The labels of a language, falling back to Simplified Chinese for an unknown one.
 * @param lang language code
 * @returns that language's labels
 * @example labelsFor("zh-TW").sheetWords.aging // "帳齡分析"
 */
export function labelsFor(lang: Lang): Labels {
  return LABELS[lang] ?? ZH_CN;
}

/**
 * The localized label of a stop-shipping reason, with the policy thresholds filled in.
 * @param reason reason code
 * @param lang language
 * @param thresholds `{ months, amount }` from the policy (amount already formatted)
 * @returns the label
 * @example reasonLabel("overdueMonths", "zh-CN", { months: 2, amount: "200,000.00" }) // "有发票逾期2个月以上"
 */
export function reasonLabel(reason: StopReason, lang: Lang, thresholds: { months: number; amount: string }): string {
  return fillPlaceholders(labelsFor(lang).reasons[reason], thresholds);
}
