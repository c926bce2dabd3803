import { FIELD_SYNONYMS, fieldLabel, mapHeaders, normalizeHeader } from "../../src/workbook/headers";
import { columnLetter, customerKey, CustomerNames, editDistance, normalizeText } from "../../src/workbook/text";

describe("text normalisation", () => {
  it("turns full-width into half-width, trims, collapses spaces and lower-cases", () => {
    expect(normalizeText("  ＡＢＣ１２３　　Ltd ")).toBe("abc123 ltd");
    expect(normalizeHeader("客户名称（全称）")).toBe("客户名称(全称)");
  });

  it("gives one customer key to names differing only by spaces, width or case", () => {
    const keys = ["ACME Ltd", "ACME  Ltd", "ＡＣＭＥ Ltd", " acme ltd "].map(customerKey);
    expect(new Set(keys).size).toBe(1);
    expect(customerKey("华为 技术")).toBe(customerKey("华为技术"));
    expect(customerKey("ACME Ltd")).not.toBe(customerKey("ACME Co"));
  });

  it("keeps the first spelling seen as the display name", () => {
    const names = new CustomerNames();
    expect(names.displayName("ACME  Ltd")).toBe("ACME Ltd");
    expect(names.displayName("ＡＣＭＥ ltd")).toBe("ACME Ltd");
    expect(names.displayName("Beta")).toBe("Beta");
    expect(names.find("beta")).toBe("Beta");
  });

  it("names columns as Excel does", () => {
    expect([0, 3, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "D", "Z", "AA", "AB", "ZZ", "AAA"]);
  });

  it("measures edit distance up to a limit", () => {
    expect(editDistance("custmer", "customer", 1)).toBe(1);
    expect(editDistance("amount", "amount", 1)).toBe(0);
    expect(editDistance("region", "reason", 1)).toBe(2);
  });
});

describe("mapHeaders for invoices", () => {
  it("maps Simplified Chinese headers", () => {
    const row = ["客户名称", "发票号码", "开票日期", "到期日", "价税合计", "已收金额", "币种", "业务员", "区域", "是否争议", "账期"];
    const mapping = mapHeaders(row, "invoices");
    expect(mapping.columns).toEqual({
      customer: 0, invoiceNo: 1, invoiceDate: 2, dueDate: 3, amount: 4, received: 5,
      currency: 6, salesperson: 7, region: 8, disputed: 9, paymentTermDays: 10,
    });
    expect(mapping.missing).toEqual([]);
    expect(mapping.warnings).toEqual([]);
    expect(mapping.unknownHeaders).toEqual([]);
  });

  it("maps Traditional Chinese headers", () => {
    const row = ["客戶名稱", "發票號碼", "開票日期", "應收日期", "應收金額", "實收", "幣別", "業務員", "區域", "爭議", "帳期"];
    const mapping = mapHeaders(row, "invoices");
    expect(mapping.columns).toEqual({
      customer: 0, invoiceNo: 1, invoiceDate: 2, dueDate: 3, amount: 4, received: 5,
      currency: 6, salesperson: 7, region: 8, disputed: 9, paymentTermDays: 10,
    });
  });

  it("maps English headers, with a unit in brackets", () => {
    const row = ["Customer name", "Invoice #", "Invoice date", "Due date", "Amount (CNY)", "Amount paid", "Ccy", "Sales rep", "Region", "Disputed", "Payment terms"];
    const mapping = mapHeaders(row, "invoices");
    expect(mapping.columns).toEqual({
      customer: 0, invoiceNo: 1, invoiceDate: 2, dueDate: 3, amount: 4, received: 5,
      currency: 6, salesperson: 7, region: 8, disputed: 9, paymentTermDays: 10,
    });
  });

  it("ignores width, spacing and case", () => {
    const mapping = mapHeaders(["  ＣＵＳＴＯＭＥＲ ", "invoice   NO", "DUE　DATE", "ａｍｏｕｎｔ"], "invoices");
    expect(mapping.columns).toEqual({ customer: 0, invoiceNo: 1, dueDate: 2, amount: 3 });
    expect(mapping.warnings).toEqual([]);
  });

  it("finds a synonym inside a longer header, preferring the longest one", () => {
    const mapping = mapHeaders(["客户名称(全称)", "单据编号", "单据日期", "金额（元）", "已收金额(元)", "备注"], "invoices");
    expect(mapping.columns).toEqual({ customer: 0, invoiceNo: 1, invoiceDate: 2, amount: 3, received: 4 });
    expect(mapping.unknownHeaders).toEqual(["备注"]);
  });

  it("does not find an English synonym inside another word", () => {
    const mapping = mapHeaders(["Customer", "Overdue days", "Invoice date", "Amount"], "invoices");
    expect(mapping.columns.dueDate).toBeUndefined();
    expect(mapping.unknownHeaders).toEqual(["Overdue days"]);
  });

  it("takes a one-letter typo with a warning naming the column", () => {
    const mapping = mapHeaders(["Custmer", "Invoice No", "Due date", "Amount"], "invoices", { firstCol: 1 });
    expect(mapping.columns.customer).toBe(0);
    expect(mapping.warnings).toHaveLength(1);
    expect(mapping.warnings[0]).toContain('Column B header "Custmer"');
    expect(mapping.warnings[0]).toContain("customer");
  });

  it("reports the taken columns with sheet letters", () => {
    const mapping = mapHeaders(["客户", "金额", "到期日"], "invoices", { firstCol: 2 });
    expect(mapping.taken).toEqual([
      { field: "customer", header: "客户", column: "C" },
      { field: "amount", header: "金额", column: "D" },
      { field: "dueDate", header: "到期日", column: "E" },
    ]);
  });

  it("lists missing required fields; a due date or an invoice date is enough", () => {
    expect(mapHeaders(["客户", "备注"], "invoices").missing).toEqual(["amount", "dueDate"]);
    expect(mapHeaders(["客户", "金额", "开票日期"], "invoices").missing).toEqual([]);
  });

  it("warns when there is no invoice-number column", () => {
    const mapping = mapHeaders(["客户", "金额", "到期日"], "invoices");
    expect(mapping.warnings.join(" ")).toContain('"row 12"');
  });

  it("warns when two columns carry the same header, using the first", () => {
    const mapping = mapHeaders(["客户", "金额", "到期日", "客户"], "invoices");
    expect(mapping.columns.customer).toBe(0);
    expect(mapping.warnings.join(" ")).toContain("Column D");
  });

  it("lets a remembered mapping win over the synonyms", () => {
    const mapping = mapHeaders(["往来户", "客户", "金额", "到期日"], "invoices", { mapping: { customer: "往来户" } });
    expect(mapping.columns.customer).toBe(0);
    const stale = mapHeaders(["客户", "金额", "到期日"], "invoices", { mapping: { customer: "往来户" } });
    expect(stale.columns.customer).toBe(0);
    expect(stale.warnings.join(" ")).toContain('Remembered column "往来户"');
  });

  it("scores nothing for a title row", () => {
    expect(mapHeaders(["2026年3月 应收账款明细表"], "invoices").score).toBe(0);
  });
});

describe("mapHeaders for customers, payments and promises", () => {
  it("maps a customers table in Chinese and English", () => {
    const zh = mapHeaders(["客户名称", "信用额度", "临时额度", "信用等级", "账期", "联系人", "邮箱", "地址"], "customers");
    expect(zh.columns).toEqual({ name: 0, fixedLimit: 1, temporaryLimit: 2, gradeOverride: 3, paymentTermDays: 4, contact: 5, email: 6, address: 7 });
    const en = mapHeaders(["Customer", "Credit limit", "Temporary limit", "Grade", "E-mail"], "customers");
    expect(en.columns).toEqual({ name: 0, fixedLimit: 1, temporaryLimit: 2, gradeOverride: 3, email: 4 });
  });

  it("maps a payments table", () => {
    const mapping = mapHeaders(["回款日期", "客户", "回款金额", "对应发票"], "payments");
    expect(mapping.columns).toEqual({ date: 0, customer: 1, amount: 2, invoiceRef: 3 });
    expect(mapping.missing).toEqual([]);
  });

  it("maps a promises table", () => {
    const mapping = mapHeaders(["客户", "承诺日期", "承诺金额"], "promises");
    expect(mapping.columns).toEqual({ customer: 0, promisedDate: 1, amount: 2 });
  });

  it("labels fields with a Chinese and an English synonym", () => {
    expect(fieldLabel("invoices", "customer")).toBe("customer (客户 / Customer)");
    expect(FIELD_SYNONYMS.invoices.amount).toContain("价税合计");
  });
});
