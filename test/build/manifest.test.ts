/**
 * scripts/validate-manifest.js on the real manifest (passes) and on broken copies, each failing
 * with its own message.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = path.join(ROOT, "manifest.xml");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest } = require("../../scripts/validate-manifest.js") as {
  validateManifest: (options: Record<string, string | null | undefined>) => Promise<{
    ok: boolean;
    checks: { name: string; ok: boolean; message: string }[];
  }>;
};

let workDir: string;
let functionsJson: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "ar-manifest-"));
  functionsJson = path.join(workDir, "functions.json");
  const fn = (id: string, description: string) => ({ id, name: id, description, parameters: [] });
  fs.writeFileSync(functionsJson, JSON.stringify({ functions: [fn("AGING", "Aging bucket of an invoice."), fn("PENALTY", "Late interest.")] }));
});

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

async function validateVariant(edit: (xml: string) => string, extra: Record<string, string> = {}) {
  const original = fs.readFileSync(MANIFEST, "utf8");
  const edited = edit(original);
  expect(edited).not.toBe(original);
  const file = path.join(workDir, `manifest-${Math.random().toString(36).slice(2)}.xml`);
  fs.writeFileSync(file, edited);
  return validateManifest({ manifestPath: file, functionsJsonPath: functionsJson, ...extra });
}

function failures(result: { checks: { name: string; ok: boolean; message: string }[] }) {
  return result.checks.filter((check) => !check.ok);
}

describe("validate-manifest", () => {
  it("passes the real manifest, with the metadata generated from the sources", async () => {
    const result = await validateManifest({ manifestPath: MANIFEST, functionsJsonPath: path.join(workDir, "absent.json") });
    expect(failures(result)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.checks.length).toBeGreaterThanOrEqual(18);
  }, 60_000);

  it("fails an unresolved resid, naming it", async () => {
    const result = await validateVariant((xml) => xml.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'));
    expect(failures(result)).toEqual([
      { name: "every resid resolves", ok: false, message: "unresolved resid: Group.Missing (Label)" },
    ]);
  });

  it("fails an http URL", async () => {
    const result = await validateVariant((xml) =>
      xml.replace('DefaultValue="https://localhost:3000/functions.json"', 'DefaultValue="http://localhost:3000/functions.json"'),
    );
    expect(failures(result).map((f) => f.message)).toEqual(["not https: http://localhost:3000/functions.json"]);
  });

  it("fails an icon whose file is not in assets/", async () => {
    const result = await validateVariant((xml) => xml.replace("assets/icon-80.png", "assets/icon-81.png"));
    expect(failures(result)).toHaveLength(1);
    expect(failures(result)[0].message).toContain("missing icon: https://localhost:3000/assets/icon-81.png");
  });

  it("fails a namespace other than AR", async () => {
    const result = await validateVariant((xml) =>
      xml.replace('id="Functions.Namespace" DefaultValue="AR"', 'id="Functions.Namespace" DefaultValue="ARX"'),
    );
    expect(failures(result).map((f) => f.message)).toEqual([
      'Namespace is "ARX" but functions.json and the documentation use AR',
    ]);
  });

  it("fails a functions.json whose ids already carry the namespace", async () => {
    fs.writeFileSync(path.join(workDir, "prefixed.json"), JSON.stringify({ functions: [{ id: "AR.AGING", name: "AR.AGING", description: "Aging.", parameters: [] }] }));
    const result = await validateManifest({ manifestPath: MANIFEST, functionsJsonPath: path.join(workDir, "prefixed.json") });
    // Its Chinese metadata, made from the translations of AGING, finds no AR.AGING there.
    expect(failures(result).map((f) => f.name)).toEqual(["metadata in three languages", "functions.json ids carry no namespace"]);
  });

  it("fails a missing Id and a missing Version", async () => {
    const noId = await validateVariant((xml) => xml.replace(/<Id>[^<]*<\/Id>/, ""));
    expect(failures(noId).map((f) => f.message)).toEqual(['Id "" is not a GUID']);
    const badId = await validateVariant((xml) => xml.replace(/<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>"));
    expect(failures(badId).map((f) => f.message)).toEqual(['Id "not-a-guid" is not a GUID']);
    const noVersion = await validateVariant((xml) => xml.replace("<Version>1.0.0.0</Version>", ""));
    expect(failures(noVersion).map((f) => f.message)).toEqual(['Version "" is missing or not like 1.0.0.0']);
  });

  it("fails malformed XML with its line", async () => {
    const result = await validateVariant((xml) => xml.replace("</Permissions>", ""));
    expect(result.ok).toBe(false);
    expect(result.checks).toHaveLength(1);
    expect(result.checks[0].name).toBe("well-formed XML");
    expect(result.checks[0].message).toMatch(/^line \d+: /);
  });

  it("fails a missing SharedRuntime requirement, other permissions and a short-lived runtime", async () => {
    const noShared = await validateVariant((xml) => xml.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""));
    expect(failures(noShared).map((f) => f.name)).toEqual(["SharedRuntime requirement"]);
    const readOnly = await validateVariant((xml) => xml.replace("<Permissions>ReadWriteDocument", "<Permissions>ReadDocument"));
    expect(failures(readOnly).map((f) => f.message)).toEqual(['Permissions is "ReadDocument", expected ReadWriteDocument']);
    const short = await validateVariant((xml) => xml.replace('lifetime="long"', 'lifetime="short"'));
    expect(failures(short).map((f) => f.name)).toEqual(["shared runtime, lifetime long"]);
  });

  it("fails a ribbon FunctionName that the commands code does not register", async () => {
    const result = await validateVariant((xml) =>
      xml.replace("<FunctionName>generateAging</FunctionName>", "<FunctionName>generateReport</FunctionName>"),
    );
    expect(failures(result)[0].message).toContain("generateReport");
  });

  it("fails when Chinese Excel is not pointed at its metadata, or a locale is overridden twice", async () => {
    const noTw = await validateVariant((xml) => xml.replace(/\s*<bt:Override Locale="zh-TW" Value="[^"]*functions\.zh-TW\.json"\/>/, ""));
    expect(failures(noTw).map((f) => f.message)).toEqual(["metadata overrides: zh-TW → nothing (expected …/functions.zh-TW.json)"]);
    const defaultTwice = await validateVariant((xml) =>
      xml.replace('<Override Locale="zh-CN" Value="应收账款助手"/>', '<Override Locale="zh-CN" Value="应收账款助手"/>\n    <Override Locale="en-US" Value="Receivables"/>'),
    );
    expect(failures(defaultTwice).map((f) => f.message)).toEqual(["repeated overrides: en-us (the default locale)"]);
  });

  it("fails metadata whose descriptions are missing or not in their language", async () => {
    const dir = fs.mkdtempSync(path.join(workDir, "metadata-"));
    const english = { functions: [{ id: "AGING", name: "AGING", description: "Aging bucket.", parameters: [{ name: "due_date", description: "Due date." }] }] };
    const write = (file: string, value: unknown) => fs.writeFileSync(path.join(dir, file), JSON.stringify(value));
    const localized = (description: string, parameter: string, extra: object[] = []) => ({
      functions: [{ ...english.functions[0], description, parameters: [{ name: "due_date", description: parameter }] }, ...extra],
    });
    write("functions.json", english);
    write("functions.zh-CN.json", localized("按到期日返回账龄区间。", "到期日。"));
    write("functions.zh-TW.json", localized("依到期日傳回帳齡區間。", "到期日。"));
    const ok = await validateManifest({ manifestPath: MANIFEST, functionsJsonPath: path.join(dir, "functions.json") });
    expect(failures(ok)).toEqual([]);

    write("functions.zh-TW.json", localized("依到期日传回帳齡区间。", "", [{ id: "DSO", name: "DSO", description: "周转天数", parameters: [] }]));
    write("functions.zh-CN.json", localized("Aging bucket.", "到期日。"));
    const bad = await validateManifest({ manifestPath: MANIFEST, functionsJsonPath: path.join(dir, "functions.json") });
    expect(failures(bad).map((f) => f.name)).toEqual(["metadata in three languages"]);
    expect(failures(bad)[0].message.split("; ")).toEqual([
      "functions.zh-CN.json: AGING is not in Chinese: Aging bucket.",
      "functions.zh-TW.json: functions differ from functions.json (missing: none",
      "extra: DSO DSO ())",
      "functions.zh-TW.json: AGING uses the Simplified form 区: 依到期日传回帳齡区间。",
      "functions.zh-TW.json: AGING.due_date has no description",
      "functions.zh-TW.json: DSO uses the Simplified form 数: 周转天数",
    ]);
  });

  it("exits 0 on the real manifest and 1 on a broken one from the command line", () => {
    const script = path.join(ROOT, "scripts/validate-manifest.js");
    const good = spawnSync(process.execPath, [script, MANIFEST, "--functions", functionsJson], { encoding: "utf8" });
    expect(good.status).toBe(0);
    expect(good.stdout).toContain("PASS  every resid resolves");
    const broken = path.join(workDir, "broken.xml");
    fs.writeFileSync(broken, fs.readFileSync(MANIFEST, "utf8").replace('lifetime="long"', ""));
    const bad = spawnSync(process.execPath, [script, broken, "--functions", functionsJson], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("FAIL  shared runtime, lifetime long");
  });
});
