/**
 * How an .xlsx package hangs together, as both the reader and the writer need it: relationship
 * parts (`_rels/*.rels`) resolved to part names, the workbook part, its sheets in order with
 * their states and relationship ids, and the date system. Parsing only; nothing is written here.
 */
import { Token, XmlScanner } from "./xml-scan";
import type { PackageSource } from "./zip-source";

/** Relationship type URIs end with these. */
export const REL = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  sharedStrings: "/sharedStrings",
  styles: "/styles",
  table: "/table",
  drawing: "/drawing",
  chart: "/chart",
} as const;

/** One relationship of a part. */
export interface Relationship {
  id: string;
  type: string;
  /** The target as a part name (resolved from the source's folder), or the raw target when external. */
  target: string;
  external: boolean;
}

/** One `<sheet>` of workbook.xml. */
export interface WorkbookSheet {
  name: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  sheetId: number;
  relId: string;
}

/** The workbook part and what it says. */
export interface WorkbookPart {
  /** Its part name, e.g. "xl/workbook.xml". */
  part: string;
  xml: string;
  date1904: boolean;
  sheets: WorkbookSheet[];
  /** Its relationships by id. */
  rels: Map<string, Relationship>;
}

/**
 * The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
 * @example relsPartOf("xl/worksheets/sheet1.xml") // "xl/worksheets/_rels/sheet1.xml.rels"
 */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * A relationship target as a part name: relative to the source's folder, or absolute from the root.
 * @param sourcePart the part whose relationship it is ("" for the package)
 * @param target the Target attribute
 * @returns the part name without a leading slash
 * @example resolvePart("xl/workbook.xml", "worksheets/sheet1.xml") // "xl/worksheets/sheet1.xml"
 * @example resolvePart("xl/drawings/drawing1.xml", "../charts/chart1.xml") // "xl/charts/chart1.xml"
 */
export function resolvePart(sourcePart: string, target: string): string {
  const dir = sourcePart.slice(0, sourcePart.lastIndexOf("/") + 1);
  const segments = (target.startsWith("/") ? target.slice(1) : dir + target).split("/");
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === "..") resolved.pop();
    else if (segment !== "." && segment !== "") resolved.push(segment);
  }
  return resolved.join("/");
}

/**
 * Parses a relationships part.
 * @param xml the .rels text (null when the part has none)
 * @param sourcePart the part the relationships belong to ("" for the package's own)
 * @returns the relationships by id
 * @example parseRelationships('<Relationships><Relationship Id="rId1" Type="…/worksheet" Target="worksheets/sheet1.xml"/></Relationships>', "xl/workbook.xml").get("rId1")?.target // "xl/worksheets/sheet1.xml"
 */
export function parseRelationships(xml: string | null, sourcePart: string): Map<string, Relationship> {
  const found = new Map<string, Relationship>();
  if (xml === null) return found;
  const scan = new XmlScanner(xml);
  for (let token = scan.next(); token !== Token.End; token = scan.next()) {
    if (token !== Token.Open || !scan.is("Relationship")) continue;
    const id = scan.attr("Id");
    const target = scan.attr("Target");
    if (id === undefined || target === undefined) continue;
    const external = scan.attr("TargetMode") === "External";
    found.set(id, { id, type: scan.attr("Type") ?? "", target: external ? target : resolvePart(sourcePart, target), external });
  }
  return found;
}

/**
 * The relationships of a part of an open package.
 * @param source the package
 * @param part the part ("" for the package's own relationships)
 * @returns the relationships by id
 */
export async function relationshipsOf(source: PackageSource, part: string): Promise<Map<string, Relationship>> {
  return parseRelationships(await source.text(part === "" ? "_rels/.rels" : relsPartOf(part)), part);
}

/**
 * The first relationship of a type.
 * @param rels relationships by id
 * @param type one of REL
 * @returns the relationship, or undefined
 */
export function relOfType(rels: Map<string, Relationship>, type: string): Relationship | undefined {
  for (const rel of rels.values()) if (!rel.external && rel.type.endsWith(type)) return rel;
  return undefined;
}

/**
 * Reads the workbook part of an open package: its sheets, date system and relationships.
 * @param source the package
 * @returns the workbook part
 * @throws Error when the package has no workbook part
 */
export async function readWorkbookPart(source: PackageSource): Promise<WorkbookPart> {
  const rootRels = await relationshipsOf(source, "");
  const part = relOfType(rootRels, REL.officeDocument)?.target ?? "xl/workbook.xml";
  const xml = await source.text(part);
  if (xml === null) throw new Error("the package holds no workbook part");
  const scan = new XmlScanner(xml);
  let date1904 = false;
  const sheets: WorkbookSheet[] = [];
  for (let token = scan.next(); token !== Token.End; token = scan.next()) {
    if (token !== Token.Open) continue;
    if (scan.is("workbookPr")) {
      const value = scan.attr("date1904");
      date1904 = value === "1" || value === "true";
    } else if (scan.is("sheet")) {
      sheets.push({ name: scan.attr("name") ?? "", state: scan.attr("state") ?? "visible", sheetId: Number(scan.attr("sheetId") ?? 0), relId: scan.attr("id") ?? "" });
    }
  }
  return { part, xml, date1904, sheets, rels: await relationshipsOf(source, part) };
}
