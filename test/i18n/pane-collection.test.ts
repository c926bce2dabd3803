/** The Collection tab's words: the same keys and placeholders in every language, none empty, Traditional characters in zh-TW. */
import { COLLECTION_STRINGS, daysWords } from "../../src/i18n/pane/collection";

type Leaves = Record<string, string>;

function leaves(value: unknown, prefix = ""): Leaves {
  if (typeof value === "string") return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value as object).map(([key, inner]) => leaves(inner, prefix === "" ? key : `${prefix}.${key}`)));
}

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe("the Collection tab's words", () => {
  const zh = leaves(COLLECTION_STRINGS["zh-CN"]);

  it.each(["zh-TW", "en"] as const)("%s has the keys and placeholders of zh-CN, none empty", (lang) => {
    const other = leaves(COLLECTION_STRINGS[lang]);
    expect(Object.keys(other).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(other)) {
      expect(text.trim()).not.toBe("");
      expect([key, placeholders(text)]).toEqual([key, placeholders(zh[key])]);
    }
  });

  it("writes zh-TW in Traditional characters", () => {
    const text = Object.values(leaves(COLLECTION_STRINGS["zh-TW"])).join("");
    for (const simplified of ["户", "账", "录", "联", "择", "读", "过", "还", "发", "额", "级", "态", "设", "无", "写", "对", "选"]) expect(text).not.toContain(simplified);
  });

  it("counts days as each language does: one day, two days; 天 either way", () => {
    const en = COLLECTION_STRINGS.en;
    expect([daysWords(en.daysLate, 1), daysWords(en.daysLate, 2), daysWords(en.daysLeft, 1), daysWords(en.customerView.overdueDays, 31)]).toEqual([
      "1 day ago",
      "2 days ago",
      "in 1 day",
      "31 days overdue",
    ]);
    expect([daysWords(COLLECTION_STRINGS["zh-CN"].daysLate, 1), daysWords(COLLECTION_STRINGS["zh-TW"].daysLeft, 2)]).toEqual(["已过 1 天", "還有 2 天"]);
  });
});
