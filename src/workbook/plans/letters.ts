/**
 * The letters sheet: one row per drafted letter (subject and body wrapped), with notes on merge
 * fields the template names but nobody knows and values the workbook does not hold.
 */
import { fillPlaceholders } from "../../i18n/fill";
import { labelsFor } from "../../i18n/labels";
import type { Policy } from "../../rules/policy-types";
import type { DayNumber, Lang, StageId } from "../../rules/types";
import type { PlanCell, PlanFormat, SheetPlan } from "../plan-types";
import { headerFormat } from "./formats";
import { stageLabel } from "./labels";
import { sheetName } from "./sheet-names";

/** What the letters sheet needs of a drafted letter (a `RenderedLetter` fits). */
export interface LetterRow {
  customer: string;
  currency: string;
  stage: StageId;
  subject: string;
  body: string;
  unknownFields: string[];
  missingValues: string[];
}

/**
 * The drafted letters, one row per letter, body wrapped, with notes on unknown merge fields
 * and missing values.
 * @param letters rendered letters
 * @param lang language of headers and notes
 * @param asOf report date, for the sheet name
 * @param policy optional policy to show stage labels instead of stage ids
 * @returns the sheet plan
 * @example lettersPlan(letters, "en", asOf, DEFAULT_POLICY).values[0] // ["Customer", "Currency", "Stage", "Subject", "Body", "Notes"]
 */
export function lettersPlan(letters: LetterRow[], lang: Lang, asOf: DayNumber, policy?: Policy): SheetPlan {
  const words = labelsFor(lang);
  const headers = words.letters;
  const header: PlanCell[] = [headers.customer, headers.currency, headers.stage, headers.subject, headers.body, headers.notes];
  const rows: PlanCell[][] = letters.map((letter) => {
    const notes: string[] = [];
    if (letter.unknownFields.length > 0) notes.push(fillPlaceholders(words.unknownFields, { list: letter.unknownFields.join(", ") }));
    if (letter.missingValues.length > 0) notes.push(fillPlaceholders(words.missingValues, { list: letter.missingValues.join(", ") }));
    return [letter.customer, letter.currency, stageLabel(letter.stage, policy, lang), letter.subject, letter.body, notes.join("\n")];
  });
  const formats: PlanFormat[] = [headerFormat(header.length)];
  if (rows.length > 0) formats.push({ row: 1, col: 3, rows: rows.length, cols: 3, wrap: true });
  return {
    name: sheetName("letters", asOf, lang),
    kind: "letters",
    values: [header, ...rows],
    formats,
    conditionalFormats: [],
    columnWidths: [24, 8, 16, 36, 80, 30],
    freezeRows: 1,
    freezeCols: 1,
  };
}
