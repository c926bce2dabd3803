/**
 * The edits a copy makes to the package's own bookkeeping, each a splice into the user's text:
 * workbook.xml's sheet list (a replaced sheet keeps its place, id and part; a new one goes last),
 * relationship parts (entries appended), [Content_Types].xml (overrides added and dropped), and
 * which parts go with a replaced sheet (those only it leads to). Pure.
 */
import { applySplices, declaredPrefix, outline, prefixOf, type Splice } from "./xml-edit";
import { Token, XmlScanner } from "./xml-scan";
import { xmlText } from "./sheet-xml-text";
import type { Relationship } from "./package-parts";

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Relationship types and content types of the parts a copy adds.
 * @example PART_TYPES.worksheet.rel // "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
 */
export const PART_TYPES = {
  worksheet: { rel: `${REL_NS}/worksheet`, content: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" },
  drawing: { rel: `${REL_NS}/drawing`, content: "application/vnd.openxmlformats-officedocument.drawing+xml" },
  chart: { rel: `${REL_NS}/chart`, content: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml" },
  table: { rel: `${REL_NS}/table`, content: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml" },
} as const;

/** A `<sheet>` of workbook.xml as the copy writes it. */
export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  state?: "hidden" | "veryHidden";
}

function sheetElement(prefix: string, relPrefix: string | null, sheet: SheetEntry): string {
  const rel = relPrefix ?? "r:";
  const declare = relPrefix === null ? ` xmlns:r="${REL_NS}"` : "";
  const state = sheet.state ? ` state="${sheet.state}"` : "";
  return `<${prefix}sheet${declare} name="${xmlText(sheet.name)}" sheetId="${sheet.sheetId}"${state} ${rel}id="${sheet.relId}"/>`;
}

/**
 * workbook.xml with sheets rewritten in place (matched by relationship id) and others appended.
 * @param xml the user's workbook.xml
 * @param replaced sheets that keep their place: a new name or state under the same id and part
 * @param added sheets appended after the last
 * @returns the edited text
 * @example editWorkbookXml(xml, [], [{ name: "Aging", sheetId: 4, relId: "rId9" }]) // …<sheet name="Aging" sheetId="4" r:id="rId9"/></sheets>…
 */
export function editWorkbookXml(xml: string, replaced: readonly SheetEntry[], added: readonly SheetEntry[]): string {
  const relPrefix = declaredPrefix(xml, REL_NS);
  const byRelId = new Map(replaced.map((sheet) => [sheet.relId, sheet]));
  const splices: Splice[] = [];
  const scan = new XmlScanner(xml);
  for (let token = scan.next(); token !== Token.End; token = scan.next()) {
    if (token === Token.Open && scan.is("sheets")) {
      const prefix = prefixOf(/^<([^\s/>]+)/.exec(xml.slice(scan.tagStartsAt, scan.tagEndsAt))?.[1] ?? "");
      const items = added.map((sheet) => sheetElement(prefix, relPrefix, sheet)).join("");
      if (scan.selfClosing) splices.push({ start: scan.tagStartsAt, end: scan.tagEndsAt, text: `<${prefix}sheets>${items}</${prefix}sheets>` });
      else {
        for (let inner = scan.next(); inner !== Token.End; inner = scan.next()) {
          if (inner === Token.Close && scan.is("sheets")) {
            if (items) splices.push({ start: scan.tagStartsAt, end: scan.tagStartsAt, text: items });
            break;
          }
          const sheet = inner === Token.Open && scan.is("sheet") ? byRelId.get(scan.attr("id") ?? "") : undefined;
          if (sheet) splices.push({ start: scan.tagStartsAt, end: scan.tagEndsAt, text: sheetElement(prefix, relPrefix, sheet) });
        }
      }
      break;
    }
  }
  return applySplices(xml, splices);
}

/**
 * A relationship id not yet taken: rId1, rId2…
 * @param taken ids in use (the new one is added)
 * @returns the id
 * @example freeRelId(new Set(["rId1", "rId2"])) // "rId3"
 */
export function freeRelId(taken: Set<string>): string {
  for (let n = taken.size + 1; ; n++) {
    const id = `rId${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/**
 * A relationships part with relationships appended (a new part when there was none).
 * @param xml the part's text, null when the part does not exist
 * @param added the relationships to add; targets relative to the source part's folder
 * @returns the text
 * @example editRelationships(null, [{ id: "rId1", type: PART_TYPES.drawing.rel, target: "../drawings/drawing1.xml" }])
 */
export function editRelationships(xml: string | null, added: readonly { id: string; type: string; target: string }[]): string {
  const source = xml ?? `${DECLARATION}<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const { root } = outline(source);
  const prefix = prefixOf(root.qualifiedName);
  const items = added.map((rel) => `<${prefix}Relationship Id="${rel.id}" Type="${rel.type}" Target="${xmlText(rel.target)}"/>`).join("");
  if (root.selfClosing) return applySplices(source, [{ start: root.start, end: root.end, text: `${source.slice(root.start, root.end - 2)}>${items}</${root.qualifiedName}>` }]);
  return applySplices(source, [{ start: root.closeStart, end: root.closeStart, text: items }]);
}

/**
 * [Content_Types].xml with overrides for the parts added and without those of the parts dropped.
 * @param xml the user's [Content_Types].xml
 * @param added part names (no leading slash) and their content types; a part already listed is left
 * @param dropped part names whose overrides go
 * @returns the edited text
 */
export function editContentTypes(xml: string, added: readonly { part: string; type: string }[], dropped: ReadonlySet<string>): string {
  const { root } = outline(xml);
  const prefix = prefixOf(root.qualifiedName);
  const listed = new Set<string>();
  const splices: Splice[] = [];
  const scan = new XmlScanner(xml);
  for (let token = scan.next(); token !== Token.End; token = scan.next()) {
    if (token !== Token.Open || !scan.is("Override")) continue;
    const part = (scan.attr("PartName") ?? "").replace(/^\//, "").toLowerCase();
    if (dropped.has(part)) splices.push({ start: scan.tagStartsAt, end: scan.tagEndsAt, text: "" });
    else listed.add(part);
  }
  const items = added
    .filter((item) => !listed.has(item.part.toLowerCase()))
    .map((item) => `<${prefix}Override PartName="/${xmlText(item.part)}" ContentType="${item.type}"/>`)
    .join("");
  if (items) splices.push({ start: root.closeStart, end: root.closeStart, text: items });
  return applySplices(xml, splices);
}

/**
 * The parts that go with replaced sheets: those reachable from them through relationships and
 * from nothing kept. A part shared with a kept sheet (a pivot cache, an image) stays.
 * @param roots the package's own relationship targets (where reachability starts)
 * @param relsOf every part's relationships (parts without any absent)
 * @param replaced the replaced sheets' parts
 * @returns lower-case part names that go, the replaced sheets' own parts excluded
 * @example partsGoingWith(["xl/workbook.xml"], rels, ["xl/worksheets/sheet5.xml"]) // Set {"xl/drawings/drawing2.xml", "xl/charts/chart3.xml"}
 */
export function partsGoingWith(roots: readonly string[], relsOf: ReadonlyMap<string, Map<string, Relationship>>, replaced: readonly string[]): Set<string> {
  const stop = new Set(replaced.map((part) => part.toLowerCase()));
  const reach = (starts: readonly string[], avoid: ReadonlySet<string>): Set<string> => {
    const seen = new Set<string>();
    const queue = starts.map((part) => part.toLowerCase()).filter((part) => !avoid.has(part));
    while (queue.length > 0) {
      const part = queue.pop()!;
      if (seen.has(part)) continue;
      seen.add(part);
      for (const rel of relsOf.get(part)?.values() ?? []) {
        const target = rel.target.toLowerCase();
        if (!rel.external && !avoid.has(target) && !seen.has(target)) queue.push(target);
      }
    }
    return seen;
  };
  const kept = reach(roots, stop);
  const fromReplaced = reach([...stop], new Set());
  const going = new Set<string>();
  for (const part of fromReplaced) if (!kept.has(part) && !stop.has(part)) going.add(part);
  return going;
}
