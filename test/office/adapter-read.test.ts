import { formatExact } from "../../src/rules/money";
import { rowInEnglish } from "../support/problems";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import { OfficeAdapter, type ExcelRunner } from "../../src/workbook/office/adapter";
import { readLedger } from "../../src/workbook/read";
import { createExcelHost, type SpecCell, type WorkbookSpec } from "../support/excel-standin";
import { cellAt, rowsToChange } from "../../src/workbook/sheet-cells";
import { gridOf, rowList } from "../support/grid";

function adapterFor(spec: WorkbookSpec): { adapter: OfficeAdapter; host: ReturnType<typeof createExcelHost>["host"] } {
  const { Excel, host } = createExcelHost(spec);
  return { adapter: new OfficeAdapter(Excel as unknown as ExcelRunner), host };
}

/** 20-character text: JSON "…" is 22 bytes, 24 on the wire (its quotes escaped again); its valueType "String" 8, 10 on the wire. */
const cellText = (row: number, col: number): string => `r${row}c${col}`.padEnd(20, ".");

describe("OfficeAdapter.read", () => {
  it("gives rows holding the same columns one list of them, across syncs, and each row's values at their length", async () => {
    const cells: SpecCell[][] = [["客户", "金额", "备注"], ["甲", 100, null], ["乙", 200, null], ["丙", 300, "已核对"]];
    const { adapter } = adapterFor({ sheets: [{ name: "S", cells }] });
    const rows = rowsToChange((await adapter.read()).sheets[0]);
    expect(rows.map((row) => row?.cols)).toEqual([[0, 1, 2], [0, 1], [0, 1], [0, 1, 2]]);
    // 甲 and 乙 share [0, 1]; 丙 has its own list again.
    expect(rows[2]?.cols).toBe(rows[1]?.cols);
    expect(rows[3]?.cols).not.toBe(rows[0]?.cols);
    expect(rows[3]?.values).toEqual(["丙", 300, "已核对"]);
  });

  it("reads only the sheets wanted: 20,000 ledger rows beside a settings sheet are never fetched for the settings", async () => {
    const ledger: SpecCell[][] = Array.from({ length: 20000 }, (_, r) => Array.from({ length: 10 }, (_, c) => cellText(r, c)));
    const settings: SpecCell[][] = [["interest.dailyRate", 0.0003], ["stopShipping.overdueMonths", 3]];
    const { adapter, host } = adapterFor({ sheets: [{ name: "Big", cells: ledger }, { name: "设置", cells: settings }] });
    const data = await adapter.read({ sheets: (name) => name === "设置" });
    expect(data.sheets.map((sheet) => [sheet.name, sheet.rows.length])).toEqual([["Big", 0], ["设置", 2]]);
    expect(gridOf(data.sheets[1])).toEqual(settings);
    // List + used range + the settings sheet's cells: 3 syncs, all of them small (the whole read takes 5, near 4 MB each).
    expect(host.syncs).toHaveLength(3);
    for (const sync of host.syncs) expect(sync.responseBytes).toBeLessThan(10_000);
  });

  it("in pieces: gives the workbook before its rows, then reads the largest sheet last, its first rows sampled first", async () => {
    const ledger: SpecCell[][] = Array.from({ length: 20000 }, (_, r) => Array.from({ length: 10 }, (_, c) => cellText(r, c)));
    const small: SpecCell[][] = [["客户名称", "账期"], ["甲", 30]];
    const { adapter } = adapterFor({ sheets: [{ name: "Big", cells: ledger }, { name: "客户", cells: small }, { name: "Empty", cells: [] }] });
    const seen: string[] = [];
    const data = await adapter.readInPieces(
      {},
      {
        layout: (layout, rowCounts) => seen.push(`layout ${layout.sheets.map((sheet) => sheet.name).join(",")} ${rowCounts.join(",")}`),
        rows: (sheet, startRow, rows) => seen.push(`${sheet}:${startRow}+${rows.length}`),
      },
    );
    // The sample (10,000 cells: 1,000 rows of Big), then the small sheet, then the rest of Big: a
    // chunk of at most four times the sample's bytes first (the small sheet's 2 rows share it), then
    // chunks as large as the budget allows.
    expect(seen).toEqual(["layout Big,客户,Empty 20000,2,0", "0:0+1000", "1:0+2", "0:1000+3635", "0:4635+9989", "0:14624+5376"]);
    expect(data.sheets.map((sheet) => sheet.rows.length)).toEqual([0, 0, 0]);
  });

  it("reads 20,000 rows × 10 columns in 6 syncs, each response under 4 MB, the first chunk after the sample at most 4 times its bytes", async () => {
    const cells: SpecCell[][] = Array.from({ length: 20000 }, (_, r) => Array.from({ length: 10 }, (_, c) => cellText(r, c)));
    const { adapter, host } = adapterFor({ sheets: [{ name: "Big", cells }] });
    const fractions: number[] = [];
    const data = await adapter.read({ onProgress: (p) => fractions.push(p.fraction) });

    // Sample chunk: 10,000 cells = 1,000 rows. Its response on the wire: values 1,000 rows × (10 × 24 + 9 + 2)
    // + 999 + 2 = 252,001 bytes; valueTypes 1,000 × (10 × 10 + 9 + 2) + 999 + 2 = 112,001 → 36.4002 bytes/cell,
    // × 1.1 safety = 40.04022 bytes/cell. The next chunk asks for at most 4 × 364,002 = 1,456,008 bytes:
    // 3,636 rows; the chunks after it for the whole 4,000,000: 9,989 rows, then the last 5,375.
    // Syncs: list + used ranges + sample + 3 chunks = 6. (The stand-in measures JSON: 232,001 + 92,001 for the sample.)
    expect(host.syncs).toHaveLength(6);
    for (const sync of host.syncs) expect(sync.responseBytes).toBeLessThan(4_000_000);
    expect(fractions.slice(0, 3)).toEqual([1000 / 20000, 4636 / 20000, 14625 / 20000]);
    expect(host.syncs[2].responseBytes).toBeGreaterThan(324_002);
    expect(data.sheets).toHaveLength(1);
    expect(data.sheets[0].rows).toHaveLength(20000);
    expect(cellAt(data.sheets[0], 19999, 9)).toBe(cellText(19999, 9));
    expect(cellAt(data.sheets[0], 10876, 0)).toBe(cellText(10876, 0));
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(fractions[0]).toBeCloseTo(1000 / 20000);
  });

  it("reads numbers, text, booleans, blanks and errors, and an Excel table's position", async () => {
    const { adapter } = adapterFor({
      sheets: [
        {
          name: "Invoices",
          cells: [
            ["Invoice list"],
            [],
            [],
            ["No", "Customer", "Amount", "Paid"],
            ["A-1", "甲公司", 1200.5, true],
            ["A-2", null, { error: "#N/A" }, false],
            ["A-3", "乙公司", 80, null],
          ],
          tables: [{ name: "InvoiceTable", range: "A4:D7" }],
        },
        { name: "Notes", cells: [[null, null], [null, "only B2"]] },
      ],
    });
    const data = await adapter.read();
    expect(data.tables).toEqual([{ name: "InvoiceTable", sheet: "Invoices", headerRow: 3, firstCol: 0, rowCount: 3, columnCount: 4 }]);
    const invoices = data.sheets[0];
    expect(invoices).toMatchObject({ name: "Invoices", firstRow: 0, firstCol: 0, generated: false });
    expect(gridOf(invoices, 4)[5]).toEqual(["A-2", null, { error: "#N/A" }, false]);
    expect(gridOf(invoices, 4)[4]).toEqual(["A-1", "甲公司", 1200.5, true]);
    expect(gridOf(invoices, 4)[1]).toEqual([null, null, null, null]);
    expect(data.sheets[1]).toMatchObject({ name: "Notes", firstRow: 1, firstCol: 1 });
    expect(gridOf(data.sheets[1])).toEqual([["only B2"]]);
  });

  it("detects the 1900 date system", async () => {
    const { adapter, host } = adapterFor({ sheets: [{ name: "Data", cells: [[1]] }] });
    const before = host.workbook.snapshot("Data");
    expect((await adapter.read()).dateSystem).toBe("1900");
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["Data"]);
    expect(host.workbook.snapshot("Data")).toBe(before);
    expect(host.writesBySheet.Data).toBeUndefined();
  });

  it("detects the 1904 date system and removes its scratch sheet", async () => {
    const { adapter, host } = adapterFor({ sheets: [{ name: "Data", cells: [[1]] }], date1904: true });
    expect((await adapter.read()).dateSystem).toBe("1904");
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["Data"]);
    const scratchWrites = Object.keys(host.writesBySheet);
    expect(scratchWrites).toHaveLength(1);
    expect(scratchWrites[0]).toMatch(/^ar-scratch-date-/);
  });

  it("returns the add-in's settings and marks generated sheets by id, not by name", async () => {
    const { Excel, host } = createExcelHost({
      sheets: [
        { name: "Invoices", cells: [["No"], ["A-1"]] },
        { name: "Aging", cells: [["ours"]] },
      ],
    });
    const agingId = host.workbook.sheet("Aging").id;
    host.workbook.settings.set("ar.generated", JSON.stringify([{ id: agingId, name: "Aging", kind: "aging" }]));
    host.workbook.settings.set("ar.policy", '{"edges":[30]}');
    host.workbook.settings.set("other.addin", "x");
    const data = await new OfficeAdapter(Excel as unknown as ExcelRunner).read();
    expect(data.settings).toEqual({ "ar.policy": '{"edges":[30]}' });
    expect(data.sheets.map((s) => [s.name, s.generated, s.rows.length])).toEqual([
      ["Invoices", false, 2],
      ["Aging", true, 0],
    ]);
  });

  it("treats a user sheet named like a generated one as user data", async () => {
    const { adapter } = adapterFor({
      sheets: [{ name: "Aging", cells: [["my own"]] }],
      settings: { "ar.generated": JSON.stringify([{ id: "{deleted-long-ago}", name: "Aging", kind: "aging" }]) },
    });
    const data = await adapter.read();
    expect(data.sheets[0]).toMatchObject({ name: "Aging", generated: false });
    expect(gridOf(data.sheets[0])).toEqual([["my own"]]);
  });

  it("shrinks the chunk and retries when later rows are much longer than the sample", async () => {
    const short: SpecCell[][] = Array.from({ length: 1000 }, () => Array.from({ length: 10 }, () => "a"));
    const long: SpecCell[][] = Array.from({ length: 1000 }, () => Array.from({ length: 10 }, () => "z".repeat(1000)));
    const { adapter, host } = adapterFor({ sheets: [{ name: "Mixed", cells: [...short, ...long] }] });
    const data = await adapter.read();
    expect(cellAt(data.sheets[0], 1999, 9)).toBe("z".repeat(1000));
    expect(rowList(data.sheets[0]).every((row) => row?.cols.length === 10)).toBe(true);
    // Sample: 1,000 short rows → (10 × 5 + 11 + 10 × 10 + 11) / 10 ≈ 17.2 wire bytes/cell × 1.1 → the
    // next chunk, of at most 4 times the sample's bytes, takes all 1,000 long rows (10.1 MB) in one sync,
    // which Excel rejects. The retry assumes they filled twice what was asked: 87 rows (0.88 MB); then
    // the measured ≈ 1,015 wire bytes/cell × 1.1 gives 315 rows (4 × 0.88 MB), then 358 rows a sync
    // (4,000,000 B): 87 + 315 + 358 + 240.
    expect(host.syncs).toHaveLength(8);
    expect(host.syncs.slice(4).map((s) => s.responseBytes < 4_000_000)).toEqual([true, true, true, true]);
    expect(host.syncs.filter((s) => s.responseBytes > 5 * 1024 * 1024)).toHaveLength(1);
    expect(host.syncs[3].responseBytes).toBeGreaterThan(10_000_000);
  });

  it("keeps every response under 4 MB for text of escaped characters, 3-byte and 4-byte UTF-8", async () => {
    // Per UTF-16 unit on the wire ≈ 2.9 bytes ('"', '\\', '\n' 2; U+0001 and a lone surrogate 6; 客 3; an
    // emoji 4 for 2 units): a count of characters instead of bytes would under-estimate by 2.9× and
    // the chunks after the sample would go over 5 MB.
    const pieces = ['"', "\\", "\n", "\u0001", "客", "😀", "\ud800", "a"];
    const text = (row: number, col: number): string => {
      let out = `${row}:${col}:`;
      for (let i = 0; out.length < 100; i++) out += pieces[(row * 5 + col + i) % pieces.length];
      return out;
    };
    const cells: SpecCell[][] = Array.from({ length: 20000 }, (_, r) => [text(r, 0), text(r, 1), r + 0.5]);
    const { adapter, host } = adapterFor({ sheets: [{ name: "Worst", cells }] });
    const data = await adapter.read();
    expect(gridOf(data.sheets[0], 3)[19999]).toEqual([text(19999, 0), text(19999, 1), 19999.5]);
    expect(cellAt(data.sheets[0], 12345, 1)).toBe(text(12345, 1));
    // ≈ 13 MB: list + used ranges + a sample of 3,333 rows (≈ 2 MB) + chunks filled to 4,000,000 ÷ 1.1 on
    // the wire; with a quote or backslash in every fourth character this text is ≈ 1.26× longer on the
    // wire than in JSON (what the stand-in measures), so the fullest response is ≈ 2.88 MB of JSON.
    for (const sync of host.syncs) expect(sync.responseBytes).toBeLessThan(4_000_000);
    expect(host.syncs.length).toBeLessThanOrEqual(8);
    expect(Math.max(...host.syncs.map((sync) => sync.responseBytes))).toBeGreaterThan(2_800_000);
  });

  it("stops before the next sync when aborted", async () => {
    const { adapter, host } = adapterFor({ sheets: [{ name: "Data", cells: [[1]] }] });
    const controller = new AbortController();
    controller.abort(new Error("user cancelled"));
    await expect(adapter.read({ signal: controller.signal })).rejects.toThrow("user cancelled");
    expect(host.syncs).toHaveLength(0);
  });

  it("lists hidden and filtered rows: nothing more when none or all are hidden, one getRowProperties per chunk when some are", async () => {
    const { adapter, host } = adapterFor({
      sheets: [
        { name: "Some", cells: [["Customer", "Amount"], ["A", 1], ["B", 2], ["C", 3], ["D", 4]], hiddenRows: [3, 5] },
        { name: "None", cells: [["x"], ["y"]] },
        { name: "All", cells: [[null], ["p"], ["q"]], hiddenRows: [1, 2, 3] },
      ],
    });
    const data = await adapter.read();
    expect(data.sheets.map((sheet) => [sheet.name, sheet.hiddenRows])).toEqual([
      ["Some", [2, 4]],
      ["None", undefined],
      ["All", [1, 2]],
    ]);
    // list + used ranges (with rowHidden) + sample chunk ("Some") + the other two sheets: no sync of its own for the hidden rows.
    expect(host.syncs).toHaveLength(4);
    expect(host.syncs[2].ops).toEqual(["Range.load", "Range.getRowProperties"]);
    expect(host.syncs[3].ops).toEqual(["Range.load", "Range.load"]);
  });

  it("finds the hidden rows of 20,000 rows, a third of them filtered out, without a sync per row", async () => {
    const cells: SpecCell[][] = Array.from({ length: 20000 }, (_, r) => Array.from({ length: 10 }, (_, c) => cellText(r, c)));
    const hiddenRows = Array.from({ length: 20000 }, (_, r) => r + 1).filter((row) => row % 3 === 0);
    const { adapter, host } = adapterFor({ sheets: [{ name: "Filtered", cells, hiddenRows }] });
    const data = await adapter.read();
    expect(data.sheets[0].hiddenRows).toEqual(hiddenRows.map((row) => row - 1));
    expect(cellAt(data.sheets[0], 19999, 9)).toBe(cellText(19999, 9));
    // Sample of 1,000 rows as in the unfiltered read, then a chunk of at most 4 times its bytes, then
    // 4,000,000 / (10 × 40.04 + 128 bytes of flags) = 7,570 rows per chunk: 7 syncs where the
    // unfiltered read takes 6.
    expect(host.syncs).toHaveLength(7);
    for (const sync of host.syncs) expect(sync.responseBytes).toBeLessThan(4_000_000);
    const flagOps = host.syncs.flatMap((sync) => sync.ops).filter((op) => op === "Range.getRowProperties");
    expect(flagOps).toHaveLength(host.syncs.length - 2);
  });

  it("hands the hidden rows to readLedger, which reads them and says so once", async () => {
    const { adapter } = adapterFor({
      sheets: [{ name: "Invoices", cells: [["Customer", "Invoice No", "Due date", "Amount"], ["A", "1", "2026-03-01", 100], ["B", "2", "2026-03-01", 200]], hiddenRows: [3] }],
    });
    const read = readLedger(await adapter.read(), DEFAULT_POLICY);
    expect(read.ledger.invoices.map((invoice) => formatExact(invoice.amount, read.ledger.scale))).toEqual(["100", "200"]);
    expect(read.notices.map(rowInEnglish)).toEqual([
      { sheet: "Invoices", row: 3, column: "A", message: "1 hidden or filtered row was included in the figures (row 3)", code: "rows.hidden" },
    ]);
  });
});
