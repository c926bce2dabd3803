/**
 * Writing an .xlsx package through fflate's streaming zip container: a part of the input is
 * copied as its stored (compressed) bytes with its own CRC and size, never inflated; a new part
 * is deflated by Node's zlib on its thread pool (four times fflate's own deflate here: see
 * docs/ARCHITECTURE.md) while the next slice of its XML is built, its CRC from zlib.crc32. The
 * file is written as the entries stream, so no part is ever held whole.
 */
import { once } from "events";
import { createWriteStream, type WriteStream } from "fs";
import { promisify } from "util";
import { Zip, type ZipInputFile } from "fflate";
import * as zlib from "zlib";
import { releaseSlice } from "./byte-slices";
import type { PackageEntry, PackageSource } from "./zip-source";

/** Deflate level of the parts written: a few percent larger than level 6, three times faster. */
const DEFLATE_LEVEL = 1;
/**
 * Segments deflated at once on zlib's pool while the next slice is built on the main thread. No
 * faster than one stream on 2 busy cores (paired runs, 0.99×: docs/ARCHITECTURE.md); it lets each
 * slice go back for reuse as soon as its own segment is done.
 */
const SEGMENTS_IN_FLIGHT = 3;
const deflateRaw = promisify(zlib.deflateRaw);

/**
 * One segment of a part's deflate stream.
 * @param slice the segment's bytes
 * @param last whether it ends the stream (else it ends with a sync flush, on a byte boundary)
 */
function deflateSegment(slice: Buffer, last: boolean): Promise<Buffer> {
  const finishFlush = last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH;
  return deflateRaw(slice, { level: DEFLATE_LEVEL, chunkSize: SEGMENT_CHUNK_BYTES, finishFlush });
}

/** zlib's output chunk for a segment: a 1 MB slice of sheet XML deflates to about 200 KB. */
const SEGMENT_CHUNK_BYTES = 256 * 1024;
/** Zip offsets are 32-bit here (fflate writes no zip64): a package must stay below 4 GiB. */
const MAX_PACKAGE_BYTES = 0xffff_ffff;

/** What a new part holds: text, bytes, or slices produced as they are asked for. */
export type PartContent = string | Buffer | Iterable<Buffer> | AsyncIterable<Buffer>;

/** An entry fed by hand: fflate takes its CRC and size when the last chunk arrives. */
interface FedEntry extends ZipInputFile {
  ondata: NonNullable<ZipInputFile["ondata"]>;
}

/** fflate's handlers are typed for Uint8Arrays over plain ArrayBuffers; Node's Buffers are such views. */
function bytes(chunk: Buffer): Uint8Array<ArrayBuffer> {
  return chunk as Uint8Array<ArrayBuffer>;
}

function fedEntry(filename: string, compression: number, crc = 0, size = 0): FedEntry {
  return { filename, compression, crc, size } as FedEntry;
}

function slicesOf(content: PartContent): Iterable<Buffer> | AsyncIterable<Buffer> {
  if (typeof content === "string") return [Buffer.from(content, "utf8")];
  if (Buffer.isBuffer(content)) return [content];
  return content;
}

/**
 * A package being written to a file, entry after entry.
 * @example
 * const writer = await PackageWriter.create("out.xlsx");
 * await writer.copy(source, source.entry("xl/styles.xml")!);
 * await writer.add("xl/worksheets/sheet9.xml", sheetSlices);
 * await writer.finish();
 */
export class PackageWriter {
  private failure: Error | null = null;
  private written = 0;
  private readonly zip: Zip;

  private constructor(private readonly out: WriteStream) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.failure = error;
        return;
      }
      this.written += chunk.length;
      if (this.written > MAX_PACKAGE_BYTES) this.failure = new Error("the output workbook would pass 4 GB");
      this.out.write(chunk);
      if (final) this.out.end();
    });
    out.on("error", (error) => {
      this.failure = error;
    });
  }

  /**
   * Starts writing a package.
   * @param file the path written (a temporary file: the caller renames it when all went well)
   * @returns the writer
   */
  static async create(file: string): Promise<PackageWriter> {
    const out = createWriteStream(file);
    await once(out, "open");
    return new PackageWriter(out);
  }

  /**
   * Copies a part of an open package as it is stored: its compressed bytes, CRC and size.
   * @param source the package read
   * @param entry the part's entry there
   * @param name the part's name in the output (default: the same)
   */
  async copy(source: PackageSource, entry: PackageEntry, name: string = entry.fileName): Promise<void> {
    const file = fedEntry(name, entry.compressionMethod, entry.crc32, entry.uncompressedSize);
    this.zip.add(file);
    for await (const chunk of source.stored(entry)) {
      file.ondata(null, bytes(chunk), false);
      await this.drained();
    }
    file.ondata(null, new Uint8Array(0), true);
    await this.drained();
  }

  /**
   * Adds a new part, deflated in segments side by side: each slice is deflated on its own by a
   * task of zlib's thread pool (a sync flush ends it on a byte, the last one finishes the
   * stream), up to SEGMENTS_IN_FLIGHT at once while the next slices are built, and the segments
   * follow one another in order — together one valid deflate stream, as pigz makes them. A slice
   * handed on is not written to again until its segment is deflated: only then does it go back
   * to byte-slices.ts (`releaseSlice`; slices it did not make are left alone).
   * @param name the part's name, e.g. "xl/worksheets/sheet3.xml"
   * @param content its text, bytes or slices
   */
  async add(name: string, content: PartContent): Promise<void> {
    const file = fedEntry(name, 8);
    this.zip.add(file);
    const inFlight: { slice: Buffer; deflated: Promise<Buffer> }[] = [];
    const emitFirst = async (): Promise<void> => {
      const { slice, deflated } = inFlight.shift()!;
      file.ondata(null, bytes(await deflated), false);
      // Deflated: the slice's memory goes back for the next one (byte-slices.ts).
      releaseSlice(slice);
      await this.drained();
    };
    let crc = 0;
    let size = 0;
    let held: Buffer | null = null;
    try {
      for await (const slice of slicesOf(content)) {
        if (slice.length === 0) continue;
        crc = zlib.crc32(slice, crc);
        size += slice.length;
        // A slice is held until the next arrives: only the last one finishes the stream.
        if (held) inFlight.push({ slice: held, deflated: deflateSegment(held, false) });
        held = slice;
        if (inFlight.length >= SEGMENTS_IN_FLIGHT) await emitFirst();
        else await this.drained();
      }
      const last = held ?? Buffer.alloc(0);
      inFlight.push({ slice: last, deflated: deflateSegment(last, true) });
      while (inFlight.length > 0) await emitFirst();
    } catch (error) {
      // The segments still running settle unobserved: their results are dropped with the file.
      for (const segment of inFlight) segment.deflated.catch(() => undefined);
      throw error;
    }
    file.crc = crc;
    file.size = size;
    file.ondata(null, new Uint8Array(0), true);
    await this.drained();
  }

  /** Writes the central directory and closes the file. */
  async finish(): Promise<void> {
    const closed = once(this.out, "close");
    this.zip.end();
    await closed;
    if (this.failure) throw this.failure;
  }

  /** Stops writing and closes the file (the caller removes it). */
  async abort(): Promise<void> {
    this.zip.terminate();
    if (!this.out.closed) {
      const closed = once(this.out, "close");
      this.out.destroy();
      await closed;
    }
  }

  /** Waits while the file's buffer is full; throws what went wrong so far. */
  private async drained(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.out.writableNeedDrain) await once(this.out, "drain");
  }
}
