import { fillPlaceholders } from "../../src/i18n/fill";

describe("fillPlaceholders", () => {
  it("fills each placeholder with its value", () => {
    expect(fillPlaceholders("合计 ({currency})", { currency: "CNY" })).toBe("合计 (CNY)");
    expect(fillPlaceholders("{count} of {total}", { count: 3, total: 12 })).toBe("3 of 12");
  });

  it("fills a placeholder written twice both times", () => {
    expect(fillPlaceholders("{list}: {list}", { list: "Aging" })).toBe("Aging: Aging");
  });

  it("leaves an unknown placeholder as written", () => {
    expect(fillPlaceholders("Total ({currency}) {unknown}", { currency: "CNY" })).toBe("Total (CNY) {unknown}");
    expect(fillPlaceholders("no values {here}", {})).toBe("no values {here}");
  });

  it("reads only the values' own names, never inherited ones", () => {
    expect(fillPlaceholders("{toString} {constructor} {hasOwnProperty}", {})).toBe("{toString} {constructor} {hasOwnProperty}");
  });

  it("never prints undefined or null: a missing value leaves the placeholder", () => {
    expect(fillPlaceholders("Failed: {message}", { message: undefined })).toBe("Failed: {message}");
    expect(fillPlaceholders("Failed: {message}", { message: null })).toBe("Failed: {message}");
  });

  it("puts in zero and empty text as values", () => {
    expect(fillPlaceholders("{count} problems", { count: 0 })).toBe("0 problems");
    expect(fillPlaceholders("[{message}]", { message: "" })).toBe("[]");
  });

  it("puts a value in as it is: its braces and dollar signs are not read again", () => {
    expect(fillPlaceholders("Fields: {list}", { list: "{{customer}}, {list}" })).toBe("Fields: {{customer}}, {list}");
    expect(fillPlaceholders("Amount: {amount}", { amount: "$& $1 $$" })).toBe("Amount: $& $1 $$");
  });

  it("leaves text that is not a placeholder alone", () => {
    expect(fillPlaceholders("{ spaced } {} {a-b} {名称}", { "a-b": "x", 名称: "y" })).toBe("{ spaced } {} {a-b} {名称}");
  });
});
