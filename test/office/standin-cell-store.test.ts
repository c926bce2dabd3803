import { CellStore } from "../support/excel-standin/cell-store";

describe("the stand-in's cell store", () => {
  it("keeps each kind of value, across blocks of rows, and clears cells", () => {
    const cells = new CellStore();
    cells.put(0, 0, "客户");
    cells.put(1, 0, 1063.125);
    cells.put(2, 0, true);
    cells.put(3, 0, false);
    cells.put(5000, 3, { error: "#N/A" });
    expect([cells.get(0, 0), cells.get(1, 0), cells.get(2, 0), cells.get(3, 0), cells.get(4, 0), cells.get(5000, 3)]).toEqual(["客户", 1063.125, true, false, undefined, { error: "#N/A" }]);
    cells.put(1, 0, undefined);
    expect(cells.get(1, 0)).toBeUndefined();
    expect(cells.usedRect(true)).toEqual({ row: 0, col: 0, rows: 5001, cols: 4 });
  });

  it("gives cells with the same formats one style, and a format change keeps the others", () => {
    const cells = new CellStore();
    cells.setNumberFormat(0, 0, "#,##0.00");
    cells.setNumberFormat(1, 0, "#,##0.00");
    cells.changeFormats({ row: 0, rows: 2 }, { col: 0, cols: 2 }, (format) => (format.bold = true));
    expect(cells.formatAt(0, 0)).toEqual({ numberFormat: "#,##0.00", bold: true });
    expect(cells.formatAt(1, 0)).toBe(cells.formatAt(0, 0));
    expect(cells.formatAt(0, 1)).toEqual({ bold: true });
    expect(cells.formatAt(5, 5)).toBeUndefined();
    // A formatted cell without a value counts in the used range with formats only.
    expect(cells.usedRect(false)).toEqual({ row: 0, col: 0, rows: 2, cols: 2 });
    expect(cells.usedRect(true)).toBeNull();
  });

  it("keeps the quote prefix apart from the formats, and moves both with the value", () => {
    const cells = new CellStore();
    cells.put(2, 1, "=cmd");
    cells.setQuotePrefix(2, 1, true);
    cells.setNumberFormat(2, 1, "@");
    cells.clearFormat(2, 1);
    expect([cells.hasQuotePrefix(2, 1), cells.formatAt(2, 1)]).toEqual([true, undefined]);
    cells.move(2, 1, 4, 1);
    expect([cells.get(2, 1), cells.hasQuotePrefix(2, 1), cells.get(4, 1), cells.hasQuotePrefix(4, 1)]).toEqual([undefined, false, "=cmd", true]);
    expect(cells.rowExtent()).toBe(5);
  });
});
