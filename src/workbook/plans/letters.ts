/**
 * The letters sheet: one row per drafted letter (subject and body wrapped), with notes on merge
 * fields the template names but nobody knows and values the workbook does not hold. A body longer
 * than a cell holds (32,767 characters: a letter over a thousand invoices) keeps as many invoice
 * rows as fit and says where the rest are: the detail sheet, which the letters job then writes too.
 */
import { fillPlaceholders } from "../../i18n/fill";
import { labelsFor } from "../../i18n/labels";
import type { Policy } from "../../rules/policy-types";
import type { DayNumber, Lang, StageId } from "../../rules/types";
import type { LetterBodyPart } from "../../rules/letters/render";
import { tableToText, type LetterTable } from "../../rules/letters/text-table";
import { MAX_CELL_TEXT_LENGTH } from "../excel-limits";
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
  /** The body around the invoice table, and the table: needed to cut a body too long for a cell. */
  parts?: LetterBodyPart[];
  table?: LetterTable;
}

/**
 * The body as one cell holds it: the whole body when it fits, else the invoice table cut to the
 * rows that fit, followed by a line saying how many are left out and on which sheet they are.
 * @param letter the letter
 * @param lang language of the line
 * @param detailSheet the sheet listing every open invoice
 * @returns the cell's text, at most 32,767 characters, and whether the table was cut
 * @example letterBodyCell(letterOver1000Invoices, "en", "Aging detail 2026-11-23").cut // true
 */
export function letterBodyCell(letter: LetterRow, lang: Lang, detailSheet: string): { text: string; cut: boolean } {
  if (letter.body.length <= MAX_CELL_TEXT_LENGTH || !letter.table || !letter.parts) return { text: letter.body, cut: false };
  const { parts, table } = letter;
  const compose = (rows: number): string => {
    const note = fillPlaceholders(labelsFor(lang).tableContinues, { count: table.rows.length - rows, sheet: detailSheet });
    const tableText = `${tableToText({ ...table, rows: table.rows.slice(0, rows) })}\n${note}`;
    return parts.map((part) => (part.kind === "table" ? tableText : part.text)).join("");
  };
  let low = 0;
  let high = table.rows.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (compose(middle).length <= MAX_CELL_TEXT_LENGTH) low = middle;
    else high = middle - 1;
  }
  return { text: compose(low), cut: true };
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
  const detailSheet = sheetName("detail", asOf, lang);
  const headers = words.letters;
  const header: PlanCell[] = [headers.customer, headers.currency, headers.stage, headers.subject, headers.body, headers.notes];
  const rows: PlanCell[][] = letters.map((letter) => {
    const notes: string[] = [];
    if (letter.unknownFields.length > 0) notes.push(fillPlaceholders(words.unknownFields, { list: letter.unknownFields.join(", ") }));
    if (letter.missingValues.length > 0) notes.push(fillPlaceholders(words.missingValues, { list: letter.missingValues.join(", ") }));
    return [letter.customer, letter.currency, stageLabel(letter.stage, policy, lang), letter.subject, letterBodyCell(letter, lang, detailSheet).text, notes.join("\n")];
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
