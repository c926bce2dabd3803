/**
 * The package writer's deflated parts: a part given in many slices is deflated in segments side
 * by side and the segments joined into one deflate stream, which an independent reader (JSZip,
 * its own inflater) reads back byte for byte with a matching CRC; an empty part and a part in one
 * slice too.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import * as path from "path";
import { PackageWriter } from "../../src/workbook/exceljs/zip-write";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ar-zip-write-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Slices of varied text: repeated runs, a counter, Chinese, and a slice of random bytes. */
function* slices(count: number): Generator<Buffer> {
  let seed = 7;
  for (let i = 0; i < count; i++) {
    if (i % 5 === 4) {
      const noise = Buffer.alloc(70_000);
      for (let b = 0; b < noise.length; b++) noise[b] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16;
      yield noise;
    } else yield Buffer.from(`<row r="${i}">${"客户有限公司".repeat(i * 997 % 5000)}${i}</row>`.repeat(3));
  }
}

describe("PackageWriter.add", () => {
  it("joins the segments into one stream an independent inflater reads back whole, CRC and size checked", async () => {
    const file = path.join(dir, "parts.zip");
    const writer = await PackageWriter.create(file);
    await writer.add("many.xml", slices(40));
    await writer.add("empty.xml", []);
    await writer.add("one.xml", "<x>一</x>");
    await writer.finish();
    const zip = await JSZip.loadAsync(readFileSync(file), { checkCRC32: true });
    expect((await zip.file("many.xml")!.async("nodebuffer")).equals(Buffer.concat([...slices(40)]))).toBe(true);
    expect(await zip.file("empty.xml")!.async("string")).toBe("");
    expect(await zip.file("one.xml")!.async("string")).toBe("<x>一</x>");
  });
});
