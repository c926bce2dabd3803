/**
 * Which sheets the add-in generated, and where each plan goes. Generated sheets are recorded by
 * Worksheet.id (stable across renames) in the workbook setting "ar.generated", so a user's sheet
 * that happens to carry a generated sheet's name is never mistaken for ours. Pure functions.
 */
import type { PlanCell, SheetPlan } from "../plan-types";

/** Workbook setting listing the generated sheets. */
export const GENERATED_SETTING = "ar.generated";
/** Settings the jobs read back (policy JSON, letter templates, column mapping). */
export const ADDIN_SETTING_KEYS = ["ar.policy", "ar.templates", "ar.mapping"] as const;

/** One generated sheet as recorded in "ar.generated". */
export interface GeneratedEntry {
  id: string;
  name: string;
  kind: SheetPlan["kind"];
}

/** A sheet that exists in the workbook. */
export interface ExistingSheet {
  id: string;
  name: string;
  position: number;
}

/** Where one plan will be written. */
export interface PlanTarget {
  plan: SheetPlan;
  /** The name the sheet will carry. */
  name: string;
  /** Our own earlier sheet of that name, deleted and replaced. */
  replaces?: ExistingSheet;
}

/**
 * Reads the "ar.generated" setting; anything malformed counts as "no generated sheets".
 *
 * @param value The setting's value (JSON text or an already-parsed array).
 * @returns The entries with a string id.
 * @example
 * parseRegistry('[{"id":"{A}","name":"Aging","kind":"aging"}]'); // [{ id: "{A}", name: "Aging", kind: "aging" }]
 */
export function parseRegistry(value: unknown): GeneratedEntry[] {
  let parsed: unknown = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (entry): entry is GeneratedEntry => typeof entry === "object" && entry !== null && typeof (entry as GeneratedEntry).id === "string",
  );
}

const MAX_NAME = 31;

function candidateName(base: string, attempt: number): string {
  if (attempt === 1) return base.slice(0, MAX_NAME);
  const suffix = ` (${attempt})`;
  return base.slice(0, MAX_NAME - suffix.length) + suffix;
}

/**
 * Decides where each plan goes: a free name is used as is; our own sheet of that name is
 * replaced; a user's sheet of that name is left alone and the plan goes to "name (2)", "name (3)"…
 * (the same rule applies to those names). Names compare case-insensitively, as Excel's do.
 *
 * @param plans Plans in writing order.
 * @param existing Sheets in the workbook now.
 * @param generatedIds Ids of the sheets the add-in generated.
 * @returns One target per plan.
 * @example
 * resolveTargets([plan("Aging")], [{ id: "u", name: "Aging", position: 0 }], new Set());
 * // [{ plan, name: "Aging (2)" }]  — the user's "Aging" is not ours
 */
export function resolveTargets(plans: SheetPlan[], existing: ExistingSheet[], generatedIds: ReadonlySet<string>): PlanTarget[] {
  const byName = new Map(existing.map((sheet) => [sheet.name.toLowerCase(), sheet]));
  const claimed = new Set<string>();
  return plans.map((plan) => {
    for (let attempt = 1; ; attempt++) {
      const name = candidateName(plan.name, attempt);
      const key = name.toLowerCase();
      if (claimed.has(key)) continue;
      const sheet = byName.get(key);
      if (sheet && !generatedIds.has(sheet.id)) continue;
      claimed.add(key);
      return sheet ? { plan, name, replaces: sheet } : { plan, name };
    }
  });
}

/** Excel's fill colours for the plan marks (the "good/neutral/bad" cell styles' light fills). */
export const MARK_COLORS: Record<string, string> = {
  red: "#FFC7CE",
  amber: "#FFEB9C",
  green: "#C6EFCE",
  header: "#D9E1F2",
  total: "#EDEDED",
};

/**
 * Turns a plan cell into what is written through Range.values so that text stays text.
 * Excel parses strings written through `values` as if typed: "=…", "+…", "-…", "@…" become
 * formulas, "00123" a number, "2026-03-31" a date, "TRUE" a boolean. A leading apostrophe is
 * Excel's quote prefix: the rest is stored as text and the apostrophe is not part of the value
 * (`values` reads it back without it). So every non-empty string gets one; blanks are "".
 *
 * @param cell The plan's cell.
 * @returns The value to write.
 * @example
 * cellInput("=HYPERLINK(\"x\")"); // "'=HYPERLINK(\"x\")"
 * cellInput(12.5); // 12.5
 * cellInput(null); // ""
 */
export function cellInput(cell: PlanCell): string | number | boolean {
  if (cell === null) return "";
  if (typeof cell === "string") return cell === "" ? "" : `'${cell}`;
  return cell;
}

/** Excel's column width unit is points; a plan's is characters of the default font (7 px + 5 px padding). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
