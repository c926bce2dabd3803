/**
 * A payment's method (付款方式) as typed in the payments table, in zh-CN, zh-TW or English: cash and
 * wire are cash; acceptance bills and electronic bank bills are bills (POLICY §11, cash ratio).
 */
import type { PaymentMethod } from "../../rules/types";
import { normalizeText } from "../text";

/** The words of each method; matching normalises width, spacing and case, so one spelling each. */
const METHOD_WORDS: Record<PaymentMethod, readonly string[]> = {
  cash: ["现金", "現金", "Cash"],
  wire: ["电汇", "電匯", "银行转账", "銀行轉帳", "转账", "轉帳", "网银", "網銀", "Wire", "Wire transfer", "Bank transfer", "Transfer", "T/T", "TT"],
  acceptanceBill: [
    "承兑汇票", "承兌匯票", "银行承兑汇票", "銀行承兌匯票", "银承", "商业承兑汇票", "商業承兌匯票", "商承", "纸质承兑", "紙本承兌",
    "Acceptance bill", "Bank acceptance", "Banker's acceptance", "Acceptance",
  ],
  eBill: [
    "电子银行票据", "電子銀行票據", "电子银行承兑汇票", "電子銀行承兌匯票", "电子承兑汇票", "電子承兌匯票", "电子票据", "電子票據", "电票", "電票",
    "E-bill", "Ebill", "Electronic bill", "Electronic bank bill",
  ],
};

const BY_WORD: ReadonlyMap<string, PaymentMethod> = new Map(
  (Object.entries(METHOD_WORDS) as [PaymentMethod, readonly string[]][]).flatMap(([method, words]) =>
    words.map((word): [string, PaymentMethod] => [normalizeText(word), method]),
  ),
);

/**
 * The method a text names.
 * @param text the cell's text, trimmed
 * @returns the method, or undefined when the text names none
 * @example paymentMethodOf("銀行承兌匯票") // "acceptanceBill"; paymentMethodOf("Wire transfer") // "wire"; paymentMethodOf("支票") // undefined
 */
export function paymentMethodOf(text: string): PaymentMethod | undefined {
  return BY_WORD.get(normalizeText(text));
}
