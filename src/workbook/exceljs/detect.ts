/**
 * Recognising what a file is before exceljs sees it, so that the user gets one clear sentence
 * ("old .xls format: save as .xlsx") instead of a zip library's stack trace.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { fileProblemText } from "../../i18n/file-messages";
import { fileProblem, type FileProblem } from "./file-problems";

/**
 * A workbook file that cannot be read or written: its problem as a code with values, which the
 * command line words in the user's language; the message is the English sentence (for logs).
 */
export class WorkbookFileError extends Error {
  /**
   * @param problem what is wrong, naming the file
   * @param code "missing" | "notWorkbook" | "oldXls" | "encrypted" | "unreadable" | "sameFile" | "tooLarge"
   */
  constructor(
    readonly problem: FileProblem,
    readonly code: string,
  ) {
    super(fileProblemText(problem, "en"));
    this.name = "WorkbookFileError";
  }
}

/** The kind of input the exceljs adapter can read. */
export type InputKind = "xlsx" | "csv";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream an Office-encrypted package stores its content in, as UTF-16LE in the CFB directory. */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/**
 * Checks that a file exists and is a workbook the adapter can read (.xlsx/.xlsm zip, or .csv).
 * @param file path to the input
 * @returns the input kind and its size in bytes
 * @throws WorkbookFileError with a one-line message: missing, old .xls, password-protected, not a workbook
 * @example await detectInput("ledger.xlsx") // { kind: "xlsx", size: 18342 }
 */
export async function detectInput(file: string): Promise<{ kind: InputKind; size: number }> {
  const name = path.basename(file);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new WorkbookFileError(fileProblem("file.missing", { file }), "missing");
  }
  if (!stat.isFile()) throw new WorkbookFileError(fileProblem("file.notAFile", { file }), "missing");
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv") return { kind: "csv", size: stat.size };
  const handle = await fs.open(file, "r");
  const head = Buffer.alloc(Math.min(stat.size, 1 << 20));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (startsWith(head, CFB_MAGIC)) {
    if (head.includes(ENCRYPTED_PACKAGE)) {
      throw new WorkbookFileError(fileProblem("file.encrypted", { file: name }), "encrypted");
    }
    if (ext === ".xls") throw new WorkbookFileError(fileProblem("file.oldXls", { file: name }), "oldXls");
    throw new WorkbookFileError(fileProblem("file.encryptedOrXls", { file: name }), "encrypted");
  }
  if (!startsWith(head, ZIP_MAGIC)) {
    if (ext === ".xls") throw new WorkbookFileError(fileProblem("file.oldXls", { file: name }), "oldXls");
    throw new WorkbookFileError(fileProblem("file.notZip", { file: name }), "notWorkbook");
  }
  return { kind: "xlsx", size: stat.size };
}
