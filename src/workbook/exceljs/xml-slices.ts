/**
 * Inflated XML arrives in chunks that may cut a tag or a character in two; this gathers them and
 * hands on text slices of a few megabytes, each cut right after an element's end tag, so the
 * tag scanner never sees half a tag and a big part is never held whole.
 */

/** Slices are handed on once about this many bytes are gathered. */
const SLICE_BYTES = 8 * 1024 * 1024;

/**
 * Gathers chunks and calls `scan` with text slices cut after one of the end tags given.
 * @example
 * const slices = new XmlSlices(["</row>", "</c>"], (text) => collector.scan(text), 64 << 20, () => new Error("a cell over 64 MB"));
 * for await (const chunk of chunks) slices.feed(chunk);
 * slices.finish();
 */
export class XmlSlices {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

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
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < SLICE_BYTES) return;
    const bytes = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    let cut = -1;
    for (const tag of this.endTags) {
      const at = bytes.lastIndexOf(tag);
      if (at >= 0) {
        cut = at + tag.length;
        break;
      }
    }
    if (cut < 0) {
      if (bytes.length > this.maxPending) throw this.tooLong();
      this.pending = [bytes];
      return;
    }
    this.scan(bytes.toString("utf8", 0, cut));
    const rest = bytes.subarray(cut);
    this.pending = rest.length > 0 ? [Buffer.from(rest)] : [];
    this.pendingBytes = rest.length;
  }

  /** Scans what is left. */
  finish(): void {
    if (this.pendingBytes > 0) {
      const text = Buffer.concat(this.pending).toString("utf8");
      this.scan(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    }
    this.pending = [];
    this.pendingBytes = 0;
  }
}
