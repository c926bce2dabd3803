/**
 * The one .xlsx writer, for every size: the output is the user's package with every part copied
 * as it is stored (compressed bytes, never inflated), plus the generated sheets, their charts and
 * the settings store, with workbook.xml, its relationships, styles.xml (ours appended) and
 * [Content_Types].xml edited in place. A plan replaces only a sheet the store lists as generated
 * (sheet-names.ts), keeping its place, id and part; the parts that only it led to (its drawing
 * and charts) go with it. Written to a temporary file and renamed, so a failure leaves nothing.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { CellValue } from "../adapter-types";
import { withName } from "../plan-rows";
import type { PlanCell, SheetPlan } from "../plan-types";
import { GENERATED_KEY, generatedAfterWrite, generatedToText, readGeneratedList, STORE_SHEET, storeToRows, type GeneratedSheet } from "../settings-store";
import { placeSheets } from "../sheet-names";
import { BLANK_PARTS } from "./blank-package";
import { chartXml, drawingXml, planCharts } from "./chart-xml";
import { editContentTypes, editRelationships, editWorkbookXml, freeRelId, PART_TYPES, partsGoingWith, type SheetEntry } from "./package-edit";
import { parseRelationships, readWorkbookPart, REL, relOfType, relsPartOf, type Relationship, type WorkbookPart } from "./package-parts";
import { rangeRef } from "./plan-styles";
import { sheetXml } from "./sheet-xml";
import { xmlText } from "./sheet-xml-text";
import { StyleAdditions } from "./styles-merge";
import { PackageSource } from "./zip-source";
import { PackageWriter, type PartContent } from "./zip-write";

/** A new workbook's first sheet, when the input is a CSV file. */
export interface CsvBase {
  name: string;
  rows: CellValue[][];
}

/** What one copy writes. */
export interface CopyRequest {
  /** The package copied (.xlsx or .xlsm), or the CSV sheet a new workbook starts from. */
  base: { file: string } | { csv: CsvBase };
  /** The path written (through a temporary file beside it). */
  output: string;
  /** The sheets to write, in order. */
  plans: readonly SheetPlan[];
  /** The settings store; its list of generated sheets says which sheets may be replaced. */
  store: Readonly<Record<string, string>>;
  /** Existing parts given new content (e.g. a log sheet after a row was appended); every other part is copied. */
  replaceParts?: ReadonlyMap<string, PartContent>;
  /**
   * Sheets of the user's data the copy adds (the collection log on first use), each holding an
   * Excel table of this name over its values (row 0 the headers): never listed as generated, so
   * read as data and never replaced; a name taken by any sheet becomes "name (2)"…
   */
  userSheets?: readonly { plan: SheetPlan; table: string }[];
  signal?: AbortSignal;
}

/** What a copy wrote. */
export interface CopyResult {
  /** The plans' sheet names, as written. */
  names: string[];
  /** The user sheets' names, as written. */
  userSheetNames: string[];
  /** The store as written, its list of generated sheets updated. */
  store: Record<string, string>;
}

/** A part's new content, or a function giving it once the parts before it are written. */
type LazyContent = PartContent | (() => PartContent);

/** The package's bookkeeping texts, the user's or a blank workbook's. */
interface Base {
  source: PackageSource | null;
  workbook: WorkbookPart;
  text(part: string): Promise<string | null>;
}

const CONTENT_TYPES = "[Content_Types].xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

async function openBase(base: CopyRequest["base"]): Promise<Base> {
  if ("file" in base) {
    const source = await PackageSource.open(base.file);
    try {
      return { source, workbook: await readWorkbookPart(source), text: (part) => source.text(part) };
    } catch (error) {
      source.close();
      throw error;
    }
  }
  const text = async (part: string): Promise<string | null> => BLANK_PARTS[part] ?? null;
  const xml = BLANK_PARTS["xl/workbook.xml"];
  const rels = parseRelationships(BLANK_PARTS["xl/_rels/workbook.xml.rels"], "xl/workbook.xml");
  return { source: null, workbook: { part: "xl/workbook.xml", xml, date1904: false, sheets: [], rels }, text };
}

/** Part names in use, lower-cased, to find free ones. */
function freePartName(taken: Set<string>, folder: string, stem: string): string {
  for (let n = 1; ; n++) {
    const name = `${folder}/${stem}${n}.xml`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** A target relative to a source part's folder: "xl/drawings/drawing1.xml" from "xl/worksheets/sheet1.xml" → "../drawings/drawing1.xml". */
function relativeTarget(sourcePart: string, target: string): string {
  return path.posix.relative(path.posix.dirname(sourcePart), target);
}

/** Every part's relationships, for finding what goes with a replaced sheet. */
async function allRelationships(base: Base): Promise<Map<string, Map<string, Relationship>>> {
  const found = new Map<string, Map<string, Relationship>>();
  for (const entry of base.source?.entries ?? []) {
    const match = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(entry.fileName);
    if (!match) continue;
    const part = `${match[1]}${match[2]}`;
    found.set(part.toLowerCase(), parseRelationships(await base.text(entry.fileName), part));
  }
  return found;
}

/** The store as a plan of text cells, written like any sheet. */
function storePlan(store: Readonly<Record<string, string>>): SheetPlan {
  const rows = storeToRows(store);
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const values = rows.map((row): PlanCell[] => [...row, ...new Array<PlanCell>(width - row.length).fill(null)]);
  return { name: STORE_SHEET, kind: "errors", values, formats: [], conditionalFormats: [], columnWidths: [], freezeRows: 0, freezeCols: 0 };
}

/** A CSV's rows as a plan of its values (errors cannot occur in CSV; blanks stay blank). */
function csvPlan(csv: CsvBase): SheetPlan {
  const width = csv.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const values = csv.rows.map((row): PlanCell[] =>
    Array.from({ length: width }, (_, col) => {
      const cell = row[col];
      return cell === undefined || cell === null || typeof cell === "object" ? null : cell;
    }),
  );
  return { name: csv.name, kind: "errors", values, formats: [], conditionalFormats: [], columnWidths: [], freezeRows: 0, freezeCols: 0 };
}

/**
 * Writes the copy: the base package's parts as they are, the plans as sheets, the store.
 * @param request what to copy and what to add
 * @returns the names written and the store as written
 * @throws WorkbookFileError when the input cannot be read; the output is then left untouched
 * @example
 * await writeCopy({ base: { file: "ledger.xlsx" }, output: "ledger.aging.xlsx", plans, store: {} });
 * // { names: ["账龄分析 2026-11-23", …], store: { "ar.generated": "[…]" } }
 */
export async function writeCopy(request: CopyRequest): Promise<CopyResult> {
  await fs.mkdir(path.dirname(path.resolve(request.output)), { recursive: true });
  const temp = `${request.output}.tmp-${process.pid}-${Date.now()}`;
  const base = await openBase(request.base);
  let result: CopyResult;
  try {
    result = await writeFromBase(base, request, temp);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  } finally {
    base.source?.close();
  }
  // Renamed once the input is closed: the base may be this output's previous version.
  await fs.rename(temp, request.output);
  return result;
}

async function writeFromBase(base: Base, request: CopyRequest, temp: string): Promise<CopyResult> {
  const { workbook } = base;
  const dateSystem = workbook.date1904 ? "1904" : "1900";
  const taken = new Set<string>([...(base.source?.entries.map((entry) => entry.fileName) ?? Object.keys(BLANK_PARTS))].map((name) => name.toLowerCase()));
  const relIds = new Set(workbook.rels.keys());
  let nextSheetId = workbook.sheets.reduce((max, sheet) => Math.max(max, sheet.sheetId), 0) + 1;
  const generated = readGeneratedList(request.store[GENERATED_KEY]).sheets;
  const ours = new Set(generated.map((sheet) => sheet.id));
  const places = placeSheets(
    request.plans.map((plan) => plan.name),
    [{ name: STORE_SHEET, generated: false }, ...workbook.sheets.map((sheet) => ({ name: sheet.name, generated: ours.has(sheet.name) }))],
  );

  const replacedEntries: SheetEntry[] = [];
  const addedEntries: SheetEntry[] = [];
  const workbookRels: { id: string; type: string; target: string }[] = [];
  const replacedParts: string[] = [];
  /** Where a sheet goes: an existing generated sheet's part and ids, or new ones. */
  const placeSheet = (name: string, existing: string | undefined, state?: SheetEntry["state"]): string => {
    const sheet = existing === undefined ? undefined : workbook.sheets.find((candidate) => candidate.name === existing);
    const rel = sheet ? workbook.rels.get(sheet.relId) : undefined;
    if (sheet && rel && !rel.external) {
      replacedEntries.push({ name, sheetId: sheet.sheetId, relId: sheet.relId, ...(state ? { state } : {}) });
      replacedParts.push(rel.target);
      return rel.target;
    }
    const part = freePartName(taken, "xl/worksheets", "sheet");
    const relId = freeRelId(relIds);
    addedEntries.push({ name, sheetId: nextSheetId++, relId, ...(state ? { state } : {}) });
    workbookRels.push({ id: relId, type: PART_TYPES.worksheet.rel, target: relativeTarget(workbook.part, part) });
    return part;
  };

  const sheets: { plan: SheetPlan; part: string; table?: string }[] = [];
  if ("csv" in request.base) sheets.push({ plan: csvPlan(request.base.csv), part: placeSheet(request.base.csv.name, undefined) });
  const written: GeneratedSheet[] = request.plans.map((plan, index) => {
    const { name, replaces } = places[index];
    sheets.push({ plan: withName(plan, name), part: placeSheet(name, replaces?.name) });
    return { id: name, name, kind: plan.kind };
  });
  const userPlaces = placeSheets(
    (request.userSheets ?? []).map((sheet) => sheet.plan.name),
    [STORE_SHEET, ...workbook.sheets.map((sheet) => sheet.name), ...sheets.map((sheet) => sheet.plan.name)].map((name) => ({ name, generated: false })),
  );
  const userSheetNames = (request.userSheets ?? []).map((user, index) => {
    const name = userPlaces[index].name;
    sheets.push({ plan: withName(user.plan, name), part: placeSheet(name, undefined), table: user.table });
    return name;
  });
  const present = new Set([...workbook.sheets.map((sheet) => sheet.name), ...sheets.map((sheet) => sheet.plan.name)]);
  const store = { ...request.store, [GENERATED_KEY]: generatedToText(generatedAfterWrite(generated, present, written)) };
  const hasStore = workbook.sheets.some((sheet) => sheet.name === STORE_SHEET);
  sheets.push({ plan: storePlan(store), part: placeSheet(STORE_SHEET, hasStore ? STORE_SHEET : undefined, "veryHidden") });

  const relsOf = await allRelationships(base);
  const going = partsGoingWith(
    [...(relsOf.get("")?.values() ?? [])].map((rel) => rel.target),
    relsOf,
    replacedParts,
  );
  for (const part of replacedParts) going.add(relsPartOf(part).toLowerCase());
  for (const part of [...going]) if (relsOf.has(part)) going.add(relsPartOf(part).toLowerCase());

  const userStyles = await stylesOf(base, workbook, workbookRels, relIds, taken);
  const styles = new StyleAdditions(userStyles.xml);
  const parts = new Map<string, LazyContent>();
  const contentTypes: { part: string; type: string }[] = [];
  if (userStyles.added) contentTypes.push({ part: userStyles.part, type: STYLES_TYPE });
  let tableId = request.userSheets?.length ? await lastTableId(base) : 0;
  for (const { plan, part, table } of sheets) {
    contentTypes.push({ part, type: PART_TYPES.worksheet.content });
    if (table !== undefined) {
      const tablePart = freePartName(taken, "xl/tables", "table");
      parts.set(part, () => sheetXml(plan, { dateSystem, styles, tableRelIds: ["rId1"] }));
      parts.set(relsPartOf(part), editRelationships(null, [{ id: "rId1", type: PART_TYPES.table.rel, target: relativeTarget(part, tablePart) }]));
      parts.set(tablePart, tableXml(table, ++tableId, plan));
      contentTypes.push({ part: tablePart, type: PART_TYPES.table.content });
      continue;
    }
    const charts = planCharts(plan);
    if (charts.length === 0) {
      parts.set(part, () => sheetXml(plan, { dateSystem, styles }));
      continue;
    }
    const drawing = freePartName(taken, "xl/drawings", "drawing");
    const chartRels = charts.map((chart, index) => ({ id: `rId${index + 1}`, part: freePartName(taken, "xl/charts", "chart"), chart }));
    parts.set(part, () => sheetXml(plan, { dateSystem, styles, drawingRelId: "rId1" }));
    parts.set(relsPartOf(part), editRelationships(null, [{ id: "rId1", type: PART_TYPES.drawing.rel, target: relativeTarget(part, drawing) }]));
    parts.set(drawing, drawingXml(charts, chartRels.map((rel) => rel.id)));
    parts.set(relsPartOf(drawing), editRelationships(null, chartRels.map((rel) => ({ id: rel.id, type: PART_TYPES.chart.rel, target: relativeTarget(drawing, rel.part) }))));
    contentTypes.push({ part: drawing, type: PART_TYPES.drawing.content });
    for (const rel of chartRels) {
      parts.set(rel.part, chartXml(plan, plan.name, rel.chart));
      contentTypes.push({ part: rel.part, type: PART_TYPES.chart.content });
    }
  }
  for (const [part, content] of request.replaceParts ?? []) parts.set(part, content);
  parts.set(userStyles.part, () => styles.mergeInto(userStyles.xml));
  parts.set(workbook.part, editWorkbookXml(workbook.xml, replacedEntries, addedEntries));
  const relsText = await base.text(relsPartOf(workbook.part));
  parts.set(relsPartOf(workbook.part), editRelationships(relsText, workbookRels));
  const typesText = (await base.text(CONTENT_TYPES)) ?? BLANK_PARTS[CONTENT_TYPES];
  parts.set(CONTENT_TYPES, editContentTypes(typesText, contentTypes, going));
  if (!base.source) parts.set("_rels/.rels", BLANK_PARTS["_rels/.rels"]);

  request.signal?.throwIfAborted();
  await writePackage(base.source, temp, parts, going, request.signal);
  return { names: written.map((sheet) => sheet.name), userSheetNames, store };
}

/** The largest table id of the package: table ids are unique in a workbook. */
async function lastTableId(base: Base): Promise<number> {
  let last = 0;
  for (const entry of base.source?.entries ?? []) {
    if (!/^xl\/tables\/[^/]+\.xml$/i.test(entry.fileName)) continue;
    const id = /<(?:\w+:)?table\b[^>]*\sid="(\d+)"/.exec((await base.text(entry.fileName)) ?? "");
    if (id) last = Math.max(last, Number(id[1]));
  }
  return last;
}

/** An Excel table over a plan's values, its first row the headers (Excel wants them unique). */
function tableXml(name: string, id: number, plan: SheetPlan): string {
  const headers = (plan.values[0] ?? []).map((cell) => (cell === null ? "" : String(cell)));
  const ref = rangeRef(0, 0, Math.max(2, plan.values.length), Math.max(1, headers.length));
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${xmlText(name)}" displayName="${xmlText(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${headers.length}">${headers.map((header, index) => `<tableColumn id="${index + 1}" name="${xmlText(header)}"/>`).join("")}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

/** The styles part: the user's, or a new one (with its relationship) for a package without. */
async function stylesOf(
  base: Base,
  workbook: WorkbookPart,
  workbookRels: { id: string; type: string; target: string }[],
  relIds: Set<string>,
  taken: Set<string>,
): Promise<{ part: string; xml: string; added: boolean }> {
  const rel = relOfType(workbook.rels, REL.styles);
  const xml = rel ? await base.text(rel.target) : null;
  if (rel && xml !== null) return { part: rel.target, xml, added: false };
  const part = rel?.target ?? freePartName(taken, "xl", "styles");
  if (!rel) workbookRels.push({ id: freeRelId(relIds), type: `http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles`, target: relativeTarget(workbook.part, part) });
  return { part, xml: BLANK_PARTS["xl/styles.xml"], added: true };
}

/**
 * Writes a package: every part of the source copied as stored except those dropped or given new
 * content, then the new parts in order (a function is asked for its content when its turn comes).
 * @param source the package copied (null for a new one)
 * @param file the path written; removed again when the write fails
 * @param parts new content by part name (an existing name replaces that part)
 * @param dropped lower-case names of source parts left out
 * @param signal stops the write between parts
 */
export async function writePackage(
  source: PackageSource | null,
  file: string,
  parts: ReadonlyMap<string, LazyContent>,
  dropped: ReadonlySet<string>,
  signal?: AbortSignal,
): Promise<void> {
  const writer = await PackageWriter.create(file);
  const replaced = new Set([...parts.keys()].map((name) => name.toLowerCase()));
  try {
    for (const entry of source?.entries ?? []) {
      const name = entry.fileName.toLowerCase();
      if (replaced.has(name) || dropped.has(name) || entry.fileName.endsWith("/")) continue;
      signal?.throwIfAborted();
      await writer.copy(source!, entry);
    }
    for (const [name, content] of parts) {
      signal?.throwIfAborted();
      await writer.add(name, typeof content === "function" ? content() : content);
    }
    await writer.finish();
  } catch (error) {
    await writer.abort();
    await fs.rm(file, { force: true });
    throw error;
  }
}
