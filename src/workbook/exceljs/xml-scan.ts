/**
 * A small pull scanner over SpreadsheetML text: tags one after the other, names without their
 * namespace prefix, attributes parsed only when asked for, the text before each tag given as a
 * range. Enough for the parts a ledger needs (workbook, relationships, shared strings, sheets,
 * tables); not a validating XML parser — malformed input yields fewer cells, never a throw.
 */

/** What the scanner stopped on. */
export enum Token {
  End = 0,
  Open = 1,
  Close = 2,
  /** A CDATA section: its text is `text()`. */
  CData = 3,
}

const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const EQUALS = 61;
const COLON = 58;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/**
 * Tag-by-tag scanner over one XML string (or a chunk of one that starts and ends between tags).
 * @example
 * const scan = new XmlScanner('<x:c r="A1"><x:v>42</x:v></x:c>');
 * scan.next(); scan.name; scan.attr("r") // "c", "A1"
 */
export class XmlScanner {
  /** Where the current tag's local name starts and ends in the text. */
  private nameStart = 0;
  private nameEnd = 0;
  /** Whether the current open tag is self-closing (`<c r="A1"/>`). */
  selfClosing = false;
  private pos = 0;
  private textStart = 0;
  private textEnd = 0;
  private attrStart = 0;
  private tagEnd = 0;
  private cdata = false;
  /** Where the value of the attribute found by the last `attrAt` or `nextAttr` starts and ends. */
  valueStart = 0;
  valueEnd = 0;
  private attrCursor = 0;
  private attrNameStart = 0;
  private attrNameEnd = 0;
  /** Where the current tag starts (its `<`) and ends (after its `>`) in the text. */
  tagStartsAt = 0;
  tagEndsAt = 0;

  /** @param xml the text to scan */
  constructor(private readonly xml: string) {}

  /**
   * Moves to the next tag (comments, processing instructions and declarations are skipped).
   * @returns Open, Close, CData, or End when the text is exhausted
   */
  next(): Token {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf("<", this.pos);
      if (lt < 0) {
        this.pos = xml.length;
        return Token.End;
      }
      this.textStart = this.pos;
      this.cdata = false;
      this.textEnd = lt;
      const first = xml.charCodeAt(lt + 1);
      if (first === 33 /* ! */) {
        if (xml.startsWith("<![CDATA[", lt)) {
          const end = xml.indexOf("]]>", lt + 9);
          const stop = end < 0 ? xml.length : end;
          this.textStart = lt + 9;
          this.textEnd = stop;
          this.pos = stop + 3;
          this.cdata = true;
          return Token.CData;
        }
        const end = xml.startsWith("<!--", lt) ? xml.indexOf("-->", lt + 4) : xml.indexOf(">", lt + 2);
        this.pos = end < 0 ? xml.length : end + (xml.startsWith("<!--", lt) ? 3 : 1);
        continue;
      }
      if (first === 63 /* ? */) {
        const end = xml.indexOf("?>", lt + 2);
        this.pos = end < 0 ? xml.length : end + 2;
        continue;
      }
      const closing = first === SLASH;
      let at = closing ? lt + 2 : lt + 1;
      let nameStart = at;
      const length = xml.length;
      for (; at < length; at++) {
        const code = xml.charCodeAt(at);
        if (code === COLON) nameStart = at + 1;
        else if (isSpace(code) || code === GT || code === SLASH) break;
      }
      this.nameStart = nameStart;
      this.nameEnd = at;
      this.attrStart = at;
      // The tag ends at the first '>' outside a quoted attribute value.
      let quote = 0;
      for (; at < length; at++) {
        const code = xml.charCodeAt(at);
        if (quote !== 0) {
          if (code === quote) quote = 0;
        } else if (code === QUOTE || code === APOS) quote = code;
        else if (code === GT) break;
      }
      this.tagEnd = at;
      this.pos = at + 1;
      this.tagStartsAt = lt;
      this.tagEndsAt = this.pos;
      this.selfClosing = !closing && xml.charCodeAt(at - 1) === SLASH;
      return closing ? Token.Close : Token.Open;
    }
  }

  /**
   * Reads a child element that follows the current open tag at once and holds only text
   * (`<v>42</v>`, unprefixed), in one step instead of two tags: its text is then `text()` and the
   * scanner stands after its end tag. Anything else — a prefix, markup inside, another element —
   * leaves the scanner where it was, for the caller to go on tag by tag.
   * @param name the child's name, e.g. "v"
   * @returns whether the child was read
   */
  textChild(name: string): boolean {
    const xml = this.xml;
    const at = this.pos;
    const open = at + 1 + name.length;
    if (xml.charCodeAt(at) !== 60 /* < */ || xml.charCodeAt(open) !== GT || !xml.startsWith(name, at + 1)) return false;
    const end = xml.indexOf("<", open + 1);
    if (end < 0 || xml.charCodeAt(end + 1) !== SLASH || xml.charCodeAt(end + 2 + name.length) !== GT || !xml.startsWith(name, end + 2)) return false;
    this.textStart = open + 1;
    this.textEnd = end;
    this.cdata = false;
    this.pos = end + 3 + name.length;
    return true;
  }

  /** Local name of the current tag ("c" for `<x:c …>`). */
  get name(): string {
    return this.xml.slice(this.nameStart, this.nameEnd);
  }

  /** Whether the current tag's local name is `name` (no string is built). */
  is(name: string): boolean {
    return this.nameEnd - this.nameStart === name.length && this.xml.startsWith(name, this.nameStart);
  }

  /** The code of the character at `index` of the scanned text. */
  charAt(index: number): number {
    return this.xml.charCodeAt(index);
  }

  /** The raw text between the previous tag and the current one (a CDATA section's content for CData). */
  rawText(): string {
    return this.xml.slice(this.textStart, this.textEnd);
  }

  /** The text between the previous tag and the current one, entities decoded. */
  text(): string {
    const raw = this.rawText();
    return this.cdata ? raw : decodeXml(raw);
  }

  /**
   * An attribute of the current open tag, matched by local name ("id" finds `r:id`), decoded.
   * @param wanted the attribute's local name
   * @returns its value, or undefined when the tag has none
   */
  attr(wanted: string): string | undefined {
    return this.attrAt(wanted) < 0 ? undefined : this.attrValue();
  }

  /**
   * Where an attribute's raw value starts (its end in `valueEnd`), for reading it without a string.
   * @param wanted the attribute's local name
   * @returns the index of the value's first character, or -1 when the tag has no such attribute
   */
  attrAt(wanted: string): number {
    this.firstAttr();
    while (this.nextAttr()) if (this.attrIs(wanted)) return this.valueStart;
    return -1;
  }

  /** Goes back to before the current open tag's first attribute, for `nextAttr`. */
  firstAttr(): void {
    this.attrCursor = this.attrStart;
  }

  /**
   * Moves to the current open tag's next attribute: its local name is then matched by `attrIs`,
   * its raw value lies from `valueStart` to `valueEnd` — every attribute in one pass over the tag.
   * @returns false when the tag has no more attributes
   * @example
   * scan.firstAttr();
   * while (scan.nextAttr()) if (scan.attrIs("r")) ref = scan.attrValue();
   */
  nextAttr(): boolean {
    const xml = this.xml;
    const end = this.tagEnd;
    let at = this.attrCursor;
    while (at < end && (isSpace(xml.charCodeAt(at)) || xml.charCodeAt(at) === SLASH)) at++;
    if (at >= end) return false;
    let nameStart = at;
    while (at < end) {
      const code = xml.charCodeAt(at);
      if (code === EQUALS || isSpace(code)) break;
      if (code === COLON) nameStart = at + 1;
      at++;
    }
    const nameEnd = at;
    while (at < end && xml.charCodeAt(at) !== QUOTE && xml.charCodeAt(at) !== APOS) at++;
    if (at >= end) return false;
    const valueEnd = xml.indexOf(xml.charCodeAt(at) === APOS ? "'" : '"', at + 1);
    if (valueEnd < 0) return false;
    this.attrNameStart = nameStart;
    this.attrNameEnd = nameEnd;
    this.valueStart = at + 1;
    this.valueEnd = valueEnd;
    this.attrCursor = valueEnd + 1;
    return true;
  }

  /** Whether the attribute found by `nextAttr` has this local name. */
  attrIs(name: string): boolean {
    return this.attrNameEnd - this.attrNameStart === name.length && this.xml.startsWith(name, this.attrNameStart);
  }

  /** The value of the attribute found by `nextAttr` (or `attrAt`), decoded. */
  attrValue(): string {
    return decodeXml(this.xml.slice(this.valueStart, this.valueEnd));
  }

  /**
   * Steps over the end tag `</name>` (unprefixed) when it follows at once.
   * @returns whether it did
   */
  closes(name: string): boolean {
    const xml = this.xml;
    const at = this.pos;
    if (xml.charCodeAt(at) !== 60 /* < */ || xml.charCodeAt(at + 1) !== SLASH || xml.charCodeAt(at + 2 + name.length) !== GT || !xml.startsWith(name, at + 2)) return false;
    this.pos = at + 3 + name.length;
    return true;
  }

  /**
   * The text before the current tag as a non-negative integer of up to 9 digits, read in place.
   * @returns the number, or -1 when the text is anything else (blank, signed, spaced, longer)
   */
  textInteger(): number {
    return this.cdata ? -1 : integerAt(this.xml, this.textStart, this.textEnd);
  }

  /**
   * The text before the current tag as a plain decimal — an optional minus, at most 15 digits, at
   * most one point — read in place (see decimalAt).
   * @returns the number, or NaN when the text is anything else (for the caller's general path)
   * @example // text "-1234.50" → -1234.5; "1e3", " 1", "0x10", "" → NaN
   */
  textDecimal(): number {
    return this.cdata ? Number.NaN : decimalAt(this.xml, this.textStart, this.textEnd);
  }

  /** The text scanned. */
  get source(): string {
    return this.xml;
  }

  /** Where the scanner stands: after the last tag (or text) it read. */
  get position(): number {
    return this.pos;
  }

  /**
   * Moves the scanner on past text its caller read itself (whole elements, ending between tags).
   * @param position where to go on from, at or after `position`
   */
  skipTo(position: number): void {
    this.pos = position;
  }
}

/**
 * text[start, end) as a non-negative integer of 1 to 9 digits, read in place.
 * @returns the number, or -1 when the text is anything else (blank, signed, spaced, longer)
 * @example integerAt("<v>42</v>", 3, 5) // 42
 */
export function integerAt(text: string, start: number, end: number): number {
  if (end === start || end - start > 9) return -1;
  let value = 0;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code < 48 || code > 57) return -1;
    value = value * 10 + code - 48;
  }
  return value;
}

/**
 * text[start, end) as a plain decimal — an optional minus, at most 15 digits, at most one point —
 * read in place, with the value `Number` gives the same text: the digits make an integer below
 * 2^53 and the power of ten is exact, so the one division rounds correctly.
 * @returns the number, or NaN when the text is anything else (for the caller's general path)
 * @example decimalAt("-1234.50", 0, 8) // -1234.5
 */
export function decimalAt(text: string, start: number, end: number): number {
  let at = start;
  const negative = text.charCodeAt(at) === 45; /* - */
  if (negative) at++;
  let digits = 0;
  let point = -1;
  let mantissa = 0;
  for (; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + code - 48;
      digits++;
    } else if (code === 46 /* . */ && point < 0) point = at;
    else return Number.NaN;
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const value = point < 0 || point === end - 1 ? mantissa : mantissa / POWERS_OF_TEN[end - point - 1];
  return negative ? -value : value;
}

/** 10^0 … 10^15, each exact in a double: the powers a decimal of up to 16 digits is read or written with. */
export const POWERS_OF_TEN = Array.from({ length: 16 }, (_, power) => 10 ** power);

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function fromCodePoint(code: number): string {
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

/**
 * XML character data decoded: entities and character references replaced, line ends normalised
 * to "\n" as XML parsers do.
 * @example decodeXml("a &amp; b&#10;c") // "a & b\nc"
 */
export function decodeXml(raw: string): string {
  let text = raw;
  if (text.indexOf("\r") >= 0) text = text.replace(/\r\n?/g, "\n");
  if (text.indexOf("&") < 0) return text;
  return text.replace(ENTITY, (whole, hex: string | undefined, decimal: string | undefined, named: string | undefined) =>
    hex !== undefined ? fromCodePoint(parseInt(hex, 16)) : decimal !== undefined ? fromCodePoint(parseInt(decimal, 10)) : NAMED[named!] ?? whole,
  );
}

/**
 * Undoes SpreadsheetML's `_xHHHH_` escapes in cell text (how Excel stores control characters),
 * as exceljs does.
 * @example decodeOoxmlEscapes("a_x000D_b") // "a\rb"
 */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
