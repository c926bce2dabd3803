/**
 * Text collected as UTF-8 byte slices for the zip writer: nothing lost or reordered at slice
 * boundaries, a character never cut in two, a text longer than a slice kept whole.
 */
import { ByteSlices, MAX_NUMBER_BYTES, releaseSlice } from "../../src/workbook/exceljs/byte-slices";

function collect(texts: string[], sliceBytes: number): Buffer[] {
  const slices = new ByteSlices(sliceBytes);
  const out: Buffer[] = [];
  for (const text of texts) {
    slices.write(text);
    for (let full = slices.take(); full; full = slices.take()) out.push(full);
  }
  out.push(slices.end());
  return out;
}

describe("ByteSlices", () => {
  it("hands on full slices in order; together they are the text as UTF-8", () => {
    // Each "<row>客户</row>" is 11 ASCII bytes + 2 × 3 bytes = 17 bytes; 10 rows = 170 bytes.
    const rows = Array.from({ length: 10 }, () => "<row>客户</row>");
    const out = collect(rows, 64);
    expect(Buffer.concat(out).toString("utf8")).toBe(rows.join(""));
    expect(Buffer.concat(out).length).toBe(170);
    // A slice takes a row only when even 3 bytes per character fit: 13 characters → 39 bytes reserved,
    // so a 64-byte slice holds 2 rows (34 bytes; a third could need 34 + 39 > 64): 5 slices of 34 bytes.
    expect(out.map((slice) => slice.length)).toEqual([34, 34, 34, 34, 34]);
  });

  it("never cuts a character: every slice is valid UTF-8 on its own", () => {
    const texts = ["a", "中", "😀", "é", "xyz"].flatMap((text) => Array.from({ length: 7 }, () => text));
    const out = collect(texts, 16);
    for (const slice of out) expect(Buffer.from(slice.toString("utf8"), "utf8").equals(slice)).toBe(true);
    expect(Buffer.concat(out).toString("utf8")).toBe(texts.join(""));
  });

  it("keeps a text longer than a slice whole, in a slice of its own size", () => {
    const long = "长".repeat(100); // 300 bytes
    const out = collect(["ab", long, "cd"], 32);
    expect(out.map((slice) => slice.toString("utf8"))).toEqual(["ab", long, "cd"]);
  });

  it("gives an empty last slice when nothing was written", () => {
    expect(collect([], 8).map((slice) => slice.length)).toEqual([0]);
  });

  it("writes ASCII, bytes and numbers beside UTF-8 text, each asked room for first, in order across slices", () => {
    const slices = new ByteSlices(32);
    const out: Buffer[] = [];
    const kept = Buffer.from("客户😀", "utf8");
    for (let round = 0; round < 5; round++) {
      slices.room(5 + kept.length + MAX_NUMBER_BYTES + 3 * 20);
      slices.ascii("<row>");
      slices.copy(kept);
      slices.number(round === 4 ? -1234567.05 : round * 1000.5);
      slices.utf8("中".repeat(20));
      for (let full = slices.take(); full; full = slices.take()) out.push(full);
    }
    out.push(slices.end());
    const expected = [0, 1, 2, 3, 4].map((round) => `<row>客户😀${round === 4 ? "-1234567.05" : String(round * 1000.5)}${"中".repeat(20)}`).join("");
    expect(Buffer.concat(out).toString("utf8")).toBe(expected);
    // Every write asked for more than a 32-byte slice: each round is a slice of its own.
    expect(out.length).toBe(5);
  });

  it("gives back a copy of what was written since a mark", () => {
    const slices = new ByteSlices(64);
    slices.room(40);
    slices.ascii("<c>");
    const mark = slices.mark;
    slices.utf8("客户");
    const copy = slices.since(mark);
    slices.ascii("</c>");
    expect(copy.toString("utf8")).toBe("客户");
    expect(slices.end().toString("utf8")).toBe("<c>客户</c>");
  });

  it("refuses to end while a full slice is not yet taken", () => {
    const slices = new ByteSlices(8);
    slices.room(6);
    slices.ascii("abcdef");
    slices.room(6);
    expect(() => slices.end()).toThrow(/not yet taken/);
    expect(slices.take()?.toString()).toBe("abcdef");
    expect(slices.end().length).toBe(0);
  });

  it("takes back only full-size slices it made, once each, for the next slices", () => {
    const first = new ByteSlices();
    first.write("a".repeat(1000));
    const made = first.end();
    releaseSlice(made);
    releaseSlice(made);
    releaseSlice(Buffer.alloc(1 << 20)); // not made here: left alone
    const next = new ByteSlices();
    next.write("b");
    const reused = next.end();
    expect(reused.buffer).toBe(made.buffer);
    expect(reused.toString()).toBe("b");
    // Taken once only: the one after gets fresh memory.
    const other = new ByteSlices().end();
    expect(other.buffer).not.toBe(made.buffer);
  });
});
