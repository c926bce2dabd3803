/**
 * The sales manager's view on the hand-worked scenario (test/support/management-scenario.ts):
 * colours, subtotals by salesperson and region, the period's measures, the DSO trend, provision,
 * write-off, month over month, the deduction list and the narrowed view.
 */
import { formatIso } from "../../../src/rules/dates";
import type { Decimal } from "../../../src/rules/decimal";
import { buildManagementReport } from "../../../src/rules/management";
import type { ManagedCustomer } from "../../../src/rules/management-types";
import { DEFAULT_POLICY } from "../../../src/rules/policy";
import type { Policy } from "../../../src/rules/policy-types";
import { Dec } from "../../../src/rules/decimal";
import { shown } from "../../support/money";
import { SCENARIO_AS_OF, scenarioLedger } from "../../support/management-scenario";

const view = buildManagementReport(scenarioLedger(), { asOf: SCENARIO_AS_OF, policy: DEFAULT_POLICY });
const fixed = (value: Decimal | null, places = 2): string | null => (value === null ? null : value.toFixed(places));
const customer = (name: string): ManagedCustomer => view.customers.find((c) => c.report.customer === name)!;

describe("the period and the dates", () => {
  test("March 2026: from 2026-03-01, opening rebuild as of 2026-02-28; CNY first, then USD", () => {
    expect([formatIso(view.from), formatIso(view.openingDate), formatIso(view.asOf)]).toEqual(["2026-03-01", "2026-02-28", "2026-03-31"]);
    expect(view.currencies).toEqual(["CNY", "USD"]);
    expect(view.salespeople).toEqual(["张三", "李四"]);
  });
});

describe("owners and colours per customer", () => {
  test.each([
    ["甲公司", "张三", "华东", "red", ["stopShipping"]],
    ["乙公司", "张三", "华南", "green", []],
    ["丙公司", "李四", "华东", "amber", ["overdueAmber"]],
    ["Delta", "李四", "", "amber", ["limitUsed"]],
    ["戊公司", "", "", "red", ["stopShipping", "overdueRed"]],
  ])("%s: salesperson %s, region %s, %s", (name, salesperson, region, colour, reasons) => {
    const found = customer(name);
    expect([found.salesperson, found.region, found.colour, found.colourReasons]).toEqual([salesperson, region, colour, reasons]);
  });

  test("March flows of 甲公司: collected 20,000.00 by wire, due 30,000.00 (J2) → 66.67 %", () => {
    const found = customer("甲公司");
    expect([shown(found.flows.collected), shown(found.flows.byMethod.wire), shown(found.flows.dueInPeriod), shown(found.flows.creditSales)]).toEqual([
      "20000.00", "20000.00", "30000.00", "0.00",
    ]);
    expect(fixed(found.collectionRate)).toBe("66.67");
  });
});

describe("subtotals", () => {
  test("by salesperson (CNY): 张三 68,000.00 red, 李四 32,000.00 amber, nobody 5,000.00 red; USD: 李四 1,000.00 amber", () => {
    const rows = view.bySalesperson.map((s) => [s.currency, s.key, s.customers, shown(s.outstanding), shown(s.overdue), s.flagged, s.colour]);
    expect(rows).toEqual([
      ["CNY", "张三", 2, "68000.00", "60000.00", 1, "red"],
      ["CNY", "李四", 1, "32000.00", "32000.00", 0, "amber"],
      ["CNY", "", 1, "5000.00", "5000.00", 1, "red"],
      ["USD", "李四", 1, "1000.00", "0.00", 0, "amber"],
    ]);
    const zhang = view.bySalesperson[0];
    expect(zhang.buckets.map((units) => shown(units))).toEqual(["8000.00", "30000.00", "0.00", "30000.00", "0.00"]);
    expect([fixed(zhang.overduePct), shown(zhang.collected), shown(zhang.dueInPeriod), fixed(zhang.collectionRate)]).toEqual(["88.24", "30000.00", "40000.00", "75.00"]);
    expect(zhang.colours).toEqual({ red: 1, amber: 0, green: 1 });
  });

  test("by region (CNY): 华东 92,000.00 (甲, 丙), 华南 8,000.00 (乙), none 5,000.00 (戊); USD: none 1,000.00", () => {
    expect(view.byRegion.map((s) => [s.currency, s.key, shown(s.outstanding), s.colour])).toEqual([
      ["CNY", "华东", "92000.00", "red"],
      ["CNY", "华南", "8000.00", "green"],
      ["CNY", "", "5000.00", "red"],
      ["USD", "", "1000.00", "amber"],
    ]);
  });

  test("grand totals: CNY 105,000.00 in 5 buckets, overdue 92.38 %, collection 82.5 %, 2 flagged; USD 1,000.00", () => {
    const [cny, usd] = view.totals;
    expect([cny.key, cny.customers, shown(cny.outstanding), fixed(cny.overduePct), fixed(cny.collectionRate, 1), cny.flagged, cny.colour]).toEqual([
      "", 4, "105000.00", "92.38", "82.5", 2, "red",
    ]);
    expect(cny.buckets.map((units) => shown(units))).toEqual(["8000.00", "30000.00", "32000.00", "30000.00", "5000.00"]);
    expect([usd.currency, shown(usd.outstanding), fixed(usd.collectionRate)]).toEqual(["USD", "1000.00", "0.00"]);
  });
});

describe("measures of the period (POLICY §11)", () => {
  const [cny, usd] = view.measures;

  test("CNY balances: opening 130,000.00, closing 105,000.00 (8,000.00 not due), sales 8,000.00", () => {
    expect([cny.openingReceivables, cny.closingReceivables, cny.closingCurrent, cny.closingOverdue, cny.creditSales].map((units) => shown(units))).toEqual([
      "130000.00", "105000.00", "8000.00", "97000.00", "8000.00",
    ]);
    expect([cny.periodDays, cny.periodMonths.toString()]).toEqual([31, "1"]);
  });

  test("CNY DSO: simple 105,000 ÷ 8,000 × 31 = 406.875 days; count-back 100.2 days; CEI 25.38 %", () => {
    expect(cny.dsoSimple?.toString()).toBe("406.875");
    expect(cny.dsoCountBack?.toString()).toBe("100.2");
    expect(fixed(cny.cei)).toBe("25.38");
  });

  test("CNY collection 33,000 ÷ 40,000 = 82.5 %; recovery 23,000 ÷ 90,000 = 25.56 %; cash 23,000 ÷ 33,000 = 69.70 % (target 40 % met)", () => {
    expect([shown(cny.collected), shown(cny.dueInPeriod), cny.collectionRate?.toString()]).toEqual(["33000.00", "40000.00", "82.5"]);
    expect([shown(cny.overdueAtStart), shown(cny.recovered), fixed(cny.overdueRecoveryRate)]).toEqual(["90000.00", "23000.00", "25.56"]);
    expect([shown(cny.cashReceived), shown(cny.billsReceived), shown(cny.unstatedReceived), fixed(cny.cashRatio), cny.cashRatioMet]).toEqual([
      "23000.00", "10000.00", "0.00", "69.70", true,
    ]);
  });

  test("CNY provision 5,500.00; one write-off candidate (戊公司, 5,000.00)", () => {
    expect([shown(cny.provision), cny.writeOffCandidates, shown(cny.writeOffOutstanding)]).toEqual(["5500.00", 1, "5000.00"]);
    expect(view.writeOff.map((c) => c.report.customer)).toEqual(["戊公司"]);
  });

  test("USD: DSO simple 1,000 ÷ 1,000 × 31 = 31 days; no CEI (nothing to collect); nothing collected of 1,000.00 due; no cash ratio", () => {
    expect([usd.dsoSimple?.toString(), usd.cei, fixed(usd.collectionRate), usd.cashRatio, usd.cashRatioMet, usd.overdueRecoveryRate]).toEqual([
      "31", null, "0.00", null, null, null,
    ]);
  });
});

describe("the DSO trend: twelve month-end rebuilds", () => {
  const cny = view.dso[0];

  test("twelve points from 2025-04-30 to 2026-03-31; the last is the as-of figure and the one before it the opening", () => {
    expect(cny.points.map((point) => formatIso(point.date))).toEqual([
      "2025-04-30", "2025-05-31", "2025-06-30", "2025-07-31", "2025-08-31", "2025-09-30",
      "2025-10-31", "2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31",
    ]);
    expect(cny.points.map((point) => shown(point.receivables)).slice(-4)).toEqual(["55000.00", "95000.00", "130000.00", "105000.00"]);
    expect(cny.points[0].receivables).toBe(500000);
  });

  test("at 2026-03-31: month sales 8,000.00, twelve months 138,000.00 over 365 days → 277.72 days simple, 100.2 count-back", () => {
    const last = cny.points[11];
    expect([shown(last.sales), shown(last.sales12), fixed(last.dsoSimple), last.dsoCountBack?.toString()]).toEqual(["8000.00", "138000.00", "277.72", "100.2"]);
  });

  test("2025-04-30: 5,000.00 (E1, issued 2024-10-01, the only sale of its twelve months) → simple 365 days; count-back six empty months and October whole = 210", () => {
    const first = cny.points[0];
    expect([shown(first.sales12), first.dsoSimple?.toString(), first.dsoCountBack?.toString()]).toEqual(["5000.00", "365", "210"]);
  });
});

describe("month over month (2026-02-28 against 2026-03-31)", () => {
  test("甲公司 overdue grew by 10,000.00 and moved to 61–90; 丙公司 moved to 31–60; the rest did not get worse", () => {
    expect(view.changes.map((c) => [c.customer, shown(c.openingOverdue), shown(c.closingOverdue), c.openingWorstBucket, c.closingWorstBucket, c.overdueGrew, c.worseBucket])).toEqual([
      ["甲公司", "50000.00", "60000.00", 2, 3, true, true],
      ["丙公司", "35000.00", "32000.00", 1, 2, false, true],
      ["Delta", "0.00", "0.00", null, 0, false, false],
      ["乙公司", "0.00", "0.00", 0, 0, false, false],
      ["戊公司", "5000.00", "5000.00", 4, 4, false, false],
    ]);
  });
});

describe("salesperson accountability (seed 001 第四章)", () => {
  test("off by default: no deduction list", () => {
    expect(view.deductions).toBeNull();
  });

  test("on at 0.5 ‰ a day: 张三 750.00 for 甲公司 (30,000 × 31 days + 30,000 × 19 days), 李四 496.00 for 丙公司 (32,000 × 31 days)", () => {
    const policy: Policy = { ...DEFAULT_POLICY, accountability: { ...DEFAULT_POLICY.accountability, enabled: true } };
    const on = buildManagementReport(scenarioLedger(), { asOf: SCENARIO_AS_OF, policy });
    expect(on.deductions!.map((d) => [d.salesperson, d.customer, shown(d.overdue), shown(d.interest), shown(d.badDebtCharge), shown(d.total)])).toEqual([
      ["张三", "甲公司", "60000.00", "750.00", "0.00", "750.00"],
      ["李四", "丙公司", "32000.00", "496.00", "0.00", "496.00"],
    ]);
  });

  test("its own rate (1 ‰) and a 30 % share of bad debts: 戊公司 given to 王五 is charged 1,500.00 of its 5,000.00", () => {
    const policy: Policy = { ...DEFAULT_POLICY, accountability: { enabled: true, dailyRate: new Dec("0.001"), badDebtShare: new Dec("0.3") } };
    const ledger = scenarioLedger();
    ledger.customers.push({ name: "戊公司", salesperson: "王五" });
    const on = buildManagementReport(ledger, { asOf: SCENARIO_AS_OF, policy });
    expect(on.deductions!.map((d) => [d.salesperson, d.customer, shown(d.interest), shown(d.badDebtCharge), shown(d.total)])).toEqual([
      ["张三", "甲公司", "1500.00", "0.00", "1500.00"],
      ["李四", "丙公司", "992.00", "0.00", "992.00"],
      ["王五", "戊公司", "155.00", "1500.00", "1655.00"],
    ]);
  });
});

describe("the view narrowed to one salesperson", () => {
  test("张三: only 甲公司 and 乙公司, CNY 68,000.00; the salespeople of the whole ledger are still listed", () => {
    const mine = buildManagementReport(scenarioLedger(), { asOf: SCENARIO_AS_OF, policy: DEFAULT_POLICY, salesperson: " 张三 " });
    expect(mine.salesperson).toBe("张三");
    expect(mine.customers.map((c) => c.report.customer)).toEqual(["乙公司", "甲公司"]);
    expect(mine.totals.map((s) => [s.currency, shown(s.outstanding)])).toEqual([["CNY", "68000.00"]]);
    expect(mine.dso[0].points[11].receivables).toBe(6800000);
    expect(mine.salespeople).toEqual(["张三", "李四"]);
  });

  test("a name nobody has gives an empty view", () => {
    const none = buildManagementReport(scenarioLedger(), { asOf: SCENARIO_AS_OF, policy: DEFAULT_POLICY, salesperson: "赵六" });
    expect([none.customers.length, none.totals.length, none.currencies]).toEqual([0, 0, []]);
  });
});

test("does not mutate its input", () => {
  const ledger = scenarioLedger();
  const before = JSON.stringify(ledger);
  buildManagementReport(ledger, { asOf: SCENARIO_AS_OF, policy: DEFAULT_POLICY, salesperson: "张三" });
  expect(JSON.stringify(ledger)).toBe(before);
});
