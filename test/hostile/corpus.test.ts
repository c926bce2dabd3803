import { problemText } from "../../src/i18n/messages";
/**
 * The hostile corpus (test/fixtures/cases.ts), built fresh by scripts/make-fixtures.ts, run
 * through the command line (a child process with a time limit) and, for the cases that are
 * plain cells, through the task pane's job over the Office adapter on the Excel stand-in.
 * Each case gets the right figures or one clear message naming what and where — never a crash,
 * a stack trace, a hang, or a changed input file.
 */
import { spawn } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { makeFixtures } from "../../scripts/make-fixtures";
import { CLI_STRINGS } from "../../src/i18n/cli";
import { fillPlaceholders } from "../../src/i18n/fill";
import { runAging, runLetters } from "../../src/jobs/jobs";
import { toJsonReport, type JsonProblem, type JsonReport } from "../../src/jobs/json-report";
import { parseAsOf } from "../../src/cli/args";
import { ExcelJsAdapter } from "../../src/workbook/exceljs/adapter";
import { OfficeAdapter, type ExcelRunner } from "../../src/workbook/office/adapter";
import { CASES, HOSTILE_CUSTOMER_NAMES, type ExpectedError, type FixtureCase, type FixtureCell, type OkExpectation } from "../fixtures/cases";
import { columnLetters, createExcelHost, dateSerial, type SpecCell, type WorkbookSpec } from "../support/excel-standin";

const ROOT = path.resolve(__dirname, "..", "..");
const CLI = path.join(ROOT, "bin", "ar-addin.js");
const DEFAULT_BUDGET_MS = 20_000;
/** Errors whose message is meant for the user as it stands (the pane shows these in a MessageBar). */
const USER_ERROR_NAMES = new Set(["LedgerNotFoundError", "JobError", "WorkbookFileError"]);

let files: Record<string, string> = {};
let outDir = "";

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/** Runs the command line as a child process, killed after `timeoutMs`. */
function runCli(args: string[], timeoutMs: number): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, AR_DEBUG: "" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started, timedOut });
    });
  });
}

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Checks a JSON report (from the CLI or from the pane's job) against an ok expectation. */
function expectFigures(json: JsonReport, expected: OkExpectation, checkTold = true): void {
  expect(json.customers).toHaveLength(expected.customers);
  expect({ outstanding: json.totals.outstanding, overdue: json.totals.overdue }).toEqual({ outstanding: expected.outstanding, overdue: expected.overdue });
  for (const [name, figures] of Object.entries(expected.byCustomer ?? {})) {
    const found = json.customers.filter((customer) => customer.customer === name && customer.currency === json.currency);
    expect({ name: name.slice(0, 60), count: found.length }).toEqual({ name: name.slice(0, 60), count: 1 });
    const actual = found[0];
    expect({ outstanding: actual.outstanding, overdue: actual.overdue }).toEqual({ outstanding: figures.outstanding, overdue: figures.overdue });
    if (figures.buckets) expect(actual.buckets).toEqual(figures.buckets);
    if (figures.unappliedCredit) expect(actual.unappliedCredit).toBe(figures.unappliedCredit);
  }
  for (const customer of json.customers) {
    const bucketSum = customer.buckets.reduce((total, amount) => total + Math.round(Number(amount) * 100), 0);
    expect({ customer: customer.customer.slice(0, 60), fen: bucketSum }).toEqual({ customer: customer.customer.slice(0, 60), fen: Math.round(Number(customer.outstanding) * 100) });
  }
  expectErrors(json.errors, expected.errors);
  for (const [currency, totals] of Object.entries(expected.byCurrency ?? {})) {
    const actual = json.totalsByCurrency[currency];
    expect({ currency, customers: actual?.customers, outstanding: actual?.outstanding }).toEqual({ currency, ...totals });
  }
  const text = JSON.stringify(json);
  if (checkTold) for (const pattern of expected.told ?? []) expect(text).toMatch(new RegExp(pattern, "i"));
}

/**
 * Exactly the expected row problems, each at its sheet, row and column, with its message fragment
 * (the fragments are English: each problem is read in English from its code and values, whatever
 * language the report was written in).
 */
function expectErrors(actual: JsonProblem[], expected: ExpectedError[]): void {
  for (const error of actual) expect(error.message).not.toMatch(/\n\s+at /);
  const shown = actual.map((error) => ({ sheet: error.sheet, row: error.row, column: error.column, message: problemText(error, "en") }));
  expect(shown).toHaveLength(expected.length);
  for (const wanted of expected) {
    expect(shown).toContainEqual(expect.objectContaining({ sheet: wanted.sheet, row: wanted.row, column: wanted.column, message: expect.stringContaining(wanted.message) }));
  }
}

function cliArgs(fixture: FixtureCase): string[] {
  const args = [fixture.command ?? "aging", files[fixture.id], "--as-of", fixture.asOf, "--json", "--quiet", "--out", path.join(outDir, `${fixture.id}.out.xlsx`)];
  if (fixture.lang) args.push("--lang", fixture.lang);
  return args;
}

/** The stand-in's spec for a cells case: dates become serials of the workbook's date system. */
function standInSpec(fixture: FixtureCase): WorkbookSpec {
  if (fixture.source.kind !== "cells") throw new Error(`${fixture.id} is not cells`);
  const date1904 = fixture.source.date1904 ?? false;
  const toCell = (cell: FixtureCell): SpecCell => {
    if (cell !== null && typeof cell === "object" && "error" in cell) return { error: cell.error };
    if (cell !== null && typeof cell === "object") {
      const [year, month, day] = cell.date.split("-").map(Number);
      return dateSerial(year, month, day, date1904);
    }
    return cell;
  };
  return { date1904, sheets: fixture.source.sheets.map((sheet) => ({ name: sheet.name, cells: sheet.rows.map((row) => row.map(toCell)) })) };
}

async function runPane(fixture: FixtureCase) {
  const { Excel, host } = createExcelHost(standInSpec(fixture));
  const adapter = new OfficeAdapter(Excel as unknown as ExcelRunner);
  const options = { asOf: parseAsOf(fixture.asOf), lang: fixture.lang ?? ("zh-CN" as const) };
  const result = fixture.command === "letters" ? await runLetters(adapter, options) : await runAging(adapter, options);
  return { result, host, json: toJsonReport(result.report, result.policy, options.lang) };
}

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, "build", "cli", "main.js"))) {
    const build = await new Promise<number | null>((resolve) => {
      const child = spawn("npm", ["run", "build:cli", "--silent"], { cwd: ROOT, stdio: "ignore" });
      const timer = setTimeout(() => child.kill("SIGKILL"), 170_000);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    expect(build).toBe(0);
  }
  files = await makeFixtures();
  outDir = mkdtempSync(path.join(tmpdir(), "ar-hostile-"));
}, 180_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe("the corpus through the command line", () => {
  it.each(CASES.map((fixture) => [fixture.id, fixture] as const))(
    "%s",
    async (_id, fixture) => {
      const input = files[fixture.id];
      const before = sha256(input);
      const budget = fixture.budgetMs ?? DEFAULT_BUDGET_MS;
      const run = await runCli(cliArgs(fixture), budget);
      expect({ timedOut: run.timedOut, signal: run.signal }).toEqual({ timedOut: false, signal: null });
      expect(sha256(input)).toBe(before);
      expect(run.stderr).not.toMatch(/^\s{4}at /m);
      expect(run.stderr).not.toContain("unexpected error");
      // The CLI words an unexpected failure in its --lang (zh-CN by default): none of them may show.
      for (const words of Object.values(CLI_STRINGS)) expect(run.stderr).not.toContain(fillPlaceholders(words.unexpectedError, { message: "" }).trim());
      if (fixture.expect.kind === "fatal") {
        expect({ code: run.code, stdout: run.stdout }).toEqual({ code: fixture.expect.exitCode, stdout: "" });
        const lines = run.stderr.split("\n").filter((line) => line !== "");
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^ar-addin: /);
        expect(lines[0]).toContain(fixture.expect.stderr);
        return;
      }
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
      const json = JSON.parse(run.stdout) as JsonReport & { letters?: { subject: string; body: string }[] };
      expectFigures(json, fixture.expect);
    },
    120_000,
  );

  it("ages a one-invoice ledger above 200,000 formatted empty rows in under 10 s of CPU", async () => {
    const fixture = CASES.find((c) => c.id === "huge-formatted-empty")!;
    const started = process.cpuUsage();
    const adapter = new ExcelJsAdapter({ input: files[fixture.id], output: path.join(outDir, "huge.cpu.xlsx") });
    const result = await runAging(adapter, { asOf: parseAsOf(fixture.asOf), lang: "en" });
    const used = process.cpuUsage(started);
    expect(result.summary[0]).toMatchObject({ customers: 1, outstanding: "100.00" });
    expect(Math.round((used.user + used.system) / 1000)).toBeLessThan(10_000);
  }, 120_000);
});

describe("the corpus through the pane's job on the Excel stand-in (OfficeAdapter)", () => {
  const cellCases = CASES.filter((fixture) => fixture.source.kind === "cells" && !fixture.noStandIn);
  it.each(cellCases.map((fixture) => [fixture.id, fixture] as const))(
    "%s",
    async (_id, fixture) => {
      if (fixture.expect.kind === "fatal") {
        const failure = await runPane(fixture).then(
          () => null,
          (error: unknown) => error as Error,
        );
        expect(failure).toBeInstanceOf(Error);
        expect(USER_ERROR_NAMES.has(failure!.name)).toBe(true);
        expect(failure!.message).toContain(fixture.expect.pane ?? fixture.expect.stderr);
        return;
      }
      const { json } = await runPane(fixture);
      const expressible = fixture.source.kind === "cells" && fixture.source.sheets.every((sheet) => !sheet.hiddenRows);
      expectFigures(json, fixture.expect, expressible);
    },
    30_000,
  );

  it("writes formula-like, markup, emoji and right-to-left customer names back as text, never as formulas", async () => {
    const fixture = CASES.find((c) => c.id === "hostile-names")!;
    const { result, host } = await runPane(fixture);
    const summary = result.sheets[0];
    const cells = host.workbook.values(summary).flat();
    for (const name of HOSTILE_CUSTOMER_NAMES) expect(cells).toContain(name);
    const formulas: string[] = [];
    for (const sheet of result.sheets) {
      host.workbook.values(sheet).forEach((row, r) =>
        row.forEach((_value, c) => {
          const address = `${columnLetters(c)}${r + 1}`;
          const formula = host.workbook.cell(sheet, address).formula;
          if (formula !== undefined && HOSTILE_CUSTOMER_NAMES.some((name) => name === formula || `=${name}` === formula)) formulas.push(`${sheet}!${address}`);
        }),
      );
    }
    expect(formulas).toEqual([]);
  });
});

describe("what the command line writes", () => {
  it("keeps formula-like customer names as text in the output workbook", async () => {
    const fixture = CASES.find((c) => c.id === "hostile-names")!;
    const out = path.join(outDir, "hostile-names.check.xlsx");
    const run = await runCli(["aging", files[fixture.id], "--as-of", fixture.asOf, "--quiet", "--out", out], DEFAULT_BUDGET_MS);
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const texts: string[] = [];
    const formulas: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas.push(`${sheet.name}!${cell.address}`);
          else if (typeof cell.value === "string") texts.push(cell.value);
        }),
      ),
    );
    expect(formulas).toEqual([]);
    for (const name of HOSTILE_CUSTOMER_NAMES) expect(texts).toContain(name);
  }, 60_000);

  it("reads its own output back as input: the generated sheets are skipped and the figures are the same", async () => {
    const fixture = CASES.find((c) => c.id === "header-row-7")!;
    const first = path.join(outDir, "roundtrip.1.xlsx");
    const second = path.join(outDir, "roundtrip.2.xlsx");
    const once = await runCli(["aging", files[fixture.id], "--as-of", fixture.asOf, "--json", "--quiet", "--out", first], DEFAULT_BUDGET_MS);
    expect(once.code).toBe(0);
    const before = sha256(first);
    const twice = await runCli(["aging", first, "--as-of", fixture.asOf, "--json", "--quiet", "--out", second], DEFAULT_BUDGET_MS);
    expect({ code: twice.code, stderr: twice.stderr }).toEqual({ code: 0, stderr: "" });
    expect(sha256(first)).toBe(before);
    expectFigures(JSON.parse(twice.stdout) as JsonReport, fixture.expect as OkExpectation);
  }, 60_000);

  it("puts the letter with unknown merge fields out, the unknown fields left visible", async () => {
    const fixture = CASES.find((c) => c.id === "template-unknown-fields")!;
    const run = await runCli(cliArgs(fixture), DEFAULT_BUDGET_MS);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { letters: { customer: string; subject: string; body: string }[] };
    expect(json.letters.map((letter) => letter.customer)).toEqual(["Tpl Co"]);
    expect(json.letters[0].subject).toContain("{{customerNam}}");
    expect(json.letters[0].body).toContain("Dear Tpl Co,\n{{bogus}}");
  }, 60_000);
});
