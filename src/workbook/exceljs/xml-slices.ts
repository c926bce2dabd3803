/**
 * Inflated XML arrives in chunks that may cut a tag or a character in two; this gathers them and
 * hands on text slices of a few megabytes, each cut right after an element's end tag, so the
 * tag scanner never sees half a tag and a big part is never held whole.
 */

/**
 * Slices are handed on once about this many bytes are gathered: the inflater's step (zip-source.ts),
 * so that zlib's thread inflates the next step while this one is scanned.
 */
const SLICE_BYTES = 4 * 1024 * 1024;
/** The gathering buffer starts small (most parts are) and doubles as a part needs. */
const FIRST_BUFFER_BYTES = 64 * 1024;

/**
 * Gathers chunks and calls `scan` with text slices cut after one of the end tags given.
 * @example
 * const slices = new XmlSlices(["</row>", "</c>"], (text) => collector.scan(text), 64 << 20, () => new Error("a cell over 64 MB"));
 * for await (const chunk of chunks) slices.feed(chunk);
 * slices.finish();
 */
export class XmlSlices {
  /**
   * The bytes gathered, copied in as each chunk arrives and reused from slice to slice: the
   * inflater's chunks die young instead of being kept (and promoted) until a slice is complete.
   */
  private buffer = Buffer.allocUnsafe(FIRST_BUFFER_BYTES);
  private used = 0;

  /**
   * @param endTags where a slice may end, tried in order (e.g. "</row>", then "</c>")
   * @param scan called with each slice's text
   * @param maxPending most bytes gathered without finding an end tag
   * @param tooLong the error thrown past maxPending
   */
  constructor(
    private readonly endTags: readonly string[],
    private readonly scan: (text: string) => void,
    private readonly maxPending: number,
    private readonly tooLong: () => Error,
  ) {}

  /** Takes the next chunk; scans what ends after an end tag once enough is gathered. */
  feed(chunk: Buffer): void {
    if (this.used + chunk.length > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.used + chunk.length));
      this.buffer.copy(bigger, 0, 0, this.used);
      this.buffer = bigger;
    }
    chunk.copy(this.buffer, this.used);
    this.used += chunk.length;
    if (this.used < SLICE_BYTES) return;
    const bytes = this.buffer.subarray(0, this.used);
    let cut = -1;
    for (const tag of this.endTags) {
      const at = bytes.lastIndexOf(tag);
      if (at >= 0) {
        cut = at + tag.length;
        break;
      }
    }
    if (cut < 0) {
      if (this.used > this.maxPending) throw this.tooLong();
      return;
    }
    this.scan(bytes.toString("utf8", 0, cut));
    this.buffer.copyWithin(0, cut, this.used);
    this.used -= cut;
  }

  /** Scans what is left. */
  finish(): void {
    if (this.used > 0) {
      const text = this.buffer.toString("utf8", 0, this.used);
      this.scan(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    }
    this.used = 0;
  }
}
