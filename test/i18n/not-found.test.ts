import { notFoundText } from "../../src/i18n/not-found";

describe("why no invoices table was found, in three languages", () => {
  const seen = { sheet: "Sheet1", row: 1, headers: ["名称", "数量"] };
  const expected = ["customer (客户 / Customer)", "amount (金额 / Amount)"];

  it("names the likeliest header row and the headers looked for", () => {
    expect(notFoundText({ kind: "invoices", seen, expected }, "zh-CN")).toBe(
      "找不到发票表。最接近的是工作表“Sheet1”第1行，表头为 名称、数量。需要的列：customer (客户 / Customer)；amount (金额 / Amount)。",
    );
    expect(notFoundText({ kind: "invoices", seen, expected }, "zh-TW")).toBe(
      "找不到發票表。最接近的是工作表「Sheet1」第1列，表頭為 名称、数量。需要的欄：customer (客户 / Customer)；amount (金额 / Amount)。",
    );
    expect(notFoundText({ kind: "invoices", seen, expected }, "en")).toBe(
      'No invoices table found. Best candidate: sheet "Sheet1" row 1 with headers 名称, 数量. Looked for: customer (客户 / Customer), amount (金额 / Amount).',
    );
  });

  it("says so when no sheet has header text", () => {
    expect(notFoundText({ kind: "invoices", seen: null, expected }, "en")).toContain("No sheet has any header text.");
    expect(notFoundText({ kind: "invoices", seen: null, expected }, "zh-TW")).toContain("沒有任何工作表有表頭文字。");
  });
});
