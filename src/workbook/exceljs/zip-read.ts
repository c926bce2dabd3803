/**
 * Reading the parts of a zip package (.xlsx) straight from its central directory, inflating only
 * the parts asked for with Node's zlib. Zip64 sizes and offsets are understood; encrypted or
 * oddly compressed entries are refused with a message.
 */
import { inflateRawSync } from "zlib";

/** Largest part we inflate (a bound against zip bombs; a full 1,048,576-row sheet is far below). */
const MAX_PART_BYTES = 2 ** 31 - 1;
const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UINT32_MAX = 0xffffffff;

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * A zip archive held in memory; parts are inflated on demand. Names match case-insensitively
 * (Open Packaging part names are case-insensitive).
 * @example
 * const zip = new ZipReader(await fs.readFile("ledger.xlsx"));
 * zip.text("xl/workbook.xml")?.startsWith("<?xml") // true
 */
export class ZipReader {
  private readonly entries = new Map<string, ZipEntry>();

  /**
   * @param bytes the whole archive
   * @throws Error when no central directory is found (a truncated or damaged file)
   */
  constructor(private readonly bytes: Buffer) {
    const { count, offset } = centralDirectory(bytes);
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new Error("damaged zip central directory");
      const nameLength = bytes.readUInt16LE(at + 28);
      const extraLength = bytes.readUInt16LE(at + 30);
      const commentLength = bytes.readUInt16LE(at + 32);
      const entry: ZipEntry = {
        name: bytes.toString("utf8", at + 46, at + 46 + nameLength),
        flags: bytes.readUInt16LE(at + 8),
        method: bytes.readUInt16LE(at + 10),
        compressedSize: bytes.readUInt32LE(at + 20),
        size: bytes.readUInt32LE(at + 24),
        localOffset: bytes.readUInt32LE(at + 42),
      };
      applyZip64(entry, bytes, at + 46 + nameLength, extraLength);
      this.entries.set(entry.name.replace(/^\//, "").toLowerCase(), entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  /** @returns whether the archive holds the part */
  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /**
   * The part's bytes, inflated.
   * @param name part name without a leading slash, e.g. "xl/workbook.xml"
   * @returns the bytes, or null when the archive has no such part
   * @throws Error for an encrypted entry, an unknown compression method or a damaged entry
   */
  bytesOf(name: string): Buffer | null {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return null;
    if (entry.flags & 1) throw new Error(`${entry.name} is encrypted`);
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL) throw new Error(`damaged zip entry ${entry.name}`);
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new Error(`truncated zip entry ${entry.name}`);
    const stored = this.bytes.subarray(start, end);
    if (entry.method === 0) return stored;
    if (entry.method !== 8) throw new Error(`${entry.name}: unsupported zip compression method ${entry.method}`);
    return inflateRawSync(stored, { maxOutputLength: MAX_PART_BYTES });
  }

  /** The part decoded as UTF-8 (a BOM dropped), or null when absent. */
  text(name: string): string | null {
    const bytes = this.bytesOf(name);
    if (!bytes) return null;
    const text = bytes.toString("utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

/** Entry count and offset of the central directory, from the (zip64) end-of-central-directory record. */
function centralDirectory(bytes: Buffer): { count: number; offset: number } {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) !== EOCD) continue;
    let count = bytes.readUInt16LE(at + 10);
    let offset = bytes.readUInt32LE(at + 16);
    const locator = at - 20;
    if (locator >= 0 && bytes.readUInt32LE(locator) === EOCD64_LOCATOR) {
      const record = Number(bytes.readBigUInt64LE(locator + 8));
      if (record + 56 <= bytes.length && bytes.readUInt32LE(record) === EOCD64) {
        count = Number(bytes.readBigUInt64LE(record + 32));
        offset = Number(bytes.readBigUInt64LE(record + 48));
      }
    }
    if (offset > bytes.length) throw new Error("damaged zip: central directory beyond the end of the file");
    return { count, offset };
  }
  throw new Error("end of central directory not found (truncated or damaged file)");
}

/** Replaces 0xFFFFFFFF sizes and offset by the zip64 extra field's 64-bit values. */
function applyZip64(entry: ZipEntry, bytes: Buffer, extraStart: number, extraLength: number): void {
  if (entry.size !== UINT32_MAX && entry.compressedSize !== UINT32_MAX && entry.localOffset !== UINT32_MAX) return;
  const extraEnd = extraStart + extraLength;
  for (let at = extraStart; at + 4 <= extraEnd; ) {
    const id = bytes.readUInt16LE(at);
    const length = bytes.readUInt16LE(at + 2);
    if (id === 1) {
      let field = at + 4;
      const next = (): number => {
        const value = Number(bytes.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === UINT32_MAX) entry.size = next();
      if (entry.compressedSize === UINT32_MAX) entry.compressedSize = next();
      if (entry.localOffset === UINT32_MAX) entry.localOffset = next();
      return;
    }
    at += 4 + length;
  }
}
