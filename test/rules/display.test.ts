import { displayWidth, groupThousands } from "../../src/rules/display";

describe("groupThousands", () => {
  it("groups the whole part of an amount's shown text in threes", () => {
    expect(groupThousands("1234567.89")).toBe("1,234,567.89");
    expect(groupThousands("22000.00")).toBe("22,000.00");
    expect(groupThousands("1000")).toBe("1,000");
    expect(groupThousands("999.99")).toBe("999.99");
    expect(groupThousands("0.00")).toBe("0.00");
  });

  it("keeps the minus sign outside the groups", () => {
    expect(groupThousands("-1234.50")).toBe("-1,234.50");
    expect(groupThousands("-123456.00")).toBe("-123,456.00");
    expect(groupThousands("-100.00")).toBe("-100.00");
  });

  it("leaves the decimals as they are, however many", () => {
    expect(groupThousands("1234.56789")).toBe("1,234.56789");
  });

  it("returns text that is not an amount unchanged", () => {
    expect(groupThousands("—")).toBe("—");
    expect(groupThousands("")).toBe("");
    expect(groupThousands("1,234.00")).toBe("1,234.00");
    expect(groupThousands("12%")).toBe("12%");
  });
});

describe("displayWidth", () => {
  test("CJK and full-width characters take two columns, the rest one", () => {
    expect(displayWidth("应收ab")).toBe(6);
    expect(displayWidth("ＡＢ")).toBe(4);
    expect(displayWidth("Total")).toBe(5);
    expect(displayWidth("𠀀")).toBe(2);
    expect(displayWidth("")).toBe(0);
  });
});
