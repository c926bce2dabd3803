/**
 * Writes the hostile corpus (test/fixtures/cases.ts) into test/fixtures/generated/: workbooks
 * built with exceljs from each case's cells, and non-workbooks built as raw bytes (an OLE/CFB
 * container as Excel writes for encrypted files, an old .xls, a truncated zip, a PNG, text, an
 * empty file). Nothing is checked in: the tests call `makeFixtures` in beforeAll, so every run
 * builds the corpus fresh. Files are written to a temporary name and renamed, so two runs at once
 * never read a half-written file.
 *
 * Usage: node scripts/bench/run-ts.js scripts/make-fixtures.ts [outDir]
 */
import * as ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { CASES, type FixtureCase, type FixtureCell, type FixtureSheet, type RawKind } from "../test/fixtures/cases";

/** Where the corpus goes by default (.gitignored). */
export const FIXTURE_DIR = path.resolve(__dirname, "..", "test", "fixtures", "generated");

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SECTOR = 512;
const DATE_FORMAT = "yyyy-mm-dd";
const FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };

function isDateCell(cell: FixtureCell): cell is { date: string } {
  return typeof cell === "object" && cell !== null && "date" in cell;
}

/** A UTC-midnight Date for "YYYY-MM-DD", as exceljs writes date cells. */
function utcDate(iso: string): Date {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

function fillSheet(worksheet: ExcelJS.Worksheet, sheet: FixtureSheet): void {
  sheet.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null) return;
      const cell = worksheet.getCell(r + 1, c + 1);
      if (isDateCell(value)) {
        cell.value = utcDate(value.date);
        cell.numFmt = DATE_FORMAT;
      } else if (typeof value === "object") {
        cell.value = { error: value.error } as ExcelJS.CellErrorValue;
      } else {
        cell.value = value;
      }
    });
  });
  for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
  for (const row of sheet.hiddenRows ?? []) worksheet.getRow(row).hidden = true;
  if (sheet.autoFilter) worksheet.autoFilter = sheet.autoFilter;
}

/** An .xlsx of the case's cells, in memory. */
async function cellsWorkbook(sheets: FixtureSheet[], date1904: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = date1904;
  for (const sheet of sheets) fillSheet(workbook.addWorksheet(sheet.name), sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A sheet formatted far down: the case's rows (header filled), then `formattedEmptyRows` rows of
 * filled cells with no value, spliced into the sheet XML as Excel writes them
 * (`<row r="n"><c r="An" s="k"/>…</row>`). exceljs's own writers drop rows without values.
 */
async function formattedEmptyWorkbook(sheets: FixtureSheet[], date1904: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = date1904;
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    fillSheet(worksheet, sheet);
    if (sheet.formattedEmptyRows) worksheet.getCell(1, 1).fill = FILL;
  }
  // jszip is exceljs's own zip library.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require("jszip") as typeof import("jszip");
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  for (const [index, sheet] of sheets.entries()) {
    const count = sheet.formattedEmptyRows ?? 0;
    if (count === 0) continue;
    const part = `xl/worksheets/sheet${index + 1}.xml`;
    const xml = await zip.file(part)!.async("string");
    const style = /<c r="A1" s="(\d+)"/.exec(xml)?.[1];
    if (style === undefined) throw new Error(`${part}: no styled A1 to copy the fill from`);
    const width = Math.max(1, ...sheet.rows.map((row) => row.length));
    const letters = Array.from({ length: width }, (_, c) => String.fromCharCode(65 + c));
    const first = sheet.rows.length + 1;
    const rows: string[] = [];
    for (let r = first; r < first + count; r++) {
      rows.push(`<row r="${r}" s="${style}" customFormat="1">${letters.map((letter) => `<c r="${letter}${r}" s="${style}"/>`).join("")}</row>`);
    }
    const last = first + count - 1;
    const patched = xml
      .replace("</sheetData>", `${rows.join("")}</sheetData>`)
      .replace(/<dimension ref="([A-Z]+\d+):([A-Z]+)\d+"\/>/, `<dimension ref="$1:$2${last}"/>`);
    zip.file(part, patched);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A 128-byte CFB directory entry with a UTF-16LE name. */
function directoryEntry(name: string, type: number): Buffer {
  const entry = Buffer.alloc(128);
  const encoded = Buffer.from(`${name}\0`, "utf16le");
  encoded.copy(entry, 0);
  entry.writeUInt16LE(encoded.length, 64);
  entry.writeUInt8(type, 66);
  entry.writeUInt32LE(0xffffffff, 68);
  entry.writeUInt32LE(0xffffffff, 72);
  entry.writeUInt32LE(0xffffffff, 76);
  return entry;
}

/** An OLE compound file: header sector, then one directory sector naming the given streams. */
function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(SECTOR);
  CFB_MAGIC.copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3 (512-byte sectors)
  header.writeUInt16LE(0xfffe, 28); // byte order mark
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(0x1000, 56); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 60);
  header.writeUInt32LE(0xfffffffe, 68);
  header.fill(0xff, 76);
  header.writeUInt32LE(0, 76); // DIFAT[0]: FAT in sector 0
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  const directory = Buffer.alloc(SECTOR);
  [directoryEntry("Root Entry", 5), ...streams.map((name) => directoryEntry(name, 2))].slice(0, 4).forEach((entry, i) => entry.copy(directory, i * 128));
  return Buffer.concat([header, fat, directory, Buffer.alloc(SECTOR * 5)]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 1×1 PNG. */
function png(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(0, 9); // greyscale
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zlib = require("zlib") as typeof import("zlib");
  const idat = zlib.deflateSync(Buffer.from([0, 0x80]));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk("IHDR", ihdr), pngChunk("IDAT", idat), pngChunk("IEND", Buffer.alloc(0))]);
}

/**
 * The bytes of a non-workbook case.
 * @param raw which kind
 * @returns the file's bytes
 * @example (await rawBytes("cfbBare")).subarray(0, 4).toString("hex") // "d0cf11e0"
 */
export async function rawBytes(raw: RawKind): Promise<Buffer> {
  switch (raw) {
    case "encrypted":
      return compoundFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]);
    case "cfbBare":
      return Buffer.concat([CFB_MAGIC, Buffer.alloc(SECTOR * 4 - CFB_MAGIC.length)]);
    case "oldXls":
      return compoundFile(["Workbook", "\u0005SummaryInformation"]);
    case "truncatedZip": {
      const whole = await cellsWorkbook([{ name: "Invoices", rows: [["Customer", "Due date", "Amount"], ["Cut Co", { date: "2026-03-15" }, 100]] }], false);
      return whole.subarray(0, Math.floor(whole.length / 2));
    }
    case "png":
      return png();
    case "text":
      return Buffer.from("客户,到期日,金额\nACME,2026-03-15,100\n", "utf8");
    case "zeroBytes":
      return Buffer.alloc(0);
  }
}

async function writeAtomically(file: string, write: (temp: string) => Promise<void>): Promise<void> {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  try {
    await write(temp);
    await fs.rename(temp, file);
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/**
 * Writes one case's file.
 * @param fixture the case
 * @param dir the output folder
 * @returns the file's path
 * @example await writeFixture(CASES[0], "/tmp/corpus") // "/tmp/corpus/empty-workbook.xlsx"
 */
export async function writeFixture(fixture: FixtureCase, dir: string): Promise<string> {
  const file = path.join(dir, fixture.file);
  const { source } = fixture;
  await writeAtomically(file, async (temp) => {
    if (source.kind === "raw") await fs.writeFile(temp, await rawBytes(source.raw));
    else if (source.sheets.some((sheet) => (sheet.formattedEmptyRows ?? 0) > 0)) await fs.writeFile(temp, await formattedEmptyWorkbook(source.sheets, source.date1904 ?? false));
    else await fs.writeFile(temp, await cellsWorkbook(source.sheets, source.date1904 ?? false));
  });
  return file;
}

/**
 * Writes the whole corpus.
 * @param dir the output folder (created); default test/fixtures/generated
 * @returns case id → file path
 * @example (await makeFixtures())["old-xls"] // ".../test/fixtures/generated/old.xls"
 */
export async function makeFixtures(dir: string = FIXTURE_DIR): Promise<Record<string, string>> {
  await fs.mkdir(dir, { recursive: true });
  const files: Record<string, string> = {};
  for (const fixture of CASES) files[fixture.id] = await writeFixture(fixture, dir);
  return files;
}

if (require.main === module || path.resolve(process.argv[1] ?? "") === __filename) {
  makeFixtures(process.argv[2] ? path.resolve(process.argv[2]) : FIXTURE_DIR).then(
    (files) => process.stdout.write(`${Object.keys(files).length} fixtures in ${path.dirname(Object.values(files)[0])}\n`),
    (error: unknown) => {
      process.stderr.write(`make-fixtures: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
