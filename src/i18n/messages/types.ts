/**
 * The shape of the problem messages in one language: a sentence for every code the rules and the
 * readers return, and the words around a row problem (where it is, what became of the row).
 */
import type { RuleErrorParams } from "../../rules/errors";
import type { RowOutcome } from "../../rules/types";
import type { ReadProblemParams } from "../../workbook/problems";

/** The values each message names, by code: the rules' codes and the readers'. */
export type MessageParamsByCode = RuleErrorParams & ReadProblemParams;

/** Every code a message exists for. */
export type MessageCode = keyof MessageParamsByCode;

/** One sentence per code, from the values it names; no final full stop (the caller adds one). */
export type MessageTexts = { readonly [C in MessageCode]: (params: MessageParamsByCode[C]) => string };

/** Where a row problem is, for its place prefix. */
export interface RowPlace {
  sheet?: string;
  row: number;
  /** Column letter, "" when none. */
  column: string;
  /** The column's header as written in the sheet. */
  header?: string;
}

/** The messages of one language. */
export interface MessageLanguage {
  texts: MessageTexts;
  /** "第12行 “到期日” 列", "Row 12, column "Due date"": the sheet too when `place.sheet` is set. */
  place(place: RowPlace): string;
  /** Between the place and the message: "：", ": ". */
  afterPlace: string;
  /** What became of the row, as a clause after the message. */
  outcomes: Readonly<Record<RowOutcome, string>>;
  /** Between the message and the outcome: "；", "; ". */
  beforeOutcome: string;
  /** The full stop ending a row problem's text: "。", ".". */
  end: string;
}
