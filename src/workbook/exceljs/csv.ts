/**
 * A small CSV reader for ledgers exported as .csv: RFC 4180 quoting (quoted commas, doubled
 * quotes, line breaks inside quotes), CRLF or LF, UTF-8 with or without a BOM. Other encodings
 * (GBK, UTF-16) are refused with a message: save the file as "CSV UTF-8"; so is a quote that
 * never closes (it would swallow the rest of the file into one cell), naming its line.
 */
import type { CellValue } from "../adapter-types";
import { WorkbookFileError } from "./detect";
import { fileProblem } from "./file-problems";

/** Thrown when a CSV file is not valid UTF-8. */
export class CsvEncodingError extends Error {
  constructor(fileName: string) {
    super(`${fileName}: the CSV file is not UTF-8 (GBK?): save it as "CSV UTF-8"`);
    this.name = "CsvEncodingError";
  }
}

const PLAIN_NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{1,15})?$/;

/**
 * Decodes CSV bytes as UTF-8 (a BOM is dropped) and splits them into rows of cells.
 * Unquoted plain decimal numbers become numbers ("1234.50" → 1234.5, as Excel does on opening);
 * anything else (dates, "00123", quoted numbers) stays text; empty cells are null.
 * @param bytes the file's content
 * @param fileName for the error message
 * @returns rows of cells; trailing empty lines are dropped
 * @example parseCsv(Buffer.from('客户,金额\n"A, Ltd",1.50\n'), "x.csv") // [["客户","金额"],["A, Ltd",1.5]]
 */
export function parseCsv(bytes: Uint8Array, fileName: string): CellValue[][] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CsvEncodingError(fileName);
  }
  return splitCsv(text, fileName);
}

/**
 * Splits decoded CSV text into rows (see `parseCsv`).
 * @param text CSV text without a BOM
 * @param fileName for the message about a quote that never closes
 * @returns rows of cells
 * @throws WorkbookFileError when a quoted field is still open at the end of the text
 * @example splitCsv('a,"b ""q"""\r\n1,\n') // [["a", 'b "q"'], [1, null]]
 */
export function splitCsv(text: string, fileName = "the CSV file"): CellValue[][] {
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let quoteLine = 0;
  const endField = (): void => {
    row.push(toCell(field, wasQuoted));
    field = "";
    wasQuoted = false;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
      wasQuoted = true;
      quoteLine = line;
    } else if (ch === ",") {
      endField();
    } else if (ch === "\n") {
      line++;
      endRow();
    } else if (ch === "\r") {
      if (text[i + 1] === "\n") i++;
      line++;
      endRow();
    } else {
      field += ch;
    }
  }
  if (quoted) throw new WorkbookFileError(fileProblem("file.quoteNotClosed", { file: fileName, line: quoteLine }), "unreadable");
  if (field !== "" || wasQuoted || row.length > 0) endRow();
  while (rows.length > 0 && rows[rows.length - 1].every((cell) => cell === null)) rows.pop();
  return rows;
}

function toCell(field: string, wasQuoted: boolean): CellValue {
  if (field === "" && !wasQuoted) return null;
  if (!wasQuoted && PLAIN_NUMBER.test(field)) return Number(field);
  return field === "" ? null : field;
}
