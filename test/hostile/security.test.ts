import { rowInEnglish } from "../support/problems";
/**
 * The add-in's security surface (see docs/SECURITY.md): what the pane may load, what the bundle
 * may reach, what the manifest asks for, that workbook text never becomes markup or code.
 */
import { spawn } from "child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import { fromYmd } from "../../src/rules/dates";
import { escapeHtml, lettersForReport, letterToHtml, DEFAULT_TEMPLATES } from "../../src/rules/letters";
import { amount } from "../support/money";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import { buildReport } from "../../src/rules/report";
import type { Invoice, Ledger } from "../../src/rules/types";
import type { WorkbookData } from "../../src/workbook/adapter-types";
import { readSettings } from "../../src/workbook/settings";
import { HOSTILE_CUSTOMER_NAMES } from "../fixtures/cases";
import { sheetOf } from "../support/grid";

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
/** The only remote origin the pane may load from: Microsoft's Office.js CDN. */
const OFFICE_ORIGIN = "https://appsforoffice.microsoft.com";
/**
 * URLs that appear in the bundle but are never fetched: XML namespace names (React DOM's SVG and
 * MathML support) and React's error-decoder links, printed in messages only.
 */
const INERT_URLS = [/^http:\/\/www\.w3\.org\/(1999\/xlink|2000\/svg|XML\/1998\/namespace|1998\/Math\/MathML|1999\/xhtml)$/, /^https:\/\/react\.dev\/errors\/$/];
/** Each CSP directive and the sources it may list. */
const CSP_ALLOWED: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'", OFFICE_ORIGIN],
  "connect-src": ["'self'", OFFICE_ORIGIN],
  "img-src": ["'self'", "data:"],
  // Fluent UI (Griffel) inserts its styles at run time as <style> elements.
  "style-src": ["'self'", "'unsafe-inline'"],
  "font-src": ["'self'", "data:"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'", "'none'"],
  "frame-src": ["'self'", "'none'", OFFICE_ORIGIN],
};

function origin(url: string): string {
  return new URL(url).origin;
}

function manifestOrigin(file: string): string {
  const location = /<SourceLocation DefaultValue="([^"]+)"/.exec(readFileSync(file, "utf8"))?.[1];
  if (!location) throw new Error(`${file}: no SourceLocation`);
  return origin(location);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|html)$/.test(name) ? [full] : [];
  });
}

beforeAll(async () => {
  if (existsSync(path.join(DIST, "taskpane.html")) && existsSync(path.join(DIST, "taskpane.js"))) return;
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "ignore" });
    const timer = setTimeout(() => child.kill("SIGKILL"), 240_000);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve(status);
    });
  });
  expect(code).toBe(0);
}, 250_000);

describe("the task pane page", () => {
  const html = () => readFileSync(path.join(DIST, "taskpane.html"), "utf8");

  function csp(): Map<string, string[]> {
    const meta = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(?:"([^"]*)"|'([^']*)')/i.exec(html());
    expect(meta).not.toBeNull();
    const directives = new Map<string, string[]>();
    for (const part of (meta![1] ?? meta![2]).split(";")) {
      const [name, ...sources] = part.trim().split(/\s+/);
      if (name) directives.set(name.toLowerCase(), sources);
    }
    return directives;
  }

  it("carries a Content-Security-Policy that allows only 'self' and the Office.js origin", () => {
    const directives = csp();
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("script-src")).toEqual(expect.arrayContaining(["'self'", OFFICE_ORIGIN]));
    for (const [name, sources] of directives) {
      expect({ name, known: name in CSP_ALLOWED }).toEqual({ name, known: true });
      for (const source of sources) expect({ name, source, allowed: CSP_ALLOWED[name].includes(source) }).toEqual({ name, source, allowed: true });
    }
    const all = [...directives.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(all).not.toContain("*");
  });

  it("loads scripts only from its own origin and the Office.js CDN", () => {
    const sources = [...html().matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/gi)].map((match) => match[1]);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      if (/^[a-z]+:/i.test(source) || source.startsWith("//")) expect(origin(source.startsWith("//") ? `https:${source}` : source)).toBe(OFFICE_ORIGIN);
    }
    expect(html()).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>\s*\S/i);
  });
});

describe("the bundle", () => {
  it("references no http(s) origin but Office.js and the manifest's own", () => {
    const allowed = new Set([OFFICE_ORIGIN, manifestOrigin(path.join(ROOT, "manifest.xml"))]);
    if (existsSync(path.join(DIST, "manifest.xml"))) allowed.add(manifestOrigin(path.join(DIST, "manifest.xml")));
    const found: string[] = [];
    for (const name of readdirSync(DIST).filter((file) => /\.(js|html|json)$/.test(file))) {
      const text = readFileSync(path.join(DIST, name), "utf8");
      for (const match of text.matchAll(/https?:\/\/[^\s"'`)<>\\;,]+/g)) {
        const url = match[0];
        if (INERT_URLS.some((pattern) => pattern.test(url))) continue;
        let urlOrigin: string;
        try {
          urlOrigin = origin(url);
        } catch {
          urlOrigin = url;
        }
        if (!allowed.has(urlOrigin)) found.push(`${name}: ${url}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe("the manifest", () => {
  it("asks for ReadWriteDocument and nothing more", () => {
    for (const file of [path.join(ROOT, "manifest.xml"), path.join(DIST, "manifest.xml")].filter(existsSync)) {
      const permissions = [...readFileSync(file, "utf8").matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((match) => match[1].trim());
      expect({ file: path.relative(ROOT, file), permissions }).toEqual({ file: path.relative(ROOT, file), permissions: ["ReadWriteDocument"] });
    }
  });
});

describe("the source", () => {
  it("never turns text into markup or code: no dangerouslySetInnerHTML, innerHTML, outerHTML, insertAdjacentHTML, document.write, eval, new Function", () => {
    const forbidden = /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*["'`]/;
    const hits: string[] = [];
    for (const file of sourceFiles(path.join(ROOT, "src"))) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (forbidden.test(line)) hits.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(hits).toEqual([]);
  });
});

const LETTER_TAGS = ["div", "p", "strong", "br", "table", "thead", "tbody", "tfoot", "tr", "th", "td"];

describe("letters as HTML", () => {
  const asOf = fromYmd(2026, 3, 31);
  const invoice = (customer: string, n: number): Invoice => ({
    customer,
    invoiceNo: `<b>INV-${n}</b>"'&`,
    invoiceDate: fromYmd(2026, 2, 24),
    dueDate: fromYmd(2026, 3, 26),
    amount: amount("1000"),
    received: 0,
    currency: "CNY",
    disputed: false,
  });
  const ledger: Ledger = {
    scale: 2,
    invoices: HOSTILE_CUSTOMER_NAMES.map((name, i) => invoice(name, i)),
    payments: [],
    customers: HOSTILE_CUSTOMER_NAMES.map((name) => ({ name, contact: `<a href="javascript:alert(1)">${name}</a>` })),
  };

  it("escapes every merge value: hostile names, contacts and invoice numbers never become markup", () => {
    const report = buildReport(ledger, asOf, DEFAULT_POLICY);
    for (const lang of ["zh-CN", "zh-TW", "en"] as const) {
      const letters = lettersForReport(report, DEFAULT_POLICY, lang, DEFAULT_TEMPLATES);
      expect(letters).toHaveLength(HOSTILE_CUSTOMER_NAMES.length);
      for (const letter of letters) {
        const html = letterToHtml(letter);
        expect(html).toContain(escapeHtml(letter.customer));
        expect(html).toContain("&lt;b&gt;INV-");
        // Escaped text holds no "<": every "<" opens one of the letter's own tags, with its own attributes only.
        for (const [tag, name, attributes] of html.matchAll(/<\/?([a-zA-Z]+)([^>]*)>/g)) {
          expect({ tag, known: LETTER_TAGS.includes(name.toLowerCase()) }).toEqual({ tag, known: true });
          const names = [...attributes.matchAll(/\s([a-zA-Z-]+)=/g)].map((match) => match[1].toLowerCase());
          for (const attribute of names) expect({ tag, attribute, known: ["style", "lang"].includes(attribute) }).toEqual({ tag, attribute, known: true });
        }
        expect(html.replace(/<\/?[a-zA-Z]+[^>]*>/g, "")).not.toMatch(/[<>]/);
      }
    }
  });

  it("escapes a company template's own markup too", () => {
    const report = buildReport(ledger, asOf, DEFAULT_POLICY);
    const template = { lang: "en" as const, stage: "reminder", subject: "<script>x</script>{{customer}}", body: "<iframe src=//evil>{{customer}}\n\n{{invoiceTable}}" };
    const letters = lettersForReport(report, DEFAULT_POLICY, "en", [template]);
    expect(letters.length).toBeGreaterThan(0);
    for (const letter of letters) {
      const html = letterToHtml(letter);
      expect(html).not.toMatch(/<script|<iframe/i);
      expect(html).toContain("&lt;iframe src=//evil&gt;");
    }
  });
});

/** Runs `call` and undoes any change it made to Object.prototype; returns the names it changed. */
function guardPrototype(call: () => void): string[] {
  const saved = Object.getOwnPropertyDescriptors(Object.prototype);
  let changed: string[] = [];
  try {
    call();
  } finally {
    const now = Object.getOwnPropertyDescriptors(Object.prototype);
    changed = Object.keys(now).filter((key) => !(key in saved) || now[key as keyof typeof now].value !== saved[key as keyof typeof saved].value);
    for (const key of Object.keys(now)) if (!(key in saved)) delete (Object.prototype as Record<string, unknown>)[key];
    Object.defineProperties(Object.prototype, saved);
  }
  return changed;
}

describe("settings from the workbook", () => {
  const keys = ["__proto__.toLocaleString", "__proto__.isPrototypeOf", "constructor.prototype.propertyIsEnumerable", "interest.__proto__.toLocaleString"];

  it("a settings sheet never writes through __proto__ into Object.prototype; such keys are unknown settings", () => {
    const book: WorkbookData = {
      sheets: [sheetOf("Settings", [["Key", "Value"], ...keys.map((key) => [key, "pwned"])])],
      tables: [],
      dateSystem: "1900",
      settings: {},
    };
    let errors: { row: number; column: string; message: string }[] = [];
    const changed = guardPrototype(() => {
      errors = readSettings(book).errors.map(rowInEnglish);
    });
    expect(changed).toEqual([]);
    for (const [i, key] of keys.entries()) {
      expect(errors).toContainEqual(expect.objectContaining({ row: i + 2, column: "B", message: expect.stringContaining(key) }));
    }
  });

  it("the settings store's policy JSON never writes into Object.prototype", () => {
    const book: WorkbookData = {
      sheets: [],
      tables: [],
      dateSystem: "1900",
      settings: { "ar.policy": '{"__proto__":{"toLocaleString":"pwned"},"interest":{"__proto__":{"isPrototypeOf":"pwned"}},"constructor":{"prototype":{"valueOf":1}}}' },
    };
    const changed = guardPrototype(() => {
      readSettings(book);
    });
    expect(changed).toEqual([]);
  });
});
