import { LedgerScale } from "../../../src/workbook/read/ledger-scale";

describe("LedgerScale", () => {
  it("counts amounts in fen by default, exactly", () => {
    const amounts = new LedgerScale();
    expect(amounts.units({ units: 12345, scale: 1 })).toBe(123450);
    expect(amounts.units({ units: 7, scale: 0 })).toBe(700);
    expect(amounts.units({ units: -5, scale: 2 })).toBe(-5);
    expect(amounts.finest).toBe(2);
  });

  it("remembers the finest amount met, rounding it only for this reading", () => {
    const amounts = new LedgerScale(2);
    expect(amounts.units({ units: 1063125, scale: 3 })).toBe(106313);
    expect(amounts.units({ units: 1, scale: 1 })).toBe(10);
    expect(amounts.finest).toBe(3);
  });

  it("at a finer scale rescales every coarser amount exactly, bigint past 2^53", () => {
    const amounts = new LedgerScale(3);
    expect(amounts.units({ units: 100000, scale: 2 })).toBe(1000000);
    expect(amounts.units({ units: 1063125, scale: 3 })).toBe(1063125);
    expect(new LedgerScale(20).units({ units: 1000000000000000, scale: 0 })).toBe(10n ** 35n);
  });
});
