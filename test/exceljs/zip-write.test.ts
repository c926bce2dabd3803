/**
 * The package writer's deflated parts: a part given in many slices is deflated in segments side
 * by side and the segments joined into one deflate stream, which an independent reader (JSZip,
 * its own inflater) reads back byte for byte with a matching CRC; an empty part and a part in one
 * slice too. A part copied from a package over several blocks keeps its stored bytes.
 */
import { randomBytes } from "crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import * as path from "path";
import { PackageWriter } from "../../src/workbook/exceljs/zip-write";
import { PackageSource } from "../../src/workbook/exceljs/zip-source";

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

/**
 * A part's stored bytes, found by hand: its central directory entry gives the compressed size and
 * the local header's offset; the data follow the local header's name and extra field.
 */
function storedBytes(file: string, part: string): Buffer {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = bytes.indexOf(signature); at >= 0; at = bytes.indexOf(signature, at + 4)) {
    const nameLength = bytes.readUInt16LE(at + 28);
    if (bytes.toString("utf8", at + 46, at + 46 + nameLength) !== part) continue;
    const local = bytes.readUInt32LE(at + 42);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    return bytes.subarray(start, start + bytes.readUInt32LE(at + 20));
  }
  throw new Error(`no ${part} in ${file}`);
}

describe("PackageWriter.copy", () => {
  it("copies a part stored over several blocks as it is: the same stored bytes, CRC and size", async () => {
    // 20 MB of random bytes do not deflate: stored, they span three 8 MB blocks.
    const picture = randomBytes(20 * 1024 * 1024);
    const zip = new JSZip();
    zip.file("xl/media/image1.png", picture);
    zip.file("xl/workbook.xml", "<workbook/>");
    const input = path.join(dir, "pictures.zip");
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const source = await PackageSource.open(input);
    const output = path.join(dir, "pictures-copy.zip");
    try {
      const writer = await PackageWriter.create(output);
      for (const entry of source.entries) await writer.copy(source, entry);
      await writer.finish();
    } finally {
      source.close();
    }
    const copy = await JSZip.loadAsync(readFileSync(output), { checkCRC32: true });
    expect((await copy.file("xl/media/image1.png")!.async("nodebuffer")).equals(picture)).toBe(true);
    expect(await copy.file("xl/workbook.xml")!.async("string")).toBe("<workbook/>");
    expect(storedBytes(output, "xl/media/image1.png").equals(storedBytes(input, "xl/media/image1.png"))).toBe(true);
  });
});
