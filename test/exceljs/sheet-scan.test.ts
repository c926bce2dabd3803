/**
 * The worksheet scanner keeps cells that come in reading order packed (packed-rows.ts) and any
 * other sheet as rows: both give the same rows, whatever order the cells come in.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/workbook/adapter-types";
import { SheetCollector } from "../../src/workbook/exceljs/sheet-scan";
import { PackedRows } from "../../src/workbook/packed-rows";
import { columnLetter } from "../../src/workbook/text";
import { rowList } from "../support/grid";

type Cell = { row: number; col: number; value: number | string | boolean };

const cellValue = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), fc.constantFrom("甲公司", "INV-1", "a<b", "x"), fc.boolean());

function valueXml(value: Cell["value"]): string {
  if (typeof value === "number") return `><v>${Object.is(value, -0) ? "-0" : value}</v></c>`;
  if (typeof value === "boolean") return ` t="b"><v>${value ? 1 : 0}</v></c>`;
  return ` t="inlineStr"><is><t>${value.replace(/</g, "&lt;")}</t></is></c>`;
}

/** A worksheet holding the cells in the given order, one `<row>` per run of cells of one row. */
function sheetXml(cells: Cell[], merges: string[]): string {
  let xml = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  let open = -1;
  for (const cell of cells) {
    if (cell.row !== open) {
      if (open >= 0) xml += "</row>";
      xml += `<row r="${cell.row + 1}">`;
      open = cell.row;
    }
    xml += `<c r="${columnLetter(cell.col)}${cell.row + 1}"${valueXml(cell.value)}`;
  }
  if (open >= 0) xml += "</row>";
  xml += "</sheetData>";
  if (merges.length > 0) xml += `<mergeCells>${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join("")}</mergeCells>`;
  return `${xml}</worksheet>`;
}

/** What the sheet holds: the last value written to each cell, rows from the first holding one. */
function expected(cells: Cell[]): { firstRow: number; firstCol: number; rows: ({ cols: number[]; values: CellValue[] } | undefined)[] } {
  const byRow = new Map<number, Map<number, CellValue>>();
  for (const { row, col, value } of cells) {
    if (!byRow.has(row)) byRow.set(row, new Map());
    byRow.get(row)!.set(col, value);
  }
  if (byRow.size === 0) return { firstRow: 0, firstCol: 0, rows: [] };
  const rowNumbers = [...byRow.keys()];
  const firstRow = Math.min(...rowNumbers);
  const rows = Array.from({ length: Math.max(...rowNumbers) - firstRow + 1 }, (_, index) => {
    const found = byRow.get(firstRow + index);
    if (found === undefined) return undefined;
    const cols = [...found.keys()].sort((a, b) => a - b);
    return { cols, values: cols.map((col) => found.get(col)!) };
  });
  return { firstRow, firstCol: Math.min(...cells.map((cell) => cell.col)), rows };
}

const cellsInAnyOrder = fc.array(fc.record({ row: fc.nat(40), col: fc.nat(30), value: cellValue }), { maxLength: 60 });
/** Mostly what writers make: row by row, left to right, each cell once. */
const cellsInOrder = cellsInAnyOrder.map((cells) => {
  const seen = new Set<string>();
  return cells
    .filter((cell) => !seen.has(`${cell.row}:${cell.col}`) && seen.add(`${cell.row}:${cell.col}`))
    .sort((a, b) => a.row - b.row || a.col - b.col);
});

describe("the worksheet scanner's rows", () => {
  it("are the sheet's cells whatever order they come in, packed or not", () => {
    fc.assert(
      fc.property(fc.oneof(cellsInOrder, cellsInAnyOrder), (cells) => {
        const collector = new SheetCollector("S", [], false);
        collector.feed(Buffer.from(sheetXml(cells, [])));
        const scanned = collector.finish();
        const want = expected(cells);
        expect(rowList(scanned)).toEqual(want.rows);
        expect([scanned.firstRow, scanned.firstCol]).toEqual([want.firstRow, want.firstCol]);
      }),
      { numRuns: 400 },
    );
  });

  it("keeps cells in reading order packed, and a merged range's value in its first cell only", () => {
    const cells: Cell[] = [
      { row: 2, col: 1, value: "客户" },
      { row: 2, col: 2, value: "金额" },
      { row: 3, col: 1, value: "甲公司" },
      { row: 3, col: 2, value: 12.5 },
      { row: 4, col: 1, value: "merged" },
      { row: 4, col: 2, value: "covered" },
    ];
    const packed = new SheetCollector("S", [], false);
    packed.feed(Buffer.from(sheetXml(cells, [])));
    const plain = packed.finish();
    expect(plain.rows).toBeInstanceOf(PackedRows);
    expect(rowList(plain)).toEqual(expected(cells).rows);

    const merged = new SheetCollector("S", [], false);
    merged.feed(Buffer.from(sheetXml(cells, ["B5:C5"])));
    const withMerge = merged.finish();
    expect(Array.isArray(withMerge.rows)).toBe(true);
    expect(rowList(withMerge).at(-1)).toEqual({ cols: [1], values: ["merged"] });
  });

  it("reads a cell the same whether it is written plainly (read at once) or in any other way (tag by tag)", () => {
    const STRINGS = ["甲公司", "INV-1", ""];
    // Each form spells a cell at `ref` holding `value`, or nothing (undefined) for a cell without one.
    type Form = (ref: string, value: number, index: number) => [string, CellValue | undefined];
    const forms: Form[] = [
      (ref, value) => [`<c r="${ref}"><v>${value}</v></c>`, value],
      (ref, value) => [`<c r="${ref}" s="3"><v>${value}</v></c>`, value],
      (ref, _value, index) => [`<c r="${ref}" t="s"><v>${index}</v></c>`, STRINGS[index] || undefined],
      (ref, _value, index) => [`<c r="${ref}" s="1" t="s"><v>${index}</v></c>`, STRINGS[index] || undefined],
      (ref) => [`<c r="${ref}" t="s"><v>99</v></c>`, undefined],
      (ref) => [`<c r="${ref}" t="s"><v>x</v></c>`, undefined],
      (ref, value) => [`<c r="${ref}" t="n"><v>${value}</v></c>`, value],
      (ref, value) => [`<c  r="${ref}"><v>${value}</v></c>`, value],
      (ref, value) => [`<c r='${ref}'><v>${value}</v></c>`, value],
      (ref, value) => [`<c r="${ref}" cm="1"><v>${value}</v></c>`, value],
      (ref, value) => [`<c r="${ref}"><f>A1</f><v>${value}</v></c>`, value],
      (ref, value) => [`<c r="${ref}"><v>${value.toExponential()}</v></c>`, value],
      (ref) => [`<c r="${ref}" s="2"/>`, undefined],
      (ref) => [`<c r="${ref}"><v></v></c>`, undefined],
      (ref, value) => [`<c r="${ref}" t="inlineStr"><is><t>n${value}</t></is></c>`, `n${value}`],
      (ref, value) => [`<c r="${ref}" t="b"><v>${value > 0 ? 1 : 0}</v></c>`, value > 0],
    ];
    const cell = fc.record({ form: fc.nat(forms.length - 1), value: fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100), index: fc.nat(STRINGS.length - 1) });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 12 }), (rows) => {
        let xml = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
        const want: Cell[] = [];
        rows.forEach((row, r) => {
          xml += `<row r="${r + 1}">`;
          row.forEach(({ form, value, index }, c) => {
            const [text, held] = forms[form](`${columnLetter(c)}${r + 1}`, value, index);
            xml += text;
            if (held !== undefined && held !== null) want.push({ row: r, col: c, value: held as Cell["value"] });
          });
          xml += "</row>";
        });
        const collector = new SheetCollector("S", STRINGS, false);
        collector.feed(Buffer.from(`${xml}</sheetData></worksheet>`));
        const scanned = collector.finish();
        expect(rowList(scanned)).toEqual(expected(want).rows);
      }),
      { numRuns: 400 },
    );
  });

  it("packs far-apart cells: a row between them costs four bytes, no object", () => {
    const packed = new PackedRows();
    packed.append(0, 701, 1);
    packed.append(1_048_575, 0, "last");
    packed.finish();
    expect([packed.length, packed.firstRow]).toEqual([1_048_576, 0]);
    expect([packed.row(0), packed.row(1), packed.row(1_048_575), packed.row(1_048_576)]).toEqual([
      { cols: [701], values: [1] },
      undefined,
      { cols: [0], values: ["last"] },
      undefined,
    ]);
  });
});
