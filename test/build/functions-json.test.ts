/**
 * The production build: functions.json generated from the JSDoc, the shared-runtime page, and the
 * manifest copied with every dev URL rewritten. Builds once (about 10–20 s) when dist/ is missing
 * or older than its sources; otherwise checks the dist/ that is there.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import zlib from "zlib";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const TEST_ORIGIN = "https://ar.example.com/addin/";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as {
  rewriteUrls: (content: string, origin: string) => string;
  productionOrigin: () => string;
};

function newestSource(): number {
  const stamps: number[] = [];
  const visit = (target: string) => {
    const stat = fs.statSync(target);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(target)) visit(path.join(target, entry));
    else stamps.push(stat.mtimeMs);
  };
  for (const source of ["src", "assets", "manifest.xml", "webpack.config.js"]) visit(path.join(ROOT, source));
  return Math.max(...stamps);
}

function distIsStale(): boolean {
  const required = ["functions.json", "functions.zh-CN.json", "functions.zh-TW.json", "functions.js", "taskpane.html", "manifest.xml"].map((f) => path.join(DIST, f));
  if (!required.every((file) => fs.existsSync(file))) return true;
  if (fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8").includes("localhost")) return true;
  return Math.min(...required.map((file) => fs.statSync(file).mtimeMs)) < newestSource();
}

let builtHere = false;

beforeAll(() => {
  if (!distIsStale()) return;
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production"], {
    cwd: ROOT,
    env: { ...process.env, AR_ADDIN_ORIGIN: TEST_ORIGIN },
    stdio: "pipe",
  });
  builtHere = true;
}, 300_000);

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  result: { dimensionality?: string };
  parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string }[];
}

const readMetadata = (file = "functions.json"): FunctionMetadata[] =>
  (JSON.parse(fs.readFileSync(path.join(DIST, file), "utf8")) as { functions: FunctionMetadata[] }).functions;

describe("dist/functions.json", () => {
  it("declares every AR function, each spilling a range", () => {
    const ids = readMetadata().map((fn) => fn.id).sort();
    expect(ids).toEqual(["AGING", "BUCKETSUM", "CEI", "DAYSOVERDUE", "DSO", "DSO.COUNTBACK", "GRADE", "INTEREST", "LIMIT", "PENALTY", "PROVISION", "STAGE"]);
    for (const fn of readMetadata()) expect(fn.result.dimensionality).toBe("matrix");
  });

  it("gives every function and every parameter a description", () => {
    for (const fn of readMetadata()) {
      expect(fn.description?.length ?? 0).toBeGreaterThan(40);
      for (const parameter of fn.parameters) expect(`${fn.id}.${parameter.name}: ${parameter.description ?? ""}`).toMatch(/: \S.{10,}/);
    }
  });

  it("declares the documented parameters, optional ones marked", () => {
    const byId = new Map(readMetadata().map((fn) => [fn.id, fn]));
    const signature = (id: string) => byId.get(id)!.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    expect(signature("AGING")).toBe("due_date, [as_of], [basis_edges], [lang]");
    expect(signature("PENALTY")).toBe("amount, due_date, [as_of], [daily_rate], [grace_days]");
    expect(signature("LIMIT")).toBe("fixed_limit, [late_payments], [grade], [temporary_limit], [consecutive_months]");
    expect(signature("BUCKETSUM")).toBe("amounts, due_dates, [bucket], [as_of]");
    expect(signature("DSO")).toBe("receivables, credit_sales, [days]");
    expect(signature("DSO.COUNTBACK")).toBe("receivables, monthly_sales, [days_per_month]");
    expect(signature("CEI")).toBe("opening, sales, closing, closing_current, [months]");
    expect(signature("INTEREST")).toBe("amount, due_date, payment_dates, payment_amounts, [as_of]");
    expect(byId.get("PENALTY")!.parameters[0].dimensionality).toBe("matrix");
  });
});

describe("dist/functions.zh-CN.json and dist/functions.zh-TW.json", () => {
  it("declare the same functions, names and parameters as functions.json, in Chinese", () => {
    const shape = (functions: FunctionMetadata[]) => functions.map((fn) => [fn.id, fn.name, fn.parameters.map((p) => [p.name, p.optional ?? false])]);
    for (const file of ["functions.zh-CN.json", "functions.zh-TW.json"]) {
      const localized = readMetadata(file);
      expect(shape(localized)).toEqual(shape(readMetadata()));
      for (const fn of localized) {
        for (const text of [fn.description, ...fn.parameters.map((p) => p.description)]) expect(`${fn.id}: ${text}`).toMatch(/[\u3400-\u9fff]/);
      }
    }
    const interest = (file: string) => readMetadata(file).find((fn) => fn.id === "INTEREST")!;
    expect(interest("functions.zh-CN.json").parameters[2].description).toBe("各笔回款的日期：一张发票时为一行或一列，多张发票时每张发票一行。");
    expect(interest("functions.zh-TW.json").parameters[2].description).toBe("各筆收款的日期：一張發票時為一列或一欄，多張發票時每張發票一列。");
    expect(interest("functions.json").parameters[2].description).toMatch(/^Dates of the part payments/);
  });
});

describe("dist/ page and manifest", () => {
  it("has functions.js registering each function, as its own file", () => {
    const script = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
    for (const id of ["AGING", "PENALTY", "LIMIT", "BUCKETSUM", "INTEREST", "DSO", "DSO.COUNTBACK", "CEI"]) expect(script).toContain(`CustomFunctions.associate("${id}"`);
  });

  it("loads Office.js and all three bundles in taskpane.html under a strict CSP", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    for (const bundle of ["functions.js", "commands.js", "taskpane.js"]) expect(html).toContain(`src=${bundle}`);
    expect(html).toMatch(/Content-Security-Policy[^>]*script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(html).not.toContain("wss://localhost");
  });

  it("rewrites every dev URL in the copied manifest to one https origin", () => {
    const manifest = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    const urls = manifest.match(/https?:\/\/[^"<]+/g) ?? [];
    const appUrls = urls.filter((url) => !url.startsWith("http://schemas.") && !url.startsWith("http://www.w3.org"));
    expect(appUrls.length).toBeGreaterThanOrEqual(8);
    const origins = new Set(appUrls.map((url) => url.replace(/(assets\/[^/]+|[^/]+)$/, "")));
    expect(origins.size).toBe(1);
    expect([...origins][0]).toMatch(/^https:\/\//);
    if (builtHere) expect([...origins][0]).toBe(TEST_ORIGIN);
    expect(fs.existsSync(path.join(DIST, "assets/icon-80.png"))).toBe(true);
    for (const locale of ["zh-CN", "zh-TW"]) expect(manifest).toContain(`<bt:Override Locale="${locale}" Value="${[...origins][0]}functions.${locale}.json"/>`);
  });

  it("keeps the functions bundle within 40 KB gzip, the policy loader included", () => {
    expect(zlib.gzipSync(fs.readFileSync(path.join(DIST, "functions.js"))).length).toBeLessThanOrEqual(40 * 1024);
  });

  it("keeps the pane's own script within 250 KB gzip: the jobs run from the worker's script or, without workers, from a chunk loaded on demand", () => {
    expect(zlib.gzipSync(fs.readFileSync(path.join(DIST, "taskpane.js"))).length).toBeLessThanOrEqual(250 * 1024);
    // The job table is a chunk of its own, loaded by the pane only where there is no worker.
    expect(fs.readFileSync(path.join(DIST, "jobs.js"), "utf8")).toContain("runManagementReport");
    // The Collection tab's screens are a chunk of their own too, loaded when the tab is first opened.
    expect(fs.existsSync(path.join(DIST, "collection.js"))).toBe(true);
    expect(fs.readFileSync(path.join(DIST, "taskpane.js"), "utf8")).not.toContain("AR_CollectionLog");
  });
});

describe("webpack.config.js URL rewriting", () => {
  it("replaces every occurrence, not only the first", () => {
    const text = '<a x="https://localhost:3000/a.html"/><b y="https://localhost:3000/assets/i.png"/>';
    expect(webpackConfig.rewriteUrls(text, "https://cdn.example.com/ar/")).toBe(
      '<a x="https://cdn.example.com/ar/a.html"/><b y="https://cdn.example.com/ar/assets/i.png"/>',
    );
  });

  it("reads AR_ADDIN_ORIGIN, adds the trailing slash and refuses http", () => {
    const saved = process.env.AR_ADDIN_ORIGIN;
    try {
      delete process.env.AR_ADDIN_ORIGIN;
      expect(webpackConfig.productionOrigin()).toBe("https://example.invalid/ar-addin/");
      process.env.AR_ADDIN_ORIGIN = "https://cdn.example.com/ar";
      expect(webpackConfig.productionOrigin()).toBe("https://cdn.example.com/ar/");
      process.env.AR_ADDIN_ORIGIN = "http://cdn.example.com/";
      expect(() => webpackConfig.productionOrigin()).toThrow("must be an https URL");
    } finally {
      if (saved === undefined) delete process.env.AR_ADDIN_ORIGIN;
      else process.env.AR_ADDIN_ORIGIN = saved;
    }
  });
});
