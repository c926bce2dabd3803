/**
 * The generated sheets' styles, added to the user's styles.xml without disturbing it: our number
 * formats, bold font, fills, cell formats (cellXfs) and conditional-format fills (dxfs) are
 * appended after the user's, so every index the user's sheets use still means what it meant, and
 * our cells refer to the appended ones. An entry the file already holds, written the same way (a
 * number format of the same code, or what an earlier run appended), is reused, so regenerating
 * does not grow styles.xml.
 */
import type { PlanCellStyle } from "./plan-styles";
import { xmlText } from "./sheet-xml-text";
import { applySplices, childTexts, outline, prefixOf, withCount, type ElementSpan, type Splice } from "./xml-edit";
import { Token, XmlScanner } from "./xml-scan";

/** Order of styleSheet's children (ECMA-376 §18.8.39): where a missing one is inserted. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
/** Custom number formats start at 164 (lower ids are built in). */
const FIRST_CUSTOM_FORMAT = 164;

/** A list of styles.xml (cellXfs, fonts, fills, dxfs): how many entries, and the index of each text. */
interface StyleList {
  count: number;
  indexOf: Map<string, number>;
}

/** What the user's styles.xml holds, as far as appending needs. */
interface StylesBase {
  xfs: StyleList;
  fonts: StyleList;
  fills: StyleList;
  dxfs: StyleList;
  formats: Map<string, number>;
  nextFormatId: number;
  /** The default font (fonts[0]) as written, for our bold font; null when there is none. */
  defaultFont: string | null;
}

function readBase(xml: string): StylesBase {
  const { children } = outline(xml);
  const child = (name: string): ElementSpan | undefined => children.find((span) => span.name === name);
  const formats = new Map<string, number>();
  let nextFormatId = FIRST_CUSTOM_FORMAT;
  let defaultFont: string | null = null;
  const scan = new XmlScanner(xml);
  let inFonts = false;
  let fontStart = -1;
  for (let token = scan.next(); token !== Token.End; token = scan.next()) {
    if (token === Token.Open && scan.is("numFmt") && !inFonts) {
      const id = Number(scan.attr("numFmtId"));
      const code = scan.attr("formatCode");
      if (Number.isInteger(id)) {
        if (code !== undefined && !formats.has(code)) formats.set(code, id);
        nextFormatId = Math.max(nextFormatId, id + 1);
      }
    } else if (token === Token.Open && scan.is("fonts")) inFonts = !scan.selfClosing;
    else if (token === Token.Close && scan.is("fonts")) inFonts = false;
    else if (inFonts && defaultFont === null && token === Token.Open && scan.is("font")) {
      if (scan.selfClosing) defaultFont = xml.slice(scan.tagStartsAt, scan.tagEndsAt);
      else fontStart = scan.tagStartsAt;
    } else if (inFonts && defaultFont === null && fontStart >= 0 && token === Token.Close && scan.is("font")) {
      defaultFont = xml.slice(fontStart, scan.tagEndsAt);
    }
  }
  const list = (name: string): StyleList => {
    const span = child(name);
    const texts = span ? childTexts(xml, span) : [];
    const indexOf = new Map<string, number>();
    texts.forEach((text, index) => {
      if (!indexOf.has(text)) indexOf.set(text, index);
    });
    return { count: texts.length, indexOf };
  };
  return {
    xfs: list("cellXfs"),
    fonts: list("fonts"),
    fills: list("fills"),
    dxfs: list("dxfs"),
    formats,
    nextFormatId,
    defaultFont,
  };
}

/** The default font made bold: `<b/>` added right after its open tag (as written, prefix kept). */
function boldFont(defaultFont: string | null, prefix: string): string {
  if (defaultFont === null) return `<${prefix}font><${prefix}b/><${prefix}sz val="11"/><${prefix}name val="Calibri"/><${prefix}family val="2"/></${prefix}font>`;
  const fontPrefix = prefixOf(/^<([^\s/>]+)/.exec(defaultFont)?.[1] ?? "");
  if (/<(?:\w+:)?b\/>|<(?:\w+:)?b\s/.test(defaultFont)) return defaultFont;
  if (defaultFont.endsWith("/>")) return `${defaultFont.slice(0, -2)}><${fontPrefix}b/></${fontPrefix}font>`;
  const openEnd = defaultFont.indexOf(">") + 1;
  return `${defaultFont.slice(0, openEnd)}<${fontPrefix}b/>${defaultFont.slice(openEnd)}`;
}

/**
 * The styles of the sheets being written, numbered after the user's own, merged into styles.xml
 * once every sheet is written.
 * @example
 * const styles = new StyleAdditions(userStylesXml); // the user has 12 cell formats
 * styles.xf({ numFmt: "#,##0.00" }) // 12
 * const merged = styles.mergeInto(userStylesXml);
 */
export class StyleAdditions {
  private readonly base: StylesBase;
  private readonly xfIndex = new Map<PlanCellStyle, number>();
  private readonly newFormats = new Map<string, number>();
  private readonly added: Record<"xfs" | "fonts" | "fills" | "dxfs", string[]> = { xfs: [], fonts: [], fills: [], dxfs: [] };
  private readonly addedIndex = new Map<string, number>();
  private readonly dxfIndex = new Map<string, number>();
  private readonly prefix: string;

  /** @param userStyles the user's styles.xml */
  constructor(userStyles: string) {
    this.base = readBase(userStyles);
    this.prefix = prefixOf(outline(userStyles).root.qualifiedName);
  }

  /**
   * The cellXfs index of a plan style, added on first use.
   * @param style a style from FormatSweep (shared objects: compared by identity)
   * @returns the index for the cell's `s` attribute
   */
  xf(style: PlanCellStyle): number {
    let index = this.xfIndex.get(style);
    if (index !== undefined) return index;
    const p = this.prefix;
    let formatId = 0;
    if (style.numFmt) {
      formatId = this.base.formats.get(style.numFmt) ?? this.newFormats.get(style.numFmt) ?? this.base.nextFormatId + this.newFormats.size;
      if (!this.base.formats.has(style.numFmt)) this.newFormats.set(style.numFmt, formatId);
    }
    const argb = style.fill?.fgColor.argb;
    const fill = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    const fillId = argb ? this.entry("fills", fill) : 0;
    const fontId = style.font?.bold ? this.entry("fonts", boldFont(this.base.defaultFont, p)) : 0;
    const applied = `${formatId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}`;
    const alignment = style.alignment?.wrapText ? `<${p}alignment wrapText="1" vertical="top"/>` : "";
    const head = `<${p}xf numFmtId="${formatId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applied}`;
    index = this.entry("xfs", alignment ? `${head} applyAlignment="1">${alignment}</${p}xf>` : `${head}/>`);
    this.xfIndex.set(style, index);
    return index;
  }

  /**
   * The dxfs index of a conditional format's fill colour, added on first use.
   * @param argb the colour, e.g. "FFFFC7CE"
   * @returns the index for the rule's `dxfId`
   */
  dxf(argb: string): number {
    let index = this.dxfIndex.get(argb);
    if (index === undefined) {
      const p = this.prefix;
      index = this.entry("dxfs", `<${p}dxf><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb}"/></${p}patternFill></${p}fill></${p}dxf>`);
      this.dxfIndex.set(argb, index);
    }
    return index;
  }

  /** The index of an entry of a list: the file's own when written the same way, else appended. */
  private entry(list: "xfs" | "fonts" | "fills" | "dxfs", text: string): number {
    const existing = this.base[list].indexOf.get(text) ?? this.addedIndex.get(`${list}|${text}`);
    if (existing !== undefined) return existing;
    const index = this.base[list].count + this.added[list].length;
    this.added[list].push(text);
    this.addedIndex.set(`${list}|${text}`, index);
    return index;
  }

  /**
   * The user's styles.xml with the styles used so far appended.
   * @param userStyles the same text the constructor was given
   * @returns the merged text; the user's own bytes unchanged around the insertions
   */
  mergeInto(userStyles: string): string {
    const p = this.prefix;
    const additions = new Map<string, { child: string; items: string[] }>();
    const formats = [...this.newFormats].map(([code, id]) => `<${p}numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
    if (formats.length) additions.set("numFmts", { child: "numFmt", items: formats });
    if (this.added.fonts.length) additions.set("fonts", { child: "font", items: this.added.fonts });
    if (this.added.fills.length) additions.set("fills", { child: "fill", items: this.added.fills });
    if (this.added.xfs.length) additions.set("cellXfs", { child: "xf", items: this.added.xfs });
    if (this.added.dxfs.length) additions.set("dxfs", { child: "dxf", items: this.added.dxfs });
    const { root, children } = outline(userStyles);
    const splices: Splice[] = [];
    for (const [name, { child, items }] of additions) {
      const span = children.find((candidate) => candidate.name === name);
      const count = (span?.childCounts.get(child) ?? 0) + items.length;
      if (span && !span.selfClosing) {
        splices.push({ start: span.start, end: span.openEnd, text: withCount(userStyles.slice(span.start, span.openEnd), count) });
        splices.push({ start: span.closeStart, end: span.closeStart, text: items.join("") });
      } else if (span) {
        const open = withCount(userStyles.slice(span.start, span.end).replace(/\s*\/>$/, ">"), count);
        splices.push({ start: span.start, end: span.end, text: `${open}${items.join("")}</${span.qualifiedName}>` });
      } else {
        const later = ORDER.slice(ORDER.indexOf(name) + 1);
        const next = children.find((candidate) => later.includes(candidate.name));
        const at = next ? next.start : root.closeStart;
        splices.push({ start: at, end: at, text: `<${p}${name} count="${count}">${items.join("")}</${p}${name}>` });
      }
    }
    return applySplices(userStyles, splices);
  }
}
