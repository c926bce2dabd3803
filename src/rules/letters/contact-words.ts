/**
 * How letters speak of the contacts the collection log records (POLICY §12): the sentence
 * stating earlier reminders with their dates ("我司已于2026年10月15日电话提醒。"), and the list of
 * contacts for an internal summary. A letter states only what the log records, and nothing of
 * earlier reminders when it records none.
 */
import { formatIso } from "../dates";
import type { ContactChannel, Lang, LogEntry } from "../types";
import { CHANNEL_NAMES, OUTCOME_NAMES } from "./contact-names";
import { formatLetterDate } from "./format";

export { CHANNEL_NAMES, OUTCOME_NAMES } from "./contact-names";

/** What was done, by channel, as a letter says it after a date. */
const REMINDED: Readonly<Record<Lang, Readonly<Record<ContactChannel, string>>>> = {
  "zh-CN": { phone: "电话提醒", email: "邮件提醒", sms: "短信提醒", visit: "上门催收", demandLetter: "发出催款函", lawyerLetter: "发出律师函", other: "提醒" },
  "zh-TW": { phone: "電話提醒", email: "郵件提醒", sms: "簡訊提醒", visit: "登門催收", demandLetter: "發出催款函", lawyerLetter: "發出律師函", other: "提醒" },
  en: {
    phone: "by phone",
    email: "by email",
    sms: "by text message",
    visit: "in person",
    demandLetter: "by a demand letter",
    lawyerLetter: "by a lawyer's letter",
    other: "",
  },
};

/** At most this many earlier reminders are named: the latest ones. */
export const MAX_REMINDERS_NAMED = 5;

/** Contacts to name: each date and channel once, oldest first, the latest MAX_REMINDERS_NAMED. */
function distinctContacts(contacts: readonly LogEntry[]): LogEntry[] {
  const seen = new Set<string>();
  const distinct: LogEntry[] = [];
  for (const entry of [...contacts].sort((a, b) => a.date - b.date)) {
    const key = `${entry.date}|${entry.channel}`;
    if (!seen.has(key)) {
      seen.add(key);
      distinct.push(entry);
    }
  }
  return distinct.slice(-MAX_REMINDERS_NAMED);
}

/**
 * The sentence a letter uses for earlier reminders, or "" when there are none.
 * @param contacts the contacts to name (already chosen: this customer, these amounts, before the letter)
 * @param lang the letter's language
 * @returns one sentence with its full stop (and a trailing space in English), or ""
 * @example earlierRemindersText([phoneOn20261015, letterOn20261102], "zh-CN") // "我司已于2026年10月15日电话提醒，于2026年11月2日发出催款函。"
 * @example earlierRemindersText([phoneOn20261015], "en") // "We reminded you by phone on 15 October 2026. "
 */
export function earlierRemindersText(contacts: readonly LogEntry[], lang: Lang): string {
  const named = distinctContacts(contacts);
  if (named.length === 0) return "";
  const verbs = REMINDED[lang];
  if (lang === "en") {
    const parts = named.map((entry) => `${verbs[entry.channel] === "" ? "" : `${verbs[entry.channel]} `}on ${formatLetterDate(entry.date, lang)}`);
    const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
    return `We reminded you ${list}. `;
  }
  const parts = named.map((entry) => `${formatLetterDate(entry.date, lang)}${verbs[entry.channel]}`);
  return lang === "zh-TW" ? `本公司已於${parts.join("，於")}。` : `我司已于${parts.join("，于")}。`;
}

/**
 * The recorded contacts as one line for an internal summary: date, channel, collector and
 * outcome of each, oldest first; "" when there are none.
 * @param contacts the contacts to list
 * @param lang the summary's language
 * @returns the line
 * @example contactHistoryText([phoneOn20261015ByZhang], "zh-CN") // "2026-10-15 电话（张三，无人接听）"
 */
export function contactHistoryText(contacts: readonly LogEntry[], lang: Lang): string {
  const sorted = [...contacts].sort((a, b) => a.date - b.date);
  const separator = lang === "en" ? "; " : "；";
  return sorted
    .map((entry) => {
      const details = [entry.collector, entry.outcome === undefined ? undefined : OUTCOME_NAMES[lang][entry.outcome]].filter((part): part is string => part !== undefined && part !== "");
      const channel = CHANNEL_NAMES[lang][entry.channel];
      if (details.length === 0) return `${formatIso(entry.date)} ${channel}`;
      return lang === "en" ? `${formatIso(entry.date)} ${channel} (${details.join(", ")})` : `${formatIso(entry.date)} ${channel}（${details.join("，")}）`;
    })
    .join(separator);
}
