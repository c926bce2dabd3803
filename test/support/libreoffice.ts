/**
 * Converting a workbook to CSV with LibreOffice headless — a real spreadsheet program opening
 * what the project writes. Each call uses its own user profile (-env:UserInstallation) so that
 * parallel test runs do not clash, and a timeout so a stuck soffice fails the test instead of
 * hanging it. When soffice is missing the helper throws a clear message: these tests run in CI.
 */
import { execFileSync, spawn } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

/** All sheets, UTF-8 (76), comma, double quote, formulas as shown, one file per sheet (-1). */
export const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/**
 * The environment soffice runs in: the machine's, with the locale pinned to C.UTF-8. soffice takes
 * its number format (decimal comma under de_DE: "1000,5") and its file-name encoding from the
 * locale; with LANG unset (POSIX, as on a bare CI machine) it writes no CSV at all for a sheet
 * named 台账, and the sheet silently goes missing from the result.
 */
const SOFFICE_ENV: NodeJS.ProcessEnv = { ...process.env, LC_ALL: "C.UTF-8", LANG: "C.UTF-8", LANGUAGE: "" };

/**
 * The soffice executable, or an Error explaining how to install it.
 * @returns the command name ("soffice")
 */
export function requireSoffice(): string {
  try {
    execFileSync("soffice", ["--version"], { stdio: "pipe", timeout: 60_000, env: SOFFICE_ENV });
    return "soffice";
  } catch {
    throw new Error("LibreOffice is required for this test: apt-get install -y libreoffice-calc-nogui (soffice not found on PATH)");
  }
}

/**
 * Runs `soffice --headless --convert-to <filter>` on a file into a fresh temporary folder.
 * @param file the workbook
 * @param filter the --convert-to argument (default: CSV of every sheet)
 * @param timeoutMs kill soffice after this long (default 120 s)
 * @returns the output folder and the wall time in ms
 */
export async function convertWithSoffice(file: string, filter = CSV_ALL_SHEETS, timeoutMs = 120_000): Promise<{ dir: string; ms: number }> {
  const soffice = requireSoffice();
  const dir = mkdtempSync(path.join(tmpdir(), "lo-out-"));
  const profile = mkdtempSync(path.join(tmpdir(), `lo-profile-${process.pid}-`));
  const started = Date.now();
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        soffice,
        [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", dir, file],
        { stdio: ["ignore", "pipe", "pipe"], detached: true, env: SOFFICE_ENV },
      );
      let stderr = "";
      child.stderr.on("data", (chunk) => (stderr += chunk));
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, "SIGKILL");
        } catch {
          child.kill("SIGKILL");
        }
        reject(new Error(`soffice timed out after ${timeoutMs} ms converting ${file}`));
      }, timeoutMs);
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on("exit", (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(`soffice exited with ${code} converting ${file}: ${stderr.trim()}`));
      });
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return { dir, ms: Date.now() - started };
}

/**
 * Converts every sheet of a workbook to CSV with LibreOffice and parses the files.
 * @param file the .xlsx
 * @returns sheet name → rows of text cells, as LibreOffice shows them
 */
export async function sheetsAsCsv(file: string): Promise<Map<string, string[][]>> {
  const { dir } = await convertWithSoffice(file);
  try {
    const base = path.basename(file, path.extname(file));
    const result = new Map<string, string[][]>();
    for (const name of readdirSync(dir)) {
      if (!name.endsWith(".csv")) continue;
      const stem = name.slice(0, -4);
      const sheet = stem.startsWith(`${base}-`) ? stem.slice(base.length + 1) : stem;
      result.set(sheet, parseSimpleCsv(readFileSync(path.join(dir, name), "utf8")));
    }
    if (result.size === 0) throw new Error(`soffice wrote no CSV for ${file}`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Minimal CSV parsing of LibreOffice's output (quoted fields, doubled quotes, LF or CRLF). */
export function parseSimpleCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
