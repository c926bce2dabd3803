import { contactHistoryText, earlierRemindersText, MAX_REMINDERS_NAMED } from "../../../src/rules/letters/contact-words";
import { contact } from "./fixtures";

describe("letters name the reminders the log records, with their dates (POLICY §12)", () => {
  const log = [contact("甲公司", "2026-11-02", "demandLetter"), contact("甲公司", "2026-10-15", "phone", "noAnswer", { collector: "张三" })];

  test("in each language, oldest first", () => {
    expect(earlierRemindersText(log, "zh-CN")).toBe("我司已于2026年10月15日电话提醒，于2026年11月2日发出催款函。");
    expect(earlierRemindersText(log, "zh-TW")).toBe("本公司已於2026年10月15日電話提醒，於2026年11月2日發出催款函。");
    expect(earlierRemindersText(log, "en")).toBe("We reminded you by phone on 15 October 2026 and by a demand letter on 2 November 2026. ");
    expect(earlierRemindersText([contact("甲公司", "2026-10-15", "other")], "en")).toBe("We reminded you on 15 October 2026. ");
  });

  test("nothing recorded: nothing said", () => {
    expect(earlierRemindersText([], "zh-CN")).toBe("");
    expect(contactHistoryText([], "en")).toBe("");
  });

  test("each date and channel once; the latest five", () => {
    const calls = ["01", "02", "03", "04", "05", "06", "07"].map((d) => contact("甲公司", `2026-11-${d}`, "phone"));
    const text = earlierRemindersText([...calls, contact("甲公司", "2026-11-07", "phone")], "zh-CN");
    expect(MAX_REMINDERS_NAMED).toBe(5);
    expect(text).toBe("我司已于2026年11月3日电话提醒，于2026年11月4日电话提醒，于2026年11月5日电话提醒，于2026年11月6日电话提醒，于2026年11月7日电话提醒。");
  });

  test("the contact history of an internal summary: date, channel, collector, outcome", () => {
    expect(contactHistoryText(log, "zh-CN")).toBe("2026-10-15 电话（张三，无人接听）；2026-11-02 催款函");
    expect(contactHistoryText(log, "en")).toBe("2026-10-15 Phone (张三, No answer); 2026-11-02 Demand letter");
  });
});
