/**
 * Total rows: isTotalText runs its patterns only on texts that could match; this checks that the
 * shortcut never changes the answer of the patterns themselves.
 */
import fc from "fast-check";
import { CJK_TOTAL, ENGLISH_TOTAL, isTotalText } from "../../../src/workbook/read/total-rows";

describe("total rows", () => {
  const spaces = [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2000, 0x2005, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff].map((code) => String.fromCharCode(code));
  const pieces = [...spaces, "g", "G", "s", "S", "t", "T", "total", "TOTAL", "Total", "totals", "sub", "sub-", "grand ", "amount", " amount", ":", "：", "(", ")", "（", "）", "CNY",
    "合", "小", "总", "總", "共", "计", "計", "合计", "小 计", "總\u3000計", "客户", "ſ", "\u212a", "x", "1", "Ltd", "\u200b"];
  const textArb = fc.oneof(
    fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }).map((parts) => parts.join("")),
    fc.string({ minLength: 1 }),
    fc.string({ unit: "grapheme", minLength: 1 }),
  );

  test("isTotalText = the total-row patterns (property)", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(isTotalText(text)).toBe(CJK_TOTAL.test(text) || (text.length <= 30 && ENGLISH_TOTAL.test(text)));
      }),
      { numRuns: 10000 },
    );
  });

  test("examples", () => {
    for (const text of ["合计", "小 计", "總計", "Total", "  Grand total:", "Subtotal (CNY)", "\u3000total", "sub-total"]) expect(isTotalText(text)).toBe(true);
    for (const text of ["Total Logistics Ltd", "客户", "ſubtotal", "totally"]) expect(isTotalText(text)).toBe(false);
  });
});
