import { escapeHtml, letterToHtml, letterToPlainText, renderLetter, DEFAULT_TEMPLATES, type LetterTemplate } from "../../src/rules/letters";
import { fromYmd } from "../../src/rules/dates";
import { AS_OF, POLICY, customerReport, formalCustomer, item } from "./letters-fixtures";

const formalZh = DEFAULT_TEMPLATES.find((t) => t.stage === "formal" && t.lang === "zh-CN") as LetterTemplate;
const ctx = { asOf: AS_OF, policy: POLICY, lang: "zh-CN" as const, scale: 2 };
const HOSTILE = "<img src=x onerror=alert(1)>";

describe("escapeHtml", () => {
  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    expect(escapeHtml("甲公司 1,000.00")).toBe("甲公司 1,000.00");
  });
});

describe("letterToHtml", () => {
  it("shows a hostile customer name as text, in body and subject", () => {
    const custom: LetterTemplate = { ...formalZh, subject: "催款 {{customer}}" };
    const html = letterToHtml(renderLetter(formalCustomer(HOSTILE), "formal", custom, ctx));
    expect(html).not.toContain("<img");
    expect(html).toContain("催款 &lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("致:&lt;img src=x onerror=alert(1)&gt;");
  });

  it("escapes a hostile invoice number in the table cells", () => {
    const customer = customerReport(
      "甲公司",
      [item({ no: `<script>alert("x")</script>`, invoiceDate: null, due: fromYmd(2026, 2, 1), outstanding: "100.00", interest: "2.95" })],
      "formal",
    );
    const html = letterToHtml(renderLetter(customer, "formal", formalZh, ctx));
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>");
  });

  it("draws the table where {{invoiceTable}} stood, with inline borders and right-aligned amounts", () => {
    const html = letterToHtml(renderLetter(formalCustomer(), "formal", formalZh, ctx));
    expect(html.match(/<table /g)).toHaveLength(1);
    expect(html).toContain('<table style="border-collapse:collapse;border:1px solid #000;');
    expect(html).toContain('<th style="border:1px solid #000;padding:2px 6px;text-align:left;">发票号</th>');
    expect(html).toContain('<td style="border:1px solid #000;padding:2px 6px;text-align:right;">1,000,000.00</td>');
    expect(html.indexOf("明细如下:")).toBeLessThan(html.indexOf("<table"));
    expect(html.indexOf("</table>")).toBeLessThan(html.indexOf("上述款项至今仍未支付"));
    // the aligned text table is not repeated in the HTML
    expect(html).not.toContain("-----");
    expect(html.startsWith('<div lang="zh-CN"')).toBe(true);
    expect(html.endsWith("</div>")).toBe(true);
  });

  it("keeps line breaks as <br> and blank lines as paragraphs", () => {
    const custom: LetterTemplate = { lang: "zh-CN", stage: "formal", subject: "s", body: "第一行\n第二行\n\n第二段" };
    const html = letterToHtml(renderLetter(formalCustomer(), "formal", custom, ctx));
    expect(html).toContain(">第一行<br>第二行</p><p");
    expect(html).toContain(">第二段</p>");
  });
});

describe("letterToPlainText", () => {
  it("is the subject, a blank line and the body", () => {
    const letter = renderLetter(formalCustomer(), "formal", formalZh, ctx);
    const text = letterToPlainText(letter);
    expect(text.startsWith("正式催款函:逾期账款1,234,567.80元\n\n致:甲公司\n")).toBe(true);
    expect(text).toContain("INV-002  2026-01-30  2026-03-01    234,567.80        30   3,518.52");
  });
});
