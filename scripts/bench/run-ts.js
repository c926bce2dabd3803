#!/usr/bin/env node
/**
 * Runs a TypeScript file without ts-node: a require hook transpiles each .ts file with
 * typescript's transpileModule (no type check — `npm run typecheck` does that).
 * Usage: node scripts/bench/run-ts.js scripts/bench-rules.ts [args…]
 */
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

require.extensions[".ts"] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
      inlineSourceMap: true,
    },
  });
  module._compile(outputText, filename);
};

const script = process.argv[2];
if (!script) {
  process.stderr.write("usage: node scripts/bench/run-ts.js <file.ts> [args…]\n");
  process.exit(2);
}
process.argv.splice(1, 2, path.resolve(script));
require(path.resolve(script));
