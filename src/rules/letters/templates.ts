/**
 * Reminder-letter templates (催款函): plain text with `{{field}}` merge fields, one per escalation
 * stage and language. Companies edit their own copies in the workbook; these are the defaults.
 *
 * Table choice for the pre-due notice: `{{invoiceTable}}` always lists the invoices the stage is
 * about — the overdue, non-disputed invoices for an overdue stage, and the invoices coming due
 * within the pre-due window for a pre-due stage (a stage whose `toDays` ≤ 0). The separate
 * `dueSoon…` fields carry the count and totals of those coming-due invoices.
 */
import type { Lang, StageId } from "../types";

/** An editable letter: plain text, merge fields written `{{field}}`. */
export interface LetterTemplate {
  lang: Lang;
  stage: StageId;
  subject: string;
  body: string;
}

/** One merge field and what it holds, described in each language for the template editor. */
export interface MergeField {
  name: string;
  description: Record<Lang, string>;
}

/**
 * Every merge field a template may use. Any other `{{name}}` is reported as unknown.
 * Amounts are shown with thousands separators and two decimals (1,234,567.80); …Wan fields in
 * units of ten thousand (万), two decimals (123.46).
 * @example MERGE_FIELDS.find((f) => f.name === "overdueTotalWan")?.description.en
 * // "Overdue principal in ten thousands (万), 2 decimals: 123.46"
 */
export const MERGE_FIELDS: readonly MergeField[] = [
  { name: "customer", description: { "zh-CN": "客户名称", "zh-TW": "客戶名稱", en: "Customer name" } },
  { name: "contact", description: { "zh-CN": "客户联系人", "zh-TW": "客戶聯絡人", en: "Customer contact person" } },
  { name: "asOf", description: { "zh-CN": "截止日期(报表日)", "zh-TW": "截止日期(報表日)", en: "As-of date of the figures" } },
  { name: "stageName", description: { "zh-CN": "催收阶段名称", "zh-TW": "催收階段名稱", en: "Name of the collection stage" } },
  { name: "currency", description: { "zh-CN": "币种代码,如 CNY", "zh-TW": "幣別代碼,如 CNY", en: "Currency code, e.g. CNY" } },
  {
    name: "currencyUnit",
    description: {
      "zh-CN": "金额单位,如 元、美元(英文为币种代码)",
      "zh-TW": "金額單位,如 元、美元(英文為幣別代碼)",
      en: "Unit written after an amount: 元 in Chinese, the currency code in English",
    },
  },
  { name: "overdueCount", description: { "zh-CN": "逾期笔数(不含争议发票)", "zh-TW": "逾期筆數(不含爭議發票)", en: "Number of overdue invoices (disputed excluded)" } },
  {
    name: "overdueTotal",
    description: {
      "zh-CN": "逾期本金合计(元),千分位两位小数:1,234,567.80",
      "zh-TW": "逾期本金合計(元),千分位兩位小數:1,234,567.80",
      en: "Overdue principal, thousands separators, 2 decimals: 1,234,567.80",
    },
  },
  {
    name: "overdueTotalWan",
    description: {
      "zh-CN": "逾期本金合计(万元),两位小数:123.46",
      "zh-TW": "逾期本金合計(萬元),兩位小數:123.46",
      en: "Overdue principal in ten thousands (万), 2 decimals: 123.46",
    },
  },
  { name: "maxDaysOverdue", description: { "zh-CN": "最长逾期天数", "zh-TW": "最長逾期天數", en: "Days overdue of the oldest overdue invoice" } },
  { name: "outstandingTotal", description: { "zh-CN": "应收余额合计(含未到期)", "zh-TW": "應收餘額合計(含未到期)", en: "Total outstanding balance, due or not" } },
  { name: "interestTotal", description: { "zh-CN": "逾期利息合计(表中各行之和)", "zh-TW": "逾期利息合計(表中各行之和)", en: "Late interest total (sum of the table rows)" } },
  {
    name: "settledInterest",
    description: {
      "zh-CN": "已付清发票上尚欠的逾期利息(不在表中,未计入逾期利息合计)",
      "zh-TW": "已付清發票上尚欠的逾期利息(不在表中,未計入逾期利息合計)",
      en: "Late interest still owed on invoices already paid (not in the table nor in the interest total)",
    },
  },
  { name: "interestRate", description: { "zh-CN": "日利率,如 0.05%", "zh-TW": "日利率,如 0.05%", en: "Daily late-interest rate, e.g. 0.05%" } },
  {
    name: "invoiceTable",
    description: {
      "zh-CN": "发票明细表:发票号、开票日期、到期日、未付金额、逾期天数、逾期利息",
      "zh-TW": "發票明細表:發票號碼、開票日期、到期日、未付金額、逾期天數、逾期利息",
      en: "Invoice table: number, invoice date, due date, outstanding, days overdue, late interest",
    },
  },
  { name: "dueSoonCount", description: { "zh-CN": "即将到期笔数", "zh-TW": "即將到期筆數", en: "Number of invoices coming due" } },
  { name: "dueSoonTotal", description: { "zh-CN": "即将到期金额合计(元)", "zh-TW": "即將到期金額合計(元)", en: "Total coming due" } },
  { name: "dueSoonTotalWan", description: { "zh-CN": "即将到期金额合计(万元)", "zh-TW": "即將到期金額合計(萬元)", en: "Total coming due in ten thousands (万)" } },
  { name: "nextDueDate", description: { "zh-CN": "最早到期日", "zh-TW": "最早到期日", en: "Earliest due date among invoices coming due" } },
  { name: "company", description: { "zh-CN": "我司名称", "zh-TW": "本公司名稱", en: "Our company name" } },
  { name: "financeContact", description: { "zh-CN": "我司财务联系人", "zh-TW": "本公司財務聯絡人", en: "Our finance contact" } },
  { name: "phone", description: { "zh-CN": "我司联系电话", "zh-TW": "本公司聯絡電話", en: "Our phone number" } },
  { name: "email", description: { "zh-CN": "我司电子邮箱", "zh-TW": "本公司電子郵件", en: "Our email address" } },
  { name: "bankName", description: { "zh-CN": "收款开户银行", "zh-TW": "收款開戶銀行", en: "Our bank" } },
  { name: "bankAccount", description: { "zh-CN": "收款银行账号", "zh-TW": "收款銀行帳號", en: "Our bank account number" } },
  { name: "replyBy", description: { "zh-CN": "回复/付款截止日(截止日期 + 回复天数)", "zh-TW": "回覆/付款截止日(截止日期 + 回覆天數)", en: "Reply-by date (as-of date + reply days)" } },
];

/** Names of MERGE_FIELDS, for quick membership tests. */
export const MERGE_FIELD_NAMES: ReadonlySet<string> = new Set(MERGE_FIELDS.map((field) => field.name));

// ---------------------------------------------------------------- Simplified Chinese

const ZH_CN_HEAD = "致:{{customer}}\n联系人:{{contact}}\n日期:{{asOf}}\n\n";
const ZH_CN_PAY = "收款单位:{{company}}\n开户银行:{{bankName}}\n银行账号:{{bankAccount}}\n";
const ZH_CN_SIGN = "联系人:{{financeContact}}  电话:{{phone}}  邮箱:{{email}}\n\n{{company}} 财务部\n{{asOf}}";

const ZH_CN: LetterTemplate[] = [
  {
    lang: "zh-CN",
    stage: "preDue",
    subject: "到期付款提醒:{{dueSoonCount}}笔款项将于近日到期",
    body:
      ZH_CN_HEAD +
      "尊敬的客户:\n\n感谢贵公司一直以来对{{company}}的信任与支持。\n\n" +
      "截至{{asOf}},贵公司有{{dueSoonCount}}笔款项将于近日到期,合计{{dueSoonTotal}}{{currencyUnit}}" +
      "(约{{dueSoonTotalWan}}万{{currencyUnit}}),最早到期日为{{nextDueDate}}。明细如下:\n\n{{invoiceTable}}\n\n" +
      "烦请贵公司按期安排付款。收款账户如下:\n" +
      ZH_CN_PAY +
      "\n如款项已安排支付,请忽略本提醒;如对账目有疑问,欢迎随时与我们联系。\n\n" +
      ZH_CN_SIGN,
  },
  {
    lang: "zh-CN",
    stage: "reminder",
    subject: "付款提醒:{{overdueCount}}笔款项已过付款期限",
    body:
      ZH_CN_HEAD +
      "尊敬的客户:\n\n经核对,截至{{asOf}},贵公司有{{overdueCount}}笔款项已过付款期限,合计{{overdueTotal}}{{currencyUnit}}" +
      "(约{{overdueTotalWan}}万{{currencyUnit}})。明细如下:\n\n{{invoiceTable}}\n\n" +
      "请贵公司于{{replyBy}}前安排付款,并将付款凭证发送至{{email}}。如款项已经支付,请告知付款日期和金额,以便我们及时核对。\n\n" +
      "收款账户如下:\n" +
      ZH_CN_PAY +
      "\n按时付款是双方长期合作的基础,感谢贵公司的配合。\n\n" +
      ZH_CN_SIGN,
  },
  {
    lang: "zh-CN",
    stage: "formal",
    subject: "正式催款函:逾期账款{{overdueTotal}}{{currencyUnit}}",
    body:
      ZH_CN_HEAD +
      "尊敬的客户:\n\n经我司核对,截至{{asOf}},贵公司共有{{overdueCount}}笔应付账款已逾期,逾期本金合计{{overdueTotal}}{{currencyUnit}}" +
      "(约{{overdueTotalWan}}万{{currencyUnit}}),按每日{{interestRate}}计算的逾期利息合计{{interestTotal}}{{currencyUnit}};" +
      "贵公司在我司的应收余额合计{{outstandingTotal}}{{currencyUnit}}。明细如下:\n\n{{invoiceTable}}\n\n" +
      "我司此前已多次提醒,上述款项至今仍未支付。现正式要求贵公司于{{replyBy}}前付清上述逾期本金及逾期利息,汇入以下账户:\n" +
      ZH_CN_PAY +
      "\n付款后请将付款凭证发送至{{email}},并在下方回执签字盖章后回传我司确认。如对上述账目有异议,请于同一日期前书面提出,逾期未提出视为确认。\n\n" +
      "如贵公司未能在上述期限内付款,我司将暂停对贵公司供货,下调直至取消贵公司的信用额度,后续交易改为款到发货;逾期利息将继续计收至实际付款之日。\n\n" +
      ZH_CN_SIGN +
      "\n\n—— 回执 ——\n本公司确认收到{{company}}于{{asOf}}发出的催款函,确认逾期本金{{overdueTotal}}{{currencyUnit}}无误,并将于____年__月__日前付清。\n" +
      "客户(盖章):{{customer}}    签字:__________    日期:__________",
  },
  {
    lang: "zh-CN",
    stage: "lawyer",
    subject: "律师函:关于{{customer}}拖欠{{company}}货款事宜",
    body:
      ZH_CN_HEAD +
      "{{customer}}:\n\n{{company}}已就贵公司拖欠货款一事委托法律顾问处理。根据双方交易凭证及我司账册记载,截至{{asOf}}," +
      "贵公司拖欠我司到期货款{{overdueCount}}笔,本金合计{{overdueTotal}}{{currencyUnit}}(约{{overdueTotalWan}}万{{currencyUnit}})," +
      "逾期利息合计{{interestTotal}}{{currencyUnit}},最长已逾期{{maxDaysOverdue}}天。明细如下:\n\n{{invoiceTable}}\n\n" +
      "经我司多次书面及电话催收,贵公司仍未付款,已构成违约。现正式函告:\n" +
      "一、请贵公司于{{replyBy}}前将上述逾期本金及逾期利息全部付清,汇入以下账户:\n" +
      ZH_CN_PAY +
      "二、自即日起,我司已停止对贵公司供货,并取消贵公司的信用额度。\n" +
      "三、逾期未付,我司将不再另行通知,依法提起诉讼或申请仲裁,追讨欠款本金、逾期利息以及由此产生的诉讼费、律师费、保全费等全部费用。\n\n" +
      "特此函告。\n\n联系人:{{financeContact}}  电话:{{phone}}  邮箱:{{email}}\n\n{{company}}\n{{asOf}}",
  },
  {
    lang: "zh-CN",
    stage: "legal",
    subject: "法律程序移交摘要:{{customer}}",
    body:
      "法律程序移交摘要(内部)\n\n" +
      "客户:{{customer}}\n客户联系人:{{contact}}\n截止日期:{{asOf}}\n催收阶段:{{stageName}}\n币种:{{currency}}\n" +
      "逾期笔数:{{overdueCount}}\n逾期本金:{{overdueTotal}}{{currencyUnit}}(约{{overdueTotalWan}}万{{currencyUnit}})\n" +
      "逾期利息(日利率{{interestRate}}):{{interestTotal}}{{currencyUnit}}\n应收余额合计:{{outstandingTotal}}{{currencyUnit}}\n" +
      "最长逾期天数:{{maxDaysOverdue}}\n\n逾期明细(不含争议发票):\n\n{{invoiceTable}}\n\n" +
      "已采取措施:到期提醒、付款提醒、电话催收、正式催款函、律师函。\n" +
      "建议:报公司管理层批准后,委托律师事务所提起诉讼或交由专业机构催收,并考虑申请财产保全。\n\n" +
      "经办人:{{financeContact}}  电话:{{phone}}  邮箱:{{email}}\n{{company}} 财务部",
  },
];

// ---------------------------------------------------------------- Traditional Chinese

const ZH_TW_HEAD = "致:{{customer}}\n聯絡人:{{contact}}\n日期:{{asOf}}\n\n";
const ZH_TW_PAY = "收款單位:{{company}}\n開戶銀行:{{bankName}}\n銀行帳號:{{bankAccount}}\n";
const ZH_TW_SIGN = "聯絡人:{{financeContact}}  電話:{{phone}}  電子郵件:{{email}}\n\n{{company}} 財務部\n{{asOf}}";

const ZH_TW: LetterTemplate[] = [
  {
    lang: "zh-TW",
    stage: "preDue",
    subject: "到期付款提醒:{{dueSoonCount}}筆款項將於近日到期",
    body:
      ZH_TW_HEAD +
      "敬愛的客戶:\n\n感謝貴公司一直以來對{{company}}的信任與支持。\n\n" +
      "截至{{asOf}},貴公司有{{dueSoonCount}}筆款項將於近日到期,合計{{dueSoonTotal}}{{currencyUnit}}" +
      "(約{{dueSoonTotalWan}}萬{{currencyUnit}}),最早到期日為{{nextDueDate}}。明細如下:\n\n{{invoiceTable}}\n\n" +
      "煩請貴公司按期安排付款。收款帳戶如下:\n" +
      ZH_TW_PAY +
      "\n如款項已安排支付,請忽略本提醒;如對帳目有疑問,歡迎隨時與我們聯絡。\n\n" +
      ZH_TW_SIGN,
  },
  {
    lang: "zh-TW",
    stage: "reminder",
    subject: "付款提醒:{{overdueCount}}筆款項已過付款期限",
    body:
      ZH_TW_HEAD +
      "敬愛的客戶:\n\n經核對,截至{{asOf}},貴公司有{{overdueCount}}筆款項已過付款期限,合計{{overdueTotal}}{{currencyUnit}}" +
      "(約{{overdueTotalWan}}萬{{currencyUnit}})。明細如下:\n\n{{invoiceTable}}\n\n" +
      "請貴公司於{{replyBy}}前安排付款,並將付款憑證寄送至{{email}}。如款項已經支付,請告知付款日期與金額,以便我們及時核對。\n\n" +
      "收款帳戶如下:\n" +
      ZH_TW_PAY +
      "\n按時付款是雙方長期合作的基礎,感謝貴公司的配合。\n\n" +
      ZH_TW_SIGN,
  },
  {
    lang: "zh-TW",
    stage: "formal",
    subject: "正式催款函:逾期帳款{{overdueTotal}}{{currencyUnit}}",
    body:
      ZH_TW_HEAD +
      "敬愛的客戶:\n\n經本公司核對,截至{{asOf}},貴公司共有{{overdueCount}}筆應付帳款已逾期,逾期本金合計{{overdueTotal}}{{currencyUnit}}" +
      "(約{{overdueTotalWan}}萬{{currencyUnit}}),按每日{{interestRate}}計算的逾期利息合計{{interestTotal}}{{currencyUnit}};" +
      "貴公司在本公司的應收餘額合計{{outstandingTotal}}{{currencyUnit}}。明細如下:\n\n{{invoiceTable}}\n\n" +
      "本公司此前已多次提醒,上述款項至今仍未支付。現正式要求貴公司於{{replyBy}}前付清上述逾期本金及逾期利息,匯入以下帳戶:\n" +
      ZH_TW_PAY +
      "\n付款後請將付款憑證寄送至{{email}},並在下方回執簽字蓋章後回傳本公司確認。如對上述帳目有異議,請於同一日期前書面提出,逾期未提出視為確認。\n\n" +
      "如貴公司未能在上述期限內付款,本公司將暫停對貴公司供貨,調降直至取消貴公司的信用額度,後續交易改為款到發貨;逾期利息將繼續計收至實際付款之日。\n\n" +
      ZH_TW_SIGN +
      "\n\n—— 回執 ——\n本公司確認收到{{company}}於{{asOf}}發出的催款函,確認逾期本金{{overdueTotal}}{{currencyUnit}}無誤,並將於____年__月__日前付清。\n" +
      "客戶(蓋章):{{customer}}    簽字:__________    日期:__________",
  },
  {
    lang: "zh-TW",
    stage: "lawyer",
    subject: "律師函:關於{{customer}}拖欠{{company}}貨款事宜",
    body:
      ZH_TW_HEAD +
      "{{customer}}:\n\n{{company}}已就貴公司拖欠貨款一事委託法律顧問處理。根據雙方交易憑證及本公司帳冊記載,截至{{asOf}}," +
      "貴公司拖欠本公司到期貨款{{overdueCount}}筆,本金合計{{overdueTotal}}{{currencyUnit}}(約{{overdueTotalWan}}萬{{currencyUnit}})," +
      "逾期利息合計{{interestTotal}}{{currencyUnit}},最長已逾期{{maxDaysOverdue}}天。明細如下:\n\n{{invoiceTable}}\n\n" +
      "經本公司多次書面及電話催收,貴公司仍未付款,已構成違約。現正式函告:\n" +
      "一、請貴公司於{{replyBy}}前將上述逾期本金及逾期利息全部付清,匯入以下帳戶:\n" +
      ZH_TW_PAY +
      "二、自即日起,本公司已停止對貴公司供貨,並取消貴公司的信用額度。\n" +
      "三、逾期未付,本公司將不再另行通知,依法提起訴訟或申請仲裁,追討欠款本金、逾期利息以及由此產生的訴訟費、律師費、保全費等全部費用。\n\n" +
      "特此函告。\n\n聯絡人:{{financeContact}}  電話:{{phone}}  電子郵件:{{email}}\n\n{{company}}\n{{asOf}}",
  },
  {
    lang: "zh-TW",
    stage: "legal",
    subject: "法律程序移交摘要:{{customer}}",
    body:
      "法律程序移交摘要(內部)\n\n" +
      "客戶:{{customer}}\n客戶聯絡人:{{contact}}\n截止日期:{{asOf}}\n催收階段:{{stageName}}\n幣別:{{currency}}\n" +
      "逾期筆數:{{overdueCount}}\n逾期本金:{{overdueTotal}}{{currencyUnit}}(約{{overdueTotalWan}}萬{{currencyUnit}})\n" +
      "逾期利息(日利率{{interestRate}}):{{interestTotal}}{{currencyUnit}}\n應收餘額合計:{{outstandingTotal}}{{currencyUnit}}\n" +
      "最長逾期天數:{{maxDaysOverdue}}\n\n逾期明細(不含爭議發票):\n\n{{invoiceTable}}\n\n" +
      "已採取措施:到期提醒、付款提醒、電話催收、正式催款函、律師函。\n" +
      "建議:報公司管理階層核准後,委託律師事務所提起訴訟或交由專業機構催收,並考慮聲請財產保全。\n\n" +
      "經辦人:{{financeContact}}  電話:{{phone}}  電子郵件:{{email}}\n{{company}} 財務部",
  },
];

// ---------------------------------------------------------------- English

const EN_HEAD = "To: {{customer}}\nAttention: {{contact}}\nDate: {{asOf}}\n\n";
const EN_PAY = "Payee: {{company}}\nBank: {{bankName}}\nAccount: {{bankAccount}}\n";
const EN_SIGN = "Contact: {{financeContact}}  Phone: {{phone}}  Email: {{email}}\n\n{{company}}, Finance Department\n{{asOf}}";

const EN: LetterTemplate[] = [
  {
    lang: "en",
    stage: "preDue",
    subject: "Payment reminder: {{dueSoonCount}} invoice(s) coming due",
    body:
      EN_HEAD +
      "Dear Customer,\n\nThank you for your continued business with {{company}}.\n\n" +
      "As of {{asOf}}, {{dueSoonCount}} invoice(s) totalling {{currency}} {{dueSoonTotal}} will fall due shortly, " +
      "the first on {{nextDueDate}}:\n\n{{invoiceTable}}\n\n" +
      "Please arrange payment by the due dates to the following account:\n" +
      EN_PAY +
      "\nIf payment is already on its way, please disregard this notice. Should you have any question about these invoices, do not hesitate to contact us.\n\n" +
      EN_SIGN,
  },
  {
    lang: "en",
    stage: "reminder",
    subject: "Payment reminder: {{overdueCount}} invoice(s) past due",
    body:
      EN_HEAD +
      "Dear Customer,\n\nOur records show that as of {{asOf}}, {{overdueCount}} invoice(s) totalling {{currency}} {{overdueTotal}} " +
      "have passed their due date:\n\n{{invoiceTable}}\n\n" +
      "Please arrange payment by {{replyBy}} and send the remittance advice to {{email}}. If you have already paid, " +
      "kindly tell us the date and amount so that we can match it.\n\n" +
      "Our account:\n" +
      EN_PAY +
      "\nPayment on time is the basis of our long-standing cooperation. Thank you for your attention.\n\n" +
      EN_SIGN,
  },
  {
    lang: "en",
    stage: "formal",
    subject: "Formal demand for payment: overdue balance {{currency}} {{overdueTotal}}",
    body:
      EN_HEAD +
      "Dear Customer,\n\nAs of {{asOf}}, {{overdueCount}} invoice(s) on your account are overdue, with overdue principal of " +
      "{{currency}} {{overdueTotal}} and late interest at {{interestRate}} per day of {{currency}} {{interestTotal}}. " +
      "Your total outstanding balance with us is {{currency}} {{outstandingTotal}}. Details:\n\n{{invoiceTable}}\n\n" +
      "Despite our earlier reminders these amounts remain unpaid. We hereby formally demand payment of the overdue principal " +
      "and late interest in full by {{replyBy}} to the following account:\n" +
      EN_PAY +
      "\nOnce paid, please send proof of payment to {{email}} and return the signed and stamped acknowledgement below. " +
      "Any dispute about these figures must reach us in writing by the same date; otherwise the balance is taken as confirmed.\n\n" +
      "If payment is not received by that date, we will suspend all deliveries to you, reduce or withdraw your credit limit " +
      "and supply only against payment in advance. Late interest continues to accrue until the day of payment.\n\n" +
      EN_SIGN +
      "\n\n--- Acknowledgement ---\nWe confirm receipt of the demand issued by {{company}} on {{asOf}}, confirm the overdue principal of " +
      "{{currency}} {{overdueTotal}}, and will pay it in full by ____-__-__.\n" +
      "Customer (stamp): {{customer}}    Signature: __________    Date: __________",
  },
  {
    lang: "en",
    stage: "lawyer",
    subject: "Letter before action: debt owed by {{customer}} to {{company}}",
    body:
      EN_HEAD +
      "{{customer}},\n\n{{company}} has instructed its legal counsel regarding your unpaid account. According to the transaction " +
      "records and our books, as of {{asOf}} you owe us {{overdueCount}} overdue invoice(s) with principal of {{currency}} {{overdueTotal}} " +
      "and late interest of {{currency}} {{interestTotal}}; the oldest is {{maxDaysOverdue}} days overdue. Details:\n\n{{invoiceTable}}\n\n" +
      "Despite repeated written and telephone reminders, no payment has been made, which constitutes a breach of contract. " +
      "We give you formal notice that:\n" +
      "1. The overdue principal and late interest must be paid in full by {{replyBy}} to:\n" +
      EN_PAY +
      "2. With immediate effect, deliveries to you are stopped and your credit limit is withdrawn.\n" +
      "3. Failing payment by that date, we will without further notice commence legal or arbitration proceedings to recover the " +
      "principal, late interest and all costs incurred, including court, legal and preservation fees.\n\n" +
      "Contact: {{financeContact}}  Phone: {{phone}}  Email: {{email}}\n\n{{company}}\n{{asOf}}",
  },
  {
    lang: "en",
    stage: "legal",
    subject: "Legal referral summary: {{customer}}",
    body:
      "Legal referral summary (internal)\n\n" +
      "Customer: {{customer}}\nCustomer contact: {{contact}}\nAs of: {{asOf}}\nStage: {{stageName}}\nCurrency: {{currency}}\n" +
      "Overdue invoices: {{overdueCount}}\nOverdue principal: {{currency}} {{overdueTotal}}\n" +
      "Late interest ({{interestRate}} per day): {{currency}} {{interestTotal}}\nTotal outstanding: {{currency}} {{outstandingTotal}}\n" +
      "Oldest overdue: {{maxDaysOverdue}} days\n\nOverdue invoices (disputed excluded):\n\n{{invoiceTable}}\n\n" +
      "Steps taken: pre-due notice, payment reminder, phone follow-up, formal demand, letter before action.\n" +
      "Recommendation: with management approval, instruct a law firm to sue or refer to a collection agency, and consider an asset preservation order.\n\n" +
      "Prepared by: {{financeContact}}  Phone: {{phone}}  Email: {{email}}\n{{company}}, Finance Department",
  },
];

/**
 * The default letters: preDue, reminder, formal, lawyer and legal (the letter stages of the
 * default ladder) × zh-CN, zh-TW, en — 15 templates. Tone rises with the stage.
 * @example DEFAULT_TEMPLATES.length // 15
 * @example DEFAULT_TEMPLATES.find((t) => t.stage === "formal" && t.lang === "zh-CN")?.subject
 * // "正式催款函:逾期账款{{overdueTotal}}{{currencyUnit}}"
 */
export const DEFAULT_TEMPLATES: readonly LetterTemplate[] = [...ZH_CN, ...ZH_TW, ...EN];

/**
 * Call scripts for the phone follow-up stage, which sends no letter. They use the same merge
 * fields and render with `renderLetter`; the subject is the title of the call log entry.
 * @example DEFAULT_CALL_SCRIPTS.map((t) => t.lang) // ["zh-CN", "zh-TW", "en"]
 */
export const DEFAULT_CALL_SCRIPTS: readonly LetterTemplate[] = [
  {
    lang: "zh-CN",
    stage: "phone",
    subject: "电话催收:{{customer}}",
    body:
      "1. 您好,请问是{{customer}}的{{contact}}吗?我是{{company}}财务部的{{financeContact}}。\n" +
      "2. 截至{{asOf}},我们的记录显示贵公司有{{overdueCount}}笔款项已逾期,合计{{overdueTotal}}{{currencyUnit}},最长已逾期{{maxDaysOverdue}}天。\n\n" +
      "{{invoiceTable}}\n\n" +
      "3. 请问款项未付的原因是什么?是否对账目有疑问?\n" +
      "4. 请确认具体付款日期和金额。我们需要在{{replyBy}}前收到款项。\n" +
      "5. 收款账户:{{bankName}} {{bankAccount}}。付款凭证请发送至{{email}}。\n" +
      "6. 如逾期超过三十天仍未付款,我司将发出正式催款函并计收逾期利息。\n" +
      "记录:通话时间、接听人、客户说明的原因、承诺付款日期及金额。",
  },
  {
    lang: "zh-TW",
    stage: "phone",
    subject: "電話催收:{{customer}}",
    body:
      "1. 您好,請問是{{customer}}的{{contact}}嗎?我是{{company}}財務部的{{financeContact}}。\n" +
      "2. 截至{{asOf}},我們的記錄顯示貴公司有{{overdueCount}}筆款項已逾期,合計{{overdueTotal}}{{currencyUnit}},最長已逾期{{maxDaysOverdue}}天。\n\n" +
      "{{invoiceTable}}\n\n" +
      "3. 請問款項未付的原因是什麼?是否對帳目有疑問?\n" +
      "4. 請確認具體付款日期與金額。我們需要在{{replyBy}}前收到款項。\n" +
      "5. 收款帳戶:{{bankName}} {{bankAccount}}。付款憑證請寄送至{{email}}。\n" +
      "6. 如逾期超過三十天仍未付款,本公司將發出正式催款函並計收逾期利息。\n" +
      "記錄:通話時間、接聽人、客戶說明的原因、承諾付款日期及金額。",
  },
  {
    lang: "en",
    stage: "phone",
    subject: "Collection call: {{customer}}",
    body:
      "1. Good morning, may I speak to {{contact}} of {{customer}}? This is {{financeContact}} from {{company}} finance.\n" +
      "2. As of {{asOf}}, our records show {{overdueCount}} overdue invoice(s) totalling {{currency}} {{overdueTotal}}; the oldest is {{maxDaysOverdue}} days overdue.\n\n" +
      "{{invoiceTable}}\n\n" +
      "3. What is holding the payment? Is there any question about these invoices?\n" +
      "4. Please confirm the payment date and amount. We need to receive the payment by {{replyBy}}.\n" +
      "5. Our account: {{bankName}} {{bankAccount}}. Please send the remittance advice to {{email}}.\n" +
      "6. Past 30 days overdue we will issue a formal demand and charge late interest.\n" +
      "Log: time of call, person reached, reason given, promised date and amount.",
  },
];
