/**
 * Editing a user's XML part in place: where the root's children start and end, so that new
 * elements can be spliced in and a count attribute updated, every other byte left as it was
 * (prefixes, declarations, attributes and order the user's program wrote).
 */
import { Token, XmlScanner } from "./xml-scan";

/** Where an element lies in the text. */
export interface ElementSpan {
  /** Local name ("cellXfs" for `<x:cellXfs>`). */
  name: string;
  /** The name as written, prefix included ("x:cellXfs"). */
  qualifiedName: string;
  /** Its `<`. */
  start: number;
  /** After the open tag's `>`. */
  openEnd: number;
  /** Its close tag's `<` (openEnd when self-closing). */
  closeStart: number;
  /** After its last `>`. */
  end: number;
  selfClosing: boolean;
  /** Its direct children counted by local name. */
  childCounts: Map<string, number>;
}

/** The root element of a part and its direct children. */
export interface PartOutline {
  root: ElementSpan;
  children: ElementSpan[];
}

function qualifiedNameAt(xml: string, start: number): string {
  const match = /^<\/?([^\s/>]+)/.exec(xml.slice(start, start + 200));
  return match ? match[1] : "";
}

/**
 * The root element of an XML part and its direct children, with their places.
 * @param xml the part's text
 * @returns the outline
 * @throws Error when the text has no root element
 * @example outline('<a><b/><c>x</c></a>').children.map((child) => child.name) // ["b", "c"]
 */
export function outline(xml: string): PartOutline {
  const scan = new XmlScanner(xml);
  const open: ElementSpan[] = [];
  let root: ElementSpan | null = null;
  const children: ElementSpan[] = [];
  for (let token = scan.next(); token !== Token.End; token = scan.next()) {
    if (token === Token.Open) {
      const span: ElementSpan = {
        name: scan.name,
        qualifiedName: qualifiedNameAt(xml, scan.tagStartsAt),
        start: scan.tagStartsAt,
        openEnd: scan.tagEndsAt,
        closeStart: scan.tagEndsAt,
        end: scan.tagEndsAt,
        selfClosing: scan.selfClosing,
        childCounts: new Map(),
      };
      const parent = open[open.length - 1];
      if (parent) parent.childCounts.set(span.name, (parent.childCounts.get(span.name) ?? 0) + 1);
      if (open.length === 0 && !root) root = span;
      else if (open.length === 1) children.push(span);
      if (!scan.selfClosing) open.push(span);
    } else if (token === Token.Close) {
      const span = open.pop();
      if (span) {
        span.closeStart = scan.tagStartsAt;
        span.end = scan.tagEndsAt;
      }
    }
  }
  if (!root) throw new Error("the part has no root element");
  return { root, children };
}

/**
 * The prefix of a qualified name, with its colon ("x:" for "x:sheet"; "" when none).
 * @example prefixOf("x:sheet") // "x:"
 */
export function prefixOf(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(":");
  return colon < 0 ? "" : qualifiedName.slice(0, colon + 1);
}

/**
 * An open tag with its `count` attribute set (added when absent).
 * @param openTag the tag's text, e.g. `<cellXfs count="3">`
 * @param count the new count
 * @returns the tag
 * @example withCount('<cellXfs count="3">', 5) // '<cellXfs count="5">'
 */
export function withCount(openTag: string, count: number): string {
  if (/\scount="[^"]*"/.test(openTag)) return openTag.replace(/\scount="[^"]*"/, ` count="${count}"`);
  return openTag.replace(/(\/?>)$/, ` count="${count}"$1`);
}

/** One change of a part's text: the range [start, end) replaced by text. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies non-overlapping splices to a text.
 * @param xml the text
 * @param splices the changes, in any order
 * @returns the changed text
 * @example applySplices("abc", [{ start: 1, end: 2, text: "X" }]) // "aXc"
 */
export function applySplices(xml: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = "";
  let at = 0;
  for (const splice of sorted) {
    result += xml.slice(at, splice.start) + splice.text;
    at = splice.end;
  }
  return result + xml.slice(at);
}

/**
 * The namespace prefix the root declares for a namespace URI, with its colon.
 * @param xml the part's text
 * @param uri the namespace
 * @returns "r:" for `xmlns:r="uri"`, "" for a default namespace, null when undeclared
 * @example declaredPrefix('<w xmlns:r="urn:x">', "urn:x") // "r:"
 */
export function declaredPrefix(xml: string, uri: string): string | null {
  const head = xml.slice(0, xml.indexOf(">", xml.search(/<[^?!]/)) + 1);
  const escaped = uri.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const match = new RegExp(`xmlns(?::([\\w.-]+))?=["']${escaped}["']`).exec(head);
  if (!match) return null;
  return match[1] ? `${match[1]}:` : "";
}

/**
 * The text of each direct child of an element, as written.
 * @param xml the part's text
 * @param span the element (from `outline`)
 * @returns the children's texts, in order
 * @example childTexts("<a><b/><c>x</c></a>", outline("<a><b/><c>x</c></a>").root) // ["<b/>", "<c>x</c>"]
 */
export function childTexts(xml: string, span: ElementSpan): string[] {
  if (span.selfClosing) return [];
  const inner = xml.slice(span.openEnd, span.closeStart);
  const scan = new XmlScanner(inner);
  const texts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let token = scan.next(); token !== Token.End; token = scan.next()) {
    if (token === Token.Open) {
      if (depth === 0) start = scan.tagStartsAt;
      if (scan.selfClosing) {
        if (depth === 0) texts.push(inner.slice(start, scan.tagEndsAt));
      } else depth++;
    } else if (token === Token.Close) {
      depth--;
      if (depth === 0) texts.push(inner.slice(start, scan.tagEndsAt));
    }
  }
  return texts;
}
