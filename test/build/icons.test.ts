/** The icons are real PNGs of the size their names say, reproducible by scripts/make-icons.js. */
import fs from "fs";
import path from "path";
import zlib from "zlib";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { iconPng, SIZES } = require("../../scripts/make-icons.js") as { iconPng: (size: number) => Buffer; SIZES: number[] };
const ASSETS = path.resolve(__dirname, "../../assets");

describe("icons", () => {
  it.each([16, 32, 64, 80, 128])("assets/icon-%i.png is a %i-pixel RGBA PNG made by make-icons.js", (size) => {
    const file = fs.readFileSync(path.join(ASSETS, `icon-${size}.png`));
    expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(file.toString("ascii", 12, 16)).toBe("IHDR");
    expect([file.readUInt32BE(16), file.readUInt32BE(20), file[24], file[25]]).toEqual([size, size, 8, 6]);
    expect(file.equals(iconPng(size))).toBe(true);
  });

  it("decodes to one filter byte and 4 bytes per pixel per row", () => {
    const png = iconPng(16);
    const idatLength = png.readUInt32BE(33);
    expect(png.toString("ascii", 37, 41)).toBe("IDAT");
    const raw = zlib.inflateSync(png.subarray(41, 41 + idatLength));
    expect(raw.length).toBe(16 * (16 * 4 + 1));
    expect(SIZES).toEqual([16, 32, 64, 80, 128]);
  });
});
