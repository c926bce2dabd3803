#!/usr/bin/env node
/**
 * Offline structural check of the XML add-in manifest (Microsoft's validator is an online
 * service, unreachable here). Prints one line per check and exits 1 when any fails.
 *
 *   node scripts/validate-manifest.js [manifest.xml] [--functions dist/functions.json]
 *
 * Without --functions it reads dist/functions.json when present, else generates the metadata
 * from src/functions (custom-functions-metadata, as the build does). The Chinese metadata is read
 * from functions.zh-CN.json and functions.zh-TW.json beside it, else made from
 * src/i18n/function-metadata as the build makes it; all three are checked (scripts/function-metadata.js).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { XMLParser, XMLValidator } = require("fast-xml-parser");
const { LOCALIZED_FILES, generateEnglishMetadata, localizeMetadata, metadataProblems, readTranslation } = require("./function-metadata");

const ROOT = path.resolve(__dirname, "..");
/** The custom-functions namespace the formulas and the documentation use: =AR.AGING(...). */
const EXPECTED_NAMESPACE = "AR";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d+(\.\d+){0,3}$/;
const RESOURCE_KINDS = ["Images", "Urls", "ShortStrings", "LongStrings"];

/** Every element node under `node` (depth first) with its path of element names. */
function* walk(node, trail = []) {
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item, trail);
    return;
  }
  if (node === null || typeof node !== "object") return;
  yield { node, trail };
  for (const [key, child] of Object.entries(node)) {
    if (!key.startsWith("@_") && key !== "#text") yield* walk(child, [...trail, key]);
  }
}

const asArray = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const text = (value) => (value && typeof value === "object" ? value["#text"] : value);

/** The resources declared in VersionOverrides/Resources, by kind: id → default value. */
function readResources(app) {
  const resources = (app.VersionOverrides && app.VersionOverrides.Resources) || {};
  const byKind = {};
  for (const kind of RESOURCE_KINDS) {
    byKind[kind] = new Map();
    const group = resources[kind] || {};
    for (const entry of asArray(group.Image || group.Url || group.String)) {
      byKind[kind].set(entry["@_id"], entry["@_DefaultValue"]);
    }
  }
  return byKind;
}

/** Maps an icon URL to its file under assets/, or null when the URL has no /assets/ segment. */
function iconFile(url, assetsDir) {
  const match = /\/assets\/([^?#]+)$/.exec(new URL(url).pathname);
  return match ? path.join(assetsDir, decodeURIComponent(match[1])) : null;
}

/** functions.json and the localized files: from beside functionsJsonPath when there, else as the build makes them. */
async function loadFunctionsMetadata(functionsJsonPath) {
  const present = Boolean(functionsJsonPath) && fs.existsSync(functionsJsonPath);
  const english = present ? JSON.parse(fs.readFileSync(functionsJsonPath, "utf8")) : await generateEnglishMetadata();
  const localized = {};
  for (const [locale, file] of Object.entries(LOCALIZED_FILES)) {
    const beside = present ? path.join(path.dirname(functionsJsonPath), file) : null;
    localized[locale] = beside && fs.existsSync(beside) ? JSON.parse(fs.readFileSync(beside, "utf8")) : localizeMetadata(english, readTranslation(locale));
  }
  return { english, localized };
}

/** Each locale's override of a locale-aware element: locale → value; a repeated locale is reported. */
function overridesOf(node, repeated) {
  const byLocale = new Map();
  for (const override of asArray(node && node.Override)) {
    const locale = String(override["@_Locale"] || "").toLowerCase();
    if (byLocale.has(locale)) repeated.push(locale);
    byLocale.set(locale, override["@_Value"]);
  }
  return byLocale;
}

/**
 * Checks a manifest. Never throws for a bad manifest: every problem is a failed check.
 * @param {object} options
 * @param {string} options.manifestPath - the manifest to check
 * @param {string} [options.assetsDir] - where icon files live (default assets/ beside the repo root)
 * @param {string} [options.functionsJsonPath] - functions.json to check against (default dist/functions.json, else generated)
 * @param {string} [options.commandsPath] - source that registers ribbon functions (default src/commands/commands.ts)
 * @returns {Promise<{ok: boolean, checks: {name: string, ok: boolean, message: string}[]}>}
 */
async function validateManifest(options) {
  const manifestPath = options.manifestPath;
  const assetsDir = options.assetsDir || path.join(ROOT, "assets");
  const functionsJsonPath =
    options.functionsJsonPath === undefined ? path.join(ROOT, "dist/functions.json") : options.functionsJsonPath;
  const commandsPath = options.commandsPath || path.join(ROOT, "src/commands/commands.ts");
  const checks = [];
  const check = (name, ok, message) => checks.push({ name, ok: Boolean(ok), message: ok ? "" : message });

  const xml = fs.readFileSync(manifestPath, "utf8");
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    check("well-formed XML", false, `line ${wellFormed.err.line}: ${wellFormed.err.msg}`);
    return { ok: false, checks };
  }
  check("well-formed XML", true);

  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", removeNSPrefix: true }).parse(xml);
  const app = parsed.OfficeApp;
  if (!app) {
    check("OfficeApp root", false, "the root element is not OfficeApp");
    return { ok: false, checks };
  }
  check("TaskPaneApp", app["@_type"] === "TaskPaneApp", `xsi:type is ${app["@_type"]}, expected TaskPaneApp`);

  const id = text(app.Id);
  check("Id is a GUID", typeof id === "string" && GUID.test(id.trim()), `Id "${id ?? ""}" is not a GUID`);
  const version = text(app.Version);
  check(
    "Version present",
    version !== undefined && VERSION.test(String(version).trim()),
    `Version "${version ?? ""}" is missing or not like 1.0.0.0`,
  );
  check("ProviderName present", Boolean(text(app.ProviderName)), "ProviderName is missing");
  check("DefaultLocale present", Boolean(text(app.DefaultLocale)), "DefaultLocale is missing");
  check(
    "Permissions ReadWriteDocument",
    text(app.Permissions) === "ReadWriteDocument",
    `Permissions is "${text(app.Permissions) ?? ""}", expected ReadWriteDocument`,
  );

  const sets = asArray(app.Requirements && app.Requirements.Sets && app.Requirements.Sets.Set).map((s) => s["@_Name"]);
  check("SharedRuntime requirement", sets.includes("SharedRuntime"), "Requirements has no SharedRuntime set");
  check(
    "CustomFunctionsRuntime requirement",
    sets.includes("CustomFunctionsRuntime"),
    "Requirements has no CustomFunctionsRuntime set",
  );

  // Resource ids: every resid resolves, none longer than 32 characters.
  const resources = readResources(app);
  const known = new Map();
  for (const kind of RESOURCE_KINDS) for (const [rid, value] of resources[kind]) known.set(rid, { kind, value });
  const unresolved = [];
  const tooLong = [];
  const residUses = [];
  for (const { node, trail } of walk(app)) {
    const resid = node["@_resid"];
    if (resid === undefined) continue;
    residUses.push({ resid, element: trail[trail.length - 1] });
    if (!known.has(resid)) unresolved.push(`${resid} (${trail[trail.length - 1]})`);
    if (resid.length > 32) tooLong.push(resid);
  }
  check("every resid resolves", unresolved.length === 0, `unresolved resid: ${unresolved.join(", ")}`);
  check("resid at most 32 characters", tooLong.length === 0, `too long: ${tooLong.join(", ")}`);

  // URLs: every URL-valued attribute or resource is https.
  const urls = [];
  for (const { node } of walk(app)) {
    for (const attribute of ["@_DefaultValue", "@_Value"]) {
      const value = node[attribute];
      if (typeof value === "string" && /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) urls.push(value.trim());
    }
  }
  for (const { node } of walk(app)) {
    const value = text(node.AppDomain);
    for (const domain of asArray(value)) if (typeof domain === "string") urls.push(domain.trim());
  }
  const insecure = urls.filter((url) => !url.startsWith("https://"));
  check("every URL is https", insecure.length === 0, `not https: ${[...new Set(insecure)].join(", ")}`);

  // Icons: each icon URL maps to a file under assets/.
  const iconUrls = [
    app.IconUrl && app.IconUrl["@_DefaultValue"],
    app.HighResolutionIconUrl && app.HighResolutionIconUrl["@_DefaultValue"],
    ...resources.Images.values(),
  ].filter(Boolean);
  const missingIcons = [];
  for (const url of iconUrls) {
    let file = null;
    try {
      file = iconFile(url, assetsDir);
    } catch {
      file = null;
    }
    if (!file || !fs.existsSync(file)) missingIcons.push(`${url} → ${file ? path.relative(ROOT, file) : "no /assets/ path"}`);
  }
  check("every icon file exists", iconUrls.length > 0 && missingIcons.length === 0, `missing icon: ${missingIcons.join(", ")}`);

  // Shared runtime: one long-lived runtime, and every code location points at its page.
  const host = asArray(app.VersionOverrides && app.VersionOverrides.Hosts && app.VersionOverrides.Hosts.Host)[0] || {};
  const runtime = asArray(host.Runtimes && host.Runtimes.Runtime)[0];
  check(
    "shared runtime, lifetime long",
    runtime && runtime["@_lifetime"] === "long",
    "Host has no <Runtime lifetime=\"long\"> under <Runtimes>",
  );
  const runtimeResid = runtime && runtime["@_resid"];
  const extensionPoints = asArray(host.AllFormFactors && host.AllFormFactors.ExtensionPoint);
  const customFunctions = extensionPoints.find((point) => point["@_type"] === "CustomFunctions");
  const functionFile = host.DesktopFormFactor && host.DesktopFormFactor.FunctionFile;
  const codeLocations = [
    ["FunctionFile", functionFile && functionFile["@_resid"]],
    ["CustomFunctions Script", customFunctions && customFunctions.Script && customFunctions.Script.SourceLocation["@_resid"]],
    ["CustomFunctions Page", customFunctions && customFunctions.Page && customFunctions.Page.SourceLocation["@_resid"]],
  ];
  const strays = codeLocations.filter(([, resid]) => resid !== runtimeResid).map(([where, resid]) => `${where}=${resid}`);
  check(
    "code locations use the shared runtime",
    runtimeResid && strays.length === 0,
    `expected ${runtimeResid}: ${strays.join(", ")}`,
  );

  // Custom functions: namespace and metadata.
  const namespaceResid = customFunctions && customFunctions.Namespace && customFunctions.Namespace["@_resid"];
  const namespace = namespaceResid && resources.ShortStrings.get(namespaceResid);
  check(
    `custom functions namespace is ${EXPECTED_NAMESPACE}`,
    namespace === EXPECTED_NAMESPACE,
    `Namespace is "${namespace ?? ""}" but functions.json and the documentation use ${EXPECTED_NAMESPACE}`,
  );
  const metadataResid = customFunctions && customFunctions.Metadata && customFunctions.Metadata.SourceLocation["@_resid"];
  const metadataUrl = metadataResid && resources.Urls.get(metadataResid);
  check(
    "metadata URL is functions.json",
    typeof metadataUrl === "string" && /\/functions\.json$/.test(metadataUrl),
    `Metadata points at "${metadataUrl ?? ""}"`,
  );
  const metadataNode = asArray((app.VersionOverrides.Resources.Urls || {}).Url).find((url) => url["@_id"] === metadataResid);
  const metadataOverrides = overridesOf(metadataNode, []);
  const wrongOverrides = Object.entries(LOCALIZED_FILES)
    .filter(([locale, file]) => {
      const url = metadataOverrides.get(locale.toLowerCase());
      return typeof url !== "string" || !url.endsWith(`/${file}`);
    })
    .map(([locale, file]) => `${locale} → ${metadataOverrides.get(locale.toLowerCase()) ?? "nothing"} (expected …/${file})`);
  check("Chinese Excel gets the Chinese metadata", wrongOverrides.length === 0, `metadata overrides: ${wrongOverrides.join(", ")}`);

  // Overrides: one per locale, none for the default locale (Office's rule for locale-aware settings).
  const defaultLocale = String(text(app.DefaultLocale) || "").toLowerCase();
  const repeated = [];
  for (const { node } of walk(app)) if (node.Override !== undefined && node["@_DefaultValue"] !== undefined) overridesOf(node, repeated);
  for (const { node } of walk(app)) {
    if (node["@_DefaultValue"] !== undefined && overridesOf(node, []).has(defaultLocale)) repeated.push(`${defaultLocale} (the default locale)`);
  }
  check("one override per locale", repeated.length === 0, `repeated overrides: ${[...new Set(repeated)].join(", ")}`);

  try {
    const { english: metadata, localized } = await loadFunctionsMetadata(functionsJsonPath);
    const problems = metadataProblems(metadata, localized);
    check("metadata in three languages", problems.length === 0, problems.join("; "));
    const ids = asArray(metadata.functions).map((fn) => fn.id);
    const badIds = ids.filter((fid) => !/^[A-Z][A-Z0-9_.]*$/.test(fid));
    check(
      "functions.json declares functions",
      ids.length > 0 && badIds.length === 0,
      ids.length === 0 ? "functions.json declares no function" : `ids not upper case: ${badIds.join(", ")}`,
    );
    const prefixed = ids.filter((fid) => fid.startsWith(`${EXPECTED_NAMESPACE}.`));
    check(
      "functions.json ids carry no namespace",
      prefixed.length === 0,
      `ids already start with ${EXPECTED_NAMESPACE}.: ${prefixed.join(", ")} (the manifest adds the namespace)`,
    );
  } catch (error) {
    check("functions.json declares functions", false, `cannot read the metadata: ${error.message}`);
  }

  // Ribbon: ExecuteFunction names are registered by the commands code.
  const commandsSource = fs.existsSync(commandsPath) ? fs.readFileSync(commandsPath, "utf8") : "";
  const functionNames = [];
  for (const { node } of walk(app)) {
    if (node["@_type"] === "ExecuteFunction") functionNames.push(text(node.FunctionName));
  }
  const unregistered = functionNames.filter((name) => !commandsSource.includes(`associate("${name}"`));
  check(
    "ribbon functions are registered",
    unregistered.length === 0,
    `not registered with Office.actions.associate in ${path.relative(ROOT, commandsPath)}: ${unregistered.join(", ")}`,
  );

  return { ok: checks.every((c) => c.ok), checks };
}

async function main(argv) {
  const args = argv.slice(2);
  const functionsIndex = args.indexOf("--functions");
  const functionsJsonPath = functionsIndex >= 0 ? path.resolve(args.splice(functionsIndex, 2)[1]) : undefined;
  const manifestPath = path.resolve(args[0] || path.join(ROOT, "manifest.xml"));
  const result = await validateManifest({ manifestPath, functionsJsonPath });
  for (const c of result.checks) console.log(`${c.ok ? "PASS" : "FAIL"}  ${c.name}${c.ok ? "" : ` — ${c.message}`}`);
  console.log(result.ok ? `\n${path.relative(process.cwd(), manifestPath)} is valid.` : "\nThe manifest has problems.");
  return result.ok ? 0 : 1;
}

if (require.main === module) {
  main(process.argv).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(2);
    },
  );
}

module.exports = { validateManifest, EXPECTED_NAMESPACE };
