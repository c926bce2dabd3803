import { MAKE_STEP, runsFrom, inputRows, cellInput, layoutOf, planValues, checkLayoutFitsSheet, type ValueChunk } from "../../src/workbook/office/write-values";
import { planWithRowsLater } from "../../src/workbook/plan-rows";
import type { PlanCell, SheetPlan } from "../../src/workbook/plan-types";
import { charsToPoints } from "../../src/workbook/office/write";

/** Every run of a plan, cut under the budget (one take with room for all). */
function valueChunks(values: PlanCell[][], shifted: boolean[] | null, budget: number): ValueChunk[] {
  return runsFrom(values, shifted, { start: 0, runBytes: budget, roomBytes: Infinity, runOverhead: 0, mayBeEmpty: false });
}

describe("cell inputs and widths", () => {
  it("prefixes every string with Excel's quote prefix", () => {
    expect(cellInput("=1+2")).toBe("'=1+2");
    expect(cellInput("'quoted")).toBe("''quoted");
    expect(cellInput("")).toBe("");
    expect(cellInput(null)).toBe("");
    expect(cellInput(0)).toBe(0);
  });

  it("converts character widths to points", () => {
    expect(charsToPoints(10)).toBe(56.25); // (10 × 7 + 5) px × 0.75
  });
});

describe("value runs", () => {
  it("counts each row's request bytes on the wire from the plan and splits the rows under the budget", () => {
    // ["'a"] is 6 bytes of JSON, 8 on the wire (its 2 quotes escaped again), plus the comma between rows: 9 bytes a row.
    expect(valueChunks([["a"], ["b"], ["c"]], null, 18)).toEqual([
      { start: 0, count: 2, bytes: 18 },
      { start: 2, count: 1, bytes: 9 },
    ]);
    const rows = inputRows([["a"], ["b"]], { start: 0, count: 2, bytes: 18 }, null);
    expect(rows).toEqual([["'a"], ["'b"]]);
    expect(rows.map((row) => JSON.stringify(JSON.stringify(row)).length - 2 + 1)).toEqual([9, 9]);
  });

  it("builds a run's inputs with text protected and 1904 dates shifted below the header", () => {
    // 46349 is 2026-11-23 in the 1900 system, 46349 − 1462 = 44887 in the 1904 system.
    const values = [["due", "note"], [46349, "=1+2"]];
    expect(inputRows(values, { start: 0, count: 2, bytes: 0 }, [true])).toEqual([["'due", "'note"], [44887, "'=1+2"]]);
    const wire = (row: unknown[]): number => JSON.stringify(JSON.stringify(row)).length - 2;
    expect(valueChunks(values, [true], 1000)[0].bytes).toBe(wire(["'due", "'note"]) + 1 + wire([44887, "'=1+2"]) + 1);
  });
});

describe("value runs taken batch by batch", () => {
  // 9 bytes a row (["'a"] plus its comma), runs of at most 2 rows (18 bytes), 5 bytes of overhead a run.
  const rows: PlanCell[][] = Array.from({ length: 7 }, () => ["a"]);
  const take = (start: number, roomBytes: number, mayBeEmpty: boolean): ValueChunk[] => runsFrom(rows, null, { start, runBytes: 18, roomBytes, runOverhead: 5, mayBeEmpty });

  it("takes the runs from a start while the next fits in the room, cut where the whole plan's are", () => {
    // Room 50: 23 + 23 = 46, the third (23) does not fit.
    expect(take(0, 50, false)).toEqual([
      { start: 0, count: 2, bytes: 18 },
      { start: 2, count: 2, bytes: 18 },
    ]);
    expect(take(4, 50, false)).toEqual([
      { start: 4, count: 2, bytes: 18 },
      { start: 6, count: 1, bytes: 9 },
    ]);
  });

  it("takes nothing when the first run does not fit beside other units, and the first run whatever its size alone", () => {
    expect(take(0, 22, true)).toEqual([]);
    expect(take(0, 22, false)).toEqual([{ start: 0, count: 2, bytes: 18 }]);
  });

  it("covers every row once, in the whole plan's runs, whatever the rooms (random rooms)", () => {
    for (let trial = 0; trial < 200; trial++) {
      const values: PlanCell[][] = Array.from({ length: 1 + Math.floor(Math.random() * 40) }, (_, r) => [r % 3 === 0 ? `客户${r}` : r * 1.25, r % 5 === 0 ? null : "x"]);
      const runBytes = 10 + Math.floor(Math.random() * 60);
      const whole = runsFrom(values, null, { start: 0, runBytes, roomBytes: Infinity, runOverhead: 0, mayBeEmpty: false });
      const taken: ValueChunk[] = [];
      for (let start = 0, first = true; start < values.length; first = !first) {
        const runs = runsFrom(values, null, { start, runBytes, roomBytes: Math.floor(Math.random() * 150), runOverhead: 3, mayBeEmpty: !first });
        taken.push(...runs);
        if (runs.length > 0) start = runs[runs.length - 1].start + runs[runs.length - 1].count;
      }
      expect(taken).toEqual(whole);
    }
  });
});

describe("the runs of the next takes, cut ahead", () => {
  it("gives the runs the next takes will take, from where the last ended, and the takes stay as they were (random rooms)", async () => {
    for (let trial = 0; trial < 100; trial++) {
      const rowsOf = (count: number): PlanCell[][] => Array.from({ length: count }, (_, r) => [r % 3 === 0 ? `客户${r % 7}` : r * 1.25, r % 5 === 0 ? null : "x"]);
      const layout = { name: "Detail", kind: "detail" as const, formats: [], conditionalFormats: [], columnWidths: [], freezeRows: 1, freezeCols: 0 };
      const plans: SheetPlan[] = [{ ...layout, values: rowsOf(1 + Math.floor(Math.random() * 40)) }, { ...layout, values: rowsOf(1 + Math.floor(Math.random() * 40)) }];
      const plain = planValues(plans);
      const ahead = planValues(plans);
      const runBytes = 10 + Math.floor(Math.random() * 60);
      // Ahead of any take of the second plan: its runs from its first row.
      const whole = (plan: number, start: number): ValueChunk[] => runsFrom(plans[plan].values, null, { start, runBytes, roomBytes: Infinity, runOverhead: 0, mayBeEmpty: false });
      const bytes = (runs: ValueChunk[]): number => runs.reduce((sum, run) => sum + run.bytes, 0);
      const first = ahead.upcoming(1, { runBytes, dateSystem: "1900" }, 40);
      expect(first).toEqual(whole(1, 0).slice(0, first.length));
      expect(first.length === whole(1, 0).length || bytes(first) >= 40).toBe(true);
      for (const plan of [0, 1]) {
        for (let start = 0, firstTake = true; start < plans[plan].values.length; firstTake = !firstTake) {
          const wanted = Math.floor(Math.random() * 120);
          const next = ahead.upcoming(plan, { runBytes, dateSystem: "1900" }, wanted);
          // As many runs as hold the bytes asked for (one more than needed at most), or all that are left.
          expect(next).toEqual(whole(plan, start).slice(0, next.length));
          expect(next.length === whole(plan, start).length || bytes(next) >= wanted).toBe(true);
          expect(next.length === 0 || bytes(next.slice(0, -1)) < wanted).toBe(true);
          const ask = { plan, dateSystem: "1900" as const, start, runBytes, roomBytes: Math.floor(Math.random() * 150), runOverhead: 3, mayBeEmpty: !firstTake };
          const taken = plain.runsOf(ask);
          expect(ahead.runsOf(ask)).toEqual(taken);
          if (taken.length > 0) start = taken[taken.length - 1].start + taken[taken.length - 1].count;
        }
      }
    }
  });

  it("cuts anew for a take that does not start where the last ended", () => {
    const values: PlanCell[][] = Array.from({ length: 20 }, (_, r) => [`r${r}`]);
    const plans: SheetPlan[] = [{ name: "D", kind: "detail", values, formats: [], conditionalFormats: [], columnWidths: [], freezeRows: 0, freezeCols: 0 }];
    const held = planValues(plans);
    const ask = { plan: 0, dateSystem: "1900" as const, runBytes: 30, roomBytes: 60, runOverhead: 0, mayBeEmpty: false };
    const fromStart = held.runsOf({ ...ask, start: 0 });
    expect(held.upcoming(0, ask, 1000).length).toBeGreaterThan(0);
    // Back to the first row, and then from a row no run begins at.
    expect(held.runsOf({ ...ask, start: 0 })).toEqual(fromStart);
    expect(held.runsOf({ ...ask, start: 3 })).toEqual(runsFrom(values, null, { ...ask, start: 3 }));
  });
});

describe("value runs over repeated cells", () => {
  it("counts a cell equal to the one above as that one was counted, the header row apart (never moved to 1904)", () => {
    // The header's 10500 is not a date; the rows' 10500 are, and move to 9038 in 1904 (a digit fewer).
    const values = [[10500, "客户", "x"], [10500, "客户", "a\"b"], [10500, "客户", "a\"b"], [10501, "客户2", null], [10501, "客户2", null]];
    // UTF-8 bytes on the wire: the row's JSON, its quotes and backslashes escaped again.
    const wire = (row: unknown[]): number => Buffer.byteLength(JSON.stringify(JSON.stringify(row))) - 2;
    const expected = inputRows(values, { start: 0, count: values.length, bytes: 0 }, [true]).reduce((sum, row) => sum + wire(row) + 1, 0);
    for (const budget of [1_000, 60, 1]) {
      const runs = valueChunks(values, [true], budget);
      expect(runs.reduce((sum, run) => sum + run.bytes, 0)).toBe(expected);
    }
    expect(valueChunks(values, null, 1_000)[0].bytes).toBe(inputRows(values, { start: 0, count: 5, bytes: 0 }, null).reduce((sum, row) => sum + wire(row) + 1, 0));
  });
});

describe("plan layouts and values", () => {
  const plan: SheetPlan = {
    name: "Detail",
    kind: "detail",
    values: [["Due", "Customer"], [46349, "=1+2"], [46350, "B"]],
    formats: [],
    conditionalFormats: [],
    columnWidths: [12, 20],
    freezeRows: 1,
    freezeCols: 0,
    dateCols: [0],
  };

  it("keeps everything of a plan but its cells, and their extent", () => {
    expect(layoutOf(plan)).toEqual({ name: "Detail", kind: "detail", formats: [], conditionalFormats: [], columnWidths: [12, 20], freezeRows: 1, freezeCols: 0, dateCols: [0], rowCount: 3, width: 2 });
    expect(() => checkLayoutFitsSheet({ ...layoutOf(plan), rowCount: 1_048_577 })).toThrow("1048577 rows, more than Excel's 1048576");
    expect(() => checkLayoutFitsSheet({ ...layoutOf(plan), width: 16_385 })).toThrow("16385 columns, more than Excel's 16384");
  });

  it("gives a plan's runs for the workbook's date system with their inputs", async () => {
    const values = planValues([plan, { ...plan, name: "Empty", values: [] }]);
    // On the wire, with a comma after each row: ["'Due","'Customer"] 3 + 8 + 13 = 24 (+1); [44887,"'=1+2"]
    // 3 + 5 + 9 = 17 (+1); [44888,"'B"] 3 + 5 + 6 = 14 (+1). Under 45 bytes: 25 + 18, then 15.
    const ask = { plan: 0, start: 0, runBytes: 45, roomBytes: 1000, runOverhead: 0, mayBeEmpty: false };
    const taken = await values.take({ ...ask, dateSystem: "1904" });
    expect(taken.map(({ run }) => run)).toEqual([{ start: 0, count: 2, bytes: 43 }, { start: 2, count: 1, bytes: 15 }]);
    expect(values.runsOf({ ...ask, dateSystem: "1904" })).toEqual(taken.map(({ run }) => run));
    // 46349 − 1462 = 44887: 2026-11-23 in the 1904 system; text keeps its quote prefix.
    expect(taken.map(({ inputs }) => inputs)).toEqual([[["'Due", "'Customer"], [44887, "'=1+2"]], [[44888, "'B"]]]);
    const in1900 = await values.take({ ...ask, dateSystem: "1900", runBytes: 1000, start: 1 });
    expect(in1900).toEqual([{ run: { start: 1, count: 2, bytes: 33 }, inputs: [[46349, "'=1+2"], [46350, "'B"]] }]);
    expect(await values.take({ ...ask, plan: 1, dateSystem: "1900" })).toEqual([]);
  });

  it("takes a plan's rows made later as it takes the same rows made at once, making only what the room can hold (random rooms)", async () => {
    for (let trial = 0; trial < 100; trial++) {
      const width = 1 + Math.floor(Math.random() * 4);
      const rows: PlanCell[][] = Array.from({ length: 1 + Math.floor(Math.random() * (trial % 2 === 0 ? 300 : 4 * MAKE_STEP)) }, (_, r) =>
        Array.from({ length: width }, (_, c) => (c === 0 && r % 7 === 0 ? null : (r + c) % 3 === 0 ? `客户${r % 11}` : (r * c) % 50)),
      );
      const layout = { name: "Detail", kind: "detail" as const, formats: [], conditionalFormats: [], columnWidths: [], freezeRows: 1, freezeCols: 0, dateCols: [0] };
      const later = planWithRowsLater(layout, rows.length, width, () => rows.values());
      let made = 0;
      const counted = (function* () {
        for (const row of rows) {
          made++;
          yield row;
        }
      })();
      const lazy = planWithRowsLater(layout, rows.length, width, () => counted);
      const eager = planValues([{ ...layout, values: rows }]);
      const lazily = planValues([lazy]);
      const runBytes = 20 + Math.floor(Math.random() * 2000);
      for (let start = 0, first = true; start < rows.length; first = !first) {
        const before = made;
        const ask = { plan: 0, dateSystem: "1904" as const, start, runBytes, roomBytes: Math.floor(Math.random() * 6000), runOverhead: 3, mayBeEmpty: !first };
        const expected = await eager.take(ask);
        expect(await lazily.take(ask)).toEqual(expected);
        const end = expected.length === 0 ? start : expected[expected.length - 1].run.start + expected[expected.length - 1].run.count;
        // Rows made: those taken, and at most a step beyond the run that did not fit (cut, and
        // kept for the next take) and the row after it, which ended it.
        const next = runsFrom(rows, [true], { start: end, runBytes, roomBytes: Infinity, runOverhead: 0, mayBeEmpty: false })[0];
        const measured = next === undefined ? end : next.start + next.count + 1;
        expect(made).toBeGreaterThanOrEqual(end);
        expect(made).toBeLessThanOrEqual(Math.max(before, Math.min(rows.length, measured + MAKE_STEP)));
        start = end;
      }
      expect(layoutOf(lazy)).toEqual(layoutOf({ ...layout, values: rows }));
      expect(later.values).toEqual(rows);
    }
  });
});
