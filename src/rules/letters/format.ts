/**
 * How letters write amounts, dates and currency units: thousands separators and two decimals
 * half-up, ten-thousands (万), 2026年3月31日 or 31 March 2026, 元 / 美元 in Chinese.
 */
import { toYmd } from "../dates";
import { groupThousands } from "../display";
import { formatMoney, type Minor } from "../money";
import type { DayNumber, Lang } from "../types";

const CURRENCY_UNITS: Record<string, Record<"zh-CN" | "zh-TW", string>> = {
  CNY: { "zh-CN": "元", "zh-TW": "元" },
  RMB: { "zh-CN": "元", "zh-TW": "元" },
  USD: { "zh-CN": "美元", "zh-TW": "美元" },
  HKD: { "zh-CN": "港元", "zh-TW": "港元" },
  EUR: { "zh-CN": "欧元", "zh-TW": "歐元" },
  JPY: { "zh-CN": "日元", "zh-TW": "日圓" },
  TWD: { "zh-CN": "新台币元", "zh-TW": "新臺幣元" },
};

const EN_MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/**
 * An amount with thousands separators and two decimals, half-up.
 * @param amount exact amount in units of 10^−scale
 * @param scale its scale
 * @returns the shown text
 * @example formatAmount(123456780, 2) // "1,234,567.80"
 */
export function formatAmount(amount: Minor, scale: number): string {
  return groupThousands(formatMoney(amount, scale));
}

/**
 * An amount in units of ten thousand (万), two decimals, half-up.
 * @param amount exact amount in units of 10^−scale
 * @param scale its scale
 * @returns the shown text
 * @example formatWan(123456780, 2) // "123.46"
 */
export function formatWan(amount: Minor, scale: number): string {
  // In units of 万, the same count has four more decimals.
  return formatAmount(amount, scale + 4);
}

/**
 * A date written out for a letter: 2026年3月31日 in Chinese, 31 March 2026 in English.
 * @param day the date
 * @param lang language of the letter
 * @returns the date text
 * @example formatLetterDate(fromYmd(2026, 3, 31), "zh-CN") // "2026年3月31日"
 */
export function formatLetterDate(day: DayNumber, lang: Lang): string {
  const { year, month, day: dayOfMonth } = toYmd(day);
  return lang === "en" ? `${dayOfMonth} ${EN_MONTHS[month - 1]} ${year}` : `${year}年${month}月${dayOfMonth}日`;
}

/**
 * The unit written after an amount: 元, 美元… in Chinese, the currency code in English.
 * @param currency the currency code
 * @param lang the letter's language
 * @returns the unit
 * @example currencyUnit("USD", "zh-CN") // "美元"; currencyUnit("USD", "en") // "USD"
 */
export function currencyUnit(currency: string, lang: Lang): string {
  if (lang === "en") return currency;
  return CURRENCY_UNITS[currency.toUpperCase()]?.[lang] ?? currency;
}
