/**
 * The files the command line writes, each case of issue 11 with its input made here: no output
 * is ever the input (by name, by link, inside the letters folder), no cell passes 32,767
 * characters (a letter over 1,200 invoices, a 10 MB customer name), per-customer file names
 * without control or bidirectional characters, and clear one-line errors instead of "unexpected
 * error" for 20,000 bucket edges, a policy nested 100,000 deep and a template repeating the table.
 */
import * as ExcelJS from "exceljs";
import { createHash } from "crypto";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import * as path from "path";
import { letterFileName } from "../../src/cli/docx";
import { main } from "../../src/cli/main";
import { ExcelJsAdapter } from "../../src/workbook/exceljs/adapter";
import { MAX_CELL_TEXT_LENGTH } from "../../src/workbook/excel-limits";
import { gridOf, rowList } from "../support/grid";
import { writtenSheets } from "../support/written";

const AS_OF = "2026-11-23";
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ar-files-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, now: () => new Date("2026-11-23T08:00:00") });
  return { status, stdout, stderr };
}

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** A ledger of two customers, one invoice each, overdue, as a real .xlsx under any name. */
async function ledger(file: string, settings?: [string, string][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("应收台账");
  sheet.addRow(["客户", "发票号", "到期日", "金额"]);
  sheet.addRow(["甲公司", "A1", new Date(Date.UTC(2026, 7, 1)), 1000]);
  sheet.addRow(["乙公司", "B1", new Date(Date.UTC(2026, 7, 1)), 2000]);
  if (settings) workbook.addWorksheet("设置").addRows([["项目", "值"], ...settings]);
  mkdirSync(path.dirname(file), { recursive: true });
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("no output is the input", () => {
  it("letters victim.docx --out victim.xlsx --docx single: the Word file would be the input; nothing is written", async () => {
    const input = await ledger(path.join(dir, "victim.docx"));
    const before = sha256(input);
    const result = await cli("letters", input, "--out", path.join(dir, "victim.xlsx"), "--docx", "single", "--as-of", AS_OF);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("ar-addin: victim.docx：Word 文件会覆盖输入文件（输入文件从不改写）：请用 --out 另选路径\n");
    expect(sha256(input)).toBe(before);
    expect(existsSync(path.join(dir, "victim.xlsx"))).toBe(false);
  });

  it("refuses an output that is the input through a symbolic link, a hard link or another spelling", async () => {
    const input = await ledger(path.join(dir, "links", "ledger.xlsx"));
    const before = sha256(input);
    symlinkSync(input, path.join(dir, "links", "symlink.xlsx"));
    linkSync(input, path.join(dir, "links", "hardlink.xlsx"));
    for (const out of ["symlink.xlsx", "hardlink.xlsx", "./../links/ledger.xlsx"]) {
      const result = await cli("aging", input, "--out", path.join(dir, "links", out), "--as-of", AS_OF);
      expect({ out, status: result.status, stderr: result.stderr }).toEqual({
        out,
        status: 1,
        stderr: `ar-addin: ${path.basename(out)}：输出的工作簿会覆盖输入文件（输入文件从不改写）：请用 --out 另选路径\n`,
      });
    }
    expect(sha256(input)).toBe(before);
  });

  it("checks every file of the per-customer folder before writing any: the input inside it is never overwritten", async () => {
    const folder = path.join(dir, "per-docx");
    const input = await ledger(path.join(folder, letterFileName("甲公司", "legal")));
    const before = sha256(input);
    const result = await cli("letters", input, "--out", path.join(dir, "per.xlsx"), "--docx", "per-customer", "--as-of", AS_OF, "--lang", "en");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("甲公司 - legal.docx: a letter's Word file would overwrite the input file");
    expect(sha256(input)).toBe(before);
    expect(existsSync(path.join(folder, letterFileName("乙公司", "legal")))).toBe(false);
  });
});

describe("cells within Excel's 32,767 characters", () => {
  it("a letter over 1,200 invoices keeps the rows that fit and sends the reader to the detail sheet", async () => {
    const input = path.join(dir, "long-letter.csv");
    const rows = Array.from({ length: 1200 }, (_, i) => `甲公司,INV-${String(i + 1).padStart(5, "0")},2026-08-01,${100 + i}`);
    writeFileSync(input, `客户,发票号,到期日,金额\n${rows.join("\n")}\n`);
    const output = path.join(dir, "long-letter.out.xlsx");
    const result = await cli("letters", input, "--out", output, "--as-of", AS_OF, "--lang", "en");
    expect(result.status).toBe(0);
    const sheets = await writtenSheets(output);
    expect(sheets.map((sheet) => sheet.name)).toEqual(["long-letter", "Letters 2026-11-23", "Aging detail 2026-11-23"]);
    const body = gridOf(sheets[1])[1][4] as string;
    expect(body.length).toBeLessThanOrEqual(MAX_CELL_TEXT_LENGTH);
    const listed = body.match(/INV-\d{5}/g)!.length;
    expect(body).toContain(`…and ${1200 - listed} more invoices not listed (the cell is full): see sheet "Aging detail 2026-11-23" for the full list`);
    expect(listed).toBeGreaterThan(300);
    // Every invoice is on the detail sheet: header + 1,200 rows.
    expect(sheets[2].rows).toHaveLength(1201);
  });

  it("a 10 MB customer name is cut to 32,767 characters in every cell written", async () => {
    const input = path.join(dir, "long-name.csv");
    writeFileSync(input, `客户,发票号,到期日,金额\n${"名".repeat(10 * 1024 * 1024)},A1,2026-08-01,100\n`);
    const output = path.join(dir, "long-name.out.xlsx");
    expect((await cli("aging", input, "--out", output, "--as-of", AS_OF, "--json")).status).toBe(0);
    const sheets = await writtenSheets(output);
    expect(sheets.length).toBeGreaterThan(1);
    const longest = Math.max(...sheets.flatMap((sheet) => rowList(sheet).flatMap((row) => row?.values.map((value) => (typeof value === "string" ? value.length : 0)) ?? [])));
    expect(longest).toBe(MAX_CELL_TEXT_LENGTH);
  });
});

describe("file names of the per-customer letters", () => {
  it("drop control and bidirectional characters, so a name reads as it sorts", () => {
    expect(letterFileName("\u202Eexe.cod\u202C Ltd", "formal")).toBe("exe.cod Ltd - formal.docx");
    expect(letterFileName("A\u0000B\u0007C\u2066D\u200F", "polite")).toBe("ABCD - polite.docx");
    expect(letterFileName("A/B:C", "formal")).toBe("A_B_C - formal.docx");
  });
});

describe("clear errors instead of 'unexpected error'", () => {
  it("20,000 bucket edges in --policy: one line naming the field", async () => {
    const input = await ledger(path.join(dir, "edges.xlsx"));
    const policy = path.join(dir, "edges.json");
    writeFileSync(policy, JSON.stringify({ buckets: { edges: Array.from({ length: 20_000 }, (_, i) => i) } }));
    const result = await cli("aging", input, "--policy", policy, "--as-of", AS_OF, "--lang", "en");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`ar-addin: ${policy}: bad policy field "buckets.edges": 20000 bucket edges: at most 50\n`);
  });

  it("a --policy nested 100,000 levels deep: one line naming where it goes too deep", async () => {
    const input = await ledger(path.join(dir, "deep.xlsx"));
    const policy = path.join(dir, "deep.json");
    writeFileSync(policy, `{"buckets":${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    const result = await cli("aging", input, "--policy", policy, "--as-of", AS_OF, "--lang", "en");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`ar-addin: ${policy}: bad policy field "policy.buckets${"[0]".repeat(31)}": nested more than 32 levels deep\n`);
  });

  it("a template repeating {{invoiceTable}} is a settings problem: the default letter is written", async () => {
    const input = await ledger(path.join(dir, "template.xlsx"), [
      ["template.formal.en.subject", "Pay"],
      ["template.formal.en.body", "{{invoiceTable}}".repeat(5_000)],
    ]);
    const output = path.join(dir, "template.out.xlsx");
    const result = await cli("letters", input, "--out", output, "--as-of", AS_OF, "--lang", "en", "--json");
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.letters).toHaveLength(2);
    expect(json.letters[0].body.length).toBeLessThan(5_000);
    const data = await new ExcelJsAdapter({ input: output }).read();
    expect(data.sheets.map((sheet) => sheet.name)).toContain("Letters 2026-11-23");
    const zip = await JSZip.loadAsync(readFileSync(output));
    expect(Object.keys(zip.files)).toContain("xl/worksheets/sheet3.xml");
  });
});
