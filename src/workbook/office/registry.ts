/**
 * Which sheets the add-in generated, and where each plan goes, in Excel. Generated sheets are
 * listed by Worksheet.id (stable across renames) under the store key "ar.generated", so a user's
 * sheet that happens to carry a generated sheet's name is never mistaken for ours; names follow
 * the free-sheet-name rule of sheet-names.ts.
 */
import { readGeneratedList, type GeneratedSheet } from "../settings-store";
import { placeSheets } from "../sheet-names";
import type { DateProbe } from "./date-system";
import { isScratch } from "./scratch";
import { queueGeneratedListRead } from "./settings";

/** A sheet that exists in the workbook. */
export interface ExistingSheet {
  id: string;
  name: string;
  position: number;
}

/** Where one plan (or its layout: only its name counts here) will be written. */
export interface PlanTarget<P extends { name: string }> {
  plan: P;
  /** The name the sheet will carry. */
  name: string;
  /** Our own earlier sheet of that name, deleted and replaced. */
  replaces?: ExistingSheet;
}

/**
 * Decides where each plan goes by the free-sheet-name rule, our sheets known by id.
 *
 * @param plans Plans in writing order.
 * @param existing Sheets in the workbook now.
 * @param generatedIds Ids of the sheets the add-in generated.
 * @returns One target per plan.
 * @example
 * resolveTargets([plan("Aging")], [{ id: "u", name: "Aging", position: 0 }], new Set());
 * // [{ plan, name: "Aging (2)" }]  — the user's "Aging" is not ours
 */
export function resolveTargets<P extends { name: string }>(plans: readonly P[], existing: ExistingSheet[], generatedIds: ReadonlySet<string>): PlanTarget<P>[] {
  const sheets = existing.map((sheet) => ({ sheet, name: sheet.name, generated: generatedIds.has(sheet.id) }));
  return placeSheets(
    plans.map((plan) => plan.name),
    sheets,
  ).map((place, index) => (place.replaces ? { plan: plans[index], name: place.name, replaces: place.replaces.sheet } : { plan: plans[index], name: place.name }));
}

/** The workbook's sheets and the list of ours, as a write starts. */
export interface TargetsState {
  existing: ExistingSheet[];
  generated: GeneratedSheet[];
  /** The date-system probe, when one was asked for. */
  probe?: DateProbe;
}

/**
 * Loads the sheets (scratch sheets left out) and the list of generated sheets in one sync,
 * together with a date-system probe when the caller queues one.
 * @param context the batch's request context
 * @param probe queues the probe, when the date system is still unknown
 * @returns the sheets, the list (unreadable entries counted as not ours) and the probe
 * @example const { existing, generated } = await loadTargetsState(context);
 */
export async function loadTargetsState(context: Excel.RequestContext, probe?: () => DateProbe): Promise<TargetsState> {
  const sheetList = context.workbook.worksheets.load("items/name,items/id,items/position");
  const listed = queueGeneratedListRead(context);
  const queued = probe?.();
  await context.sync();
  const existing = sheetList.items
    .filter((sheet) => !isScratch(sheet.name))
    .map((sheet) => ({ id: sheet.id, name: sheet.name, position: sheet.position }));
  return { existing, generated: readGeneratedList(listed()).sheets, probe: queued };
}
