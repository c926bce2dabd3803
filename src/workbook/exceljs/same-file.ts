/**
 * No output can be the input: before anything is written, each path about to be written (the
 * workbook copy, the Word file, every file of the per-customer folder) is compared with the input
 * by real path (symbolic links followed) and by device and inode (hard links), so no spelling of
 * the input's name — relative, through a link, in another case on a case-insensitive disk — is
 * ever overwritten.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { WorkbookFileError } from "./detect";
import { fileProblem, type OutputKind } from "./file-problems";

/** The real path of a file that may not exist yet: its folder's real path and its name. */
async function realPathOf(file: string): Promise<string> {
  const resolved = path.resolve(file);
  try {
    return await fs.realpath(resolved);
  } catch {
    const folder = path.dirname(resolved);
    if (folder === resolved) return resolved;
    return path.join(await realPathOf(folder), path.basename(resolved));
  }
}

async function identity(file: string): Promise<{ dev: number; ino: number } | null> {
  try {
    const stat = await fs.stat(file);
    return { dev: stat.dev, ino: stat.ino };
  } catch {
    return null;
  }
}

/**
 * Refuses a target that is the input file.
 * @param input the file read
 * @param target a path about to be written
 * @param what what the target is, for the message ("workbook", "wordFile", …)
 * @throws WorkbookFileError ("sameFile") when the target is the input by real path or by inode
 * @example await checkNotInput("ledger.xlsx", "./ledger.xlsx", "workbook") // throws
 */
export async function checkNotInput(input: string, target: string, what: OutputKind): Promise<void> {
  const [inputPath, targetPath] = await Promise.all([realPathOf(input), realPathOf(target)]);
  const [inputId, targetId] = await Promise.all([identity(inputPath), identity(targetPath)]);
  const samePath = inputPath === targetPath || (process.platform !== "linux" && inputPath.toLowerCase() === targetPath.toLowerCase());
  const sameFile = inputId !== null && targetId !== null && inputId.dev === targetId.dev && inputId.ino === targetId.ino;
  if (samePath || sameFile) {
    throw new WorkbookFileError(fileProblem("file.overwritesInput", { file: path.basename(target), what }), "sameFile");
  }
}
