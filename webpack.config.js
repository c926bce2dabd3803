/**
 * Build of the add-in: one shared-runtime page (taskpane.html) that loads the task pane, the
 * custom functions and the ribbon commands; the jobs worker the pane starts (jobs-worker.js, not
 * loaded by the page itself); functions.json generated from the JSDoc of src/functions (English)
 * with functions.zh-CN.json and functions.zh-TW.json beside it (see scripts/function-metadata.js),
 * the icons and the manifest.
 *
 * Production rewrites every https://localhost:3000/ in the copied manifest to AR_ADDIN_ORIGIN
 * (default https://example.invalid/ar-addin/). `webpack serve` serves https://localhost:3000 with
 * the Office dev certificates (see ENVIRONMENT.md for the fallbacks).
 */
/* eslint-env node */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { FUNCTION_SOURCES, LocalizedMetadataPlugin } = require("./scripts/function-metadata");

const ROOT = __dirname;
const DEV_ORIGIN = "https://localhost:3000/";
const DEV_ORIGIN_PATTERN = /https:\/\/localhost:3000\//g;
const DEFAULT_PRODUCTION_ORIGIN = "https://example.invalid/ar-addin/";
const DEV_PORT = 3000;

/** The production origin, always ending in "/" so that "origin + path" joins cleanly. */
function productionOrigin() {
  const origin = process.env.AR_ADDIN_ORIGIN || DEFAULT_PRODUCTION_ORIGIN;
  if (!/^https:\/\//.test(origin)) throw new Error(`AR_ADDIN_ORIGIN must be an https URL, got "${origin}"`);
  return origin.endsWith("/") ? origin : `${origin}/`;
}

/** Replaces every dev URL (a global RegExp, not a first-match string replace). */
function rewriteUrls(content, origin) {
  return content.toString().replace(DEV_ORIGIN_PATTERN, origin);
}

function readCertificateFiles() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { cert: "localhost.crt", key: "localhost.key", ca: "ca.crt" };
  if (!Object.values(files).every((name) => fs.existsSync(path.join(dir, name)))) return null;
  return Object.fromEntries(Object.entries(files).map(([k, name]) => [k, fs.readFileSync(path.join(dir, name))]));
}

/**
 * https options for the dev server: the office-addin-dev-certs API first; when it throws (it does
 * where the CA cannot be trusted, e.g. without sudo) the files it generated; else plain http.
 */
async function devServerTransport() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    const files = readCertificateFiles();
    if (files) return { type: "https", options: files };
    console.warn(
      `[ar-addin] No dev certificate (${error && error.message ? error.message.split("\n")[0] : error}); ` +
        "serving plain http. Run `npx office-addin-dev-certs install` for https, which Office requires.",
    );
    return { type: "http" };
  }
}

/** Ignores every path under the repository root except src/, assets/ and manifest.xml. */
function watchIgnored() {
  const root = ROOT.replace(/\\/g, "/").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${root}/(?!src/|assets/|manifest\\.xml$)`);
}

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const origin = production ? productionOrigin() : DEV_ORIGIN;
  // The dev server's live-reload socket needs its own connect-src entry.
  const devConnect = production ? "" : " wss://localhost:3000 ws://localhost:3000";

  return {
    mode: production ? "production" : "development",
    // No eval-based source maps: the page's Content-Security-Policy has no 'unsafe-eval'.
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
      // A Web Worker's script: the pane starts it with new Worker("jobs-worker.js").
      "jobs-worker": "./src/jobs/worker/main.ts",
    },
    output: {
      path: path.resolve(ROOT, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // ES modules out of TypeScript so webpack can tree-shake Fluent UI (tsconfig says commonjs for jest).
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: true } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: FUNCTION_SOURCES.map((file) => `./${file}`),
      }),
      // functions.zh-CN.json and functions.zh-TW.json, which the manifest gives Chinese Excel.
      new LocalizedMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: one page hosts the custom functions, the ribbon commands and the pane.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { devConnect },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: path.resolve(ROOT, "assets"), to: "assets", globOptions: { ignore: ["**/.*"] } },
          {
            from: path.resolve(ROOT, "manifest.xml"),
            to: "manifest.xml",
            ...(production ? { transform: (content) => rewriteUrls(content, origin) } : {}),
          },
        ],
      }),
    ],
    watchOptions: { ignored: watchIgnored() },
    devServer: serving
      ? {
          port: DEV_PORT,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: await devServerTransport(),
          static: false,
        }
      : undefined,
  };
};

module.exports.rewriteUrls = rewriteUrls;
module.exports.productionOrigin = productionOrigin;
