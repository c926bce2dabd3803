/**
 * Text written straight into byte slices of about 1 MB for the zip writer: markup, numbers and
 * texts go byte by byte into the current slice as a sheet's rows are made (sheet-xml.ts), so no
 * string is built per row or per number and no megabyte-long string is made from millions of
 * small ones and kept alive across garbage collections — what made writing a million-row sheet
 * spend most of its time collecting.
 */
import { exactFen } from "../../rules/money";
import { POWERS_OF_TEN } from "./xml-scan";

/** Bytes per slice handed to the compressor. */
const SLICE_BYTES = 1 << 20;
/** Slices kept for reuse at most. */
const MAX_SPARE = 8;
/** A UTF-16 code unit takes at most this many bytes in UTF-8. */
const MAX_BYTES_PER_UNIT = 3;
/**
 * The longest text `number` writes: a minus and 17 significant digits after "0.00000"
 * ("-0.0000012345678901234567"); an exponent form such as "-1.7976931348623157e+308" is shorter.
 */
export const MAX_NUMBER_BYTES = 25;

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
 * @param slice a slice `take` or `end` handed on
 */
export function releaseSlice(slice: Buffer): void {
  const memory = slice.buffer;
  if (!made.has(memory) || spare.length >= MAX_SPARE || spare.some((kept) => kept.buffer === memory)) return;
  spare.push(Buffer.from(memory, 0, SLICE_BYTES));
}

/**
 * Collects bytes in slices. A writer first asks for `room` for what it is about to write (at most
 * so many bytes), then writes it; a slice that cannot take that much is set aside as full, for
 * `take`, and a new one begun — so a slice never ends inside a character.
 * @example
 * const slices = new ByteSlices();
 * const out: Buffer[] = [];
 * for (const row of rows) { slices.write(row); for (let full; (full = slices.take()); ) out.push(full); }
 * out.push(slices.end());
 * Buffer.concat(out).toString() === rows.join("") // true
 */
export class ByteSlices {
  private buffer: Buffer;
  private used = 0;
  private readonly full: Buffer[] = [];

  /** @param sliceBytes the size of a slice (1 MB by default; tests use small ones) */
  constructor(private readonly sliceBytes: number = SLICE_BYTES) {
    this.buffer = sliceOf(sliceBytes);
  }

  /**
   * Makes sure the current slice can take `bytes` more bytes: else it is set aside as full (when
   * it holds any) and a new slice begun — one of its own size for more than a slice's bytes.
   * @param bytes the most the next writes will add
   */
  room(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    if (this.used > 0) this.full.push(this.buffer.subarray(0, this.used));
    this.buffer = sliceOf(Math.max(this.sliceBytes, bytes));
    this.used = 0;
  }

  /**
   * Writes text whose characters are all ASCII (markup, references, numbers), a byte each.
   * @param text ASCII text, within the room asked for
   */
  ascii(text: string): void {
    const buffer = this.buffer;
    let used = this.used;
    for (let i = 0; i < text.length; i++) buffer[used++] = text.charCodeAt(i);
    this.used = used;
  }

  /**
   * Writes text as UTF-8.
   * @param text any text, within the room asked for (MAX_BYTES_PER_UNIT a character)
   */
  utf8(text: string): void {
    this.used += this.buffer.write(text, this.used, "utf8");
  }

  /**
   * Writes bytes as they are.
   * @param bytes bytes within the room asked for
   */
  copy(bytes: Uint8Array): void {
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  /**
   * Writes a number as `String` spells it (the shortest decimal that reads back as the same
   * double), digit by digit for whole numbers and whole numbers of fen (money.ts exactFen): no
   * string is made for them. `String` of a fractional double keeps its result in V8's
   * number-string cache, which survives the young generation's collections: a million-row sheet
   * promoted every amount it wrote and paid for it in full collections over the whole ledger.
   * @param value a finite number, within the room asked for (MAX_NUMBER_BYTES)
   */
  number(value: number): void {
    if (Number.isSafeInteger(value)) {
      if (value < 0) this.buffer[this.used++] = 45; /* - */
      this.digits(value < 0 ? -value : value, 1);
      return;
    }
    const fen = Number.isInteger(value) ? null : exactFen(value);
    if (fen === null) {
      this.ascii(String(value));
      return;
    }
    const abs = fen < 0 ? -fen : fen;
    const fraction = abs % 100;
    if (fen < 0) this.buffer[this.used++] = 45; /* - */
    this.digits((abs - fraction) / 100, 1);
    this.buffer[this.used++] = 46; /* . */
    if (fraction % 10 === 0) this.digits(fraction / 10, 1);
    else this.digits(fraction, 2);
  }

  /**
   * Writes a whole number's decimal digits, at least `least` of them (zeros in front).
   * @param value a safe integer ≥ 0
   * @param least the fewest digits
   */
  private digits(value: number, least: number): void {
    let count = 1;
    while (count < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[count]!) count++;
    if (count < least) count = least;
    const buffer = this.buffer;
    let at = this.used + count;
    this.used = at;
    if (value <= 0x7fffffff) {
      // Within 31 bits a tenth is taken on integers, cheaper than on doubles.
      for (let rest = value | 0, left = count; left > 0; left--) {
        const tenth = (rest / 10) | 0;
        buffer[--at] = 48 + rest - tenth * 10;
        rest = tenth;
      }
      return;
    }
    // Math.floor of a tenth is exact for safe integers (the quotient's rounding stays under a tenth).
    for (let rest = value, left = count; left > 0; left--) {
      const tenth = Math.floor(rest / 10);
      buffer[--at] = 48 + rest - tenth * 10;
      rest = tenth;
    }
  }

  /** Where the next byte goes in the current slice: with `since`, what a write just added. */
  get mark(): number {
    return this.used;
  }

  /**
   * A copy of the bytes written since a mark, in the same slice (the room for them asked before the mark).
   * @param mark `mark` before the writes
   * @returns the bytes, copied
   */
  since(mark: number): Buffer {
    return Buffer.from(this.buffer.subarray(mark, this.used));
  }

  /**
   * Appends text as UTF-8, asking for its room first.
   * @param text any text
   */
  write(text: string): void {
    this.room(text.length * MAX_BYTES_PER_UNIT);
    this.utf8(text);
  }

  /** The oldest slice set aside as full and not yet taken, if any. */
  take(): Buffer | undefined {
    return this.full.shift();
  }

  /**
   * The last slice (possibly empty), once every full one is taken; the collector is not used after it.
   * @returns the bytes written since the last full slice
   */
  end(): Buffer {
    if (this.full.length > 0) throw new Error("ByteSlices.end: full slices not yet taken");
    return this.buffer.subarray(0, this.used);
  }
}
