/**
 * An .xlsx package opened for reading through yauzl (a maintained zip reader: central directory,
 * zip64, names checked, where each part's stored bytes begin), those bytes read in large blocks
 * through a file handle of our own. A part is inflated only when asked for, within bounds: its
 * declared size against the budget left for the whole package, and against its compressed size (a
 * part inflating more than MAX_RATIO times is a zip bomb), the inflated bytes held to the declared
 * size. A part never asked for — images, charts, macros — is never inflated: the writer copies its
 * bytes.
 */
import { open as openFile, type FileHandle } from "fs/promises";
import type { TransformOptions } from "stream";
import * as zlib from "zlib";
import * as yauzl from "yauzl";
import { WorkbookFileError } from "./detect";
import { fileProblem } from "./file-problems";

/** Bounds on what one reading of a package may inflate. */
export interface InflateLimits {
  /** Bytes all the parts read may inflate to together. */
  totalBytes: number;
  /** Most a part may inflate relative to its compressed size… */
  ratio: number;
  /** …once it inflates to more than this many bytes (small parts compress as they like). */
  ratioFromBytes: number;
  /** Entries the package may list. */
  entries: number;
}

/**
 * The bounds of a reading: 1 GiB inflated in all (a full 1,048,576-row ledger is about 200 MB),
 * at most 100 times a part's compressed size past 16 MiB, 100,000 entries.
 * @example READ_LIMITS.ratio // 100
 */
export const READ_LIMITS: InflateLimits = { totalBytes: 1024 * 1024 * 1024, ratio: 100, ratioFromBytes: 16 * 1024 * 1024, entries: 100_000 };

/** One part of the package as its central directory lists it. */
export type PackageEntry = yauzl.Entry;

const MB = 1024 * 1024;
/** Zip's compression methods 0 and 8. */
const STORED = 0;
const DEFLATED = 8;
/**
 * The inflater's steps: zlib's thread makes up to this many bytes before this thread takes them,
 * and a small part gets a step of its own size (at least MIN_STEP_BYTES).
 */
const STEP_BYTES = 4 * MB;
const MIN_STEP_BYTES = 64 * 1024;
/** Inflated bytes held for the caller before zlib's thread pauses: memory stays bounded. */
const INFLATED_AHEAD_BYTES = 16 * MB;
/**
 * Stored (compressed) bytes read from the file at a time, to copy a part or to feed its inflater.
 * yauzl's own stream reads 16 KB at a time, each read passed on by this thread: while it scanned,
 * zlib's thread ran out of input and waited, and a copy waited on 250 reads for a 4 MB part.
 * An inflater holds two blocks at most: the one it inflates and the next one read.
 */
const STORED_BLOCK_BYTES = 8 * MB;

/**
 * The options of a part's inflater. zlib's streams pass stream options on to Transform, though
 * its option type does not list them.
 */
function inflateOptions(declaredBytes: number): zlib.ZlibOptions & TransformOptions {
  return { chunkSize: Math.min(STEP_BYTES, Math.max(MIN_STEP_BYTES, declaredBytes)), readableHighWaterMark: INFLATED_AHEAD_BYTES };
}

/**
 * Hands a part's stored bytes to its inflater block by block, the next block read while zlib's
 * thread inflates the one before, then ends it. It stops, without ending the inflater, once the
 * inflater is destroyed (the part failed or was left part-read).
 */
async function feed(blocks: AsyncIterable<Buffer>, inflater: zlib.InflateRaw): Promise<void> {
  let drained: Promise<void> | null = null;
  for await (const block of blocks) {
    if (drained) await drained;
    if (inflater.destroyed) return;
    drained = inflater.write(block) ? null : drainOrClose(inflater);
  }
  if (drained) await drained;
  if (!inflater.destroyed) inflater.end();
}

/** Resolves when the stream takes more input, or is closed. */
function drainOrClose(stream: zlib.InflateRaw): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

function megabytes(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(0)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * An open package: its entries by part name, parts inflated on demand within the limits.
 * @example
 * const source = await PackageSource.open("ledger.xlsx");
 * (await source.text("xl/workbook.xml"))?.includes("<sheets>") // true
 * source.close();
 */
export class PackageSource {
  /** Entries in the order the central directory lists them. */
  readonly entries: PackageEntry[];
  private readonly byName = new Map<string, PackageEntry>();
  private inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    /** The file again, for reading a part's stored bytes in blocks (see STORED_BLOCK_BYTES). */
    private readonly file: FileHandle,
    entries: PackageEntry[],
    private readonly fileName: string,
    private readonly limits: InflateLimits,
  ) {
    this.entries = entries;
    for (const entry of entries) this.byName.set(entry.fileName.replace(/^\//, "").toLowerCase(), entry);
  }

  /**
   * Opens a package and reads its central directory (no part is inflated).
   * @param file the .xlsx path
   * @param limits bounds of the reading (READ_LIMITS by default)
   * @returns the open package; close it when done
   * @throws WorkbookFileError for a damaged zip, too many entries or an encrypted entry
   */
  static async open(file: string, limits: InflateLimits = READ_LIMITS): Promise<PackageSource> {
    const name = file.split(/[\\/]/).pop() ?? file;
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, strictFileNames: false });
    } catch (error) {
      throw damaged(name, error);
    }
    if (zip.entryCount > limits.entries) {
      zip.close();
      throw new WorkbookFileError(fileProblem("file.tooManyParts", { file: name, count: zip.entryCount, max: limits.entries }), "tooLarge");
    }
    const entries = await new Promise<PackageEntry[]>((resolve, reject) => {
      const found: PackageEntry[] = [];
      zip.on("entry", (entry: PackageEntry) => {
        found.push(entry);
        zip.readEntry();
      });
      zip.on("end", () => resolve(found));
      zip.on("error", reject);
      zip.readEntry();
    }).catch((error: unknown) => {
      zip.close();
      throw damaged(name, error);
    });
    const encrypted = entries.find((entry) => entry.isEncrypted());
    if (encrypted) {
      zip.close();
      throw new WorkbookFileError(fileProblem("file.partEncrypted", { file: name, part: encrypted.fileName }), "encrypted");
    }
    let handle: FileHandle;
    try {
      handle = await openFile(file, "r");
    } catch (error) {
      zip.close();
      throw damaged(name, error);
    }
    return new PackageSource(zip, handle, entries, name, limits);
  }

  /** The entry of a part (names compare case-insensitively, as Open Packaging's do). */
  entry(part: string): PackageEntry | undefined {
    return this.byName.get(part.replace(/^\//, "").toLowerCase());
  }

  /**
   * A part inflated, chunk by chunk, within the limits.
   * @param part the part name, e.g. "xl/worksheets/sheet1.xml"
   * @returns the chunks; nothing when the package has no such part
   * @throws WorkbookFileError when the part would pass a bound or its data is damaged
   */
  async *chunks(part: string): AsyncGenerator<Buffer> {
    const entry = this.entry(part);
    if (!entry) return;
    this.admit(entry);
    if (entry.compressionMethod === STORED) {
      // Its stored bytes are the part (yauzl refused the package if the two sizes differ).
      yield* this.stored(entry);
      return;
    }
    if (entry.compressionMethod !== DEFLATED) throw damaged(this.fileName, new Error(`unsupported compression method: ${entry.compressionMethod}`));
    // Deflated parts are inflated here, in steps of up to 4 MB, so zlib's thread inflates the
    // next step while the caller scans this one (yauzl's own inflater works in 16 KB steps, each
    // waiting for this thread); the inflated size is held to the declared one as yauzl holds it.
    const inflater = zlib.createInflateRaw(inflateOptions(entry.uncompressedSize));
    feed(this.stored(entry), inflater).catch((error: unknown) => inflater.destroy(error instanceof Error ? error : new Error(String(error))));
    let inflated = 0;
    // Whether the part ends, fails or is left part-read, the inflater is destroyed, and the
    // feeding stops at its next block.
    try {
      for await (const chunk of inflater) {
        inflated += (chunk as Buffer).length;
        if (inflated > entry.uncompressedSize) throw new Error(`too many bytes in the stream: more than the ${entry.uncompressedSize} declared`);
        yield chunk as Buffer;
      }
    } catch (error) {
      throw damaged(this.fileName, error);
    } finally {
      inflater.destroy();
    }
    if (inflated !== entry.uncompressedSize) throw damaged(this.fileName, new Error(`not enough bytes in the stream: ${inflated} of the ${entry.uncompressedSize} declared`));
  }

  /**
   * A whole part as text (UTF-8, a byte-order mark dropped), for the small parts.
   * @param part the part name
   * @returns the text, or null when the package has no such part
   */
  async text(part: string): Promise<string | null> {
    if (!this.entry(part)) return null;
    const pieces: Buffer[] = [];
    for await (const chunk of this.chunks(part)) pieces.push(chunk);
    const text = Buffer.concat(pieces).toString("utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /**
   * A part's bytes exactly as stored (compressed), for copying it unopened or inflating it, in
   * blocks of up to STORED_BLOCK_BYTES. yauzl finds where they begin (its local header, checked to
   * lie within the file).
   * @param entry the part's entry
   * @returns the stored bytes, block by block
   * @throws WorkbookFileError when the header is damaged or the file ends inside the part
   */
  async *stored(entry: PackageEntry): AsyncGenerator<Buffer> {
    let position: number;
    try {
      position = (await this.zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart;
    } catch (error) {
      throw damaged(this.fileName, error);
    }
    const end = position + entry.compressedSize;
    while (position < end) {
      const length = Math.min(STORED_BLOCK_BYTES, end - position);
      const block = Buffer.allocUnsafe(length);
      let bytesRead: number;
      try {
        ({ bytesRead } = await this.file.read(block, 0, length, position));
      } catch (error) {
        throw damaged(this.fileName, error);
      }
      if (bytesRead === 0) throw damaged(this.fileName, new Error(`the file ends inside ${entry.fileName}`));
      position += bytesRead;
      yield bytesRead === length ? block : block.subarray(0, bytesRead);
    }
  }

  /** Closes the file. */
  close(): void {
    this.zip.close();
    this.file.close().catch(() => undefined);
  }

  /** Counts a part against the budget before it is inflated, or refuses it. */
  private admit(entry: PackageEntry): void {
    const size = entry.uncompressedSize;
    const ratio = size / Math.max(entry.compressedSize, 1);
    if (size > this.limits.ratioFromBytes && ratio > this.limits.ratio) {
      const params = { file: this.fileName, part: entry.fileName, size: megabytes(size), compressed: megabytes(entry.compressedSize), ratio: Math.round(ratio), max: this.limits.ratio };
      throw new WorkbookFileError(fileProblem("file.zipBomb", params), "tooLarge");
    }
    if (this.inflated + size > this.limits.totalBytes) {
      const params = { file: this.fileName, limit: megabytes(this.limits.totalBytes), part: entry.fileName };
      throw new WorkbookFileError(fileProblem("file.tooLargeTotal", params), "tooLarge");
    }
    this.inflated += size;
  }
}

/** A damaged package's error, naming the file and the reason; an error that already is one is kept. */
function damaged(name: string, error: unknown): WorkbookFileError {
  if (error instanceof WorkbookFileError) return error;
  const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return new WorkbookFileError(fileProblem("file.unreadable", { file: name, reason }), "unreadable");
}
