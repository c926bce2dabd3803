import { fromYmd } from "../../src/rules/dates";
import { amount } from "../support/money";
import {
  DEFAULT_CALL_SCRIPTS,
  DEFAULT_TEMPLATES,
  MERGE_FIELDS,
  findTemplate,
  formatAmount,
  formatWan,
  lettersForReport,
  renderLetter,
  validateTemplate,
  type LetterTemplate,
} from "../../src/rules/letters";
import type { Lang, Report } from "../../src/rules/types";
import { AS_OF, POLICY, customerReport, formalCustomer, item } from "./letters-fixtures";

const ctx = (lang: Lang) => ({ asOf: AS_OF, policy: POLICY, lang, scale: 2 });
const template = (stage: string, lang: Lang): LetterTemplate => {
  const found = DEFAULT_TEMPLATES.find((t) => t.stage === stage && t.lang === lang);
  if (!found) throw new Error(`no default ${stage} ${lang}`);
  return found;
};

describe("amount formatting", () => {
  it("groups thousands with two decimals, half-up", () => {
    expect(formatAmount(amount("1234567.8"), 2)).toBe("1,234,567.80");
    expect(formatAmount(amount("999.995", 3), 3)).toBe("1,000.00");
    expect(formatAmount(amount("0"), 2)).toBe("0.00");
    expect(formatAmount(amount("-1234.5"), 2)).toBe("-1,234.50");
  });

  it("shows 万 with two decimals: 1,234,567.80 → 123.46; 12,345,678.90 → 1,234.57", () => {
    expect(formatWan(amount("1234567.80"), 2)).toBe("123.46");
    expect(formatWan(amount("12345678.90"), 2)).toBe("1,234.57");
    expect(formatWan(amount("50"), 2)).toBe("0.01");
  });
});

describe("renderLetter — formal demand, 2 overdue invoices and 1 disputed", () => {
  it("zh-CN: subject, 笔数, 元 and 万元, interest, reply-by and table", () => {
    const letter = renderLetter(formalCustomer(), "formal", template("formal", "zh-CN"), ctx("zh-CN"));
    expect(letter.subject).toBe("正式催款函:逾期账款1,234,567.80元");
    expect(letter.body).toContain("贵公司共有2笔应付账款已逾期");
    expect(letter.body).toContain("逾期本金合计1,234,567.80元(约123.46万元)");
    expect(letter.body).toContain("按每日0.05%计算的逾期利息合计33,518.52元");
    expect(letter.body).toContain("应收余额合计1,294,567.80元");
    // 2026-03-31 + 7 reply days
    expect(letter.body).toContain("要求贵公司于2026年4月7日前付清上述逾期本金及逾期利息");
    expect(letter.body).toContain("致:甲公司\n联系人:李经理\n日期:2026年3月31日");
    expect(letter.body).toContain("开户银行:中国工商银行广州分行\n银行账号:3602 0000 1234 5678 901");
    expect(letter.body).toContain("暂停对贵公司供货");
    expect(letter.body).toContain("信用额度");
    expect(letter.body).toContain("回执");
    expect(letter.table.headers).toEqual(["发票号", "开票日期", "到期日", "未付金额", "逾期天数", "逾期利息"]);
    expect(letter.table.rows).toEqual([
      ["INV-001", "2025-12-31", "2026-01-30", "1,000,000.00", "60", "30,000.00"],
      ["INV-002", "2026-01-30", "2026-03-01", "234,567.80", "30", "3,518.52"],
    ]);
    expect(letter.table.footer).toEqual(["合计", "", "", "1,234,567.80", "", "33,518.52"]);
    expect(letter.body).not.toContain("INV-003");
    expect(letter.body).not.toContain("INV-004");
    expect(letter.unknownFields).toEqual([]);
    expect(letter.missingValues).toEqual([]);
    expect(letter).toMatchObject({ customer: "甲公司", currency: "CNY", stage: "formal", lang: "zh-CN" });
  });

  it("zh-CN: the plain-text table lines up (CJK headers count two columns)", () => {
    const letter = renderLetter(formalCustomer(), "formal", template("formal", "zh-CN"), ctx("zh-CN"));
    // widths 7, 10, 10, 12, 8, 9 (+ 5 gaps of 2 = 66); amounts and days right-aligned, headers too
    expect(letter.body).toContain(
      [
        "发票号   开票日期    到期日          未付金额  逾期天数   逾期利息",
        "-".repeat(66),
        "INV-001  2025-12-31  2026-01-30  1,000,000.00        60  30,000.00",
        "INV-002  2026-01-30  2026-03-01    234,567.80        30   3,518.52",
        "-".repeat(66),
        "合计                             1,234,567.80            33,518.52",
      ].join("\n"),
    );
  });

  it("zh-TW: Traditional characters, same figures", () => {
    const letter = renderLetter(formalCustomer(), "formal", template("formal", "zh-TW"), ctx("zh-TW"));
    expect(letter.subject).toBe("正式催款函:逾期帳款1,234,567.80元");
    expect(letter.body).toContain("貴公司共有2筆應付帳款已逾期");
    expect(letter.body).toContain("逾期本金合計1,234,567.80元(約123.46萬元)");
    expect(letter.body).toContain("逾期利息合計33,518.52元");
    expect(letter.body).toContain("要求貴公司於2026年4月7日前付清");
    expect(letter.table.headers).toEqual(["發票號碼", "開票日期", "到期日", "未付金額", "逾期天數", "逾期利息"]);
    expect(letter.table.footer[0]).toBe("合計");
    expect(letter.table.rows.map((row) => row[0])).toEqual(["INV-001", "INV-002"]);
  });

  it("zh-TW templates are written in Traditional characters", () => {
    // Simplified-only forms that appear in the zh-CN wording
    const simplified = /[贵笔账请约计过汇务联络银户额货费诉讼确认签盖执]/;
    for (const t of [...DEFAULT_TEMPLATES, ...DEFAULT_CALL_SCRIPTS].filter((x) => x.lang === "zh-TW")) {
      expect({ stage: t.stage, simplified: simplified.exec(t.subject + t.body)?.[0] ?? null }).toEqual({ stage: t.stage, simplified: null });
    }
  });

  it("en: same figures with the currency code", () => {
    const letter = renderLetter(formalCustomer(), "formal", template("formal", "en"), ctx("en"));
    expect(letter.subject).toBe("Formal demand for payment: overdue balance CNY 1,234,567.80");
    expect(letter.body).toContain("As of 31 March 2026, 2 invoice(s) on your account are overdue");
    expect(letter.body).toContain("late interest at 0.05% per day of CNY 33,518.52");
    expect(letter.body).toContain("in full by 7 April 2026");
    expect(letter.table.headers).toEqual(["Invoice no.", "Invoice date", "Due date", "Outstanding", "Days overdue", "Late interest"]);
    expect(letter.table.rows[1]).toEqual(["INV-002", "2026-01-30", "2026-03-01", "234,567.80", "30", "3,518.52"]);
    expect(letter.table.footer).toEqual(["Total", "", "", "1,234,567.80", "", "33,518.52"]);
  });

  it("USD amounts are written 美元 in Chinese, never 元", () => {
    const usd = { ...formalCustomer(), currency: "USD" };
    const letter = renderLetter(usd, "formal", template("formal", "zh-CN"), ctx("zh-CN"));
    expect(letter.subject).toBe("正式催款函:逾期账款1,234,567.80美元");
    expect(letter.body).toContain("(约123.46万美元)");
  });

  it("does not mutate the customer or the template", () => {
    const customer = formalCustomer();
    const before = JSON.stringify(customer);
    const formal = { ...template("formal", "zh-CN") };
    const templateBefore = JSON.stringify(formal);
    renderLetter(customer, "formal", formal, ctx("zh-CN"));
    expect(JSON.stringify(customer)).toBe(before);
    expect(JSON.stringify(formal)).toBe(templateBefore);
  });
});

describe("merge fields", () => {
  it("reports an unknown field and leaves it visible", () => {
    const custom: LetterTemplate = { lang: "zh-CN", stage: "formal", subject: "{{customer}} {{foo}}", body: "致{{customer}}:{{foo}}、{{ bar }}、{{foo}}" };
    const letter = renderLetter(formalCustomer(), "formal", custom, ctx("zh-CN"));
    expect(letter.unknownFields).toEqual(["foo", "bar"]);
    expect(letter.subject).toBe("甲公司 {{foo}}");
    expect(letter.body).toBe("致甲公司:{{foo}}、{{ bar }}、{{foo}}");
    expect(validateTemplate(custom)).toEqual(["foo", "bar"]);
  });

  it("reports a missing bank account and a missing contact in missingValues", () => {
    const policy = { ...POLICY, company: { ...POLICY.company, bankAccount: "" } };
    const letter = renderLetter(formalCustomer("甲公司", null), "formal", template("formal", "zh-CN"), {
      asOf: AS_OF,
      policy,
      scale: 2,
      lang: "zh-CN",
    });
    expect(letter.missingValues).toEqual(["contact", "bankAccount"]);
    expect(letter.body).toContain("银行账号:\n");
  });

  it("{{settledInterest}} gives the interest still owed on paid invoices, apart from the table's total", () => {
    const custom: LetterTemplate = {
      lang: "zh-CN",
      stage: "formal",
      subject: "{{customer}}",
      body: "表内利息{{interestTotal}},已付发票利息{{settledInterest}}",
    };
    const customer = { ...formalCustomer(), settledInterest: amount("1234.5") };
    // Table rows: INV-001 30,000.00 + INV-002 3,518.52 (disputed INV-003 left out) = 33,518.52.
    expect(renderLetter(customer, "formal", custom, ctx("zh-CN")).body).toBe("表内利息33,518.52,已付发票利息1,234.50");
    expect(renderLetter(formalCustomer(), "formal", custom, ctx("zh-CN")).body).toBe("表内利息33,518.52,已付发票利息0.00");
  });

  it("never re-expands merge fields inside merge values (no template injection)", () => {
    const hostile = formalCustomer("{{bankAccount}}{{customer}}", "{{overdueTotal}}");
    const letter = renderLetter(hostile, "formal", template("formal", "zh-CN"), ctx("zh-CN"));
    expect(letter.body).toContain("致:{{bankAccount}}{{customer}}\n联系人:{{overdueTotal}}");
    expect(letter.unknownFields).toEqual([]);
  });

  it("every default template and call script uses only known fields", () => {
    expect(DEFAULT_TEMPLATES).toHaveLength(15);
    for (const t of [...DEFAULT_TEMPLATES, ...DEFAULT_CALL_SCRIPTS]) {
      expect({ stage: t.stage, lang: t.lang, unknown: validateTemplate(t) }).toEqual({ stage: t.stage, lang: t.lang, unknown: [] });
    }
  });

  it("defaults cover the five letter stages in three languages", () => {
    const letterStages = POLICY.escalation.filter((s) => s.letter).map((s) => s.id);
    expect(letterStages).toEqual(["preDue", "reminder", "formal", "lawyer", "legal"]);
    for (const stage of letterStages) {
      for (const lang of ["zh-CN", "zh-TW", "en"] as Lang[]) {
        expect(DEFAULT_TEMPLATES.filter((t) => t.stage === stage && t.lang === lang)).toHaveLength(1);
      }
    }
  });

  it("every merge field is described in three languages", () => {
    for (const field of MERGE_FIELDS) {
      expect([field.name, field.description["zh-CN"] !== "", field.description["zh-TW"] !== "", field.description.en !== ""]).toEqual([
        field.name, true, true, true,
      ]);
    }
  });

  it("every default template renders with no missing values when the company is complete", () => {
    for (const t of DEFAULT_TEMPLATES.filter((x) => x.stage !== "preDue")) {
      const letter = renderLetter(formalCustomer(), t.stage, t, ctx(t.lang));
      expect({ stage: t.stage, lang: t.lang, missing: letter.missingValues }).toEqual({ stage: t.stage, lang: t.lang, missing: [] });
      expect(letter.body).not.toMatch(/\{\{/);
    }
  });
});

describe("pre-due notice", () => {
  // due in 3 days → in the 5-day window; due in 30 days → not yet; disputed → never
  const customer = customerReport(
    "乙公司",
    [
      item({ no: "B-1", invoiceDate: fromYmd(2026, 3, 4), due: fromYmd(2026, 4, 3), outstanding: "8000.00", interest: "0" }, "乙公司"),
      item({ no: "B-2", invoiceDate: fromYmd(2026, 3, 31), due: fromYmd(2026, 4, 30), outstanding: "5000.00", interest: "0" }, "乙公司"),
      item({ no: "B-3", invoiceDate: fromYmd(2026, 3, 3), due: fromYmd(2026, 4, 2), outstanding: "700.00", interest: "0", disputed: true }, "乙公司"),
    ],
    "preDue",
    { name: "乙公司", contact: "陈小姐" },
  );

  it("lists the invoices coming due within the window, with days to due", () => {
    const letter = renderLetter(customer, "preDue", template("preDue", "zh-CN"), ctx("zh-CN"));
    expect(letter.subject).toBe("到期付款提醒:1笔款项将于近日到期");
    expect(letter.body).toContain("合计8,000.00元(约0.80万元),最早到期日为2026年4月3日");
    expect(letter.table.headers).toEqual(["发票号", "开票日期", "到期日", "未付金额", "距到期天数"]);
    expect(letter.table.rows).toEqual([["B-1", "2026-03-04", "2026-04-03", "8,000.00", "3"]]);
    expect(letter.table.footer).toEqual(["合计", "", "", "8,000.00", ""]);
    expect(letter.missingValues).toEqual([]);
  });
});

describe("findTemplate", () => {
  const own: LetterTemplate = { lang: "zh-CN", stage: "formal", subject: "我司版本", body: "{{customer}}" };

  it("prefers the exact template, then the company's zh-CN, then the default", () => {
    expect(findTemplate([own], "formal", "zh-CN")).toBe(own);
    expect(findTemplate([own], "formal", "en")).toBe(own);
    expect(findTemplate([], "formal", "en")?.subject).toBe("Formal demand for payment: overdue balance {{currency}} {{overdueTotal}}");
    expect(findTemplate([], "nosuchstage", "en")).toBeNull();
  });
});

describe("lettersForReport", () => {
  const report: Report = {
    asOf: AS_OF,
    scale: 2,
    errors: [],
    customers: [
      formalCustomer(),
      customerReport("丙公司", [item({ no: "C-1", invoiceDate: null, due: fromYmd(2026, 3, 11), outstanding: "900.00", interest: "9.00" }, "丙公司")], "phone"),
      customerReport("丁公司", [item({ no: "D-1", invoiceDate: null, due: fromYmd(2026, 5, 1), outstanding: "100.00", interest: "0" }, "丁公司")], null),
      customerReport("戊公司", [item({ no: "E-1", invoiceDate: null, due: fromYmd(2026, 3, 28), outstanding: "300.00", interest: "0.45" }, "戊公司")], "reminder"),
    ],
  };

  it("drafts one letter per customer at a letter stage; skips phone and no stage", () => {
    const letters = lettersForReport(report, POLICY, "zh-CN", []);
    expect(letters.map((l) => [l.customer, l.stage])).toEqual([
      ["甲公司", "formal"],
      ["戊公司", "reminder"],
    ]);
    expect(letters[1].subject).toBe("付款提醒:1笔款项已过付款期限");
    expect(letters[1].table.rows).toEqual([["E-1", "", "2026-03-28", "300.00", "3", "0.45"]]);
  });

  it("filters by stage and by customer, and writes in the template's language", () => {
    expect(lettersForReport(report, POLICY, "en", [], { stages: ["reminder"] }).map((l) => [l.customer, l.lang])).toEqual([
      ["戊公司", "en"],
    ]);
    expect(lettersForReport(report, POLICY, "zh-TW", [], { customers: ["甲公司", "丙公司"] }).map((l) => l.customer)).toEqual(["甲公司"]);
    const own: LetterTemplate = { lang: "zh-CN", stage: "reminder", subject: "提醒 {{customer}}", body: "{{overdueTotal}}" };
    const letters = lettersForReport(report, POLICY, "en", [own], { stages: ["reminder"] });
    expect(letters.map((l) => [l.lang, l.subject, l.body])).toEqual([["zh-CN", "提醒 戊公司", "300.00"]]);
  });
});

describe("call script for the phone stage", () => {
  it("renders with the same fields", () => {
    const script = DEFAULT_CALL_SCRIPTS.find((t) => t.lang === "zh-CN") as LetterTemplate;
    const letter = renderLetter(formalCustomer(), "phone", script, ctx("zh-CN"));
    expect(letter.body).toContain("请问是甲公司的李经理吗?我是华南精密制造有限公司财务部的王会计");
    expect(letter.body).toContain("有2笔款项已逾期,合计1,234,567.80元,最长已逾期60天");
  });
});
