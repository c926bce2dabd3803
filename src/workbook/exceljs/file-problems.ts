/**
 * What the command line says when a file cannot be read or written: a code with the values its
 * sentence names (src/i18n/file-messages), carried by WorkbookFileError. Only the command line
 * reads files, so these sentences stay out of the pane's and the functions' scripts.
 */

/** What a file written by the command line is, for "… would overwrite the input file". */
export type OutputKind = "workbook" | "wordFile" | "lettersFolder" | "letterWordFile" | "statementsFolder" | "statementWordFile";

/** The values each file problem names, by code. */
export interface FileProblemParams {
  "file.missing": { file: string };
  "file.notAFile": { file: string };
  "file.encrypted": { file: string };
  "file.encryptedOrXls": { file: string };
  "file.oldXls": { file: string };
  "file.notZip": { file: string };
  /** `reason` is the zip or XML library's own first line, in English. */
  "file.unreadable": { file: string; reason: string };
  "file.quoteNotClosed": { file: string; line: number };
  "file.overwritesInput": { file: string; what: OutputKind };
  "file.noOutput": Record<string, never>;
  "file.outputExtension": { file: string; extension: string };
  "file.csvTooLarge": { file: string; rows: number; columns: number; maxRows: number; maxColumns: number };
  "file.rowPastLast": { sheet: string; row: number; max: number };
  "file.cellPastLastRow": { sheet: string; max: number };
  "file.cellPastLastColumn": { sheet: string; max: number };
  "file.cellTooLong": { sheet: string; megabytes: number };
  "file.sharedStringTooLong": { part: string; megabytes: number };
  "file.tooManyParts": { file: string; count: number; max: number };
  "file.partEncrypted": { file: string; part: string };
  "file.zipBomb": { file: string; part: string; size: string; compressed: string; ratio: number; max: number };
  "file.tooLargeTotal": { file: string; limit: string; part: string };
}

/** A file problem's code. */
export type FileProblemCode = keyof FileProblemParams;

/** A file problem: its code with the values its sentence names, typed together. */
export type FileProblem = { [C in FileProblemCode]: { code: C; params: FileProblemParams[C] } }[FileProblemCode];

/**
 * A FileProblem from its code and values, checked against each other.
 * @param code the problem's code
 * @param params the values its sentence names
 * @returns the problem
 * @example fileProblem("file.missing", { file: "ledger.xlsx" }) // { code: "file.missing", params: { file: "ledger.xlsx" } }
 */
export function fileProblem<C extends FileProblemCode>(code: C, params: FileProblemParams[C]): FileProblem {
  return { code, params } as FileProblem;
}
