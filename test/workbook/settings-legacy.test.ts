/**
 * Workbooks saved before POLICY §5 said "2 months or more" hold stopShipping.maxDaysOverdue ("more
 * than N days") in their stored policy or on their settings sheet: they still load, read as months.
 */
import { problemText } from "../../src/i18n/messages";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { CellValue, WorkbookData } from "../../src/workbook/adapter-types";
import { resolveSettings } from "../../src/workbook/settings";
import { SETTINGS_KEYS } from "../../src/workbook/settings-store";
import { sheetOf } from "../support/grid";

const book = (settings: Record<string, string>, rows: [string, unknown][] = []): WorkbookData => ({
  sheets: rows.length === 0 ? [] : [sheetOf("设置", [["设置项", "值"], ...rows] as CellValue[][])],
  tables: [],
  dateSystem: "1900",
  settings,
});

describe("the old stopShipping.maxDaysOverdue", () => {
  test("in the stored policy: 60 (the old default) reads as 2 months, 90 as 3, silently", () => {
    for (const [days, months] of [[60, 2], [90, 3]]) {
      const stored = { [SETTINGS_KEYS.policy]: JSON.stringify({ stopShipping: { maxDaysOverdue: days, maxOverdueTotal: "200000" } }) };
      const resolved = resolveSettings(book(stored), DEFAULT_POLICY);
      expect(resolved.policy.stopShipping.overdueMonths).toBe(months);
      expect(resolved.policyErrors).toEqual([]);
    }
  });

  test("on the settings sheet: 45 days reads as 2 months, reported on its cell", () => {
    const resolved = resolveSettings(book({}, [["stopShipping.maxDaysOverdue", 45]]), DEFAULT_POLICY);
    expect(resolved.policy.stopShipping.overdueMonths).toBe(2);
    expect(resolved.policyErrors.map((e) => [e.field, e.cell, problemText(e, "zh-CN")])).toEqual([
      ["stopShipping.maxDaysOverdue", "设置!B2", "“超过45天”不是整月数，已按逾期2个月以上计；请改设 stopShipping.overdueMonths"],
    ]);
  });

  test("the new field, stopShipping.overdueMonths, on the sheet wins over the stored policy", () => {
    const stored = { [SETTINGS_KEYS.policy]: JSON.stringify({ stopShipping: { maxDaysOverdue: 90 } }) };
    expect(resolveSettings(book(stored, [["stopShipping.overdueMonths", 1]]), DEFAULT_POLICY).policy.stopShipping.overdueMonths).toBe(1);
  });
});
