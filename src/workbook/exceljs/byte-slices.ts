/**
 * Text written straight into byte slices of about 1 MB for the zip writer: each piece of text (a
 * row of a sheet, a section of a document) is encoded as UTF-8 into the current slice as it is
 * made, so no megabyte-long string is built from millions of small ones and kept alive across
 * garbage collections — what made writing a million-row sheet spend most of its time collecting.
 */

/** Bytes per slice handed to the compressor. */
const SLICE_BYTES = 1 << 20;
/** Slices kept for reuse at most. */
const MAX_SPARE = 8;
/** A UTF-16 code unit takes at most this many bytes in UTF-8. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Slices handed back once their bytes are used up (deflated: zip-write.ts), for the next slice:
 * a sheet written in a few reused megabytes. A fresh megabyte a slice was memory outside V8's heap
 * growing by the size of the sheet, which set off full collections over everything the job holds
 * (every 1.5 s of a million-row write).
 */
const spare: Buffer[] = [];
/** The memory of the slices this module made, so that only those are ever taken back. */
const made = new WeakSet<ArrayBufferLike>();

function sliceOf(bytes: number): Buffer {
  if (bytes === SLICE_BYTES && spare.length > 0) return spare.pop()!;
  const slice = Buffer.allocUnsafe(bytes);
  if (bytes === SLICE_BYTES) made.add(slice.buffer);
  return slice;
}

/**
 * Hands back a slice whose bytes are no longer needed by anyone; slices not made here are left alone.
 * @param slice a slice `write`, `writeEncoded` or `end` handed on
 */
export function releaseSlice(slice: Buffer): void {
  const memory = slice.buffer;
  if (!made.has(memory) || spare.length >= MAX_SPARE || spare.some((kept) => kept.buffer === memory)) return;
  spare.push(Buffer.from(memory, 0, SLICE_BYTES));
}

/**
 * Collects text as UTF-8 in slices; `write` hands back a slice when it is full.
 * @example
 * const slices = new ByteSlices();
 * const out: Buffer[] = [];
 * for (const row of rows) { const full = slices.write(row); if (full) out.push(full); }
 * out.push(slices.end());
 * Buffer.concat(out).toString() === rows.join("") // true
 */
export class ByteSlices {
  private buffer: Buffer;
  private used = 0;

  /** @param sliceBytes the size of a slice (1 MB by default; tests use small ones) */
  constructor(private readonly sliceBytes: number = SLICE_BYTES) {
    this.buffer = sliceOf(sliceBytes);
  }

  /**
   * Appends text.
   * @param text any text (encoded as UTF-8)
   * @returns the slice just filled when this text did not fit beside it, else null
   */
  write(text: string): Buffer | null {
    return this.append(text, text.length * MAX_BYTES_PER_UNIT, "utf8");
  }

  /**
   * Appends text already encoded: each character one byte of its UTF-8 (`utf8Binary`), copied
   * as it is — a one-byte string is copied, where UTF-8 encoding walks a two-byte one.
   * @param binary the encoded text
   * @returns the slice just filled when this text did not fit beside it, else null
   */
  writeEncoded(binary: string): Buffer | null {
    return this.append(binary, binary.length, "latin1");
  }

  private append(text: string, most: number, encoding: "utf8" | "latin1"): Buffer | null {
    let full: Buffer | null = null;
    if (this.used + most > this.buffer.length) {
      if (this.used > 0) full = this.buffer.subarray(0, this.used);
      // A text longer than a slice gets a slice of its own size.
      this.buffer = sliceOf(Math.max(this.sliceBytes, most));
      this.used = 0;
    }
    this.used += this.buffer.write(text, this.used, encoding);
    return full;
  }

  /**
   * The last slice (possibly empty); the collector is not used after it.
   * @returns the bytes written since the last full slice
   */
  end(): Buffer {
    return this.buffer.subarray(0, this.used);
  }
}

const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * Text as its UTF-8 bytes, one character per byte, for `writeEncoded`: ASCII text is its own.
 * @example utf8Binary("客") // "\u00e5\u00ae\u00a2" — the three bytes of 客
 */
export function utf8Binary(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, "utf8").toString("latin1") : text;
}
