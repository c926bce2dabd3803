/**
 * Every string the task pane shows, in Simplified Chinese, Traditional Chinese and English, and
 * the choice of language and theme from what Office reports. Sheet headers and job messages live
 * in src/i18n/labels.ts; these are the pane's own words.
 */
import type { Lang } from "../rules/types";

/** The pane's words. `{name}` marks a value filled in with `fill`. */
export interface PaneStrings {
  appTitle: string;
  tabs: { aging: string; flags: string; letters: string; settings: string; errors: string };
  aging: {
    asOf: string;
    asOfHint: string;
    asOfInvalid: string;
    run: string;
    cancel: string;
    progress: string;
    summaryTitle: string;
    currency: string;
    customers: string;
    outstanding: string;
    overdue: string;
    overduePct: string;
    interest: string;
    goToSheet: string;
    /** `{list}` */
    written: string;
    notWritten: string;
    /** `{count}` */
    dataErrors: string;
  };
  flags: {
    check: string;
    empty: string;
    hint: string;
    needAging: string;
    customer: string;
    effectiveLimit: string;
    outstanding: string;
    excess: string;
    reasons: string;
    stage: string;
    /** `{customer}` */
    selectRow: string;
  };
  letters: {
    stage: string;
    allStages: string;
    customers: string;
    preview: string;
    none: string;
    subject: string;
    copy: string;
    copied: string;
    copyFailed: string;
    writeSheet: string;
    /** `{list}` */
    written: string;
    email: string;
    noEmail: string;
    /** `{list}` */
    unknownFields: string;
    /** `{list}` */
    missingValues: string;
    /** `{customer}` */
    letterFor: string;
  };
  settings: {
    loading: string;
    buckets: string;
    bucketEdges: string;
    bucketEdgesHint: string;
    interest: string;
    dailyRate: string;
    dailyRateHint: string;
    graceDays: string;
    escalation: string;
    /** `{stage}` */
    stageFrom: string;
    /** `{stage}` */
    stageTo: string;
    stageToHint: string;
    limit: string;
    temporaryRatio: string;
    temporaryRatioHint: string;
    cuts: string;
    cutsHint: string;
    company: string;
    companyName: string;
    financeContact: string;
    phone: string;
    bankName: string;
    bankAccount: string;
    templates: string;
    templateStage: string;
    templateLang: string;
    templateSubject: string;
    templateBody: string;
    /** `{list}` */
    unknownFields: string;
    mergeFields: string;
    save: string;
    saved: string;
    /** Followed by the list of values the settings sheet sets, each with its cell. */
    sheetWins: string;
    invalid: string;
    otherErrors: string;
  };
  mapping: {
    title: string;
    /** `{list}` */
    intro: string;
    none: string;
    save: string;
    fields: Record<string, string>;
  };
  errors: {
    empty: string;
    hint: string;
    sheet: string;
    row: string;
    column: string;
    message: string;
    /** `{sheet}`, `{cell}` */
    selectCell: string;
  };
  replace: {
    title: string;
    /** `{list}` */
    body: string;
    replace: string;
    keep: string;
  };
  problems: {
    title: string;
    cancelled: string;
    /** `{message}` */
    excel: string;
    next: string;
    boundary: string;
    dismiss: string;
  };
  languages: Record<Lang, string>;
}

const ZH_CN: PaneStrings = {
  appTitle: "应收账款助手",
  tabs: { aging: "生成账龄", flags: "超额度客户", letters: "催款函", settings: "设置", errors: "数据错误" },
  aging: {
    asOf: "截止日期",
    asOfHint: "格式 YYYY-MM-DD，默认今天",
    asOfInvalid: "请输入有效日期，格式 YYYY-MM-DD，例如 2026-03-31。",
    run: "生成账龄表",
    cancel: "取消",
    progress: "进度",
    summaryTitle: "汇总",
    currency: "币种",
    customers: "客户数",
    outstanding: "应收余额",
    overdue: "逾期金额",
    overduePct: "逾期占比",
    interest: "罚息",
    goToSheet: "转到工作表",
    written: "已写入工作表：{list}",
    notWritten: "未写入任何工作表。",
    dataErrors: "发现 {count} 处数据问题，请在“数据错误”中查看。",
  },
  flags: {
    check: "检查客户额度",
    empty: "没有客户超出信用额度或需要停止供货。",
    hint: "选择一个客户，即可在账龄表中选中该客户所在行。",
    needAging: "请先生成账龄表，才能跳转到客户所在行。",
    customer: "客户",
    effectiveLimit: "有效额度",
    outstanding: "应收余额",
    excess: "超额度金额",
    reasons: "停货原因",
    stage: "催收阶段",
    selectRow: "在账龄表中选中 {customer}",
  },
  letters: {
    stage: "催收阶段",
    allStages: "全部阶段",
    customers: "客户",
    preview: "预览催款函",
    none: "所选阶段和客户没有需要发送的催款函。",
    subject: "主题",
    copy: "复制",
    copied: "已复制到剪贴板，可粘贴到邮件或 Word 中。",
    copyFailed: "无法访问剪贴板。请在正文中选中文字后按 Ctrl+C 复制。",
    writeSheet: "写入催款函工作表",
    written: "已写入工作表：{list}",
    email: "发送邮件",
    noEmail: "客户资料中没有邮箱",
    unknownFields: "模板中有未知字段：{list}",
    missingValues: "缺少数据：{list}",
    letterFor: "{customer} 的催款函",
  },
  settings: {
    loading: "正在读取工作簿中的设置…",
    buckets: "账龄区间",
    bucketEdges: "区间上限（天）",
    bucketEdgesHint: "用逗号分隔，升序，例如 0, 30, 60, 90",
    interest: "罚息",
    dailyRate: "日利率",
    dailyRateHint: "例如 0.0005（即万分之五）",
    graceDays: "宽限天数",
    escalation: "催收阶梯",
    stageFrom: "{stage}：起始天数",
    stageTo: "{stage}：结束天数",
    stageToHint: "留空表示不设上限",
    limit: "信用额度",
    temporaryRatio: "临时额度上限（占固定额度比例）",
    temporaryRatioHint: "例如 0.5 表示 50%",
    cuts: "逾期扣减额度",
    cutsHint: "逾期次数：扣减比例，逗号分隔，例如 1:0.1, 2:0.3, 3:0.5",
    company: "我司信息",
    companyName: "公司名称",
    financeContact: "财务联系人",
    phone: "电话",
    bankName: "开户银行",
    bankAccount: "银行账号",
    templates: "催款函模板",
    templateStage: "模板阶段",
    templateLang: "模板语言",
    templateSubject: "模板主题",
    templateBody: "模板正文",
    unknownFields: "未知的合并字段：{list}。它们会原样留在信中，请检查拼写。",
    mergeFields: "可用字段",
    save: "保存到工作簿",
    saved: "设置已保存到此工作簿，与文件一起共享。",
    sheetWins: "此工作簿的设置工作表设定了以下各项，生成报表时以工作表中的值为准，在此处保存不会改变它们。如需修改，请直接编辑工作表中的对应单元格：",
    invalid: "有设置无效，未保存。请修改标红的字段后再保存。",
    otherErrors: "其他问题",
  },
  mapping: {
    title: "指定列对应关系",
    intro: "发票表缺少必需的列：{list}。请为每个字段选择对应的表头，选择会保存在此工作簿中。",
    none: "（不使用）",
    save: "保存并重新生成",
    fields: {
      customer: "客户",
      invoiceNo: "发票号",
      invoiceDate: "开票日期",
      dueDate: "到期日",
      amount: "金额",
      received: "已收金额",
      currency: "币种",
    },
  },
  errors: {
    empty: "没有数据错误。",
    hint: "选择一条错误，即可在工作表中选中对应单元格。",
    sheet: "工作表",
    row: "行",
    column: "列",
    message: "问题",
    selectCell: "选中 {sheet} 的单元格 {cell}",
  },
  replace: {
    title: "替换之前生成的工作表？",
    body: "以下工作表是本加载项之前生成的，将被替换：{list}。您自己的工作表不会被覆盖。",
    replace: "替换",
    keep: "不替换",
  },
  problems: {
    title: "操作未完成",
    cancelled: "已取消，未写入任何内容。",
    excel: "Excel 未能完成请求：{message}",
    next: "请按 Esc 退出单元格编辑后重试；如仍失败，请保存工作簿并重新打开任务窗格。",
    boundary: "任务窗格出现意外错误。请关闭并重新打开任务窗格，工作簿内容未被修改。",
    dismiss: "关闭",
  },
  languages: { "zh-CN": "简体中文", "zh-TW": "繁體中文", en: "English" },
};

const ZH_TW: PaneStrings = {
  appTitle: "應收帳款助手",
  tabs: { aging: "產生帳齡", flags: "超額度客戶", letters: "催款函", settings: "設定", errors: "資料錯誤" },
  aging: {
    asOf: "截止日期",
    asOfHint: "格式 YYYY-MM-DD，預設為今天",
    asOfInvalid: "請輸入有效日期，格式 YYYY-MM-DD，例如 2026-03-31。",
    run: "產生帳齡表",
    cancel: "取消",
    progress: "進度",
    summaryTitle: "彙總",
    currency: "幣別",
    customers: "客戶數",
    outstanding: "應收餘額",
    overdue: "逾期金額",
    overduePct: "逾期占比",
    interest: "罰息",
    goToSheet: "前往工作表",
    written: "已寫入工作表：{list}",
    notWritten: "未寫入任何工作表。",
    dataErrors: "發現 {count} 處資料問題，請在「資料錯誤」中查看。",
  },
  flags: {
    check: "檢查客戶額度",
    empty: "沒有客戶超出信用額度或需要停止供貨。",
    hint: "選擇一個客戶，即可在帳齡表中選取該客戶所在列。",
    needAging: "請先產生帳齡表，才能跳到客戶所在列。",
    customer: "客戶",
    effectiveLimit: "有效額度",
    outstanding: "應收餘額",
    excess: "超額度金額",
    reasons: "停貨原因",
    stage: "催收階段",
    selectRow: "在帳齡表中選取 {customer}",
  },
  letters: {
    stage: "催收階段",
    allStages: "全部階段",
    customers: "客戶",
    preview: "預覽催款函",
    none: "所選階段和客戶沒有需要寄送的催款函。",
    subject: "主旨",
    copy: "複製",
    copied: "已複製到剪貼簿，可貼到郵件或 Word 中。",
    copyFailed: "無法存取剪貼簿。請在內文中選取文字後按 Ctrl+C 複製。",
    writeSheet: "寫入催款函工作表",
    written: "已寫入工作表：{list}",
    email: "寄送郵件",
    noEmail: "客戶資料中沒有電子郵件",
    unknownFields: "範本中有未知欄位：{list}",
    missingValues: "缺少資料：{list}",
    letterFor: "{customer} 的催款函",
  },
  settings: {
    loading: "正在讀取活頁簿中的設定…",
    buckets: "帳齡區間",
    bucketEdges: "區間上限（天）",
    bucketEdgesHint: "以逗號分隔，遞增，例如 0, 30, 60, 90",
    interest: "罰息",
    dailyRate: "日利率",
    dailyRateHint: "例如 0.0005（即萬分之五）",
    graceDays: "寬限天數",
    escalation: "催收階梯",
    stageFrom: "{stage}：起始天數",
    stageTo: "{stage}：結束天數",
    stageToHint: "留空表示不設上限",
    limit: "信用額度",
    temporaryRatio: "臨時額度上限（占固定額度比例）",
    temporaryRatioHint: "例如 0.5 表示 50%",
    cuts: "逾期扣減額度",
    cutsHint: "逾期次數：扣減比例，以逗號分隔，例如 1:0.1, 2:0.3, 3:0.5",
    company: "本公司資訊",
    companyName: "公司名稱",
    financeContact: "財務聯絡人",
    phone: "電話",
    bankName: "開戶銀行",
    bankAccount: "銀行帳號",
    templates: "催款函範本",
    templateStage: "範本階段",
    templateLang: "範本語言",
    templateSubject: "範本主旨",
    templateBody: "範本內文",
    unknownFields: "未知的合併欄位：{list}。它們會原樣留在信中，請檢查拼字。",
    mergeFields: "可用欄位",
    save: "儲存到活頁簿",
    saved: "設定已儲存到此活頁簿，會隨檔案一起共用。",
    sheetWins: "此活頁簿的設定工作表設定了下列各項，產生報表時以工作表中的值為準，在此處儲存不會改變它們。如需修改，請直接編輯工作表中的對應儲存格：",
    invalid: "有設定無效，未儲存。請修改標紅的欄位後再儲存。",
    otherErrors: "其他問題",
  },
  mapping: {
    title: "指定欄位對應",
    intro: "發票表缺少必要的欄：{list}。請為每個欄位選擇對應的表頭，選擇會儲存在此活頁簿中。",
    none: "（不使用）",
    save: "儲存並重新產生",
    fields: {
      customer: "客戶",
      invoiceNo: "發票號碼",
      invoiceDate: "開票日期",
      dueDate: "到期日",
      amount: "金額",
      received: "已收金額",
      currency: "幣別",
    },
  },
  errors: {
    empty: "沒有資料錯誤。",
    hint: "選擇一筆錯誤，即可在工作表中選取對應儲存格。",
    sheet: "工作表",
    row: "列",
    column: "欄",
    message: "問題",
    selectCell: "選取 {sheet} 的儲存格 {cell}",
  },
  replace: {
    title: "取代先前產生的工作表？",
    body: "下列工作表是本增益集先前產生的，將被取代：{list}。您自己的工作表不會被覆寫。",
    replace: "取代",
    keep: "不取代",
  },
  problems: {
    title: "作業未完成",
    cancelled: "已取消，未寫入任何內容。",
    excel: "Excel 無法完成要求：{message}",
    next: "請按 Esc 結束儲存格編輯後重試；如仍失敗，請儲存活頁簿並重新開啟工作窗格。",
    boundary: "工作窗格發生意外錯誤。請關閉並重新開啟工作窗格，活頁簿內容未被修改。",
    dismiss: "關閉",
  },
  languages: { "zh-CN": "简体中文", "zh-TW": "繁體中文", en: "English" },
};

const EN: PaneStrings = {
  appTitle: "Receivables Assistant",
  tabs: { aging: "Generate aging", flags: "Over-limit customers", letters: "Reminder letters", settings: "Settings", errors: "Data errors" },
  aging: {
    asOf: "As-of date",
    asOfHint: "YYYY-MM-DD; today by default",
    asOfInvalid: "Enter a valid date as YYYY-MM-DD, for example 2026-03-31.",
    run: "Generate aging",
    cancel: "Cancel",
    progress: "Progress",
    summaryTitle: "Summary",
    currency: "Currency",
    customers: "Customers",
    outstanding: "Outstanding",
    overdue: "Overdue",
    overduePct: "% overdue",
    interest: "Late interest",
    goToSheet: "Go to sheet",
    written: "Sheets written: {list}",
    notWritten: "No sheet was written.",
    dataErrors: "{count} data problems found; see Data errors.",
  },
  flags: {
    check: "Check credit limits",
    empty: "No customer is over its credit limit or to be stopped.",
    hint: "Choose a customer to select its row in the aging sheet.",
    needAging: "Generate the aging sheet first to go to a customer's row.",
    customer: "Customer",
    effectiveLimit: "Effective limit",
    outstanding: "Outstanding",
    excess: "Excess",
    reasons: "Stop-shipping reasons",
    stage: "Stage",
    selectRow: "Select {customer} in the aging sheet",
  },
  letters: {
    stage: "Stage",
    allStages: "All stages",
    customers: "Customers",
    preview: "Preview letters",
    none: "No letters for this stage and these customers.",
    subject: "Subject",
    copy: "Copy",
    copied: "Copied: paste it into an email or Word.",
    copyFailed: "The clipboard is not available. Select the letter text and press Ctrl+C.",
    writeSheet: "Write letters sheet",
    written: "Sheets written: {list}",
    email: "Email",
    noEmail: "No email address in the customer table",
    unknownFields: "Unknown fields in the template: {list}",
    missingValues: "Missing data: {list}",
    letterFor: "Letter to {customer}",
  },
  settings: {
    loading: "Reading the settings stored in the workbook…",
    buckets: "Aging buckets",
    bucketEdges: "Bucket upper edges (days)",
    bucketEdgesHint: "Comma-separated, ascending, e.g. 0, 30, 60, 90",
    interest: "Late interest",
    dailyRate: "Daily rate",
    dailyRateHint: "e.g. 0.0005 (0.05% a day)",
    graceDays: "Grace days",
    escalation: "Escalation ladder",
    stageFrom: "{stage}: from day",
    stageTo: "{stage}: to day",
    stageToHint: "Leave empty for no upper end",
    limit: "Credit limits",
    temporaryRatio: "Temporary limit, at most this share of the fixed limit",
    temporaryRatioHint: "e.g. 0.5 for 50%",
    cuts: "Limit cuts for late payments",
    cutsHint: "late payments:cut, comma-separated, e.g. 1:0.1, 2:0.3, 3:0.5",
    company: "Our company",
    companyName: "Company name",
    financeContact: "Finance contact",
    phone: "Phone",
    bankName: "Bank name",
    bankAccount: "Bank account",
    templates: "Letter templates",
    templateStage: "Template stage",
    templateLang: "Template language",
    templateSubject: "Template subject",
    templateBody: "Template body",
    unknownFields: "Unknown merge fields: {list}. They stay in the letter as typed; check the spelling.",
    mergeFields: "Merge fields",
    save: "Save to workbook",
    saved: "Settings saved in this workbook; they travel with the file.",
    sheetWins: "The workbook's settings sheet sets the values below. Reports use the sheet's values for them, so saving here does not change them; edit those cells on the sheet instead:",
    invalid: "Some settings are not valid and nothing was saved. Fix the marked fields and save again.",
    otherErrors: "Other problems",
  },
  mapping: {
    title: "Which column is which?",
    intro: "The invoices table lacks required columns: {list}. Choose the header for each field; the choice is remembered in this workbook.",
    none: "(not used)",
    save: "Remember and run again",
    fields: {
      customer: "Customer",
      invoiceNo: "Invoice number",
      invoiceDate: "Invoice date",
      dueDate: "Due date",
      amount: "Amount",
      received: "Amount received",
      currency: "Currency",
    },
  },
  errors: {
    empty: "No data errors.",
    hint: "Choose an error to select its cell.",
    sheet: "Sheet",
    row: "Row",
    column: "Column",
    message: "Problem",
    selectCell: "Select cell {cell} of {sheet}",
  },
  replace: {
    title: "Replace sheets generated earlier?",
    body: "These sheets were generated by this add-in earlier and will be replaced: {list}. Your own sheets are never overwritten.",
    replace: "Replace",
    keep: "Keep them",
  },
  problems: {
    title: "Not done",
    cancelled: "Cancelled. Nothing was written.",
    excel: "Excel could not complete the request: {message}",
    next: "Press Esc to leave cell editing and try again; if it still fails, save the workbook and reopen the pane.",
    boundary: "The pane hit an unexpected error. Close and reopen the pane; your workbook was not changed.",
    dismiss: "Dismiss",
  },
  languages: { "zh-CN": "简体中文", "zh-TW": "繁體中文", en: "English" },
};

/**
 * The pane's strings in each language.
 * @example PANE_STRINGS.en.tabs.aging // "Generate aging"
 */
export const PANE_STRINGS: Record<Lang, PaneStrings> = { "zh-CN": ZH_CN, "zh-TW": ZH_TW, en: EN };

/**
 * The pane's language from Office's display language: zh-TW, zh-HK and zh-MO (and zh-Hant) read
 * Traditional Chinese, any other zh-* Simplified Chinese, everything else English.
 * @param displayLanguage e.g. "zh-CN", "zh-HK", "en-US"; undefined outside Office
 * @returns the pane language
 * @example paneLanguage("zh-HK") // "zh-TW"
 */
export function paneLanguage(displayLanguage: string | undefined): Lang {
  const tag = (displayLanguage ?? "").trim().toLowerCase().replace(/_/g, "-");
  if (/^zh-(tw|hk|mo|hant)\b/.test(tag)) return "zh-TW";
  if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
  return "en";
}

/**
 * Whether an Office theme colour is dark (relative luminance below one half).
 * @param color "#RRGGBB" or "#RGB"; anything else counts as light
 * @returns true for a dark background
 * @example isDarkColor("#262626") // true
 */
export function isDarkColor(color: string | undefined): boolean {
  const hex = (color ?? "").trim().replace(/^#/, "");
  const full = /^[0-9a-f]{3}$/i.test(hex) ? hex.replace(/./g, (digit) => digit + digit) : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return false;
  const [red, green, blue] = [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16) / 255);
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5;
}

/**
 * Fills `{name}` placeholders.
 * @param template text with placeholders
 * @param values the values
 * @returns the text; unknown placeholders stay as written
 * @example fill("Sheets written: {list}", { list: "Aging" }) // "Sheets written: Aging"
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
