/**
 * Text written straight into byte slices of about 1 MB for the zip writer: each piece of text (a
 * row of a sheet, a section of a document) is encoded as UTF-8 into the current slice as it is
 * made, so no megabyte-long string is built from millions of small ones and kept alive across
 * garbage collections — what made writing a million-row sheet spend most of its time collecting.
 */

/** Bytes per slice handed to the compressor. */
const SLICE_BYTES = 1 << 20;
/** A UTF-16 code unit takes at most this many bytes in UTF-8. */
const MAX_BYTES_PER_UNIT = 3;

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
    this.buffer = Buffer.allocUnsafe(sliceBytes);
  }

  /**
   * Appends text.
   * @param text any text (encoded as UTF-8)
   * @returns the slice just filled when this text did not fit beside it, else null
   */
  write(text: string): Buffer | null {
    const most = text.length * MAX_BYTES_PER_UNIT;
    let full: Buffer | null = null;
    if (this.used + most > this.buffer.length) {
      if (this.used > 0) full = this.buffer.subarray(0, this.used);
      // A text longer than a slice gets a slice of its own size.
      this.buffer = Buffer.allocUnsafe(Math.max(this.sliceBytes, most));
      this.used = 0;
    }
    this.used += this.buffer.write(text, this.used, "utf8");
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
